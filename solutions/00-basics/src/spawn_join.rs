//! Exercise `spawn_join`: run closures on OS threads with `std::thread::spawn` and get each
//! one's return value back with `JoinHandle::join`.
//!
//! The idea to take away: `thread::spawn(f)` is Go's `go f()`, except that the thread
//! hands a value back. `join` is where you wait for it (Go needs a `sync.WaitGroup` or a
//! channel for that), and it is also where a panic inside the thread comes back to you.

use std::thread;

// ANCHOR: run_all
/// Runs every job on its own OS thread, all at the same time, and returns their results in
/// the order of `jobs` (not in the order they finish).
///
/// If a job panics, the panic is re-raised here, in the caller, with its own message.
pub fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // Start every thread first...
    let handles: Vec<thread::JoinHandle<T>> = jobs.into_iter().map(thread::spawn).collect();
    // ...and only then wait for them. Joining inside the first loop would run the jobs
    // one after the other.
    handles
        .into_iter()
        .map(|handle| match handle.join() {
            Ok(value) => value,
            // `Err` carries the panic's payload; resuming it keeps the original message.
            Err(panic) => std::panic::resume_unwind(panic),
        })
        .collect()
}
// ANCHOR_END: run_all
