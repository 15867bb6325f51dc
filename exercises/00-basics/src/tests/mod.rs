//! The tests of this step, one module per exercise (the module name is the
//! exercise's name: `cargo workshop check spawn_join` runs
//! `tests::spawn_join`).
//!
//! They run unchanged against `exercises/00-basics` and `solutions/00-basics`.
//! Every wait has a real-time deadline ([`support::within`], also around the
//! async tests), so an unfinished, deadlocked or endlessly looping exercise
//! fails within seconds instead of hanging, with a message that says what
//! usually causes it.

mod support;

mod atomics;
mod channels;
mod scoped_threads;
mod select;
mod shared_state;
mod spawn_join;
mod tokio_tasks;
mod turn_taking;
