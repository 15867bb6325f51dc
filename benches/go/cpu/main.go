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

	rows := []table.Row{
		table.Measure("sequential", documents, "document", quick, func() { indexSequential(docs) }),
		table.Measure(fmt.Sprintf("goroutines (%d)", workers), documents, "document", quick, func() { indexGoroutines(docs, workers) }),
	}
	fmt.Print(table.Render(fmt.Sprintf("cpu (Go): index %d documents on %d cores", documents, workers), rows))
}

// ---- the corpus: the same documents as exercises/06-parallel-cpu/src/corpus.rs

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
