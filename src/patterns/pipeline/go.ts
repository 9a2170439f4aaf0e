/**
 * The staged pipeline as Go, both modes, with the lines goroutines wait on tagged for the code panel
 * (see core/gosource.ts). Stage names are the user's, so workers are matched by `*`: main's lines
 * come first and name the channel or WaitGroup, and the closer's wg.Wait() names its stage's wg.
 */
export const GO = `
var workers sync.WaitGroup // every worker of every stage

func main() {
	if sequential {
		oneGoroutine(stages, n)
	} else {
		runPipeline(stages, n, take)
	}
}

// oneGoroutine: main takes each item through every stage in turn
func oneGoroutine(stages []Stage, n int) {
	for i := 0; i < n; i++ {
		for _, st := range stages {
			if !st.Process(i) { //@ main job
				break // dropped: later stages skip it
			}
		}
	}
}

// runPipeline: all stages at once, linked by channels
func runPipeline(stages []Stage, n, take int) {
	items := make(chan int, n)
	for i := 0; i < n; i++ {
		items <- i //@ main send items
	}
	close(items)

	var in <-chan int = items
	for _, st := range stages {
		in = startStage(st, in)
	}

	// in is now the last stage's output: results
	received := 0
	for range in { //@ main recv results
		received++
		if take > 0 && received >= take {
			break // stop early: can the stages finish?
		}
	}
	if take > 0 {
		workers.Wait() //@ main barrier workers
	}
}

// startStage starts a stage's W workers and its closer, and returns
// the channel the stage writes to
func startStage(st Stage, in <-chan int) <-chan int {
	out := make(chan int, st.Buffer) // "Parse→Validate" or results
	var wg sync.WaitGroup           // "Parse wg"
	for w := 1; w <= st.Workers; w++ {
		wg.Add(1)
		workers.Add(1)
		go func() { // "Parse w", in group "Parse"
			defer workers.Done()
			defer wg.Done()
			for item := range in { //@ * recv
				if !st.Process(item) { //@ * job
					continue // dropped: invalid
				}
				out <- item //@ * send
			}
		}()
	}
	go func() { // "Parse closer": the end of the stream moves on
		wg.Wait() //@ *closer barrier *wg
		close(out)
	}()
	return out
}
`
