//! A timeout for one async call: `tokio::time::timeout`.
//!
//! The idea: `timeout(limit, call)` is a future that polls `call` and a timer side by
//! side. When the timer wins, the `call` future is *dropped*, and dropping a future is
//! how async Rust cancels: it will never be polled again, and whatever it owned (a
//! socket, a lock guard, a buffer) is freed right there. Go needs a `ctx` passed down
//! for this; Rust needs nothing from the callee.

use std::time::Duration;

use crate::outcome::TimedOut;

// ANCHOR: with_timeout
/// Runs `call`, but gives up after `limit`: `Ok(output)` if it finished in time,
/// `Err(TimedOut { limit })` if not. A call that times out is cancelled (dropped) before
/// this returns; it does not keep running in the background.
// Book: book/src/04-timeouts.md#exercise-1-a-timeout-per-call-async
pub async fn with_timeout<F: Future>(call: F, limit: Duration) -> Result<F::Output, TimedOut> {
    // TODO: await `tokio::time::timeout(limit, call)` and turn its error (`Elapsed`)
    // into `TimedOut { limit }` (`map_err`). Do not `tokio::spawn` the call: the timed-out
    // call must be dropped, not left running.
    todo!("per_call_timeout: race `call` against a timer with tokio::time::timeout")
}
// ANCHOR_END: with_timeout
