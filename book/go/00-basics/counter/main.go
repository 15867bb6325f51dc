// Five goroutines adding 1000 each to one counter with sync/atomic: the seed article's
// fourth program. Run: go run ./00-basics/counter (from book/go).
//
// Replace atomic.AddInt64(&counter, 1) with counter++ and the program still compiles;
// `go run -race` then reports the data race, and the total may fall short of 5000.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
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
				atomic.AddInt64(&counter, 1) // one step: nobody can interleave
			}
		}()
	}
	wg.Wait()
	fmt.Println("final value:", atomic.LoadInt64(&counter))
}

// ANCHOR_END: counter
