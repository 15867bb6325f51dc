//! Racing futures inside one task: `select!` against a timer, a
//! `FuturesUnordered` that you can add to while it runs, and the proof that a
//! future dropped before it is done stops there (its `Drop` runs).
//!
//! `cargo run -p sol07-patterns --example race`
use std::time::Duration;

use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::time::{Instant, sleep, sleep_until};

/// Says so when it is dropped, finished or not.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("  {} dropped", self.0);
    }
}

/// A stand-in for a call that takes `ms` milliseconds.
async fn call(name: &'static str, ms: u64) -> &'static str {
    let _noisy = Noisy(name);
    sleep(Duration::from_millis(ms)).await;
    name
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: select_timer
    // The first of two futures to finish wins; the other is dropped, and a
    // dropped future is cancelled: its `.await` never returns.
    let deadline = Instant::now() + Duration::from_millis(50);
    tokio::select! {
        name = call("slow call", 200) => println!("{name} won"),
        () = sleep_until(deadline) => println!("the timer won"),
    }
    // ANCHOR_END: select_timer

    // ANCHOR: futures_unordered
    // A set of futures polled in this task: `next` gives the output of
    // whichever finishes first. Push more at any time, even while others run.
    let mut calls = FuturesUnordered::new();
    calls.push(call("a", 300));
    calls.push(call("b", 100));
    let first = calls.next().await; // Some("b") after 100 ms
    println!("first: {first:?}, still running: {}", calls.len());
    calls.push(call("c", 10));
    println!("next: {:?}", calls.next().await); // Some("c")
    drop(calls); // "a" is dropped unfinished: cancelled
    // ANCHOR_END: futures_unordered
}
