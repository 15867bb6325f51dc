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
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

const (
	calls   = 8
	latency = 20 * time.Millisecond
)

var endpoints = []string{"facebook", "twitter", "github", "weather"}

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
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

	rows := []row{
		measure("sequential", 0, "", quick, func() { sequential(client, urls) }),
		measure("goroutines", 0, "", quick, func() { concurrent(client, urls) }),
	}
	title := fmt.Sprintf("fanout (Go): %d calls of %d ms each to one fake upstream", calls, latency.Milliseconds())
	fmt.Print(renderTable(title, rows))
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
		go func(url string) {
			defer wg.Done()
			get(client, url)
		}(url)
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

// ---- the summary table, the same shape as the Rust benches print (benches/src/table.rs)

type row struct {
	name         string
	mean, median float64 // seconds per operation
	items        int     // items per operation (0: no "per item" column)
	unit         string
}

// measure runs op a few times to warm up, then takes samples of n operations each
// (n chosen so a sample lasts at least a few milliseconds): the mean is total time over
// total operations, the median that of the per-sample averages.
func measure(name string, items int, unit string, quick bool, op func()) row {
	samples, target := 30, 20*time.Millisecond
	if quick {
		samples, target = 10, 5*time.Millisecond
	}
	op() // warm-up
	n := 1
	for {
		start := time.Now()
		for i := 0; i < n; i++ {
			op()
		}
		if time.Since(start) >= target {
			break
		}
		n *= 2
	}
	var total time.Duration
	perOp := make([]float64, 0, samples)
	for s := 0; s < samples; s++ {
		start := time.Now()
		for i := 0; i < n; i++ {
			op()
		}
		elapsed := time.Since(start)
		total += elapsed
		perOp = append(perOp, elapsed.Seconds()/float64(n))
	}
	sort.Float64s(perOp)
	median := perOp[len(perOp)/2]
	if len(perOp)%2 == 0 {
		median = (perOp[len(perOp)/2-1] + perOp[len(perOp)/2]) / 2
	}
	return row{name, total.Seconds() / float64(n*samples), median, items, unit}
}

func renderTable(title string, rows []row) string {
	if len(rows) == 0 {
		return title + "\n  (nothing measured)\n"
	}
	perItem := ""
	for _, r := range rows {
		if r.items > 0 {
			perItem = "per " + r.unit
			break
		}
	}
	lines := [][5]string{{"name", "mean", "median", perItem, "vs " + rows[0].name}}
	for i, r := range rows {
		item := ""
		if r.items > 0 {
			item = formatDuration(r.mean / float64(r.items))
		}
		lines = append(lines, [5]string{r.name, formatDuration(r.mean), formatDuration(r.median), item, compare(rows[0].mean, r.mean, i == 0)})
	}
	var widths [5]int
	for _, line := range lines {
		for col, cell := range line {
			if n := len([]rune(cell)); n > widths[col] {
				widths[col] = n
			}
		}
	}
	var out strings.Builder
	out.WriteString(title + "\n")
	for _, line := range lines {
		text := "  " + pad(line[0], widths[0], false)
		for col := 1; col < 3; col++ {
			text += "   " + pad(line[col], widths[col], true)
		}
		if perItem != "" {
			text += "   " + pad(line[3], widths[3], true)
		}
		text += "   " + line[4]
		out.WriteString(strings.TrimRight(text, " ") + "\n")
	}
	return out.String()
}

func pad(s string, width int, right bool) string {
	gap := strings.Repeat(" ", width-len([]rune(s)))
	if right {
		return gap + s
	}
	return s + gap
}

func compare(baseline, mean float64, isBaseline bool) string {
	switch {
	case isBaseline:
		return "1.00x"
	case mean <= 0 || baseline <= 0:
		return "-"
	case baseline >= mean:
		return formatRatio(baseline/mean) + " faster"
	default:
		return formatRatio(mean/baseline) + " slower"
	}
}

func formatRatio(ratio float64) string {
	switch {
	case ratio < 2:
		return fmt.Sprintf("%.2fx", ratio)
	case ratio < 10:
		return fmt.Sprintf("%.1fx", ratio)
	default:
		return fmt.Sprintf("%.0fx", ratio)
	}
}

func formatDuration(seconds float64) string {
	value, unit := seconds, "s"
	switch {
	case seconds < 1e-6:
		value, unit = seconds*1e9, "ns"
	case seconds < 1e-3:
		value, unit = seconds*1e6, "µs"
	case seconds < 1:
		value, unit = seconds*1e3, "ms"
	}
	switch {
	case value >= 100:
		return fmt.Sprintf("%.0f %s", value, unit)
	case value >= 10:
		return fmt.Sprintf("%.1f %s", value, unit)
	default:
		return fmt.Sprintf("%.2f %s", value, unit)
	}
}
