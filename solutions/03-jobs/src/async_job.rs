//! The async `Job`: a named future you `start()` as a tokio task and `wait()` on.
//!
//! ```text
//! Python:  task = asyncio.create_task(coro); ...; await task
//! Rust:    let h = AsyncJob::new("f", async { .. }).start(); ...; h.wait().await
//! ```
//!
//! An async job needs no stop signal: a task can be *aborted* from outside. Abort drops
//! the future at its next `.await`, which is where a future can be stopped safely.
//!
//! The idea to take away: `tokio::spawn` returns a `JoinHandle`, and awaiting it gives
//! `Result<T, JoinError>`; the `JoinError` says whether the task panicked or was
//! cancelled, and that is all a job needs to report.

use std::future::Future;
use std::pin::Pin;

use tokio::task::{JoinError, JoinHandle};

use crate::async_panics::catch_panic_async;
use crate::error::{BoxError, JobError, UNKNOWN_LOCATION};
use crate::panics::panic_message;

// ANCHOR: async_job
/// The work of an async job: a boxed future that yields a value or an error.
type Work<T> = Pin<Box<dyn Future<Output = Result<T, BoxError>> + Send + 'static>>;

/// A named future that has not started yet.
pub struct AsyncJob<T> {
    name: String,
    work: Work<T>,
}

impl<T: Send + 'static> AsyncJob<T> {
    /// A job called `name` that will await `work`. Nothing runs until it is started:
    /// futures are lazy.
    pub fn new(
        name: impl Into<String>,
        work: impl Future<Output = Result<T, BoxError>> + Send + 'static,
    ) -> Self {
        AsyncJob {
            name: name.into(),
            work: Box::pin(work),
        }
    }

    /// The job's name, used in its errors.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Awaits the job here, in the current task: an error becomes `JobError::Failed`, a
    /// panic `JobError::Panicked` (with its location).
    pub async fn run(self) -> Result<T, JobError> {
        let AsyncJob { name, work } = self;
        match catch_panic_async(&name, work).await? {
            Ok(value) => Ok(value),
            Err(error) => Err(JobError::Failed {
                job: name,
                message: error.to_string(),
            }),
        }
    }

    /// Starts the job as a tokio task and returns at once.
    ///
    /// # Panics
    /// Outside a tokio runtime (like `tokio::spawn`).
    pub fn start(self) -> AsyncJobHandle<T> {
        let name = self.name.clone();
        let task = tokio::spawn(self.run());
        AsyncJobHandle { name, task }
    }
}
// ANCHOR_END: async_job

/// A started async job.
pub struct AsyncJobHandle<T> {
    name: String,
    task: JoinHandle<Result<T, JobError>>,
}

impl<T> AsyncJobHandle<T> {
    // ANCHOR: async_wait
    /// Waits for the job's result. Awaiting the `JoinHandle` gives `Err(JoinError)` when
    /// the task did not return: it was aborted, or it panicked.
    pub async fn wait(self) -> Result<T, JobError> {
        match self.task.await {
            Ok(result) => result,
            Err(join_error) => Err(from_join_error(&self.name, join_error)),
        }
    }
    // ANCHOR_END: async_wait

    /// Aborts the job: its future is dropped at its next `.await`. Code between two
    /// `.await`s (a blocking loop, say) cannot be interrupted.
    pub fn stop(&self) {
        self.task.abort();
    }

    /// The job's name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

// ANCHOR: from_join_error
/// What a `JoinError` means for a job.
///
/// `is_panic()`: the task panicked and nothing inside it caught the panic. Our jobs catch
/// their own panics (with the location), so this is only the fallback: the payload still
/// has the message, but the location is lost, because we learn of it on another thread.
/// Otherwise the task was cancelled (aborted, or its runtime shut down).
pub fn from_join_error(job: &str, error: JoinError) -> JobError {
    if error.is_panic() {
        JobError::Panicked {
            job: job.to_string(),
            message: panic_message(&*error.into_panic()),
            location: UNKNOWN_LOCATION.to_string(),
        }
    } else {
        JobError::Stopped {
            job: job.to_string(),
        }
    }
}
// ANCHOR_END: from_join_error
