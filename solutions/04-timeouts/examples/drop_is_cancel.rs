//! Dropping a future is cancelling it; dropping a `JoinHandle` is not.
//!
//! Run it: `cargo run -p sol04-timeouts --example drop_is_cancel`. It runs on paused
//! tokio time, so it prints the same thing every time, instantly.
//!
//! The idea: `tokio::time::timeout` owns the future it races and drops it when the timer
//! wins; the work is gone at that instant. A *spawned* task belongs to the runtime, not
//! to its `JoinHandle`: timing out the handle leaves the task running until you
//! `abort()` it. Go has neither: a goroutine stops only when it decides to.

use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};

/// Milliseconds on the (paused) tokio clock since `start`.
fn ms(start: Instant) -> u128 {
    start.elapsed().as_millis()
}

/// Says when it is dropped: the moment its work is cancelled or finished.
struct Loud {
    name: &'static str,
    start: Instant,
}

impl Drop for Loud {
    fn drop(&mut self) {
        println!("  {:>4} ms  {}: dropped", ms(self.start), self.name);
    }
}

/// A slow call (1 s) that holds a `Loud` for as long as it runs.
async fn slow_call(name: &'static str, start: Instant) -> &'static str {
    let _alive = Loud { name, start };
    sleep(Duration::from_secs(1)).await;
    println!("  {:>4} ms  {name}: finished", ms(start));
    "the answer"
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: timeout_drops
    println!("timeout(100 ms, future):");
    let start = Instant::now();
    let result = timeout(Duration::from_millis(100), slow_call("the future", start)).await;
    println!("  {:>4} ms  timeout returned {result:?}", ms(start));
    // ANCHOR_END: timeout_drops

    // ANCHOR: handle_does_not
    println!("timeout(100 ms, spawned task's JoinHandle):");
    let start = Instant::now();
    let mut handle = tokio::spawn(slow_call("the task", start));
    let result = timeout(Duration::from_millis(100), &mut handle).await;
    println!("  {:>4} ms  timeout returned {result:?}", ms(start));
    sleep(Duration::from_millis(200)).await;
    let finished = handle.is_finished();
    println!("  {:>4} ms  is the task finished? {finished}", ms(start));
    handle.abort(); // now it is cancelled: dropped at its current .await
    let cancelled = handle.await.is_err_and(|e| e.is_cancelled());
    println!(
        "  {:>4} ms  after abort(): cancelled? {cancelled}",
        ms(start)
    );
    // ANCHOR_END: handle_does_not
}
