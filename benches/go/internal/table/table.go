// Package table measures the Go twins' operations and prints their summary table, the
// same shape as the Rust benches print (benches/src/table.rs): one row per way of doing
// the work, times in readable units, and how each row compares with the first.
//
// It lives once, here, for every twin (spawn, channels, fanout, cpu, memory): each
// program only says what it measures.
//
// With -json a twin prints no table: it writes its rows as JSON lines on stdout (see
// Emitter), and `cargo workshop bench NAME` merges them with the Rust bench's rows into
// one table with a "vs Go" column.
package table

import (
	"encoding/json"
	"fmt"
	"io"
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

// Value is one figure of a JSON row: its column, value and unit ("s": seconds, "B":
// bytes, "/s": a rate, "n": a count), which way is better ("lower" or "higher"), and
// whether Rust rows are compared with Go rows on it.
type Value struct {
	Col    string  `json:"col"`
	V      float64 `json:"v"`
	Unit   string  `json:"unit"`
	Better string  `json:"better"`
	Ratio  bool    `json:"ratio"`
}

// record is one JSON line: a table, a row or a note. The same shape as the Rust
// benches write (benches/src/report.rs); crates/workshop/src/bench_table.rs reads both.
type record struct {
	Kind    string  `json:"kind"`
	Table   string  `json:"table"`
	Title   string  `json:"title,omitempty"`
	VsFirst bool    `json:"vs_first,omitempty"`
	Lang    string  `json:"lang,omitempty"`
	Name    string  `json:"name,omitempty"`
	Values  []Value `json:"values,omitempty"`
	Text    string  `json:"text,omitempty"`
}

// Emitter writes JSON lines, one record per line.
type Emitter struct {
	enc *json.Encoder
	err error
}

// NewEmitter writes to w (os.Stdout for a twin run with -json).
func NewEmitter(w io.Writer) *Emitter {
	return &Emitter{enc: json.NewEncoder(w)}
}

func (e *Emitter) write(r record) {
	if e.err == nil {
		e.err = e.enc.Encode(r) // Encode ends each record with a newline
	}
}

// Err is the first write error, if any.
func (e *Emitter) Err() error { return e.err }

// Table starts a table; vsFirst asks for a column comparing each row with the first.
func (e *Emitter) Table(id, title string, vsFirst bool) {
	e.write(record{Kind: "table", Table: id, Title: title, VsFirst: vsFirst})
}

// Row writes one Go row of table id.
func (e *Emitter) Row(id, name string, values []Value) {
	e.write(record{Kind: "row", Table: id, Lang: "Go", Name: name, Values: values})
}

// Note writes a line to print under table id.
func (e *Emitter) Note(id, text string) {
	e.write(record{Kind: "note", Table: id, Text: text})
}

// Timing is the figures of a measured Row, the same columns as the Rust benches: the
// median time per operation, and per item when an operation handles several (from the
// median: on a busy laptop a few slow samples move the mean, not the median). The
// per-item figure, or the median without items, is the one compared.
func Timing(r Row) []Value {
	if r.Items > 0 {
		return []Value{
			{Col: "median", V: r.Median, Unit: "s", Better: "lower"},
			{Col: "per " + r.Unit, V: r.Median / float64(r.Items), Unit: "s", Better: "lower", Ratio: true},
		}
	}
	return []Value{{Col: "median", V: r.Median, Unit: "s", Better: "lower", Ratio: true}}
}

// Print shows rows as a table, or with asJSON writes them as JSON lines to w under
// table id: what every timing twin does at the end.
func Print(w io.Writer, asJSON bool, id, title string, rows []Row, notes ...string) error {
	if !asJSON {
		out := Render(title, rows)
		for _, note := range notes {
			out += "(" + note + ")\n"
		}
		_, err := io.WriteString(w, out)
		return err
	}
	e := NewEmitter(w)
	e.Table(id, title, true)
	for _, r := range rows {
		e.Row(id, r.Name, Timing(r))
	}
	for _, note := range notes {
		e.Note(id, note)
	}
	return e.Err()
}
