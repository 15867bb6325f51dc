//! Step 03: a Job abstraction; RunAsync and RunAsyncAllowErrors (your crate: fill in the
//! `todo!()`s, in the order of the book's exercises; `cargo workshop` tells you which is next).
//!
//! A `Job` is a named piece of work you `start()` and later `wait()` on. On top of it:
//! `run_all` (the first error wins and the others stop) and `run_all_allow_errors`
//! (everyone finishes; errors come back by index), on threads and on tokio tasks. A
//! job that panics becomes an error that says where it panicked. Last, a cache shared by
//! async tasks, and the lock that must not be held across an `.await`.
//!
//! Read the modules in this order: `error`, `stop`, `panics`, `job`, `run_all`,
//! `allow_errors`, `closures`, then the `async_*` twins, then `shared_cache`.

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
pub mod shared_cache;

pub use error::{BoxError, JobError};
pub use job::{Job, JobHandle};
pub use stop::StopSignal;

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
