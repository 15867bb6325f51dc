// Command cpu is the Go twin of the Rust bench `cpu` (benches/benches/cpu.rs): the
// document index of step 06 (term -> sorted ids of the documents containing it), built
// on one goroutine, then with one goroutine per chunk (GOMAXPROCS chunks) and a merge.
//
// It generates the very same corpus as the Rust crates of step 06 (same xorshift
// generator, seed and vocabulary: exercises/06-parallel-cpu/src/corpus.rs) and prints
// the index's size, so the two programs can be seen to compute the same thing before
// their times are compared. main_test.go pins both to the same documents. This is the
// one Go copy of the corpus: chapter 06 of the book includes its code from here.
//
//	go run ./cpu                  (in benches/go; -quick or WORKSHOP_BENCH_QUICK=1: a short run)
//	go run ./cpu -json            (JSON lines for `cargo workshop bench cpu`, which merges them)
//	GOMAXPROCS=1 go run ./cpu     (one thread runs Go code: still concurrent, no longer parallel)
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
	"unicode"

	"workshop/benches/internal/table"
)

const (
	seed             = 42
	documents        = 5000
	wordsPerDocument = 100
)

func main() {
	quickFlag := flag.Bool("quick", false, "a short run (also: WORKSHOP_BENCH_QUICK=1)")
	asJSON := flag.Bool("json", false, "print the rows as JSON lines (for cargo workshop bench)")
	flag.Parse()
	quick := *quickFlag || os.Getenv("WORKSHOP_BENCH_QUICK") == "1"

	docs := generateCorpus(seed, documents, wordsPerDocument)
	workers := runtime.GOMAXPROCS(0) // 0: only ask
	expected := indexSequential(docs)
	if !sameIndex(indexGoroutines(docs, workers), expected) {
		log.Fatal("the two ways of building the index must give the same index")
	}
	corpus := fmt.Sprintf("corpus: %d documents of %d words (seed %d); index: %d terms, %d postings; %d cores",
		documents, wordsPerDocument, seed, len(expected), postingCount(expected), workers)
	if !*asJSON {
		fmt.Println(corpus)
	}

	rows := []table.Row{
		table.Measure("sequential", documents, "document", quick, func() { indexSequential(docs) }),
		table.Measure(fmt.Sprintf("goroutines (%d)", workers), documents, "document", quick, func() { indexGoroutines(docs, workers) }),
	}
	title := fmt.Sprintf("cpu (Go): index %d documents on %d cores", documents, workers)
	var notes []string
	if *asJSON {
		notes = append(notes, "Go "+corpus) // the same index as the Rust side's, or a wrong comparison
	}
	if err := table.Print(os.Stdout, *asJSON, "cpu", title, rows, notes...); err != nil {
		log.Fatal(err)
	}
}

// ---- the corpus: the same documents as exercises/06-parallel-cpu/src/corpus.rs

// ANCHOR: corpus
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

// xorshift64: three shifts and xors, a fine generator for test data (not for
// secrets).
type xorshift64 struct{ state uint64 }

func newXorshift64(seed uint64) *xorshift64 {
	if seed == 0 { // xorshift's one bad state
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
	return x.next() % max(n, 1)
}

func generateCorpus(seed uint64, count, words int) []document {
	rng := newXorshift64(seed)
	n := uint64(len(vocabulary))
	docs := make([]document, 0, count)
	for id := range count {
		var text strings.Builder
		sentenceStart := true
		for range words {
			// The smaller of two draws: earlier words come up more often.
			word := vocabulary[min(rng.below(n), rng.below(n))]
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

// ANCHOR_END: corpus

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

// ANCHOR: add
// add is the map step for one document: its id goes into the list of every term
// it contains, once per term, and every list stays sorted.
func (idx index) add(doc document) {
	for _, term := range tokenize(doc.text) {
		ids := idx[term]
		if n := len(ids); n == 0 || ids[n-1] < doc.id {
			// Documents in id order, the common case: the id goes at the end.
			idx[term] = append(ids, doc.id)
			continue
		}
		at := sort.Search(len(ids), func(i int) bool { return ids[i] >= doc.id })
		if ids[at] == doc.id {
			continue // already recorded for this document
		}
		ids = append(ids, 0)
		copy(ids[at+1:], ids[at:])
		ids[at] = doc.id
		idx[term] = ids
	}
}

// ANCHOR_END: add

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
// indexGoroutines splits docs into at most `workers` chunks, indexes each on a
// goroutine of its own, then merges the partial indexes in chunk order on this
// goroutine.
func indexGoroutines(docs []document, workers int) index {
	workers = max(workers, 1)
	size := max((len(docs)+workers-1)/workers, 1)
	partials := make([]index, (len(docs)+size-1)/size) // one slot per chunk
	var wg sync.WaitGroup
	for chunk := range partials {
		start, end := chunk*size, min((chunk+1)*size, len(docs))
		wg.Add(1)
		go func() { // map (Go 1.22: chunk is new in every iteration)
			defer wg.Done()
			partials[chunk] = indexSequential(docs[start:end])
		}()
	}
	wg.Wait()
	merged := index{} // reduce, on this goroutine
	for _, partial := range partials {
		merged.merge(partial)
	}
	return merged
}

// ANCHOR_END: goroutines

// ANCHOR: merge
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

// ANCHOR_END: merge

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
