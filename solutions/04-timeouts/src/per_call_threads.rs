//! A timeout for one blocking call: a worker thread and `crossbeam_channel::select!`.
//!
//! The idea: a thread cannot be stopped from outside, so a "timeout" on blocking work
//! means *we stop waiting*, not *it stops working*. The worker runs the call and sends
//! the result over a channel; we `select!` between that channel and a timer channel
//! (`after(limit)`), exactly like Go's `select` with `time.After`. If the timer wins,
//! the worker keeps running until its call returns, then finds nobody listening and
//! exits. (To stop the work itself, the work must have a deadline of its own: see
//! `cancel_reaches_io`.)

use std::thread;
use std::time::Duration;

use crossbeam_channel::{after, bounded, select};

use crate::outcome::TimedOut;

// ANCHOR: call_with_timeout
/// Runs `work` on a new thread and waits at most `limit` for its result.
///
/// `Ok(result)` if it finished in time, `Err(TimedOut { limit })` if not; the worker is
/// then left to finish on its own (it cannot be killed). If `work` panics, the panic is
/// passed on to the caller, as if the caller had run `work` itself.
pub fn call_with_timeout<T, F>(work: F, limit: Duration) -> Result<T, TimedOut>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // Room for one message: the worker can always drop off its result and exit, even
    // when nobody is waiting any more. (In Go, an unbuffered channel here leaks the
    // goroutine forever; in Rust the send would fail instead, since the receiver is
    // gone, but capacity 1 says what we mean.)
    let (result_tx, result_rx) = bounded(1);
    let worker = thread::spawn(move || {
        // After a timeout the receiver is gone, the send fails, and the late result is
        // simply dropped.
        let _ = result_tx.send(work());
    });

    select! {
        recv(result_rx) -> message => match message {
            Ok(result) => Ok(result),
            // The channel closed without a value: the worker panicked (unwinding
            // dropped its sender). Join it to get the panic and re-raise it here.
            Err(_disconnected) => match worker.join() {
                Err(panic) => std::panic::resume_unwind(panic),
                Ok(()) => unreachable!("the worker always sends before it returns"),
            },
        },
        recv(after(limit)) -> _ => Err(TimedOut { limit }),
    }
}
// ANCHOR_END: call_with_timeout
