// Command workerpool runs nine jobs on three workers that share one jobs channel and
// send their results back (Go by Example's "Worker Pools"), and survives a job that
// panics: each job runs under recover.
//
// Run it from book/go: go run ./07-patterns/workerpool
package main

import (
	"fmt"
	"time"
)

type Result struct {
	Job   int
	Value int
	Err   error
}

// ANCHOR: pool
// worker takes jobs until the jobs channel is closed and drained.
func worker(id int, jobs <-chan int, results chan<- Result) {
	for j := range jobs {
		results <- run(j)
	}
}

// run turns a panic in the job into an error, so the worker lives on.
func run(j int) (r Result) {
	r.Job = j
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Errorf("job %d panicked: %v", j, p)
		}
	}()
	if j == 5 {
		panic("bad input")
	}
	time.Sleep(100 * time.Millisecond)
	r.Value = j * 2
	return r
}

func main() {
	jobs := make(chan int, 9)
	results := make(chan Result, 9)
	for w := 1; w <= 3; w++ {
		go worker(w, jobs, results)
	}
	for j := 1; j <= 9; j++ {
		jobs <- j
	}
	close(jobs) // no more jobs: each worker's range loop ends
	for range 9 {
		fmt.Println(<-results)
	}
}

// ANCHOR_END: pool
