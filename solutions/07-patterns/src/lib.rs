//! Step 07: the patterns Go developers reach for, in Rust: the finished crate.
//!
//! 1. [`bounded`]: at most K calls in flight (`buffer_unordered`, with the
//!    `Semaphore` and `JoinSet`-at-K versions in the chapter);
//! 2. [`hedge`]: hedged requests, the first good answer wins and the losers are
//!    cancelled (Pike's "Google Search 3.0");
//! 3. [`pipeline`]: stages joined by bounded channels, with backpressure;
//! 4. [`pool`]: W worker threads on one queue, surviving a panicking job;
//! 5. [`rate_limit`]: a token bucket on `tokio::time`;
//! 6. [`actor`]: a task that owns the state, a `Clone` handle, replies over
//!    `oneshot` (Go's stateful goroutine).
//!
//! [`fetch`](mod@fetch) and [`panics`] are given.
pub mod actor;
pub mod bounded;
pub mod fetch;
pub mod hedge;
pub mod panics;
pub mod pipeline;
pub mod pool;
pub mod rate_limit;

pub use actor::{Counters, Stopped, spawn_counters};
pub use bounded::fetch_bounded;
pub use fetch::{Reply, client, fetch};
pub use hedge::hedged;
pub use panics::JobPanicked;
pub use pipeline::pipeline;
pub use pool::worker_pool;
pub use rate_limit::RateLimiter;

// The step's tests live once, in the exercise crate; the solution runs the same
// file.
#[cfg(test)]
#[path = "../../../exercises/07-patterns/src/tests/mod.rs"]
mod tests;
