//! Paused tokio time, shown: the step's retry with backoff on a paused clock
//! (no real time passes, and every attempt lands exactly), then
//! `tokio::time::advance` moving the clock by hand to look at a task between
//! two of its timers.
//!
//! ```text
//! cargo run -p sol08-testing --example paused_time
//! ```

use std::time::Duration;

use sol08_testing::retry::{Backoff, CallError, retry_with_backoff};

// ANCHOR: paused
// `start_paused = true` is what `#[tokio::test(start_paused = true)]` does for
// a test.
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // The real clock, which paused time never moves, and tokio's clock.
    let real = std::time::Instant::now();
    let start = tokio::time::Instant::now();
    let policy = Backoff {
        first_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(1),
        max_attempts: 6,
    };
    let _: Result<(), CallError> = retry_with_backoff(&policy, || {
        println!("attempt at {:>6?} on tokio's clock", start.elapsed());
        async { Err(CallError::Transient("503".into())) }
    })
    .await;
    println!("real time spent: {:?}", real.elapsed());
    // ANCHOR_END: paused
    advance_by_hand().await;
}

// ANCHOR: advance
/// The clock moves on its own only when every task waits. To look at a task
/// *between* two of its timers, move it yourself: `advance` fires the timers it
/// passes, and the `yield_now` lets the woken task run before we look.
async fn advance_by_hand() {
    let (tx, mut rx) = tokio::sync::watch::channel(0);
    tokio::spawn(async move {
        for step in 1..=3 {
            tokio::time::sleep(Duration::from_millis(100)).await;
            let _ = tx.send(step);
        }
    });
    // Let the task start its first sleep now, at 0 ms: a spawned task has not
    // run yet.
    tokio::task::yield_now().await;
    for ms in [99, 1, 100] {
        tokio::time::advance(Duration::from_millis(ms)).await;
        tokio::task::yield_now().await;
        println!(
            "advanced {ms:>3} ms: the task is at step {}",
            *rx.borrow_and_update()
        );
    }
}
// ANCHOR_END: advance
