/**
 * The same calls three ways as Go, one function per mode, with the lines goroutines wait on tagged
 * for the code panel (see core/gosource.ts). Phases and graph share forkJoin, so main's wg.Wait()
 * is one line whichever mode runs (a tag cannot tell the modes apart).
 */
export const GO = `
func handler(calls []Call) {
	switch mode {
	case Phases:
		inPhases(calls)
	case Graph:
		asGraph(calls)
	default:
		oneByOne(calls)
	}
}

// inPhases: fan out one phase, wait for its slowest call, then
// start the next phase
func inPhases(calls []Call) {
	for _, phase := range phasesOf(calls) {
		forkJoin(phase, func(c Call) {
			c.Do() //@ phase* job
		})
	}
}

// asGraph: each call starts as soon as the calls it needs are done.
// done[x] is closed when x finishes: a close wakes every receiver.
func asGraph(calls []Call) {
	done := make(map[string]chan struct{})
	for _, c := range calls {
		done[c.Name] = make(chan struct{}) // "Auth done", ...
	}
	forkJoin(calls, func(c Call) {
		for _, in := range c.After {
			<-done[in] // wait for an input //@ calls recv *done
		}
		c.Do() //@ calls job
		close(done[c.Name])
	})
}

// oneByOne: main makes every call itself, in turn
func oneByOne(calls []Call) {
	for _, c := range calls {
		c.Do() //@ main job
	}
}

// forkJoin runs f for each call in a goroutine named after the call,
// then waits for all of them: a barrier
func forkJoin(calls []Call, f func(Call)) {
	var wg sync.WaitGroup
	wg.Add(len(calls))
	for _, c := range calls {
		go func() {
			defer wg.Done()
			f(c)
		}()
	}
	wg.Wait() //@ main barrier wg
}
`
