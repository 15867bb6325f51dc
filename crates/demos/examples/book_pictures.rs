//! Draws the book's timelines from real runs: `cargo run -p demos --example book_pictures`.
//!
//! Four pictures, written to `book/src/img/`:
//!
//! - `fanout-timeline.svg`: the same four calls to the fake upstream (200 ms each) made
//!   one after the other, on one OS thread each, and on one tokio task each (the shape
//!   of `cargo workshop demo fanout`, see `src/fanout.rs`);
//! - `deadline-timeline.svg`: four calls under one deadline of 200 ms, one of them slow
//!   and one that never answers: two finish, two are dropped at the deadline, and the
//!   fake upstream confirms that it saw both requests abandoned (the shape of
//!   `cargo workshop demo timeout`).
//! - `bounded-timeline.svg`: 8 calls of uneven latency, at most 3 in flight: in chunks
//!   of 3 (waves), with a `Semaphore(3)` (a sliding window), and with no limit; each
//!   lane's peak is its fake upstream's own count. The runs are `cargo workshop demo
//!   bounded`'s own ([`demos::bounded::run_all`]), minus its `JoinSet` lane.
//! - `hedge-timeline.svg`: three replicas, one slow, asked one at a time, all at once,
//!   and hedged; the losers cancelled, and the upstreams' count of abandoned requests.
//!   The runs are `cargo workshop demo hedge`'s own ([`demos::hedge::run_all`]).
//!
//! Every call is a span on a [`Timeline`]; [`timeline::render_svg`] draws them. The
//! figures are whatever this machine measured, so each run redraws slightly different
//! pictures with the same shape. Everything talks to the in-process fake upstream on
//! loopback: no network.

use std::path::Path;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use timeline::{Lane, Marker, Span, SvgOptions, Timeline, render_svg};
use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};
use upstream::{ENDPOINTS, Fault, Knobs, Upstream};

use demos::{bounded, hedge};

const LATENCY: Duration = Duration::from_millis(200);
const DEADLINE: Duration = Duration::from_millis(200);
/// Each fan-out lane is the fastest of this many runs: a busy laptop (a build in the
/// background) can stall one run, and the picture should show the shape, not the noise.
const RUNS: usize = 3;
/// The book's pictures are 880 px wide: the text column at 1280 px.
const WIDTH: u32 = 880;

/// One call: the label of its bar and the fake upstream URL it fetches.
#[derive(Clone)]
struct Call {
    label: String,
    url: String,
}

fn main() -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let out_dir = root.join("book/src/img");
    std::fs::create_dir_all(&out_dir)
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    let upstream = Upstream::start().map_err(|e| format!("cannot start the fake upstream: {e}"))?;

    let fanout = fanout_picture(&upstream)?;
    write(&out_dir.join("fanout-timeline.svg"), &fanout)?;
    let deadline = deadline_picture(&upstream)?;
    write(&out_dir.join("deadline-timeline.svg"), &deadline)?;
    let bounded = bounded_picture()?;
    write(&out_dir.join("bounded-timeline.svg"), &bounded)?;
    let hedged = hedge_picture()?;
    write(&out_dir.join("hedge-timeline.svg"), &hedged)?;
    Ok(())
}

fn write(path: &Path, svg: &str) -> Result<(), String> {
    std::fs::write(path, svg).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    println!("wrote {}", path.display());
    Ok(())
}

/// Sequential vs one thread per call vs one task per call, on one axis.
fn fanout_picture(upstream: &Upstream) -> Result<String, String> {
    let calls: Vec<Call> = ENDPOINTS
        .iter()
        .map(|name| Call {
            label: (*name).to_owned(),
            url: upstream.url_with(name, &Knobs::latency(LATENCY)),
        })
        .collect();
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|e| format!("cannot build an HTTP client: {e}"))?;

    // Warm up: the first request of a process pays for connection set-up and lazy
    // initialisation, which would make the first bar of the first lane look slow.
    fetch_blocking(&client, &calls[0].url);

    let sequential = best_of(RUNS, || {
        let timeline = Timeline::new();
        for call in &calls {
            let span = timeline.span(&call.label);
            span.finish(fetch_blocking(&client, &call.url));
        }
        finish(&timeline, &calls)
    });
    let threads = best_of(RUNS, || {
        let timeline = Timeline::new();
        thread::scope(|scope| {
            for call in &calls {
                let (timeline, client) = (&timeline, &client);
                scope.spawn(move || {
                    let span = timeline.span(&call.label);
                    span.finish(fetch_blocking(client, &call.url));
                });
            }
        });
        finish(&timeline, &calls)
    });
    let runtime = runtime()?;
    let tasks = best_of(RUNS, || {
        runtime.block_on(async {
            let client = reqwest::Client::new();
            let timeline = Arc::new(Timeline::new());
            let mut set = JoinSet::new();
            for call in calls.iter().cloned() {
                let (timeline, client) = (Arc::clone(&timeline), client.clone());
                set.spawn(async move {
                    let span = timeline.span(&call.label);
                    span.finish(fetch(&client, &call.url).await);
                });
            }
            while set.join_next().await.is_some() {}
            finish(&timeline, &calls)
        })
    });

    let lanes = [
        lane("sequential: one call after the other", &sequential),
        lane("one OS thread per call", &threads),
        lane("one tokio task per call", &tasks),
    ];
    let caption = format!(
        "The same 4 calls of {} ms, three ways (measured; the best of {RUNS} runs each)",
        LATENCY.as_millis()
    );
    Ok(render_svg(
        &lanes,
        &SvgOptions {
            caption: Some(&caption),
            width: WIDTH,
            ..SvgOptions::default()
        },
    ))
}

/// Four calls under one deadline: two in time, one slow, one hung.
fn deadline_picture(upstream: &Upstream) -> Result<String, String> {
    let fast = Knobs::latency(LATENCY / 2);
    let calls = vec![
        Call {
            label: "facebook".into(),
            url: upstream.url_with("facebook", &fast),
        },
        Call {
            label: "twitter".into(),
            url: upstream.url_with("twitter", &fast),
        },
        Call {
            label: "github (slow)".into(),
            url: upstream.url_with("github", &Knobs::latency(LATENCY * 4)),
        },
        Call {
            label: "weather (hangs)".into(),
            url: upstream.url_with("weather", &Knobs::fault(Fault::Hang)),
        },
    ];
    let abandoned_before = upstream.abandoned();

    let batch = runtime()?.block_on(async {
        let client = reqwest::Client::new();
        // Warm up the connection pool, as above.
        fetch(&client, &upstream.url("facebook")).await;
        let timeline = Arc::new(Timeline::new());
        let deadline = Instant::now() + DEADLINE;
        let mut set = JoinSet::new();
        for call in calls.iter().cloned() {
            let (timeline, client) = (Arc::clone(&timeline), client.clone());
            set.spawn(async move {
                let mut span = timeline.span(&call.label);
                // Every call races the same instant; at the deadline the request future
                // is dropped, which closes its connection.
                match timeout_at(deadline, fetch(&client, &call.url)).await {
                    Ok(outcome) => span.note(outcome),
                    Err(_elapsed) => span.note("timeout"),
                }
            });
        }
        while set.join_next().await.is_some() {}
        finish(&timeline, &calls)
    });

    // The proof that the work stopped, not only the waiting: the upstream saw the two
    // late requests' connections close before it had answered.
    let dropped = batch
        .spans
        .iter()
        .filter(|s| s.note.as_deref() == Some("timeout"))
        .count() as u64;
    let noticed =
        upstream.wait_for_abandoned_blocking(abandoned_before + dropped, Duration::from_secs(3));
    let seen = upstream.abandoned() - abandoned_before;
    let caption = format!(
        "One deadline, {} ms: {dropped} calls dropped; the upstream saw {seen} request{} abandoned{}",
        DEADLINE.as_millis(),
        if seen == 1 { "" } else { "s" },
        if noticed {
            ""
        } else {
            " (fewer than expected!)"
        },
    );
    let label = format!("deadline {} ms", DEADLINE.as_millis());
    let markers = [Marker {
        at: DEADLINE,
        label: &label,
    }];
    Ok(render_svg(
        &[lane("four tokio tasks, timeout_at(deadline)", &batch)],
        &SvgOptions {
            caption: Some(&caption),
            width: WIDTH,
            markers: &markers,
            // Room right of the deadline, to show that nothing runs past it (the slow
            // call alone would have taken until 800 ms).
            axis_at_least: DEADLINE * 3 / 2,
        },
    ))
}

/// How many calls the bounded picture makes: the demo's default, enough for the waves.
const BOUNDED_CALLS: usize = 8;

/// The demo `bounded`'s runs, best of [`RUNS`] per way: waves vs a window vs no limit.
fn bounded_picture() -> Result<String, String> {
    let unit = LATENCY / 2;
    let latencies: Vec<Duration> = bounded::SHAPE[..BOUNDED_CALLS]
        .iter()
        .map(|&n| unit * n)
        .collect();
    let mut best: Vec<bounded::Run> = Vec::new();
    for _ in 0..RUNS {
        let runs = bounded::run_all(&latencies, LATENCY)?;
        if best.is_empty() {
            best = runs;
            continue;
        }
        for (kept, run) in best.iter_mut().zip(runs) {
            if run.total < kept.total {
                *kept = run;
            }
        }
    }
    // Chunks, Semaphore, no limit: the JoinSet lane looks like the Semaphore one.
    let shown: Vec<&bounded::Run> = [0, 1, 3].iter().filter_map(|&i| best.get(i)).collect();
    if shown.len() != 3 {
        return Err("the bounded demo should have made four runs".to_owned());
    }
    let titles: Vec<String> = shown
        .iter()
        .map(|run| format!("{}: peak {} in flight", run.title, run.peak))
        .collect();
    let lanes: Vec<Lane<'_>> = shown
        .iter()
        .zip(&titles)
        .map(|(run, title)| Lane {
            title,
            spans: &run.spans,
            total: run.total,
        })
        .collect();
    let caption = format!(
        "{BOUNDED_CALLS} calls of {} to {} ms, at most {} at once (measured, best of {RUNS}; peak: upstream's count)",
        unit.as_millis(),
        (unit * 4).as_millis(),
        bounded::LIMIT
    );
    Ok(render_svg(
        &lanes,
        &SvgOptions {
            caption: Some(&caption),
            width: WIDTH,
            ..SvgOptions::default()
        },
    ))
}

/// The demo `hedge`'s four runs (the attempt with the shortest total of [`RUNS`]).
fn hedge_picture() -> Result<String, String> {
    let hedge_delay = LATENCY * 2;
    let mut best: Option<hedge::Outcome> = None;
    for _ in 0..RUNS {
        // Fresh upstreams per attempt: each attempt's abandoned count is its own.
        let upstreams = (0..3)
            .map(|_| Upstream::start())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("cannot start a fake upstream: {e}"))?;
        let outcome = hedge::run_all(&upstreams, LATENCY, hedge_delay)?;
        let total = |o: &hedge::Outcome| o.runs.iter().map(|r| r.total).sum::<Duration>();
        if best
            .as_ref()
            .is_none_or(|kept| total(&outcome) < total(kept))
        {
            best = Some(outcome);
        }
    }
    let outcome = best.ok_or("no hedge run was made")?;
    let titles: Vec<String> = outcome
        .runs
        .iter()
        .zip(&outcome.sent)
        .map(|(run, sent)| {
            let plural = if *sent == 1 { "" } else { "s" };
            format!("{}: {sent} request{plural}", run.title)
        })
        .collect();
    let lanes: Vec<Lane<'_>> = outcome
        .runs
        .iter()
        .zip(&titles)
        .map(|(run, title)| Lane {
            title,
            spans: &run.spans,
            total: run.total,
        })
        .collect();
    let caption = format!(
        "Slow replica a ({} ms), hedge delay {} ms (best of {RUNS}); upstreams saw {} request{} abandoned{}",
        (LATENCY * hedge::SLOW).as_millis(),
        hedge_delay.as_millis(),
        outcome.abandoned,
        if outcome.abandoned == 1 { "" } else { "s" },
        if outcome.noticed {
            ""
        } else {
            " (fewer than cancelled!)"
        },
    );
    let label = format!("hedge delay {} ms", hedge_delay.as_millis());
    let markers = [Marker {
        at: hedge_delay,
        label: &label,
    }];
    Ok(render_svg(
        &lanes,
        &SvgOptions {
            caption: Some(&caption),
            width: WIDTH,
            markers: &markers,
            ..SvgOptions::default()
        },
    ))
}

/// A finished run: its spans in call order and its wall-clock time.
struct Run {
    spans: Vec<Span>,
    total: Duration,
}

fn finish(timeline: &Timeline, calls: &[Call]) -> Run {
    let total = timeline.now();
    let mut spans = timeline.spans();
    spans.sort_by_key(|span| calls.iter().position(|call| call.label == span.label));
    Run { spans, total }
}

/// The run with the shortest total of `runs` tries.
fn best_of(runs: usize, mut run: impl FnMut() -> Run) -> Run {
    (0..runs)
        .map(|_| run())
        .min_by_key(|run| run.total)
        .expect("at least one run")
}

fn lane<'a>(title: &'a str, run: &'a Run) -> Lane<'a> {
    Lane {
        title,
        spans: &run.spans,
        total: run.total,
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))
}

fn fetch_blocking(client: &reqwest::blocking::Client, url: &str) -> &'static str {
    let outcome = client
        .get(url)
        .send()
        .and_then(|response| response.error_for_status())
        .and_then(|response| response.bytes());
    if outcome.is_ok() { "ok" } else { "error" }
}

async fn fetch(client: &reqwest::Client, url: &str) -> &'static str {
    let outcome = async {
        let response = client.get(url).send().await?.error_for_status()?;
        response.bytes().await
    }
    .await;
    if outcome.is_ok() { "ok" } else { "error" }
}
