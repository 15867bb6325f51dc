// Command spawn is the Go twin of the Rust bench `spawn` (benches/benches/spawn.rs):
// the cost of starting 1000 goroutines and waiting for all of them.
//
// A goroutine starts on a small stack (a few KiB, grown on demand) and is scheduled by
// the Go runtime onto GOMAXPROCS OS threads, so starting one is closer to a tokio task
// than to a thread. For comparison, the first row makes every goroutine lock its OS
// thread and exit without unlocking: the runtime then throws that thread away, so each
// goroutine costs a fresh OS thread, about what std::thread::spawn costs in Rust.
//
//	go run ./spawn          (in benches/go; WORKSHOP_BENCH_QUICK=1 or -quick for a short run)
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
)

const batch = 1000

// sink keeps the compiler from optimising the goroutines' work away.
var sink [batch]int

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	// The thread row first, like the Rust table, so both compare against a thread.
	rows := []row{
		measure("OS thread", batch, "spawn", quick, goroutinesOnFreshThreads),
		measure("goroutine", batch, "spawn", quick, goroutines),
	}
	fmt.Print(renderTable(fmt.Sprintf("spawn (Go): start %d, then wait for all of them", batch), rows))
	fmt.Println("(OS thread: a goroutine that locks its thread and exits, so every one needs a new thread)")
}

// ANCHOR: goroutines
func goroutines() {
	var wg sync.WaitGroup
	wg.Add(batch)
	for i := 0; i < batch; i++ {
		go func(i int) {
			defer wg.Done()
			sink[i] = i
		}(i)
	}
	wg.Wait()
}

// ANCHOR_END: goroutines

// goroutinesOnFreshThreads: a goroutine that exits while locked to its OS thread takes
// the thread down with it, so the runtime must start a new one for the next goroutine.
func goroutinesOnFreshThreads() {
	var wg sync.WaitGroup
	wg.Add(batch)
	for i := 0; i < batch; i++ {
		go func(i int) {
			runtime.LockOSThread() // never unlocked: this thread ends with the goroutine
			defer wg.Done()
			sink[i] = i
		}(i)
	}
	wg.Wait()
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
