//! Exercise 4 (`worker_pool`): W workers on one queue, at most W jobs at once,
//! every result back, a panicking job survived, a clean stop when the queue
//! closes. Real threads: the jobs wait on gates the test opens, never on
//! sleeps.
use std::panic::{self, AssertUnwindSafe};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use crossbeam_channel::{RecvTimeoutError, unbounded};

use super::support::*;
use crate::panics::JobPanicked;
use crate::pool::worker_pool;

/// How many jobs run right now, and the most that ever did.
#[derive(Debug, Default)]
struct Gauge {
    running: AtomicUsize,
    most: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let now = self.running.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
    }

    fn leave(&self) {
        self.running.fetch_sub(1, Ordering::SeqCst);
    }

    fn most(&self) -> usize {
        self.most.load(Ordering::SeqCst)
    }
}

/// The ids of the good results, sorted, and the panics.
fn split(results: &[Result<u64, JobPanicked>]) -> (Vec<u64>, Vec<String>) {
    let mut ok: Vec<u64> = results
        .iter()
        .filter_map(|result| result.as_ref().ok().copied())
        .collect();
    ok.sort_unstable();
    let panics = results
        .iter()
        .filter_map(|result| result.as_ref().err())
        .map(|panicked| panicked.message.clone())
        .collect();
    (ok, panics)
}

#[test]
fn at_most_w_jobs_run_at_once() {
    let workers = 3;
    let (queue, jobs) = unbounded();
    for id in 0..8_u64 {
        queue.send(id).expect("the queue is open");
    }
    drop(queue);
    let (started_tx, started) = unbounded();
    let (release, released) = unbounded::<()>();
    let gauge = Arc::new(Gauge::default());
    let job_gauge = Arc::clone(&gauge);

    let pool = thread::spawn(move || {
        worker_pool(workers, jobs, move |id: u64| {
            job_gauge.enter();
            let _ = started_tx.send(id);
            // Wait until the test opens the gate (never forever).
            let _ = released.recv_timeout(DEADLINE);
            job_gauge.leave();
            id
        })
    });

    for count in 0..workers {
        match started.recv_timeout(DEADLINE) {
            Ok(_) => {}
            Err(RecvTimeoutError::Disconnected) => match pool.join() {
                Err(panic) => panic::resume_unwind(panic),
                Ok(results) => panic!(
                    "expected {workers} jobs to start at once, one per \
                     worker; worker_pool returned after {count} started, \
                     with {} results.",
                    results.len()
                ),
            },
            Err(RecvTimeoutError::Timeout) => panic!(
                "expected {workers} jobs to start at once, one per worker, \
                 while they wait for the test to let them finish; only \
                 {count} started within {}. Likely mistake: the workers run \
                 one after another (a join right after each spawn?), or \
                 fewer workers were started.",
                show(DEADLINE)
            ),
        }
    }
    // Every worker is busy: no fourth job may start until one is released.
    if let Ok(id) = started.recv_timeout(ms(300)) {
        panic!(
            "expected no job to start while all {workers} workers were busy; \
             job {id} started as one more ({} running at once). Likely \
             mistake: a thread per job, not a pool: nothing bounds how many \
             run at once. Start `workers` threads that each take jobs from \
             the queue.",
            gauge.running.load(Ordering::SeqCst)
        );
    }
    for _ in 0..8 {
        let _ = release.send(());
    }
    let results = within_thread("worker_pool", move || {
        pool.join()
            .unwrap_or_else(|panic| panic::resume_unwind(panic))
    });

    let (ok, panics) = split(&results);
    assert!(
        ok == (0..8).collect::<Vec<u64>>() && panics.is_empty(),
        "expected the 8 jobs' results (0 to 7, in any order); got {ok:?} \
         and panics {panics:?}"
    );
    assert_eq!(
        gauge.most(),
        workers,
        "expected at most {workers} jobs at once, and {workers} at some point"
    );
}

#[test]
fn a_panicking_job_does_not_kill_the_pool() {
    let (queue, jobs) = unbounded();
    for id in 0..6_u64 {
        queue.send(id).expect("the queue is open");
    }
    drop(queue);

    let outcome = within_thread("worker_pool", move || {
        panic::catch_unwind(AssertUnwindSafe(|| {
            worker_pool(2, jobs, |id: u64| {
                if id == 3 {
                    panic!("job 3 fails on purpose");
                }
                id
            })
        }))
    });

    let results = match outcome {
        Ok(results) => results,
        Err(payload) => {
            let text = panic_text(&*payload);
            if text.starts_with("not yet implemented") {
                panic::resume_unwind(payload);
            }
            panic!(
                "expected worker_pool to return all 6 results, job 3's panic \
                 among them; it panicked itself ({text:?}): a job's panic \
                 killed its worker, and the panic reached the caller (the \
                 scope, or a join, re-raises it). Likely mistake: the job \
                 runs without std::panic::catch_unwind around it."
            )
        }
    };
    let (ok, panics) = split(&results);
    assert!(
        ok == [0, 1, 2, 4, 5]
            && panics.len() == 1
            && panics[0].contains("job 3 fails on purpose"),
        "expected results for jobs 0, 1, 2, 4 and 5, and job 3's panic \
         (\"job 3 fails on purpose\") as a JobPanicked; got {ok:?} and \
         panics {panics:?}. Likely mistake: a panic ended its worker's loop \
         (catch_unwind around the whole loop rather than around one job), \
         so that worker took no more jobs and the panic was lost."
    );
}

#[test]
fn workers_wait_while_the_queue_is_open() {
    let (queue, jobs) = unbounded();
    let (done_tx, done) = unbounded();
    queue.send(0_u64).expect("the queue is open");

    let (returned_tx, returned) = unbounded::<()>();
    let pool = thread::spawn(move || {
        let results = worker_pool(2, jobs, move |id: u64| {
            let _ = done_tx.send(id);
            id
        });
        let _ = returned_tx.send(());
        results
    });

    // Job 0 is done and the queue is empty, but open: more jobs may come. A
    // pool that quits now does so at once; give it a moment to show it.
    let first = done.recv_timeout(DEADLINE);
    let returned_early = match returned.recv_timeout(ms(300)) {
        Ok(()) => true,
        Err(RecvTimeoutError::Timeout) => false,
        Err(RecvTimeoutError::Disconnected) => match pool.join() {
            Err(panic) => panic::resume_unwind(panic),
            Ok(_) => unreachable!("the pool thread says when it returns"),
        },
    };
    for id in 1..5_u64 {
        // Fails only if the pool has already dropped the queue's receiver.
        let _ = queue.send(id);
    }
    drop(queue);
    let results = within_thread("worker_pool", move || {
        pool.join()
            .unwrap_or_else(|panic| panic::resume_unwind(panic))
    });

    let (ok, panics) = split(&results);
    assert!(
        first.is_ok() && !returned_early && ok == [0, 1, 2, 3, 4],
        "expected the results of all 5 jobs: job 0, then jobs 1 to 4 sent \
         once job 0 was done, then the queue closed; got {ok:?} (panics \
         {panics:?}){}. Likely mistake: the workers stopped when the queue \
         was empty for a moment (try_recv?), but an empty queue is not a \
         closed one. Iterating the receiver waits for the next job, and ends \
         only once every sender is gone.",
        if returned_early {
            ", and worker_pool returned while the queue was still open"
        } else {
            ""
        }
    );
}
