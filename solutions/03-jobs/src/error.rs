//! What can go wrong with a job, as one type.
//!
//! Go's RunAsync returns a plain `error`; a panic is turned into an error string on the
//! way. Here the three outcomes a caller may want to tell apart are three variants: the
//! job said no (`Failed`), the job blew up (`Panicked`, with the file and line), or the
//! job never got to finish because someone stopped it (`Stopped`).
//!
//! The idea to take away: a panic in a job is *data* for whoever waits on it, not the end
//! of the program.

// ANCHOR: job_error
/// Whatever a job body may return as its error: any error type, boxed, so `?` works on
/// I/O errors, parse errors and plain strings (`Err("no such user".into())`) alike.
pub type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// Why a job did not produce its value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    /// The job's body returned an error.
    #[error("job {job:?} failed: {message}")]
    Failed { job: String, message: String },

    /// The job's body panicked. `location` is `"file.rs:LINE"` of the `panic!` (or of the
    /// failed `unwrap`, index, ...), like the line Go's RunAsync digs out of the stack.
    #[error("job {job:?} panicked at {location}: {message}")]
    Panicked {
        job: String,
        message: String,
        location: String,
    },

    /// The job was stopped (cancelled) before it finished.
    #[error("job {job:?} was stopped before it finished")]
    Stopped { job: String },
}
// ANCHOR_END: job_error

/// The `location` of a panic whose place we could not learn (see `panics.rs`).
pub const UNKNOWN_LOCATION: &str = "<unknown location>";
