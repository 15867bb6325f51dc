//! Exercise 3: GetAllTheThings with `tokio::join!`, for a fixed set of services.
//!
//! The idea to take away: `join!` polls several futures *inside one task*, so they wait
//! at the same time without spawning anything, and hands back their outputs in the order
//! you wrote them, whatever order they finished in. It fits when the calls are known when
//! you write the code: here, facebook, twitter and github.
use crate::fetch::fetch;
use crate::thing::Thing;

// ANCHOR: join
/// Fetch the three services at the same time and return `[facebook, twitter, github]`,
/// in that order, whichever answered first.
///
/// Takes about the latency of the slowest service.
pub async fn get_all_the_things_join(facebook: &str, twitter: &str, github: &str) -> [Thing; 3] {
    // TODO: make one `reqwest::Client::new()`, then wait for
    // `fetch(&client, facebook)`, `fetch(&client, twitter)` and `fetch(&client, github)`
    // together with `tokio::join!` (not one `.await` after the other), and return the
    // three things as an array in argument order.
    // Book: book/src/02-concurrent-calls.md#exercise-3-join
    todo!("tokio::join! the three fetches")
}
// ANCHOR_END: join
