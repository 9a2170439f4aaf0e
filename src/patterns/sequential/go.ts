/** The sequential program as Go, with the lines goroutines wait on tagged for the code panel (see core/gosource.ts). */
export const GO = `
func main() {
	// one goroutine: each job starts when the one before it ends
	for _, j := range jobs {
		process(j) //@ main job
	}
}
`
