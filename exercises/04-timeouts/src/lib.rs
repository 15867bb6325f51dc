//! Step 04: timeouts, deadlines and cancellation (the exercise crate: edit me).
//!
//! A slow upstream must never make the caller slow. This step gives every wait a limit,
//! in three shapes, with threads and with async (tokio), and then makes sure that giving
//! up really stops the work:
//!
//! - **a timeout per call** ([`per_call`], [`per_call_threads`]): one call, one limit;
//! - **one deadline for a batch** ([`batch_deadline`]): N calls, one point in time, and
//!   whatever finished by then ([`Outcome`]);
//! - **stopping the rest** ([`cancel_the_rest`], [`cancel_the_rest_threads`]): the first
//!   error or the deadline tells every other job to stop, and we wait until they have;
//! - **cancellation that reaches the I/O** ([`cancel_reaches_io`]): giving up on an HTTP
//!   call must close its connection, or the upstream keeps working for nobody;
//! - **a `select!` loop that loses nothing** ([`select_loop`]): a branch that loses the
//!   race is dropped, so what it had half-read must not live in it.
//!
//! The idea to take away: in async Rust, *dropping a future is cancelling it*; a thread
//! cannot be cancelled from outside, it can only be asked (a token it checks) or have a
//! deadline built into its I/O.
//!
//! Work through the exercises in this order; `cargo workshop` shows where you are and
//! `cargo workshop hint NAME` helps when you are stuck. The book's chapter is
//! `book/src/04-timeouts.md`.

pub mod batch_deadline;
pub mod cancel_reaches_io;
pub mod cancel_the_rest;
pub mod cancel_the_rest_threads;
pub mod cancel_token;
pub mod outcome;
pub mod per_call;
pub mod per_call_threads;
pub mod select_loop;

pub use batch_deadline::fan_out_with_deadline;
pub use outcome::{Outcome, Stopped, TimedOut};

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
