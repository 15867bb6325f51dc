//! Drawing the request log and describing its shape: pure functions, tested on made-up
//! logs, so every case is exact.

use std::time::Duration;

use upstream::{RequestOutcome, RequestRecord, describe_overlap, draw_requests, max_overlap};

const OK: RequestOutcome = RequestOutcome::Served { status: 200 };

fn record(
    path: &str,
    query: &str,
    start: u64,
    end: Option<u64>,
    outcome: RequestOutcome,
) -> RequestRecord {
    RequestRecord {
        path: path.to_owned(),
        query: query.to_owned(),
        start: Duration::from_millis(start),
        end: end.map(Duration::from_millis),
        outcome,
    }
}

/// `(start, end)` of `from..to` ms, served.
fn call(path: &str, from: u64, to: u64) -> RequestRecord {
    record(path, "latency_ms=100", from, Some(to), OK)
}

/// The rows with a bar, as (first bar column, last bar column), in characters.
fn bars(text: &str) -> Vec<(usize, usize)> {
    text.lines()
        .filter_map(|line| {
            let chars: Vec<char> = line.chars().collect();
            let first = chars.iter().position(|&c| c == '█')?;
            let last = chars.iter().rposition(|&c| c == '█')?;
            Some((first, last))
        })
        .collect()
}

fn assert_fits(text: &str) {
    for line in text.lines() {
        assert!(
            line.chars().count() <= 80,
            "every line must fit in 80 columns; this one has {}:\n{line}\nin:\n{text}",
            line.chars().count()
        );
    }
}

#[test]
fn calls_one_after_another_are_drawn_one_after_another() {
    let log = [
        call("/facebook", 7, 108),
        call("/twitter", 110, 211),
        call("/github", 213, 314),
    ];
    let text = draw_requests(&log);
    let bars = bars(&text);
    assert_eq!(bars.len(), 3, "one bar per request:\n{text}");
    for pair in bars.windows(2) {
        assert!(
            pair[0].1 < pair[1].0,
            "each bar should start right of where the previous one ended:\n{text}"
        );
    }
    assert!(
        text.starts_with("3 requests, as the fake upstream saw them"),
        "{text}"
    );
    assert!(
        text.contains("total   307 ms"),
        "time 0 is the first arrival:\n{text}"
    );
    assert!(text.contains("/twitter 100ms"), "{text}");
    assert_eq!(
        text.matches("101 ms 200").count(),
        3,
        "each row shows its time and status:\n{text}"
    );
    assert_fits(&text);
    assert_eq!(
        describe_overlap(&log),
        "one after another (the wait is the sum)"
    );
    assert_eq!(max_overlap(&log), 1);
}

#[test]
fn calls_at_once_are_drawn_on_top_of_each_other() {
    let log = [
        call("/facebook", 0, 101),
        call("/twitter", 1, 102),
        call("/github", 1, 100),
    ];
    let text = draw_requests(&log);
    let bars = bars(&text);
    assert_eq!(bars.len(), 3, "{text}");
    assert!(
        bars.iter().all(|bar| bar.0 == bars[0].0),
        "bars of requests that arrived together start in the same column:\n{text}"
    );
    assert_fits(&text);
    assert_eq!(
        describe_overlap(&log),
        "all at once (the wait is the slowest)"
    );
    assert_eq!(max_overlap(&log), 3);
}

#[test]
fn every_outcome_is_named_and_long_labels_are_cut() {
    let log = [
        record(
            "/weather",
            "latency_ms=20&jitter_ms=5&fault=hang",
            0,
            Some(150),
            RequestOutcome::Abandoned,
        ),
        record(
            "/twitter",
            "fault=500",
            10,
            Some(11),
            RequestOutcome::Served { status: 500 },
        ),
        record(
            "/search",
            "q=a%20very%20long%20query%20indeed",
            20,
            None,
            RequestOutcome::Running,
        ),
        record("/facebook", "", 30, Some(40), OK),
    ];
    let text = draw_requests(&log);
    assert_fits(&text);
    let rows: Vec<&str> = text.lines().filter(|l| l.contains('█')).collect();
    assert_eq!(rows.len(), 4, "{text}");
    assert!(
        rows[0].contains("/weather 20ms±5ms fault=hang") && rows[0].ends_with("150 ms abandoned"),
        "{text}"
    );
    assert!(rows[1].ends_with("1 ms 500"), "{text}");
    assert!(
        rows[2].contains('…'),
        "a long label is cut with an ellipsis:\n{text}"
    );
    assert!(rows[2].ends_with("running"), "{text}");
    assert!(
        rows[3].contains("/facebook ") && rows[3].ends_with("10 ms 200"),
        "{text}"
    );
    // The running request is drawn up to the last moment the log knows of: 150 ms.
    let bars = bars(&text);
    assert_eq!(bars[2].1, bars[0].1, "{text}");
    assert_eq!(
        describe_overlap(&log),
        "partly overlapping (neither all at once nor one after another)"
    );
}

#[test]
fn an_empty_log_says_so() {
    assert_eq!(
        draw_requests(&[]),
        "(no request reached the fake upstream)\n"
    );
    assert_eq!(
        describe_overlap(&[]),
        "not at all (no request reached the upstream)"
    );
    assert_eq!(max_overlap(&[]), 0);
    let one = [call("/github", 5, 105)];
    assert_eq!(describe_overlap(&one), "as a single request");
    assert!(draw_requests(&one).starts_with("1 request,"));
}

#[test]
fn back_to_back_is_not_overlapping_but_running_overlaps_what_comes_after() {
    // The second arrives in the very instant the first ends: it follows it.
    let back_to_back = [call("/a", 0, 100), call("/b", 100, 200)];
    assert_eq!(max_overlap(&back_to_back), 1);
    assert_eq!(
        describe_overlap(&back_to_back),
        "one after another (the wait is the sum)"
    );
    // A request that never ended is still in flight when the next one arrives.
    let still_running = [
        record("/a", "fault=hang", 0, None, RequestOutcome::Running),
        call("/b", 500, 600),
    ];
    assert_eq!(max_overlap(&still_running), 2);
    assert_eq!(
        describe_overlap(&still_running),
        "all at once (the wait is the slowest)"
    );
}

#[test]
fn k_at_a_time_shows_as_at_most_k() {
    // Six calls, two at a time: the shape of a bounded fan-out.
    let log: Vec<RequestRecord> = (0..6u64)
        .map(|i| call("/github", i / 2 * 100, i / 2 * 100 + 100))
        .collect();
    assert_eq!(max_overlap(&log), 2);
    assert_eq!(
        describe_overlap(&log),
        "partly overlapping (neither all at once nor one after another)"
    );
    let text = draw_requests(&log);
    assert_fits(&text);
    let bars = bars(&text);
    assert!(
        bars[0] == bars[1] && bars[2] == bars[3] && bars[1].1 < bars[2].0,
        "{text}"
    );
}

#[test]
fn a_record_says_what_happened_in_one_line() {
    let served = record("/facebook", "latency_ms=100", 7, Some(108), OK);
    assert_eq!(
        served.to_string(),
        "/facebook?latency_ms=100 at 7 ms, served 200 after 101 ms"
    );
    assert_eq!(served.name(), "facebook");
    assert_eq!(served.elapsed(), Some(Duration::from_millis(101)));
    let running = record("/weather", "", 3, None, RequestOutcome::Running);
    assert_eq!(running.to_string(), "/weather at 3 ms, running");
    assert_eq!(running.elapsed(), None);
}
