//! The tests of this step, one module per exercise (the module name is the exercise's
//! name: `cargo workshop check per_call_timeout` runs `tests::per_call_timeout`).
//!
//! Timer tests run on paused tokio time (`start_paused = true`): the clock only moves
//! when every task is waiting, straight to the next timer, so "100 ms" takes no real time
//! and lands exactly. Tests that need real sockets (the fake upstream) or real threads
//! use real time, with generous bounds, and every wait has a limit.

mod support;

mod batch_deadline;
mod cancel_reaches_io;
mod cancel_the_rest;
mod cancel_the_rest_threads;
mod per_call_timeout;
mod per_call_timeout_threads;
mod select_loop;
