//! KNOWN WRONG (cancel_the_rest): returns the first error (or the deadline) without
//! stopping the group: the other jobs are never told, and are still running.
//!
//! Exercise 4 (cancel_the_rest): the first error or the deadline stops every other job
//! (async), and the group returns only when they are gone.
//!
//! The idea: Go's `errgroup.WithContext` in Rust. Every job gets a clone of one
//! `CancellationToken` (Go: the group's `ctx`). When a job fails or the deadline passes,
//! the group cancels the token, and the jobs that watch it wind down by themselves,
//! cleaning up as they go. A job that ignores the token gets a short grace period and is
//! then aborted, which drops its future at its next `.await`: something Go cannot do to
//! a goroutine. Either way, `wait` returns only when every job is gone: stopping to
//! *wait* for the jobs is not enough, they must stop *working*.
//!
//! Why the pieces fit:
//!
//! - `JoinSet::join_next` is cancel-safe: when it loses a `select!` race (to the
//!   deadline), no result is lost; it stays in the set for the next call.
//! - `tokio::time::sleep_until` takes the absolute deadline, so a timer re-created on
//!   every turn of a loop still fires at the same instant. A `sleep` of a *duration*
//!   re-created on every turn starts over each time: every finished job would push the
//!   deadline back.
//! - `JoinSet::abort_all` only *asks*: each task is dropped the next time the runtime
//!   gets to it, and is gone once the set has handed it back (`join_next`). Until then
//!   it may still hold its socket.
//! - A job's `JoinError` before the group stops anything can only be a panic: nobody
//!   has aborted a task yet. `std::panic::resume_unwind` raises it again in the caller.

use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::{Instant, sleep_until, timeout};
use tokio_util::sync::CancellationToken;

use crate::outcome::Stopped;

// ANCHOR: group
/// A group of async jobs that stand or fall together.
pub struct TaskGroup<T, E> {
    /// The running jobs; each reports its position in the input with its result.
    tasks: JoinSet<(usize, Result<T, E>)>,
    /// Cancelled when the group gives up; every job holds a clone.
    token: CancellationToken,
    /// How many jobs were spawned (the next job's index).
    spawned: usize,
}
// ANCHOR_END: group

impl<T: Send + 'static, E: Send + 'static> Default for TaskGroup<T, E> {
    fn default() -> Self {
        TaskGroup::new()
    }
}

impl<T: Send + 'static, E: Send + 'static> TaskGroup<T, E> {
    /// An empty group with a fresh token.
    pub fn new() -> Self {
        TaskGroup {
            tasks: JoinSet::new(),
            token: CancellationToken::new(),
            spawned: 0,
        }
    }

    /// A clone of the group's token: cancelled when the group gives up.
    pub fn token(&self) -> CancellationToken {
        self.token.clone()
    }

    // ANCHOR: spawn
    /// Starts a job. `job` receives a clone of the group's token and should stop soon
    /// after it is cancelled (`token.cancelled().await` in a `select!`, or
    /// `token.run_until_cancelled(work)`).
    pub fn spawn<J, Fut>(&mut self, job: J)
    where
        J: FnOnce(CancellationToken) -> Fut,
        Fut: Future<Output = Result<T, E>> + Send + 'static,
    {
        let index = self.spawned;
        self.spawned += 1;
        let work = job(self.token.clone());
        self.tasks.spawn(async move { (index, work.await) });
    }
    // ANCHOR_END: spawn

    // ANCHOR: wait
    /// Waits for every job: `Ok(results)` in spawn order if all succeeded before
    /// `deadline`; otherwise `Err(Stopped::…)` for the first error or for the deadline.
    ///
    /// When it gives up, it stops the other jobs first (see [`TaskGroup::stop`]), so by
    /// the time this returns, no job of the group is running any more. A job that panics
    /// stops the others too, and then the panic carries on in the caller.
    pub async fn wait(mut self, deadline: Instant, grace: Duration) -> Result<Vec<T>, Stopped<E>> {
        let mut finished = Vec::with_capacity(self.spawned);
        let why = loop {
            tokio::select! {
                // Cancel-safe: if the deadline wins this race, no result is lost.
                next = self.tasks.join_next() => match next {
                    // The set is empty: every job succeeded.
                    None => {
                        finished.sort_by_key(|(index, _)| *index);
                        return Ok(finished.into_iter().map(|(_, value)| value).collect());
                    }
                    Some(Ok((index, Ok(value)))) => finished.push((index, value)),
                    Some(Ok((index, Err(error)))) => break Stopped::Failed { index, error },
                    Some(Err(join_error)) => {
                        self.stop(grace).await;
                        std::panic::resume_unwind(join_error.into_panic());
                    }
                },
                // An instant, not a duration: re-created each turn, it never moves.
                () = sleep_until(deadline) => {
                    break Stopped::DeadlinePassed { finished: finished.len() };
                }
            }
        };
        // WRONG: the others are neither told nor waited for.
        Err(why)
    }
    // ANCHOR_END: wait

    // ANCHOR: stop
    /// Stops every job still running, politely first: cancels the token and gives the
    /// jobs `grace` to return by themselves; then aborts whatever is left. Returns when
    /// the group is empty.
    pub async fn stop(&mut self, grace: Duration) {
        self.token.cancel();
        let drained = timeout(grace, async {
            while self.tasks.join_next().await.is_some() {}
        })
        .await;
        if drained.is_err() {
            // Some job ignores the token. Abort drops its future at its next `.await`;
            // draining the set afterwards waits until every drop has happened.
            self.tasks.abort_all();
            while self.tasks.join_next().await.is_some() {}
        }
    }
    // ANCHOR_END: stop
}
