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
pub async fn with_timeout<F: Future>(call: F, limit: Duration) -> Result<F::Output, TimedOut> {
    tokio::time::timeout(limit, call)
        .await
        .map_err(|_elapsed| TimedOut { limit })
}
// ANCHOR_END: with_timeout
