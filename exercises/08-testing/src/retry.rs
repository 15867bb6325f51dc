//! Retry with exponential backoff: the code under test in exercise 1 (given,
//! and correct).
//!
//! A call to an upstream can fail for a moment (a timeout, a 503, a dropped
//! connection) or for good (a 404, bad credentials). [`retry_with_backoff`]
//! tries again after the first kind, waiting longer each time so that a
//! struggling upstream gets air: 100 ms, 200 ms, 400 ms, …, never more than a
//! cap. After the second kind it gives up at once, since trying again cannot
//! help.
//!
//! Why it is hard to test: its behaviour *is* its timing. A test on the real
//! clock waits for every delay (slow), and checks them with a tolerance (flaky
//! on a loaded laptop). On tokio's paused clock every sleep ends at once, at
//! exactly its deadline, so the test can compare the times of the attempts to
//! the millisecond.
//!
//! [`RetryFn`] makes the implementation a value you pass around, so one test
//! function can be run against this one and against broken copies of it: a test
//! proves itself by catching them.

use std::future::Future;
use std::time::Duration;

// ANCHOR: policy
/// When to try again: exponential backoff with a cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Backoff {
    /// The wait after the first failed attempt; each later wait is twice the
    /// one before.
    pub first_delay: Duration,
    /// No wait is longer than this.
    pub max_delay: Duration,
    /// Attempts in all, the first one included (at least 1).
    pub max_attempts: u32,
}

/// Why an attempt failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// Worth another try: a timeout, a 503, a dropped connection.
    #[error("transient error: {0}")]
    Transient(String),
    /// Trying again cannot help: a 404, a 400, bad credentials.
    #[error("permanent error: {0}")]
    Permanent(String),
}
// ANCHOR_END: policy

// ANCHOR: retry_with_backoff
/// Calls `op` until it succeeds, fails with [`CallError::Permanent`], or has
/// been called `policy.max_attempts` times; returns its last result.
///
/// Between two attempts it sleeps `first_delay`, then twice that, and so on,
/// each wait capped at `max_delay`. It never sleeps after the last attempt, nor
/// after a permanent error.
pub async fn retry_with_backoff<T, F, Fut>(
    policy: &Backoff,
    mut op: F,
) -> Result<T, CallError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, CallError>>,
{
    let mut delay = policy.first_delay;
    let mut attempt = 1;
    loop {
        match op().await {
            Err(CallError::Transient(_)) if attempt < policy.max_attempts => {}
            result => return result,
        }
        tokio::time::sleep(delay.min(policy.max_delay)).await;
        delay = delay.saturating_mul(2);
        attempt += 1;
    }
}
// ANCHOR_END: retry_with_backoff

// ANCHOR: retry_fn
/// A retry-with-backoff implementation, as a value: the real one
/// ([`WithBackoff`]), or a broken copy of it in the step's tests.
pub trait RetryFn {
    /// Retries `op` under `policy`, as [`retry_with_backoff`] documents.
    fn run<T, F, Fut>(
        &self,
        policy: &Backoff,
        op: F,
    ) -> impl Future<Output = Result<T, CallError>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, CallError>>;
}

/// The real one: [`retry_with_backoff`].
#[derive(Clone, Copy, Debug, Default)]
pub struct WithBackoff;

impl RetryFn for WithBackoff {
    fn run<T, F, Fut>(
        &self,
        policy: &Backoff,
        op: F,
    ) -> impl Future<Output = Result<T, CallError>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        retry_with_backoff(policy, op)
    }
}
// ANCHOR_END: retry_fn
