// Command ratelimit serves requests at most one per 200 ms with a time.Ticker, then
// with a bursty limiter that lets three go at once (Go by Example's "Rate Limiting").
//
// Run it from book/go: go run ./07-patterns/ratelimit
package main

import (
	"fmt"
	"time"
)

func main() {
	start := time.Now()
	at := func() int64 { return time.Since(start).Milliseconds() }

	// ANCHOR: ticker
	// One request per tick: the first waits a whole interval too.
	limiter := time.NewTicker(200 * time.Millisecond)
	defer limiter.Stop()
	for i := 1; i <= 3; i++ {
		<-limiter.C
		fmt.Printf("request %d at %4d ms\n", i, at())
	}
	// ANCHOR_END: ticker

	// ANCHOR: bursty
	// A bucket of 3 tokens, full at the start, refilled by a ticker.
	bursty := make(chan time.Time, 3)
	for range 3 {
		bursty <- time.Now()
	}
	go func() {
		for t := range time.Tick(200 * time.Millisecond) {
			bursty <- t // blocks while the bucket is full: no saving up
		}
	}()
	start = time.Now()
	for i := 1; i <= 5; i++ {
		<-bursty
		fmt.Printf("bursty request %d at %4d ms\n", i, at())
	}
	// ANCHOR_END: bursty
}
