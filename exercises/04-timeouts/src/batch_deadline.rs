//! Exercise 3 (batch_deadline): one deadline for a batch of calls, with partial results.
//!
//! Why a deadline and not a timeout: a per-call timeout answers "how long may *this*
//! call take?"; a deadline answers "when must *the whole answer* be ready?". Give each
//! call its own 200 ms and await them in turn, and three slow calls take 600 ms. Give
//! every call the same *point in time* (`tokio::time::timeout_at` takes a
//! `tokio::time::Instant`), run them all at once, and the batch ends at that instant
//! whatever the calls do. This is the core of step 05's `/things?deadline_ms=N`, and of
//! Go's `context.WithDeadline` shared by every goroutine of a request.
//!
//! Why partial results: when the deadline passes, the calls that finished have real
//! answers. Cut off each call separately, not the batch as a whole, so the late ones
//! become [`Outcome::TimedOut`] and the others keep their [`Outcome::Done`].
//!
//! Why no `tokio::spawn`: `futures_util::future::join_all` polls every future inside
//! the caller's task, concurrently, and hands back their outputs in input order. So the
//! calls may borrow (a client, a URL), and dropping them is all it takes to cancel them:
//! nothing of a timed-out call outlives this function.

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
pub async fn fan_out_with_deadline<F>(
    calls: impl IntoIterator<Item = F>,
    deadline: Instant,
) -> Vec<Outcome<F::Output>>
where
    F: Future,
{
    // TODO: Run all the calls at once, each cut off at the same deadline, and return one
    //       Outcome per call in input order: the calls that finished keep their results.
    // Book: book/src/04-timeouts.md#exercise-3-one-deadline-for-a-batch
    todo!()
}
// ANCHOR_END: fan_out_with_deadline
