//! Stopping the rest with threads: a cancel token the workers check, and a deadline.
//!
//! The idea: the same contract as the async `TaskGroup`, with threads. Each job runs on
//! its own scoped thread and is handed a [`CancelToken`]; results come back over one
//! channel; the caller `select!`s between that channel and a timer channel for the
//! deadline (`crossbeam_channel::at`). On the first error or at the deadline it cancels
//! the token. It cannot abort a thread, so it must then wait for every worker to notice
//! the token and return: `thread::scope` does that waiting, and guarantees no worker
//! outlives the call.

use std::thread;
use std::time::Instant;

use crossbeam_channel::{at, select, unbounded};

use crate::cancel_token::CancelToken;
use crate::outcome::Stopped;

// ANCHOR: run_until_first_error
/// Runs every job on its own thread until all succeed, one fails, or `deadline` passes.
///
/// `Ok(results)` in input order if all succeed in time; otherwise `Err(Stopped::…)`, and
/// the token every job was given is cancelled. Returns only when every worker thread has
/// returned, so jobs must check their token (`token.done()` in a `select!`,
/// `token.sleep(d)`, or `token.is_cancelled()` between steps). If a job panics, the
/// panic carries on in the caller once every worker has returned.
// Book: book/src/04-timeouts.md#exercise-5-stop-the-rest-threads
pub fn run_until_first_error<T, E, F>(jobs: Vec<F>, deadline: Instant) -> Result<Vec<T>, Stopped<E>>
where
    F: FnOnce(&CancelToken) -> Result<T, E> + Send,
    T: Send,
    E: Send,
{
    // TODO:
    // 1. Make a `CancelToken`, an `unbounded()` results channel and a timer channel
    //    `at(deadline)`.
    // 2. In `thread::scope(|scope| { ... })`, spawn one thread per job (with its index,
    //    and clones of the sender and the token) that sends `(index, job(&token))`.
    //    Then drop your own sender, so the channel disconnects when the last worker ends.
    // 3. Loop over `select!`: `recv(results_rx) -> message` (disconnected = all done:
    //    return the values sorted by index; `Ok` = keep it; `Err` = cancel the token and
    //    return `Stopped::Failed`) and `recv(timer) -> _` (cancel the token and return
    //    `Stopped::DeadlinePassed`). The scope then waits for every worker.
    todo!("cancel_the_rest_threads: scoped threads, select! with at(deadline), cancel")
}
// ANCHOR_END: run_until_first_error
