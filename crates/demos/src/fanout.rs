//! Demo `fanout`: the same N slow calls, made three ways, drawn on one time axis.
//!
//! 1. **sequential**: one after the other on one thread. Each call waits for the one
//!    before it, so the run takes about N × the latency.
//! 2. **one thread per call**: blocking `reqwest` on N OS threads, all waiting at once.
//! 3. **one tokio task per call**: async `reqwest` on N tasks, all waiting at once on a
//!    couple of runtime threads.
//!
//! Every call is recorded as a span on a [`Timeline`] and the three runs are drawn with
//! [`timeline::render`], so the room sees the staircase of the sequential run next to
//! the two columns of bars that start together. The idea to take away: concurrency
//! does not make a call faster, it stops calls from waiting for each other.

use std::io::Write;
use std::sync::Arc;
use std::thread;
use std::time::Duration;

use timeline::{Lane, RenderOptions, Span, Timeline};
use tokio::task::JoinSet;
use upstream::{Knobs, Upstream};

use crate::calls::{Call, async_client, blocking_client, calls, fetch, fetch_blocking};
use crate::{DemoArgs, Style, ms, off_runtime, write_error};

/// One finished run: its spans in call order and its wall-clock time.
struct Run {
    title: &'static str,
    spans: Vec<Span>,
    total: Duration,
}

pub(crate) fn run(args: &DemoArgs, out: &mut dyn Write, style: Style) -> Result<(), String> {
    let upstream = Upstream::start().map_err(|e| format!("cannot start the fake upstream: {e}"))?;
    let calls = calls(&upstream, args.calls, |_| Knobs::latency(args.latency));
    let latency = args.latency;

    writeln!(
        out,
        "{}\n",
        style.bold(&format!(
            "fan-out: {} calls, each {} ms, to a fake upstream on {}",
            calls.len(),
            ms(latency),
            upstream.addr()
        ))
    )
    .map_err(write_error)?;

    // All the real work happens on a fresh thread: see `off_runtime` for why.
    let runs = off_runtime(|| -> Result<[Run; 3], String> {
        let client = blocking_client(latency)?;
        Ok([
            sequential(&client, &calls),
            with_threads(&client, &calls),
            with_tasks(&calls, latency)?,
        ])
    })??;

    let lanes: Vec<Lane<'_>> = runs
        .iter()
        .map(|run| Lane {
            title: run.title,
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

    let [sequential, threads, tasks] = &runs;
    writeln!(
        out,
        "\nsequential {} ms ≈ {} × {} ms; threads {} ms and tasks {} ms ≈ {} ms: the calls waited at the same time.",
        ms(sequential.total),
        calls.len(),
        ms(latency),
        ms(threads.total),
        ms(tasks.total),
        ms(latency),
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

// ANCHOR: sequential
/// One call after the other: each waits for the previous one to finish.
fn sequential(client: &reqwest::blocking::Client, calls: &[Call]) -> Run {
    let timeline = Timeline::new();
    for call in calls {
        let span = timeline.span(&call.label);
        span.finish(fetch_blocking(client, &call.url));
    }
    finish("sequential", &timeline, calls)
}
// ANCHOR_END: sequential

// ANCHOR: threads
/// One OS thread per call; the scope waits for all of them.
fn with_threads(client: &reqwest::blocking::Client, calls: &[Call]) -> Run {
    let timeline = Timeline::new();
    thread::scope(|scope| {
        for call in calls {
            let timeline = &timeline;
            scope.spawn(move || {
                let span = timeline.span(&call.label);
                span.finish(fetch_blocking(client, &call.url));
            });
        }
    });
    finish("one thread per call", &timeline, calls)
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// One tokio task per call, on a runtime of its own; a `JoinSet` waits for all of them.
fn with_tasks(calls: &[Call], latency: Duration) -> Result<Run, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
    runtime.block_on(async {
        let client = async_client(latency)?;
        // Tasks must own what they use (`'static`), so the timeline is shared by `Arc`.
        let timeline = Arc::new(Timeline::new());
        let mut tasks = JoinSet::new();
        for call in calls.iter().cloned() {
            let (timeline, client) = (Arc::clone(&timeline), client.clone());
            tasks.spawn(async move {
                let span = timeline.span(&call.label);
                span.finish(fetch(&client, &call.url).await);
            });
        }
        while tasks.join_next().await.is_some() {}
        Ok(finish("one tokio task per call", &timeline, calls))
    })
}
// ANCHOR_END: tasks

/// Stops the run's clock and puts its spans in call order (concurrent calls start in
/// whatever order the scheduler picks; the rows should not shuffle between runs).
fn finish(title: &'static str, timeline: &Timeline, calls: &[Call]) -> Run {
    let total = timeline.now();
    let mut spans = timeline.spans();
    spans.sort_by_key(|span| calls.iter().position(|call| call.label == span.label));
    Run {
        title,
        spans,
        total,
    }
}
