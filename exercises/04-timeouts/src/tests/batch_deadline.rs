//! Exercise `batch_deadline`: `crate::batch_deadline::fan_out_with_deadline` (async,
//! paused time).

use tokio::time::Instant;

use super::support::{Probe, fake_call, ms};
use crate::batch_deadline::fan_out_with_deadline;
use crate::outcome::Outcome::{Done, TimedOut};

#[tokio::test(start_paused = true)]
async fn partial_results_come_back_in_input_order() {
    let probe = Probe::new();
    let calls = vec![
        fake_call(probe.clone(), ms(300), "slow"),
        fake_call(probe.clone(), ms(50), "fast"),
        fake_call(probe.clone(), ms(120), "medium"),
    ];
    let outcomes = fan_out_with_deadline(calls, Instant::now() + ms(200)).await;
    assert_eq!(
        outcomes,
        [TimedOut, Done("fast"), Done("medium")],
        "expected one outcome per call in the order the calls were given (not the order \
         they finished): the 300 ms call misses the 200 ms deadline, the others make it"
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
        "expected the 50 ms call done and the 10 s call timed out at the 200 ms deadline"
    );
    assert!(
        elapsed >= ms(200) && elapsed < ms(205),
        "expected to return at the 200 ms deadline, whatever the slow call does; took \
         {elapsed:?}"
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
         deadline; took {elapsed:?}"
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
        "expected all five 100 ms calls to beat a 150 ms deadline, because they run \
         concurrently (one after the other they would need 500 ms); got {outcomes:?}"
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
        "expected the 50 ms call done and the two 10 s calls timed out at the 100 ms deadline"
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
