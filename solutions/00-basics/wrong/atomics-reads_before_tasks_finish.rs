//! Exercise 7 (atomics): many workers add to one counter, with
//! `AtomicU64::fetch_add`.
//!
//! KNOWN WRONG (reads_before_tasks_finish): the async version reads the counter
//! as soon as the tasks are spawned, without waiting for them: the total is
//! whatever they had added by then.
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

// ANCHOR: threads
/// Starts `workers` threads that each add 1 to a shared counter `increments`
/// times, waits for all of them, and returns the final value.
pub fn count_with_threads(workers: usize, increments: u64) -> u64 {
    let counter = AtomicU64::new(0);
    // The scope is our `sync.WaitGroup`: it joins every thread before it
    // returns, which is also why the threads may borrow `counter` from this
    // stack frame.
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                for _ in 0..increments {
                    // `Relaxed`: we only need each addition to be atomic;
                    // nothing else is published through this counter. The join
                    // orders the final read.
                    counter.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    counter.into_inner()
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// The async twin: `workers` tokio tasks share the counter (a spawned task
/// must own what it uses), and the function waits for them all.
pub async fn count_with_tasks(workers: usize, increments: u64) -> u64 {
    let counter = Arc::new(AtomicU64::new(0));
    let mut tasks = JoinSet::new();
    for _ in 0..workers {
        // A new handle to the same counter, moved into the task.
        let counter = Arc::clone(&counter);
        tasks.spawn(async move {
            for _ in 0..increments {
                counter.fetch_add(1, Ordering::Relaxed);
            }
        });
    }
    // The mistake: the tasks are still running (and are aborted when `tasks` is
    // dropped at the end of this function).
    counter.load(Ordering::Relaxed)
}
// ANCHOR_END: tasks
