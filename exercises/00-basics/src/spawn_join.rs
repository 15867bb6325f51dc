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
    // TODO: spawn one thread per job (`thread::spawn(job)`) and keep the `JoinHandle`s in
    //       a Vec; only after *all* are started, `join()` each handle in order and collect
    //       the values. `join()` gives `Err(payload)` if the job panicked: re-raise it with
    //       `std::panic::resume_unwind(payload)`.
    // Book: book/src/00-basics.md#exercise-1-spawn-and-join
    todo!()
}
// ANCHOR_END: run_all
