//! `cargo workshop check [NAME]` and `cargo workshop hint [NAME]`.
//!
//! `check` always runs the tests (it is the explicit "am I done?"), only the named
//! exercise's (`tests::NAME::`), and prints what a failing test said: the assertion
//! messages are written as advice, so they are the most useful thing on the screen.
//! Without a name it checks the current exercise: the first one not done.

use crate::cache::{self, Cache};
use crate::cargo::Outcome;
use crate::error::{Error, Exit};
use crate::exercises::{Exercise, Workshop};
use crate::progress::{self, StepResult};
use crate::term::Style;

/// The exercise named, or the current one (the first not done). `None`: all done.
fn chosen<'a>(
    ws: &'a Workshop,
    name: Option<&str>,
    out: &Style,
) -> Result<Option<&'a Exercise>, Error> {
    if let Some(name) = name {
        return ws.find(name).map(Some);
    }
    if ws.exercises.is_empty() {
        return Err(Error::failed(format!(
            "no exercises are registered yet ({})",
            crate::exercises::INFO_FILE
        )));
    }
    let progress = progress::refresh(ws, out)?;
    Ok(progress.next().and_then(|next| {
        ws.exercises
            .iter()
            .find(|exercise| exercise.name == next.name)
    }))
}

/// `cargo workshop check [NAME]`: exit 0 if its tests pass, 1 if not.
pub fn check(ws: &Workshop, name: Option<&str>, out: &Style) -> Result<Exit, Error> {
    let Some(exercise) = chosen(ws, name, out)? else {
        println!("{} Every exercise passes.", out.good("All done!"));
        return Ok(Exit::Success);
    };
    let passed = check_one(ws, exercise, out)?;
    if passed {
        let next = progress::cached(ws);
        if let Some(next) = next.next() {
            println!();
            println!(
                "Next: {}   ({})",
                out.cmd(&format!("cargo workshop check {}", next.name)),
                ws.exercise_file_display(next)
            );
        } else {
            println!(
                "{} That was the last one: every exercise passes.",
                out.good("All done!")
            );
        }
    }
    Ok(if passed { Exit::Success } else { Exit::Failure })
}

/// Builds, runs `exercise`'s tests, prints the verdict. `Ok(true)` if they all pass.
/// (`watch` calls this on every save.)
pub fn check_one(ws: &Workshop, exercise: &Exercise, out: &Style) -> Result<bool, Error> {
    let fingerprint = cache::step_fingerprint(ws, &exercise.step);
    let build = progress::build(ws, out)?;
    let mut cache = Cache::load(ws);
    // After an edit, the step's other results are stale too (the file may be shared, a
    // given module may have changed): run the whole step, so that checking one exercise
    // never wipes the others' results. Unchanged files: just this exercise's tests.
    let fresh = cache
        .steps
        .get(&exercise.step)
        .is_some_and(|record| record.fingerprint == fingerprint && record.compiles);
    let filter = format!("tests::{}::", exercise.name);
    let only = fresh.then_some(exercise.name.as_str());
    let result = progress::run_step(ws, &build, &exercise.step, only.map(|_| filter.as_str()))?;
    cache.record(&exercise.step, &fingerprint, &result, only);
    cache.save(ws);

    let name = out.bold(&exercise.name);
    let run = match result {
        StepResult::DoesNotCompile(errors) => {
            print!("{errors}");
            println!();
            println!(
                "{} {name}: the crate exercises/{} doesn't compile (errors above).",
                out.bad("✗"),
                exercise.step
            );
            print_help_lines(ws, exercise, out);
            return Ok(false);
        }
        StepResult::Ran(run) => run,
    };
    // A crash in a run of the whole step buries the crash under the other exercises'
    // output: run just this exercise's tests again for a report about them alone.
    let run = if run.crashed.is_some() && only.is_none() {
        match progress::run_step(ws, &build, &exercise.step, Some(&filter))? {
            StepResult::Ran(alone) => alone,
            StepResult::DoesNotCompile(_) => run,
        }
    } else {
        run
    };
    let results: Vec<_> = run.of_group(&exercise.name).collect();
    let failed = results
        .iter()
        .filter(|r| r.outcome == Outcome::Failed)
        .count();
    let total = results
        .iter()
        .filter(|r| r.outcome != Outcome::Ignored)
        .count();

    if run.timed_out {
        let report = crate::cargo::failure_report_of(&run.output, &exercise.name);
        if !report.is_empty() {
            println!("{report}\n");
        }
        let culprits = if run.slow.is_empty() {
            String::new()
        } else {
            format!(" Still running: {}.", run.slow.join(", "))
        };
        println!(
            "{} {name}: the tests did not finish within {} s and were stopped.{culprits}\n  \
             A test waiting forever usually means a deadlock (a lock held while waiting, a \
             channel nobody closes) or a wait without a timeout.",
            out.bad("✗"),
            progress::test_deadline().as_secs()
        );
        print_help_lines(ws, exercise, out);
        return Ok(false);
    }
    if total == 0
        && let Some(how) = &run.crashed
    {
        // The attendee's code took the whole test process down (`abort()`, a stack
        // overflow): not a workshop bug, and the last lines say where.
        let running = running_test(&run.output)
            .map(|test| format!(" The test running then: {test}."))
            .unwrap_or_default();
        println!("{}", crate::cargo::last_lines(&run.output, 12));
        println!();
        println!(
            "{} {name}: the test process died: {how}.{running}\n  \
             Its last output is above. A test process dies like this when the code aborts, \
             recurses without end (stack overflow) or exits the process.",
            out.bad("✗")
        );
        print_help_lines(ws, exercise, out);
        return Ok(false);
    }
    if total == 0 {
        return Err(Error::failed(format!(
            "found no tests for `{}` (tests::{}::*) in exercises/{}: a bug in the workshop, please report it",
            exercise.name, exercise.name, exercise.step
        )));
    }
    if failed == 0 {
        println!("{} {name}: all {total} tests pass.", out.good("✓"));
        return Ok(true);
    }
    let report = crate::cargo::failure_report_of(&run.output, &exercise.name);
    println!("{report}");
    println!();
    let elsewhere = todos_elsewhere(ws, exercise, &report);
    for (other, place) in &elsewhere {
        println!(
            "{} {} needs `{}` first: the tests ran into its `todo!()` at {place}. \
             Solve it first: {}",
            out.warn("Note:"),
            exercise.name,
            other.name,
            out.cmd(&format!("cargo workshop check {}", other.name))
        );
    }
    if report.contains("not yet implemented") && elsewhere.is_empty() {
        println!(
            "{}",
            out.dim("(`not yet implemented` is the `todo!()` the test ran into: that is the code to write.)")
        );
    }
    println!("{} {name}: {failed} of {total} tests fail.", out.bad("✗"));
    print_help_lines(ws, exercise, out);
    Ok(false)
}

/// The other exercises of the same step whose `todo!()` the failing tests ran into
/// (`panicked at exercises/03-jobs/src/panics.rs:100:5:` then `not yet implemented`):
/// an exercise that builds on an earlier one fails until that one is solved, and the
/// failure should say so instead of pointing at the wrong file.
fn todos_elsewhere<'a>(
    ws: &'a Workshop,
    exercise: &Exercise,
    report: &str,
) -> Vec<(&'a Exercise, String)> {
    let lines: Vec<&str> = report.lines().collect();
    let mut found: Vec<(&Exercise, String)> = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        let next_says_todo = lines
            .get(at + 1)
            .is_some_and(|next| next.trim_start().starts_with("not yet implemented"));
        let Some(place) = line.split("panicked at ").nth(1) else {
            continue;
        };
        if !next_says_todo {
            continue;
        }
        let place = place.trim_end_matches(':');
        let path = place
            .split(':')
            .next()
            .unwrap_or_default()
            .replace('\\', "/");
        let prefix = format!("exercises/{}/", exercise.step);
        let Some(file) = path.strip_prefix(&prefix) else {
            continue;
        };
        if file == exercise.file {
            continue;
        }
        if let Some(other) = ws
            .exercises
            .iter()
            .find(|e| e.step == exercise.step && e.file == file && e.name != exercise.name)
            && !found.iter().any(|(seen, _)| seen.name == other.name)
        {
            found.push((other, place.to_owned()));
        }
    }
    found
}

/// The test named in the last `thread 'tests::…'` line of a crashed run's output.
fn running_test(output: &str) -> Option<String> {
    output.lines().rev().find_map(|line| {
        let rest = line.split("thread '").nth(1)?;
        let name = rest.split('\'').next()?;
        name.starts_with("tests::").then(|| name.to_owned())
    })
}

fn print_help_lines(ws: &Workshop, exercise: &Exercise, out: &Style) {
    println!("  edit   {}", ws.exercise_file_display(exercise));
    println!("  read   {}", ws.chapter_display(exercise));
    println!(
        "  stuck? {}",
        out.cmd(&format!("cargo workshop hint {}", exercise.name))
    );
}

/// `cargo workshop hint [NAME] [--all]`: one more level of hint each time it runs for
/// the same exercise (gentlest first: the idea, then the API and the trap, then the
/// shape of the code), remembered in `.workshop/hints/NAME`; `--all` shows every level.
pub fn hint(ws: &Workshop, name: Option<&str>, all: bool, out: &Style) -> Result<Exit, Error> {
    let Some(exercise) = chosen(ws, name, out)? else {
        println!(
            "{} Every exercise passes; no hint needed.",
            out.good("All done!")
        );
        return Ok(Exit::Success);
    };
    let levels = exercise.hints.len();
    let seen = hints_seen(ws, &exercise.name);
    let shown: Vec<usize> = if all {
        (1..=levels).collect()
    } else {
        // Past the last level, the last one again (and the way to the solution).
        vec![(seen + 1).min(levels).max(1)]
    };
    let newest = shown.last().copied().unwrap_or(0);
    if newest > seen {
        save_hints_seen(ws, &exercise.name, newest);
    }
    for level in &shown {
        let Some(text) = exercise.hints.get(level - 1) else {
            continue;
        };
        println!(
            "{} {}",
            out.bold(&format!("Hint {level} of {levels} for")),
            out.bold(&exercise.name)
        );
        println!();
        for line in text.trim().lines() {
            println!("  {line}");
        }
        println!();
    }
    let left = levels.saturating_sub(newest);
    if left > 0 {
        println!(
            "  {}",
            out.dim(&format!(
                "{left} more level{} left: run `cargo workshop hint {}` again.",
                if left == 1 { "" } else { "s" },
                exercise.name
            ))
        );
    } else {
        println!(
            "  {}",
            out.dim(&format!(
                "That was the last hint. The full answer: `cargo workshop solution {}`.",
                exercise.name
            ))
        );
    }
    println!("  edit   {}", ws.exercise_file_display(exercise));
    println!("  read   {}", ws.chapter_display(exercise));
    println!(
        "  check  {}",
        out.cmd(&format!("cargo workshop check {}", exercise.name))
    );
    Ok(Exit::Success)
}

fn hints_file(ws: &Workshop, name: &str) -> std::path::PathBuf {
    crate::reset::state_dir(ws).join("hints").join(name)
}

/// How many hint levels of `name` were shown already (0 if none, or unreadable).
fn hints_seen(ws: &Workshop, name: &str) -> usize {
    std::fs::read_to_string(hints_file(ws, name))
        .ok()
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0)
}

/// Best effort: without it, the next `hint` shows the same level again.
fn save_hints_seen(ws: &Workshop, name: &str, level: usize) {
    let file = hints_file(ws, name);
    if crate::reset::ensure_state_dir(ws).is_ok()
        && let Some(dir) = file.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        let _ = std::fs::write(file, format!("{level}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFO: &str = r#"
[[exercise]]
name = "panics"
step = "03-jobs"
file = "src/panics.rs"
chapter = "03-jobs.md#exercise-1"
hints = ["a", "b"]

[[exercise]]
name = "run_all"
step = "03-jobs"
file = "src/run_all.rs"
chapter = "03-jobs.md#exercise-3"
hints = ["a", "b"]
"#;

    #[test]
    fn a_todo_in_an_earlier_exercise_is_named() {
        let ws = Workshop::parse(std::path::Path::new("/w"), INFO).expect("valid");
        let run_all = ws.find("run_all").expect("listed");
        let report = "---- tests::run_all::first_error_wins stdout ----\n\n\
            thread '<unnamed>' panicked at exercises/03-jobs/src/panics.rs:100:5:\n\
            not yet implemented\n\
            thread 'tests::run_all::first_error_wins' panicked at exercises/03-jobs/src/tests/run_all.rs:40:5:\n\
            expected an error\n";
        let found = todos_elsewhere(&ws, run_all, report);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0.name, "panics");
        assert_eq!(found[0].1, "exercises/03-jobs/src/panics.rs:100:5");
        // Its own todo!() is not "elsewhere".
        let own =
            "thread 'x' panicked at exercises/03-jobs/src/run_all.rs:9:5:\nnot yet implemented\n";
        assert!(todos_elsewhere(&ws, run_all, own).is_empty());
    }
}
