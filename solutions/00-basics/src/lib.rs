//! Step 00: spawn & join, channels, select, shared state, atomics, condition
//! variables: the finished crate.
//!
//! One module per exercise (the same layout as `exercises/00-basics`), plus
//! [`seed`]: the three Go programs of the seed article, ported, which the
//! examples print
//! (`cargo run -p sol00-basics --example ping_pong|turns|counter`); and
//! [`compile_errors`]: the programs chapter 00 shows failing to compile, kept
//! failing by doc tests.
//!
//! Each exercise comes in two flavours: OS threads (`std::thread`,
//! `crossbeam_channel`, `Mutex`, `Condvar`) and async tasks (`tokio`). The idea
//! to take away from the whole step: Rust has the same building blocks as Go
//! (`go f()`, `chan`, `select`, `sync.WaitGroup`, `sync.Cond`, `sync/atomic`),
//! and the compiler checks that threads share data only through them.

pub mod atomics;
pub mod channels;
pub mod compile_errors;
pub mod scoped_threads;
pub mod seed;
pub mod select;
pub mod shared_state;
pub mod spawn_join;
pub mod tokio_tasks;
pub mod turn_taking;

// The step's tests live once, in the exercise crate; the solution runs the same
// file.
#[cfg(test)]
#[path = "../../../exercises/00-basics/src/tests/mod.rs"]
mod tests;
