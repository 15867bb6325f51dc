//! Stopping the rest: the first error or the deadline stops every other job (async).
//!
//! The idea: Go's `errgroup.WithContext` in Rust. Every job gets a clone of one
//! `CancellationToken` (Go: the group's `ctx`). When a job fails or the deadline passes,
//! we cancel the token, and the jobs that watch it wind down by themselves, cleaning up as
//! they go. A job that ignores the token is given a short grace period and then aborted
//! (`JoinSet::abort_all`), which drops its future at its next `.await`: something Go
//! cannot do to a goroutine. Either way, `wait` returns only when every job is gone.

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
    // Book: book/src/04-timeouts.md#exercise-4-stop-the-rest-async
    pub async fn wait(mut self, deadline: Instant, grace: Duration) -> Result<Vec<T>, Stopped<E>> {
        // TODO: loop over a `tokio::select!` of two branches:
        // - `next = self.tasks.join_next()`:
        //     `None` (all done): sort the `(index, value)` pairs you kept by index and
        //       return `Ok(values)`;
        //     `Some(Ok((index, Ok(value))))`: keep `(index, value)`;
        //     `Some(Ok((index, Err(error))))`: that is `Stopped::Failed { index, error }`;
        //     `Some(Err(join_error))`: a panic: `self.stop(grace).await`, then
        //       `std::panic::resume_unwind(join_error.into_panic())`.
        // - `() = sleep_until(deadline)`: that is `Stopped::DeadlinePassed { finished }`.
        // Leave the loop with the `Stopped` (`break value`), `self.stop(grace).await`,
        // and return `Err(stopped)`.
        todo!("cancel_the_rest: select! between join_next() and sleep_until(deadline)")
    }
    // ANCHOR_END: wait

    // ANCHOR: stop
    /// Stops every job still running, politely first: cancels the token and gives the
    /// jobs `grace` to return by themselves; then aborts whatever is left. Returns when
    /// the group is empty.
    // Book: book/src/04-timeouts.md#exercise-4-stop-the-rest-async
    pub async fn stop(&mut self, grace: Duration) {
        // TODO:
        // 1. `self.token.cancel()`: the polite jobs see it and return.
        // 2. Drain the set (`while self.tasks.join_next().await.is_some() {}`), inside
        //    `tokio::time::timeout(grace, async { ... })`.
        // 3. If that timed out, some job ignores the token: `self.tasks.abort_all()`, then
        //    drain the set again, so every aborted job is really gone when you return.
        todo!("cancel_the_rest: cancel the token, wait `grace`, then abort_all")
    }
    // ANCHOR_END: stop
}
