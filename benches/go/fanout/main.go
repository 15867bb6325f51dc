// Command fanout is the Go twin of the Rust bench `fanout` (benches/benches/fanout.rs):
// 8 calls of 20 ms each to a fake upstream, made one after the other, then with one
// goroutine per call.
//
// The fake upstream is a tiny in-process HTTP server on 127.0.0.1 (the same idea as the
// workshop's Rust crate `upstream`: wait latency_ms, answer a small JSON document).
// Expect sequential ≈ 8 × 20 ms and goroutines ≈ 20 ms, the same ratio as the Rust
// threads and tasks.
//
//	go run ./fanout          (in benches/go; WORKSHOP_BENCH_QUICK=1 or -quick for a short run)
//	go run ./fanout -json    (JSON lines for `cargo workshop bench fanout`, which merges them)
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"workshop/benches/internal/table"
)

const (
	calls   = 8
	latency = 20 * time.Millisecond
)

var endpoints = []string{"facebook", "twitter", "github", "weather"}

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
	asJSON := flag.Bool("json", false, "print the rows as JSON lines (for cargo workshop bench)")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	base, stop, err := startUpstream()
	if err != nil {
		log.Fatalf("cannot start the fake upstream: %v", err)
	}
	defer stop()
	urls := make([]string, calls)
	for i := range urls {
		urls[i] = fmt.Sprintf("%s/%s?latency_ms=%d", base, endpoints[i%len(endpoints)], latency.Milliseconds())
	}
	// Keep a connection per concurrent call (the default keeps 2 per host idle), like
	// reqwest's pool: otherwise every round would pay for new connections.
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: calls},
		Timeout:   10 * time.Second,
	}

	rows := []table.Row{
		table.Measure("sequential", 0, "", quick, func() { sequential(client, urls) }),
		table.Measure("goroutines", 0, "", quick, func() { concurrent(client, urls) }),
	}
	title := fmt.Sprintf("fanout (Go): %d calls of %d ms each to one fake upstream", calls, latency.Milliseconds())
	if err := table.Print(os.Stdout, *asJSON, "fanout", title, rows); err != nil {
		log.Fatal(err)
	}
}

// ANCHOR: sequential
func sequential(client *http.Client, urls []string) {
	for _, url := range urls {
		get(client, url)
	}
}

// ANCHOR_END: sequential

// ANCHOR: concurrent
func concurrent(client *http.Client, urls []string) {
	var wg sync.WaitGroup
	for _, url := range urls {
		wg.Add(1)
		go func() { // since Go 1.22, url is a new variable in every iteration
			defer wg.Done()
			get(client, url)
		}()
	}
	wg.Wait()
}

// ANCHOR_END: concurrent

// get reads the whole body; a failed call stops the bench (fast and wrong is no result).
func get(client *http.Client, url string) {
	response, err := client.Get(url)
	if err != nil {
		log.Fatalf("the fake upstream should answer %s: %v", url, err)
	}
	defer response.Body.Close()
	if _, err := io.Copy(io.Discard, response.Body); err != nil || response.StatusCode != http.StatusOK {
		log.Fatalf("the fake upstream should answer %s: status %d, %v", url, response.StatusCode, err)
	}
}

// startUpstream serves /NAME?latency_ms=N on a free loopback port: it waits N ms, then
// answers a small JSON document. It returns the base URL and a function that stops it.
func startUpstream() (string, func(), error) {
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ms, err := strconv.Atoi(r.URL.Query().Get("latency_ms"))
		if err != nil || ms < 0 {
			http.Error(w, `{"error":"latency_ms must be a whole number"}`, http.StatusBadRequest)
			return
		}
		time.Sleep(time.Duration(ms) * time.Millisecond)
		w.Header().Set("content-type", "application/json")
		fmt.Fprintf(w, `{"service":%q,"user":"gopher"}`, strings.TrimPrefix(r.URL.Path, "/"))
	})
	server := &http.Server{Handler: handler}
	go server.Serve(listener) // returns when the server is closed
	return "http://" + listener.Addr().String(), func() { server.Close() }, nil
}
