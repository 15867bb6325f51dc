// Command naive is GetAllTheThings the naive way: it asks three slow services one after
// the other, so the whole batch costs the sum of their latencies.
//
// Run it from book/go: go run ./02-concurrent-calls/naive
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

// ANCHOR: naive
// GetAllTheThings fetches every URL, one after the other.
func GetAllTheThings(urls []string) []Thing {
	things := make([]Thing, 0, len(urls))
	for _, url := range urls {
		things = append(things, Get(url))
	}
	return things
}

// ANCHOR_END: naive

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
	fmt.Printf("naive GetAllTheThings: %d things in %d ms\n", len(things), elapsed.Milliseconds())
}

// ANCHOR_END: main
