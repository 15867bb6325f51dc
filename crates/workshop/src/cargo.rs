//! Building the step crates' tests with cargo, running them, and reading the results.
//!
//! Two moves, on purpose:
//!
//! 1. **Build** every library's unit tests of the workspace in one
//!    `cargo test --no-run --workspace --lib --message-format=json`. One invocation over
//!    the whole workspace resolves features exactly as `cargo test` and
//!    `cargo build --workspace` do, so the runner, the README's `cargo test` and CI share
//!    one set of compiled dependencies instead of rebuilding tokio & co. per package. The
//!    JSON tells us which test executable belongs to which crate, and which crate has
//!    compile errors. `cargo test` has no `--keep-going`, so when some crate doesn't
//!    compile we build again without it: one attendee's broken step must not hide the
//!    results of the others.
//! 2. **Run** the test executable of the step we want, directly, under a deadline (see
//!    [`crate::process`]). That is what `cargo test -p exNN-name --lib --no-fail-fast`
//!    does after building, minus cargo in between, so a hung test is one process to kill.
//!
//! Results come from libtest's plain output, one line per test:
//! `test tests::decode_user::rejects_missing_id ... ok`. The part after `tests::` is the
//! exercise (the test group); see the step convention in `exercises/info.toml`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use crate::error::Error;
use crate::process::{self, Stream};
use crate::term;

/// A build that takes longer than this is stuck (a cold build of the whole workshop takes
/// a few minutes on a laptop).
const BUILD_DEADLINE: Duration = Duration::from_secs(60 * 60);

/// What one build produced.
#[derive(Debug, Default)]
pub struct Build {
    /// Crate folder (canonical) → its library's unit-test executable.
    pub test_binaries: BTreeMap<PathBuf, PathBuf>,
    /// Crate folder (canonical) → its compile errors, as rustc rendered them.
    pub errors: BTreeMap<PathBuf, String>,
}

impl Build {
    /// The test executable of the crate in `dir`, if it compiled.
    pub fn test_binary(&self, dir: &Path) -> Option<&Path> {
        self.test_binaries
            .get(&canonical(dir))
            .map(PathBuf::as_path)
    }

    /// The compile errors of the crate in `dir`, if it didn't compile.
    pub fn errors_of(&self, dir: &Path) -> Option<&str> {
        self.errors.get(&canonical(dir)).map(String::as_str)
    }
}

/// The cargo that runs us (`cargo workshop` sets `CARGO`), else the one on `PATH`.
pub fn cargo_command() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Builds the unit tests of every library in the workspace at `root`.
///
/// `status` receives cargo's progress lines (`Compiling tokio v1.47.1`) to show while
/// waiting. `color` asks rustc for coloured diagnostics (shown on a terminal as is).
pub fn build_tests(root: &Path, color: bool, status: &mut dyn FnMut(&str)) -> Result<Build, Error> {
    let mut excluded: BTreeSet<String> = BTreeSet::new();
    let mut build = Build::default();
    loop {
        let attempt = build_once(root, color, &excluded, status)?;
        for (dir, binary) in attempt.test_binaries {
            build.test_binaries.insert(dir, binary);
        }
        let mut new_failures = false;
        for (package, (dir, rendered)) in attempt.errors {
            build.errors.entry(dir).or_insert(rendered);
            new_failures |= excluded.insert(package);
        }
        if attempt.success {
            return Ok(build);
        }
        if !new_failures {
            // Nothing new to leave out: either a shared crate is broken (what depends on it
            // can't build) or cargo failed before compiling (a bad manifest, no network for
            // a first download). Report what we have; say what cargo said if it's nothing.
            if build.errors.is_empty() {
                return Err(Error::failed(format!(
                    "cargo could not build the workshop:\n{}",
                    attempt.stderr_tail.join("\n")
                )));
            }
            return Ok(build);
        }
    }
}

/// One `cargo test --no-run` invocation, leaving out `excluded` packages.
struct Attempt {
    success: bool,
    test_binaries: BTreeMap<PathBuf, PathBuf>,
    /// Package name → (crate folder, rendered errors).
    errors: BTreeMap<String, (PathBuf, String)>,
    /// The last lines cargo wrote to stderr, for failures that are not compile errors.
    stderr_tail: Vec<String>,
}

fn build_once(
    root: &Path,
    color: bool,
    excluded: &BTreeSet<String>,
    status: &mut dyn FnMut(&str),
) -> Result<Attempt, Error> {
    let mut command = cargo_command();
    command.current_dir(root).args([
        "test",
        "--no-run",
        "--workspace",
        "--lib",
        "--color",
        "never",
    ]);
    command.arg(if color {
        "--message-format=json-diagnostic-rendered-ansi"
    } else {
        "--message-format=json"
    });
    for package in excluded {
        command.args(["--exclude", package]);
    }
    let mut attempt = Attempt {
        success: false,
        test_binaries: BTreeMap::new(),
        errors: BTreeMap::new(),
        stderr_tail: Vec::new(),
    };
    let finished = process::run(
        &mut command,
        BUILD_DEADLINE,
        &mut |stream, line| match stream {
            Stream::Stdout => read_build_message(line, &mut attempt),
            Stream::Stderr => {
                status(line.trim());
                attempt.stderr_tail.push(line.to_owned());
                if attempt.stderr_tail.len() > 40 {
                    attempt.stderr_tail.remove(0);
                }
            }
        },
    )
    .map_err(|e| Error::failed(format!("cannot run cargo: {e}")))?;
    if finished.timed_out {
        return Err(Error::failed(format!(
            "the build did not finish within {} minutes; stopped it",
            BUILD_DEADLINE.as_secs() / 60
        )));
    }
    attempt.success = attempt.success && finished.success();
    Ok(attempt)
}

/// One line of `--message-format=json`.
fn read_build_message(line: &str, attempt: &mut Attempt) {
    let Ok(message) = serde_json::from_str::<Value>(line) else {
        return;
    };
    let crate_dir = || {
        message["manifest_path"]
            .as_str()
            .and_then(|manifest| Path::new(manifest).parent())
            .map(canonical)
    };
    match message["reason"].as_str() {
        Some("compiler-artifact") => {
            let is_lib = message["target"]["kind"]
                .as_array()
                .is_some_and(|kinds| kinds.iter().any(|kind| kind == "lib"));
            let is_test = message["profile"]["test"].as_bool() == Some(true);
            if let (true, true, Some(executable), Some(dir)) =
                (is_lib, is_test, message["executable"].as_str(), crate_dir())
            {
                attempt.test_binaries.insert(dir, PathBuf::from(executable));
            }
        }
        Some("compiler-message") if message["message"]["level"] == "error" => {
            let rendered = message["message"]["rendered"].as_str().unwrap_or_default();
            let package = message["package_id"]
                .as_str()
                .map(package_name)
                .unwrap_or_default();
            if let Some(dir) = crate_dir() {
                let entry = attempt
                    .errors
                    .entry(package)
                    .or_insert_with(|| (dir, String::new()));
                entry.1.push_str(rendered);
            }
        }
        Some("build-finished") => attempt.success = message["success"] == true,
        _ => {}
    }
}

/// The package name in a cargo package id: `path+file:///w/exercises/01-x#ex01-x@0.1.0`
/// → `ex01-x`; when the name is the folder's, cargo leaves it out
/// (`path+file:///w/crates/upstream#0.1.0` → `upstream`).
pub fn package_name(id: &str) -> String {
    let (url, fragment) = id.rsplit_once('#').unwrap_or((id, ""));
    match fragment.split_once('@') {
        Some((name, _version)) => name.to_owned(),
        None if fragment.chars().next().is_some_and(|c| c.is_ascii_digit())
            || fragment.is_empty() =>
        {
            url.trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_owned()
        }
        // An id without a version: the fragment is the name.
        None => fragment.to_owned(),
    }
}

/// Paths compare equal only in one spelling; canonical is that spelling (falling back
/// to the path as given when it doesn't exist).
pub fn canonical(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// What one test did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed,
    Ignored,
}

/// One `test NAME ... RESULT` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestResult {
    pub name: String,
    pub outcome: Outcome,
}

impl TestResult {
    /// The exercise this test belongs to: `tests::<group>::…` → `group`.
    pub fn group(&self) -> Option<&str> {
        group_of(&self.name)
    }
}

/// `tests::decode_user::rejects_missing_id` → `decode_user`; `None` for a test that is
/// not under `tests::` (which breaks the step convention).
pub fn group_of(test_name: &str) -> Option<&str> {
    let rest = test_name.strip_prefix("tests::")?;
    let (group, _case) = rest.split_once("::")?;
    Some(group)
}

/// Reads one line of libtest's output.
pub fn parse_test_line(line: &str) -> Option<TestResult> {
    let rest = term::strip_ansi(line);
    let rest = rest.trim_end().strip_prefix("test ")?;
    let (name, result) = rest.rsplit_once(" ... ")?;
    let outcome = match result {
        "ok" => Outcome::Passed,
        "FAILED" => Outcome::Failed,
        // `ignored` or `ignored, <reason>`
        ignored if ignored.starts_with("ignored") => Outcome::Ignored,
        _ => return None,
    };
    // `#[should_panic]` tests are listed as `name - should panic`.
    let name = name.strip_suffix(" - should panic").unwrap_or(name).trim();
    Some(TestResult {
        name: name.to_owned(),
        outcome,
    })
}

/// The tests libtest says have been running too long (`test NAME has been running for
/// over 60 seconds`): the likely culprits when a run hits its deadline.
pub fn parse_slow_test(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix("test ")?;
    let (name, _) = rest.split_once(" has been running for ")?;
    Some(name.to_owned())
}

/// The part of libtest's output that explains failures: each failed test's captured
/// output and panic message (between the first `failures:` line and the list of names).
pub fn failure_report(output: &str) -> String {
    let lines: Vec<&str> = output.lines().collect();
    let Some(start) = lines.iter().position(|line| line.trim_end() == "failures:") else {
        return String::new();
    };
    let end = lines[start + 1..]
        .iter()
        .position(|line| line.trim_end() == "failures:")
        .map_or(lines.len(), |offset| start + 1 + offset);
    lines[start + 1..end].join("\n").trim().to_owned()
}

/// One run of a step's test executable.
#[derive(Debug, Default)]
pub struct TestRun {
    pub results: Vec<TestResult>,
    /// Everything it printed.
    pub output: String,
    /// Killed at the deadline.
    pub timed_out: bool,
    /// Tests libtest reported as running for over 60 s.
    pub slow: Vec<String>,
    /// The test process died before it could report (an `abort()`, a stack overflow, a
    /// signal): how it ended, in words. `None` when it exited normally or timed out.
    pub crashed: Option<String>,
}

impl TestRun {
    /// The results of one exercise's tests.
    pub fn of_group<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a TestResult> + 'a {
        self.results
            .iter()
            .filter(move |result| result.group() == Some(group))
    }
}

/// Runs the test executable `binary` of the crate in `crate_dir`, only the tests whose
/// names contain `filter` if given, killing it after `deadline`.
pub fn run_tests(
    binary: &Path,
    crate_dir: &Path,
    filter: Option<&str>,
    deadline: Duration,
) -> Result<TestRun, Error> {
    let mut command = Command::new(binary);
    // What `cargo test` sets for a test: it runs in its crate's folder and may read
    // `CARGO_MANIFEST_DIR` at run time. Backtraces off: the assertion messages are the
    // advice; twenty frames of std under each would bury them (`cargo test -p exNN-name`
    // still shows everything your environment asks for).
    command
        .current_dir(crate_dir)
        .env("CARGO_MANIFEST_DIR", crate_dir)
        .env("RUST_BACKTRACE", "0")
        .args(["--color", "never"]);
    if let Some(filter) = filter {
        command.arg(filter);
    }
    let mut run = TestRun::default();
    let finished = process::run(&mut command, deadline, &mut |_stream, line| {
        if let Some(result) = parse_test_line(line) {
            run.results.push(result);
        } else if let Some(name) = parse_slow_test(line) {
            run.slow.push(name);
        }
        run.output.push_str(line);
        run.output.push('\n');
    })
    .map_err(|e| Error::failed(format!("cannot run {}: {e}", binary.display())))?;
    run.timed_out = finished.timed_out;
    if !finished.timed_out {
        run.crashed = finished
            .status
            .and_then(|status| crash_of(status, &run.output));
    }
    Ok(run)
}

/// How a test process ended, in words, if it did not end the way libtest ends (exit 0,
/// or 101 after printing its `test result:` line).
fn crash_of(status: std::process::ExitStatus, output: &str) -> Option<String> {
    let reported = output.lines().any(|line| line.starts_with("test result:"));
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                6 => " (SIGABRT: `abort()`, or a stack overflow)",
                9 => " (SIGKILL: killed from outside, perhaps out of memory)",
                11 => " (SIGSEGV: a stack overflow or a bad memory access)",
                _ => "",
            };
            return Some(format!("it was killed by signal {signal}{name}"));
        }
    }
    match status.code() {
        Some(0) => None,
        Some(101) if reported => None,
        Some(code) => Some(format!("it exited with code {code} before reporting")),
        None => Some("it ended without an exit code".to_owned()),
    }
}

/// The failures section of libtest's output, for one exercise's tests only: a run of the
/// whole step must not bury the attendee's failures under other exercises' `todo!()`s.
pub fn failure_report_of(output: &str, group: &str) -> String {
    let report = failure_report(output);
    let wanted = format!("---- tests::{group}::");
    let mut kept = Vec::new();
    let mut keep = false;
    for line in report.lines() {
        if line.starts_with("---- ") {
            keep = line.starts_with(&wanted);
        }
        if keep {
            kept.push(line);
        }
    }
    kept.join("\n").trim().to_owned()
}

/// The last lines a crashed test process printed (where it was, what it said).
pub fn last_lines(output: &str, n: usize) -> String {
    let lines: Vec<&str> = output
        .lines()
        .filter(|line| !line.trim().is_empty())
        .collect();
    lines[lines.len().saturating_sub(n)..].join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = "\
running 5 tests
test tests::decode_user::accepts_a_full_user ... ok
test tests::decode_user::rejects_missing_id ... FAILED
test tests::fan_in::panics_on_empty - should panic ... ok
test tests::fan_in::slow ... ignored, needs a network
test tests::fan_in::other ... ignored

failures:

---- tests::decode_user::rejects_missing_id stdout ----

thread 'tests::decode_user::rejects_missing_id' panicked at src/decode.rs:12:5:
not yet implemented


failures:
    tests::decode_user::rejects_missing_id

test result: FAILED. 2 passed; 1 failed; 2 ignored; 0 measured; 0 filtered out; finished in 0.00s
";

    #[test]
    fn every_result_line_is_read() {
        let results: Vec<TestResult> = OUTPUT.lines().filter_map(parse_test_line).collect();
        let outcomes: Vec<(&str, Outcome)> = results
            .iter()
            .map(|r| (r.name.as_str(), r.outcome))
            .collect();
        assert_eq!(
            outcomes,
            [
                ("tests::decode_user::accepts_a_full_user", Outcome::Passed),
                ("tests::decode_user::rejects_missing_id", Outcome::Failed),
                ("tests::fan_in::panics_on_empty", Outcome::Passed),
                ("tests::fan_in::slow", Outcome::Ignored),
                ("tests::fan_in::other", Outcome::Ignored),
            ]
        );
    }

    #[test]
    fn summary_and_other_lines_are_not_results() {
        assert_eq!(
            parse_test_line("test result: FAILED. 2 passed; 1 failed"),
            None
        );
        assert_eq!(parse_test_line("running 5 tests"), None);
        assert_eq!(
            parse_test_line("    tests::decode_user::rejects_missing_id"),
            None
        );
        assert_eq!(
            parse_test_line("test tests::a::b has been running for over 60 seconds"),
            None
        );
    }

    #[test]
    fn coloured_and_windows_lines_are_read() {
        let line = "test tests::a::b ... \x1b[32mok\x1b[0m\r";
        assert_eq!(
            parse_test_line(line),
            Some(TestResult {
                name: "tests::a::b".to_owned(),
                outcome: Outcome::Passed
            })
        );
    }

    #[test]
    fn groups_come_from_the_module_after_tests() {
        assert_eq!(
            group_of("tests::decode_user::rejects_missing_id"),
            Some("decode_user")
        );
        assert_eq!(group_of("tests::fan_in::nested::case"), Some("fan_in"));
        assert_eq!(group_of("tests::helper_at_top"), None);
        assert_eq!(group_of("decode::tests::inline"), None);
    }

    #[test]
    fn slow_tests_are_named() {
        assert_eq!(
            parse_slow_test("test tests::a::hangs has been running for over 60 seconds"),
            Some("tests::a::hangs".to_owned())
        );
        assert_eq!(parse_slow_test("test tests::a::b ... ok"), None);
    }

    #[test]
    fn the_failure_report_is_the_middle_part() {
        let report = failure_report(OUTPUT);
        assert!(
            report.starts_with("---- tests::decode_user::rejects_missing_id stdout ----"),
            "{report}"
        );
        assert!(report.contains("not yet implemented"), "{report}");
        assert!(!report.contains("test result"), "{report}");
        assert_eq!(failure_report("running 1 test\ntest a ... ok\n"), "");
    }

    #[test]
    fn package_names_come_out_of_package_ids() {
        assert_eq!(
            package_name("path+file:///w/exercises/01-typed-json#ex01-typed-json@0.1.0"),
            "ex01-typed-json"
        );
        assert_eq!(
            package_name("path+file:///w/crates/upstream#0.1.0"),
            "upstream"
        );
        assert_eq!(
            package_name("registry+https://github.com/rust-lang/crates.io-index#tokio@1.47.1"),
            "tokio"
        );
        assert_eq!(
            package_name("path+file:///C:/w/crates/demos#0.1.0"),
            "demos"
        );
    }

    #[test]
    fn build_messages_are_read() {
        let mut attempt = Attempt {
            success: false,
            test_binaries: BTreeMap::new(),
            errors: BTreeMap::new(),
            stderr_tail: Vec::new(),
        };
        let dir = std::env::temp_dir();
        let manifest = dir.join("Cargo.toml");
        let manifest = manifest.to_string_lossy().replace('\\', "\\\\");
        read_build_message(
            &format!(
                r#"{{"reason":"compiler-artifact","package_id":"path+file:///x#ex00-a@0.1.0","manifest_path":"{manifest}","target":{{"kind":["lib"],"name":"ex00_a"}},"profile":{{"test":true}},"executable":"/t/deps/ex00_a-1234","fresh":true}}"#
            ),
            &mut attempt,
        );
        // The library itself (not its tests) has no executable and is skipped.
        read_build_message(
            &format!(
                r#"{{"reason":"compiler-artifact","package_id":"path+file:///x#b@0.1.0","manifest_path":"{manifest}","target":{{"kind":["lib"],"name":"b"}},"profile":{{"test":false}},"executable":null}}"#
            ),
            &mut attempt,
        );
        read_build_message(
            &format!(
                r#"{{"reason":"compiler-message","package_id":"path+file:///x#ex00-a@0.1.0","manifest_path":"{manifest}","message":{{"level":"error","rendered":"error[E0308]: mismatched types\n"}}}}"#
            ),
            &mut attempt,
        );
        read_build_message(
            r#"{"reason":"build-finished","success":false}"#,
            &mut attempt,
        );
        read_build_message("not json at all", &mut attempt);
        assert_eq!(
            attempt.test_binaries.get(&canonical(&dir)),
            Some(&PathBuf::from("/t/deps/ex00_a-1234"))
        );
        let (error_dir, rendered) = attempt.errors.get("ex00-a").expect("error recorded");
        assert_eq!(error_dir, &canonical(&dir));
        assert!(rendered.contains("mismatched types"));
        assert!(!attempt.success);
    }
}
