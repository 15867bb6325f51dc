//! Checks the given `AsyncJobHandle::stop` and the `JoinError` → `JobError` mapping
//! (`async_job.rs`) through the solution crate's public API.
//!
//! This is given code, not an exercise, and no exercise of the step hands out a handle to
//! stop, so it is tested here rather than in the `async_jobs` group: a test there would
//! pass on the unsolved exercise.
//!
//! All on a paused clock (`sleep(30 s)` takes no real time) and the test's single-threaded
//! runtime, so every run sees the same order of events.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};

use sol03_jobs::JobError;
use sol03_jobs::async_job::{AsyncJob, AsyncJobHandle, from_join_error};
use sol03_jobs::error::UNKNOWN_LOCATION;

/// Awaits `handle.wait()` for at most 10 minutes of paused (so instant) time: a wait
/// that can never finish fails the test instead of hanging it.
async fn wait_within<T>(handle: AsyncJobHandle<T>) -> Result<T, JobError> {
    timeout(Duration::from_secs(600), handle.wait())
        .await
        .expect("wait() never finished: a stopped job's handle must still return")
}

/// A job that sleeps 30 s, then records that it finished. It holds `held` until its
/// future is dropped.
fn slow_job(finished: &Arc<AtomicBool>, held: &Arc<()>) -> AsyncJob<()> {
    let (finished, held) = (Arc::clone(finished), Arc::clone(held));
    AsyncJob::new("slow", async move {
        sleep(Duration::from_secs(30)).await;
        finished.store(true, Ordering::SeqCst);
        drop(held);
        Ok(())
    })
}

#[tokio::test(start_paused = true)]
async fn stop_aborts_a_running_job_and_wait_says_it_was_stopped() {
    let finished = Arc::new(AtomicBool::new(false));
    let held = Arc::new(());
    let handle = slow_job(&finished, &held).start();
    assert_eq!(handle.name(), "slow", "the handle keeps the job's name");

    // Let the job get to its 30 s sleep, then stop it there.
    sleep(Duration::from_secs(1)).await;
    let started = Instant::now();
    handle.stop();
    let result = wait_within(handle).await;

    assert_eq!(
        result,
        Err(JobError::Stopped {
            job: "slow".to_string()
        }),
        "an aborted task's JoinError is a cancellation, which from_join_error reports as \
         JobError::Stopped named after the job"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "wait() after stop() returns at once, not when the 30 s sleep would have ended; \
         took {:?}",
        started.elapsed()
    );
    // A minute of paused time: a job still alive would finish now.
    sleep(Duration::from_secs(60)).await;
    assert!(
        !finished.load(Ordering::SeqCst),
        "a stopped job never gets past the .await it was stopped at"
    );
    assert_eq!(
        Arc::strong_count(&held),
        1,
        "stopping drops the job's future, and with it everything the future held"
    );
}

#[tokio::test(start_paused = true)]
async fn stop_before_the_job_ever_ran_means_it_never_runs() {
    let finished = Arc::new(AtomicBool::new(false));
    let held = Arc::new(());
    let handle = slow_job(&finished, &held).start();
    // No .await between start and stop: on this single-threaded runtime the task has not
    // been polled yet.
    handle.stop();

    assert_eq!(
        wait_within(handle).await,
        Err(JobError::Stopped {
            job: "slow".to_string()
        }),
        "a job stopped before it started is reported as stopped too"
    );
    sleep(Duration::from_secs(60)).await;
    assert!(
        !finished.load(Ordering::SeqCst),
        "the stopped job never ran"
    );
    assert_eq!(Arc::strong_count(&held), 1, "its future was dropped");
}

#[tokio::test(start_paused = true)]
async fn a_panic_outside_the_job_keeps_its_message_but_not_its_place() {
    // AsyncJob::run catches its own panics (with their line); from_join_error is the
    // fallback for a task that panicked uncaught, learnt of from another task.
    let join_error = tokio::spawn(async { panic!("the cache is inconsistent") })
        .await
        .expect_err("the task panicked");
    assert_eq!(
        from_join_error("raw", join_error),
        JobError::Panicked {
            job: "raw".to_string(),
            message: "the cache is inconsistent".to_string(),
            location: UNKNOWN_LOCATION.to_string(),
        },
        "a panicked task's JoinError becomes JobError::Panicked with its message and an \
         unknown location"
    );
}
