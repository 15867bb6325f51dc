//! Exercise 4 (get_all_joinset): GetAllTheThings with a `JoinSet`: one tokio
//! task per URL, any number of URLs, results in completion order.
//!
//! KNOWN WRONG (awaits_each_task): waits for each task right after spawning it,
//! so only one call is ever in flight: sequential again, with the cost of a
//! task per call.
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
    let client = reqwest::Client::new();
    let mut tasks = JoinSet::new();
    let mut things = Vec::with_capacity(urls.len());
    for url in urls {
        let client = client.clone();
        let url = url.clone();
        tasks.spawn(async move { fetch(&client, &url).await });
        let Some(joined) = tasks.join_next().await else {
            continue;
        };
        match joined {
            Ok(thing) => things.push(thing),
            Err(err) => things.push(Thing::failed(
                format!("task {}", err.id()),
                format!("the task did not finish: {err}"),
                Duration::ZERO,
            )),
        }
    }
    things
}
// ANCHOR_END: joinset
