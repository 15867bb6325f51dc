// Package race is the seed article's counter, twice: five goroutines adding 1000 each,
// once with a plain counter++ (a data race) and once with sync/atomic.
//
// Run from book/go:
//
//	go test ./08-testing/race               # passes: the racy test is not even built
//	go test -race -run Racy ./08-testing/race   # fails on purpose: the detector's report
//
// The racy test lives in race_test.go behind the `race` build tag, which the go tool
// sets under -race, so a plain `go test ./...` stays green.
package race

import (
	"sync"
	"sync/atomic"
)

// ANCHOR: racy
// CountRacy adds 1 from `workers` goroutines, `n` times each, to one plain int.
// counter++ is a read, an add and a write: two goroutines can read the same value,
// and one of the two increments is lost.
func CountRacy(workers, n int) int {
	counter := 0
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				counter++ // the data race
			}
		}()
	}
	wg.Wait()
	return counter
}

// ANCHOR_END: racy

// CountAtomic is the same with an atomic add, which nothing can interleave.
func CountAtomic(workers, n int) int64 {
	var counter atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := 0; w < workers; w++ {
		go func() {
			defer wg.Done()
			for i := 0; i < n; i++ {
				counter.Add(1)
			}
		}()
	}
	wg.Wait()
	return counter.Load()
}
