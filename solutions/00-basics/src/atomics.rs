//! Exercise `atomics`: many workers add to one counter, with `AtomicU64::fetch_add`.
//!
//! The idea to take away: `counter += 1` from several threads is a read, an add and a
//! write that can interleave and lose updates. In Go that compiles and races (the seed's
//! `atomic.AddInt64` avoids it); in Rust the racy version does not compile at all, and an
//! atomic (or a `Mutex`) is how you say "shared and mutable" in a way the compiler accepts.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use tokio::task::JoinSet;

use crate::tokio_tasks::task_result;

// ANCHOR: threads
/// Starts `workers` threads that each add 1 to a shared counter `increments` times, waits
/// for all of them, and returns the final value.
pub fn count_with_threads(workers: usize, increments: u64) -> u64 {
    let counter = AtomicU64::new(0);
    // The scope is our `sync.WaitGroup`: it joins every thread before it returns, which is
    // also why the threads may borrow `counter` from this stack frame.
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                for _ in 0..increments {
                    // `Relaxed`: we only need each addition to be atomic; nothing else
                    // is published through this counter. The join orders the final read.
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    counter.into_inner()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin: `workers` tokio tasks share the counter through an `Arc` (a spawned
/// task must own what it uses), and a `JoinSet` waits for them all.
pub async fn count_with_tasks(workers: usize, increments: u64) -> u64 {
    let counter = Arc::new(AtomicU64::new(0));
    let mut tasks = JoinSet::new();
    for _ in 0..workers {
        let counter = Arc::clone(&counter);
        tasks.spawn(async move {
            for _ in 0..increments {
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    while let Some(result) = tasks.join_next().await {
        task_result(result);
    }
    counter.load(Ordering::Relaxed)
}
// ANCHOR_END: tasks
