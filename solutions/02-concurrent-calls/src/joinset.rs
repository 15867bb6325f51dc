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
    let client = reqwest::Client::new();
    let mut tasks = JoinSet::new();
    for url in urls {
        // A spawned task may outlive this function (as far as the compiler knows), so it
        // must own what it uses: a clone of the client handle and of the URL.
        let client = client.clone();
        let url = url.clone();
        tasks.spawn(async move { fetch(&client, &url).await });
    }

    let mut things = Vec::with_capacity(urls.len());
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(thing) => things.push(thing),
            // `fetch` never panics and nobody aborts these tasks, so this is a bug
            // somewhere. Still, report it as a failed thing rather than lose it silently.
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
