// Command concurrent is GetAllTheThings with a goroutine per call: it asks three slow
// services at the same time, so the whole batch costs the slowest latency, and the
// results come back in the order the calls finished.
//
// Run it from book/go: go run ./02-concurrent-calls/concurrent
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

// ANCHOR: fake
// latencies says how long each fake service waits before it answers.
var latencies = map[string]time.Duration{
	"facebook": 300 * time.Millisecond,
	"twitter":  100 * time.Millisecond,
	"github":   200 * time.Millisecond,
}

// fakeServices starts a local HTTP server (the Go cousin of crates/upstream): /facebook,
// /twitter and /github each answer a small JSON document after their latency.
func fakeServices() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		latency, ok := latencies[name]
		if !ok {
			http.Error(w, `{"error":"no such service"}`, http.StatusNotFound)
			return
		}
		time.Sleep(latency) // the "slow upstream": this goroutine waits, the others don't
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"service":%q,"user":"gopher"}`, name)
	}))
}

// ANCHOR_END: fake

// ANCHOR: get
// Thing is what one call gives back. A failed call is a Thing with Err set: the batch
// never loses a member (the article this ports ignored errors; we don't).
type Thing struct {
	Name    string
	Body    map[string]any
	Err     error
	Elapsed time.Duration
}

// One client for every call: it keeps connections open for reuse.
var client = &http.Client{Timeout: 10 * time.Second}

// Get fetches one service and decodes its JSON body.
func Get(url string) Thing {
	started := time.Now()
	thing := Thing{Name: url[strings.LastIndex(url, "/")+1:]}
	thing.Err = getJSON(url, &thing.Body)
	thing.Elapsed = time.Since(started)
	return thing
}

func getJSON(url string, body *map[string]any) error {
	resp, err := client.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("the service answered %s", resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(body)
}

// ANCHOR_END: get

// ANCHOR: concurrent
// GetAllTheThings fetches every URL at the same time: one goroutine per URL, each
// sending its Thing into one channel. Same signature as the naive version.
func GetAllTheThings(urls []string) []Thing {
	ch := make(chan Thing)
	for _, url := range urls {
		// Pass url as an argument: before Go 1.22 every iteration shares one `url`
		// variable, and a closure capturing it could see a later value.
		go func(url string) {
			ch <- Get(url)
		}(url)
	}
	things := make([]Thing, 0, len(urls))
	for range urls {
		things = append(things, <-ch) // whichever goroutine is done first
	}
	return things
}

// ANCHOR_END: concurrent

// ANCHOR: main
func main() {
	server := fakeServices()
	defer server.Close()
	urls := []string{server.URL + "/facebook", server.URL + "/twitter", server.URL + "/github"}

	started := time.Now()
	things := GetAllTheThings(urls)
	elapsed := time.Since(started)

	for _, thing := range things {
		if thing.Err != nil {
			fmt.Printf("  %-8s  error: %v\n", thing.Name, thing.Err)
			continue
		}
		fmt.Printf("  %-8s  %4d ms\n", thing.Name, thing.Elapsed.Milliseconds())
	}
	fmt.Printf("concurrent GetAllTheThings: %d things in %d ms\n", len(things), elapsed.Milliseconds())
}

// ANCHOR_END: main
