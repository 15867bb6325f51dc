//! Demo `timeout`: one deadline for a whole batch of calls, one of which never answers.
//!
//! The batch: N - 2 normal calls (latency L), one slow call (4 × L) and one that hangs
//! (`Fault::Hang`), all started at once as tokio tasks, all under one deadline of 2 × L.
//! The normal calls finish (`ok`); at the deadline the other two are *dropped*
//! (`timeout`), and the batch returns on time whatever the upstreams do.
//!
//! Then the proof: the fake upstream counts requests whose client went away before the
//! answer was complete. Dropping a reqwest future closes its connection, the upstream
//! sees the socket close, and its `abandoned` counter goes up by two. The idea to take
//! away: in async Rust, cancelling is dropping, and a dropped request really stops,
//! down to the socket.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use timeline::{Lane, RenderOptions, Timeline};
use tokio::task::JoinSet;
use tokio::time::{Instant, timeout_at};
use upstream::{Fault, Knobs, Stats, Upstream};

use crate::calls::{Call, async_client, calls, fetch};
use crate::{DemoArgs, Style, ms, off_runtime, write_error};

/// How long to wait for the upstream to notice the dropped requests. It notices within
/// a millisecond or so; this bound only keeps a broken demo from hanging.
const NOTICE_TIMEOUT: Duration = Duration::from_secs(3);

/// What happened, for the summary under the timeline.
struct Outcome {
    deadline: Duration,
    spans: Vec<timeline::Span>,
    total: Duration,
    /// Whether the upstream saw the expected number of abandoned requests in time.
    noticed: bool,
    /// How long after the batch returned the upstream had counted them.
    noticed_after: Duration,
    stats: Stats,
}

pub(crate) fn run(args: &DemoArgs, out: &mut dyn Write, style: Style) -> Result<(), String> {
    let upstream = Upstream::start().map_err(|e| format!("cannot start the fake upstream: {e}"))?;
    let latency = args.latency;
    // At least one normal call besides the slow and the hung one.
    let count = args.calls.max(3);
    let (slow, hung) = (count - 2, count - 1);
    let mut batch = calls(&upstream, count, |i| match i {
        i if i == slow => Knobs::latency(latency * 4),
        i if i == hung => Knobs::fault(Fault::Hang),
        _ => Knobs::latency(latency),
    });
    batch[slow].label.push_str(" (slow)");
    batch[hung].label.push_str(" (hangs)");
    let deadline = latency * 2;

    writeln!(
        out,
        "{}\n",
        style.bold(&format!(
            "timeout: {count} calls under one deadline of {} ms ({} of {} ms, one of {} ms, one that never answers)",
            ms(deadline),
            count - 2,
            ms(latency),
            ms(latency * 4),
        ))
    )
    .map_err(write_error)?;

    let outcome = off_runtime(|| run_batch(&upstream, &batch, deadline, latency))??;

    let title = format!("one deadline, {} ms", ms(outcome.deadline));
    let lanes = [Lane {
        title: &title,
        spans: &outcome.spans,
        total: outcome.total,
    }];
    let options = RenderOptions {
        width: 48,
        color: style.color,
        ascii: false,
    };
    write!(out, "{}", timeline::render(&lanes, &options)).map_err(write_error)?;

    let ok = count_notes(&outcome.spans, "ok");
    let timed_out = count_notes(&outcome.spans, "timeout");
    writeln!(
        out,
        "\nthe batch returned after {} ms: {ok} ok, {timed_out} timed out (dropped at the deadline).",
        ms(outcome.total)
    )
    .map_err(write_error)?;
    let proof = if outcome.noticed {
        format!(
            "the fake upstream saw {} abandoned requests within {:.1} ms: the cancellation reached the socket.",
            outcome.stats.abandoned,
            outcome.noticed_after.as_secs_f64() * 1e3
        )
    } else {
        format!(
            "the fake upstream counted only {} abandoned requests after {} s (expected {timed_out}).",
            outcome.stats.abandoned,
            NOTICE_TIMEOUT.as_secs()
        )
    };
    writeln!(out, "{proof}").map_err(write_error)?;
    writeln!(
        out,
        "{}",
        style.dim(&format!("upstream: {}", outcome.stats))
    )
    .map_err(write_error)?;
    Ok(())
}

// ANCHOR: batch
/// Starts every call as a task under one shared deadline; returns once each one has
/// finished or been dropped at the deadline.
fn run_batch(
    upstream: &Upstream,
    batch: &[Call],
    deadline: Duration,
    latency: Duration,
) -> Result<Outcome, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
    runtime.block_on(async {
        let client = async_client(latency)?;
        let timeline = Arc::new(Timeline::new());
        // One instant for the whole batch, not one duration per call: a call started
        // late gets less time, and the batch as a whole is never late.
        let deadline_at = Instant::now() + deadline;
        let mut tasks = JoinSet::new();
        for call in batch.iter().cloned() {
            let (timeline, client) = (Arc::clone(&timeline), client.clone());
            tasks.spawn(async move {
                let span = timeline.span(&call.label);
                // When the deadline passes first, `timeout_at` drops the fetch future:
                // that drop is the cancellation, and it closes the connection.
                let note = timeout_at(deadline_at, fetch(&client, &call.url))
                    .await
                    .unwrap_or("timeout");
                span.finish(note);
            });
        }
        while tasks.join_next().await.is_some() {}
        let total = timeline.now();

        // Wait (bounded) for the upstream to count the two dropped requests, while this
        // runtime, and the client's connections, are still alive: the count must come
        // from the drop, not from tearing the runtime down.
        let expected = 2;
        let noticed = upstream.wait_for_abandoned(expected, NOTICE_TIMEOUT).await;
        let noticed_after = timeline.now().saturating_sub(total);

        let mut spans = timeline.spans();
        spans.sort_by_key(|span| batch.iter().position(|call| call.label == span.label));
        Ok(Outcome {
            deadline,
            spans,
            total,
            noticed,
            noticed_after,
            stats: upstream.stats(),
        })
    })
}
// ANCHOR_END: batch

fn count_notes(spans: &[timeline::Span], note: &str) -> usize {
    spans
        .iter()
        .filter(|span| span.note.as_deref() == Some(note))
        .count()
}
