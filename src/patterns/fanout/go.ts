/**
 * Fan-out/fan-in as Go, one function per handler mode, with the lines goroutines wait on tagged for
 * the code panel (see core/gosource.ts). Calls are goroutines named by the user, in group "tasks":
 * their lines come first so that a call named like another goroutine ("main", "closer") still
 * finds its own. Main's own jobs are told apart by their group: the calls ("tasks") and "combine".
 */
export const GO = `
// fanOut: a goroutine per call, joined by wg.Wait()
func fanOut(work []Call) []Result {
	results := make([]Result, len(work))
	var wg sync.WaitGroup
	wg.Add(len(work))
	for i, c := range work {
		go func() { // named after its call
			defer wg.Done()
			results[i] = c.Do() //@ tasks job
		}()
	}
	wg.Wait() // the slowest call decides, not the sum //@ main barrier wg
	return results
}

// fanOutBounded: W workers take calls from a channel and send
// their results back; main collects them
func fanOutBounded(work []Call, W int) []Result {
	calls := make(chan Call, len(work))
	results := make(chan Result, len(work))

	go func() { // feeder
		for _, c := range work {
			calls <- c //@ feeder send calls
		}
		close(calls)
	}()

	var wg sync.WaitGroup
	for w := 1; w <= W; w++ {
		wg.Add(1)
		go func() { // worker w
			defer wg.Done()
			for c := range calls { //@ workers recv calls
				r := c.Do() //@ workers job
				results <- r //@ workers send results
			}
		}()
	}

	go func() { // closer: no more results once every worker is done
		wg.Wait() //@ closer barrier wg
		close(results)
	}()

	var out []Result
	for r := range results { //@ main recv results
		out = append(out, r) // results received
	}
	return out
}

// oneByOne: the handler makes every call itself, in turn
func oneByOne(work []Call) []Result {
	var results []Result
	for _, c := range work {
		results = append(results, c.Do()) //@ main job tasks
	}
	return results
}

// handler serves one request: every call, then combine and respond
func handler(work []Call) Response {
	var results []Result
	switch {
	case sequential:
		results = oneByOne(work)
	case W == 0:
		results = fanOut(work)
	default:
		results = fanOutBounded(work, W)
	}
	return combine(results) //@ main job combine
}
`
