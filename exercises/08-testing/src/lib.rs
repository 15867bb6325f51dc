//! Step 08: testing concurrent code (the exercise crate: edit me).
//!
//! Concurrent code fails in some runs and not others: the bug waits for one
//! schedule, one timing, one answer from the other end. This step turns each of
//! those into something a test controls:
//!
//! - **time** ([`check_retry`]): on tokio's paused clock a retry's 100 ms, 200
//!   ms, 400 ms take no real time and land exactly, so a test can check them to
//!   the millisecond. You write the test of a given [`retry`] with backoff;
//! - **the other end** ([`check_cancellation`]): the in-process fake upstream
//!   on `127.0.0.1:0` sees what your client did, and waiting on its counters
//!   (gates, with deadlines) replaces the sleeps that make tests flaky. You
//!   write the test that a given [`fetch`] closes its connection when
//!   cancelled;
//! - **the schedule** ([`slot`]): loom runs a small concurrent structure once
//!   for every interleaving of its threads. You make its one-shot slot pass the
//!   loom model that finds the ordering bug thousands of ordinary runs miss.
//!
//! In exercises 1 and 2 the test is what you write, and the step's tests test
//! it: they run it against the correct code (it must pass) and against broken
//! copies (it must fail on every one).
//!
//! Work through the exercises in this order; `cargo workshop` shows where you
//! are and `cargo workshop hint NAME` helps when you are stuck. The book's
//! chapter is `book/src/08-testing.md`.

pub mod check_cancellation;
pub mod check_retry;
pub mod fetch;
pub mod retry;
pub mod slot;
pub mod sync;

pub use check_cancellation::check_cancellation;
pub use check_retry::check_retry;
pub use slot::Slot;

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
