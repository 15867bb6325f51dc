//! How a fanout timeline should look, read back the way the room reads it: the sequential
//! bars form a staircase, the concurrent bars stand side by side, and the totals say
//! N × L versus L.
//!
//! One copy of these checks, used by the demo's own test (through `demos::run`) and by the
//! runner's test (through the `workshop` binary and a pipe), so the two can never disagree
//! about what a right drawing is. The text must come from `fanout` with 3 calls of 100 ms
//! and no colour.
//!
//! The calls are real (loopback, real time), and CI machines are slow and busy, so the
//! checks come in two parts: the shape, which must hold on every run, and the timing,
//! which a stalled thread can spoil and so gets a few runs. Margins are generous on
//! purpose: a concurrent lane that took 200 ms or more for 100 ms calls would mean the
//! calls did not really wait at the same time.

/// How many runs the timing checks get. A busy machine (CI, or a laptop compiling in the
/// background) can stall a thread for a hundred milliseconds now and then; a demo that
/// really runs the calls one after the other fails every run.
pub const RUNS: usize = 3;

/// One lane of the drawing: its title, its total, its rows.
#[derive(Debug)]
pub struct Lane {
    pub title: String,
    pub total_ms: u64,
    pub rows: Vec<Row>,
}

/// One row: the call's label, where its bar starts and ends (character columns, both
/// inclusive), the milliseconds printed after it, and its note (`ok`).
#[derive(Debug)]
pub struct Row {
    pub label: String,
    pub first: usize,
    pub last: usize,
    pub ms: u64,
    pub note: String,
}

/// Runs the demo (`produce_text`) up to `runs` times: the shape must be right on every
/// run, and the first run whose timing is right passes. Panics if none is.
pub fn retry(runs: usize, mut produce_text: impl FnMut() -> String) {
    let mut disturbed = Vec::new();
    for attempt in 1..=runs {
        let text = produce_text();
        let lanes = parse(&text);
        check_shape(&text, &lanes);
        match check_timing(&lanes) {
            Ok(()) => return,
            Err(why) => {
                // Shown with `--nocapture`, and in the panic below if no run is calm.
                eprintln!("attempt {attempt} of {runs} disturbed (retrying): {why}");
                disturbed.push(format!("{why}\n{text}"));
            }
        }
    }
    panic!(
        "in {runs} attempts, the timeline never looked right in time (the sequential calls \
         never followed each other without a pause, or the concurrent lanes never looked \
         concurrent):\n\n{}",
        disturbed.join("\n")
    );
}

/// Reads the lanes out of the rendered text. A lane title starts in column 0 and reads
/// `TITLE   total   N ms`; a row is indented and has a bar followed by `N ms NOTE`.
/// Everything else (the heading, the axis, the summary) is neither.
pub fn parse(text: &str) -> Vec<Lane> {
    let mut lanes: Vec<Lane> = Vec::new();
    for line in text.lines() {
        if !line.starts_with(' ')
            && let Some((title, rest)) = line.split_once(" total ")
        {
            let total_ms = rest
                .split_whitespace()
                .next()
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| {
                    panic!("expected `total N ms` (a total in ms) in the lane title {line:?}")
                });
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

/// What must hold on every run, however busy the machine: the layout, every call ok, and
/// the sequential lane really sequential (a call cannot start before the one before it
/// has ended, nor take less than its latency).
pub fn check_shape(text: &str, lanes: &[Lane]) {
    assert!(
        !text.contains('\x1b'),
        "expected no ANSI escape codes, because colour is off (the output may go to a pipe, \
         not a terminal):\n{text}"
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
        "three lanes in this order, so the baseline comes first:\n{text}"
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
                row.note == "ok",
                "lane {:?}, row {:?}: every call to the fake upstream should be ok; got \
                 {:?}:\n{text}",
                lane.title,
                row.label,
                row.note
            );
            assert!(
                row.ms >= 100,
                "lane {:?}, row {:?}: a call to the fake upstream takes at least its 100 ms \
                 latency; got {} ms:\n{text}",
                lane.title,
                row.label,
                row.ms
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
        "expected the demo to end with a one-line summary:\n{text}"
    );
}

/// What a stalled thread can spoil: the sequential calls follow each other without a
/// pause, and the concurrent calls wait together (their bars share columns, and the lane
/// takes about one latency, well under two).
pub fn check_timing(lanes: &[Lane]) -> Result<(), String> {
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
                "lane {:?}: concurrent bars must overlap (all calls wait at once), but one \
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
