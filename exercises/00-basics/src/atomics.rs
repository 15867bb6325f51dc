//! Exercise 7 (atomics): many workers add to one counter, with
//! `AtomicU64::fetch_add`.
//!
//! Why it works: `counter += 1` from several threads is a read, an add and a
//! write, and two threads can both read 41 and both write 42: an update is
//! lost. In Go that compiles and races (the seed's `atomic.AddInt64` avoids
//! it); in Rust the racy version does not compile, and an atomic (or a `Mutex`)
//! is how you say "shared and mutable" in a way the compiler accepts.
//! `fetch_add` does the read, the add and the write as one indivisible step,
//! through a shared reference: an atomic needs no `&mut`. A `load` followed by
//! a `store` is two steps again, and loses updates like `+= 1` would.
//!
//! The `Ordering` says what else the operation orders. Go's `atomic.AddInt64`
//! is sequentially consistent: the faithful port is `Ordering::SeqCst`. A
//! counter needs less: nothing else is published through it, so each addition
//! only has to be indivisible (`Ordering::Relaxed`), and the final read comes
//! after every worker has been joined; the join orders every worker's additions
//! before it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

use tokio::task::JoinSet;

use crate::tokio_tasks::task_result;

// ANCHOR: threads
/// Starts `workers` threads that each add 1 to a shared counter `increments`
/// times, waits for all of them, and returns the final value.
pub fn count_with_threads(workers: usize, increments: u64) -> u64 {
    // TODO: Start `workers` threads that each add 1 to one shared counter
    //       `increments` times, wait for all of them and return the total;
    //       no increment may be lost, however the threads collide.
    // Book: book/src/00-basics.md#exercise-7-atomics
    todo!()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin: `workers` tokio tasks share the counter (a spawned task
/// must own what it uses), and the function waits for them all.
pub async fn count_with_tasks(workers: usize, increments: u64) -> u64 {
    // TODO: The same with `workers` tokio tasks: each adds 1 `increments`
    //       times; wait for every task before you read the total.
    // Book: book/src/00-basics.md#exercise-7-atomics
    todo!()
}
// ANCHOR_END: tasks
