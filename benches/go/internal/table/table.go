// Package table measures the Go twins' operations and prints their summary table, the
// same shape as the Rust benches print (benches/src/table.rs): one row per way of doing
// the work, times in readable units, and how each row compares with the first.
//
// It lives once, here, for every twin (spawn, channels, fanout, cpu): each program only
// says what it measures.
package table

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Row is one line of a summary table.
type Row struct {
	Name         string
	Mean, Median float64 // seconds per operation
	Items        int     // items per operation (0: no "per item" column)
	Unit         string  // what an item is ("spawn", "message"), for the "per item" column
}

// Measure runs op a few times to warm up, then takes samples of n operations each
// (n chosen so a sample lasts at least a few milliseconds): the mean is total time over
// total operations, the median that of the per-sample averages.
func Measure(name string, items int, unit string, quick bool, op func()) Row {
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
	return Row{name, total.Seconds() / float64(n*samples), median, items, unit}
}

// Render returns title, then a header and one line per row:
// `name  mean  median  [per item]  vs FIRST`.
func Render(title string, rows []Row) string {
	if len(rows) == 0 {
		return title + "\n  (nothing measured)\n"
	}
	perItem := ""
	for _, r := range rows {
		if r.Items > 0 {
			perItem = "per " + r.Unit
			break
		}
	}
	lines := [][5]string{{"name", "mean", "median", perItem, "vs " + rows[0].Name}}
	for i, r := range rows {
		item := ""
		if r.Items > 0 {
			item = formatDuration(r.Mean / float64(r.Items))
		}
		lines = append(lines, [5]string{r.Name, formatDuration(r.Mean), formatDuration(r.Median), item, compare(rows[0].Mean, r.Mean, i == 0)})
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
		// Times right-aligned, so the units line up.
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

// compare: `1.00x` for the baseline, otherwise `7.6x faster` or `1.04x slower` than it.
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

// formatRatio: two decimals under 2 (`1.04x`: close calls stay visible), one under 10
// (`7.6x`), none above (`132x`).
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

// formatDuration: seconds as `812 ns`, `3.41 µs`, `21.3 ms` or `1.20 s`, three
// significant digits.
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
