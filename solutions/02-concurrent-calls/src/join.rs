//! Exercise 3 (get_all_join): GetAllTheThings with `tokio::join!`, for a fixed
//! set of services.
//!
//! The idea to take away: `join!` polls several futures *inside one task*, so
//! they wait at the same time without spawning anything, and hands back their
//! outputs in the order you wrote them, whatever order they finished in. It
//! fits when the calls are known when you write the code: here, facebook,
//! twitter and github.
//!
//! Because nothing is spawned, the futures may borrow what lives in this
//! function: one async client (a handle to a shared connection pool) serves all
//! three calls.

use crate::fetch::fetch;
use crate::thing::Thing;

// ANCHOR: join
/// Fetch the three services at the same time and return `[facebook, twitter,
/// github]`, in that order, whichever answered first.
///
/// Takes about the latency of the slowest service.
pub async fn get_all_the_things_join(
    facebook: &str,
    twitter: &str,
    github: &str,
) -> [Thing; 3] {
    let client = reqwest::Client::new();
    let (facebook, twitter, github) = tokio::join!(
        fetch(&client, facebook),
        fetch(&client, twitter),
        fetch(&client, github)
    );
    [facebook, twitter, github]
}
// ANCHOR_END: join
