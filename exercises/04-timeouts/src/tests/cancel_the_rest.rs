//! Exercise `cancel_the_rest`: `crate::cancel_the_rest::TaskGroup::{wait, stop}` (async,
//! paused time).

use std::sync::Arc;
use std::time::Duration;

use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

use super::support::{Probe, ms};
use crate::cancel_the_rest::TaskGroup;
use crate::outcome::Stopped;

/// A job that watches its token: it works for `work`, or stops when cancelled.
async fn polite(
    token: CancellationToken,
    probe: Arc<Probe>,
    work: Duration,
    value: u32,
) -> Result<u32, String> {
    let _guard = probe.start();
    match token.run_until_cancelled(sleep(work)).await {
        Some(()) => {
            probe.finish();
            Ok(value)
        }
        None => {
            probe.notice_cancel();
            Err("cancelled".to_string())
        }
    }
}

/// A job that ignores its token: only an abort stops it.
async fn stubborn(probe: Arc<Probe>, work: Duration, value: u32) -> Result<u32, String> {
    let _guard = probe.start();
    sleep(work).await;
    probe.finish();
    Ok(value)
}

/// A job that fails after `after`.
async fn failing(after: Duration, error: &str) -> Result<u32, String> {
    sleep(after).await;
    Err(error.to_string())
}

const LONG: Duration = Duration::from_secs(3600);
const GRACE: Duration = Duration::from_millis(100);

#[tokio::test(start_paused = true)]
async fn all_succeed_and_results_come_in_spawn_order() {
    let probe = Probe::new();
    let mut group = TaskGroup::new();
    for (work, value) in [(ms(30), 1), (ms(10), 2), (ms(20), 3)] {
        let probe = probe.clone();
        group.spawn(move |token| polite(token, probe, work, value));
    }
    let start = Instant::now();
    let result = group.wait(start + ms(1000), GRACE).await;
    assert_eq!(
        result,
        Ok(vec![1, 2, 3]),
        "expected every result, in the order the jobs were spawned (they finish in the \
         order 2, 3, 1): sort them by their index before returning"
    );
    assert!(
        start.elapsed() < ms(35),
        "expected to return when the last job finished (30 ms); took {:?}",
        start.elapsed()
    );
}

#[tokio::test(start_paused = true)]
async fn the_first_error_stops_the_others() {
    let probe = Probe::new();
    let mut group = TaskGroup::new();
    let token = group.token();
    let p = probe.clone();
    group.spawn(move |token| polite(token, p, LONG, 1));
    group.spawn(|_token| failing(ms(50), "upstream said 500"));
    let p = probe.clone();
    group.spawn(move |token| polite(token, p, LONG, 3));

    let start = Instant::now();
    let result = group.wait(start + LONG, GRACE).await;
    let elapsed = start.elapsed();
    assert_eq!(
        result,
        Err(Stopped::Failed {
            index: 1,
            error: "upstream said 500".to_string()
        }),
        "expected the error of job 1 (the only one that fails)"
    );
    assert!(
        token.is_cancelled(),
        "expected the group's token to be cancelled when a job fails, so the other jobs \
         learn that their work is no longer wanted; it was not. Likely mistake: wait \
         returned the error without stopping the group first (stop)"
    );
    assert_eq!(
        (
            probe.noticed_cancel(),
            probe.finished(),
            probe.still_running()
        ),
        (2, 0, 0),
        "expected both other jobs to have noticed the cancel and returned by the time \
         wait returns (noticed cancel, finished, still running). Likely mistake: \
         cancelling the token without waiting for the jobs to return: that stops the \
         waiting, not the working"
    );
    assert!(
        elapsed < ms(50) + GRACE,
        "expected to return right after the error (50 ms): polite jobs stop at once and \
         need no grace period; returned after {elapsed:?}. Likely mistake: sitting out \
         the whole grace period instead of returning as soon as the set is empty"
    );
}

#[tokio::test(start_paused = true)]
async fn the_earliest_error_wins() {
    let mut group = TaskGroup::<u32, String>::new();
    group.spawn(|_token| failing(ms(30), "second"));
    group.spawn(|_token| failing(ms(10), "first"));
    let result = group.wait(Instant::now() + LONG, GRACE).await;
    assert_eq!(
        result,
        Err(Stopped::Failed {
            index: 1,
            error: "first".to_string()
        }),
        "expected the error that happened first (job 1, at 10 ms), not the first in the \
         list. Likely mistake, if you got job 0's: awaiting the jobs in spawn order \
         instead of as they finish (join_next)"
    );
}

#[tokio::test(start_paused = true)]
async fn the_deadline_stops_the_others() {
    let probe = Probe::new();
    let mut group = TaskGroup::<u32, String>::new();
    for work in [ms(10), LONG, LONG] {
        let probe = probe.clone();
        group.spawn(move |token| polite(token, probe, work, 0));
    }
    let start = Instant::now();
    let result = group.wait(start + ms(100), GRACE).await;
    let elapsed = start.elapsed();
    assert_eq!(
        result,
        Err(Stopped::DeadlinePassed { finished: 1 }),
        "expected DeadlinePassed with 1 job finished (10 ms) when the other two need an hour"
    );
    assert_eq!(
        (probe.noticed_cancel(), probe.still_running()),
        (2, 0),
        "expected the two slow jobs to be cancelled and gone when wait returns \
         (noticed cancel, still running). Likely mistake: the token is not cancelled at \
         the deadline, or wait returns before the jobs have (stop waiting is not stop \
         working)"
    );
    assert!(
        elapsed >= ms(100) && elapsed < ms(105),
        "expected to return at the 100 ms deadline; returned after {elapsed:?}.{}",
        if elapsed >= ms(110) && elapsed < ms(115) {
            " That is 10 ms + 100 ms: the job that finished at 10 ms restarted the timer. \
             Likely mistake: a sleep of a duration created anew on every turn of the loop"
        } else {
            ""
        }
    );
}

#[tokio::test(start_paused = true)]
async fn finished_jobs_do_not_push_the_deadline_back() {
    let probe = Probe::new();
    let mut group = TaskGroup::<u32, String>::new();
    // Jobs that finish every 50 ms, and one that needs an hour.
    for work in [ms(50), ms(100), ms(150), ms(200), ms(250), LONG] {
        let probe = probe.clone();
        group.spawn(move |token| polite(token, probe, work, 0));
    }
    let start = Instant::now();
    let result = group.wait(start + ms(120), GRACE).await;
    let elapsed = start.elapsed();
    assert!(
        elapsed >= ms(120) && elapsed < ms(125),
        "expected the group to give up at its 120 ms deadline; it gave up after \
         {elapsed:?}, with {result:?}.{}",
        if elapsed >= ms(170) {
            " Each job that finished pushed the deadline back by 120 ms. Likely mistake: \
             a timer of a duration (sleep) created anew on every turn of the loop starts \
             over each time; wait for the deadline itself (an instant, sleep_until), or \
             create the timer once and keep it across the turns"
        } else {
            ""
        }
    );
    assert_eq!(
        result,
        Err(Stopped::DeadlinePassed { finished: 2 }),
        "expected DeadlinePassed with 2 jobs finished (at 50 and 100 ms) at the 120 ms \
         deadline"
    );
}

#[tokio::test(start_paused = true)]
async fn a_job_that_ignores_the_token_is_aborted_after_the_grace_period() {
    let probe = Probe::new();
    let mut group = TaskGroup::new();
    let p = probe.clone();
    group.spawn(move |_token| stubborn(p, LONG, 1));
    group.spawn(|_token| failing(ms(20), "boom"));

    let start = Instant::now();
    let result = group.wait(start + LONG, GRACE).await;
    let elapsed = start.elapsed();
    assert!(
        matches!(result, Err(Stopped::Failed { index: 1, .. })),
        "expected job 1's error; got {result:?}"
    );
    assert!(
        elapsed >= ms(20) + GRACE && elapsed < ms(20) + GRACE + ms(5),
        "expected the stubborn job to get exactly the grace period ({GRACE:?}) after the \
         error at 20 ms before being aborted; wait returned after {elapsed:?}.{}",
        if elapsed >= LONG {
            " That is when the stubborn job finished its hour of work by itself. Likely \
             mistake: stop waits for every job with no limit; a job that ignores the \
             token must be aborted once the grace period is over"
        } else if elapsed < ms(20) + GRACE {
            " Likely mistake: the job was aborted (or left) without its grace period"
        } else {
            ""
        }
    );
    let seen = (probe.dropped_halfway(), probe.still_running());
    assert_eq!(
        seen,
        (1, 0),
        "expected the job that ignores its token to be aborted (dropped halfway) and gone \
         by the time wait returns (dropped halfway, still running).{}",
        if seen.1 > 0 {
            " It was still there. Likely mistake: returning right after abort_all; an \
             aborted task is only gone once the JoinSet has handed it back (join_next), \
             and until then it may still hold its socket"
        } else {
            ""
        }
    );
}
