// The document index of chapter 06, in Go: the same generated corpus as the Rust crate
// (same xorshift, same vocabulary), indexed on one goroutine and then by one goroutine
// per chunk, GOMAXPROCS chunks, merged in chunk order. Run from book/go:
//
//	go run ./06-parallel-cpu/index            # 20000 documents
//	GOMAXPROCS=1 go run ./06-parallel-cpu/index  # one thread runs Go code: no speed-up
//
// The sizes it prints match `cargo run --release -p sol06-parallel-cpu --example index_timing`.
package main

import (
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"
	"unicode"
)

var vocabulary = []string{
	"the", "a", "of", "and", "to", "in", "is", "it", "goroutine", "thread", "task", "channel",
	"lock", "mutex", "atomic", "runtime", "scheduler", "core", "index", "document", "term",
	"corpus", "worker", "chunk", "merge", "map", "reduce", "result", "deadline", "request",
	"server", "client", "network", "latency", "queue", "stack", "heap", "memory", "cache",
	"line", "future", "await", "poll", "select", "signal", "panic", "error", "retry",
	"timeout", "cancel", "batch", "stream", "buffer", "socket", "kernel", "process",
	"parallel", "concurrent", "rayon", "tokio", "gopher", "crab", "laptop", "cluster",
}

type document struct {
	id   uint32
	text string
}

// index maps a term to the sorted ids of the documents containing it.
type index map[string][]uint32

type xorshift64 struct{ state uint64 }

func (r *xorshift64) next() uint64 {
	x := r.state
	x ^= x << 13
	x ^= x >> 7
	x ^= x << 17
	r.state = x
	return x
}

func (r *xorshift64) below(n uint64) uint64 { return r.next() % n }

func generateCorpus(seed uint64, documents, wordsPerDocument int) []document {
	if seed == 0 {
		seed = 0x9E3779B97F4A7C15
	}
	rng := &xorshift64{seed}
	v := uint64(len(vocabulary))
	docs := make([]document, documents)
	for id := range docs {
		var text strings.Builder
		sentenceStart := true
		for w := 0; w < wordsPerDocument; w++ {
			first, second := rng.below(v), rng.below(v)
			if second < first {
				first = second
			}
			word := vocabulary[first]
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
		docs[id] = document{uint32(id), strings.TrimRight(text.String(), " ")}
	}
	return docs
}

func tokenize(text string) []string {
	tokens := strings.FieldsFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
	for i, token := range tokens {
		tokens[i] = strings.ToLower(token)
	}
	return tokens
}

// ANCHOR: sequential
// indexSequential assumes documents come in id order, as chunks of the corpus do.
func indexSequential(docs []document) index {
	idx := index{}
	for _, doc := range docs {
		for _, term := range tokenize(doc.text) {
			ids := idx[term]
			if len(ids) == 0 || ids[len(ids)-1] < doc.id {
				idx[term] = append(ids, doc.id)
			}
		}
	}
	return idx
}

// ANCHOR_END: sequential

// ANCHOR: parallel
type partial struct {
	chunk int
	idx   index
}

func indexParallel(docs []document, chunks int) index {
	size := (len(docs) + chunks - 1) / chunks
	if size == 0 {
		size = 1
	}
	results := make(chan partial)
	started := 0
	for start := 0; start < len(docs); start += size {
		end := start + size
		if end > len(docs) {
			end = len(docs)
		}
		go func(chunk int, part []document) { // map: one goroutine per chunk
			results <- partial{chunk, indexSequential(part)}
		}(started, docs[start:end])
		started++
	}
	// Partial indexes arrive in completion order; put them back in chunk order so
	// that appending keeps every list sorted.
	parts := make([]index, started)
	for i := 0; i < started; i++ {
		p := <-results
		parts[p.chunk] = p.idx
	}
	merged := index{} // reduce, on this goroutine
	for _, part := range parts {
		for term, ids := range part {
			merged[term] = append(merged[term], ids...)
		}
	}
	return merged
}

// ANCHOR_END: parallel

func postings(idx index) int {
	n := 0
	for _, ids := range idx {
		n += len(ids)
	}
	return n
}

func fastest(build func() index) (index, time.Duration) {
	var best index
	var bestTime time.Duration
	for i := 0; i < 3; i++ {
		start := time.Now()
		idx := build()
		took := time.Since(start)
		if best == nil || took < bestTime {
			best, bestTime = idx, took
		}
	}
	return best, bestTime
}

func main() {
	documents := 20000
	if len(os.Args) > 1 {
		n, err := strconv.Atoi(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, "usage: index [DOCUMENTS]:", err)
			os.Exit(2)
		}
		documents = n
	}
	procs := runtime.GOMAXPROCS(0) // 0: only ask
	docs := generateCorpus(42, documents, 200)

	seq, tSeq := fastest(func() index { return indexSequential(docs) })
	par, tPar := fastest(func() index { return indexParallel(docs, procs) })
	if !reflect.DeepEqual(seq, par) {
		fmt.Fprintln(os.Stderr, "the two indexes differ")
		os.Exit(1)
	}
	fmt.Printf("%d documents × 200 words, GOMAXPROCS=%d: %d terms, %d postings\n",
		documents, procs, len(seq), postings(seq))
	first := seq["goroutine"]
	if len(first) > 5 {
		first = first[:5]
	}
	fmt.Printf("first documents with \"goroutine\": %v\n\n", first)
	fmt.Printf("%-28s %10s %9s\n", "build", "time", "speed-up")
	for _, row := range []struct {
		name string
		took time.Duration
	}{{"sequential", tSeq}, {fmt.Sprintf("goroutines (%d)", procs), tPar}} {
		fmt.Printf("%-28s %7.1f ms %8.2f×\n", row.name,
			float64(row.took.Microseconds())/1000, tSeq.Seconds()/row.took.Seconds())
	}
}
