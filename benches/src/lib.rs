//! Shared helpers for the instructor's benches: one way to drive criterion, and the
//! small table every bench prints at the end.
//!
//! Criterion measures; its own output (confidence intervals, change since last run) is
//! printed as usual. But a room reads a table better than a wall of estimates, so each
//! bench also records the samples criterion took and prints, once everything has run:
//!
//! ```text
//! fanout: 8 calls of 20 ms each to one fake upstream
//!   name             mean    median   vs sequential
//!   sequential     176 ms    176 ms   1.00x
//!   threads       23.5 ms   23.7 ms   7.5x faster
//!   async tasks   21.7 ms   21.7 ms   8.1x faster
//! ```
//!
//! The Go twins in `benches/go/` print the same shape. The one idea to take away: read
//! the *ratios*; the absolute figures belong to the laptop they were measured on.
//!
//! Under `cargo workshop bench NAME` the tables are not printed here: each row goes to
//! the runner as a JSON record ([`report`]), and the runner prints one table per bench
//! with the Rust rows and the Go twin's rows together, and a "vs Go" column for the rows
//! that name a Go twin ([`Group::vs_go`]).
//!
//! Two quick modes. `WORKSHOP_BENCH_QUICK=1` (what `cargo workshop bench NAME --quick`
//! sets) gives a short normal run: 10 samples per benchmark in under a second, so the
//! median means something on a busy laptop. `cargo bench -p benches --bench NAME --
//! --quick` is criterion's own quick mode: it measures 1, 2, 4, ... iterations until
//! two runs agree within 5% (at most a second per benchmark here).

use std::cell::RefCell;
use std::rc::Rc;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};

pub mod procfs;
pub mod report;
mod table;

pub use report::{Figure, Report, Unit};
pub use table::{Row, format_duration, render_table};

/// The longest a quick-mode bench may keep doubling its iterations (criterion's
/// `measurement_time` is its cap in quick mode).
const QUICK_CAP: Duration = Duration::from_secs(1);

/// Quick by environment: a short warm-up, then 10 samples in about this long.
const QUICK_WARM_UP: Duration = Duration::from_millis(200);
const QUICK_MEASUREMENT: Duration = Duration::from_millis(600);

/// How the process was started: measuring or not, quick or not.
#[derive(Clone, Copy, Debug)]
struct Mode {
    /// `cargo bench` (and not `--test`, `--list`, `--profile-time`): criterion measures.
    measuring: bool,
    /// Criterion was given `--quick` and uses its quick sampling.
    criterion_quick: bool,
    /// Quick, by flag or by `WORKSHOP_BENCH_QUICK=1`.
    quick: bool,
    /// Samples per benchmark in normal mode: criterion's 100, or `--sample-size N`.
    sample_size: usize,
}

impl Mode {
    fn from_env() -> Mode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let has = |flag: &str| args.iter().any(|arg| arg == flag);
        let measuring =
            has("--bench") && !has("--test") && !has("--list") && !has("--profile-time");
        let criterion_quick = has("--quick");
        let from_env = std::env::var("WORKSHOP_BENCH_QUICK").is_ok_and(|value| value == "1");
        let sample_size = args
            .iter()
            .position(|arg| arg == "--sample-size")
            .and_then(|at| args.get(at + 1)?.parse().ok())
            .unwrap_or(100);
        Mode {
            measuring,
            criterion_quick,
            quick: criterion_quick || from_env,
            sample_size,
        }
    }
}

/// One bench binary: a configured [`Criterion`] and the rows of its summary tables.
pub struct Bench {
    criterion: Criterion,
    mode: Mode,
    tables: Vec<Table>,
}

/// One criterion group, one table.
struct Table {
    /// The group's name: the table's id in the records, the same in the Go twin.
    id: String,
    title: String,
    rows: Rc<RefCell<Vec<Recorded>>>,
    notes: Rc<RefCell<Vec<String>>>,
}

/// The samples one benchmark took, as criterion measured them.
struct Recorded {
    name: String,
    /// The Go twin's row this one is compared with.
    twin: Option<String>,
    items: Option<(u64, &'static str)>,
    /// How many of the last samples are criterion's measurement (see [`Recorded::row`]).
    measured: usize,
    /// `(iterations, time for all of them)`, one per call criterion made.
    samples: Vec<(u64, Duration)>,
}

impl Bench {
    /// Criterion configured from the command line (`--quick`, filters, ...).
    pub fn from_args() -> Bench {
        let mode = Mode::from_env();
        let mut criterion = Criterion::default().configure_from_args();
        if mode.quick && !mode.criterion_quick {
            // Quick by environment only: criterion's quick sampling is not reachable
            // from code, so shorten its normal sampling instead.
            criterion = criterion
                .warm_up_time(QUICK_WARM_UP)
                .measurement_time(QUICK_MEASUREMENT)
                .sample_size(10);
        }
        Bench {
            criterion,
            mode,
            tables: Vec::new(),
        }
    }

    /// A criterion group, which becomes one table titled `title`.
    pub fn group(&mut self, name: &str, title: &str) -> Group<'_> {
        let rows = Rc::new(RefCell::new(Vec::new()));
        let notes = Rc::new(RefCell::new(Vec::new()));
        self.tables.push(Table {
            id: name.to_owned(),
            title: title.to_owned(),
            rows: Rc::clone(&rows),
            notes: Rc::clone(&notes),
        });
        let mode = self.mode;
        let mut inner = self.criterion.benchmark_group(name);
        if mode.criterion_quick {
            inner.measurement_time(QUICK_CAP);
        }
        let sample_size = if mode.quick && !mode.criterion_quick {
            10
        } else {
            mode.sample_size
        };
        Group {
            inner,
            rows,
            notes,
            mode,
            sample_size,
            items: None,
            twin: None,
        }
    }

    /// Criterion's closing summary, then one table per group (only when measuring:
    /// `cargo test --benches` runs each routine once and prints no table); under the
    /// runner, the rows go to it instead.
    pub fn finish(self) {
        self.criterion.final_summary();
        if !self.mode.measuring {
            return;
        }
        let report = Report::from_env();
        if report.active() {
            for table in &self.tables {
                report.table(&table.id, &table.title, true);
                for recorded in table.rows.borrow().iter() {
                    if let Some(row) = recorded.row() {
                        let figures = report::timing_figures(row.mean, row.median, row.items);
                        let twin = recorded.twin.as_deref();
                        report.row(&table.id, "Rust", &row.name, twin, &figures);
                    }
                }
                for note in table.notes.borrow().iter() {
                    report.note(&table.id, note);
                }
            }
            return;
        }
        println!();
        for table in &self.tables {
            let rows: Vec<Row> = table
                .rows
                .borrow()
                .iter()
                .filter_map(Recorded::row)
                .collect();
            if !rows.is_empty() {
                print!("{}", render_table(&table.title, &rows));
                for note in table.notes.borrow().iter() {
                    println!("  {note}");
                }
                println!();
            }
        }
        if self.mode.quick {
            println!("(quick mode: a few samples each; without --quick criterion measures longer)");
        }
    }
}

/// A criterion group that also records what it measures.
pub struct Group<'a> {
    inner: BenchmarkGroup<'a, WallTime>,
    rows: Rc<RefCell<Vec<Recorded>>>,
    notes: Rc<RefCell<Vec<String>>>,
    mode: Mode,
    sample_size: usize,
    items: Option<(u64, &'static str)>,
    twin: Option<String>,
}

impl Group<'_> {
    /// A line printed under the table.
    pub fn note(&mut self, text: &str) -> &mut Self {
        self.notes.borrow_mut().push(text.to_owned());
        self
    }

    /// The next [`run`](Group::run) is compared with the Go twin's row named `go_row`
    /// (a "vs Go" column in the runner's table).
    pub fn vs_go(&mut self, go_row: &str) -> &mut Self {
        self.twin = Some(go_row.to_owned());
        self
    }

    /// For routines of milliseconds: fewer samples of equal size, so a full run takes
    /// seconds instead of minutes (quick mode keeps its short warm-up).
    pub fn slow(&mut self) -> &mut Self {
        self.sample_size = 10;
        let warm_up = if self.mode.quick {
            QUICK_WARM_UP
        } else {
            Duration::from_secs(1)
        };
        self.inner
            .sampling_mode(SamplingMode::Flat)
            .sample_size(10)
            .warm_up_time(warm_up);
        self
    }

    /// Each iteration handles `count` items (spawns, messages, ...): criterion reports
    /// a throughput, and the table gets a "per item" column.
    pub fn items(&mut self, count: u64, unit: &'static str) -> &mut Self {
        self.items = Some((count, unit));
        self.inner.throughput(Throughput::Elements(count));
        self
    }

    /// Benchmarks `routine`, which runs the work `iters` times and returns how long
    /// that took (criterion's `iter_custom`: setup stays out of the timing).
    pub fn run(&mut self, name: &str, mut routine: impl FnMut(u64) -> Duration) -> &mut Self {
        let index = {
            let mut rows = self.rows.borrow_mut();
            rows.push(Recorded {
                name: name.to_owned(),
                twin: self.twin.take(),
                items: self.items,
                // Criterion's quick mode ends on two runs (n and 2n iterations) and
                // estimates from those; its normal mode warms up, then takes
                // `sample_size` samples. Those are the samples the table summarises.
                measured: if self.mode.criterion_quick {
                    2
                } else {
                    self.sample_size
                },
                samples: Vec::new(),
            });
            rows.len() - 1
        };
        let rows = Rc::clone(&self.rows);
        self.inner.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let elapsed = routine(iters);
                rows.borrow_mut()[index].samples.push((iters, elapsed));
                elapsed
            })
        });
        self
    }

    /// Ends the group (criterion prints its group summary).
    pub fn finish(self) {
        self.inner.finish();
    }
}

impl Recorded {
    /// Mean and median time per iteration over criterion's measured samples; `None` if
    /// the benchmark did not run (filtered out).
    fn row(&self) -> Option<Row> {
        let from = self.samples.len().saturating_sub(self.measured);
        let measured = &self.samples[from..];
        let iterations: u64 = measured.iter().map(|(iters, _)| iters).sum();
        if iterations == 0 {
            return None;
        }
        let total: Duration = measured.iter().map(|(_, elapsed)| *elapsed).sum();
        let mut per_iteration: Vec<f64> = measured
            .iter()
            .map(|(iters, elapsed)| elapsed.as_secs_f64() / (*iters).max(1) as f64)
            .collect();
        per_iteration.sort_by(f64::total_cmp);
        let middle = per_iteration.len() / 2;
        let median = if per_iteration.len().is_multiple_of(2) {
            (per_iteration[middle - 1] + per_iteration[middle]) / 2.0
        } else {
            per_iteration[middle]
        };
        Some(Row {
            name: self.name.clone(),
            mean: total.as_secs_f64() / iterations as f64,
            median,
            items: self.items,
        })
    }
}

/// Runs `work` `iters` times and returns how long that took: the body of most
/// `iter_custom` routines.
pub fn timed(iters: u64, mut work: impl FnMut()) -> Duration {
    let started = Instant::now();
    for _ in 0..iters {
        work();
    }
    started.elapsed()
}

/// Runs `round` `iters` times in a task spawned on `runtime`, and returns how long that
/// took, timed inside the task: the body of the async benches' `iter_custom` routines.
///
/// Why not `runtime.block_on(async { .. })` (what criterion's `to_async` does): the
/// thread calling `block_on` is not one of the runtime's workers, so everything it
/// spawns goes through the runtime's shared injection queue and every wake-up crosses
/// threads. Real async code spawns from tasks (a connection task spawns its calls), and
/// that is what is measured here.
pub fn timed_in<F, Fut>(runtime: &tokio::runtime::Runtime, iters: u64, mut round: F) -> Duration
where
    F: FnMut() -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    let timing = runtime.spawn(async move {
        let started = Instant::now();
        for _ in 0..iters {
            round().await;
        }
        started.elapsed()
    });
    runtime
        .block_on(timing)
        .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
}
