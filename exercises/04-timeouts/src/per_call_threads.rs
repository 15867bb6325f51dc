//! A timeout for one blocking call: a worker thread and `crossbeam_channel::select!`.
//!
//! The idea: a thread cannot be stopped from outside, so a "timeout" on blocking work
//! means *we stop waiting*, not *it stops working*. The worker runs the call and sends
//! the result over a channel; we `select!` between that channel and a timer channel
//! (`after(limit)`), exactly like Go's `select` with `time.After`. If the timer wins,
//! the worker keeps running until its call returns, then finds nobody listening and
//! exits. (To stop the work itself, the work must have a deadline of its own: see
//! `cancel_reaches_io`.)

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select};

use crate::outcome::TimedOut;

// ANCHOR: call_with_timeout
/// Runs `work` on a new thread and waits at most `limit` for its result.
///
/// `Ok(result)` if it finished in time, `Err(TimedOut { limit })` if not; the worker is
/// then left to finish on its own (it cannot be killed). If `work` panics, the panic is
/// passed on to the caller, as if the caller had run `work` itself.
// Book: book/src/04-timeouts.md#exercise-2-a-timeout-per-call-threads
pub fn call_with_timeout<T, F>(work: F, limit: Duration) -> Result<T, TimedOut>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // TODO:
    // 1. Make a channel with room for one result: `bounded(1)`.
    // 2. `thread::spawn` a worker that runs `work()` and sends the result (ignore a
    //    failed send: it only means we stopped waiting). Keep its JoinHandle.
    // 3. `select!` on `recv(result_rx) -> message` and `recv(after(limit)) -> _`:
    //    a result is `Ok(result)`; the timer is `Err(TimedOut { limit })`; a
    //    disconnected channel means the worker panicked: `join()` it and pass its panic
    //    on with `std::panic::resume_unwind`.
    todo!("per_call_timeout_threads: a worker thread, a channel, and select! with after()")
}
// ANCHOR_END: call_with_timeout
