//! Exercise 2 (hedged): ask one replica; if it is slow, ask the next; keep the
//! first good answer and cancel the rest.
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
use tokio::time::{Instant, sleep_until};

use crate::fetch::{Reply, client, fetch};

// ANCHOR: hedged
/// The first good answer of `replicas` (URLs of the same service), asked one
/// after another `hedge_delay` apart, or at once after a failure. When all of
/// them fail: every error, in replica order.
pub async fn hedged(
    replicas: &[String],
    hedge_delay: Duration,
) -> Result<String, Vec<String>> {
    // TODO: Ask replica 0, then each next replica when the hedge delay passes
    //       or the latest one failed; return the first good answer and cancel
    //       the requests still running, or every error when all fail.
    // Book: book/src/07-patterns.md#exercise-2-hedged-requests
    todo!()
}
// ANCHOR_END: hedged
