//! Shows the async pitfall live: a heartbeat task beats every millisecond on a
//! single-threaded runtime while a CPU-heavy job (building the index) runs, first inside
//! a task, then with `spawn_blocking`. Counts the beats during each.
//!
//! `cargo run --release -p sol06-parallel-cpu --example starvation`

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use sol06_parallel_cpu::blocking::{run_blocking, run_inline};
use sol06_parallel_cpu::corpus::generate_corpus;
use sol06_parallel_cpu::index::index_sequential;

fn main() {
    // One thread for the whole runtime: the situation where the mistake hurts the most.
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("could not start a tokio runtime: {error}");
            std::process::exit(1);
        }
    };
    runtime.block_on(async {
        let docs = Arc::new(generate_corpus(42, 20_000, 200));
        let beats = Arc::new(AtomicU64::new(0));
        let pulse = tokio::spawn({
            let beats = Arc::clone(&beats);
            async move {
                loop {
                    beats.fetch_add(1, Ordering::Relaxed);
                    tokio::time::sleep(Duration::from_millis(1)).await;
                }
            }
        });
        tokio::time::sleep(Duration::from_millis(20)).await; // let it get going

        println!(
            "{:<34} {:>9} {:>16}",
            "the job runs", "took", "heartbeat beats"
        );
        let before = beats.load(Ordering::Relaxed);
        let start = Instant::now();
        let inline_docs = Arc::clone(&docs);
        let _ = run_inline(move || index_sequential(&inline_docs)).await;
        report("inside the task (run_inline)", start, &beats, before);

        let before = beats.load(Ordering::Relaxed);
        let start = Instant::now();
        let blocking_docs = Arc::clone(&docs);
        if let Err(error) = run_blocking(move || index_sequential(&blocking_docs)).await {
            eprintln!("{error}");
        }
        report("on the blocking pool (run_blocking)", start, &beats, before);
        pulse.abort();
    });
}

fn report(how: &str, start: Instant, beats: &AtomicU64, before: u64) {
    let took = start.elapsed();
    let during = beats.load(Ordering::Relaxed) - before;
    println!(
        "{how:<34} {:>6.0} ms {during:>16}",
        took.as_secs_f64() * 1000.0
    );
}
