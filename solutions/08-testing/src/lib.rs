//! Step 08: testing concurrent code: the finished crate.
//!
//! Concurrent code fails in some runs and not others: the bug waits for one
//! schedule, one timing, one answer from the other end. This step turns each of
//! those into something a test controls:
//!
//! - **time** ([`check_retry`]): on tokio's paused clock a retry's 100 ms, 200
//!   ms, 400 ms take no real time and land exactly, so a test can check them to
//!   the millisecond;
//! - **the other end** ([`check_cancellation`]): the in-process fake upstream
//!   on `127.0.0.1:0` sees what the client did, and waiting on its counters
//!   (gates, with deadlines) replaces the sleeps that make tests flaky;
//! - **the schedule** ([`slot`]): loom runs a small concurrent structure once
//!   for every interleaving of its threads, and finds the ordering bug that
//!   thousands of ordinary runs miss (`cargo run --release -p sol08-testing
//!   --example stress_slot` counts how often those runs see it).

pub mod check_cancellation;
pub mod check_retry;
pub mod fetch;
pub mod retry;
pub mod slot;
pub mod sync;

pub use check_cancellation::check_cancellation;
pub use check_retry::check_retry;
pub use slot::Slot;

// The step's tests live once, in the exercise crate; the solution runs the same
// file.
#[cfg(test)]
#[path = "../../../exercises/08-testing/src/tests/mod.rs"]
mod tests;
