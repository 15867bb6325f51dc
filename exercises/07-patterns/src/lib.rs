//! Step 07: the patterns Go developers reach for, in Rust (the exercise crate:
//! edit me).
//!
//! A service needs more than "start everything at once": it must bound its
//! fan-out, beat a slow replica, stream work through stages without drowning,
//! share a pool of workers, respect an upstream's rate limit, and keep state
//! without a lock on every line. One exercise each:
//!
//! 1. [`bounded`]: at most K calls in flight (`Semaphore`, `JoinSet` at K,
//!    `buffer_unordered`; Go's `errgroup.SetLimit`);
//! 2. [`hedge`]: hedged requests, the first good answer wins and the losers are
//!    cancelled (Pike's "Google Search 3.0");
//! 3. [`pipeline`]: stages joined by bounded channels, with backpressure;
//! 4. [`pool`]: W worker threads on one queue, surviving a panicking job;
//! 5. [`rate_limit`]: a token bucket on `tokio::time`;
//! 6. [`actor`]: a task that owns the state, a `Clone` handle, replies over
//!    `oneshot` (Go's stateful goroutine).
//!
//! [`fetch`](mod@fetch) and [`panics`] are given. Check your work with
//! `cargo workshop check NAME` or `cargo test -p ex07-patterns`; the chapter is
//! `book/src/07-patterns.md`.
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

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
