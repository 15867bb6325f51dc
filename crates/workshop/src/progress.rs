//! Where the attendee is: the status of every exercise, computed from the tests.
//!
//! The tests are the truth. This module runs the steps whose sources changed since the
//! last run (the others' results come from [`crate::cache`]), turns test results into a
//! status per exercise, and prints the progress bar, the list and what to do next.
//!
//! Statuses: **done** (every test of the exercise passes), **failing** (the file was
//! edited, tests still fail), **not started** (the file is as shipped), **doesn't
//! compile** (the step's crate has errors), **timed out** (a test hung), and, in
//! `list` only, **unchecked** (edited since the last run).

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::time::Duration;

use crate::cache::{Cache, StepRecord, step_fingerprint};
use crate::cargo::{self, Build, TestRun};
use crate::error::{Error, Exit};
use crate::exercises::{Exercise, Workshop};
use crate::reset;
use crate::term::{self, Style};

/// How long one step's tests may run for an attendee. The workshop's tests take seconds;
/// a run that takes this long has a deadlock or a missing timeout in it.
/// `WORKSHOP_TEST_DEADLINE_SECS` changes it (a very slow laptop; the runner's own tests).
pub fn test_deadline() -> Duration {
    std::env::var("WORKSHOP_TEST_DEADLINE_SECS")
        .ok()
        .and_then(|secs| secs.parse().ok())
        .map_or(Duration::from_secs(120), Duration::from_secs)
}

/// The status of one exercise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done {
        tests: u32,
    },
    Failing {
        failed: u32,
        total: u32,
    },
    NotStarted,
    DoesNotCompile,
    TimedOut,
    /// The exercise has no tests: a bug in the workshop, reported by `verify`.
    NoTests,
    /// Edited since the last run (only `list` shows this; it runs nothing).
    Unchecked,
}

impl Status {
    pub fn is_done(self) -> bool {
        matches!(self, Status::Done { .. })
    }

    /// The word in the list, painted.
    fn label(self, style: &Style) -> String {
        match self {
            Status::Done { .. } => style.good("done"),
            Status::Failing { .. } => style.bad("failing"),
            Status::NotStarted => style.dim("not started"),
            Status::DoesNotCompile => style.bad("doesn't compile"),
            Status::TimedOut => style.bad("timed out"),
            Status::NoTests => style.warn("no tests"),
            Status::Unchecked => style.warn("unchecked"),
        }
    }

    /// A detail after the name, if any.
    fn detail(self) -> String {
        match self {
            Status::Failing { failed, total } => format!("{failed} of {total} tests fail"),
            Status::Done { tests } => format!("{tests} tests pass"),
            _ => String::new(),
        }
    }
}

/// The status of `exercise` according to `record` (which must be fresh).
pub fn status_of(ws: &Workshop, exercise: &Exercise, record: Option<&StepRecord>) -> Status {
    let untouched = || reset::is_untouched(ws, exercise);
    let Some(record) = record else {
        // No fresh results. A file as shipped still has its `todo!()`, and `verify`
        // proves every exercise fails unsolved: that one is "not started", no test needed.
        return if untouched() {
            Status::NotStarted
        } else {
            Status::Unchecked
        };
    };
    if !record.compiles {
        return if untouched() {
            Status::NotStarted
        } else {
            Status::DoesNotCompile
        };
    }
    if record.hung.contains(&exercise.name) {
        return Status::TimedOut;
    }
    let counts = record
        .groups
        .get(&exercise.name)
        .copied()
        .unwrap_or_default();
    let total = counts.passed + counts.failed;
    if total == 0 {
        return if record.timed_out {
            Status::TimedOut
        } else {
            Status::NoTests
        };
    }
    if counts.failed == 0 {
        return Status::Done { tests: total };
    }
    if untouched() {
        Status::NotStarted
    } else {
        Status::Failing {
            failed: counts.failed,
            total,
        }
    }
}

/// The outcome of running one step's tests.
#[derive(Debug)]
pub enum StepResult {
    /// The crate has compile errors (rendered by rustc).
    DoesNotCompile(String),
    Ran(TestRun),
}

/// Builds the workspace's tests. When cargo has something to compile, says so once, and
/// on a terminal keeps one line updated with what cargo is doing; when everything is
/// already built, prints nothing (the common case in the edit -> check loop).
pub fn build(ws: &Workshop, out: &Style) -> Result<Build, Error> {
    // The status line is rewritten in place with escape codes.
    let interactive = std::io::stderr().is_terminal() && term::understands_ansi();
    let err = Style::stderr();
    let mut announced = false;
    let mut status = |line: &str| {
        let busy = [
            "Compiling",
            "Downloading",
            "Downloaded",
            "Blocking",
            "Updating",
        ];
        if !busy.iter().any(|word| line.starts_with(word)) {
            return;
        }
        // Waiting for another cargo's lock says nothing about how long the build takes.
        if !announced && !line.starts_with("Blocking") {
            announced = true;
            // `Compiling ex06-parallel-cpu v0.1.0 (/w/exercises/06-parallel-cpu)`: a
            // workspace crate (it has a path) means your edit, seconds; a dependency
            // (no path) means a first build, minutes.
            let first_build = !(line.starts_with("Compiling") && line.contains(" ("));
            eprintln!(
                "{}",
                err.dim(if first_build {
                    "Building the tests (the very first build takes a few minutes)..."
                } else {
                    "Building the tests..."
                })
            );
        }
        if interactive {
            // One line, rewritten in place: `Compiling tokio v1.47.1`.
            let short: String = line.chars().take(72).collect();
            eprint!("\r\x1b[2K  {}", err.dim(&short));
            let _ = std::io::stderr().flush();
        }
    };
    let build = cargo::build_tests(&ws.root, out.color(), &mut status);
    if interactive && announced {
        eprint!("\r\x1b[2K");
    }
    build
}

/// Runs the tests of `step` from `build` (optionally only `filter`ed ones).
pub fn run_step(
    ws: &Workshop,
    build: &Build,
    step: &str,
    filter: Option<&str>,
) -> Result<StepResult, Error> {
    let dir = ws.exercise_dir(step);
    if let Some(errors) = build.errors_of(&dir) {
        return Ok(StepResult::DoesNotCompile(errors.to_owned()));
    }
    let Some(binary) = build.test_binary(&dir) else {
        return Ok(StepResult::DoesNotCompile(format!(
            "cargo built no tests for {} (is it a member of the workspace?)",
            cargo::canonical(&dir).display()
        )));
    };
    Ok(StepResult::Ran(cargo::run_tests(
        binary,
        &dir,
        filter,
        test_deadline(),
    )?))
}

/// Every exercise with its status, after re-running the steps that changed.
pub struct Progress {
    pub statuses: Vec<(Exercise, Status)>,
}

impl Progress {
    pub fn done(&self) -> usize {
        self.statuses
            .iter()
            .filter(|(_, status)| status.is_done())
            .count()
    }

    /// The first exercise, in order, that isn't done.
    pub fn next(&self) -> Option<&Exercise> {
        self.statuses
            .iter()
            .find(|(_, status)| !status.is_done())
            .map(|(exercise, _)| exercise)
    }
}

/// The statuses, re-running every step whose sources changed since the cache saw them.
pub fn refresh(ws: &Workshop, out: &Style) -> Result<Progress, Error> {
    let mut cache = Cache::load(ws);
    let fingerprints: BTreeMap<String, String> = ws
        .steps()
        .into_iter()
        .map(|step| (step.clone(), step_fingerprint(ws, &step)))
        .collect();
    let stale: Vec<&String> = fingerprints
        .iter()
        .filter(|(step, print)| !cache.is_fresh(ws, step, print))
        .map(|(step, _)| step)
        .collect();
    if !stale.is_empty() {
        // Say what the wait is for: a first run (or `watch` after many edits) runs the
        // tests of every changed step, which takes a while.
        let names: Vec<&str> = stale.iter().map(|step| step.as_str()).collect();
        eprintln!(
            "{}",
            Style::stderr().dim(&format!(
                "Checking your progress: building and running the tests of {} changed step{} ({})...",
                names.len(),
                if names.len() == 1 { "" } else { "s" },
                names.join(", ")
            ))
        );
        let build = build(ws, out)?;
        for step in stale {
            let result = run_step(ws, &build, step, None)?;
            cache.record(step, &fingerprints[step], &result, None);
        }
        cache.save(ws);
    }
    Ok(from_cache(ws, &cache, &fingerprints))
}

/// The statuses the cache knows, without running anything (stale steps: unchecked).
pub fn cached(ws: &Workshop) -> Progress {
    let cache = Cache::load(ws);
    let fingerprints: BTreeMap<String, String> = ws
        .steps()
        .into_iter()
        .map(|step| (step.clone(), step_fingerprint(ws, &step)))
        .collect();
    from_cache(ws, &cache, &fingerprints)
}

fn from_cache(ws: &Workshop, cache: &Cache, fingerprints: &BTreeMap<String, String>) -> Progress {
    let statuses = ws
        .exercises
        .iter()
        .map(|exercise| {
            let record = cache
                .steps
                .get(&exercise.step)
                .filter(|record| fingerprints.get(&exercise.step) == Some(&record.fingerprint));
            (exercise.clone(), status_of(ws, exercise, record))
        })
        .collect();
    Progress { statuses }
}

/// `cargo workshop`: the bar, the list, and what to do next.
pub fn overview(ws: &Workshop, out: &Style) -> Result<Exit, Error> {
    if ws.exercises.is_empty() {
        println!(
            "No exercises are registered yet ({} is empty).",
            crate::exercises::INFO_FILE
        );
        return Ok(Exit::Success);
    }
    let progress = refresh(ws, out)?;
    println!(
        "{}",
        out.bold("Concurrency in Rust, for Python and Go programmers: your progress")
    );
    println!();
    print!("{}", render_bar(&progress, out));
    println!();
    print!("{}", render_list(&progress, out, false));
    println!();
    print!("{}", render_next(ws, &progress, out));
    Ok(Exit::Success)
}

/// `cargo workshop list`: statuses from the last run; runs nothing.
pub fn list(ws: &Workshop, out: &Style) -> Result<Exit, Error> {
    if ws.exercises.is_empty() {
        println!(
            "No exercises are registered yet ({} is empty).",
            crate::exercises::INFO_FILE
        );
        return Ok(Exit::Success);
    }
    let progress = cached(ws);
    print!("{}", render_list(&progress, out, true));
    println!();
    print!("{}", render_bar(&progress, out));
    if progress
        .statuses
        .iter()
        .any(|(_, status)| *status == Status::Unchecked)
    {
        println!(
            "{}",
            out.dim(
                "unchecked: changed since the last run; `cargo workshop` runs the tests again."
            )
        );
    }
    Ok(Exit::Success)
}

/// `cargo workshop next`.
pub fn next(ws: &Workshop, out: &Style) -> Result<Exit, Error> {
    let progress = refresh(ws, out)?;
    print!("{}", render_next(ws, &progress, out));
    Ok(Exit::Success)
}

/// `[#####>-----]  3 of 21 exercises done`
pub fn render_bar(progress: &Progress, out: &Style) -> String {
    let done = progress.done();
    let total = progress.statuses.len();
    let bar = term::progress_bar(done, total, 40);
    let bar = if done == total { out.good(&bar) } else { bar };
    format!("  {bar}  {done} of {total} exercises done\n")
}

/// The exercises grouped by step, each with its status.
pub fn render_list(progress: &Progress, out: &Style, with_files: bool) -> String {
    let name_width = progress
        .statuses
        .iter()
        .map(|(exercise, _)| exercise.name.len())
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    let mut step = "";
    for (exercise, status) in &progress.statuses {
        if exercise.step != step {
            step = &exercise.step;
            text.push_str(&format!("  {}\n", out.bold(step)));
        }
        let detail = if with_files {
            format!("exercises/{}/{}", exercise.step, exercise.file)
        } else {
            status.detail()
        };
        let line = format!(
            "    {}  {}  {}",
            term::pad(&status.label(out), 15),
            term::pad(&exercise.name, name_width),
            out.dim(&detail)
        );
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// What to do next: the file, the chapter, the commands.
pub fn render_next(ws: &Workshop, progress: &Progress, out: &Style) -> String {
    let Some(exercise) = progress.next() else {
        return format!(
            "{} All {} exercises are done. The benches and demos are next: \
             `cargo workshop bench` and `cargo workshop demo`.\n",
            out.good("Well done!"),
            progress.statuses.len()
        );
    };
    let status = progress
        .statuses
        .iter()
        .find(|(e, _)| e.name == exercise.name)
        .map(|(_, s)| *s);
    let mut text = format!(
        "{} {}  (step {})\n",
        out.bold("Next up:"),
        out.bold(&exercise.name),
        exercise.step
    );
    text.push_str(&format!(
        "  edit   {}\n",
        ws.exercise_file_display(exercise)
    ));
    text.push_str(&format!("  read   {}\n", ws.chapter_display(exercise)));
    text.push_str(&format!(
        "  check  {}   (or keep {} running)\n",
        out.cmd(&format!("cargo workshop check {}", exercise.name)),
        out.cmd("cargo workshop watch")
    ));
    text.push_str(&format!(
        "  stuck? {}\n",
        out.cmd(&format!("cargo workshop hint {}", exercise.name))
    ));
    if status == Some(Status::DoesNotCompile) {
        text.push_str(&format!(
            "\n{} step {} doesn't compile; `cargo workshop check {}` shows the errors.\n",
            out.warn("Note:"),
            exercise.step,
            exercise.name
        ));
    }
    text
}
