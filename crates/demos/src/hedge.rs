//! Demo `hedge`: three replicas of one search backend, one of them slow, asked four
//! ways, on one time axis.
//!
//! 1. **one replica**: ask the slow one and wait. The tail latency is yours.
//! 2. **all at once** (Rob Pike's "Google Search 3.0"): the first answer wins, the
//!    others are cancelled. Fast, but every search costs three requests.
//! 3. **hedged, slow replica first**: ask one; no answer within the hedge delay (2 × the
//!    latency), ask the next; the first answer wins and the loser is cancelled.
//! 4. **hedged, healthy replica first**: it answers before the hedge delay, so nobody
//!    else is asked. This is the common case, and it costs one request.
//!
//! A cancelled request shows as `cancelled`; the fake upstreams count each one as
//! abandoned, the proof that cancelling closed the connection. The idea to take away:
//! hedging buys most of "all at once"'s speed on a slow replica for a fraction of its
//! requests.

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use timeline::{Lane, RenderOptions, Span, Timeline};
use tokio::task::JoinSet;
use tokio::time::sleep;
use upstream::{Knobs, Upstream};

use crate::calls::{async_client, fetch};
use crate::{DemoArgs, Style, ms, off_runtime, write_error};

/// The slow replica takes this many times the latency.
pub const SLOW: u32 = 6;

/// How long the fake upstreams get to notice the cancelled requests (they take about
/// a millisecond; this only keeps a broken demo from hanging).
const NOTICE_TIMEOUT: Duration = Duration::from_secs(3);

/// One replica: its name on the timeline and its URL.
#[derive(Clone)]
struct Replica {
    label: String,
    url: String,
}

/// One finished run.
pub struct Run {
    /// The strategy, as the lane's title: `one replica`, `all at once`, ...
    pub title: String,
    /// One span per request sent, in replica order (a, b, c).
    pub spans: Vec<Span>,
    /// When the first good answer came (or every replica had failed).
    pub total: Duration,
}

/// Everything the summary needs.
pub struct Outcome {
    /// The four runs, in the order of the module doc.
    pub runs: Vec<Run>,
    /// Requests each run sent, in run order.
    pub sent: Vec<usize>,
    /// Requests the upstreams counted as abandoned, and whether that was all of them.
    pub abandoned: u64,
    pub noticed: bool,
}

pub(crate) fn run(args: &DemoArgs, out: &mut dyn Write, style: Style) -> Result<(), String> {
    let latency = args.latency;
    let hedge_delay = latency * 2;
    let start = |_| Upstream::start().map_err(|e| format!("cannot start a fake upstream: {e}"));
    let upstreams: Vec<Upstream> = (0..3).map(start).collect::<Result<_, _>>()?;

    writeln!(
        out,
        "{}\n",
        style.bold(&format!(
            "hedge: 3 replicas of one search backend, one of them slow; hedge delay {} ms",
            ms(hedge_delay)
        ))
    )
    .map_err(write_error)?;

    let outcome = off_runtime(|| run_all(&upstreams, latency, hedge_delay))??;

    let lanes: Vec<Lane<'_>> = outcome
        .runs
        .iter()
        .map(|run| Lane {
            title: &run.title,
            spans: &run.spans,
            total: run.total,
        })
        .collect();
    let options = RenderOptions {
        width: 40,
        color: style.color,
        ascii: false,
    };
    write!(out, "{}", timeline::render(&lanes, &options)).map_err(write_error)?;

    let summary: Vec<String> = outcome
        .runs
        .iter()
        .zip(&outcome.sent)
        .map(|(run, sent)| {
            let plural = if *sent == 1 { "" } else { "s" };
            format!(
                "{}: {} ms, {sent} request{plural}",
                run.title,
                ms(run.total)
            )
        })
        .collect();
    writeln!(out).map_err(write_error)?;
    for line in summary {
        writeln!(out, "{line}").map_err(write_error)?;
    }
    let proof = if outcome.noticed {
        format!(
            "the fake upstreams saw {} requests abandoned: each cancel closed a connection.",
            outcome.abandoned
        )
    } else {
        format!(
            "the fake upstreams saw only {} requests abandoned after {} s.",
            outcome.abandoned,
            NOTICE_TIMEOUT.as_secs()
        )
    };
    writeln!(out, "{proof}").map_err(write_error)?;
    Ok(())
}

/// The four runs on a runtime of their own, against three fresh fake upstreams (one
/// per replica: a is `SLOW` times `latency`, b is `latency`, c is 1.5 times it).
/// Public for the book's pictures (`examples/book_pictures.rs`), which draw these same
/// runs as SVG.
pub fn run_all(
    upstreams: &[Upstream],
    latency: Duration,
    hedge_delay: Duration,
) -> Result<Outcome, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
    // Each replica on its own fake upstream, as Pike's replicas are separate servers.
    // Replica c is a little slower than b, so that "all at once" has one clear winner.
    let replica = |i: usize, name: &str, wait: Duration| Replica {
        label: format!("replica {name} {:>4} ms", wait.as_millis()),
        url: upstreams[i].replica_search_url(name, "golang", &Knobs::latency(wait)),
    };
    let a = replica(0, "a", latency * SLOW);
    let b = replica(1, "b", latency);
    let c = replica(2, "c", latency * 3 / 2);
    let slow_first = [a.clone(), b.clone(), c.clone()];
    let healthy_first = [b, c, a];
    runtime.block_on(async {
        let client = async_client(latency * SLOW)?;
        let mut runs = Vec::new();
        let mut sent = Vec::new();
        let mut expected_abandoned = 0;
        for (title, replicas, strategy) in [
            ("one replica".to_owned(), &slow_first[..1], Strategy::One),
            (
                "all at once".to_owned(),
                &slow_first[..],
                Strategy::AllAtOnce,
            ),
            (
                format!("hedged, slow first ({} ms)", ms(hedge_delay)),
                &slow_first[..],
                Strategy::Hedged(hedge_delay),
            ),
            (
                format!("hedged, healthy first ({} ms)", ms(hedge_delay)),
                &healthy_first[..],
                Strategy::Hedged(hedge_delay),
            ),
        ] {
            let timeline = Arc::new(Timeline::new());
            let total = strategy.run(&client, replicas, &timeline).await;
            // Rows in replica order (a, b, c), whoever started first.
            let mut spans = timeline.spans();
            spans.sort_by(|x, y| x.label.cmp(&y.label));
            sent.push(spans.len());
            expected_abandoned += spans
                .iter()
                .filter(|span| span.note.as_deref() == Some("cancelled"))
                .count() as u64;
            runs.push(Run {
                title,
                spans,
                total,
            });
        }
        let noticed = wait_for_abandoned(upstreams, expected_abandoned).await;
        let abandoned = upstreams.iter().map(Upstream::abandoned).sum();
        Ok(Outcome {
            runs,
            sent,
            abandoned,
            noticed,
        })
    })
}

/// Waits (bounded) until the upstreams together count `expected` abandoned requests.
async fn wait_for_abandoned(upstreams: &[Upstream], expected: u64) -> bool {
    let deadline = tokio::time::Instant::now() + NOTICE_TIMEOUT;
    loop {
        let abandoned: u64 = upstreams.iter().map(Upstream::abandoned).sum();
        if abandoned >= expected {
            return true;
        }
        if tokio::time::Instant::now() >= deadline {
            return false;
        }
        sleep(Duration::from_millis(5)).await;
    }
}

#[derive(Clone, Copy)]
enum Strategy {
    One,
    AllAtOnce,
    Hedged(Duration),
}

impl Strategy {
    /// Runs until the first good answer (or every replica failed), and returns when
    /// that was; then cancels every request still running and waits until they are
    /// gone, so that their spans are recorded.
    async fn run(
        self,
        client: &reqwest::Client,
        replicas: &[Replica],
        timeline: &Arc<Timeline>,
    ) -> Duration {
        let mut tasks = JoinSet::new();
        let answered = self
            .first_answer(client, replicas, timeline, &mut tasks)
            .await;
        // Cancelling is dropping: `abort_all` drops each task's future (and with it
        // its request and its connection); `join_next` waits until each is gone.
        tasks.abort_all();
        while tasks.join_next().await.is_some() {}
        answered
    }

    async fn first_answer(
        self,
        client: &reqwest::Client,
        replicas: &[Replica],
        timeline: &Arc<Timeline>,
        tasks: &mut JoinSet<bool>,
    ) -> Duration {
        let ask = |tasks: &mut JoinSet<bool>, replica: &Replica| {
            let (client, timeline, replica) =
                (client.clone(), Arc::clone(timeline), replica.clone());
            tasks.spawn(async move {
                // Recorded when dropped: `cancelled` unless the answer came.
                let mut span = timeline.span(&replica.label);
                span.note("cancelled");
                let note = fetch(&client, &replica.url).await;
                span.finish(note);
                note == "ok"
            });
        };
        let mut next = 0;
        loop {
            let more = match self {
                Strategy::One | Strategy::Hedged(_) => next < replicas.len(),
                Strategy::AllAtOnce => {
                    while next < replicas.len() {
                        ask(tasks, &replicas[next]);
                        next += 1;
                    }
                    false
                }
            };
            if more && (tasks.is_empty() || matches!(self, Strategy::Hedged(_))) {
                ask(tasks, &replicas[next]);
                next += 1;
            }
            let delay = match self {
                Strategy::Hedged(delay) if next < replicas.len() => delay,
                _ => Duration::MAX,
            };
            tokio::select! {
                Some(joined) = tasks.join_next() => {
                    let done = joined.unwrap_or(false)
                        || (tasks.is_empty() && next == replicas.len());
                    if done {
                        return timeline.now();
                    }
                }
                () = sleep(delay) => {}
            }
        }
    }
}
