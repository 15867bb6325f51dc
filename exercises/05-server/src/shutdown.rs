//! Exercise 6: shut down gracefully. Finish what you started, then stop.
//!
//! The idea to take away: stopping a server is three steps. Stop accepting (the accept
//! loop in `server.rs` does that by dropping the listener); tell every connection to wrap
//! up (cancel one `CancellationToken`: each connection task then lets hyper finish the
//! request in progress and close); and wait for them, but not forever: after a grace
//! period the stragglers are cut. A Go `http.Server.Shutdown(ctx)` does the same.
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
    // TODO: `stop.cancel()` first. Then, under `tokio::time::timeout(grace, ...)`, join
    // every task (`while connections.join_next().await.is_some() {}`). In time: return 0.
    // Too late: note `connections.len()`, `connections.shutdown().await` (abort and wait),
    // and return that number.
    // Book: book/src/05-server.md#exercise-6-shut-down-gracefully
    todo!("exercise 6: drain")
}
// ANCHOR_END: drain
