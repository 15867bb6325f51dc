//! Exercise `per_call_timeout`: `crate::per_call::with_timeout` (async, paused time).

use std::future::pending;

use tokio::time::Instant;

use super::support::{Probe, fake_call, ms};
use crate::outcome::TimedOut;
use crate::per_call::with_timeout;

#[tokio::test(start_paused = true)]
async fn a_fast_call_returns_its_value() {
    let probe = Probe::new();
    let start = Instant::now();
    let result = with_timeout(fake_call(probe, ms(50), 7), ms(100)).await;
    let elapsed = start.elapsed();
    assert_eq!(
        result,
        Ok(7),
        "expected Ok(7): the call takes 50 ms and the limit is 100 ms; got {result:?}"
    );
    assert!(
        elapsed < ms(100),
        "expected to return as soon as the call finished (50 ms); returned after \
         {elapsed:?}. Likely mistake: waiting for the timer even when the call is done \
         (race the two: the first to finish wins)"
    );
}

#[tokio::test(start_paused = true)]
async fn a_slow_call_times_out_at_the_limit() {
    let probe = Probe::new();
    let start = Instant::now();
    let result = with_timeout(fake_call(probe, ms(10_000), 7), ms(100)).await;
    let elapsed = start.elapsed();
    assert_eq!(
        result,
        Err(TimedOut { limit: ms(100) }),
        "expected Err(TimedOut {{ limit: 100ms }}), because the call needs 10 s; got \
         {result:?}"
    );
    assert!(
        elapsed >= ms(100) && elapsed < ms(105),
        "expected to give up right at the 100 ms limit; returned after {elapsed:?}.{}",
        if elapsed >= ms(10_000) {
            " That is when the 10 s call finished: with_timeout waited for the call to \
             finish and only then compared the time with the limit. A limit must be able \
             to interrupt the call: race it against a timer (tokio::time::timeout)"
        } else {
            ""
        }
    );
}

#[tokio::test(start_paused = true)]
async fn a_call_that_never_finishes_times_out() {
    // The outer bound keeps a wrong solution (one that only awaits the call) from hanging
    // the test: on the paused clock an idle runtime jumps straight to it.
    let result = tokio::time::timeout(ms(3_600_000), with_timeout(pending::<u32>(), ms(30)))
        .await
        .unwrap_or_else(|_| {
            panic!(
                "expected with_timeout to give up after its 30 ms limit; it was still \
                 waiting an hour (of paused time) later, for a call that never finishes. \
                 Likely mistake: with_timeout waited for the call to finish and only then \
                 compared the time with the limit; race it against a timer instead \
                 (tokio::time::timeout)"
            )
        });
    assert_eq!(
        result,
        Err(TimedOut { limit: ms(30) }),
        "expected a call that never finishes to time out after its limit"
    );
}

#[tokio::test(start_paused = true)]
async fn a_timed_out_call_is_cancelled_not_left_running() {
    let probe = Probe::new();
    let result = with_timeout(fake_call(probe.clone(), ms(10_000), 7), ms(100)).await;
    assert!(result.is_err(), "expected a timeout; got {result:?}");
    let seen = (probe.started(), probe.still_running(), probe.finished());
    assert_eq!(
        seen,
        (1, 0, 0),
        "expected the timed-out call to be dropped (cancelled) by the time with_timeout \
         returns: a timeout that leaves the work running in the background only hides \
         the slowness. (started, still running, finished).{}",
        if seen.2 == 1 {
            " It ran to its end: nothing interrupted it"
        } else {
            ""
        }
    );
}
