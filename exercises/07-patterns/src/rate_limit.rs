//! Exercise 5 (rate_limit): at most R calls per second, with bursts of up to B,
//! shared by every task that calls.
//!
//! A *token bucket*: the bucket holds at most `burst` tokens and starts full; a
//! new token drips in every `1 s / per_second`; each call takes a token, and
//! waits for the next one when the bucket is empty. So after a quiet spell, up
//! to `burst` calls go at once, and then one per interval. Go's version is a
//! `time.Ticker` feeding a buffered channel of size B (Go by Example's "Rate
//! Limiting").
//!
//! Why it is written this way:
//!
//! - Time is `tokio::time`: its `Instant`, `sleep` and `sleep_until`. A test
//!   on paused time then runs the schedule instantly and exactly (tokio's clock
//!   jumps to the next timer when every task waits). `std::thread::sleep`
//!   would block the thread, and the paused clock would never move.
//! - Tokens are counted lazily: no background task adds them. Whoever looks at
//!   the bucket first works out how many intervals have passed since
//!   `updated`, adds that many tokens, never more than `burst`.
//! - A caller keeps the bucket locked while it waits for its token. That is
//!   why the lock is `tokio::sync::Mutex`: it may be held across an `.await`,
//!   and it hands itself to the waiting tasks in the order they asked. So the
//!   callers queue, and each one goes when its token is there.

use std::time::Duration;

use tokio::sync::Mutex;
use tokio::time::{Instant, sleep_until};

// ANCHOR: limiter
/// A token bucket: at most `per_second` calls per second on average, and up to
/// `burst` at once after a pause. Share it between tasks with an `Arc`.
pub struct RateLimiter {
    /// How long it takes to earn one token: one second divided by the rate.
    interval: Duration,
    /// The most tokens the bucket holds.
    burst: u32,
    /// The tokens, shared by every caller.
    bucket: Mutex<Bucket>,
}

/// The bucket's contents, as of `updated`.
struct Bucket {
    /// Whole tokens in the bucket.
    tokens: u32,
    /// The moment `tokens` was last brought up to date: whole intervals since
    /// then have earned a token each.
    updated: Instant,
}
// ANCHOR_END: limiter

impl RateLimiter {
    /// A full bucket of `burst` tokens, refilled at `per_second` tokens per
    /// second. Panics if either is 0.
    pub fn new(per_second: u32, burst: u32) -> RateLimiter {
        assert!(per_second > 0, "the rate must be at least 1 per second");
        assert!(burst > 0, "the burst must be at least 1");
        RateLimiter {
            interval: Duration::from_secs(1) / per_second,
            burst,
            bucket: Mutex::new(Bucket {
                tokens: burst,
                updated: Instant::now(),
            }),
        }
    }

    // ANCHOR: acquire
    /// Wait until a call may go, and take its token.
    pub async fn acquire(&self) {
        // TODO: Take a token, first adding one per whole interval since the
        //       last update (never more than the burst), and when there is
        //       none, wait on the tokio clock until the next one is earned.
        // Book: book/src/07-patterns.md#exercise-5-rate-limiting
        todo!()
    }
    // ANCHOR_END: acquire
}
