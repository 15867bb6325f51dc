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

use super::support::{advice, check_slots, within_async};

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
        "{}",
        advice(
            "three 1 s jobs run at once to take 1 s",
            format!("they took {elapsed:?}"),
            "each job was awaited before the next was spawned, so they ran one after the \
             other: spawn them all, then wait"
        )
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
        "{}",
        advice(
            "run_all_async to return at 1 s, when the first error happens",
            format!("it returned after {elapsed:?}"),
            "the tasks were awaited in the order they were started, so the 30 s job, first \
             in the list, was awaited first. A JoinSet's join_next hands back whichever \
             task finishes first"
        )
    );

    // Let a minute of (paused) time pass: a slow job still alive would finish now.
    sleep(secs(60)).await;
    let ran_on = advice(
        "the 30 s job to be aborted when run_all_async returned the first error",
        "it ran on, detached, and did its work 29 s later",
        "dropping a tokio JoinHandle does not stop its task, it only stops you waiting: \
         abort the rest (a JoinSet aborts its tasks with abort_all, or when it is dropped)",
    );
    assert!(!side_effect.load(Ordering::SeqCst), "{ran_on}");
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
        panic!("a deliberate panic, in the test's job");
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

    check_slots(
        &errors,
        &[
            None,
            Some(JobError::Failed {
                job: "failing".to_string(),
                message: "no such user".to_string(),
            }),
            Some(JobError::Panicked {
                job: "panicky".to_string(),
                message: "a deliberate panic, in the test's job".to_string(),
                location: format!("{}:{}", file!(), line),
            }),
            None,
        ],
    );
    assert!(
        slowest_done.load(Ordering::SeqCst),
        "every job runs to the end, even after others failed"
    );
    assert!(
        elapsed >= secs(3) && elapsed < Duration::from_millis(3500),
        "{}",
        advice(
            "jobs of 3 s, 1 s, 2 s and 0 s run at once to take 3 s, the slowest one's",
            format!("they took {elapsed:?}"),
            "each job was awaited before the next one was started: start them all, then \
             wait for each"
        )
    );
}
