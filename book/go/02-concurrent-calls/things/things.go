// Package things is what the two GetAllTheThings programs share: the fake slow services
// they call, the Thing one call gives back, and Get, which makes one call. The naive and
// the concurrent version differ only in GetAllTheThings; both call the very same Get,
// as in the article this ports.
package things

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

// FakeServices starts a local HTTP server (the Go cousin of crates/upstream): /facebook,
// /twitter and /github each answer a small JSON document after their latency.
func FakeServices() *httptest.Server {
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
// Thing is what one call gives back. A failed call is a Thing with Err set: the
// batch never loses a member (the article this ports ignored errors; we don't).
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

// Report prints one line per thing and the batch's total time.
func Report(title string, things []Thing, elapsed time.Duration) {
	for _, thing := range things {
		if thing.Err != nil {
			fmt.Printf("  %-8s  error: %v\n", thing.Name, thing.Err)
			continue
		}
		fmt.Printf("  %-8s  %4d ms\n", thing.Name, thing.Elapsed.Milliseconds())
	}
	fmt.Printf("%s GetAllTheThings: %d things in %d ms\n", title, len(things), elapsed.Milliseconds())
}
