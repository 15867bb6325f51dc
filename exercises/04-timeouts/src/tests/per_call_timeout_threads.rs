//! Exercise `per_call_timeout_threads`: `crate::per_call_threads::call_with_timeout`
//! (real threads, real time, every wait bounded).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use crossbeam_channel::bounded;

use super::support::ms;
use crate::outcome::TimedOut;
use crate::per_call_threads::call_with_timeout;

#[test]
fn quick_work_returns_its_value() {
    let start = Instant::now();
    let result = call_with_timeout(|| 6 * 7, Duration::from_secs(5));
    let elapsed = start.elapsed();
    assert_eq!(
        result,
        Ok(42),
        "expected the work's result, Ok(42); got {result:?}"
    );
    assert!(
        elapsed < Duration::from_secs(2),
        "expected to return as soon as the work is done, not at the 5 s limit; returned \
         after {elapsed:?}. Likely mistake: waiting for the timer before looking at the \
         result; wait on the result channel and the timer at once (select!)"
    );
}

/// How long the gated work waits for its gate before it gives up by itself. A solution
/// that waits for the worker after the timeout returns only then, and the test says so.
const GATE_PATIENCE: Duration = Duration::from_secs(3);

#[test]
fn slow_work_times_out_and_the_thread_runs_on() {
    // The work blocks until the test opens the gate (or GATE_PATIENCE passes): no
    // sleeping, and the test decides when it ends.
    let (gate_tx, gate_rx) = bounded::<()>(1);
    let (finished_tx, finished_rx) = bounded::<()>(1);
    let work = move || {
        let _ = gate_rx.recv_timeout(GATE_PATIENCE);
        let _ = finished_tx.send(());
        "late"
    };

    let start = Instant::now();
    let result = call_with_timeout(work, ms(100));
    let elapsed = start.elapsed();
    assert!(
        elapsed >= ms(100) && elapsed < Duration::from_secs(2),
        "expected to give up at the 100 ms limit; returned after {elapsed:?}.{}",
        if elapsed >= GATE_PATIENCE {
            " That is when the blocked work gave up by itself: call_with_timeout waited for \
             the worker after the timer fired. Likely mistake: joining the worker (or \
             receiving its result) after the timeout. A thread cannot be stopped; stop \
             waiting for it and return"
        } else {
            ""
        }
    );
    assert_eq!(
        result,
        Err(TimedOut { limit: ms(100) }),
        "expected Err(TimedOut {{ limit: 100ms }}), because the work is blocked; got \
         {result:?}"
    );

    // A thread cannot be killed: the worker is still there, and finishes once unblocked.
    let _ = gate_tx.send(());
    assert!(
        finished_rx.recv_timeout(Duration::from_secs(3)).is_ok(),
        "expected the worker thread to run on after the timeout and finish once its work \
         was unblocked; it never finished. Did call_with_timeout run the work on a thread \
         of its own?"
    );
}

#[test]
fn a_panic_in_the_work_reaches_the_caller() {
    let start = Instant::now();
    let caught = catch_unwind(AssertUnwindSafe(|| {
        call_with_timeout(
            || -> u32 { panic!("the work blew up") },
            Duration::from_secs(5),
        )
    }));
    let elapsed = start.elapsed();
    let message = match &caught {
        Ok(result) => format!("no panic, returned {result:?}"),
        Err(payload) => payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_default(),
    };
    assert!(
        message.contains("the work blew up"),
        "expected the worker's panic (\"the work blew up\") to carry on in the caller, \
         because a panic is not a timeout; got: {message}.{}",
        if message.contains("TimedOut") {
            " Likely mistake: a closed channel is not a timeout. The result channel \
             closes without a value when the worker dies; join the worker then, and raise \
             its panic again (std::panic::resume_unwind)"
        } else {
            ""
        }
    );
    assert!(
        elapsed < Duration::from_secs(2),
        "expected the panic to surface at once, not at the 5 s limit; it took \
         {elapsed:?}. Likely mistake: a closed result channel is not looked at until the \
         timer fires; it means the worker died: join it at once"
    );
}
