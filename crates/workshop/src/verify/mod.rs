//! `cargo workshop verify`: the maintainers' proof that the exercises are honest.
//!
//! rustlings' dev check, extended to crates, in two parts:
//!
//! - `verify --lint` ([`lint`]): everything that needs no build, in seconds: the
//!   metadata, the book's includes, `SUMMARY.md` and minutes, the given-code rule
//!   ([`given`]) and the TODO rules ([`todos`]).
//! - `verify` (the full run) adds, for every step, the one copy of the tests run against
//!   the exercise crate and the solution crate, and the known-wrong solutions
//!   ([`wrong`]). It demands: every exercise has tests (`tests::<name>::*`); every
//!   exercise **fails unsolved** (a test that passes on a `todo!()` proves nothing); every
//!   test **passes solved**; every test belongs to a registered exercise, and none is
//!   `#[ignore]`d; every known-wrong solution is **caught**, by a failure message that
//!   names its mistake.
//! - `verify --repeat N` reruns every solution's tests N times and reports flaky tests.
//!
//! Every test run has a deadline, so a test that hangs on the unsolved exercise is a
//! reported failure, not a stuck CI job.

mod given;
mod length;
mod lint;
mod todos;
mod wrong;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::cargo::{self, Build, Outcome, TestRun};
use crate::error::{Error, Exit};
use crate::exercises::{self, Workshop, exercise_package, solution_package};
use crate::progress;
use crate::term::{self, Style};

/// One test run's deadline (the brief's "never hang": a stuck run is killed and reported).
const RUN_DEADLINE: Duration = Duration::from_secs(10 * 60);

/// What running one crate's tests gave.
#[derive(Debug)]
enum CrateRun {
    /// It didn't compile (or produced no test executable): the first error lines.
    NotBuilt(String),
    Ran(TestRun),
}

/// One line of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Row {
    step: String,
    name: String,
    tests: usize,
    /// At least one test failed on the exercise crate (`None`: it couldn't run).
    unsolved_fails: Option<bool>,
    /// Every test passed on the solution crate (`None`: it couldn't run).
    solved_passes: Option<bool>,
    /// Known-wrong solutions caught, of how many.
    wrong_caught: (usize, usize),
}

/// What `cargo workshop verify` was asked to do.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Only the static checks.
    pub lint: bool,
    /// Rerun every solution's tests this many times, looking for flaky tests.
    pub repeat: Option<u32>,
}

/// `cargo workshop verify [--lint] [--repeat N]`.
pub fn verify(ws: &Workshop, options: Options, out: &Style) -> Result<Exit, Error> {
    if let Some(times) = options.repeat {
        return repeat(ws, times, out);
    }
    let started = Instant::now();
    let mut problems = lint::problems(ws);
    if options.lint {
        return Ok(report(
            &problems,
            &format!(
                "verify --lint: ok. {} exercises: metadata, book, given code and TODOs hold ({:.1} s).",
                ws.exercises.len(),
                started.elapsed().as_secs_f64()
            ),
            out,
        ));
    }
    let mut steps: Vec<String> = ws.step_dirs();
    for step in ws.steps() {
        if !steps.contains(&step) {
            steps.push(step);
        }
    }
    steps.sort_by_key(|step| exercises::step_number(step));

    let build = progress::build(ws, out)?;
    let mut rows = Vec::new();
    for step in &steps {
        let registered: Vec<&str> = ws.exercises_of(step).map(|e| e.name.as_str()).collect();
        if registered.is_empty() {
            problems.push(format!(
                "step {step}: no exercises registered in {}",
                exercises::INFO_FILE
            ));
        }
        eprintln!(
            "{}",
            Style::stderr().dim(&format!("testing {step} (exercise and solution)..."))
        );
        let unsolved = run_crate(&build, &ws.exercise_dir(step))?;
        let solved = run_crate(&build, &ws.solution_dir(step))?;
        let (step_rows, step_problems) = analyse_step(step, &registered, &unsolved, &solved);
        rows.extend(step_rows);
        problems.extend(step_problems);
    }

    let verdicts = wrong::run_all(ws, out)?;
    for verdict in &verdicts {
        if let Some(row) = rows.iter_mut().find(|row| row.name == verdict.exercise) {
            row.wrong_caught.1 += 1;
            if verdict.problem.is_none() {
                row.wrong_caught.0 += 1;
            }
        }
        if let Some(problem) = &verdict.problem {
            problems.push(format!(
                "{}: known-wrong solution {} ({}): {problem}",
                verdict.exercise, verdict.file, verdict.mistake
            ));
        }
    }

    print!("{}", render_table(&rows, out));
    println!();
    if !verdicts.is_empty() {
        println!(
            "{}",
            out.bold("Known-wrong solutions (each must be caught, by a message naming it):")
        );
        for verdict in &verdicts {
            let mark = if verdict.problem.is_none() {
                out.good("caught")
            } else {
                out.bad("MISSED")
            };
            println!("  {mark}  {:<22} {}", verdict.exercise, verdict.mistake);
        }
        println!();
    }
    let caught = verdicts.iter().filter(|v| v.problem.is_none()).count();
    Ok(report(
        &problems,
        &format!(
            "verify: ok. {} exercises in {} steps: each fails unsolved and passes solved; \
             {caught} of {} known-wrong solutions caught; the metadata holds.",
            rows.len(),
            steps.len(),
            verdicts.len()
        ),
        out,
    ))
}

/// Prints the verdict: `ok_line` when there are no problems, else the problems.
fn report(problems: &[String], ok_line: &str, out: &Style) -> Exit {
    if problems.is_empty() {
        println!("{}", out.good(ok_line));
        Exit::Success
    } else {
        println!(
            "{} {} problem(s):",
            out.bad("verify: FAILED."),
            problems.len()
        );
        for problem in problems {
            println!("  - {problem}");
        }
        Exit::Failure
    }
}

/// `verify --repeat N`: every solution's tests, N times over; a test that fails in some
/// runs and passes in others is flaky.
fn repeat(ws: &Workshop, times: u32, out: &Style) -> Result<Exit, Error> {
    if times == 0 {
        return Err(Error::usage("--repeat needs at least 1 run"));
    }
    let build = progress::build(ws, out)?;
    let mut problems = Vec::new();
    let mut total_runs = 0;
    for step in ws.step_dirs() {
        let dir = ws.solution_dir(&step);
        let Some(binary) = build.test_binary(&dir) else {
            problems.push(format!("{}: no tests built", solution_package(&step)));
            continue;
        };
        let mut failures: BTreeMap<String, u32> = BTreeMap::new();
        let started = Instant::now();
        for run in 1..=times {
            let result = cargo::run_tests(binary, &dir, None, RUN_DEADLINE)?;
            total_runs += 1;
            if result.timed_out {
                problems.push(format!(
                    "{} run {run}: did not finish within {} minutes (still running: {})",
                    solution_package(&step),
                    RUN_DEADLINE.as_secs() / 60,
                    result.slow.join(", ")
                ));
            }
            if let Some(how) = &result.crashed {
                problems.push(format!(
                    "{} run {run}: the test process died: {how}",
                    solution_package(&step)
                ));
            }
            for failed in result
                .results
                .iter()
                .filter(|r| r.outcome == Outcome::Failed)
            {
                *failures.entry(failed.name.clone()).or_default() += 1;
            }
        }
        println!(
            "{:<28} {times} runs in {:>5.1} s: {}",
            solution_package(&step),
            started.elapsed().as_secs_f64(),
            if failures.is_empty() {
                out.good("no failure")
            } else {
                out.bad(&format!("{} test(s) failed at least once", failures.len()))
            }
        );
        for (test, count) in failures {
            let kind = if count == times {
                "fails every run"
            } else {
                "FLAKY"
            };
            problems.push(format!(
                "{}: {test} failed {count} of {times} runs ({kind})",
                solution_package(&step)
            ));
        }
    }
    println!();
    Ok(report(
        &problems,
        &format!(
            "verify --repeat {times}: ok. {total_runs} runs of the solutions' tests, no flaky test."
        ),
        out,
    ))
}

fn run_crate(build: &Build, dir: &Path) -> Result<CrateRun, Error> {
    if let Some(errors) = build.errors_of(dir) {
        let first: Vec<String> = term::strip_ansi(errors)
            .lines()
            .take(12)
            .map(str::to_owned)
            .collect();
        return Ok(CrateRun::NotBuilt(first.join("\n")));
    }
    match build.test_binary(dir) {
        Some(binary) => Ok(CrateRun::Ran(cargo::run_tests(
            binary,
            dir,
            None,
            RUN_DEADLINE,
        )?)),
        None => Ok(CrateRun::NotBuilt(
            "cargo built no unit tests for it".to_owned(),
        )),
    }
}

/// The rows and problems of one step, from its two runs.
fn analyse_step(
    step: &str,
    registered: &[&str],
    unsolved: &CrateRun,
    solved: &CrateRun,
) -> (Vec<Row>, Vec<String>) {
    let mut problems = Vec::new();
    let exercise_crate = format!("{} (exercises/{step})", exercise_package(step));
    let solution_crate = format!("{} (solutions/{step})", solution_package(step));

    for (label, run) in [(&exercise_crate, unsolved), (&solution_crate, solved)] {
        match run {
            CrateRun::NotBuilt(errors) => {
                problems.push(format!("{label} doesn't build:\n{}", indent(errors)))
            }
            CrateRun::Ran(run) => {
                if run.timed_out {
                    let slow = if run.slow.is_empty() {
                        String::new()
                    } else {
                        format!(" (still running: {})", run.slow.join(", "))
                    };
                    problems.push(format!(
                        "{label}: the tests did not finish within {} minutes and were killed{slow}",
                        RUN_DEADLINE.as_secs() / 60
                    ));
                }
                let mut unknown_groups = BTreeSet::new();
                for result in &run.results {
                    if result.outcome == Outcome::Ignored {
                        problems.push(format!(
                            "{label}: test {} is ignored (no #[ignore] in the workshop)",
                            result.name
                        ));
                    }
                    match result.group() {
                        None => problems.push(format!(
                            "{label}: test {} is not under tests::<exercise>:: (tests live in src/tests/<exercise>.rs)",
                            result.name
                        )),
                        Some(group) if !registered.contains(&group) => {
                            unknown_groups.insert(group.to_owned());
                        }
                        Some(_) => {}
                    }
                }
                for group in unknown_groups {
                    problems.push(format!(
                        "{label}: tests::{group}:: belongs to no exercise in {} (step {step})",
                        exercises::INFO_FILE
                    ));
                }
            }
        }
    }

    let counts = |run: &CrateRun| -> BTreeMap<String, (usize, Vec<String>)> {
        let mut counts: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
        if let CrateRun::Ran(run) = run {
            for result in &run.results {
                if let Some(group) = result.group() {
                    let entry = counts.entry(group.to_owned()).or_default();
                    entry.0 += 1;
                    if result.outcome == Outcome::Failed {
                        entry.1.push(result.name.clone());
                    }
                }
            }
        }
        counts
    };
    let unsolved_counts = counts(unsolved);
    let solved_counts = counts(solved);

    let mut rows = Vec::new();
    for name in registered {
        let (tests, unsolved_failed) = unsolved_counts.get(*name).cloned().unwrap_or_default();
        let (solved_tests, solved_failed) = solved_counts.get(*name).cloned().unwrap_or_default();
        let unsolved_fails =
            matches!(unsolved, CrateRun::Ran(_)).then_some(!unsolved_failed.is_empty());
        let solved_passes = matches!(solved, CrateRun::Ran(_))
            .then_some(solved_tests > 0 && solved_failed.is_empty());
        if matches!(unsolved, CrateRun::Ran(_)) && tests == 0 {
            problems.push(format!("{name}: no tests (expected tests::{name}::* in exercises/{step}/src/tests/{name}.rs)"));
        } else if unsolved_fails == Some(false) {
            problems.push(format!("{name}: all {tests} tests pass on the unsolved exercise crate; at least one must fail"));
        }
        if matches!(solved, CrateRun::Ran(_)) && !solved_failed.is_empty() {
            problems.push(format!(
                "{name}: fails on the solution crate: {}",
                solved_failed.join(", ")
            ));
        } else if matches!(solved, CrateRun::Ran(_)) && solved_tests == 0 && tests > 0 {
            problems.push(format!(
                "{name}: its tests did not run against the solution crate"
            ));
        }
        rows.push(Row {
            step: step.to_owned(),
            name: (*name).to_owned(),
            tests,
            unsolved_fails,
            solved_passes,
            wrong_caught: (0, 0),
        });
    }
    (rows, problems)
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|line| format!("      {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn render_table(rows: &[Row], out: &Style) -> String {
    let step_width = rows
        .iter()
        .map(|row| row.step.len())
        .chain([4])
        .max()
        .unwrap_or(4);
    let name_width = rows
        .iter()
        .map(|row| row.name.len())
        .chain([8])
        .max()
        .unwrap_or(8);
    let mark = |value: Option<bool>| match value {
        Some(true) => out.good("✓"),
        Some(false) => out.bad("✗"),
        None => out.warn("?"),
    };
    let mut text = format!(
        "{}  {}  {:>5}  {}  {}  {}\n",
        term::pad("step", step_width),
        term::pad("exercise", name_width),
        "tests",
        "unsolved: fails",
        "solved: passes",
        "wrong: caught"
    );
    for row in rows {
        let (caught, of) = row.wrong_caught;
        let wrong = if of == 0 {
            out.warn("none")
        } else if caught == of {
            out.good(&format!("{caught}/{of}"))
        } else {
            out.bad(&format!("{caught}/{of}"))
        };
        text.push_str(&format!(
            "{}  {}  {:>5}  {}  {}  {}\n",
            term::pad(&row.step, step_width),
            term::pad(&row.name, name_width),
            row.tests,
            term::pad(&mark(row.unsolved_fails), 15),
            term::pad(&mark(row.solved_passes), 14),
            wrong
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cargo::TestResult;

    fn ran(results: &[(&str, Outcome)]) -> CrateRun {
        CrateRun::Ran(TestRun {
            results: results
                .iter()
                .map(|(name, outcome)| TestResult {
                    name: (*name).to_owned(),
                    outcome: *outcome,
                })
                .collect(),
            ..TestRun::default()
        })
    }

    #[test]
    fn an_honest_step_has_no_problems() {
        let unsolved = ran(&[
            ("tests::a::one", Outcome::Failed),
            ("tests::a::two", Outcome::Passed),
            ("tests::b::one", Outcome::Failed),
        ]);
        let solved = ran(&[
            ("tests::a::one", Outcome::Passed),
            ("tests::a::two", Outcome::Passed),
            ("tests::b::one", Outcome::Passed),
        ]);
        let (rows, problems) = analyse_step("00-x", &["a", "b"], &unsolved, &solved);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].tests, 2);
        assert_eq!(rows[0].unsolved_fails, Some(true));
        assert_eq!(rows[0].solved_passes, Some(true));
    }

    #[test]
    fn a_test_that_passes_unsolved_is_a_problem() {
        let unsolved = ran(&[("tests::a::one", Outcome::Passed)]);
        let solved = ran(&[("tests::a::one", Outcome::Passed)]);
        let (rows, problems) = analyse_step("00-x", &["a"], &unsolved, &solved);
        assert_eq!(rows[0].unsolved_fails, Some(false));
        assert!(
            problems.iter().any(|p| p.contains("pass on the unsolved")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_solution_failure_is_a_problem() {
        let unsolved = ran(&[("tests::a::one", Outcome::Failed)]);
        let solved = ran(&[("tests::a::one", Outcome::Failed)]);
        let (rows, problems) = analyse_step("00-x", &["a"], &unsolved, &solved);
        assert_eq!(rows[0].solved_passes, Some(false));
        assert!(
            problems
                .iter()
                .any(|p| p.contains("fails on the solution crate: tests::a::one")),
            "{problems:?}"
        );
    }

    #[test]
    fn missing_unknown_stray_and_ignored_tests_are_problems() {
        let unsolved = ran(&[
            ("tests::a::one", Outcome::Failed),
            ("tests::ghost::one", Outcome::Failed),
            ("helper::tests::inline", Outcome::Passed),
            ("tests::a::later", Outcome::Ignored),
        ]);
        let solved = ran(&[
            ("tests::a::one", Outcome::Passed),
            ("tests::ghost::one", Outcome::Passed),
        ]);
        let (_, problems) = analyse_step("00-x", &["a", "b"], &unsolved, &solved);
        let all = problems.join("\n");
        assert!(all.contains("b: no tests"), "{all}");
        assert!(
            all.contains("tests::ghost:: belongs to no exercise"),
            "{all}"
        );
        assert!(
            all.contains("helper::tests::inline is not under tests::"),
            "{all}"
        );
        assert!(all.contains("tests::a::later is ignored"), "{all}");
    }

    #[test]
    fn a_crate_that_does_not_build_is_a_problem() {
        let unsolved = CrateRun::NotBuilt("error[E0308]".to_owned());
        let solved = ran(&[("tests::a::one", Outcome::Passed)]);
        let (rows, problems) = analyse_step("00-x", &["a"], &unsolved, &solved);
        assert_eq!(rows[0].unsolved_fails, None);
        assert!(
            problems.iter().any(|p| p.contains("doesn't build")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_timeout_is_a_problem() {
        let unsolved = CrateRun::Ran(TestRun {
            results: vec![TestResult {
                name: "tests::a::one".to_owned(),
                outcome: Outcome::Failed,
            }],
            timed_out: true,
            slow: vec!["tests::a::two".to_owned()],
            ..TestRun::default()
        });
        let solved = ran(&[("tests::a::one", Outcome::Passed)]);
        let (_, problems) = analyse_step("00-x", &["a"], &unsolved, &solved);
        assert!(
            problems
                .iter()
                .any(|p| p.contains("did not finish") && p.contains("tests::a::two")),
            "{problems:?}"
        );
    }
}
