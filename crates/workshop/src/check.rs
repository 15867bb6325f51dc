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
    let filter = format!("tests::{}::", exercise.name);
    let result = progress::run_step(ws, &build, &exercise.step, Some(&filter))?;
    let mut cache = Cache::load(ws);
    cache.record(&exercise.step, &fingerprint, &result, Some(&exercise.name));
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
        let report = crate::cargo::failure_report(&run.output);
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
    let report = crate::cargo::failure_report(&run.output);
    println!("{report}");
    println!();
    if report.contains("not yet implemented") {
        println!(
            "{}",
            out.dim("(`not yet implemented` is the `todo!()` the test ran into: that is the code to write.)")
        );
    }
    println!("{} {name}: {failed} of {total} tests fail.", out.bad("✗"));
    print_help_lines(ws, exercise, out);
    Ok(false)
}

fn print_help_lines(ws: &Workshop, exercise: &Exercise, out: &Style) {
    println!("  edit   {}", ws.exercise_file_display(exercise));
    println!("  read   {}", ws.chapter_display(exercise));
    println!(
        "  stuck? {}",
        out.cmd(&format!("cargo workshop hint {}", exercise.name))
    );
}

/// `cargo workshop hint [NAME]`.
pub fn hint(ws: &Workshop, name: Option<&str>, out: &Style) -> Result<Exit, Error> {
    let Some(exercise) = chosen(ws, name, out)? else {
        println!(
            "{} Every exercise passes; no hint needed.",
            out.good("All done!")
        );
        return Ok(Exit::Success);
    };
    println!("{} {}", out.bold("Hint for"), out.bold(&exercise.name));
    println!();
    for line in exercise.hints.first().map(String::as_str).unwrap_or("").trim().lines() {
        println!("  {line}");
    }
    println!();
    println!("  edit   {}", ws.exercise_file_display(exercise));
    println!("  read   {}", ws.chapter_display(exercise));
    println!(
        "  check  {}",
        out.cmd(&format!("cargo workshop check {}", exercise.name))
    );
    Ok(Exit::Success)
}
