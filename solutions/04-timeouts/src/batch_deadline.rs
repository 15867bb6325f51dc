//! One deadline for a batch of calls, with partial results.
//!
//! The idea: a per-call timeout answers "how long may *this* call take?"; a deadline
//! answers "when must *the whole answer* be ready?". Give every call the same point in
//! time (`tokio::time::timeout_at(deadline, call)`), run them all at once, and report
//! each one as [`Outcome::Done`] or [`Outcome::TimedOut`], in the order you passed them
//! in. This is the core of step 05's `/things?deadline_ms=N`, and of Go's
//! `context.WithDeadline` shared by every goroutine of a request.

use futures_util::future::join_all;
use tokio::time::{Instant, timeout_at};

use crate::outcome::Outcome;

// ANCHOR: fan_out_with_deadline
/// Runs every call in `calls` concurrently until `deadline`, and returns what became of
/// each one, in input order.
///
/// Returns as soon as every call has finished, and at the latest at `deadline`; the calls
/// still running then are cancelled (dropped) and reported as [`Outcome::TimedOut`].
/// The calls share this task (no `tokio::spawn`), so they need not be `Send` or
/// `'static`, and they run concurrently, not in parallel: right for I/O, wrong for CPU
/// work (step 06).
///
/// This is the reusable piece of the step (the runner's timeout demo does the same with
/// spawned tasks). To draw a timeline, wrap each call in a future that records its own
/// start and end.
///
/// ```no_run
/// use std::time::Duration;
/// use tokio::time::{Instant, sleep};
/// # use sol04_timeouts::{fan_out_with_deadline, Outcome};
///
/// # async fn demo() {
/// async fn call(ms: u64) -> u64 {
///     sleep(Duration::from_millis(ms)).await;
///     ms
/// }
/// let deadline = Instant::now() + Duration::from_millis(250);
/// let outcomes = fan_out_with_deadline(vec![call(100), call(400), call(200)], deadline).await;
/// assert_eq!(outcomes, [Outcome::Done(100), Outcome::TimedOut, Outcome::Done(200)]);
/// # }
/// ```
pub async fn fan_out_with_deadline<F>(
    calls: impl IntoIterator<Item = F>,
    deadline: Instant,
) -> Vec<Outcome<F::Output>>
where
    F: Future,
{
    // Each call races the *same* deadline. `timeout_at` drops its call when the deadline
    // passes, so nothing of a timed-out call outlives this function.
    let raced = calls.into_iter().map(|call| async move {
        match timeout_at(deadline, call).await {
            Ok(output) => Outcome::Done(output),
            Err(_elapsed) => Outcome::TimedOut,
        }
    });
    // `join_all` polls them all concurrently and keeps their order.
    join_all(raced).await
}
// ANCHOR_END: fan_out_with_deadline
