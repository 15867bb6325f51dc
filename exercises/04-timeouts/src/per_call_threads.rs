//! Exercise 2 (per_call_timeout_threads): a time limit on one blocking call, with a
//! worker thread and `crossbeam_channel::select!`.
//!
//! Why it looks like this: a thread cannot be stopped from outside, so a "timeout" on
//! blocking work means *we stop waiting*, not *it stops working*. The worker runs the
//! call and sends its result over a channel; the caller waits on that channel and on a
//! timer channel (`crossbeam_channel::after`) at once, exactly like Go's `select` with
//! `time.After`. If the timer wins, the worker runs on until its call returns, finds
//! nobody listening, and exits. (To stop the work itself, the work needs a deadline of
//! its own: see `cancel_reaches_io`.)
//!
//! Two details the tests check:
//!
//! - A channel with room for one result lets a late worker drop off its result and exit.
//!   (In Go, an unbuffered channel here leaks the goroutine forever. In Rust the send
//!   fails instead, because the receiver is gone; room for one still says what we mean.)
//! - A worker that panics drops its sender while it unwinds, so the channel closes
//!   without a value. That is how the caller tells a panic from a timeout, and joining
//!   the worker then hands over the panic's payload, to be raised again in the caller.

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
pub fn call_with_timeout<T, F>(work: F, limit: Duration) -> Result<T, TimedOut>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // TODO: Run the work on a thread of its own and wait for its result or the limit,
    //       whichever comes first; on a timeout leave the thread running, unwaited for;
    //       a panic in the work is not a timeout: it must carry on in the caller.
    // Book: book/src/04-timeouts.md#exercise-2-a-timeout-per-call-threads
    todo!()
}
// ANCHOR_END: call_with_timeout
