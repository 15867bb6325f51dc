//! `cargo workshop verify`: the maintainers' proof that the exercises are honest.
//!
//! rustlings' dev check, extended to crates. For every step it runs the one copy of the
//! tests against the exercise crate and against the solution crate, and demands:
//!
//! - every exercise in `info.toml` has at least one test (`tests::<name>::*`);
//! - every exercise **fails unsolved**: at least one of its tests fails on the shipped
//!   exercise crate (a test that passes on a `todo!()` proves nothing);
//! - every test **passes solved**, on the solution crate;
//! - every test belongs to a registered exercise, and none is `#[ignore]`d;
//! - and the metadata holds: names unique, the file exists in both crates and the
//!   exercise's has a `todo!(`, the chapter page exists and its anchor is one of its
//!   headings (mdBook's ids), the hint isn't empty.
//!
//! Every test run has a deadline, so a test that hangs on the unsolved exercise is a
//! reported failure, not a stuck CI job.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::Duration;

use crate::cargo::{self, Build, Outcome, TestRun};
use crate::error::{Error, Exit};
use crate::exercises::{self, Workshop, exercise_package, solution_package};
use crate::markdown;
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
}

/// `cargo workshop verify`.
pub fn verify(ws: &Workshop, out: &Style) -> Result<Exit, Error> {
    let mut problems = metadata_problems(ws);
    problems.extend(book_problems(ws));
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

    print!("{}", render_table(&rows, out));
    println!();
    if problems.is_empty() {
        println!(
            "{} {} exercises in {} steps: each fails unsolved and passes solved; the metadata holds.",
            out.good("verify: ok."),
            rows.len(),
            steps.len()
        );
        Ok(Exit::Success)
    } else {
        println!(
            "{} {} problem(s):",
            out.bad("verify: FAILED."),
            problems.len()
        );
        for problem in &problems {
            println!("  - {problem}");
        }
        Ok(Exit::Failure)
    }
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
        "{}  {}  {:>5}  {}  {}\n",
        term::pad("step", step_width),
        term::pad("exercise", name_width),
        "tests",
        "unsolved: fails",
        "solved: passes"
    );
    for row in rows {
        text.push_str(&format!(
            "{}  {}  {:>5}  {}  {}\n",
            term::pad(&row.step, step_width),
            term::pad(&row.name, name_width),
            row.tests,
            term::pad(&mark(row.unsolved_fails), 15),
            mark(row.solved_passes)
        ));
    }
    text
}

/// Problems with `info.toml` itself, found without building anything.
fn metadata_problems(ws: &Workshop) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for exercise in &ws.exercises {
        let name = &exercise.name;
        if !seen.insert(name.as_str()) {
            problems.push(format!("{name}: the name is used twice"));
        }
        if !is_module_name(name) {
            problems.push(format!(
                "{name}: not a valid test module name (lowercase letters, digits, `_`)"
            ));
        }
        if exercise.hints.iter().any(|hint| hint.trim().is_empty()) || exercise.hints.is_empty() {
            problems.push(format!("{name}: a hint is empty"));
        }
        if exercise.file.split('/').any(|part| part == "..") || exercise.file.starts_with('/') {
            problems.push(format!(
                "{name}: file `{}` must be relative to the crate",
                exercise.file
            ));
            continue;
        }
        let exercise_file = ws.exercise_file(exercise);
        match std::fs::read_to_string(&exercise_file) {
            Ok(text) if !text.contains("todo!(") => problems.push(format!(
                "{name}: {} has no `todo!(`: nothing for the attendee to write",
                ws.exercise_file_display(exercise)
            )),
            Ok(_) => {}
            Err(_) => problems.push(format!(
                "{name}: {} does not exist",
                ws.exercise_file_display(exercise)
            )),
        }
        if !ws.solution_file(exercise).is_file() {
            problems.push(format!(
                "{name}: solutions/{}/{} does not exist",
                exercise.step, exercise.file
            ));
        }
        let tests_dir = ws.exercise_dir(&exercise.step).join("src").join("tests");
        if !tests_dir.join(format!("{name}.rs")).is_file()
            && !tests_dir.join(name).join("mod.rs").is_file()
        {
            problems.push(format!(
                "{name}: no test module exercises/{}/src/tests/{name}.rs",
                exercise.step
            ));
        }
        problems.extend(chapter_problem(ws, exercise));
    }
    for step in ws.steps() {
        for (dir, package) in [
            (ws.exercise_dir(&step), exercise_package(&step)),
            (ws.solution_dir(&step), solution_package(&step)),
        ] {
            match package_name_in(&dir.join("Cargo.toml")) {
                Some(found) if found == package => {}
                Some(found) => problems.push(format!(
                    "step {step}: {} is package `{found}`, expected `{package}`",
                    dir.join("Cargo.toml").display()
                )),
                None => problems.push(format!("step {step}: no crate at {}", dir.display())),
            }
        }
    }
    problems
}

/// Broken `{{#include file:anchor}}` links in the book: a missing file (mdBook logs an
/// error but still exits 0) or a missing anchor (mdBook renders an empty block silently).
fn book_problems(ws: &Workshop) -> Vec<String> {
    let mut problems = Vec::new();
    let src = ws.root.join("book").join("src");
    for page in markdown_files(&src) {
        let Ok(text) = std::fs::read_to_string(&page) else {
            continue;
        };
        let shown = page
            .strip_prefix(&ws.root)
            .unwrap_or(&page)
            .to_string_lossy()
            .replace('\\', "/");
        let folder = page.parent().unwrap_or(&src);
        for include in markdown::includes(&text) {
            let target = folder.join(exercises::rel_path_allowing_parents(&include.path));
            let Ok(source) = std::fs::read_to_string(&target) else {
                problems.push(format!(
                    "{shown}: includes {}, which does not exist",
                    include.path
                ));
                continue;
            };
            if let Some(anchor) = &include.anchor
                && !markdown::has_anchor(&source, anchor)
            {
                problems.push(format!(
                    "{shown}: includes {}:{anchor}, but that file has no `ANCHOR: {anchor}` … `ANCHOR_END: {anchor}`",
                    include.path
                ));
            }
        }
    }
    problems
}

/// Every `.md` file under `dir`, sorted.
fn markdown_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Problems with `chapter = "page.md#anchor"`.
fn chapter_problem(ws: &Workshop, exercise: &exercises::Exercise) -> Option<String> {
    let name = &exercise.name;
    let (page, anchor) = ws.chapter_page(exercise);
    let Some(anchor) = anchor else {
        return Some(format!(
            "{name}: chapter `{}` needs an anchor (`page.md#heading`)",
            exercise.chapter
        ));
    };
    let Ok(text) = std::fs::read_to_string(&page) else {
        return Some(format!(
            "{name}: chapter page {} does not exist",
            ws.chapter_display(exercise)
        ));
    };
    let ids = markdown::heading_ids(&text);
    if ids.contains(&anchor) {
        return None;
    }
    let nearest = crate::suggest::did_you_mean(&anchor, ids.iter().map(String::as_str));
    let page = exercise.chapter.split('#').next().unwrap_or_default();
    Some(format!(
        "{name}: `#{anchor}` is not a heading of book/src/{page}.{nearest}"
    ))
}

fn package_name_in(manifest: &Path) -> Option<String> {
    let text = std::fs::read_to_string(manifest).ok()?;
    let value: toml::Table = toml::from_str(&text).ok()?;
    value
        .get("package")?
        .get("name")?
        .as_str()
        .map(str::to_owned)
}

/// A Rust module name as the test convention needs: `[a-z_][a-z0-9_]*`.
fn is_module_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
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

    #[test]
    fn module_names() {
        assert!(is_module_name("decode_user"));
        assert!(is_module_name("fan_in2"));
        assert!(!is_module_name("Decode"));
        assert!(!is_module_name("2fast"));
        assert!(!is_module_name("fan-in"));
        assert!(!is_module_name(""));
    }
}
