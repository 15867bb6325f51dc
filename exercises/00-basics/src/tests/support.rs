//! Helpers shared by this step's tests: failure messages in one shape, a
//! real-time deadline for blocking code and for async code on paused time, and
//! a gate that shows whether several threads were running at the same time.

use std::any::Any;
use std::fmt::Display;
use std::sync::{Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

/// Generous: a correct solution needs milliseconds. This only catches deadlocks
/// and loops that never end, and makes them fail within seconds instead of
/// hanging the run.
pub const LIMIT: Duration = Duration::from_secs(2);

/// How long a thread waits at a [`Gate`] for the others before it gives up.
/// Meeting takes microseconds when the threads run at the same time; one after
/// the other, they never meet, and the first one gives up after this long.
pub const MEET: Duration = Duration::from_millis(1000);

/// Every failure message of this step has this shape: what the test expected,
/// what your code did, and the mistake that most often causes it.
pub fn advice(
    expected: impl Display,
    happened: impl Display,
    likely: impl Display,
) -> String {
    format!(
        "\n  expected: {expected}\n  happened: {happened}\n  likely mistake: {likely}\n"
    )
}

/// Runs `f` on a helper thread and returns its result. Fails the test if `f` is
/// still running after [`LIMIT`] (a deadlock, or a loop that never stops:
/// `if_stuck` says what usually causes it), and re-raises `f`'s panic if it
/// panics (for example the `todo!()` of an unsolved exercise).
///
/// A stuck helper thread is left behind (nothing can stop a thread from
/// outside); the test process ends it when the run is over.
pub fn within<T: Send + 'static>(
    what: &str,
    if_stuck: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(LIMIT) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what} finished without a result"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "{}",
            advice(
                format!(
                    "{what} to finish within {LIMIT:?}: a correct solution takes milliseconds"
                ),
                "it is still running (waiting forever, or looping forever)",
                if_stuck,
            )
        ),
    }
}

/// Runs an async test on a current-thread tokio runtime with paused time, under
/// a real-time [`within`] deadline.
///
/// Paused time makes sleeps instant and exact, and a `tokio::time::timeout`
/// fires at once when every task is waiting. But a task that never waits (a
/// loop whose `recv` keeps returning `None` at once) keeps the runtime busy,
/// the paused clock never moves, and such a timeout never fires: the real-time
/// deadline catches that case.
pub fn paused<T, Fut>(
    what: &str,
    if_stuck: &str,
    test: impl FnOnce() -> Fut + Send + 'static,
) -> T
where
    Fut: Future<Output = T>,
    T: Send + 'static,
{
    within(what, if_stuck, move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .start_paused(true)
            .build()
            .expect("a tokio runtime for the test")
            .block_on(test())
    })
}

/// Runs an async test on a multi-thread tokio runtime under a real-time
/// [`within`] deadline. Four worker threads, more than most laptops' spare
/// cores: tasks run in parallel where they can, and the OS switches worker
/// threads at any instruction where they cannot, so tasks that share data
/// collide either way.
pub fn multi_thread<T, Fut>(
    what: &str,
    if_stuck: &str,
    test: impl FnOnce() -> Fut + Send + 'static,
) -> T
where
    Fut: Future<Output = T>,
    T: Send + 'static,
{
    within(what, if_stuck, move || {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(4)
            .enable_all()
            .build()
            .expect("a tokio runtime for the test")
            .block_on(test())
    })
}

/// The text of a panic payload (`panic!("...")` carries a `&str` or a
/// `String`).
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "<a panic without a message>".to_string())
}

/// Re-raises the panic of an unsolved exercise (`todo!()`) as it is, so that an
/// unfinished function is reported as unfinished, not as some other mistake.
pub fn reraise_todo(payload: Box<dyn Any + Send>) -> Box<dyn Any + Send> {
    if panic_message(payload.as_ref()).starts_with("not yet implemented") {
        std::panic::resume_unwind(payload);
    }
    payload
}

/// A meeting point for `expected` threads, with a deadline: like
/// `std::sync::Barrier`, except that nobody waits forever. Tells each arriving
/// thread whether all `expected` threads were there together.
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

    /// Arrives and waits up to [`MEET`] for the others. True if all `expected`
    /// threads arrived in time (so they ran at the same time), false otherwise.
    pub fn arrive_and_wait(&self) -> bool {
        let mut state = self.state.lock().unwrap();
        state.arrived += 1;
        self.changed.notify_all();
        let (mut state, _) = self
            .changed
            .wait_timeout_while(state, MEET, |s| {
                s.arrived < self.expected && !s.broken
            })
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
