//! A job's panic, as a value (given, not an exercise).
//!
//! Exercise 4's pool catches each job's panic, so that one bad job cannot take
//! a worker thread down with it, and hands it back as a [`JobPanicked`] in the
//! job's place. Step 03 built the same thing for one job at a time.
use std::any::Any;

// ANCHOR: job_panicked
/// A job panicked; `message` is what it panicked with.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the job panicked: {message}")]
pub struct JobPanicked {
    pub message: String,
}

impl JobPanicked {
    /// From the payload that `std::panic::catch_unwind` hands back.
    pub fn from_payload(payload: &(dyn Any + Send)) -> JobPanicked {
        let message = if let Some(text) = payload.downcast_ref::<&str>() {
            (*text).to_owned()
        } else if let Some(text) = payload.downcast_ref::<String>() {
            text.clone()
        } else {
            "(a panic without a message)".to_owned()
        };
        JobPanicked { message }
    }
}
// ANCHOR_END: job_panicked
