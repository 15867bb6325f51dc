//! The tests of this step, one module per exercise (the module name is the exercise's
//! name: `cargo workshop check spawn_join` runs `tests::spawn_join`).
//!
//! They run unchanged against `exercises/00-basics` and `solutions/00-basics`. Every wait
//! has a deadline ([`support::within`], `tokio::time::timeout`), so an unfinished or
//! deadlocked exercise fails fast instead of hanging.

mod support;

mod atomics;
mod channels;
mod scoped_threads;
mod select;
mod spawn_join;
mod tokio_tasks;
mod turn_taking;
