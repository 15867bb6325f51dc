//! KNOWN WRONG (cancel_the_rest_threads): returns the first error without cancelling the
//! token, so the scope waits until every other worker gives up by itself.
//!
//! Exercise 5 (cancel_the_rest_threads): the same "stop the rest" with threads: a cancel
//! token the workers check, and a deadline.
//!
//! The idea: the contract of the async `TaskGroup`, with threads. Each job runs on its
//! own scoped thread and is handed a [`CancelToken`]; results come back over one
//! channel; the caller waits on that channel and on a timer channel for the deadline
//! (`crossbeam_channel::at`) at once. On the first error or at the deadline it cancels
//! the token. It cannot abort a thread, so it must then wait for every worker to notice
//! the token and return: `thread::scope` does that waiting, and guarantees that no
//! worker outlives the call.
//!
//! Why the pieces fit:
//!
//! - An unbounded results channel: a worker that finishes after the caller gave up
//!   never blocks on its send.
//! - "All finished" is the channel disconnecting, which happens when the last `Sender`
//!   is dropped. The caller's own `Sender` (the one it cloned for the workers) counts
//!   too: as long as the caller holds it, the channel never disconnects.
//! - Forgetting to cancel does not hang forever, but it does wait: the scope cannot end
//!   before every worker has returned by itself.

use std::thread;
use std::time::Instant;

use crossbeam_channel::{at, select, unbounded};

use crate::cancel_token::CancelToken;
use crate::outcome::Stopped;

// ANCHOR: run_until_first_error
/// Runs every job on its own thread until all succeed, one fails, or `deadline` passes.
///
/// `Ok(results)` in input order if all succeed in time; otherwise `Err(Stopped::…)`, and
/// the token every job was given is cancelled. Returns only when every worker thread has
/// returned, so jobs must check their token (`token.done()` in a `select!`,
/// `token.sleep(d)`, or `token.is_cancelled()` between steps). If a job panics, the
/// panic carries on in the caller once every worker has returned.
pub fn run_until_first_error<T, E, F>(jobs: Vec<F>, deadline: Instant) -> Result<Vec<T>, Stopped<E>>
where
    F: FnOnce(&CancelToken) -> Result<T, E> + Send,
    T: Send,
    E: Send,
{
    let token = CancelToken::new();
    let (results_tx, results_rx) = unbounded();
    let timer = at(deadline);

    // The scope joins every worker before it returns, whichever way we leave it.
    thread::scope(|scope| {
        for (index, job) in jobs.into_iter().enumerate() {
            let results_tx = results_tx.clone();
            let token = token.clone();
            scope.spawn(move || {
                let _ = results_tx.send((index, job(&token)));
            });
        }
        // Only the workers hold senders now: the channel disconnects when the last one
        // is done, and that is how we learn "all finished".
        drop(results_tx);

        let mut finished = Vec::new();
        loop {
            select! {
                recv(results_rx) -> message => match message {
                    Err(_all_workers_done) => break,
                    Ok((index, Ok(value))) => finished.push((index, value)),
                    Ok((index, Err(error))) => {
                        // WRONG: the others are not told; the scope waits for them.
                        return Err(Stopped::Failed { index, error });
                    }
                },
                recv(timer) -> _ => {
                    token.cancel();
                    return Err(Stopped::DeadlinePassed { finished: finished.len() });
                }
            }
        }
        finished.sort_by_key(|(index, _)| *index);
        Ok(finished.into_iter().map(|(_, value)| value).collect())
    })
}
// ANCHOR_END: run_until_first_error
