//! The `fanout` demo on a fixed scenario (3 calls × 100 ms, no colour), checked by
//! reading the timeline it draws, the way the room reads it: sequential bars follow each
//! other, concurrent bars stand side by side, and the totals say N × L versus L.
//!
//! Margins are generous on purpose: the calls are real (loopback, real time), and CI
//! machines are slow and busy. A concurrent run that took 200 ms or more for 100 ms calls
//! would mean the calls did not really wait at the same time.

use std::time::Duration;

use demos::DemoArgs;

/// One lane of the drawing: its title, its total, and each row's bar (first and last
/// column of the bar, counted in characters).
#[derive(Debug)]
struct Lane {
    title: String,
    total_ms: u64,
    rows: Vec<Row>,
}

#[derive(Debug)]
struct Row {
    label: String,
    first: usize,
    last: usize,
    note: String,
}

/// Reads the lanes out of the rendered text. A lane title starts in column 0 and has
/// `total N ms` in it; its rows are indented and have a bar; the axis has no bar.
fn parse(text: &str) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for line in text.lines() {
        if let (false, Some((title, rest))) = (line.starts_with(' '), line.split_once(" total ")) {
            let total_ms = rest
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("a total in ms expected in {line:?}"));
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
        let label: String = chars[..first].iter().collect::<String>().trim().to_owned();
        let note = chars[last + 1..]
            .iter()
            .collect::<String>()
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_owned();
        let lane = lanes
            .last_mut()
            .unwrap_or_else(|| panic!("a bar before any lane title: {line:?}"));
        lane.rows.push(Row {
            label,
            first,
            last,
            note,
        });
    }
    lanes
}

fn run_fanout() -> String {
    let args = DemoArgs {
        calls: 3,
        latency: Duration::from_millis(100),
    };
    let mut out = Vec::new();
    let result = demos::run("fanout", &args, &mut out, false);
    let text = String::from_utf8(out).expect("the demo writes UTF-8");
    assert_eq!(
        result,
        Ok(()),
        "the fanout demo should succeed; it printed:\n{text}"
    );
    text
}

/// How many runs the timing checks get. The calls are real, so a busy machine (CI, or a
/// laptop compiling in the background) can stall a thread for a hundred milliseconds
/// now and then; a demo that really runs the calls one after the other fails every run.
const RUNS: usize = 3;

#[test]
fn fanout_draws_sequential_apart_and_concurrent_together() {
    let mut disturbed = Vec::new();
    for _ in 0..RUNS {
        let text = run_fanout();
        let lanes = parse(&text);
        check_shape(&text, &lanes);
        match check_concurrency(&lanes) {
            Ok(()) => return,
            Err(why) => {
                // Shown with `--nocapture`, or above the panic if every run is disturbed.
                eprintln!("disturbed run (retrying): {why}");
                disturbed.push(format!("{why}\n{text}"));
            }
        }
    }
    panic!(
        "in {RUNS} runs, the concurrent lanes never looked concurrent:\n\n{}",
        disturbed.join("\n")
    );
}

/// What must hold on every run, however busy the machine: the drawing's layout, every
/// call ok, and the sequential lane really sequential.
fn check_shape(text: &str, lanes: &[Lane]) {
    assert!(
        !text.contains('\x1b'),
        "with colour off there must be no escape codes, because the output may be piped:\n{text}"
    );
    let titles: Vec<&str> = lanes.iter().map(|lane| lane.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "sequential",
            "one thread per call",
            "one tokio task per call"
        ],
        "three lanes in this order, so the baseline comes first:\n{text}"
    );
    for lane in lanes {
        let labels: Vec<&str> = lane.rows.iter().map(|row| row.label.as_str()).collect();
        assert_eq!(
            labels,
            ["facebook", "twitter", "github"],
            "lane {:?}: one row per call, in call order:\n{text}",
            lane.title
        );
        assert!(
            lane.rows.iter().all(|row| row.note == "ok"),
            "lane {:?}: every call to the fake upstream should be ok:\n{text}",
            lane.title
        );
    }

    let sequential = &lanes[0];
    for pair in sequential.rows.windows(2) {
        assert!(
            pair[0].last < pair[1].first,
            "sequential bars must not overlap: {:?} ends in column {} but {:?} starts in column {}:\n{text}",
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
        text.contains("the calls waited at the same time"),
        "the demo ends with a one-line summary:\n{text}"
    );
}

/// The evidence that the threads and the tasks waited at the same time: their bars
/// overlap, and each lane took about one latency, well under two.
fn check_concurrency(lanes: &[Lane]) -> Result<(), String> {
    for lane in &lanes[1..] {
        let latest_start = lane.rows.iter().map(|row| row.first).max().unwrap_or(0);
        let earliest_end = lane.rows.iter().map(|row| row.last).min().unwrap_or(0);
        if latest_start > earliest_end {
            return Err(format!(
                "lane {:?}: concurrent bars must overlap (all calls wait at once), \
                 but one starts in column {latest_start} after another ended in column {earliest_end}",
                lane.title
            ));
        }
        if lane.total_ms >= 200 {
            return Err(format!(
                "lane {:?}: 3 concurrent calls of 100 ms should take about 100 ms, well under 200; got {} ms",
                lane.title, lane.total_ms
            ));
        }
    }
    Ok(())
}
