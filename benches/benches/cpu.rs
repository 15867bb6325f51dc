//! Bench `cpu`: step 06's document index (a map-reduce over a generated corpus), built on
//! one thread, on one scoped thread per core, and with rayon.
//!
//! This is *parallelism*, not concurrency: nothing waits, every core computes. The
//! figure to expect: close to "number of cores" times faster for both parallel versions
//! (a bit less: the partial indexes must be merged, and that merge is sequential).
//! Before measuring, the bench checks that the three indexes are identical: a fast
//! wrong answer is not a result. Go twin: `benches/go/cpu` (goroutines, one chunk per
//! `GOMAXPROCS`), which builds the same corpus and prints the same index size.
//!
//! What the figures do not show: the two languages' maps and strings (the index is a
//! hash map of strings on both sides, and each side's standard library has its own
//! hashing and allocation), so "vs Go" here compares two implementations of the same
//! algorithm, not the two languages' threads. Compare the speed-ups within each side.
//!
//! `cargo bench -p benches --bench cpu -- --quick`

use std::hint::black_box;
use std::thread;

use benches::{Bench, timed};
use sol06_parallel_cpu::corpus::generate_corpus;
use sol06_parallel_cpu::index::index_sequential;
use sol06_parallel_cpu::rayon_index::index_rayon;
use sol06_parallel_cpu::scoped::index_scoped_threads;

/// The corpus: the same documents on every machine (and in the Go twin).
const SEED: u64 = 42;
const DOCUMENTS: usize = 5_000;
const WORDS_PER_DOCUMENT: usize = 100;

fn main() {
    let docs = generate_corpus(SEED, DOCUMENTS, WORDS_PER_DOCUMENT);
    let cores = thread::available_parallelism().map_or(1, |n| n.get());

    let expected = index_sequential(&docs);
    assert!(
        index_scoped_threads(&docs, cores) == expected && index_rayon(&docs) == expected,
        "the three ways of building the index must give the same index"
    );
    println!(
        "corpus: {DOCUMENTS} documents of {WORDS_PER_DOCUMENT} words (seed {SEED}); index: {} terms, {} postings; {cores} cores",
        expected.term_count(),
        expected.posting_count()
    );

    let mut bench = Bench::from_args();
    let title = format!("cpu: index {DOCUMENTS} documents on {cores} cores");
    let mut group = bench.group("cpu", &title);
    group.slow().items(DOCUMENTS as u64, "document");
    // The Go rows these are compared with (benches/go/cpu: one goroutine per
    // GOMAXPROCS, which is the number of cores unless set otherwise).
    let goroutines = format!("goroutines ({cores})");
    group.vs_go("sequential").run("sequential", |iters| {
        timed(iters, || {
            black_box(index_sequential(black_box(&docs)));
        })
    });
    group
        .vs_go(&goroutines)
        .run(&format!("scoped threads ({cores})"), |iters| {
            timed(iters, || {
                black_box(index_scoped_threads(black_box(&docs), cores));
            })
        });
    group.vs_go(&goroutines).run("rayon", |iters| {
        timed(iters, || {
            black_box(index_rayon(black_box(&docs)));
        })
    });
    group.finish();
    bench.finish();
}
