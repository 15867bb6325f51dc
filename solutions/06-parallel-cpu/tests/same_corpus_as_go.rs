//! The Rust corpus and the Go twin's (`benches/go/cpu`) are the same documents: this test
//! and `benches/go/cpu/main_test.go` assert the very same values, so a change to either
//! generator fails one of them. (Not an exercise test: the corpus is given code.)

use sol06_parallel_cpu::corpus::generate_corpus;
use sol06_parallel_cpu::index::index_sequential;

#[test]
fn the_corpus_is_the_go_corpus() {
    let texts = |seed, count, words| -> Vec<String> {
        generate_corpus(seed, count, words)
            .into_iter()
            .enumerate()
            .map(|(i, doc)| {
                assert_eq!(doc.id as usize, i, "documents are numbered from 0");
                doc.text
            })
            .collect()
    };
    assert_eq!(
        texts(7, 2, 12),
        [
            "To of core. In await heap latency task stream core and to",
            "Of. Worker. A server term core batch, thread memory thread scheduler, it",
        ],
        "expected the documents the Go generator makes for seed 7 (benches/go/cpu)"
    );
    // Seed 0 is xorshift's one bad state: both generators replace it the same way.
    assert_eq!(
        texts(0, 1, 6),
        ["Panic, signal runtime atomic server parallel"],
        "expected the document the Go generator makes for seed 0"
    );
}

#[test]
fn the_bench_index_has_the_go_sizes() {
    // The corpus of the `cpu` bench and of its Go twin: seed 42, 5000 documents of 100 words.
    let index = index_sequential(&generate_corpus(42, 5000, 100));
    let crab = index.postings("crab");
    assert!(
        index.term_count() == 64
            && index.posting_count() == 222_948
            && crab.len() == 579
            && crab[..5] == [10, 15, 16, 39, 65],
        "expected the Go twin's index: 64 terms, 222948 postings, \"crab\" in 579 documents \
         starting 10 15 16 39 65; got {} terms, {} postings, \"crab\" in {}: {:?}",
        index.term_count(),
        index.posting_count(),
        crab.len(),
        &crab[..crab.len().min(5)]
    );
}
