//! Exercise 3 (fan_out): every upstream at once, all under one deadline.
//!
//! The idea to take away: one task per upstream call, every task racing the *same*
//! instant, like Go's goroutines sharing one `context.WithTimeout`. Compute that instant
//! once (`tokio::time::timeout_at` takes an instant; `timeout` would start a new clock for
//! each call). Keep the tasks in a `JoinSet`: when the client disconnects, hyper drops the
//! request's future, the `JoinSet` goes with it, and dropping a `JoinSet` aborts its
//! tasks, which drops their HTTP calls and closes those connections. Plain `tokio::spawn`
//! would leave them running for nobody: dropping a `JoinHandle` detaches its task.
//!
//! Three things the compiler and the tests will ask of you:
//!
//! - A spawned task is `'static`: it cannot borrow `client` or `upstreams` from the
//!   caller. Give it clones: a `reqwest::Client` is a cheap handle to one shared pool.
//! - `JoinSet::join_next` hands tasks back in the order they *finish*; the answer is in
//!   *configured* order. Let each task return its slot (its index) with its outcome.
//! - Every task ends by the deadline on its own, so the only `Err` that `join_next` can
//!   give you is a panic inside a call: that upstream is reported as an error.
use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};

use crate::call::call_upstream;
use crate::config::UpstreamSpec;
use crate::results::UpstreamResult;

// ANCHOR: fan_out
/// Calls every upstream concurrently, one task each, and returns one result per upstream,
/// **in the order of `upstreams`**, at the latest when `deadline` has passed.
///
/// A call still running at the deadline is cancelled and reported as a timeout; a call
/// that failed is an error; the others are ok. Dropping the returned future cancels
/// every call still running.
pub async fn fan_out(
    client: &reqwest::Client,
    upstreams: &[UpstreamSpec],
    deadline: Duration,
) -> Vec<UpstreamResult> {
    let started = Instant::now();
    let deadline_at = started + deadline;

    let mut calls = JoinSet::new();
    for (slot, upstream) in upstreams.iter().enumerate() {
        // A task must own what it uses: a clone of the client (a cheap handle to the
        // shared pool) and of the URL.
        let client = client.clone();
        let url = upstream.url.clone();
        calls.spawn(async move {
            // Every call races the same instant: one deadline for the whole request.
            let outcome = timeout_at(deadline_at, call_upstream(&client, &url)).await;
            (slot, outcome, started.elapsed())
        });
    }

    // Tasks finish in any order; `slot` puts each result back in its configured place.
    let mut results: Vec<Option<UpstreamResult>> = upstreams.iter().map(|_| None).collect();
    while let Some(joined) = calls.join_next().await {
        match joined {
            Ok((slot, outcome, elapsed)) => {
                let name = &upstreams[slot].name;
                results[slot] = Some(UpstreamResult::from_outcome(
                    name, outcome, deadline, elapsed,
                ));
            }
            // Every task ends by the deadline on its own, so the only way to get here is
            // a panic inside a call. Its slot stays empty and is reported below.
            Err(join_error) => tracing::error!(%join_error, "an upstream call panicked"),
        }
    }

    results
        .into_iter()
        .zip(upstreams)
        .map(|(result, upstream)| {
            result.unwrap_or_else(|| {
                let why = "the call panicked (a bug in the server)".to_owned();
                UpstreamResult::error(&upstream.name, why, started.elapsed())
            })
        })
        .collect()
}
// ANCHOR_END: fan_out
