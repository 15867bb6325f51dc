// Command concurrent is GetAllTheThings with a goroutine per call: it asks three slow
// services at the same time, so the whole batch costs the slowest latency, and the
// results come back in the order the calls finished.
//
// Run it from book/go: go run ./02-concurrent-calls/concurrent
package main

import (
	"time"

	"workshop/book/02-concurrent-calls/things"
)

// ANCHOR: concurrent
// GetAllTheThings fetches every URL at the same time: one goroutine per URL,
// each sending its Thing into one channel. Same signature as the naive version.
func GetAllTheThings(urls []string) []things.Thing {
	ch := make(chan things.Thing)
	for _, url := range urls {
		// Since Go 1.22 each iteration has its own url: no copy needed.
		go func() {
			ch <- things.Get(url)
		}()
	}
	result := make([]things.Thing, 0, len(urls))
	for range urls {
		result = append(result, <-ch) // whichever goroutine is done first
	}
	return result
}

// ANCHOR_END: concurrent

// ANCHOR: main
func main() {
	server := things.FakeServices()
	defer server.Close()
	urls := []string{server.URL + "/facebook", server.URL + "/twitter", server.URL + "/github"}

	started := time.Now()
	all := GetAllTheThings(urls)
	things.Report("concurrent", all, time.Since(started))
}

// ANCHOR_END: main
