//! Exercise `cancel_the_rest_threads`: `crate::cancel_the_rest_threads::run_until_first_error`
//! (real threads, real time, every wait bounded).

use std::sync::Arc;
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, bounded};

use super::support::{Probe, ms};
use crate::cancel_the_rest_threads::run_until_first_error;
use crate::cancel_token::CancelToken;
use crate::outcome::Stopped;

/// How long a job that waits for the cancel gives it before giving up by itself. A
/// solution that never cancels takes this long, and the tests say so.
const PATIENCE: Duration = Duration::from_secs(3);

/// Clearly less than [`PATIENCE`], clearly more than a thread needs to notice a cancel.
const PROMPTLY: Duration = Duration::from_millis(1500);

/// What a fake job does.
enum Kind {
    /// Returns `Ok(value)` at once.
    Value(u32),
    /// Returns `Err(message)` at once.
    Fail(&'static str),
    /// Waits (up to [`PATIENCE`]) for its token to be cancelled.
    WaitForCancel,
    /// Waits (up to [`PATIENCE`]) until the gate opens, then returns `Ok(value)`.
    AfterGate(Receiver<()>, u32),
    /// Opens the gate, then returns `Ok(value)`.
    OpenGate(Sender<()>, u32),
}

fn job(kind: Kind, probe: &Arc<Probe>) -> impl FnOnce(&CancelToken) -> Result<u32, String> + Send {
    let probe = Arc::clone(probe);
    move |token: &CancelToken| {
        let _guard = probe.start();
        let result = match kind {
            Kind::Value(value) => Ok(value),
            Kind::Fail(message) => Err(message.to_string()),
            Kind::WaitForCancel => {
                if token.sleep(PATIENCE) {
                    probe.notice_cancel();
                    return Err("cancelled".to_string());
                }
                Ok(0)
            }
            Kind::AfterGate(gate, value) => match gate.recv_timeout(PATIENCE) {
                Ok(()) => Ok(value),
                Err(_) => Err("the gate never opened".to_string()),
            },
            Kind::OpenGate(gate, value) => {
                let _ = gate.send(());
                Ok(value)
            }
        };
        probe.finish();
        result
    }
}

#[test]
fn all_succeed_and_results_come_in_input_order() {
    let probe = Probe::new();
    // Job 0 can only finish after job 2 has: completion order differs from input order.
    let (gate_tx, gate_rx) = bounded(1);
    let jobs = vec![
        job(Kind::AfterGate(gate_rx, 1), &probe),
        job(Kind::Value(2), &probe),
        job(Kind::OpenGate(gate_tx, 3), &probe),
    ];
    // Every job is done within microseconds; the deadline is only a bound.
    let result = run_until_first_error(jobs, Instant::now() + Duration::from_secs(3));
    assert_eq!(
        result,
        Ok(vec![1, 2, 3]),
        "expected every result in input order (job 2 finishes before job 0).{}",
        if result == Err(Stopped::DeadlinePassed { finished: 3 }) {
            " All three jobs finished, yet the loop waited on until the 3 s deadline: the \
             results channel never disconnected. Likely mistake: your own Sender is still \
             alive; drop it once the workers have their clones"
        } else {
            ""
        }
    );
}

#[test]
fn the_first_error_cancels_the_others() {
    let probe = Probe::new();
    let jobs = vec![
        job(Kind::WaitForCancel, &probe),
        job(Kind::Fail("upstream said 500"), &probe),
        job(Kind::WaitForCancel, &probe),
    ];
    let start = Instant::now();
    let result = run_until_first_error(jobs, start + Duration::from_secs(30));
    let elapsed = start.elapsed();
    assert_eq!(
        result,
        Err(Stopped::Failed {
            index: 1,
            error: "upstream said 500".to_string()
        }),
        "expected the error of job 1 (the only one that fails)"
    );
    assert!(
        elapsed < PROMPTLY,
        "expected to return soon after the error; returned after {elapsed:?}, when the \
         waiting jobs gave up by themselves. Likely mistake: the token is not cancelled \
         when an error arrives. The other threads cannot be killed, only asked, and the \
         scope waits for them"
    );
    assert_eq!(
        (probe.noticed_cancel(), probe.still_running()),
        (2, 0),
        "expected both waiting jobs to have seen their token cancelled, and every worker \
         thread to be done, when run_until_first_error returns (noticed cancel, still \
         running). Likely mistake: the token every job holds is not the one cancelled"
    );
}

#[test]
fn the_deadline_cancels_the_others() {
    let probe = Probe::new();
    let jobs = vec![
        job(Kind::Value(1), &probe),
        job(Kind::WaitForCancel, &probe),
        job(Kind::WaitForCancel, &probe),
    ];
    let start = Instant::now();
    let result = run_until_first_error(jobs, start + ms(300));
    let elapsed = start.elapsed();
    assert_eq!(
        result,
        Err(Stopped::DeadlinePassed { finished: 1 }),
        "expected DeadlinePassed with 1 job finished when the others wait for the cancel"
    );
    assert!(
        elapsed >= ms(300) && elapsed < PROMPTLY,
        "expected to return at the 300 ms deadline; returned after {elapsed:?}. Likely \
         mistake: the deadline is not watched beside the results (a timer channel in the \
         same select!), or the token is not cancelled when it fires, so the scope waits \
         for the jobs to give up by themselves"
    );
    assert_eq!(
        (probe.noticed_cancel(), probe.still_running()),
        (2, 0),
        "expected both waiting jobs to have seen their token cancelled, and every worker \
         thread to be done, when run_until_first_error returns (noticed cancel, still \
         running). Likely mistake: the token every job holds is not the one cancelled"
    );
}
