//! Exercise 1 (spawn_join): run closures on OS threads with
//! `std::thread::spawn` and get each one's return value back with
//! `JoinHandle::join`.
//!
//! Why it works: `thread::spawn` starts the thread and returns at once with a
//! `JoinHandle`; nothing waits until you call `join` on it. So *when* you wait
//! matters as much as what you start: a `join` waits for that one thread, and a
//! thread you have not spawned yet cannot run in the meantime.
//!
//! `join` returns a `Result`: `Ok` with the thread's return value, or `Err`
//! with the *payload* of a panic in the thread (the value `panic!` was called
//! with). Go has no equivalent: a goroutine returns nothing, and its
//! unrecovered panic ends the program. `std::panic::resume_unwind` carries on
//! with that very payload in the caller, message and all; unwrapping the `Err`
//! starts a new panic whose message only says `Any { .. }`.

use std::thread;

// ANCHOR: run_all
/// Runs every job on its own OS thread, all at the same time, and returns
/// their results in the order of `jobs` (not in the order they finish).
///
/// If a job panics, the panic is re-raised here, in the caller, with its
/// own message.
pub fn run_all<T, F>(jobs: Vec<F>) -> Vec<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // TODO: Run every job at the same time, each on its own OS thread,
    //       and return the results in job order; a job's panic must reach
    //       the caller with its own message.
    // Book: book/src/00-basics.md#exercise-1-spawn-and-join
    todo!()
}
// ANCHOR_END: run_all
