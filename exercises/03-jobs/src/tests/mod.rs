//! The tests of this step, one module per exercise (the module name is the exercise's
//! name for `cargo workshop check NAME`).
//!
//! Every test that waits, waits with a deadline (`support::within`, paused tokio time):
//! an unfinished exercise must fail fast, never hang.

mod support;

mod allow_errors;
mod async_jobs;
mod closures;
mod panics;
mod run_all;
mod shared_cache;
mod start_wait;
