//! Bench `memory`: what a unit of concurrency holds while it waits: a parked OS
//! thread, a parked tokio task, and (Go twin, `benches/go/memory`) a parked goroutine,
//! at 10 000 and 100 000 of them.
//!
//! ```text
//! cargo bench -p benches --bench memory              # each figure 3 times, the median
//! cargo bench -p benches --bench memory -- --quick   # each figure once: a few seconds
//! ```
//!
//! How each figure is taken: a fresh child process (this binary, re-run with
//! `--child KIND COUNT`) reads its resident memory (`VmRSS`), starts COUNT units that
//! each park at once, waits until all of them are parked, reads its peak resident
//! memory (`VmHWM`), then releases them and waits for all to finish. The figure is
//! (peak − baseline) ÷ COUNT: bytes per parked unit, as the OS sees them.
//!
//! - **OS thread**: `thread::spawn` with std's default stack size; the thread waits on
//!   a `Condvar` (blocked in the kernel, on a futex). Its stack is 2 MiB of *address
//!   space*, but only the pages it touched are resident: what you see is those pages,
//!   plus the thread's bookkeeping in user space. Threads are capped below what the OS
//!   allows (`pid_max`, `threads-max`, `ulimit -u`, `vm.max_map_count`), keeping half of
//!   the free thread ids for the rest of the machine; the table says when.
//! - **tokio task**: `tokio::spawn` of a task awaiting a shared `Notify`, on the
//!   multi-thread runtime. A parked task is its future's state machine plus tokio's task
//!   header, in one heap allocation: no stack at all.
//! - **goroutine**: `go` of a function blocked on receiving from a channel. It keeps its
//!   own stack, 2 KiB to start with, plus the runtime's `g` record.
//!
//! What the figures do *not* show: the kernel's own memory for a thread (its kernel
//! stack and task record, which `VmRSS` does not count: the table adds a note with the
//! kernel stacks when `/proc/meminfo` shows them), the memory a unit uses while it
//! *runs* (a deep call in a thread or a goroutine grows its stack; a task's state
//! machine is sized at compile time by its largest `.await` point), or the allocator
//! keeping freed memory for later. The ratio is the point, not the last byte: a parked
//! task costs a fraction of a goroutine, and a goroutine a fraction of a thread.
//!
//! Linux only (it reads `/proc`); elsewhere it says so and stops.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use benches::procfs::{self, kernel_stack_kib};
use benches::{Figure, Report, Unit};

const USAGE: &str = "usage: cargo bench -p benches --bench memory [-- [--quick] [--runs N]]";

/// How many units each figure parks.
const COUNTS: [usize; 2] = [10_000, 100_000];

/// The longest a child may take to park, measure and release its units.
const CHILD_DEADLINE: Duration = Duration::from_secs(60);

const TABLE: &str = "memory";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child") {
        match child(&args[1..]) {
            Ok(line) => println!("{line}"),
            Err(err) => {
                eprintln!("error: memory child: {err}");
                std::process::exit(1);
            }
        }
        return;
    }
    let runs = match parse_runs(&args) {
        Ok(runs) => runs,
        Err(err) => {
            eprintln!("error: {err}\n{USAGE}");
            std::process::exit(2);
        }
    };
    if !cfg!(target_os = "linux") {
        println!("memory: this bench reads /proc, which only Linux has; nothing measured.");
        return;
    }
    if let Err(err) = run(runs) {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

/// `--quick` (or `WORKSHOP_BENCH_QUICK=1`): one run per figure; otherwise 3 (or
/// `--runs N`), and the median.
fn parse_runs(args: &[String]) -> Result<usize, String> {
    let quick = std::env::var("WORKSHOP_BENCH_QUICK").is_ok_and(|value| value == "1");
    let mut runs = if quick { 1 } else { 3 };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--quick" => runs = 1,
            "--runs" => {
                runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a positive number")?;
            }
            // `cargo bench` passes `--bench` to every bench binary; `cargo workshop
            // bench` passes criterion's `--quiet` to all of them.
            "--bench" | "--quiet" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(runs)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Thread,
    Task,
}

impl Kind {
    fn arg(self) -> &'static str {
        match self {
            Kind::Thread => "thread",
            Kind::Task => "task",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Thread => "OS thread",
            Kind::Task => "tokio task",
        }
    }
}

/// What one child measured.
#[derive(Clone, Copy, Debug)]
struct Sample {
    parked: usize,
    growth_bytes: f64,
    /// Growth of the kernel stacks of the whole machine while the units were parked.
    kernel_stack_bytes: f64,
}

fn run(runs: usize) -> Result<(), String> {
    let (cap, why) = procfs::thread_cap();
    let report = Report::from_env();
    let title = format!(
        "memory: resident memory per parked unit (peak RSS over a baseline, a fresh process \
         per figure{})",
        if runs > 1 {
            format!(", median of {runs}")
        } else {
            String::new()
        }
    );
    report.table(TABLE, &title, false);
    let mut lines = Vec::new();
    let mut notes = Vec::new();
    // Kernel stack per thread, the largest seen (other programs add noise either way).
    let mut kernel_stack: f64 = 0.0;
    for kind in [Kind::Thread, Kind::Task] {
        for count in COUNTS {
            let target = if kind == Kind::Thread {
                count.min(cap)
            } else {
                count
            };
            let mut samples = Vec::new();
            for _ in 0..runs {
                samples.push(measure(kind, target)?);
            }
            samples.sort_by(|a, b| per_unit(a).total_cmp(&per_unit(b)));
            let sample = samples[samples.len() / 2];
            let name = format!("{}, {}", kind.name(), short_count(sample.parked));
            let twin = format!("goroutine, {}", short_count(count));
            if sample.parked < count {
                notes.push(format!("{name}: capped ({why})."));
            }
            if kind == Kind::Thread && sample.kernel_stack_bytes > 0.0 {
                kernel_stack = kernel_stack.max(sample.kernel_stack_bytes / sample.parked as f64);
            }
            let figures = [
                Figure::new("parked", sample.parked as f64, Unit::Count),
                Figure::new("RSS growth", sample.growth_bytes, Unit::Bytes),
                Figure::compared("per unit", per_unit(&sample), Unit::Bytes),
            ];
            report.row(TABLE, "Rust", &name, Some(&twin), &figures);
            lines.push((name, sample));
        }
    }
    if kernel_stack > 0.0 {
        notes.push(format!(
            "OS threads: also about {:.0} KiB of kernel stack each, not in RSS (KernelStack, /proc/meminfo).",
            kernel_stack / 1024.0
        ));
    }
    for note in &notes {
        report.note(TABLE, note);
    }
    if !report.active() {
        println!();
        println!("{title}");
        println!(
            "  {:<20} {:>9} {:>12} {:>10}",
            "name", "parked", "RSS growth", "per unit"
        );
        for (name, sample) in &lines {
            println!(
                "  {:<20} {:>9} {:>9.1} MiB {:>6.0} B",
                name,
                sample.parked,
                sample.growth_bytes / 1048576.0,
                per_unit(sample)
            );
        }
        for note in &notes {
            println!("  {note}");
        }
        println!("  (Go twin: cd benches/go && go run ./memory)");
    }
    Ok(())
}

fn per_unit(sample: &Sample) -> f64 {
    sample.growth_bytes / sample.parked.max(1) as f64
}

/// `10k`, `100k`, `16.3k`.
fn short_count(count: usize) -> String {
    if count >= 1000 && count.is_multiple_of(1000) {
        format!("{}k", count / 1000)
    } else if count >= 1000 {
        format!("{:.1}k", count as f64 / 1000.0)
    } else {
        count.to_string()
    }
}

/// Runs one child and reads its line: `parked N baseline_kib K peak_kib K kstack_kib K`.
fn measure(kind: Kind, count: usize) -> Result<Sample, String> {
    let exe = std::env::current_exe().map_err(|err| format!("cannot find this bench: {err}"))?;
    let mut child = Command::new(exe)
        .args(["--child", kind.arg(), &count.to_string()])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|err| format!("cannot start a child: {err}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = sender.send(line);
    });
    let line = receiver.recv_timeout(CHILD_DEADLINE + Duration::from_secs(5));
    let status = match line {
        Ok(_) => child.wait(),
        Err(_) => {
            let _ = child.kill();
            child.wait()
        }
    };
    let line = line.map_err(|_| format!("the {} child did not answer in time", kind.arg()))?;
    if !status.is_ok_and(|status| status.success()) {
        return Err(format!("the {} child failed (see above)", kind.arg()));
    }
    let fields: Vec<&str> = line.split_whitespace().collect();
    let number = |key: &str| -> Result<f64, String> {
        let at = fields.iter().position(|field| *field == key);
        at.and_then(|at| fields.get(at + 1)?.parse().ok())
            .ok_or_else(|| format!("the child printed {line:?}, without {key}"))
    };
    let parked = number("parked")? as usize;
    Ok(Sample {
        parked,
        growth_bytes: (number("peak_kib")? - number("baseline_kib")?).max(0.0) * 1024.0,
        kernel_stack_bytes: number("kstack_kib")?.max(0.0) * 1024.0,
    })
}

/// The child: parks `COUNT` units of `KIND`, measures, releases them.
fn child(args: &[String]) -> Result<String, String> {
    let [kind, count] = args else {
        return Err("expected --child thread|task COUNT".to_owned());
    };
    let count: usize = count
        .parse()
        .map_err(|_| format!("{count:?} is not a count"))?;
    match kind.as_str() {
        "thread" => park_threads(count),
        "task" => park_tasks(count),
        other => Err(format!("unknown kind {other:?}")),
    }
}

/// What every child prints once its units are parked.
fn measured(parked: usize, baseline_kib: u64, kstack_before: u64) -> Result<String, String> {
    let peak = proc_status_kib("VmHWM")?;
    let kstack = kernel_stack_kib().unwrap_or(kstack_before);
    Ok(format!(
        "parked {parked} baseline_kib {baseline_kib} peak_kib {peak} kstack_kib {}",
        kstack as i64 - kstack_before as i64
    ))
}

// ANCHOR: threads
fn park_threads(count: usize) -> Result<String, String> {
    let parked = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicUsize::new(0));
    // A flag and a condition variable: the threads sleep until `released` is true.
    let release = Arc::new((Mutex::new(false), Condvar::new()));
    let baseline = proc_status_kib("VmRSS")?;
    let kstack = kernel_stack_kib().unwrap_or(0);

    let mut started = 0;
    for _ in 0..count {
        let (parked, finished, release) = (parked.clone(), finished.clone(), release.clone());
        let spawned = thread::Builder::new().spawn(move || {
            parked.fetch_add(1, Ordering::SeqCst);
            let (lock, condvar) = &*release;
            let mut released = lock.lock().expect("no thread panics holding it");
            while !*released {
                released = condvar.wait(released).expect("no thread panics holding it");
            }
            drop(released);
            finished.fetch_add(1, Ordering::SeqCst);
        });
        // The `JoinHandle` is dropped: the thread runs on, detached, like a goroutine.
        match spawned {
            Ok(_detached) => started += 1,
            Err(err) if started > 0 => {
                eprintln!("note: the OS refused thread {}: {err}", started + 1);
                break;
            }
            Err(err) => return Err(format!("cannot start a thread: {err}")),
        }
    }
    wait_for(&parked, started, "threads to park")?;
    let line = measured(started, baseline, kstack)?;

    let (lock, condvar) = &*release;
    *lock.lock().expect("no thread panics holding it") = true;
    condvar.notify_all();
    wait_for(&finished, started, "threads to finish")?;
    Ok(line)
}
// ANCHOR_END: threads

// ANCHOR: tasks
fn park_tasks(count: usize) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .build()
        .map_err(|err| format!("cannot start a tokio runtime: {err}"))?;
    let parked = Arc::new(AtomicUsize::new(0));
    let finished = Arc::new(AtomicUsize::new(0));
    let release = Arc::new(tokio::sync::Notify::new());
    // The runtime's worker threads are part of the baseline: started once per program.
    let baseline = proc_status_kib("VmRSS")?;
    let kstack = kernel_stack_kib().unwrap_or(0);

    for _ in 0..count {
        let (parked, finished, release) = (parked.clone(), finished.clone(), release.clone());
        // The `JoinHandle` is dropped: the task runs on, detached, like a goroutine.
        runtime.spawn(async move {
            let notified = release.notified();
            let mut notified = std::pin::pin!(notified);
            // Registered as a waiter before counting as parked, so the one
            // `notify_waiters` below cannot miss it.
            notified.as_mut().enable();
            parked.fetch_add(1, Ordering::SeqCst);
            notified.await;
            finished.fetch_add(1, Ordering::SeqCst);
        });
    }
    wait_for(&parked, count, "tasks to park")?;
    let line = measured(count, baseline, kstack)?;

    release.notify_waiters();
    wait_for(&finished, count, "tasks to finish")?;
    Ok(line)
}
// ANCHOR_END: tasks

/// Sleeps until `counter` reaches `target`, at most [`CHILD_DEADLINE`].
fn wait_for(counter: &AtomicUsize, target: usize, what: &str) -> Result<(), String> {
    let started = Instant::now();
    while counter.load(Ordering::SeqCst) < target {
        if started.elapsed() > CHILD_DEADLINE {
            return Err(format!(
                "waited {CHILD_DEADLINE:?} for {what}: {} of {target}",
                counter.load(Ordering::SeqCst)
            ));
        }
        thread::sleep(Duration::from_millis(2));
    }
    Ok(())
}

/// A `kB` field of this process's `/proc/self/status`.
fn proc_status_kib(key: &str) -> Result<u64, String> {
    procfs::status_kib(None, key).ok_or_else(|| format!("cannot read {key} in /proc/self/status"))
}
