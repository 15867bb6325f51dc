//! Exercise 1 (bounded): fetch many URLs with at most `limit` calls in flight.
//!
//! KNOWN WRONG (permit_dropped): acquires a semaphore permit but binds it to `_`,
//! which drops it at once: every task goes ahead, and nothing is limited.
//!
//! One task per URL is right for three URLs; for ten thousand it opens ten
//! thousand sockets at once and floods the upstream. Go bounds it with
//! `errgroup.SetLimit` or a buffered channel used as a semaphore. Rust has three
//! tools for it, all in the chapter's comparison: a `tokio::sync::Semaphore`, a
//! `JoinSet` kept at `limit` tasks, and a stream's `buffer_unordered`.
//!
//! Why they work:
//!
//! - A semaphore's permit is a guard: the slot is taken while the permit is
//!   alive and freed when it is dropped. A permit that is dropped before its
//!   call ends limits nothing.
//! - A slot must be refilled the moment *any* call ends, not when a whole group
//!   of `limit` calls has ended: with calls of uneven latency, groups wait for
//!   their slowest member and the slots sit idle.
//! - The replies come back in the order of `urls`, while the calls end in any
//!   order: carry each URL's index with its call.
//!
//! The fake upstream counts the calls in flight itself (`max_in_flight`), so the
//! tests see exactly what your code did, and draw it when they fail.

use std::sync::Arc;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

use crate::fetch::{Reply, client, fetch};

// ANCHOR: bounded
/// Fetch every URL, never more than `limit` at the same time, and return the
/// replies in the order of `urls`. Panics if `limit` is 0.
///
/// Takes about ⌈N / limit⌉ latencies for N calls of the same latency.
pub async fn fetch_bounded(urls: &[String], limit: usize) -> Vec<Reply> {
    assert!(limit > 0, "a limit of 0 would never start a call");
    let client = client();
    let semaphore = Arc::new(Semaphore::new(limit));
    let mut tasks = JoinSet::new();
    for (index, url) in urls.iter().cloned().enumerate() {
        let (client, semaphore) = (client.clone(), Arc::clone(&semaphore));
        tasks.spawn(async move {
            // Wrong: `_` does not bind, so the permit is dropped right here.
            let _ = semaphore.acquire().await;
            (index, fetch(&client, &url).await)
        });
    }
    let mut replies: Vec<Option<Reply>> = vec![None; urls.len()];
    while let Some(joined) = tasks.join_next().await {
        let (index, reply) = joined.expect("a fetch task never panics");
        replies[index] = Some(reply);
    }
    replies.into_iter().flatten().collect()
}
// ANCHOR_END: bounded
