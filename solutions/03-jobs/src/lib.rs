//! Step 03: a Job abstraction; RunAsync and RunAsyncAllowErrors: the finished crate.
//!
//! A `Job` is a named piece of work you `start()` and later `wait()` on. On top of it:
//! `run_all` (the first error wins and the others stop) and `run_all_allow_errors`
//! (everyone finishes; errors come back by index), on threads and on tokio tasks. A
//! job that panics becomes an error that says where it panicked. Last, a cache shared by
//! async tasks, and the lock that must not be held across an `.await`.
//!
//! Read the modules in this order: `error`, `stop`, `panics`, `job`, `run_all`,
//! `allow_errors`, `closures`, then the `async_*` twins, then `shared_cache`.
//!
//! The doctests below keep chapter 03's compiler story true. A `std::sync::MutexGuard`
//! kept across an `.await` makes a future that `tokio::spawn` refuses: "future cannot be
//! sent between threads safely" (an error without a code, so the doctest cannot name
//! one)...
#![doc = concat!("```compile_fail\n", include_str!("../snippets/guard_across_await.rs"), "```")]
//! ...and the same code with each guard gone before the `.await` compiles and runs:
#![doc = concat!("```\n", include_str!("../snippets/guard_before_await.rs"), "```")]
//! In code generic over the guarded type, as the exercise's `JobCache<V>` is, the same
//! mistake is reported at the `spawn` as E0277, "`MutexGuard<..>` cannot be sent between
//! threads safely":
#![doc = concat!("```compile_fail,E0277\n", include_str!("../snippets/guard_across_await_generic.rs"), "```")]

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

// The step's tests live once, in the exercise crate; the solution runs the same file.
#[cfg(test)]
#[path = "../../../exercises/03-jobs/src/tests/mod.rs"]
mod tests;
