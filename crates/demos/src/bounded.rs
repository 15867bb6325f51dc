//! Demo `bounded`: N calls of uneven latency with at most K in flight, four ways, on
//! one time axis.
//!
//! 1. **chunks of K**: K calls, wait for all of them, the next K. Never more than K at
//!    once, but each chunk waits for its slowest call while its other slots sit idle.
//! 2. **`Semaphore(K)`**: a task per call, each holding a permit for its whole call.
//! 3. **`JoinSet` kept at K**: K tasks; each time one ends, the next is spawned.
//! 4. **all at once**: no limit, the fastest, and the most connections.
//!
//! Each way talks to a fake upstream of its own, whose exact count of requests in
//! flight (`max_in_flight`) is printed under the timeline: K, K, K and N. The idea to
//! take away: a sliding window (2 and 3) costs about the same time as no limit here,
//! with K connections instead of N; waves (1) waste the slots a slow call leaves idle.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use timeline::{Lane, RenderOptions, Span, Timeline};
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use upstream::{Knobs, Upstream};

use crate::calls::{Call, async_client, fetch};
use crate::{DemoArgs, Style, ms, off_runtime, write_error};

/// How many calls may be in flight at once in the bounded runs.
pub const LIMIT: usize = 3;

/// The fewest and the most calls (rows): enough for the waves to show, few enough for
/// four lanes to fit a projector.
const CALLS: std::ops::RangeInclusive<usize> = 8..=12;

/// Call `i` takes this many half-latencies: one slow call in the first chunk and one
/// in the second, the rest short.
pub const SHAPE: [u32; 12] = [4, 1, 1, 1, 2, 1, 1, 1, 1, 1, 2, 1];

/// One finished run.
pub struct Run {
    /// The way, as the lane's title: `chunks of 3 (waves)`, `Semaphore(3)`, ...
    pub title: String,
    /// One span per call, in call order.
    pub spans: Vec<Span>,
    /// Wall-clock time of the whole run.
    pub total: Duration,
    /// The fake upstream's own count: the most requests it ever had at once.
    pub peak: u64,
}

pub(crate) fn run(args: &DemoArgs, out: &mut dyn Write, style: Style) -> Result<(), String> {
    let count = args.calls.clamp(*CALLS.start(), *CALLS.end());
    let unit = args.latency / 2;
    let latencies: Vec<Duration> = SHAPE[..count].iter().map(|&n| unit * n).collect();

    writeln!(
        out,
        "{}\n",
        style.bold(&format!(
            "bounded: {count} calls of {} to {} ms, at most {LIMIT} in flight, four ways",
            ms(unit),
            ms(unit * 4)
        ))
    )
    .map_err(write_error)?;

    let runs = off_runtime(|| run_all(&latencies, args.latency))??;

    let lanes: Vec<Lane<'_>> = runs
        .iter()
        .map(|run| Lane {
            title: &run.title,
            spans: &run.spans,
            total: run.total,
        })
        .collect();
    let options = RenderOptions {
        width: 48,
        color: style.color,
        ascii: false,
    };
    write!(out, "{}", timeline::render(&lanes, &options)).map_err(write_error)?;

    let peaks: Vec<String> = runs
        .iter()
        .map(|run| format!("{} {}", short(&run.title), run.peak))
        .collect();
    writeln!(
        out,
        "\npeak in flight (the fake upstreams' own count): {}.",
        peaks.join(", ")
    )
    .map_err(write_error)?;
    let [waves, semaphore, _, unbounded] = &runs[..] else {
        return Err("the demo should have made four runs".to_owned());
    };
    writeln!(
        out,
        "chunks: {} ms. A sliding window of {LIMIT}: {} ms, about as fast as no limit\n\
         ({} ms), with {LIMIT} connections instead of {count}.",
        ms(waves.total),
        ms(semaphore.total),
        ms(unbounded.total)
    )
    .map_err(write_error)?;
    let failed = runs
        .iter()
        .flat_map(|run| &run.spans)
        .filter(|span| span.note.as_deref() != Some("ok"))
        .count();
    if failed > 0 {
        writeln!(
            out,
            "{}",
            style.dim(&format!(
                "({failed} calls failed: is something else hogging loopback?)"
            ))
        )
        .map_err(write_error)?;
    }
    Ok(())
}

/// `Semaphore(3)` → `Semaphore`, for the one-line summary.
fn short(title: &str) -> &str {
    title.split(['(', ' ']).next().unwrap_or(title)
}

/// The four runs, one fake upstream each, on a runtime of their own: call `i` takes
/// `latencies[i]`. Public for the book's pictures (`examples/book_pictures.rs`), which
/// draw these same runs as SVG.
pub fn run_all(latencies: &[Duration], latency: Duration) -> Result<Vec<Run>, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
    runtime.block_on(async {
        let client = async_client(latency * 2)?;
        let mut runs = Vec::new();
        for way in [Way::Chunks, Way::Semaphore, Way::JoinSet, Way::AllAtOnce] {
            let upstream =
                Upstream::start().map_err(|e| format!("cannot start a fake upstream: {e}"))?;
            let calls: Vec<Call> = latencies
                .iter()
                .enumerate()
                .map(|(i, &latency)| Call {
                    label: format!("#{:<2} {:>4} ms", i + 1, latency.as_millis()),
                    url: upstream.url_with("github", &Knobs::latency(latency)),
                })
                .collect();
            let timeline = Arc::new(Timeline::new());
            way.run(&client, &calls, &timeline).await;
            let total = timeline.now();
            let mut spans = timeline.spans();
            spans.sort_by_key(|span| calls.iter().position(|call| call.label == span.label));
            runs.push(Run {
                title: way.title(),
                spans,
                total,
                peak: upstream.max_in_flight(),
            });
        }
        Ok(runs)
    })
}

#[derive(Clone, Copy)]
enum Way {
    Chunks,
    Semaphore,
    JoinSet,
    AllAtOnce,
}

impl Way {
    fn title(self) -> String {
        match self {
            Way::Chunks => format!("chunks of {LIMIT} (waves)"),
            Way::Semaphore => format!("Semaphore({LIMIT})"),
            Way::JoinSet => format!("JoinSet kept at {LIMIT}"),
            Way::AllAtOnce => "all at once (no limit)".to_owned(),
        }
    }

    async fn run(self, client: &reqwest::Client, calls: &[Call], timeline: &Arc<Timeline>) {
        // Every call is a task that records its own span.
        let task = |call: Call| {
            let (client, timeline) = (client.clone(), Arc::clone(timeline));
            async move {
                let span = timeline.span(&call.label);
                span.finish(fetch(&client, &call.url).await);
            }
        };
        match self {
            Way::Chunks => {
                for chunk in calls.chunks(LIMIT) {
                    let mut tasks = JoinSet::new();
                    for call in chunk {
                        tasks.spawn(task(call.clone()));
                    }
                    tasks.join_all().await; // the whole chunk, slowest included
                }
            }
            Way::Semaphore => {
                let permits = Arc::new(Semaphore::new(LIMIT));
                let mut tasks = JoinSet::new();
                for call in calls.iter().cloned() {
                    let (permits, work) = (Arc::clone(&permits), task(call));
                    tasks.spawn(async move {
                        let _permit = permits.acquire_owned().await;
                        work.await; // the permit is held until here
                    });
                }
                tasks.join_all().await;
            }
            Way::JoinSet => {
                let mut tasks = JoinSet::new();
                for call in calls.iter().cloned() {
                    if tasks.len() == LIMIT {
                        tasks.join_next().await; // a slot frees: refill it
                    }
                    tasks.spawn(task(call));
                }
                tasks.join_all().await;
            }
            Way::AllAtOnce => {
                let mut tasks = JoinSet::new();
                for call in calls.iter().cloned() {
                    tasks.spawn(task(call));
                }
                tasks.join_all().await;
            }
        }
    }
}
