//! Exercise 3: fan out to every upstream at once, all under one deadline.
//!
//! The idea to take away: one task per upstream call, every task racing the *same*
//! instant (`timeout_at(deadline, call)`), like Go's goroutines sharing one
//! `context.WithTimeout`. Keep the tasks in a `JoinSet`: when the client disconnects,
//! hyper drops the request's future, the `JoinSet` goes with it, and dropping a `JoinSet`
//! aborts its tasks, which drops their HTTP calls and closes those connections. Plain
//! `tokio::spawn` would leave them running for nobody.
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
    // TODO: compute `deadline_at = Instant::now() + deadline`. Spawn one task per upstream
    // into a `JoinSet`; each task runs `timeout_at(deadline_at, call_upstream(..))` and
    // returns `(slot, outcome, elapsed)`. Then `join_next()` them all, putting each
    // `UpstreamResult::from_outcome(..)` back in its slot (configured order); a task that
    // panicked leaves its slot empty: report it with `UpstreamResult::error`.
    // Book: book/src/05-server.md#exercise-3-fan-out-under-one-deadline
    todo!("exercise 3: fan_out")
}
// ANCHOR_END: fan_out
