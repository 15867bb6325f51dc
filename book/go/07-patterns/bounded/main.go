// Command bounded fetches twelve slow URLs with at most three requests in flight,
// using a buffered channel as a semaphore, and prints the peak and the time taken.
// (golang.org/x/sync/errgroup's SetLimit does the same; this module builds offline
// with the standard library only, so here is the pattern it wraps.)
//
// Run it from book/go: go run ./07-patterns/bounded
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

var inFlight, peak atomic.Int64

// fetch stands in for an HTTP call of 100 ms, and records how many run at once.
func fetch(url string) string {
	now := inFlight.Add(1)
	for old := peak.Load(); now > old && !peak.CompareAndSwap(old, now); old = peak.Load() {
	}
	time.Sleep(100 * time.Millisecond)
	inFlight.Add(-1)
	return "body of " + url
}

// ANCHOR: semaphore
// fetchBounded fetches every URL with at most limit requests in flight,
// and returns the bodies in the order of urls.
func fetchBounded(urls []string, limit int) []string {
	bodies := make([]string, len(urls))
	sem := make(chan struct{}, limit) // a slot is a value in the buffer
	var wg sync.WaitGroup
	for i, url := range urls {
		wg.Add(1)
		sem <- struct{}{} // take a slot: blocks while limit requests run
		go func() {
			defer wg.Done()
			defer func() { <-sem }() // give the slot back when this one ends
			bodies[i] = fetch(url)   // each goroutine writes its own index
		}()
	}
	wg.Wait()
	return bodies
}

// ANCHOR_END: semaphore

func main() {
	urls := make([]string, 12)
	for i := range urls {
		urls[i] = fmt.Sprintf("/things/%d", i)
	}
	start := time.Now()
	bodies := fetchBounded(urls, 3)
	fmt.Printf("%d bodies, at most %d in flight, in %d ms (12 / 3 × 100 ms = 400 ms)\n",
		len(bodies), peak.Load(), time.Since(start).Milliseconds())
}
