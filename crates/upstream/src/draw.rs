//! Drawing the request log: the attendee's own calls, as the upstream saw them.
//!
//! A test that fails because the calls ran one after another should *show* that, not
//! just say "took 412 ms". [`draw_requests`] turns the log into one bar per request on
//! a shared time axis (with [`timeline::render`], the renderer the demos use), and
//! [`describe_overlap`] puts the shape into words:
//!
//! ```text
//! 3 requests, as the fake upstream saw them               total   307 ms
//!   /facebook 100ms ██████████████                                101 ms 200
//!   /twitter 100ms                ███████████████                 101 ms 200
//!   /github 100ms                                ██████████████   101 ms 200
//!                   |---------|----------|---------|----------|
//!                   0                                    307 ms
//! ```
//!
//! and `describe_overlap` says `one after another (the wait is the sum)`.
//!
//! Both are pure functions of the records, so they can be tested on made-up logs and
//! used on the records of any upstream.

use std::time::Duration;

use timeline::{Lane, RenderOptions, Span};

use crate::log::{RequestOutcome, RequestRecord};

/// The widest drawing, in columns: readable in a terminal and in a CI log.
const MAX_COLUMNS: usize = 80;

/// Labels longer than this are cut (with `…`), so the bars keep most of the width.
const MAX_LABEL: usize = 28;

/// Columns per row besides the label and the bars: two of indent, a space either side
/// of the bars, five for the elapsed time, ` ms `, and nine for the longest outcome
/// (`abandoned`). Must match `timeline::render`'s row layout.
const ROW_EXTRA: usize = 2 + 1 + 1 + 5 + 4 + 9;

// ANCHOR: draw_requests
/// A text timeline of `records`, one bar per request on a shared time axis, at
/// most 80 columns wide: made for test failure messages.
///
/// Each row shows the path and the knobs in short (`/github 100ms fault=hang`),
/// the bar, how long the request took, and how it ended: the status it was
/// served with, `abandoned` (the client went away first) or `running`. Time 0
/// is when the first request arrived. A request still running is drawn up to
/// the last moment the log knows of, so its time is a lower bound.
///
/// ```
/// use std::time::Duration;
/// use upstream::{RequestOutcome, RequestRecord};
///
/// let ms = Duration::from_millis;
/// let call = |path: &str, start, end| RequestRecord {
///     path: path.into(),
///     query: "latency_ms=100".into(),
///     start: ms(start),
///     end: Some(ms(end)),
///     outcome: RequestOutcome::Served { status: 200 },
/// };
/// let log = [call("/facebook", 0, 100), call("/twitter", 100, 200)];
/// let text = upstream::draw_requests(&log);
/// assert!(text.contains("/twitter 100ms"), "{text}");
/// assert!(text.lines().all(|line| line.chars().count() <= 80), "{text}");
/// ```
pub fn draw_requests(records: &[RequestRecord]) -> String {
    let Some(origin) = records.iter().map(|r| r.start).min() else {
        return "(no request reached the fake upstream)\n".to_owned();
    };
    // The last moment the log knows of: a request still running ends there.
    let known = records
        .iter()
        .flat_map(|r| [Some(r.start), r.end])
        .flatten()
        .max()
        .unwrap_or(origin);
    let spans: Vec<Span> = records
        .iter()
        .map(|record| {
            let end = record.end.unwrap_or(known);
            Span::new(label(record), record.start - origin, end - origin)
                .with_note(outcome_note(record.outcome))
        })
        .collect();
    let label_width = spans
        .iter()
        .map(|span| span.label.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    let count = records.len();
    let title = format!(
        "{count} request{}, as the fake upstream saw them",
        if count == 1 { "" } else { "s" }
    );
    let lane = Lane {
        title: &title,
        spans: &spans,
        total: known - origin,
    };
    let options = RenderOptions {
        width: MAX_COLUMNS - ROW_EXTRA - label_width,
        color: false,
        ascii: false,
    };
    timeline::render(&[lane], &options)
}
// ANCHOR_END: draw_requests

// ANCHOR: describe_overlap
/// The shape of `records` in a few words, to follow "your calls ran":
///
/// - `one after another (the wait is the sum)`: no two requests overlapped;
/// - `all at once (the wait is the slowest)`: there was a moment when every
///   request was in flight;
/// - `partly overlapping (neither all at once nor one after another)`: anything
///   between (see [`max_overlap`] for how many were in flight at most);
/// - `as a single request`, or `not at all (no request reached the upstream)`.
///
/// Judged on the upstream's own times: a request still running counts as
/// running until the end of time. Two requests count as overlapping only if one
/// arrived before the other ended (a request arriving in the same instant
/// another ends follows it).
pub fn describe_overlap(records: &[RequestRecord]) -> &'static str {
    match records.len() {
        0 => return "not at all (no request reached the upstream)",
        1 => return "as a single request",
        _ => {}
    }
    if max_overlap(records) == 1 {
        "one after another (the wait is the sum)"
    } else if every_one_at_one_moment(records) {
        "all at once (the wait is the slowest)"
    } else {
        "partly overlapping (neither all at once nor one after another)"
    }
}
// ANCHOR_END: describe_overlap

/// The most requests of `records` in flight at the same moment (0 for no records).
///
/// The log equivalent of [`Upstream::max_in_flight`](crate::Upstream::max_in_flight),
/// for a subset of the log: for example only the requests to `/search`.
pub fn max_overlap(records: &[RequestRecord]) -> usize {
    // A sweep over the moments where something changes. At the same moment an end sorts
    // before a start (`false < true`), so back-to-back requests do not overlap.
    let mut events: Vec<(Duration, bool)> = Vec::with_capacity(records.len() * 2);
    for record in records {
        events.push((record.start, true));
        if let Some(end) = record.end {
            events.push((end, false));
        }
    }
    events.sort();
    let (mut now, mut most) = (0usize, 0usize);
    for (_, is_start) in events {
        if is_start {
            now += 1;
            most = most.max(now);
        } else {
            now = now.saturating_sub(1);
        }
    }
    most
}

/// Was there one moment when every request was in flight? For intervals on a line,
/// that is: the last one to start started before the first one to end ended.
fn every_one_at_one_moment(records: &[RequestRecord]) -> bool {
    let last_start = records.iter().map(|r| r.start).max();
    let first_end = records.iter().map(|r| r.end.unwrap_or(Duration::MAX)).min();
    matches!((last_start, first_end), (Some(start), Some(end)) if start < end)
}

/// What a row ends with: `200`, `500`, `abandoned`, `running`.
fn outcome_note(outcome: RequestOutcome) -> String {
    match outcome {
        RequestOutcome::Running => "running".to_owned(),
        RequestOutcome::Served { status } => status.to_string(),
        RequestOutcome::Abandoned => "abandoned".to_owned(),
    }
}

/// The path and its knobs in short: `/github 100ms±20ms fault=hang`, `/search q=rust`.
/// Cut to [`MAX_LABEL`] characters.
fn label(record: &RequestRecord) -> String {
    let mut label = record.path.clone();
    for pair in record.query.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "latency_ms" => label.push_str(&format!(" {value}ms")),
            // Right after the latency, without a space: `100ms±20ms` reads as one knob.
            "jitter_ms" => label.push_str(&format!("±{value}ms")),
            _ => label.push_str(&format!(" {key}={value}")),
        }
    }
    if label.chars().count() > MAX_LABEL {
        label = label.chars().take(MAX_LABEL - 1).collect();
        label.push('…');
    }
    label
}
