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
    // TODO: make an `AtomicU64::new(0)`; in a `thread::scope`, spawn `workers` threads
    //       that each call `counter.fetch_add(1, Ordering::Relaxed)` `increments` times;
    //       after the scope (every thread joined), return `counter.into_inner()`.
    // Book: book/src/00-basics.md#exercise-7-atomics
    todo!()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin: `workers` tokio tasks share the counter through an `Arc` (a spawned
/// task must own what it uses), and a `JoinSet` waits for them all.
pub async fn count_with_tasks(workers: usize, increments: u64) -> u64 {
    // TODO: an `Arc::new(AtomicU64::new(0))`; for each worker clone the Arc into a task
    //       (`tasks.spawn(async move { ... })` on a `JoinSet`) that does the increments;
    //       drain the set with `join_next` (pass each result to `task_result`), then
    //       return `counter.load(Ordering::Relaxed)`.
    // Book: book/src/00-basics.md#exercise-7-atomics
    todo!()
}
// ANCHOR_END: tasks
