// Command naive is GetAllTheThings the naive way: it asks three slow services one after
// the other, so the whole batch costs the sum of their latencies.
//
// Run it from book/go: go run ./02-concurrent-calls/naive
package main

import (
	"time"

	"workshop/book/02-concurrent-calls/things"
)

// ANCHOR: naive
// GetAllTheThings fetches every URL, one after the other.
func GetAllTheThings(urls []string) []things.Thing {
	result := make([]things.Thing, 0, len(urls))
	for _, url := range urls {
		result = append(result, things.Get(url))
	}
	return result
}

// ANCHOR_END: naive

// ANCHOR: main
func main() {
	server := things.FakeServices()
	defer server.Close()
	urls := []string{server.URL + "/facebook", server.URL + "/twitter", server.URL + "/github"}

	started := time.Now()
	all := GetAllTheThings(urls)
	things.Report("naive", all, time.Since(started))
}

// ANCHOR_END: main
