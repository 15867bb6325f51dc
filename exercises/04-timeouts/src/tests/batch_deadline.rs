//! Exercise `batch_deadline`: `crate::batch_deadline::fan_out_with_deadline` (async,
//! paused time).

use tokio::time::Instant;

use super::support::{Probe, fake_call, ms};
use crate::batch_deadline::fan_out_with_deadline;
use crate::outcome::Outcome::{Done, TimedOut};

/// The likely mistake when every call of a batch is reported timed out, though some
/// finished in time.
const ALL_TIMED_OUT: &str = " Likely mistake: one timeout around the whole batch. When it \
     fires, the results of the calls that did finish are thrown away with it; cut off each \
     call at the deadline instead, so each keeps its own outcome";

/// [`ALL_TIMED_OUT`] if every outcome is `TimedOut`, else nothing.
fn all_timed_out<T>(outcomes: &[crate::outcome::Outcome<T>]) -> &'static str {
    if !outcomes.is_empty() && outcomes.iter().all(|outcome| !outcome.is_done()) {
        ALL_TIMED_OUT
    } else {
        ""
    }
}

#[tokio::test(start_paused = true)]
async fn partial_results_come_back_in_input_order() {
    let probe = Probe::new();
    let calls = vec![
        fake_call(probe.clone(), ms(300), "slow"),
        fake_call(probe.clone(), ms(50), "fast"),
        fake_call(probe.clone(), ms(120), "medium"),
    ];
    let outcomes = fan_out_with_deadline(calls, Instant::now() + ms(200)).await;
    let likely = if outcomes.iter().all(|outcome| *outcome == TimedOut) {
        ALL_TIMED_OUT
    } else if outcomes == [Done("fast"), Done("medium"), TimedOut] {
        " Likely mistake: the outcomes are in the order the calls finished"
    } else {
        ""
    };
    assert_eq!(
        outcomes,
        [TimedOut, Done("fast"), Done("medium")],
        "expected one outcome per call in the order the calls were given (not the order \
         they finished): the 300 ms call misses the 200 ms deadline, the others make it.\
         {likely}"
    );
}

#[tokio::test(start_paused = true)]
async fn one_deadline_for_the_whole_batch() {
    let probe = Probe::new();
    let start = Instant::now();
    let calls: Vec<_> = (0..3)
        .map(|i| fake_call(probe.clone(), ms(10_000), i))
        .collect();
    let outcomes = fan_out_with_deadline(calls, start + ms(100)).await;
    let elapsed = start.elapsed();
    assert!(
        elapsed >= ms(100) && elapsed < ms(105),
        "expected the batch of three 10 s calls to end at its 100 ms deadline; it ended \
         after {elapsed:?}.{}",
        if elapsed >= ms(300) && elapsed < ms(305) {
            " That is 3 x 100 ms: each call got the whole 100 ms for itself, one after \
             another. Likely mistake: a timeout per call, awaited in turn, instead of one \
             deadline shared by calls that run at the same time"
        } else {
            ""
        }
    );
    assert_eq!(
        outcomes,
        [TimedOut, TimedOut, TimedOut],
        "expected all three 10 s calls timed out at the 100 ms deadline"
    );
}

#[tokio::test(start_paused = true)]
async fn returns_at_the_deadline_not_after_the_slowest_call() {
    let probe = Probe::new();
    let start = Instant::now();
    let calls = vec![
        fake_call(probe.clone(), ms(50), 1),
        fake_call(probe.clone(), ms(10_000), 2),
    ];
    let outcomes = fan_out_with_deadline(calls, start + ms(200)).await;
    let elapsed = start.elapsed();
    assert_eq!(
        outcomes,
        [Done(1), TimedOut],
        "expected the 50 ms call done and the 10 s call timed out at the 200 ms deadline.{}",
        all_timed_out(&outcomes)
    );
    assert!(
        elapsed >= ms(200) && elapsed < ms(205),
        "expected to return at the 200 ms deadline, whatever the slow call does; returned \
         after {elapsed:?}.{}",
        if elapsed >= ms(10_000) {
            " That is when the slow call finished: nothing cut it off at the deadline"
        } else if elapsed >= ms(250) && elapsed < ms(255) {
            " That is 50 ms + 200 ms: the second call got its own 200 ms after the first \
             one ended. Likely mistake: a timeout per call, awaited in turn, instead of one \
             deadline for the batch"
        } else {
            ""
        }
    );
}

#[tokio::test(start_paused = true)]
async fn returns_early_when_every_call_is_done() {
    let probe = Probe::new();
    let start = Instant::now();
    let calls = vec![
        fake_call(probe.clone(), ms(30), 1),
        fake_call(probe.clone(), ms(80), 2),
    ];
    let outcomes = fan_out_with_deadline(calls, start + ms(10_000)).await;
    let elapsed = start.elapsed();
    assert_eq!(
        outcomes,
        [Done(1), Done(2)],
        "expected both calls (30 ms and 80 ms) done, because the deadline is 10 s away"
    );
    assert!(
        elapsed >= ms(80) && elapsed < ms(85),
        "expected to return when the last call finished (80 ms), not at the 10 s \
         deadline; returned after {elapsed:?}.{}",
        if elapsed >= ms(110) && elapsed < ms(115) {
            " That is 30 ms + 80 ms: the calls were awaited one after another"
        } else if elapsed >= ms(10_000) {
            " Likely mistake: waiting for the deadline even when every call is done"
        } else {
            ""
        }
    );
}

#[tokio::test(start_paused = true)]
async fn the_calls_run_at_the_same_time() {
    let probe = Probe::new();
    let calls: Vec<_> = (0..5)
        .map(|i| fake_call(probe.clone(), ms(100), i))
        .collect();
    let outcomes = fan_out_with_deadline(calls, Instant::now() + ms(150)).await;
    assert!(
        outcomes.iter().all(|outcome| outcome.is_done()),
        "expected all five 100 ms calls to beat a 150 ms deadline, because they run at the \
         same time; got {outcomes:?}. Likely mistake: the calls are awaited one after \
         another (they would need 500 ms); start them all and await them together"
    );
}

#[tokio::test(start_paused = true)]
async fn the_late_calls_are_cancelled_when_it_returns() {
    let probe = Probe::new();
    let calls = vec![
        fake_call(probe.clone(), ms(50), 1),
        fake_call(probe.clone(), ms(10_000), 2),
        fake_call(probe.clone(), ms(10_000), 3),
    ];
    let outcomes = fan_out_with_deadline(calls, Instant::now() + ms(100)).await;
    assert_eq!(
        outcomes,
        [Done(1), TimedOut, TimedOut],
        "expected the 50 ms call done and the two 10 s calls timed out at the 100 ms \
         deadline.{}",
        all_timed_out(&outcomes)
    );
    assert_eq!(
        (probe.started(), probe.finished(), probe.still_running()),
        (3, 1, 0),
        "expected all 3 calls started, 1 finished, and none still running: the two late \
         calls must be dropped (cancelled) at the deadline, not left running in the \
         background (started, finished, still running)"
    );
}

#[tokio::test(start_paused = true)]
async fn an_empty_batch_is_done_at_once() {
    let start = Instant::now();
    let calls: Vec<std::future::Ready<u8>> = Vec::new();
    let outcomes = fan_out_with_deadline(calls, start + ms(100)).await;
    assert!(
        outcomes.is_empty(),
        "expected no outcomes for no calls; got {outcomes:?}"
    );
    assert!(
        start.elapsed() < ms(1),
        "expected an empty batch to return at once, not at the 100 ms deadline, because \
         there is nothing to wait for; took {:?}",
        start.elapsed()
    );
}
