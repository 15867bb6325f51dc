//! The `timeout` demo: one deadline for a batch with a hung and a slow call. The hung
//! and the slow call must be reported as timed out, and the fake upstream must have seen
//! at least one request abandoned (the proof that dropping the future closed the socket).

use std::time::Duration;

use demos::DemoArgs;

/// How many runs the one timing-sensitive check gets: the normal call (100 ms) must
/// beat the deadline (200 ms), which a stall of the busy test machine can spoil now and
/// then. Everything else must hold on every run.
const RUNS: usize = 3;

#[test]
fn timeout_reports_the_timeouts_and_the_abandoned_requests() {
    let mut disturbed = Vec::new();
    for _ in 0..RUNS {
        let text = run_timeout();
        check_timeouts_and_abandoned(&text);
        match note_of(&text, "facebook").as_str() {
            "ok" => return,
            other => {
                eprintln!("disturbed run (retrying): the normal call ended {other:?}");
                disturbed.push(format!(
                    "the normal call (100 ms, deadline 200 ms) ended {other:?}:\n{text}"
                ));
            }
        }
    }
    panic!(
        "in {RUNS} runs the normal call never finished before the deadline:\n\n{}",
        disturbed.join("\n")
    );
}

fn run_timeout() -> String {
    let args = DemoArgs {
        calls: 3,
        latency: Duration::from_millis(100),
    };
    let mut out = Vec::new();
    let result = demos::run("timeout", &args, &mut out, false);
    let text = String::from_utf8(out).expect("the demo writes UTF-8");
    assert_eq!(
        result,
        Ok(()),
        "the timeout demo should succeed; it printed:\n{text}"
    );
    text
}

/// What a busy machine cannot change: the slow and the hung call time out, and the
/// upstream counts abandoned requests.
fn check_timeouts_and_abandoned(text: &str) {
    assert!(
        !text.contains('\x1b'),
        "no escape codes with colour off:\n{text}"
    );
    assert_eq!(
        note_of(text, "twitter (slow)"),
        "timeout",
        "the slow call (4 × the latency) misses the deadline (2 × the latency):\n{text}"
    );
    assert_eq!(
        note_of(text, "github (hangs)"),
        "timeout",
        "the hung call can only end at the deadline:\n{text}"
    );

    let abandoned: u64 = text
        .lines()
        .find_map(|line| line.strip_prefix("upstream: "))
        .and_then(|stats| stats.rsplit("abandoned ").next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("an `upstream: ... abandoned N` line expected:\n{text}"));
    assert!(
        abandoned >= 1,
        "the upstream should count the dropped requests as abandoned, because dropping a \
         reqwest future closes its connection; got {abandoned}:\n{text}"
    );
}

/// The word after the bar of the row labelled `label`.
fn note_of(text: &str, label: &str) -> String {
    text.lines()
        .find(|line| line.trim_start().starts_with(label) && line.contains('█'))
        .and_then(|line| line.split_whitespace().last())
        .unwrap_or_else(|| panic!("a row for {label:?} expected:\n{text}"))
        .to_owned()
}
