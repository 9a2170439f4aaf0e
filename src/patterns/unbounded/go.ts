/** A goroutine per item as Go, with the lines goroutines wait on tagged for the code panel (see core/gosource.ts). */
export const GO = `
func main() {
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		// go #i: one goroutine per job, all started at once;
		// nothing limits how many run
		go func() {
			defer wg.Done()
			process(j) //@ go* job
		}()
	}
	wg.Wait() //@ main barrier wg
}
`
