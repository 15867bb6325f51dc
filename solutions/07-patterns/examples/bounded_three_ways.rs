//! Three ways to keep at most K jobs in flight, on six fake jobs of 100 ms:
//! a `Semaphore`, a `JoinSet` kept at K, and a stream's `buffer_unordered`.
//! Each prints the order the jobs ended in, the peak and the time.
//!
//! `cargo run -p sol07-patterns --example bounded_three_ways`
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures_util::{StreamExt, stream};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;

/// How many jobs run right now, and the most that ever did.
static RUNNING: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

/// A stand-in for a call: 100 ms of waiting.
async fn job(n: usize) -> usize {
    let now = RUNNING.fetch_add(1, Ordering::SeqCst) + 1;
    PEAK.fetch_max(now, Ordering::SeqCst);
    tokio::time::sleep(Duration::from_millis(100)).await;
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    n
}

// ANCHOR: semaphore
/// Spawn every job at once; each waits for a permit before it starts.
async fn with_semaphore(jobs: usize, limit: usize) -> Vec<usize> {
    let permits = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for n in 0..jobs {
        let permits = Arc::clone(&permits);
        tasks.spawn(async move {
            // Held until the end of this block: the slot is ours meanwhile.
            let _permit = permits.acquire_owned().await.expect("not closed");
            job(n).await
        });
    }
    tasks.join_all().await // in the order they finished
}
// ANCHOR_END: semaphore

// ANCHOR: joinset_at_k
/// Spawn up to `limit` tasks; each time one ends, spawn the next.
async fn with_joinset(jobs: usize, limit: usize) -> Vec<usize> {
    let mut tasks = JoinSet::new();
    let mut done = Vec::new();
    for n in 0..jobs {
        if tasks.len() == limit {
            let finished = tasks.join_next().await.expect("the set is full");
            done.push(finished.expect("job never panics"));
        }
        tasks.spawn(job(n));
    }
    while let Some(finished) = tasks.join_next().await {
        done.push(finished.expect("job never panics"));
    }
    done
}
// ANCHOR_END: joinset_at_k

// ANCHOR: buffer_unordered
/// No tasks at all: the stream polls up to `limit` futures in this task.
async fn with_stream(jobs: usize, limit: usize) -> Vec<usize> {
    stream::iter(0..jobs)
        .map(job) // a stream of futures, not started yet
        .buffer_unordered(limit) // at most `limit` of them polled at once
        .collect()
        .await
}
// ANCHOR_END: buffer_unordered

#[tokio::main(flavor = "current_thread")]
async fn main() {
    for name in ["Semaphore", "JoinSet at K", "buffer_unordered"] {
        PEAK.store(0, Ordering::SeqCst);
        let started = Instant::now();
        let done = match name {
            "Semaphore" => with_semaphore(6, 2).await,
            "JoinSet at K" => with_joinset(6, 2).await,
            _ => with_stream(6, 2).await,
        };
        println!(
            "{name:<17} {done:?}  peak {}  {} ms",
            PEAK.load(Ordering::SeqCst),
            started.elapsed().as_millis()
        );
    }
}
