//! Bench `spawn`: the cost of starting a unit of concurrent work and waiting for it, in
//! batches of 1000: an OS thread, a tokio task, a rayon job.
//!
//! What differs: `thread::spawn` asks the kernel for a thread and a stack (and the
//! join waits for the kernel to tear it down); `tokio::spawn` allocates one task and
//! pushes it onto a run queue of threads that already exist; a rayon job is pushed onto
//! a work-stealing deque of a pool that already exists, and may not even allocate. The
//! figure to expect: tasks and jobs one to two orders of magnitude cheaper than threads.
//! Go twin: `benches/go/spawn` (a goroutine).
//!
//! `cargo bench -p benches --bench spawn -- --quick`

use std::hint::black_box;
use std::thread;
use std::time::Instant;

use benches::{Bench, timed};

/// How many spawns per iteration: enough that one batch takes longer than the clock's
/// resolution, for every kind.
const BATCH: usize = 1000;

fn main() {
    // Both pools are started before measuring: starting a pool is a one-off, like
    // starting the program, and not what this bench is about.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("start a tokio runtime");
    rayon::broadcast(|_| ());

    let mut bench = Bench::from_args();
    let title = format!("spawn: start {BATCH}, then wait for all of them");
    let mut group = bench.group("spawn", &title);
    group.slow().items(BATCH as u64, "spawn");

    // ANCHOR: thread
    group.run("OS thread", |iters| {
        timed(iters, || {
            let handles: Vec<_> = (0..BATCH)
                .map(|i| thread::spawn(move || black_box(i)))
                .collect();
            for handle in handles {
                handle
                    .join()
                    .expect("a thread that returns a number cannot panic");
            }
        })
    });
    // ANCHOR_END: thread

    // ANCHOR: task
    group.run("tokio task", |iters| {
        runtime.block_on(async {
            let started = Instant::now();
            for _ in 0..iters {
                let handles: Vec<_> = (0..BATCH)
                    .map(|i| tokio::spawn(async move { black_box(i) }))
                    .collect();
                for handle in handles {
                    handle
                        .await
                        .expect("a task that returns a number cannot panic");
                }
            }
            started.elapsed()
        })
    });
    // ANCHOR_END: task

    // ANCHOR: rayon
    group.run("rayon job", |iters| {
        timed(iters, || {
            // The scope returns once every job spawned in it has run.
            rayon::scope(|scope| {
                for i in 0..BATCH {
                    scope.spawn(move |_| {
                        black_box(i);
                    });
                }
            })
        })
    });
    // ANCHOR_END: rayon

    group.finish();
    bench.finish();
}
