//! tokio's `interval` is Go's `time.Ticker`, with one difference: its first tick
//! is immediate. On paused time (as here) the clock jumps from timer to timer,
//! so the output is exact.
//!
//! `cargo run -p sol07-patterns --example ticker`
use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior, interval};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let at = || start.elapsed().as_millis();

    // ANCHOR: interval
    let mut ticks = interval(Duration::from_millis(200));
    // After a stall, wait a whole period again instead of catching up with
    // a burst of ticks (the default).
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    for request in 1..=3 {
        ticks.tick().await; // the first tick completes at once
        println!("request {request} at {:>4} ms", at());
    }
    // ANCHOR_END: interval
}
