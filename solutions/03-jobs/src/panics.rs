//! Exercise 1 (panics): a panic in a job becomes a `JobError::Panicked` that says what
//! happened and where.
//!
//! Go's RunAsync does this with `recover()` plus `debug.Stack()`, and digs the one
//! interesting line out of the stack text. Rust splits the same information in two:
//!
//! * `std::panic::catch_unwind` stops the unwinding and hands back the panic's
//!   *payload* (the message), but not where it came from;
//! * the *panic hook* runs first, on the panicking thread, and is given a
//!   `PanicHookInfo` whose `location()` is the file and line of the panic.
//!
//! So a hook (given below, installed once) writes the location into a thread-local slot,
//! and whoever catches the panic reads that slot right after `catch_unwind` returns. Both
//! run on the thread that panicked, one right after the other, so the slot holds *this*
//! panic's line.
//!
//! Two more details, both tested:
//!
//! * A panic re-raised with `std::panic::resume_unwind` skips the hook. If the slot still
//!   held the line of an older panic on this thread, that line would be reported: empty
//!   the slot before the work starts.
//! * `catch_unwind` asks for an `UnwindSafe` closure: the compiler's reminder that data
//!   the closure touched may be half-updated after a panic. Wrapping the work in
//!   `AssertUnwindSafe` is our promise that this is fine: nobody looks at the work again,
//!   and shared state behind a `Mutex` is *poisoned* by a panic, so its next user finds out.
//!
//! The idea to take away: the hook sees *where*, `catch_unwind` sees *what*; a
//! thread-local joins them because both run on the thread that panicked.

use std::any::Any;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use crate::error::{JobError, UNKNOWN_LOCATION};

// ANCHOR: hook
thread_local! {
    /// Where the last panic on *this* thread happened, as `"file.rs:LINE"`.
    ///
    /// Thread-local, not a global: two jobs panicking at the same moment on two threads
    /// must not see each other's locations.
    static LAST_PANIC_LOCATION: Cell<Option<String>> = const { Cell::new(None) };
}

static INSTALL_HOOK: Once = Once::new();

/// Installs (once per process) a panic hook that records each panic's location in a
/// thread-local, then calls the hook that was there before.
///
/// * Once: the hook is process-global; installing ours again on every job would wrap
///   the previous hook deeper and deeper.
/// * Chained: we do not swallow the default hook's message (`thread 'x' panicked at
///   ...`), nor a hook the application installed for its own logging; we only add to it.
pub fn install_location_hook() {
    INSTALL_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if let Some(location) = info.location() {
                let here = format!("{}:{}", location.file(), location.line());
                LAST_PANIC_LOCATION.with(|slot| slot.set(Some(here)));
            }
            previous(info);
        }));
    });
}

/// Takes (and clears) the location the hook recorded for the last panic on this thread.
pub fn take_panic_location() -> Option<String> {
    LAST_PANIC_LOCATION.with(Cell::take)
}
// ANCHOR_END: hook

/// The message we report when a panic's payload is neither `&str` nor `String`
/// (for example `std::panic::panic_any(42)`).
pub const NON_STRING_PAYLOAD: &str = "a panic without a text message";

// ANCHOR: panic_message
/// The text of a panic, from its payload.
///
/// `panic!("boom")` carries a `&'static str`; `panic!("bad id {id}")` (anything with
/// formatting) carries a `String`; `panic_any(x)` carries whatever `x` is.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text.to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        NON_STRING_PAYLOAD.to_string()
    }
}
// ANCHOR_END: panic_message

// ANCHOR: catch_panic
/// Runs `work` on the current thread. If it panics, the panic stops here and comes back
/// as `JobError::Panicked` naming `job`, the message and the `"file.rs:LINE"` where it
/// panicked.
pub fn catch_panic<T>(job: &str, work: impl FnOnce() -> T) -> Result<T, JobError> {
    install_location_hook();
    take_panic_location(); // an empty slot: a hook-less panic must not get an old line
    match panic::catch_unwind(AssertUnwindSafe(work)) {
        Ok(value) => Ok(value),
        Err(payload) => Err(JobError::Panicked {
            job: job.to_string(),
            message: panic_message(&*payload),
            // Same thread, right after the panic: the hook's note is still ours.
            location: take_panic_location().unwrap_or_else(|| UNKNOWN_LOCATION.to_string()),
        }),
    }
}
// ANCHOR_END: catch_panic
