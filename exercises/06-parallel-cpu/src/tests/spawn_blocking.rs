//! Tests for the `spawn_blocking` exercise: `run_blocking` and `index_in_background`.
//!
//! Each test runs on a runtime with a single thread, where a job that holds the thread
//! stops everything else, so the outcome does not depend on timing:
//!
//! - `run_blocking`: a heartbeat task sends a number over a channel every millisecond;
//!   the blocking job watches that channel. If the job holds the runtime's only thread,
//!   the heartbeat *cannot* beat, however long the job waits; on the blocking pool, beats
//!   arrive within milliseconds.
//! - `index_in_background`: the runtime's blocking pool has room for one thread, and the
//!   test keeps it busy with a job of its own (a plug) until it pulls the plug. Built on
//!   the blocking pool, the index *cannot* be ready before that; built on the runtime's
//!   thread, it is ready before the test has even let go.
//!
//! The waits have deadlines only so that a wrong answer fails instead of hanging.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::task::Poll;
use std::time::{Duration, Instant};

use tokio::time::timeout;

use crate::blocking::{JobPanicked, index_in_background, run_blocking, run_inline};
use crate::index::index_sequential;

use super::support::{first_difference, panic_message, small_corpus};

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
    assert!(
        during_blocking == Ok(3),
        "expected the heartbeat task to keep beating while run_blocking's job waits for \
         3 beats, because the job should run on tokio's blocking pool and leave the \
         runtime's only thread free\nhappened: the job saw {} beats in 2 s{}\n\
         likely mistake: {}",
        during_blocking.as_ref().map_or(0, |seen| *seen),
        if during_blocking.is_err() {
            " and came back as an error"
        } else {
            ""
        },
        if during_blocking == Ok(0) {
            "did you call the job directly inside run_blocking? Then it runs in the \
             calling task, on the runtime's thread, exactly like `run_inline`; hand it to \
             `tokio::task::spawn_blocking` and await the handle"
        } else {
            "hand the job to `tokio::task::spawn_blocking` and await the handle"
        }
    );
}

#[tokio::test]
async fn a_panicking_job_is_an_error_and_the_runtime_lives_on() {
    // run_blocking runs in a task of its own here, so that if it panics itself, the
    // test can say so instead of dying of the job's panic.
    let failed = timeout(
        LIMIT,
        tokio::spawn(run_blocking(|| -> u32 {
            panic!("bad document 7 (a panic the test makes on purpose)")
        })),
    )
    .await
    .expect("run_blocking did not finish");
    match failed {
        Ok(Err(JobPanicked { message })) if message.contains("bad document 7") => {}
        Ok(Err(JobPanicked { message })) => panic!(
            "expected Err(JobPanicked) carrying the job's panic message, \"bad document 7 \
             …\"\nhappened: Err(JobPanicked) with the message {message:?}\nlikely mistake: \
             build the JobPanicked from the JoinError with the given `From` conversion, \
             which takes the text out of the panic"
        ),
        Ok(Ok(value)) => panic!(
            "expected Err(JobPanicked) for a job that panics\nhappened: Ok({value})\n\
             likely mistake: a panicked job has no value to return; pass the JoinError on"
        ),
        Err(join_error) if join_error.is_panic() => {
            let message = join_error
                .try_into_panic()
                .map(|payload| panic_message(&*payload))
                .unwrap_or_default();
            assert!(
                !message.contains("not yet implemented"),
                "expected run_blocking to return Err(JobPanicked) when its job panics\n\
                 happened: run_blocking is still a todo!()"
            );
            panic!(
                "expected run_blocking to *return* Err(JobPanicked {{ message: \"bad \
                 document 7 …\" }}) when its job panics\nhappened: run_blocking itself \
                 panicked: {message:?} (the \"bad document 7\" panic printed above is the \
                 test's job, panicking on purpose)\nlikely mistake: did you unwrap (or \
                 expect) the JoinHandle's result? Its `Err(JoinError)` is the job's panic, \
                 as a value: turn it into a JobPanicked (the `From` conversion is given) \
                 instead of panicking again"
            )
        }
        Err(join_error) => panic!("expected run_blocking to finish\nhappened: {join_error}"),
    }
    let after = timeout(LIMIT, run_blocking(|| 41 + 1))
        .await
        .expect("run_blocking did not finish");
    assert!(
        after == Ok(42),
        "expected the next job to run normally after a panicked one\nhappened: {after:?}\n\
         likely mistake: return the job's value as Ok"
    );
}

/// What `index_in_background` did while the blocking pool was plugged.
enum Seen {
    /// Ready at the first poll: it never gave the runtime's thread back.
    ReadyAtOnce,
    /// Ready at a later poll, although the blocking pool could not have run it.
    ReadyWhilePlugged,
    /// Still pending while the pool was plugged, as it should be; then this.
    PendingThen(Result<crate::index::Index, JobPanicked>),
}

#[test]
fn index_in_background_builds_on_the_blocking_pool_not_on_the_runtime() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .max_blocking_threads(1)
        .build()
        .expect("a current-thread runtime");
    let docs = Arc::new(small_corpus());
    let expected = index_sequential(&docs);
    let seen = runtime.block_on(async {
        // The plug: takes the pool's only thread until the test pulls it (or drops
        // `pull`, on every way out of this block).
        let (pull, plugged) = mpsc::channel::<()>();
        let plug = tokio::task::spawn_blocking(move || plugged.recv_timeout(LIMIT));

        let mut build = pin!(index_in_background(Arc::clone(&docs)));
        for poll in 0..4 {
            let ready = poll_fn(|cx| Poll::Ready(build.as_mut().poll(cx).is_ready())).await;
            if ready {
                return if poll == 0 {
                    Seen::ReadyAtOnce
                } else {
                    Seen::ReadyWhilePlugged
                };
            }
            // Let every other task of this runtime run (a `tokio::spawn`ed one too).
            tokio::task::yield_now().await;
        }
        drop(pull);
        let _ = plug.await;
        Seen::PendingThen(
            timeout(LIMIT, build)
                .await
                .expect("index_in_background did not finish"),
        )
    });
    match seen {
        Seen::ReadyAtOnce => panic!(
            "expected index_in_background to wait (return Pending) while the index is \
             built on tokio's blocking pool, which the test keeps busy for a moment\n\
             happened: it was ready the first time it was polled, so it built the whole \
             index right there, on the runtime's only thread, and no other task could run \
             meanwhile\nlikely mistake: you built the index on the runtime's thread: did \
             you call index_rayon directly? Hand the work to `run_blocking` and await it"
        ),
        Seen::ReadyWhilePlugged => panic!(
            "expected index_in_background to stay pending while tokio's blocking pool is \
             busy with the test's own job\nhappened: the index was ready anyway, so it was \
             not built on the blocking pool\nlikely mistake: you built the index on the \
             runtime's thread: a `tokio::spawn`ed task runs there too, and holds it as \
             long as it computes. Hand the work to `run_blocking`"
        ),
        Seen::PendingThen(got) => assert!(
            got.as_ref() == Ok(&expected),
            "expected Ok(the same index as index_sequential)\nhappened: {}\nlikely mistake: \
             build it with index_rayon on all the documents",
            match &got {
                Ok(index) => first_difference(&expected, index),
                Err(error) => format!("Err({error})"),
            }
        ),
    }
}
