/**
 * The producer–consumer as Go, finite and continuous, with the lines goroutines wait on tagged for
 * the code panel (see core/gosource.ts).
 */
export const GO = `
var stop = make(chan struct{}) // closed by the Stop button

func main() {
	// buffer 0: unbuffered, every send waits for a receiver
	events := make(chan int, buffer)
	if continuous {
		untilStop(events)
	} else {
		finite(events)
	}
}

// finite: a producer makes n items, M consumers range over them
func finite(events chan int) {
	go func() { // producer
		for i := 0; i < n; i++ {
			produce(i) // a hiccup every hiccupEvery items //@ producer job
			// blocks while the buffer is full: backpressure
			events <- i //@ producer send events
		}
		close(events)
	}()

	var consumers sync.WaitGroup
	for c := 1; c <= M; c++ {
		consumers.Add(1)
		go func() { // consumer, or consumer c when M > 1
			defer consumers.Done()
			for item := range events { //@ consumers recv events
				consume(item) //@ consumers job
			}
		}()
	}
	consumers.Wait() //@ main barrier consumers
}

// untilStop: a ticker at R events/s drives a generator that feeds
// M batch writers, until Stop
func untilStop(events chan int) {
	// like a time.Ticker's channel: it holds one tick
	tick := make(chan int, 1)
	go func() { // ticker
		for k := 1; ; k++ {
			next := start.Add(time.Duration(k) * period)
			time.Sleep(time.Until(next)) //@ ticker sleep
			select {
			case tick <- k:
			default: // last tick not taken yet: drop it
			}
		}
	}()

	go func() { // generator
		seq := 0
		for range tick { //@ generator recv tick
			// throttled when the writers fall behind
			events <- seq //@ generator send events
			seq++
		}
	}()

	for c := 1; c <= M; c++ {
		go func() { // writer, or writer c when M > 1
			for {
				batch := []int{<-events} //@ writers recv events
				// add what is waiting, up to batchSize
			more:
				for len(batch) < batchSize {
					select {
					case e := <-events:
						batch = append(batch, e)
					default:
						break more
					}
				}
				// batchCost + consume per event
				write(batch) //@ writers job
			}
		}()
	}

	<-stop // runs until Stop //@ main recv stop
}
`
