//! Helpers shared by this step's tests: a deadline for blocking code, and a gate that
//! shows whether several threads were running at the same time.

use std::any::Any;
use std::sync::{Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

/// Generous: a correct solution needs milliseconds; this only catches deadlocks.
pub const LIMIT: Duration = Duration::from_secs(5);

/// Runs `f` on a helper thread and returns its result; fails the test if `f` takes longer
/// than `limit` (a deadlock, or a consumer that never stops) and re-raises its panic if it
/// panics (for example the `todo!()` of an unsolved exercise).
pub fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what} finished without a result"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "expected {what} to finish within {limit:?}, because a correct solution takes \
             milliseconds; it is still running: is something waiting forever (a channel \
             that is never closed, a turn that is never passed on)?"
        ),
    }
}

/// The text of a panic payload (`panic!("...")` carries a `&str` or a `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<a panic without a message>".to_string())
}

/// A meeting point for `expected` threads, with a deadline: like `std::sync::Barrier`,
/// except that nobody waits forever. Tells each arriving thread whether all `expected`
/// threads were there together.
pub struct Gate {
    expected: usize,
    state: Mutex<GateState>,
    changed: Condvar,
}

struct GateState {
    arrived: usize,
    /// Someone gave up waiting: everyone after them gives up at once.
    broken: bool,
}

impl Gate {
    pub fn new(expected: usize) -> Self {
        Gate {
            expected,
            state: Mutex::new(GateState {
                arrived: 0,
                broken: false,
            }),
            changed: Condvar::new(),
        }
    }

    /// Arrives and waits up to `limit` for the others. True if all `expected` threads
    /// arrived in time (so they ran at the same time), false otherwise.
    pub fn arrive_and_wait(&self, limit: Duration) -> bool {
        let mut state = self.state.lock().unwrap();
        state.arrived += 1;
        self.changed.notify_all();
        let (mut state, _) = self
            .changed
            .wait_timeout_while(state, limit, |s| s.arrived < self.expected && !s.broken)
            .unwrap();
        if state.arrived >= self.expected && !state.broken {
            true
        } else {
            state.broken = true;
            self.changed.notify_all();
            false
        }
    }
}
