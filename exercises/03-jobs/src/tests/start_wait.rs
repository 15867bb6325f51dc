//! Exercise `start_wait`: `Job::start` runs a job on its own thread; `JobHandle::wait`
//! gives back its result.

use std::sync::mpsc;
use std::thread;

use crate::error::JobError;
use crate::job::Job;

use super::support::{PATIENCE, advice, expect_message, within};

#[test]
fn wait_returns_the_jobs_value() {
    let handle = within("Job::start", || {
        Job::new("answer", |_stop| Ok(6 * 7)).start()
    });
    let result = within("JobHandle::wait", move || handle.wait());
    assert_eq!(
        result,
        Ok(42),
        "{}",
        advice(
            "Ok(42), the value the job's body returned",
            format!("{result:?}"),
            "wait() must hand back the job's own result"
        )
    );
}

#[test]
fn the_job_runs_on_its_own_thread_named_after_it() {
    let job = Job::new("fetch-user", |_stop| {
        let me = thread::current();
        Ok((me.id(), me.name().map(str::to_string)))
    });
    let (caller, result) = within("start + wait", move || {
        (thread::current().id(), job.start().wait())
    });
    let (id, name) = result.expect("the job cannot fail: it only looks at its thread");
    assert_ne!(
        id,
        caller,
        "{}",
        advice(
            "the job to run on a new thread",
            "it ran on the thread that called start()",
            "start() must spawn a thread for the job, not run it in place"
        )
    );
    assert_eq!(
        name.as_deref(),
        Some("fetch-user"),
        "{}",
        advice(
            "the job's thread to be named \"fetch-user\", after the job",
            format!("its name was {name:?}"),
            "thread::spawn gives no name; std::thread::Builder can (panic messages then \
             say which job panicked)"
        )
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
    if gate.send(()).is_err() {
        panic!(
            "{}",
            advice(
                "start() to return at once, while the job still waits at its gate",
                format!("start() returned only after the job had given up waiting ({PATIENCE:?})"),
                "start() waits for the job (it runs the job in place, or joins its thread): \
                 it must return at once and leave the job running on its own thread"
            )
        );
    }
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
        (&a, &b),
        (&Ok("hello from b"), &Ok("hello from a")),
        "{}",
        advice(
            "two started jobs to run at once and greet each other",
            format!("a: {a:?}, b: {b:?}"),
            "the first job ran to its end before the second started: start() must not wait"
        )
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
        "{}",
        advice(
            "JobError::Failed named after the job",
            "something else (above)",
            "run the body through Job::run, which turns its Err into JobError::Failed"
        )
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
        "{}",
        advice(
            "the panic to reach wait() as JobError::Panicked, with the panic's own line",
            "something else (above)",
            "run the body through Job::run, which catches the panic on the job's thread \
             (where the line is known); wait() only sees panics that happened outside it"
        )
    );
}

#[test]
fn stop_reaches_the_running_job() {
    let (started, has_started) = mpsc::channel();
    let job = Job::new("patient", move |stop| {
        started.send(())?;
        if stop.wait_timeout(PATIENCE) {
            Ok("stopped when asked")
        } else {
            Err("nobody asked me to stop".into())
        }
    });
    let handle = within("Job::start", move || job.start());
    expect_message(
        &has_started,
        "the job to start",
        "start() must run the job's body on its thread",
    );
    handle.stop();
    let result = within("JobHandle::wait after stop()", move || handle.wait());
    assert_eq!(
        result,
        Ok("stopped when asked"),
        "{}",
        advice(
            "handle.stop() to reach the running job, which then returns at once",
            format!("the job waited {PATIENCE:?} for a stop that never reached it"),
            "the job got a different StopSignal from the one the handle keeps: make one \
             signal and give the job a clone of it (a clone is the same flag)"
        )
    );
}
