//! Exercise `async_jobs`: the tokio twins, `run_all_async` (first error wins, the rest
//! are aborted) and `run_all_allow_errors_async` (everyone runs to the end).
//!
//! All on a paused clock: `sleep(30 s)` takes no real time, and time only moves when
//! every task is waiting, so the outcome is the same on every run.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use tokio::time::{Instant, sleep};

use crate::async_job::AsyncJob;
use crate::async_run_all::{run_all_allow_errors_async, run_all_async};
use crate::error::JobError;

use super::support::within_async;

fn secs(n: u64) -> Duration {
    Duration::from_secs(n)
}

/// A job that sleeps `after` and then fails with `message`.
fn failing_after(name: &str, after: Duration, message: &'static str) -> AsyncJob<()> {
    AsyncJob::new(name, async move {
        sleep(after).await;
        Err(message.into())
    })
}

#[tokio::test(start_paused = true)]
async fn run_all_async_succeeds_when_every_job_does_and_runs_them_at_once() {
    let done = Arc::new(AtomicUsize::new(0));
    let jobs = (0..3)
        .map(|i| {
            let done = Arc::clone(&done);
            AsyncJob::new(format!("job-{i}"), async move {
                sleep(secs(1)).await;
                done.fetch_add(1, Ordering::SeqCst);
                Ok(())
            })
        })
        .collect();
    let started = Instant::now();
    let result = within_async("run_all_async", run_all_async(jobs)).await;
    let elapsed = started.elapsed();

    assert_eq!(result, Ok(()), "no job failed");
    assert_eq!(done.load(Ordering::SeqCst), 3, "every job must have run");
    assert!(
        elapsed < Duration::from_millis(1500),
        "three 1 s jobs run at once take 1 s, one after the other 3 s; took {elapsed:?}: \
         spawn them all into the JoinSet before awaiting any"
    );
}

#[tokio::test(start_paused = true)]
async fn run_all_async_returns_the_first_error_and_aborts_the_rest() {
    let side_effect = Arc::new(AtomicBool::new(false));
    // Held by the slow job's future: when the future is dropped (aborted), so is this.
    let held_by_slow = Arc::new(());
    let slow = {
        let side_effect = Arc::clone(&side_effect);
        let held = Arc::clone(&held_by_slow);
        AsyncJob::new("slow", async move {
            sleep(secs(30)).await;
            side_effect.store(true, Ordering::SeqCst);
            drop(held);
            Ok(())
        })
    };
    let jobs = vec![
        slow,
        failing_after("failing", secs(1), "the upstream said 500"),
        failing_after("later", secs(2), "a second error nobody waits for"),
    ];

    let started = Instant::now();
    let result = within_async("run_all_async", run_all_async(jobs)).await;
    let elapsed = started.elapsed();

    assert_eq!(
        result,
        Err(JobError::Failed {
            job: "failing".to_string(),
            message: "the upstream said 500".to_string()
        }),
        "the first job to fail (after 1 s) decides the result"
    );
    assert!(
        elapsed < Duration::from_millis(1500),
        "run_all_async must return as soon as the first error arrives (at 1 s); took \
         {elapsed:?}"
    );

    // Let a minute of (paused) time pass: a slow job still alive would finish now.
    sleep(secs(60)).await;
    assert!(
        !side_effect.load(Ordering::SeqCst),
        "the slow job must have been aborted (JoinSet::abort_all, or drop the JoinSet), \
         so its side effect never happens"
    );
    assert_eq!(
        Arc::strong_count(&held_by_slow),
        1,
        "the slow job's future must have been dropped, letting go of what it held"
    );
}

#[tokio::test(start_paused = true)]
async fn run_all_async_reports_a_panic_with_its_line() {
    let line = line!() + 3;
    let panicky = AsyncJob::new("panicky", async {
        sleep(secs(1)).await;
        panic!("the cache is inconsistent");
    });
    let slow = failing_after("slow", secs(10), "should have been aborted");

    let result = within_async("run_all_async", run_all_async(vec![panicky, slow])).await;
    assert_eq!(
        result,
        Err(JobError::Panicked {
            job: "panicky".to_string(),
            message: "the cache is inconsistent".to_string(),
            location: format!("{}:{}", file!(), line),
        }),
        "a panicking job is an error too; AsyncJob::run catches it, with its line"
    );
}

#[tokio::test(start_paused = true)]
async fn allow_errors_async_waits_for_all_and_indexes_the_errors() {
    let slowest_done = Arc::new(AtomicBool::new(false));
    let slowest = {
        let slowest_done = Arc::clone(&slowest_done);
        AsyncJob::new("slowest", async move {
            sleep(secs(3)).await;
            slowest_done.store(true, Ordering::SeqCst);
            Ok(())
        })
    };
    let line = line!() + 3;
    let panicky = AsyncJob::new("panicky", async {
        sleep(secs(2)).await;
        panic!("index out of range");
    });
    let jobs = vec![
        slowest,
        failing_after("failing", secs(1), "no such user"),
        panicky,
        AsyncJob::new("quick", async { Ok(()) }),
    ];

    let started = Instant::now();
    let errors = within_async(
        "run_all_allow_errors_async",
        run_all_allow_errors_async(jobs),
    )
    .await;
    let elapsed = started.elapsed();

    assert_eq!(
        errors,
        vec![
            None,
            Some(JobError::Failed {
                job: "failing".to_string(),
                message: "no such user".to_string()
            }),
            Some(JobError::Panicked {
                job: "panicky".to_string(),
                message: "index out of range".to_string(),
                location: format!("{}:{}", file!(), line),
            }),
            None,
        ],
        "one slot per job, in order: None for success, Some(error) for failure"
    );
    assert!(
        slowest_done.load(Ordering::SeqCst),
        "every job runs to the end, even after others failed"
    );
    assert!(
        elapsed >= secs(3) && elapsed < Duration::from_millis(3500),
        "the jobs run at once: the total is the slowest job's 3 s, not the sum 6 s; took \
         {elapsed:?}"
    );
}
