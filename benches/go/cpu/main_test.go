package main

import (
	"slices"
	"testing"
)

// The same documents and index figures as the Rust corpus: the Rust test
// solutions/06-parallel-cpu/tests/same_corpus_as_go.rs asserts these very values, so a
// change to either generator fails one of the two tests.

func TestTheCorpusIsTheRustCorpus(t *testing.T) {
	cases := []struct {
		seed         uint64
		count, words int
		want         []string
	}{
		{7, 2, 12, []string{
			"To of core. In await heap latency task stream core and to",
			"Of. Worker. A server term core batch, thread memory thread scheduler, it",
		}},
		// Seed 0 is xorshift's one bad state: both generators replace it the same way.
		{0, 1, 6, []string{"Panic, signal runtime atomic server parallel"}},
	}
	for _, c := range cases {
		docs := generateCorpus(c.seed, c.count, c.words)
		for i, doc := range docs {
			if doc.id != uint32(i) || doc.text != c.want[i] {
				t.Errorf("seed %d, document %d: expected %q (the Rust generator's), got %d %q",
					c.seed, i, c.want[i], doc.id, doc.text)
			}
		}
	}
}

func TestTheBenchIndexHasTheRustSizes(t *testing.T) {
	idx := indexSequential(generateCorpus(seed, documents, wordsPerDocument))
	if len(idx) != 64 || postingCount(idx) != 222948 {
		t.Errorf("expected 64 terms and 222948 postings (the Rust bench's index), got %d and %d",
			len(idx), postingCount(idx))
	}
	if got := idx["crab"]; len(got) != 579 || !slices.Equal(got[:5], []uint32{10, 15, 16, 39, 65}) {
		t.Errorf("expected \"crab\" in 579 documents, starting 10 15 16 39 65; got %d: %v",
			len(got), got[:min(5, len(got))])
	}
}

func TestGoroutinesBuildTheSameIndexForAnyNumberOfWorkers(t *testing.T) {
	docs := generateCorpus(seed, 300, 40)
	want := indexSequential(docs)
	for _, workers := range []int{0, 1, 2, 3, 7, 64, 1000} {
		if got := indexGoroutines(docs, workers); !sameIndex(got, want) {
			t.Errorf("with %d workers: expected the sequential index (%d terms, %d postings), got %d terms, %d postings",
				workers, len(want), postingCount(want), len(got), postingCount(got))
		}
	}
	if got := indexGoroutines(nil, 4); len(got) != 0 {
		t.Errorf("expected an empty index for no documents, got %d terms", len(got))
	}
}

func TestAddKeepsListsSortedWhateverTheOrder(t *testing.T) {
	idx := index{}
	for _, doc := range []document{{9, "x y"}, {2, "y"}, {5, "x x"}} {
		idx.add(doc)
	}
	if !slices.Equal(idx["x"], []uint32{5, 9}) || !slices.Equal(idx["y"], []uint32{2, 9}) {
		t.Errorf("expected x: [5 9] and y: [2 9], got x: %v, y: %v", idx["x"], idx["y"])
	}
}
