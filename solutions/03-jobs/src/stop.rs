//! A stop signal that threads can check, and wait on: our `context.Context`'s `Done()`.
//!
//! A thread cannot be killed from the outside (not in Rust, not in Go, not safely
//! anywhere): it has to *notice* that it should stop. So every job gets a `StopSignal`
//! and checks it between units of work, or waits on it instead of sleeping.
//!
//! The idea to take away: cancellation of threads is cooperative. The signal is only a
//! flag; stopping happens in the job's own code.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

// ANCHOR: stop_signal
/// A shared "please stop" flag. Cloning it gives another handle to the *same* flag.
///
/// A bare `Arc<AtomicBool>` would do for jobs that only poll; the `Condvar` also lets a
/// job *wait* for a stop request with a time limit ([`StopSignal::wait_timeout`]), the way
/// Go code does `select { case <-ctx.Done(): ... case <-time.After(d): ... }`.
#[derive(Clone, Debug, Default)]
pub struct StopSignal {
    inner: Arc<(Mutex<bool>, Condvar)>,
}

impl StopSignal {
    /// A fresh signal, not stopped.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks every job holding this signal to stop. Calling it again does nothing new.
    pub fn stop(&self) {
        let (stopped, changed) = &*self.inner;
        // A poisoned lock only means some thread panicked while holding it; a `bool`
        // cannot be left half-written, so carry on with it.
        *stopped.lock().unwrap_or_else(PoisonError::into_inner) = true;
        changed.notify_all();
    }

    /// Has anyone asked us to stop? Cheap: check it between units of work.
    pub fn is_stopped(&self) -> bool {
        *self.inner.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until the signal is stopped or `timeout` has passed, whichever comes first.
    /// Returns `true` if we were asked to stop. Use it instead of `thread::sleep` in a job:
    /// a sleeping thread cannot hear the stop request, a waiting one can.
    pub fn wait_timeout(&self, timeout: Duration) -> bool {
        let (stopped, changed) = &*self.inner;
        let guard = stopped.lock().unwrap_or_else(PoisonError::into_inner);
        // `wait_timeout_while` loops over spurious wake-ups for us.
        let (guard, _timed_out) = changed
            .wait_timeout_while(guard, timeout, |stopped| !*stopped)
            .unwrap_or_else(PoisonError::into_inner);
        *guard
    }
}
// ANCHOR_END: stop_signal
