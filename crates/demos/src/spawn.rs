//! Demo `spawn`: what it costs to start a thread, a tokio task and a rayon job.
//!
//! Each kind is started in a batch and the whole batch is waited for; the best of a few
//! batches, divided by the batch size, is the cost of one spawn. A thread is a kernel
//! object with its own stack; a task is one heap allocation the runtime polls; a rayon
//! job is pushed onto a queue of a thread pool that is already running. The idea to take
//! away: a thread per request is fine for tens or hundreds, a task per request is fine
//! for hundreds of thousands. (A quick live figure; `cargo workshop bench spawn` measures
//! it properly.)

use std::hint::black_box;
use std::io::Write;
use std::thread;
use std::time::{Duration, Instant};

use crate::{DemoArgs, Style, off_runtime, write_error};

/// How many batches of each kind; the fastest one counts (the others paid for warm-up
/// or for a neighbour on the machine).
const BATCHES: usize = 3;

/// The budget for the "how many in ..." column.
const BUDGET: Duration = Duration::from_millis(10);

/// One row of the table.
struct Cost {
    kind: &'static str,
    batch: usize,
    per_spawn: Duration,
}

pub(crate) fn run(_args: &DemoArgs, out: &mut dyn Write, style: Style) -> Result<(), String> {
    writeln!(
        out,
        "{}\n",
        style.bold(&format!(
            "spawn cost: start a batch, wait for all of it (best of {BATCHES} batches)"
        ))
    )
    .map_err(write_error)?;

    let costs = off_runtime(|| -> Result<Vec<Cost>, String> {
        Ok(vec![
            best_of("OS thread", 1_000, threads),
            best_of("tokio task", 20_000, tasks()?),
            best_of("rayon job", 20_000, rayon_jobs),
        ])
    })??;

    writeln!(
        out,
        "{}",
        style.bold(&format!(
            "  {:<12} {:>7} {:>11} {:>11}   {}",
            "kind",
            "batch",
            "per spawn",
            format!("in {} ms", BUDGET.as_millis()),
            "vs a thread"
        ))
    )
    .map_err(write_error)?;
    let thread_cost = costs[0].per_spawn.as_secs_f64();
    for cost in &costs {
        let per = cost.per_spawn.as_secs_f64().max(1e-12);
        let ratio = thread_cost / per;
        let versus = if cost.kind == costs[0].kind {
            "1x".to_owned()
        } else if ratio >= 1.0 {
            format!("{ratio:.0}x cheaper")
        } else {
            format!("{:.1}x dearer", 1.0 / ratio)
        };
        writeln!(
            out,
            "  {:<12} {:>7} {:>8.2} µs {:>11}   {versus}",
            cost.kind,
            cost.batch,
            per * 1e6,
            (BUDGET.as_secs_f64() / per).round() as u64,
        )
        .map_err(write_error)?;
    }
    writeln!(
        out,
        "\nA thread is a kernel object with its own stack (Rust reserves 2 MiB); a task is one\n\
         small heap allocation holding its future; a rayon job goes onto the queue of a pool\n\
         whose threads already exist. Rough live figures: the bench measures them properly:\n\
         \x20 cargo workshop bench spawn --quick"
    )
    .map_err(write_error)?;
    if cfg!(debug_assertions) {
        writeln!(
            out,
            "{}",
            style.dim("(this is a debug build: every figure is slower than in release mode)")
        )
        .map_err(write_error)?;
    }
    Ok(())
}

/// Runs `batch_of(batch)` [`BATCHES`] times; the fastest batch gives the per-spawn cost.
fn best_of(kind: &'static str, batch: usize, mut batch_of: impl FnMut(usize)) -> Cost {
    let best = (0..BATCHES)
        .map(|_| {
            let started = Instant::now();
            batch_of(batch);
            started.elapsed()
        })
        .min()
        .unwrap_or_default();
    Cost {
        kind,
        batch,
        per_spawn: best / batch as u32,
    }
}

// ANCHOR: threads
/// Start `n` threads, then join them all.
fn threads(n: usize) {
    let handles: Vec<_> = (0..n)
        .map(|i| thread::spawn(move || black_box(i)))
        .collect();
    for handle in handles {
        // A thread that only returns its argument cannot panic; nothing to report.
        let _ = handle.join();
    }
}
// ANCHOR_END: threads

// ANCHOR: tasks
/// Start `n` tokio tasks, then await them all. The runtime is built once, outside the
/// timed part: starting a runtime is a one-off, like starting a program.
fn tasks() -> Result<impl FnMut(usize), String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
    Ok(move |n: usize| {
        runtime.block_on(async {
            let handles: Vec<_> = (0..n)
                .map(|i| tokio::spawn(async move { black_box(i) }))
                .collect();
            for handle in handles {
                let _ = handle.await;
            }
        })
    })
}
// ANCHOR_END: tasks

// ANCHOR: rayon
/// Start `n` rayon jobs in a scope, which returns once they have all run.
fn rayon_jobs(n: usize) {
    rayon::scope(|scope| {
        for i in 0..n {
            scope.spawn(move |_| {
                black_box(i);
            });
        }
    });
}
// ANCHOR_END: rayon
