//! KNOWN WRONG (kept for `cargo workshop verify`): gives each call its own timeout, one
//! call after another, instead of one deadline for the whole request: the timeouts add up.
//!
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

use tokio::time::{Instant, timeout};

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

    // A timeout per call, each starting when its call starts.
    let mut results = Vec::new();
    for upstream in upstreams {
        let outcome = timeout(deadline, call_upstream(client, &upstream.url)).await;
        results.push(UpstreamResult::from_outcome(
            &upstream.name,
            outcome,
            deadline,
            started.elapsed(),
        ));
    }
    results
}
// ANCHOR_END: fan_out
