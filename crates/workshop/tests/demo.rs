//! `cargo workshop demo fanout`, end to end through the built binary and a pipe: the
//! timeline the room sees, read back the way a person reads it. The sequential bars form
//! a staircase, the concurrent bars stand side by side, and the totals say N × L versus L.
//!
//! The calls are real (loopback, real time), so the timing checks get a few attempts on
//! a busy machine; the shape of the drawing must be right on every attempt. The checks
//! live in `crates/demos/tests/support/fanout_shape.rs`.

mod common;
// One copy of the checks, like the steps' tests: run via the function (demos) and the binary.
#[path = "../../demos/tests/support/fanout_shape.rs"]
mod fanout_shape;

use std::process::Command;
use std::time::Duration;

use common::{Run, run_with_deadline};

/// The demo makes 3 × 3 calls of 100 ms: about a second. Generous, but never forever.
const DEMO_DEADLINE: Duration = Duration::from_secs(60);

fn demo(args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_workshop"));
    command.arg("demo").args(args);
    run_with_deadline(&mut command, DEMO_DEADLINE)
}

#[test]
fn fanout_draws_a_staircase_then_two_columns() {
    fanout_shape::retry(fanout_shape::RUNS, || {
        let run = demo(&["fanout", "--calls", "3", "--latency-ms", "100"]);
        run.expect_code(0);
        run.stdout
    });
}

#[test]
fn fanout_with_no_calls_is_a_usage_error() {
    let run = demo(&["fanout", "--calls", "0"]);
    run.expect_code(2).stderr_has(&format!(
        "--calls must be between 1 and {}, got 0",
        demos::MAX_CALLS
    ));
    assert!(
        run.stdout.is_empty(),
        "expected nothing drawn for a bad --calls, because the demo checks its knobs \
         before it starts; got:\n{}",
        run.stdout
    );
}
