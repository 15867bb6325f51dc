//! KNOWN WRONG (kept for `cargo workshop verify`): cuts the stragglers with
//! `abort_all`, which only asks them to stop, and returns before they are gone.
//!
//! Exercise 6 (drain): shut down gracefully. Finish what you started, then stop.
//!
//! The idea to take away: stopping a server is three steps. Stop accepting (the accept
//! loop in `server.rs` does that by dropping the listener); tell every connection to wrap
//! up (cancel one `CancellationToken`: each connection task then lets hyper finish the
//! request in progress and close); and wait for them, but not forever: after a grace
//! period the stragglers are cut. A Go `http.Server.Shutdown(ctx)` does the same.
//!
//! The order matters. An idle keep-alive connection waits for its next request, and only
//! the token tells it there will be none: wait before cancelling and every idle client
//! holds the shutdown for the whole grace period. And cutting is two steps too:
//! `JoinSet::abort_all` only *asks* the tasks to stop (they go at their next poll), while
//! `JoinSet::shutdown` aborts them and waits until each one is gone, its socket closed.
use std::time::Duration;

use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

// ANCHOR: drain
/// Tells every connection task to finish (cancel `stop`), then waits for all of
/// `connections` to end, for at most `grace`. Tasks still running after `grace` are
/// aborted. Returns how many had to be aborted (0 when everyone finished in time).
pub async fn drain(
    mut connections: JoinSet<()>,
    stop: CancellationToken,
    grace: Duration,
) -> usize {
    stop.cancel();

    let all_finished = async { while connections.join_next().await.is_some() {} };
    if tokio::time::timeout(grace, all_finished).await.is_ok() {
        return 0;
    }

    let still_running = connections.len();
    // Ask them to stop; they go at their next poll, after we have returned.
    connections.abort_all();
    still_running
}
// ANCHOR_END: drain
