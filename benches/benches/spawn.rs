//! Bench `spawn`: the cost of starting a unit of concurrent work and waiting for it, in
//! batches of 1000: an OS thread, a tokio task (on the multi-thread and on the
//! current-thread runtime), a rayon job. Go twin: `benches/go/spawn` (a goroutine, with
//! `GOMAXPROCS` = cores and = 1, and a goroutine locked to a fresh OS thread).
//!
//! How each figure is taken, and what it shows:
//!
//! - **OS thread**: `thread::spawn` 1000 times, then `join` each. Each spawn asks the
//!   kernel for a thread and maps a stack (plus std's guard page and signal stack); each
//!   join waits for the kernel to tear it down. This is the price of a thread *per unit
//!   of work*; a pool (rayon) pays it once.
//! - **tokio task, multi-thread / current-thread**: one task, spawned on the runtime,
//!   spawns 1000 tasks and awaits their `JoinHandle`s in order; the timing is taken
//!   inside that task. Spawning from a worker thread is how a server spawns (a
//!   connection task spawns its calls): the new task goes onto that worker's local
//!   queue. Spawning from `Runtime::block_on` instead (what criterion's `to_async` does)
//!   measures the shared injection queue and a cross-thread wake-up for every batch,
//!   not the spawn. The current-thread runtime has no other thread to wake at all: it
//!   is the cheapest figure, and its fair twin is Go with `GOMAXPROCS=1`.
//! - **rayon job**: `rayon::scope` with 1000 `spawn`s; the scope returns when all ran.
//!   A job is a boxed closure on a work-stealing deque, with no result to hand back.
//! - **goroutine** (Go): `go` 1000 times and a `sync.WaitGroup`. Go's **OS thread** row
//!   locks each goroutine to a thread it then takes down; its `WaitGroup` is done
//!   *before* the thread ends, so Go's figure leaves out the teardown that Rust's
//!   `join` waits for, and Go starts its threads without a fresh `mmap` for each stack
//!   or std's per-thread signal stack: read that row as "about the same order".
//!
//! What the figures do *not* show: the memory each unit holds while it waits (bench
//! `memory`), what happens when the units do real work (the scheduling differences
//! above vanish next to a microsecond of work), or a runtime's start-up (both pools
//! start before measuring, like a program that starts once). A batch also measures the
//! join: tasks and goroutines that are never awaited cost a little less.
//!
//! **The allocator.** A task is one allocation (its header, future and output) made by the
//! spawning thread and freed by whichever thread drops the last reference. glibc's
//! malloc takes a lock when a thread frees memory another thread's arena handed out,
//! and work stealing makes that the common case: with the system allocator, the
//! multi-thread row measured about 1.15x the goroutine on the 2-core machine. Go's
//! allocator keeps a cache per P, and reuses a dead goroutine's descriptor and stack.
//! The Rust twin of that choice is a global allocator with per-thread caches, which an
//! expert picks for a program that spawns this much: this binary uses mimalloc (two lines,
//! below), and the rows say so. Delete them to see the system allocator's figures.
//!
//! `cargo bench -p benches --bench spawn -- --quick`

// The allocator of this whole binary, every Rust row included.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::thread;

use benches::{Bench, timed, timed_in};
use tokio::runtime::Builder;

/// How many spawns per iteration: enough that one batch takes longer than the clock's
/// resolution, for every kind.
const BATCH: usize = 1000;

fn main() {
    // The pools are started before measuring: starting a pool is a one-off, like
    // starting the program, and not what this bench is about.
    let multi_thread = Builder::new_multi_thread()
        .build()
        .expect("start a multi-thread tokio runtime");
    let current_thread = Builder::new_current_thread()
        .build()
        .expect("start a current-thread tokio runtime");
    rayon::broadcast(|_| ());

    let mut bench = Bench::from_args();
    let title = format!("spawn: start {BATCH}, then wait for all of them");
    let mut group = bench.group("spawn", &title);
    group.slow().items(BATCH as u64, "spawn");
    group.note(
        "Rust rows: mimalloc as the global allocator (glibc's malloc: see the bench's module doc)",
    );

    // ANCHOR: thread
    group.vs_go("OS thread").run("OS thread", |iters| {
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

    group
        .vs_go("goroutine")
        .run("tokio task, multi-thread", |iters| {
            timed_in(&multi_thread, iters, spawn_and_join)
        });
    group
        .vs_go("goroutine, GOMAXPROCS=1")
        .run("tokio task, current-thread", |iters| {
            timed_in(&current_thread, iters, spawn_and_join)
        });

    // ANCHOR: rayon
    group.vs_go("goroutine").run("rayon job", |iters| {
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

// ANCHOR: task
/// Spawns [`BATCH`] tasks from the current task, then awaits each one.
async fn spawn_and_join() {
    let handles: Vec<_> = (0..BATCH)
        .map(|i| tokio::spawn(async move { black_box(i) }))
        .collect();
    for handle in handles {
        handle
            .await
            .expect("a task that returns a number cannot panic");
    }
}
// ANCHOR_END: task
