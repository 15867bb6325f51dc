package table

import (
	"encoding/json"
	"strings"
	"testing"
)

// The same cases and expected text as the Rust table's tests (benches/src/table.rs), so
// the Go and Rust tables are seen to print the same shape.

func TestTheTableComparesEveryRowWithTheFirst(t *testing.T) {
	got := Render("fanout", []Row{
		{Name: "sequential", Mean: 0.1629, Median: 0.1629},
		{Name: "threads", Mean: 0.0213, Median: 0.0213},
		{Name: "slow", Mean: 0.5, Median: 0.5},
		{Name: "close", Mean: 0.17, Median: 0.17},
	})
	want := `fanout
  name            mean    median   vs sequential
  sequential    163 ms    163 ms   1.00x
  threads      21.3 ms   21.3 ms   7.6x faster
  slow          500 ms    500 ms   3.1x slower
  close         170 ms    170 ms   1.04x slower
`
	if got != want {
		t.Errorf("expected the Rust table's shape; got:\n%s", got)
	}
}

func TestItemsAddAPerItemColumn(t *testing.T) {
	got := Render("spawn", []Row{
		{Name: "thread", Mean: 0.040, Median: 0.040, Items: 1000, Unit: "spawn"},
		{Name: "tokio task", Mean: 0.0003, Median: 0.0003, Items: 1000, Unit: "spawn"},
	})
	want := `spawn
  name            mean    median   per spawn   vs thread
  thread       40.0 ms   40.0 ms     40.0 µs   1.00x
  tokio task    300 µs    300 µs      300 ns   133x faster
`
	if got != want {
		t.Errorf("expected the Rust table's shape; got:\n%s", got)
	}
}

func TestDurationsKeepThreeSignificantDigits(t *testing.T) {
	for seconds, want := range map[float64]string{
		812e-9:   "812 ns",
		3.412e-6: "3.41 µs",
		0.02134:  "21.3 ms",
		1.2:      "1.20 s",
	} {
		if got := formatDuration(seconds); got != want {
			t.Errorf("formatDuration(%g): expected %q, got %q", seconds, want, got)
		}
	}
}

func TestJSONRowsCarryTheTimingColumnsOfTheRustBenches(t *testing.T) {
	var out strings.Builder
	rows := []Row{{Name: "goroutine", Mean: 5e-4, Median: 4e-4, Items: 1000, Unit: "spawn"}}
	if err := Print(&out, true, "spawn", "spawn (Go)", rows, "a note"); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("expected 3 JSON lines (table, row, note), got %d:\n%s", len(lines), out.String())
	}
	var row record
	if err := json.Unmarshal([]byte(lines[1]), &row); err != nil {
		t.Fatalf("the row is not JSON: %v\n%s", err, lines[1])
	}
	if row.Kind != "row" || row.Lang != "Go" || row.Table != "spawn" || len(row.Values) != 2 {
		t.Fatalf("expected a Go row of table spawn with median, per spawn; got %+v", row)
	}
	per := row.Values[1]
	if per.Col != "per spawn" || !per.Ratio || per.Unit != "s" || per.V < 3.99e-7 || per.V > 4.01e-7 {
		t.Errorf("expected the compared figure per spawn = the median's, 400 ns; got %+v", per)
	}
}
