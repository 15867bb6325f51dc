// The seed's counter with counter++ instead of atomic.AddInt64: a data race that Go
// compiles without a word. Chapter 00 sets it beside the Rust program that does not
// compile at all.
//
// Run it with the race detector, from book/go:
//
//	go run -race ./00-basics/racycounter
//
// The detector reports "WARNING: DATA RACE" (a read and a write of counter from two
// goroutines) and the program exits with status 66. Without -race it prints a total
// that is usually 5000 on a small machine and sometimes less: the race is there either
// way, whether or not this run happened to lose an update.
package main

import (
	"fmt"
	"sync"
)

// ANCHOR: counter
func main() {
	var counter int64
	var wg sync.WaitGroup
	workers, increments := 5, 1000

	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < increments; i++ {
				counter++ // read, add, write: others can write in between
			}
		}()
	}
	wg.Wait()
	fmt.Println("final value:", counter)
}

// ANCHOR_END: counter
