/** The worker pool as Go, with the lines goroutines wait on tagged for the code panel (see core/gosource.ts). */
export const GO = `
func main() {
	jobs := make(chan Job, buffer)

	go func() { // producer
		for _, j := range items {
			jobs <- j //@ producer send jobs
		}
		close(jobs) // workers' range loops end once it drains
	}()

	var wg sync.WaitGroup
	for w := 1; w <= P; w++ {
		wg.Add(1)
		go func() { // worker w
			defer wg.Done()
			for j := range jobs { //@ worker* recv jobs
				process(j) //@ worker* job
			}
		}()
	}
	wg.Wait() //@ main barrier
}
`
