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

use crate::fetch::{client, fetch};

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
    // The requests in flight, polled right here in this task: when we return,
    // they are dropped, and dropping a request is cancelling it.
    let mut in_flight = FuturesUnordered::new();
    let mut next = 0; // the next replica to ask
    let mut hedge_at = Instant::now(); // when to ask it
    loop {
        // Ask the next replica when its hedge time has come, or when nothing
        // is in flight any more (the start, or every request so far failed).
        let due = in_flight.is_empty() || Instant::now() >= hedge_at;
        if next < replicas.len() && due {
            let (client, url, index) = (&client, &replicas[next], next);
            in_flight.push(async move { (index, fetch(client, url).await) });
            next += 1;
            hedge_at = Instant::now() + hedge_delay;
        }
        if in_flight.is_empty() {
            // Every replica was asked, and every one failed.
            return Err(errors
                .into_iter()
                .map(Option::unwrap_or_default)
                .collect());
        }
        tokio::select! {
            Some((index, reply)) = in_flight.next() => match reply {
                Ok(body) => return Ok(body),
                Err(error) => {
                    errors[index] = Some(error);
                    // A failure is no reason to wait: hedge at once.
                    hedge_at = Instant::now();
                }
            },
            () = sleep_until(hedge_at), if next < replicas.len() => {}
        }
    }
}
// ANCHOR_END: hedged
