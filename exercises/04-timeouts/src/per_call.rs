//! Exercise 1 (per_call_timeout): a time limit on one async call, and what happens to the
//! call when the limit passes.
//!
//! Why it works: `tokio::time::timeout` returns a future that *owns* the call and polls
//! it beside a timer. When the timer wins, it drops the call, and dropping a future is
//! how async Rust cancels: the call is never polled again, and whatever it owned (a
//! socket, a lock guard, a buffer) is freed right there, at the `.await` where it
//! waited. Go needs a `ctx` passed down for this; the Rust callee needs nothing.
//!
//! That holds only while you own the future. A spawned task belongs to the runtime: a
//! timeout on its `JoinHandle` stops the *waiting*, and the task works on. And a limit
//! that is checked after the call has returned is no limit at all: it must be able to
//! interrupt the call.

use std::time::Duration;

use crate::outcome::TimedOut;

// ANCHOR: with_timeout
/// Runs `call`, but gives up after `limit`: `Ok(output)` if it finished in time,
/// `Err(TimedOut { limit })` if not. A call that times out is cancelled (dropped) before
/// this returns; it does not keep running in the background.
pub async fn with_timeout<F: Future>(call: F, limit: Duration) -> Result<F::Output, TimedOut> {
    // TODO: Race the call against a timer: its output if it finishes within the limit,
    //       else a TimedOut naming the limit; by then the call must be dropped, not running.
    // Book: book/src/04-timeouts.md#exercise-1-a-timeout-per-call-async
    todo!()
}
// ANCHOR_END: with_timeout
