//! Step 03: a Job abstraction; RunAsync and RunAsyncAllowErrors: the finished crate.
//!
//! A `Job` is a named piece of work you `start()` and later `wait()` on. On top of it:
//! `run_all` (the first error wins and the others stop) and `run_all_allow_errors`
//! (everyone finishes; errors come back by index), on threads and on tokio tasks. A
//! job that panics becomes an error that says where it panicked.
//!
//! Read the modules in this order: `error`, `stop`, `panics`, `job`, `run_all`,
//! `allow_errors`, `closures`, then the `async_*` twins.

pub mod error;
pub mod stop;

pub mod allow_errors;
pub mod closures;
pub mod job;
pub mod panics;
pub mod run_all;

pub mod async_job;
pub mod async_panics;
pub mod async_run_all;

pub use error::{BoxError, JobError};
pub use job::{Job, JobHandle};
pub use stop::StopSignal;

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/03-jobs/src/tests/mod.rs"]
mod tests;
