//! KNOWN-WRONG SOLUTION (kept so `cargo workshop verify` proves the tests catch it):
//! builds the index in a `tokio::spawn`ed task, which runs on the runtime's threads too.
//!
//! Exercise 5 (spawn_blocking): run CPU-heavy or blocking work from async code without
//! freezing the runtime.
//!
//! The idea to take away: a tokio task gives its thread back only when it awaits
//! something that is not ready. Work that computes for a long time, or calls something
//! blocking (`std::thread::sleep`, a blocking client, a big index build), keeps the
//! thread. On a current-thread runtime (`#[tokio::test]`, a `current_thread` main)
//! everything else stops; on the multi-thread runtime idle workers steal the blocked
//! worker's queue, but the task waiting in its LIFO slot is stuck, and once every worker
//! is blocked, all is. `tokio::task::spawn_blocking` runs such work on a separate pool of
//! threads made for it, and the task awaits the result like any other future.
//!
//! Why `spawn_blocking` wants a `'static` job (`F: 'static`): the job runs on another
//! thread, and nothing ties that thread to the awaiting task. The task may be cancelled
//! (dropped) while the job runs on, and a job that has started cannot be stopped at all:
//! `abort` does not reach it. So the job may not borrow anything from the task; it must
//! own what it uses. For shared read-only data that means an `Arc`: the job owns a
//! pointer, not a copy of the documents.
//!
//! Why a panic comes back as a value: the job's thread catches it, and the handle's
//! `.await` gives `Err(JoinError)` where `JoinError::is_panic` is true; the task decides
//! what it means, as with `JoinHandle::join` on a thread.

use std::fmt;
use std::sync::Arc;

use tokio::task::JoinError;

use crate::corpus::Document;
use crate::index::Index;
use crate::rayon_index::index_rayon;

/// A job run with [`run_blocking`] panicked. Unlike a panic in a goroutine, which ends
/// the whole Go program, a panic in a Rust thread ends only that thread, and comes back
/// to whoever joins it: here, as this error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobPanicked {
    /// The panic's message (`panic!("...")`'s text), if it had one.
    pub message: String,
}

impl fmt::Display for JobPanicked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the blocking job panicked: {}", self.message)
    }
}

impl std::error::Error for JobPanicked {}

impl From<JoinError> for JobPanicked {
    /// Given: turns a failed `spawn_blocking` join into a `JobPanicked` with the panic's
    /// text. (A blocking job cannot be aborted, so the only other cause is the runtime
    /// shutting down.)
    fn from(error: JoinError) -> Self {
        let message = match error.try_into_panic() {
            Ok(payload) => payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic without a message".to_string()),
            Err(error) => format!("it never finished: {error}"),
        };
        JobPanicked { message }
    }
}

// ANCHOR: run_inline
/// The mistake, on purpose: runs `job` right here, inside the calling task.
/// Nothing else can run on this runtime thread until `job` returns. Given, to
/// compare with [`run_blocking`].
pub async fn run_inline<T>(job: impl FnOnce() -> T) -> T {
    job()
}
// ANCHOR_END: run_inline

// ANCHOR: run_blocking
/// Runs `job` on tokio's blocking thread pool and waits for it without holding
/// the runtime's thread, so other tasks keep running meanwhile. A panic in
/// `job` comes back as `Err(JobPanicked)`.
pub async fn run_blocking<T, F>(job: F) -> Result<T, JobPanicked>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // The job must own what it uses (`F: 'static`): see the module doc.
    tokio::task::spawn_blocking(job)
        .await
        .map_err(JobPanicked::from)
}
// ANCHOR_END: run_blocking

// ANCHOR: index_in_background
/// What a server handler would call: builds the index of `docs` with rayon, off
/// the async runtime. The documents come in an `Arc` because the job must own
/// what it uses.
pub async fn index_in_background(docs: Arc<Vec<Document>>) -> Result<Index, JobPanicked> {
    // The closure takes the `Arc` (a pointer), so the job owns its documents.
    // WRONG: a spawned task is still a task: it computes on a runtime thread.
    tokio::spawn(async move { index_rayon(&docs) })
        .await
        .map_err(JobPanicked::from)
}
// ANCHOR_END: index_in_background
