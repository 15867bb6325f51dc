//! Step 02: GetAllTheThings, sequential then concurrent: the finished crate.
//!
//! Three services (facebook, twitter, github) answer slowly; we want all three
//! answers. Asked one after the other, the wait is the *sum* of their
//! latencies; asked at once, it is the *slowest* one. Each version has the same
//! shape, `&[String] -> Vec<Thing>` (`join!` takes its three services by name):
//!
//! - [`sequential`]: the naive loop (exercise 1),
//! - [`threads`]: one OS thread per call, results fanned in over a channel
//!   (exercise 2),
//! - [`join`]: `tokio::join!` over three futures in one task (exercise 3),
//! - [`joinset`]: one tokio task per call in a `JoinSet` (exercise 4).
//!
//! [`thing`](mod@thing) and [`fetch`](mod@fetch) are given: one call's result,
//! and how to make one call.
pub mod fetch;
pub mod join;
pub mod joinset;
pub mod sequential;
pub mod thing;
pub mod threads;

pub use fetch::{fetch, fetch_blocking};
pub use join::get_all_the_things_join;
pub use joinset::get_all_the_things_joinset;
pub use sequential::get_all_the_things_sequential;
pub use thing::{Status, Thing};
pub use threads::get_all_the_things_threads;

// The step's tests live once, in the exercise crate; the solution runs the same
// file.
#[cfg(test)]
#[path = "../../../exercises/02-concurrent-calls/src/tests/mod.rs"]
mod tests;
