//! Exercise 2 (start_wait): a job you `start()` and later `wait()` on, on an OS thread:
//! Python's `threading.Thread` and `concurrent.futures.Future`, Go's `go` plus a channel.
//!
//! ```text
//! Python:  t = Thread(target=f); t.start(); ...; t.join()
//! Go:      h := job.Start(); ...; v, err := h.Wait()
//! Rust:    let h = Job::new("f", f).start(); ...; let v = h.wait()?;
//! ```
//!
//! Why it looks the way it does:
//!
//! * The thread is named after the job, so the default panic message says *which* job
//!   panicked (`thread 'fetch-user' panicked at ...`).
//! * The job and its handle hold two clones of one [`StopSignal`]: a clone is another
//!   handle to the *same* flag, so `stop()` on the handle reaches the running job.
//! * `Job::run` already turns the body's panics into `JobError::Panicked`, with their line,
//!   on the job's thread. So `join` sees a panic only if one happened *outside* the body;
//!   we learn of it on the waiting thread, where the location is no longer known.
//!
//! The idea to take away: a thread's `JoinHandle` already *is* a future result; a `Job`
//! only adds a name, a stop signal, and the rule that a panic becomes an error.

use std::thread::{self, JoinHandle};

use crate::error::{BoxError, JobError, UNKNOWN_LOCATION};
use crate::panics::{catch_panic, panic_message};
use crate::stop::StopSignal;

// ANCHOR: job
/// The work a job does: runs once, may look at the stop signal, returns a value or an error.
type Body<T> = Box<dyn FnOnce(&StopSignal) -> Result<T, BoxError> + Send + 'static>;

/// A named piece of work that has not started yet.
pub struct Job<T> {
    name: String,
    body: Body<T>,
}

impl<T: Send + 'static> Job<T> {
    /// A job called `name` that will run `body`. Nothing runs until [`Job::start`]
    /// (or [`crate::run_all::run_all`]). The closure gets the job's [`StopSignal`];
    /// jobs that finish quickly can ignore it: `Job::new("two", |_stop| Ok(1 + 1))`.
    pub fn new(
        name: impl Into<String>,
        body: impl FnOnce(&StopSignal) -> Result<T, BoxError> + Send + 'static,
    ) -> Self {
        Job {
            name: name.into(),
            body: Box::new(body),
        }
    }

    /// The job's name, used in its errors and as its thread's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs the job *here*, on the current thread, to the end: the body's error becomes
    /// `JobError::Failed`, a panic becomes `JobError::Panicked`. Every way of running a
    /// job (`start`, `run_all`, ...) goes through this, so they all agree on errors.
    pub fn run(self, stop: &StopSignal) -> Result<T, JobError> {
        let Job { name, body } = self;
        match catch_panic(&name, || body(stop))? {
            Ok(value) => Ok(value),
            Err(error) => Err(JobError::Failed {
                job: name,
                message: error.to_string(),
            }),
        }
    }
}
// ANCHOR_END: job

// ANCHOR: handle
/// A started job: wait for its result, or ask it to stop.
pub struct JobHandle<T> {
    name: String,
    stop: StopSignal,
    thread: JoinHandle<Result<T, JobError>>,
}
// ANCHOR_END: handle

impl<T: Send + 'static> Job<T> {
    // ANCHOR: start
    /// Starts the job on a new thread named after the job and returns at once.
    ///
    /// # Panics
    /// If the operating system refuses to create a thread (as `std::thread::spawn` does).
    pub fn start(self) -> JobHandle<T> {
        let name = self.name.clone();
        let stop = StopSignal::new();
        let job_stop = stop.clone(); // the same flag: the handle keeps `stop`
        let thread = thread::Builder::new()
            .name(name.clone())
            .spawn(move || self.run(&job_stop))
            .expect("the operating system refused to start a thread");
        JobHandle { name, stop, thread }
    }
    // ANCHOR_END: start
}

impl<T> JobHandle<T> {
    // ANCHOR: wait
    /// Blocks until the job has finished and returns its result.
    pub fn wait(self) -> Result<T, JobError> {
        match self.thread.join() {
            Ok(result) => result, // the job's own result, its caught panics included
            Err(payload) => Err(JobError::Panicked {
                job: self.name,
                message: panic_message(&*payload),
                location: UNKNOWN_LOCATION.to_string(),
            }),
        }
    }
    // ANCHOR_END: wait

    /// Asks the job to stop. It stops when its code next checks its [`StopSignal`]; a job
    /// that never checks runs to the end anyway (see the chapter's "watch out" section).
    pub fn stop(&self) {
        self.stop.stop();
    }

    /// The job's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Has the job's thread finished? Does not block.
    pub fn is_finished(&self) -> bool {
        self.thread.is_finished()
    }
}
