//! Tests for the `spawn_blocking` exercise: `run_blocking` and `index_in_background`.
//!
//! The runtime of `#[tokio::test]` has a single thread. A heartbeat task sends a number
//! over a channel every millisecond; a blocking job watches that channel. If the job
//! holds the runtime's only thread, the heartbeat *cannot* beat, however long the job
//! waits; if the job runs on the blocking pool, beats arrive within milliseconds. The
//! outcome does not depend on timing; the waits only have deadlines so nothing hangs.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use tokio::time::timeout;

use crate::blocking::{JobPanicked, index_in_background, run_blocking, run_inline};
use crate::index::index_sequential;

use super::support::small_corpus;

const LIMIT: Duration = Duration::from_secs(10);

/// Sends 0, 1, 2, … every millisecond, until the receiver is gone.
async fn heartbeat(beats: mpsc::Sender<u64>) {
    for beat in 0.. {
        if beats.send(beat).is_err() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

/// A blocking job: forgets the beats from before it started, then waits (at most
/// `patience`) for three new ones. Returns how many it saw.
fn watch_heartbeat(beats: &Receiver<u64>, patience: Duration) -> usize {
    while beats.try_recv().is_ok() {}
    let deadline = Instant::now() + patience;
    let mut seen = 0;
    while seen < 3 {
        match beats.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(_) => seen += 1,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    seen
}

#[tokio::test]
async fn blocking_inline_starves_the_heartbeat_but_run_blocking_does_not() {
    let (tx, beats) = mpsc::channel();
    let pulse = tokio::spawn(heartbeat(tx));
    tokio::task::yield_now().await; // the heartbeat's first beat

    // The mistake (given): the job runs inside this task, on the runtime's only thread.
    let (beats, during_inline) = run_inline(move || {
        let seen = watch_heartbeat(&beats, Duration::from_millis(200));
        (beats, seen)
    })
    .await;
    assert_eq!(
        during_inline, 0,
        "the heartbeat should be frozen while a job blocks the runtime's only thread"
    );

    // The fix: the same job on the blocking pool; this task waits with `.await`.
    let during_blocking = timeout(
        LIMIT,
        run_blocking(move || watch_heartbeat(&beats, Duration::from_secs(2))),
    )
    .await
    .expect("run_blocking did not finish");
    pulse.abort();
    assert_eq!(
        during_blocking,
        Ok(3),
        "expected the heartbeat to keep beating while the job runs, because \
         `spawn_blocking` runs it on another thread and the runtime's thread is free; \
         0 beats means the job still blocked the runtime (did you call it directly?)"
    );
}

#[tokio::test]
async fn a_panicking_job_is_an_error_and_the_runtime_lives_on() {
    let failed = timeout(LIMIT, run_blocking(|| -> u32 { panic!("bad document 7") }))
        .await
        .expect("run_blocking did not finish");
    assert_eq!(
        failed,
        Err(JobPanicked {
            message: "bad document 7".to_string()
        }),
        "expected the job's panic back as Err(JobPanicked) with its message \
         (`.map_err(JobPanicked::from)` on the JoinHandle's result)"
    );
    let after = timeout(LIMIT, run_blocking(|| 41 + 1))
        .await
        .expect("run_blocking did not finish");
    assert_eq!(after, Ok(42), "expected the next job to run normally");
}

#[tokio::test]
async fn index_in_background_matches_the_sequential_index() {
    let docs = Arc::new(small_corpus());
    let expected = index_sequential(&docs);
    let got = timeout(LIMIT, index_in_background(Arc::clone(&docs)))
        .await
        .expect("index_in_background did not finish");
    assert!(
        got.as_ref() == Ok(&expected),
        "expected Ok(the same index as index_sequential); got {} terms or an error: {:?}",
        got.as_ref().map(|index| index.term_count()).unwrap_or(0),
        got.as_ref().err()
    );
}
