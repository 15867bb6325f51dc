//! Exercise 4: GetAllTheThings with a `JoinSet`: one tokio task per URL, any number of
//! URLs, results in completion order.
//!
//! The idea to take away: this is the async twin of the thread-per-call version. A tokio
//! task costs a few hundred bytes, not a thread's stack, and `join_next` hands back each
//! task's output as it finishes, which is the channel fan-in of the Go version built in.
use std::time::Duration;

use tokio::task::JoinSet;

use crate::fetch::fetch;
use crate::thing::Thing;

// ANCHOR: joinset
/// Fetch every URL at the same time, one tokio task per URL, and return the things in
/// the order they *finished*.
///
/// Takes about the latency of the slowest service.
pub async fn get_all_the_things_joinset(urls: &[String]) -> Vec<Thing> {
    // TODO: make one `reqwest::Client::new()` and a `JoinSet`. For each URL, spawn a task
    // that owns a clone of the client and of the URL and returns `fetch(...).await`.
    // Then loop on `join_next().await`, pushing each finished Thing; turn a `JoinError`
    // into `Thing::failed(...)` instead of unwrapping it.
    // Book: book/src/02-concurrent-calls.md#exercise-4-joinset
    todo!("spawn one task per URL into a JoinSet, collect with join_next")
}
// ANCHOR_END: joinset
