//! Exercise `check_retry`: the attendee's `crate::check_retry::check_retry`, a
//! test of a retry with backoff, run on paused time against the real retry (it
//! must pass) and against copies of it with one planted bug each (it must fail
//! on every one).
//!
//! Every implementation is wrapped in a [`Spy`] that records how the check used
//! it (which policies, how many attempts, which errors its ops returned), so
//! that a failure can say *why* a bug went unnoticed: the scenario could not
//! show it, or it showed it and the check did not look.

use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use super::support::{Clock, Verdict, run_check};
use crate::check_retry::check_retry;
use crate::retry::{Backoff, CallError, RetryFn, WithBackoff};

/// One planted bug.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bug {
    /// Waits `first_delay` every time.
    ConstantDelay,
    /// Waits `first_delay` × n after attempt n.
    LinearDelay,
    /// Doubles before the first wait.
    DoublesTooSoon,
    /// Never caps the wait at `max_delay`.
    NoCap,
    /// Retries a permanent error as if it were transient.
    RetriesPermanent,
}

impl Bug {
    fn describe(self) -> &'static str {
        match self {
            Bug::ConstantDelay => {
                "waits first_delay every time (100, 100, 100 ms, …)"
            }
            Bug::LinearDelay => {
                "adds first_delay each time instead of doubling (100, 200, 300 ms, …)"
            }
            Bug::DoublesTooSoon => {
                "doubles before the first wait (200, 400, 800 ms, …)"
            }
            Bug::NoCap => "never caps its waits at max_delay",
            Bug::RetriesPermanent => {
                "retries a permanent error as if it were transient"
            }
        }
    }
}

/// The wait after failed attempt `n` (from 1): the real rule, or with `bug`.
fn wait_after(bug: Option<Bug>, policy: &Backoff, n: u32) -> Duration {
    let doubled = |k: u32| {
        policy
            .first_delay
            .saturating_mul(1u32.checked_shl(k).unwrap_or(u32::MAX))
    };
    let wait = match bug {
        Some(Bug::ConstantDelay) => policy.first_delay,
        Some(Bug::LinearDelay) => policy.first_delay.saturating_mul(n),
        Some(Bug::DoublesTooSoon) => doubled(n),
        _ => doubled(n - 1),
    };
    if bug == Some(Bug::NoCap) {
        wait
    } else {
        wait.min(policy.max_delay)
    }
}

/// A retry with one planted bug; otherwise what `retry_with_backoff` documents.
#[derive(Clone, Copy)]
struct Mutant(Bug);

impl RetryFn for Mutant {
    fn run<T, F, Fut>(
        &self,
        policy: &Backoff,
        mut op: F,
    ) -> impl Future<Output = Result<T, CallError>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let (bug, policy) = (self.0, *policy);
        async move {
            let mut attempt = 1;
            loop {
                let result = op().await;
                let again = match &result {
                    Ok(_) => false,
                    Err(CallError::Transient(_)) => true,
                    Err(CallError::Permanent(_)) => {
                        bug == Bug::RetriesPermanent
                    }
                };
                if !again || attempt >= policy.max_attempts {
                    return result;
                }
                tokio::time::sleep(wait_after(Some(bug), &policy, attempt))
                    .await;
                attempt += 1;
            }
        }
    }
}

/// One call of `run` by the check, as the spy saw it.
#[derive(Clone, Debug)]
struct Call {
    policy: Backoff,
    transient: u32,
    permanent: u32,
    ok: u32,
}

impl Call {
    fn attempts(&self) -> u32 {
        self.transient + self.permanent + self.ok
    }
}

/// Wraps a retry and records every call of `run` the check makes.
#[derive(Clone)]
struct Spy<R> {
    inner: R,
    calls: Arc<Mutex<Vec<Call>>>,
}

impl<R> Spy<R> {
    fn new(inner: R) -> Self {
        Spy {
            inner,
            calls: Arc::default(),
        }
    }

    fn calls(&self) -> Vec<Call> {
        lock(&self.calls).clone()
    }
}

fn lock(calls: &Mutex<Vec<Call>>) -> MutexGuard<'_, Vec<Call>> {
    calls.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<R: RetryFn> RetryFn for Spy<R> {
    fn run<T, F, Fut>(
        &self,
        policy: &Backoff,
        mut op: F,
    ) -> impl Future<Output = Result<T, CallError>>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, CallError>>,
    {
        let index = {
            let mut calls = lock(&self.calls);
            calls.push(Call {
                policy: *policy,
                transient: 0,
                permanent: 0,
                ok: 0,
            });
            calls.len() - 1
        };
        let calls = Arc::clone(&self.calls);
        self.inner.run(policy, move || {
            let attempt = op();
            let calls = Arc::clone(&calls);
            async move {
                let result = attempt.await;
                let mut calls = lock(&calls);
                let call = &mut calls[index];
                match &result {
                    Ok(_) => call.ok += 1,
                    Err(CallError::Transient(_)) => call.transient += 1,
                    Err(CallError::Permanent(_)) => call.permanent += 1,
                }
                drop(calls);
                result
            }
        })
    }
}

/// Runs the attendee's check on paused time against `retry`, spied on.
fn check_against<R: RetryFn + Clone + Send + 'static>(
    retry: R,
) -> (Verdict, Vec<Call>) {
    let spy = Spy::new(retry);
    let verdict = run_check(Clock::Paused, {
        let spy = spy.clone();
        move || check_retry(spy)
    });
    (verdict, spy.calls())
}

/// The calls the check made, listed for a failure message.
fn calls_made(calls: &[Call]) -> String {
    let mut text =
        format!("\n\nYour check called retry.run {} time(s):", calls.len());
    for (i, call) in calls.iter().enumerate() {
        let p = call.policy;
        text.push_str(&format!(
            "\n  {}. first_delay {:?}, max_delay {:?}, max_attempts {}: {} attempt(s) ({} \
             transient error(s), {} permanent, {} Ok)",
            i + 1,
            p.first_delay,
            p.max_delay,
            p.max_attempts,
            call.attempts(),
            call.transient,
            call.permanent,
            call.ok
        ));
    }
    text
}

/// The waits a call saw between its attempts, by the real rule or with `bug`.
fn waits_seen(bug: Option<Bug>, call: &Call) -> Vec<Duration> {
    (1..call.attempts())
        .map(|n| wait_after(bug, &call.policy, n))
        .collect()
}

/// Why a check passed on a retry with a delay bug (or no cap).
fn why_a_delay_bug_passed(bug: Bug, calls: &[Call]) -> String {
    let differing = calls
        .iter()
        .find(|call| waits_seen(Some(bug), call) != waits_seen(None, call));
    match differing {
        Some(call) => format!(
            "With {:?}, this retry waited {:?} where the real one waits {:?}, and your check \
             did not notice: did it check only the result? Compare the time of every \
             attempt with the time expected, read from tokio::time::Instant.",
            call.policy,
            waits_seen(Some(bug), call),
            waits_seen(None, call)
        ),
        None if bug == Bug::NoCap => "None of your calls let the wait reach max_delay before \
             its attempts ran out, so the cap never mattered and no check could tell: your \
             scenario never reaches its max_delay. Give one scenario enough failed attempts \
             (e.g. first_delay 100ms, max_delay 1s, 6 attempts: waits of 100, 200, 400, 800 \
             ms, then 1000 capped)."
            .to_string(),
        None => "With the scenarios your check ran, this retry waited exactly as the real one \
             does, so no check could tell them apart: let one scenario fail at least 4 times \
             in a row (3 waits), with a max_delay above those waits."
            .to_string(),
    }
}

/// A check that fails on everything "catches" every bug: before a bug counts as
/// caught, the check must pass on the real retry.
fn require_a_pass_on_the_real_retry() {
    let (verdict, _) = check_against(WithBackoff);
    assert!(
        verdict.passed(),
        "expected your check to pass on the real retry_with_backoff first: \
         failing on a broken retry proves something only then. On the real \
         one, {} (passes_on_the_real_retry says more)",
        verdict.said()
    );
}

fn expect_to_catch_delay_bug(bug: Bug) {
    let (verdict, calls) = check_against(Mutant(bug));
    assert!(
        !verdict.passed(),
        "expected your check to fail on a broken retry that {}; it passed. {}{}",
        bug.describe(),
        why_a_delay_bug_passed(bug, &calls),
        calls_made(&calls)
    );
}

#[test]
fn passes_on_the_real_retry() {
    let (verdict, calls) = check_against(WithBackoff);
    assert!(
        verdict.passed(),
        "expected your check to pass on the real retry_with_backoff, which keeps its \
         contract; {}.\nLikely mistakes: the times are read from std::time::Instant, which \
         paused time does not move (use tokio::time::Instant); the expected times include a \
         wait after the last attempt, or count the first attempt as a retry; the check \
         calls tokio::time::pause, but the clock is paused already.{}",
        verdict.said(),
        calls_made(&calls)
    );
    assert!(
        !calls.is_empty(),
        "expected your check to call retry.run; it returned Ok(()) without ever calling it, \
         so it tested nothing"
    );
}

#[test]
fn fails_on_delays_that_do_not_double() {
    require_a_pass_on_the_real_retry();
    expect_to_catch_delay_bug(Bug::ConstantDelay);
    expect_to_catch_delay_bug(Bug::DoublesTooSoon);
    expect_to_catch_delay_bug(Bug::LinearDelay);
}

#[test]
fn fails_on_a_missing_cap() {
    require_a_pass_on_the_real_retry();
    expect_to_catch_delay_bug(Bug::NoCap);
}

#[test]
fn fails_on_retrying_a_permanent_error() {
    require_a_pass_on_the_real_retry();
    let bug = Bug::RetriesPermanent;
    let (verdict, calls) = check_against(Mutant(bug));
    let why = match calls.iter().find(|call| call.permanent > 0) {
        None => "None of your ops ever returned CallError::Permanent, so nothing could show \
                 it: add a scenario whose op fails permanently, and count its attempts."
            .to_string(),
        Some(call) => format!(
            "Your op returned a permanent error and this retry tried again ({} attempts in \
             all, with {:?}), and your check did not notice: count the attempts, and check \
             that no time passed.",
            call.attempts(),
            call.policy
        ),
    };
    assert!(
        !verdict.passed(),
        "expected your check to fail on a broken retry that {}; it passed. {why}{}",
        bug.describe(),
        calls_made(&calls)
    );
}
