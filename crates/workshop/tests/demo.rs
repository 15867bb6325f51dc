//! `cargo workshop demo fanout`, end to end through the built binary and a pipe: the
//! timeline the room sees, read back the way a person reads it. The sequential bars form
//! a staircase, the concurrent bars stand side by side, and the totals say N × L versus L.
//!
//! The calls are real (loopback, real time), so the timing checks get a few attempts on
//! a busy machine; the shape of the drawing must be right on every attempt.

mod common;

use std::process::Command;
use std::time::Duration;

use common::{Run, run_with_deadline};

/// The demo makes 3 × 3 calls of 100 ms: about a second. Generous, but never forever.
const DEMO_DEADLINE: Duration = Duration::from_secs(60);

/// Attempts the timing checks get (the shape checks must hold on each one).
const ATTEMPTS: usize = 3;

/// One lane of the drawing: its title, its total, its rows.
#[derive(Debug)]
struct Lane {
    title: String,
    total_ms: u64,
    rows: Vec<Row>,
}

/// One row: the call's label, where its bar starts and ends (character columns, both
/// inclusive), the milliseconds printed after it, and its note (`ok`).
#[derive(Debug)]
struct Row {
    label: String,
    first: usize,
    last: usize,
    ms: u64,
    note: String,
}

fn demo(args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_workshop"));
    command.arg("demo").args(args);
    run_with_deadline(&mut command, DEMO_DEADLINE)
}

/// A lane title starts in column 0 and reads `TITLE   total   N ms`; a row is indented
/// and has a bar. Everything else (the heading, the axis, the summary) is neither.
fn parse(text: &str) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for line in text.lines() {
        if !line.starts_with(' ')
            && let Some((title, rest)) = line.split_once(" total ")
        {
            let total_ms = rest
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("expected `total N ms` in the lane title {line:?}"));
            lanes.push(Lane {
                title: title.trim().to_owned(),
                total_ms,
                rows: Vec::new(),
            });
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let (Some(first), Some(last)) = (
            chars.iter().position(|&c| c == '█'),
            chars.iter().rposition(|&c| c == '█'),
        ) else {
            continue;
        };
        let label = chars[..first].iter().collect::<String>().trim().to_owned();
        // After the bar: `  102 ms ok`.
        let after: String = chars[last + 1..].iter().collect();
        let words: Vec<&str> = after.split_whitespace().collect();
        let (ms, note) = match words[..] {
            [ms, "ms", note] => (ms.parse().ok(), note.to_owned()),
            _ => (None, String::new()),
        };
        let ms = ms.unwrap_or_else(|| panic!("expected `N ms NOTE` after the bar in {line:?}"));
        lanes
            .last_mut()
            .unwrap_or_else(|| panic!("a bar before any lane title: {line:?}"))
            .rows
            .push(Row {
                label,
                first,
                last,
                ms,
                note,
            });
    }
    lanes
}

#[test]
fn fanout_draws_a_staircase_then_two_columns() {
    let mut disturbed = Vec::new();
    for attempt in 1..=ATTEMPTS {
        let run = demo(&["fanout", "--calls", "3", "--latency-ms", "100"]);
        run.expect_code(0);
        let lanes = parse(&run.stdout);
        check_shape(&run.stdout, &lanes);
        match check_timing(&lanes) {
            Ok(()) => return,
            Err(why) => {
                // Shown with `--nocapture`, and in the panic below if no attempt is calm.
                eprintln!("attempt {attempt} of {ATTEMPTS} disturbed (retrying): {why}");
                disturbed.push(format!("{why}\n{}", run.stdout));
            }
        }
    }
    panic!(
        "in {ATTEMPTS} attempts, the timeline never looked right in time:\n\n{}",
        disturbed.join("\n")
    );
}

/// What holds however busy the machine: the layout, every call ok, and the sequential
/// lane really sequential (a call cannot start before the one before it has ended, nor
/// take less than its latency).
fn check_shape(text: &str, lanes: &[Lane]) {
    assert!(
        !text.contains('\x1b'),
        "expected no ANSI escape codes, because the output goes to a pipe, not a terminal:\n{text}"
    );
    assert!(
        text.starts_with("fan-out: 3 calls, each 100 ms"),
        "expected the demo to say what it runs first:\n{text}"
    );
    let titles: Vec<&str> = lanes.iter().map(|lane| lane.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "sequential",
            "one thread per call",
            "one tokio task per call"
        ],
        "three lanes in this order, the baseline first:\n{text}"
    );
    for lane in lanes {
        let labels: Vec<&str> = lane.rows.iter().map(|row| row.label.as_str()).collect();
        assert_eq!(
            labels,
            ["facebook", "twitter", "github"],
            "lane {:?}: one row per call (3), in call order:\n{text}",
            lane.title
        );
        for row in &lane.rows {
            assert!(
                row.note == "ok" && row.ms >= 100,
                "lane {:?}, row {:?}: a call to the fake upstream is ok and takes at least \
                 its 100 ms latency:\n{text}",
                lane.title,
                row.label
            );
        }
    }

    let sequential = &lanes[0];
    for pair in sequential.rows.windows(2) {
        assert!(
            pair[0].last < pair[1].first,
            "sequential bars must not overlap: {:?} ends in column {} but {:?} starts in \
             column {}:\n{text}",
            pair[0].label,
            pair[0].last,
            pair[1].label,
            pair[1].first
        );
    }
    assert!(
        sequential.total_ms >= 300,
        "3 sequential calls of 100 ms take at least 300 ms; got {} ms:\n{text}",
        sequential.total_ms
    );
    assert!(
        text.contains("the calls waited at the same time."),
        "expected the one-line summary at the end:\n{text}"
    );
}

/// What a stalled thread can spoil: the sequential calls follow each other without a
/// gap, and the concurrent calls wait together (their bars share columns, and the lane
/// takes about one latency, well under two).
fn check_timing(lanes: &[Lane]) -> Result<(), String> {
    for pair in lanes[0].rows.windows(2) {
        // One empty column is rounding; more is a pause between two calls.
        if pair[1].first > pair[0].last + 2 {
            return Err(format!(
                "sequential: {:?} should start where {:?} ended (column {}), but starts in \
                 column {}",
                pair[1].label,
                pair[0].label,
                pair[0].last + 1,
                pair[1].first
            ));
        }
    }
    for lane in &lanes[1..] {
        let latest_start = lane.rows.iter().map(|row| row.first).max().unwrap_or(0);
        let earliest_end = lane.rows.iter().map(|row| row.last).min().unwrap_or(0);
        if latest_start > earliest_end {
            return Err(format!(
                "lane {:?}: concurrent bars should overlap (all calls wait at once), but one \
                 starts in column {latest_start}, after another ended in column {earliest_end}",
                lane.title
            ));
        }
        if lane.total_ms >= 200 {
            return Err(format!(
                "lane {:?}: 3 concurrent calls of 100 ms should take about 100 ms, well under \
                 200; got {} ms",
                lane.title, lane.total_ms
            ));
        }
    }
    Ok(())
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
