//! The vocabulary of this step: what became of a call that ran against the clock.
//!
//! "It took too long" is an ordinary result, not a crash: keep it as a value, and let the
//! caller decide what a missing answer means (leave it out, show a placeholder, answer
//! 504). Go says the same with `ctx.Err() == context.DeadlineExceeded`.

use std::time::Duration;

// ANCHOR: outcome
/// What became of one call in a batch that ran under one deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<T> {
    /// It finished before the deadline; here is what it returned.
    Done(T),
    /// The deadline came first, and the call was cancelled.
    TimedOut,
}
// ANCHOR_END: outcome

impl<T> Outcome<T> {
    /// `true` for [`Outcome::Done`].
    pub fn is_done(&self) -> bool {
        matches!(self, Outcome::Done(_))
    }

    /// The result, if the call finished in time.
    pub fn done(self) -> Option<T> {
        match self {
            Outcome::Done(value) => Some(value),
            Outcome::TimedOut => None,
        }
    }
}

/// The error of one call that did not finish within its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("no answer within {limit:?}")]
pub struct TimedOut {
    /// The limit the call was given.
    pub limit: Duration,
}

// ANCHOR: stopped
/// Why a group of jobs was stopped before every job had finished.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stopped<E> {
    /// Job `index` (its position in the input) failed first; the others were stopped.
    Failed { index: usize, error: E },
    /// The deadline passed after `finished` jobs had succeeded; the others were stopped.
    DeadlinePassed { finished: usize },
}
// ANCHOR_END: stopped
