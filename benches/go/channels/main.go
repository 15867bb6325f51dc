// Command channels is the Go twin of the Rust bench `channels`
// (benches/benches/channels.rs): 100 000 numbers from producers to one consumer
// through a channel with a buffer of 1024, and through an unbuffered one (every send
// waits for its receive). First one producer, then four.
//
// A Go channel is the one tool Go has for all of these cases; Rust has three (std,
// crossbeam, tokio), because threads and async tasks block in different ways.
//
//	go run ./channels        (in benches/go; WORKSHOP_BENCH_QUICK=1 or -quick for a short run)
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"sort"
	"strings"
	"time"
)

const (
	messages = 100000
	capacity = 1024
)

// expectedSum is 0 + 1 + ... + (messages - 1): checked every time, so a lost message
// fails the bench instead of looking fast.
const expectedSum = messages * (messages - 1) / 2

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	for i, producers := range []int{1, 4} {
		if i > 0 {
			fmt.Println()
		}
		plural := "s"
		if producers == 1 {
			plural = ""
		}
		title := fmt.Sprintf("channels (Go): %d messages, %d producer%s -> 1 consumer", messages, producers, plural)
		rows := []row{
			measure(fmt.Sprintf("chan, buffer %d", capacity), messages, "message", quick, func() { send(producers, capacity) }),
			measure("chan, unbuffered", messages, "message", quick, func() { send(producers, 0) }),
		}
		fmt.Print(renderTable(title, rows))
	}
}

// ANCHOR: send
// send moves the numbers 0..messages-1 from `producers` goroutines to this one.
func send(producers, buffer int) {
	ch := make(chan int, buffer)
	done := make(chan struct{})
	for p := 0; p < producers; p++ {
		go func(p int) {
			for n := p; n < messages; n += producers {
				ch <- n
			}
			done <- struct{}{}
		}(p)
	}
	// Close the channel once every producer is done, so the range below ends.
	go func() {
		for p := 0; p < producers; p++ {
			<-done
		}
		close(ch)
	}()
	sum := 0
	for n := range ch {
		sum += n
	}
	if sum != expectedSum {
		log.Fatalf("the channel lost or duplicated messages: sum %d, expected %d", sum, expectedSum)
	}
}

// ANCHOR_END: send

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
