//! Exercise 5 (`rate_limit`): a token bucket on tokio's clock. On paused time
//! the schedule is exact: the clock jumps from one timer to the next, so a
//! call that should go at 300 ms goes at exactly 300 ms.
use std::sync::Arc;

use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};

use super::support::*;
use crate::rate_limit::RateLimiter;

const WHAT: &str = "the rate-limit test";

/// Milliseconds since `start`, on the (paused) tokio clock.
fn since(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// `acquire`, failing if it waits forever.
async fn acquire(limiter: &RateLimiter) {
    timeout(FOREVER, limiter.acquire())
        .await
        .unwrap_or_else(|_| {
            panic!(
                "expected acquire to return once a token was there; it waits \
             forever. Likely mistake: no token is ever added (is the refill \
             computed from the time since the last update?), or the wait \
             sleeps until a moment that never comes."
            )
        });
}

/// What a wrong schedule most likely means.
fn diagnose(got: &[u64], expected: &[u64], burst: usize) -> &'static str {
    if got.iter().all(|&t| t == got[0]) {
        "Every call went at the same moment: nothing waited. Likely mistake: \
         the bucket is never emptied, or the wait is std::thread::sleep, which \
         blocks the thread while tokio's clock stands still (use \
         tokio::time::sleep_until)."
    } else if got[..burst] != expected[..burst] {
        "The first calls should go at once: the bucket is full (it starts \
         full, and a pause refills it), with `burst` tokens. Likely mistake: \
         one call per interval, always, like a bare time.Ticker: no burst."
    } else {
        "Likely mistake: a token is earned per interval since the last \
         update; count whole intervals, and keep the part of an interval \
         that is not yet a whole token."
    }
}

#[test]
fn a_burst_then_one_call_per_interval() {
    paused(WHAT, || async {
        // 10 per second: a token every 100 ms; a burst of 3.
        let limiter = RateLimiter::new(10, 3);
        let start = Instant::now();
        let mut got = Vec::new();
        for _ in 0..8 {
            acquire(&limiter).await;
            got.push(since(start));
        }
        let expected = [0, 0, 0, 100, 200, 300, 400, 500];
        assert!(
            got == expected,
            "expected 8 calls at 10 per second with a burst of 3 to go at \
             {expected:?} ms: three at once from the full bucket, then one \
             per 100 ms; they went at {got:?} ms. {}",
            diagnose(&got, &expected, 3)
        );
    });
}

#[test]
fn many_tasks_share_one_limiter() {
    paused(WHAT, || async {
        // 5 per second: a token every 200 ms; a burst of 2.
        let limiter = Arc::new(RateLimiter::new(5, 2));
        let start = Instant::now();
        let mut tasks = JoinSet::new();
        for _ in 0..6 {
            let limiter = Arc::clone(&limiter);
            tasks.spawn(async move {
                acquire(&limiter).await;
                since(start)
            });
        }
        let mut got = Vec::new();
        while let Some(joined) = tasks.join_next().await {
            got.push(
                joined.unwrap_or_else(|e| {
                    std::panic::resume_unwind(e.into_panic())
                }),
            );
        }
        got.sort_unstable();
        let expected = [0, 0, 200, 400, 600, 800];
        assert!(
            got == expected,
            "expected 6 tasks sharing one limiter (5 per second, burst 2) to \
             go at {expected:?} ms; they went at {got:?} ms. {}",
            diagnose(&got, &expected, 2)
        );
    });
}

#[test]
fn an_idle_bucket_refills_up_to_the_burst_only() {
    paused(WHAT, || async {
        let limiter = RateLimiter::new(10, 3);
        let start = Instant::now();
        for _ in 0..3 {
            acquire(&limiter).await;
        }
        // Two quiet seconds: 20 intervals, but the bucket holds 3 tokens.
        sleep(ms(2000)).await;
        let mut got = Vec::new();
        for _ in 0..5 {
            acquire(&limiter).await;
            got.push(since(start));
        }
        let expected = [2000, 2000, 2000, 2100, 2200];
        let at_once = got.iter().filter(|&&t| t == got[0]).count();
        assert!(
            got == expected,
            "expected 5 calls after two quiet seconds to go at {expected:?} \
             ms: the bucket refilled to its burst of 3, then one call per 100 \
             ms; they went at {got:?} ms ({at_once} at once). {}",
            if at_once > 3 {
                "The bucket holds at most `burst` tokens: after a pause, only \
                 3 calls may go at once. Likely mistake: the refill adds a \
                 token per interval without the cap (20 tokens after 2 s)."
            } else {
                diagnose(&got, &expected, 3)
            }
        );
    });
}
