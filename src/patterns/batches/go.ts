/** Batch-and-wait as Go, with the lines goroutines wait on tagged for the code panel (see core/gosource.ts). */
export const GO = `
func main() {
	var wg sync.WaitGroup
	for b := 0; b*B < len(jobs); b++ {
		batch := jobs[b*B : min((b+1)*B, len(jobs))]
		for _, j := range batch {
			wg.Add(1)
			go func() { // go #i, in group "batch b+1"
				defer wg.Done()
				process(j) //@ batch* job
			}()
		}
		// a barrier: the next batch waits for the slowest job
		wg.Wait() //@ main barrier wg
	}
}
`
