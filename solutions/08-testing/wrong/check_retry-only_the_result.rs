//! KNOWN WRONG (check_retry): checks only the result (a value after two
//! transient failures), never the times of the attempts nor a permanent error.
//!
//! Exercise 1 (check_retry): write the test of a retry with backoff, on paused
//! time, and prove it by catching broken retries.
//!
//! Here the test is what you write, and the step's tests test *it*: they run
//! your [`check_retry`] against the real
//! [`retry_with_backoff`](crate::retry::retry_with_backoff) (it must pass) and
//! against copies of it with one bug each (it must fail on every one: delays
//! that do not double, no cap, a permanent error retried). Catching planted
//! bugs is how you know a test can fail at all; tools call it *mutation
//! testing*.
//!
//! Why paused time: the tests run your check on a tokio runtime whose clock is
//! paused, as `#[tokio::test(start_paused = true)]` does. When every task is
//! waiting, the clock jumps straight to the next timer. A retry that sleeps
//! 100, then 200, then 400 ms takes no real time at all, and each attempt
//! happens at *exactly* 0, 100, 300 and 700 ms on tokio's clock: compare the
//! times with `==`, no tolerance. Read them from `tokio::time::Instant`:
//! `std::time::Instant` is the real clock, which paused time does not move, so
//! every attempt would seem to happen at once.
//!
//! Why an `op` that records: the retry calls your closure once per attempt. Let
//! it note the time of each call and answer what your scenario needs (a
//! transient error, a permanent one, a value); the waits are the gaps between
//! the times.
//!
//! Fail by returning `Err` with a sentence saying what was expected and what
//! happened; a panic (`assert!`) counts as a failure too. The check must not
//! call `tokio::time::pause`: the clock is paused already.

use std::time::Duration;

use crate::retry::{Backoff, CallError, RetryFn};

// ANCHOR: check_retry
/// Returns `Ok(())` if `retry` behaves as
/// [`retry_with_backoff`](crate::retry::retry_with_backoff) documents, and
/// `Err` saying what is off if not. Runs on paused tokio time.
pub async fn check_retry(retry: impl RetryFn) -> Result<(), String> {
    let policy = Backoff {
        first_delay: ms(100),
        max_delay: ms(1000),
        max_attempts: 6,
    };
    // 3. Two transient failures, then a value: three attempts, and the value.
    let mut calls = 0;
    let result = retry
        .run(&policy, || {
            calls += 1;
            let answer = if calls < 3 {
                Err(CallError::Transient("timeout".into()))
            } else {
                Ok(calls)
            };
            async move { answer }
        })
        .await;
    if result != Ok(3) {
        return Err(format!(
            "expected Ok(3) after two transient failures; got {result:?} \
             after {calls} attempts"
        ));
    }
    Ok(())
}

/// Shorthand for milliseconds.
fn ms(n: u64) -> Duration {
    Duration::from_millis(n)
}
// ANCHOR_END: check_retry
