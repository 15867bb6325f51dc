//! Exercise 2 (hedged): ask one replica; if it is slow, ask the next; keep the
//! first good answer and cancel the rest.
//!
//! KNOWN WRONG (all_at_once): asks every replica at once and keeps the first good
//! answer (Pike's First): fast, but a fast replica 0 still costs a request to every
//! other replica.
//!
//! Rob Pike's "Google Search 3.0" asks every replica at once and keeps the
//! first answer: fast, but it multiplies the load by the number of replicas. A
//! *hedged* request (Dean and Barroso, "The Tail at Scale") waits a little
//! first: most answers arrive before the hedge delay, and only the slow ones
//! cost a second request.
//!
//! The rules, which the tests check:
//!
//! - Replica 0 is asked at once. Each time the hedge delay passes without a
//!   good answer, the next replica is asked too; the earlier requests keep
//!   running, since the first one may still win.
//! - A replica that *fails* (an `Err` reply) does not make anyone wait: the
//!   next replica is asked at once.
//! - The first good answer wins. Every request still running is cancelled,
//!   and cancelling must reach the socket: the fake upstream counts a request
//!   whose client left as *abandoned*.
//! - When every replica has failed, the caller gets every error, in replica
//!   order.
//!
//! Why cancelling needs care: a future you own is cancelled by dropping it,
//! but a task you spawned runs on its own; dropping its `JoinHandle` only
//! forgets it. A `JoinSet` aborts its tasks when it is dropped;
//! `FuturesUnordered` keeps its futures inside your task, so returning drops
//! them.

use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;

use crate::fetch::{Reply, client, fetch};

// ANCHOR: hedged
/// The first good answer of `replicas` (URLs of the same service), asked one
/// after another `hedge_delay` apart, or at once after a failure. When all of
/// them fail: every error, in replica order.
pub async fn hedged(
    replicas: &[String],
    hedge_delay: Duration,
) -> Result<String, Vec<String>> {
    let client = client();
    let mut errors: Vec<Option<String>> = vec![None; replicas.len()];
    // Wrong: every replica at once, without waiting for the hedge delay.
    let mut in_flight: FuturesUnordered<_> = replicas
        .iter()
        .enumerate()
        .map(|(index, url)| {
            let client = &client;
            async move { (index, fetch(client, url).await) }
        })
        .collect();
    while let Some((index, reply)) = in_flight.next().await {
        match reply {
            Ok(body) => return Ok(body),
            Err(error) => errors[index] = Some(error),
        }
    }
    Err(errors.into_iter().map(Option::unwrap_or_default).collect())
}
// ANCHOR_END: hedged
