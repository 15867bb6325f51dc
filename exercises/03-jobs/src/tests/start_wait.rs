//! Exercise `start_wait`: `Job::start` runs a job on its own thread; `JobHandle::wait`
//! gives back its result.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use crate::error::JobError;
use crate::job::Job;

use super::support::{PATIENCE, expect_message, within};

#[test]
fn wait_returns_the_jobs_value() {
    let handle = within("Job::start", || {
        Job::new("answer", |_stop| Ok(6 * 7)).start()
    });
    let result = within("JobHandle::wait", move || handle.wait());
    assert_eq!(
        result,
        Ok(42),
        "wait() must return the value the job's body returned"
    );
}

#[test]
fn the_job_runs_on_its_own_thread_named_after_it() {
    let test_thread = thread::current().id();
    let job = Job::new("fetch-user", |_stop| {
        let me = thread::current();
        Ok((me.id(), me.name().map(str::to_string)))
    });
    let (id, name) = within("start + wait", move || job.start().wait())
        .expect("the job cannot fail: it only looks at its thread");
    assert_ne!(
        id, test_thread,
        "start() must run the job on a new thread, not on the caller's"
    );
    assert_eq!(
        name.as_deref(),
        Some("fetch-user"),
        "name the thread after the job (std::thread::Builder::name): panic messages \
         then say which job panicked"
    );
}

#[test]
fn start_returns_while_the_job_is_still_running() {
    // The job cannot finish before we open the gate. If start() waited for the job (or
    // ran it in place), it would never return.
    let (gate, gate_closed) = mpsc::channel::<()>();
    let job = Job::new("gated", move |_stop| {
        gate_closed
            .recv_timeout(PATIENCE)
            .map_err(|_| "the gate never opened")?;
        Ok("through the gate")
    });
    let handle = within("Job::start (while the job waits at its gate)", move || {
        job.start()
    });
    gate.send(()).expect(
        "expected the job to be still waiting at its gate after start() returned, because \
         start() must return at once and leave the job running on its own thread",
    );
    let result = within("JobHandle::wait", move || handle.wait());
    assert_eq!(result, Ok("through the gate"));
}

#[test]
fn two_started_jobs_run_at_the_same_time() {
    // Each job sends a message to the other and waits for the other's message. Only
    // possible if both run at once: one after the other, the first would wait in vain.
    let (to_b, from_a) = mpsc::channel();
    let (to_a, from_b) = mpsc::channel();
    let a = Job::new("a", move |_stop| {
        to_b.send("hello from a")?;
        let greeting = from_b
            .recv_timeout(PATIENCE)
            .map_err(|_| "never heard from b: are both jobs running at once?")?;
        Ok(greeting)
    });
    let b = Job::new("b", move |_stop| {
        to_a.send("hello from b")?;
        let greeting = from_a
            .recv_timeout(PATIENCE)
            .map_err(|_| "never heard from a: are both jobs running at once?")?;
        Ok(greeting)
    });
    let (a, b) = within("starting two jobs", move || (a.start(), b.start()));
    let (a, b) = within("waiting for two jobs", move || (a.wait(), b.wait()));
    assert_eq!(
        (a, b),
        (Ok("hello from b"), Ok("hello from a")),
        "both jobs must be running at once to greet each other"
    );
}

#[test]
fn an_error_from_the_body_becomes_failed() {
    let job: Job<u32> = Job::new("fetch-user", |_stop| Err("no such user".into()));
    let result = within("start + wait", move || job.start().wait());
    assert_eq!(
        result,
        Err(JobError::Failed {
            job: "fetch-user".to_string(),
            message: "no such user".to_string()
        }),
        "a body that returns Err must come back as JobError::Failed (Job::run does that)"
    );
}

#[test]
fn a_panic_on_the_jobs_thread_comes_back_with_its_line() {
    let line = line!() + 1;
    let job: Job<u32> = Job::new("divide", |_stop| panic!("attempt to divide by zero"));
    let result = within("start + wait", move || job.start().wait());
    assert_eq!(
        result,
        Err(JobError::Panicked {
            job: "divide".to_string(),
            message: "attempt to divide by zero".to_string(),
            location: format!("{}:{}", file!(), line),
        }),
        "a panic on the job's thread must reach wait() as Panicked, with the panic's line: \
         run the job with Job::run, which catches it on that thread"
    );
}

#[test]
fn stop_reaches_the_running_job() {
    let (started, has_started) = mpsc::channel();
    let job = Job::new("patient", move |stop| {
        started.send(())?;
        if stop.wait_timeout(Duration::from_secs(30)) {
            Ok("stopped when asked")
        } else {
            Err("nobody asked me to stop".into())
        }
    });
    let handle = within("Job::start", move || job.start());
    expect_message(&has_started, "the job to start");
    handle.stop();
    let result = within("JobHandle::wait after stop()", move || handle.wait());
    assert_eq!(
        result,
        Ok("stopped when asked"),
        "handle.stop() must reach the StopSignal the job's body was given: pass the job a \
         clone of the signal the handle keeps"
    );
}
