//! Known-wrong solutions: proof that each exercise's tests catch its classic mistake.
//!
//! Every exercise keeps at least one plausible wrong solution in
//! `solutions/<step>/wrong/` (joining each thread right after spawning it, awaiting each
//! task right after spawning it, computing inline on the runtime, queueing instead of
//! shedding, …), listed under its `[[exercise.wrong]]` in `info.toml` with the words its
//! failing tests must print. `verify` swaps each one in for the solution's file, builds,
//! runs that exercise's tests and demands that they fail *and* say what went wrong.
//!
//! Swapping edits `solutions/`, never `exercises/` (an attendee's work is never at risk),
//! and the original is always put back: by a guard on every way out of a round, and at
//! the start of the next `verify` from `.workshop/verify-swap/` if a round was killed.
//! To save builds, one round swaps one wrong solution into each step at once: the steps
//! are separate crates, so one `cargo test --no-run` builds them all.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::cargo::{self, Outcome};
use crate::error::Error;
use crate::exercises::{Exercise, Workshop, Wrong, rel_path};
use crate::progress;
use crate::reset;
use crate::term::Style;

/// One wrong solution's test run never takes longer than this (each test has its own,
/// shorter, deadlines).
const RUN_DEADLINE: Duration = Duration::from_secs(5 * 60);

/// What became of one known-wrong solution.
#[derive(Debug)]
pub struct Verdict {
    pub exercise: String,
    pub file: String,
    pub mistake: String,
    /// `None`: caught, and the failure message names the mistake.
    pub problem: Option<String>,
}

/// Runs every known-wrong solution of the workshop.
pub fn run_all(ws: &Workshop, out: &Style) -> Result<Vec<Verdict>, Error> {
    restore_leftovers(ws);
    // Round k swaps in the k-th wrong solution of each step.
    let mut per_step: Vec<Vec<(&Exercise, &Wrong)>> = Vec::new();
    for step in ws.steps() {
        let list: Vec<(&Exercise, &Wrong)> = ws
            .exercises
            .iter()
            .filter(|exercise| exercise.step == step)
            .flat_map(|exercise| exercise.wrong.iter().map(move |wrong| (exercise, wrong)))
            .collect();
        if !list.is_empty() {
            per_step.push(list);
        }
    }
    let rounds = per_step.iter().map(Vec::len).max().unwrap_or(0);
    let mut verdicts = Vec::new();
    for round in 0..rounds {
        let batch: Vec<(&Exercise, &Wrong)> = per_step
            .iter()
            .filter_map(|list| list.get(round).copied())
            .collect();
        eprintln!(
            "{}",
            Style::stderr().dim(&format!(
                "known-wrong solutions, round {} of {rounds}: {}...",
                round + 1,
                batch
                    .iter()
                    .map(|(_, wrong)| wrong.file.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        );
        let mut swaps = Vec::new();
        let mut swapped = Vec::new();
        for (exercise, wrong) in &batch {
            match Swap::new(ws, exercise, wrong) {
                Ok(swap) => {
                    swaps.push(swap);
                    swapped.push((*exercise, *wrong));
                }
                // A missing file is this wrong solution's problem, not the whole run's.
                Err(error) => verdicts.push(Verdict {
                    exercise: exercise.name.clone(),
                    file: wrong.file.clone(),
                    mistake: wrong.mistake.clone(),
                    problem: Some(error.to_string()),
                }),
            }
        }
        if swapped.is_empty() {
            continue;
        }
        let build = progress::build(ws, out)?;
        for (exercise, wrong) in &swapped {
            verdicts.push(judge(ws, &build, exercise, wrong)?);
        }
        // Put the solutions back before the next round (and on errors above: Drop).
        drop(swaps);
    }
    Ok(verdicts)
}

/// Builds nothing: runs the swapped-in crate's tests and reads them.
fn judge(
    ws: &Workshop,
    build: &cargo::Build,
    exercise: &Exercise,
    wrong: &Wrong,
) -> Result<Verdict, Error> {
    let dir = ws.solution_dir(&exercise.step);
    let verdict = |problem: Option<String>| Verdict {
        exercise: exercise.name.clone(),
        file: wrong.file.clone(),
        mistake: wrong.mistake.clone(),
        problem,
    };
    if let Some(errors) = build.errors_of(&dir) {
        let first: Vec<&str> = errors.lines().take(8).collect();
        return Ok(verdict(Some(format!(
            "does not compile when swapped in for {}:\n{}",
            exercise.file,
            first.join("\n")
        ))));
    }
    let Some(binary) = build.test_binary(&dir) else {
        return Ok(verdict(Some("cargo built no tests for it".to_owned())));
    };
    let filter = format!("tests::{}::", exercise.name);
    let run = cargo::run_tests(binary, &dir, Some(&filter), RUN_DEADLINE)?;
    if run.timed_out {
        return Ok(verdict(Some(format!(
            "the tests hung for {} s instead of failing with a message (every wait in a \
             test needs a deadline)",
            RUN_DEADLINE.as_secs()
        ))));
    }
    let failed = run
        .of_group(&exercise.name)
        .any(|r| r.outcome == Outcome::Failed);
    if !failed {
        return Ok(verdict(Some(
            "NOT CAUGHT: every test passes on this wrong solution".to_owned(),
        )));
    }
    if !run.output.contains(&wrong.expect) {
        return Ok(verdict(Some(format!(
            "caught, but no failure message says \"{}\": the message must name the mistake",
            wrong.expect
        ))));
    }
    Ok(verdict(None))
}

/// A wrong solution swapped in for the solution's file; the original comes back on drop.
struct Swap {
    target: PathBuf,
    original: String,
    saved: PathBuf,
}

impl Swap {
    fn new(ws: &Workshop, exercise: &Exercise, wrong: &Wrong) -> Result<Swap, Error> {
        let dir = ws.solution_dir(&exercise.step);
        let target = dir.join(rel_path(&exercise.file));
        let source = dir.join(rel_path(&wrong.file));
        let original = std::fs::read_to_string(&target)
            .map_err(|e| Error::failed(format!("cannot read {}: {e}", target.display())))?;
        let wrong_text = std::fs::read_to_string(&source)
            .map_err(|e| Error::failed(format!("cannot read {}: {e}", source.display())))?;
        // First a copy of the original where the next `verify` will look for it.
        let saved = leftovers_dir(ws).join(format!("{}--{}", exercise.step, exercise.name));
        reset::ensure_state_dir(ws)
            .and_then(|()| std::fs::create_dir_all(leftovers_dir(ws)))
            .and_then(|()| std::fs::write(&saved, format!("{}\n{original}", target.display())))
            .map_err(|e| {
                Error::failed(format!("cannot save a copy of {}: {e}", target.display()))
            })?;
        std::fs::write(&target, wrong_text)
            .map_err(|e| Error::failed(format!("cannot write {}: {e}", target.display())))?;
        Ok(Swap {
            target,
            original,
            saved,
        })
    }
}

impl Drop for Swap {
    fn drop(&mut self) {
        if std::fs::write(&self.target, &self.original).is_ok() {
            let _ = std::fs::remove_file(&self.saved);
        }
    }
}

fn leftovers_dir(ws: &Workshop) -> PathBuf {
    reset::state_dir(ws).join("verify-swap")
}

/// Puts back any solution file a killed `verify` left swapped.
fn restore_leftovers(ws: &Workshop) {
    let Ok(entries) = std::fs::read_dir(leftovers_dir(ws)) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(text) = std::fs::read_to_string(entry.path()) else {
            continue;
        };
        let Some((target, original)) = text.split_once('\n') else {
            continue;
        };
        if std::fs::write(Path::new(target), original).is_ok() {
            eprintln!("verify: put back {target} (a previous verify was stopped mid-swap)");
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
