//! The async twin of `panics.rs`: catch a panic inside a *future*, with its location.
//!
//! A task runs on some worker thread of the runtime, one `poll` at a time. If the
//! future panics, it panics inside a `poll`, on that worker thread: the hook from
//! `panics.rs` records the location in *that* thread's slot. `FutureExt::catch_unwind`
//! wraps every `poll` in `std::panic::catch_unwind`, so the panic is caught in the same
//! `poll`, on the same thread, and we read the slot right there, before any `.await`
//! could move us elsewhere.
//!
//! The idea to take away: a future is "just" a sequence of function calls (polls), so the
//! thread-based trick works if you catch inside the task, not after it.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;

use crate::error::{JobError, UNKNOWN_LOCATION};
use crate::panics::{install_location_hook, panic_message, take_panic_location};

// ANCHOR: catch_panic_async
/// Awaits `work`. If it panics, the panic comes back as `JobError::Panicked` naming
/// `job`, the message and the `"file.rs:LINE"` where it panicked.
pub async fn catch_panic_async<F: Future>(job: &str, work: F) -> Result<F::Output, JobError> {
    install_location_hook();
    take_panic_location(); // no stale location from this thread's past (see panics.rs)
    match AssertUnwindSafe(work).catch_unwind().await {
        Ok(value) => Ok(value),
        // No `.await` between the panic and this line: same poll, same worker thread.
        Err(payload) => Err(JobError::Panicked {
            job: job.to_string(),
            message: panic_message(&*payload),
            location: take_panic_location().unwrap_or_else(|| UNKNOWN_LOCATION.to_string()),
        }),
    }
}
// ANCHOR_END: catch_panic_async
