//! Exercise 4 (get_all_joinset): GetAllTheThings with a `JoinSet`: one tokio
//! task per URL, any number of URLs, results in completion order.
//!
//! The idea to take away: this is the async twin of the thread-per-call
//! version. A tokio task costs its future's state plus a small header, not a
//! thread's stack, and `JoinSet::join_next` hands back each task's output as it
//! finishes, which is the channel fan-in of the Go version built in.
//!
//! Why a spawned task must own its data: as far as the compiler knows, a task
//! may outlive the function that spawned it (the runtime runs it, not your
//! function), so its future must be `'static`. Give each task its own clone of
//! the client (a cheap handle to one shared pool) and of its URL. `join!` never
//! needs this: it spawns nothing.
//!
//! `join_next` yields a `Result`: an `Err(JoinError)` means the task panicked
//! or was aborted. `fetch` never panics and nothing here aborts a task, so that
//! would be a bug; still, a batch reports it as a failed `Thing` rather than
//! lose it, or crash on it.

use std::time::Duration;

use tokio::task::JoinSet;

use crate::fetch::fetch;
use crate::thing::Thing;

// ANCHOR: joinset
/// Fetch every URL at the same time, one tokio task per URL, and return the
/// things in the order they *finished*.
///
/// Takes about the latency of the slowest service.
pub async fn get_all_the_things_joinset(urls: &[String]) -> Vec<Thing> {
    // TODO: Fetch every URL at the same time, one tokio task per URL, and
    //       return the things in the order they finished; a task that did not
    //       finish is a failed Thing, not a panic.
    // Book: book/src/02-concurrent-calls.md#exercise-4-joinset
    todo!()
}
// ANCHOR_END: joinset
