//! Three futures awaited one after another, then the same three under
//! `tokio::join!`: the first costs the sum of their waits, the second the
//! longest one, and both hand back the results in the order written.
//!
//! `cargo run -p sol02-concurrent-calls --example join_vs_in_turn`

use std::time::{Duration, Instant};

// ANCHOR: slow
/// A stand-in for a call: waits `ms` milliseconds, then answers with its name.
async fn slow(name: &str, ms: u64) -> String {
    tokio::time::sleep(Duration::from_millis(ms)).await;
    name.to_string()
}
// ANCHOR_END: slow

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let started = Instant::now();
    // ANCHOR: in_turn
    let a = slow("a", 300).await; // the next line runs when `a` is done
    let b = slow("b", 100).await;
    let c = slow("c", 200).await;
    // ANCHOR_END: in_turn
    println!("in turn: {:?} in {} ms", [a, b, c], ms(started));

    let started = Instant::now();
    // ANCHOR: join
    // Three futures, polled together inside this one task: nothing is spawned.
    let (a, b, c) =
        tokio::join!(slow("a", 300), slow("b", 100), slow("c", 200));
    // ANCHOR_END: join
    println!("join!:   {:?} in {} ms", [a, b, c], ms(started));
}

fn ms(started: Instant) -> u128 {
    started.elapsed().as_millis()
}
