//! Builds the same index three ways and prints how long each took, plus the index's size.
//! The Go twin is the `cpu` bench's (`cd benches/go && go run ./cpu`), on the bench's
//! smaller corpus: 5000 documents of 100 words.
//!
//! Run it optimised, or the numbers mean little:
//! `cargo run --release -p sol06-parallel-cpu --example index_timing [DOCUMENTS]`.

use std::thread;
use std::time::{Duration, Instant};

use sol06_parallel_cpu::corpus::generate_corpus;
use sol06_parallel_cpu::index::{Index, index_sequential};
use sol06_parallel_cpu::rayon_index::index_rayon;
use sol06_parallel_cpu::scoped::index_scoped_threads;

/// The seed and the shape of the corpus; the Go program uses the same.
const SEED: u64 = 42;
const WORDS_PER_DOCUMENT: usize = 200;

/// Runs `build` a few times and keeps the fastest run, to tame noise.
fn fastest(build: impl Fn() -> Index) -> (Index, Duration) {
    let mut best: Option<(Index, Duration)> = None;
    for _ in 0..3 {
        let start = Instant::now();
        let index = build();
        let took = start.elapsed();
        if best.as_ref().is_none_or(|(_, fastest)| took < *fastest) {
            best = Some((index, took));
        }
    }
    best.expect("three runs happened")
}

fn main() {
    let documents = match std::env::args().nth(1).map(|arg| arg.parse::<usize>()) {
        None => 20_000,
        Some(Ok(n)) => n,
        Some(Err(error)) => {
            eprintln!("usage: index_timing [DOCUMENTS]  ({error})");
            std::process::exit(2);
        }
    };
    let cores = thread::available_parallelism().map_or(1, |n| n.get());
    let docs = generate_corpus(SEED, documents, WORDS_PER_DOCUMENT);

    let (sequential, t_seq) = fastest(|| index_sequential(&docs));
    let (scoped, t_scoped) = fastest(|| index_scoped_threads(&docs, cores));
    let (rayon, t_rayon) = fastest(|| index_rayon(&docs));
    assert!(
        scoped == sequential && rayon == sequential,
        "the three indexes differ: a bug in merge?"
    );

    println!(
        "{documents} documents × {WORDS_PER_DOCUMENT} words, {cores} cores: {} terms, {} postings",
        sequential.term_count(),
        sequential.posting_count()
    );
    println!(
        "first documents with \"goroutine\": {:?}",
        &sequential.postings("goroutine")[..5.min(sequential.postings("goroutine").len())]
    );
    println!();
    println!("{:<28} {:>10} {:>9}", "build", "time", "speed-up");
    for (name, took) in [
        ("sequential".to_string(), t_seq),
        (format!("scoped threads ({cores})"), t_scoped),
        ("rayon".to_string(), t_rayon),
    ] {
        println!(
            "{name:<28} {:>7.1} ms {:>8.2}×",
            took.as_secs_f64() * 1000.0,
            t_seq.as_secs_f64() / took.as_secs_f64()
        );
    }
}
