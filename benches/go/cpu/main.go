// Command cpu is the Go twin of the Rust bench `cpu` (benches/benches/cpu.rs): the
// document index of step 06 (term -> sorted ids of the documents containing it), built
// on one goroutine, then with one goroutine per chunk (GOMAXPROCS chunks) and a merge.
//
// It generates the very same corpus as the Rust crate sol06-parallel-cpu (same
// xorshift generator, seed and vocabulary) and prints the index's size, so the two
// programs can be seen to compute the same thing before their times are compared.
//
//	go run ./cpu             (in benches/go; WORKSHOP_BENCH_QUICK=1 or -quick for a short run)
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
)

const (
	seed             = 42
	documents        = 5000
	wordsPerDocument = 100
)

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	docs := generateCorpus(seed, documents, wordsPerDocument)
	workers := runtime.GOMAXPROCS(0)
	expected := indexSequential(docs)
	if !sameIndex(indexGoroutines(docs, workers), expected) {
		log.Fatal("the two ways of building the index must give the same index")
	}
	fmt.Printf("corpus: %d documents of %d words (seed %d); index: %d terms, %d postings; %d cores\n",
		documents, wordsPerDocument, seed, len(expected), postingCount(expected), workers)

	rows := []row{
		measure("sequential", documents, "document", quick, func() { indexSequential(docs) }),
		measure(fmt.Sprintf("goroutines (%d)", workers), documents, "document", quick, func() { indexGoroutines(docs, workers) }),
	}
	fmt.Print(renderTable(fmt.Sprintf("cpu (Go): index %d documents on %d cores", documents, workers), rows))
}

// ---- the corpus: the same documents as solutions/06-parallel-cpu/src/corpus.rs

var vocabulary = []string{
	"the", "a", "of", "and", "to", "in", "is", "it", "goroutine", "thread", "task",
	"channel", "lock", "mutex", "atomic", "runtime", "scheduler", "core", "index",
	"document", "term", "corpus", "worker", "chunk", "merge", "map", "reduce", "result",
	"deadline", "request", "server", "client", "network", "latency", "queue", "stack",
	"heap", "memory", "cache", "line", "future", "await", "poll", "select", "signal",
	"panic", "error", "retry", "timeout", "cancel", "batch", "stream", "buffer", "socket",
	"kernel", "process", "parallel", "concurrent", "rayon", "tokio", "gopher", "crab",
	"laptop", "cluster",
}

type document struct {
	id   uint32
	text string
}

type xorshift64 struct{ state uint64 }

func newXorshift64(seed uint64) *xorshift64 {
	if seed == 0 {
		seed = 0x9E3779B97F4A7C15
	}
	return &xorshift64{seed}
}

func (x *xorshift64) next() uint64 {
	x.state ^= x.state << 13
	x.state ^= x.state >> 7
	x.state ^= x.state << 17
	return x.state
}

func (x *xorshift64) below(n uint64) uint64 {
	if n == 0 {
		n = 1
	}
	return x.next() % n
}

func generateCorpus(seed uint64, count, words int) []document {
	rng := newXorshift64(seed)
	n := uint64(len(vocabulary))
	docs := make([]document, 0, count)
	for id := 0; id < count; id++ {
		var text strings.Builder
		sentenceStart := true
		for w := 0; w < words; w++ {
			// The smaller of two draws: earlier words come up more often.
			a, b := rng.below(n), rng.below(n)
			if b < a {
				a = b
			}
			word := vocabulary[a]
			if sentenceStart {
				text.WriteString(strings.ToUpper(word[:1]) + word[1:])
			} else {
				text.WriteString(word)
			}
			sentenceStart = false
			switch rng.below(10) {
			case 0:
				text.WriteString(", ")
			case 1:
				text.WriteString(". ")
				sentenceStart = true
			default:
				text.WriteString(" ")
			}
		}
		docs = append(docs, document{uint32(id), strings.TrimRight(text.String(), " ")})
	}
	return docs
}

// ---- the index: map (one document into an index) and reduce (merge two indexes)

type index map[string][]uint32

func tokenize(text string) []string {
	terms := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	for i, term := range terms {
		terms[i] = strings.ToLower(term)
	}
	return terms
}

func (idx index) add(doc document) {
	for _, term := range tokenize(doc.text) {
		ids := idx[term]
		at := sort.Search(len(ids), func(i int) bool { return ids[i] >= doc.id })
		if at < len(ids) && ids[at] == doc.id {
			continue // already recorded for this document
		}
		ids = append(ids, 0)
		copy(ids[at+1:], ids[at:])
		ids[at] = doc.id
		idx[term] = ids
	}
}

// ANCHOR: sequential
func indexSequential(docs []document) index {
	idx := index{}
	for _, doc := range docs {
		idx.add(doc)
	}
	return idx
}

// ANCHOR_END: sequential

// ANCHOR: goroutines
// indexGoroutines splits docs into `workers` chunks, indexes each on its own goroutine,
// then merges the partial indexes in chunk order on this goroutine.
func indexGoroutines(docs []document, workers int) index {
	size := (len(docs) + workers - 1) / workers
	if size == 0 {
		size = 1
	}
	var partials []index
	var wg sync.WaitGroup
	for start := 0; start < len(docs); start += size {
		end := start + size
		if end > len(docs) {
			end = len(docs)
		}
		partials = append(partials, nil)
		wg.Add(1)
		go func(slot int, chunk []document) {
			defer wg.Done()
			partials[slot] = indexSequential(chunk)
		}(len(partials)-1, docs[start:end])
	}
	wg.Wait()
	merged := index{}
	for _, partial := range partials {
		merged.merge(partial)
	}
	return merged
}

// ANCHOR_END: goroutines

func (idx index) merge(other index) {
	for term, ids := range other {
		idx[term] = mergePostings(idx[term], ids)
	}
}

// mergePostings merges two sorted, duplicate-free lists into one.
func mergePostings(left, right []uint32) []uint32 {
	if len(left) == 0 {
		return right
	}
	if len(right) == 0 || left[len(left)-1] < right[0] {
		return append(left, right...)
	}
	merged := make([]uint32, 0, len(left)+len(right))
	l, r := 0, 0
	for l < len(left) && r < len(right) {
		switch {
		case left[l] < right[r]:
			merged = append(merged, left[l])
			l++
		case right[r] < left[l]:
			merged = append(merged, right[r])
			r++
		default:
			merged = append(merged, left[l])
			l++
			r++
		}
	}
	merged = append(merged, left[l:]...)
	return append(merged, right[r:]...)
}

func postingCount(idx index) int {
	total := 0
	for _, ids := range idx {
		total += len(ids)
	}
	return total
}

func sameIndex(a, b index) bool {
	if len(a) != len(b) {
		return false
	}
	for term, ids := range a {
		other, ok := b[term]
		if !ok || len(other) != len(ids) {
			return false
		}
		for i := range ids {
			if ids[i] != other[i] {
				return false
			}
		}
	}
	return true
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
