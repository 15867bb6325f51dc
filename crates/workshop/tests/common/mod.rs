//! A tiny workshop on disk for the runner's tests: one step (`00-demo`) with two
//! exercises (`answer`, `double`), its solution crate, a chapter and an `info.toml`.
//!
//! The runner finds it through `WORKSHOP_ROOT`, and builds it into its own target folder:
//! two dependency-free crates compile in a second or two, and the real workshop (shared
//! by everyone, edited while we test) is never touched.

#![allow(dead_code)] // each test file uses its own part of the fixture

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub const EXERCISE_ANSWER: &str = "\
//! Exercise 1 (answer): the answer.

/// Returns the answer.
pub fn answer() -> u32 {
    // TODO: Return the answer; the tests want it even.
    // Book: book/src/00-demo.md#exercise-1-the-answer
    todo!()
}
";

pub const SOLVED_ANSWER: &str = "\
//! Exercise 1 (answer): the answer.

/// Returns the answer.
pub fn answer() -> u32 {
    42
}
";

const EXERCISE_DOUBLE: &str = "\
//! Exercise 2 (double): double it.

/// Returns twice `x`.
pub fn double(x: u32) -> u32 {
    // TODO: Return twice the number.
    // Book: book/src/00-demo.md#exercise-2-double-it
    todo!()
}
";

const SOLVED_DOUBLE: &str = "\
//! Exercise 2 (double): double it.

/// Returns twice `x`.
pub fn double(x: u32) -> u32 {
    x * 2
}
";

const TESTS_MOD: &str = "mod answer;\nmod double;\n";

const TESTS_ANSWER: &str = "\
#[test]
fn is_42() {
    assert_eq!(crate::answer::answer(), 42, \"expected 42, because that is the answer\");
}

#[test]
fn is_even() {
    assert!(crate::answer::answer() % 2 == 0, \"expected an even answer\");
}
";

const TESTS_DOUBLE: &str = "\
#[test]
fn doubles() {
    assert_eq!(crate::double::double(21), 42, \"expected double(21) == 42\");
}
";

pub const INFO: &str = r#"# The fixture's exercises.
[[exercise]]
name = "answer"
step = "00-demo"
file = "src/answer.rs"
chapter = "00-demo.md#exercise-1-the-answer"
hints = ["""
Return the number forty-two.
It is even.""", "The answer is a literal: 42."]
[[exercise.wrong]]
file = "wrong/answer-odd.rs"
mistake = "returns an odd number"
expect = "expected 42"

[[exercise]]
name = "double"
step = "00-demo"
file = "src/double.rs"
chapter = "00-demo.md#exercise-2-double-it"
hints = ["Multiply by two.", "The operator is `*`."]
[[exercise.wrong]]
file = "wrong/double-adds.rs"
mistake = "adds two instead of doubling"
expect = "expected double(21) == 42"
"#;

const CHAPTER: &str = "\
# 00 · Demo

## Exercise 1: the answer

Return 42.

## Exercise 2: double it

Multiply.
";

/// A fixture workshop in a fresh temporary folder, removed on drop.
pub struct Fixture {
    pub root: PathBuf,
}

impl Fixture {
    pub fn new(name: &str) -> Fixture {
        let root =
            std::env::temp_dir().join(format!("workshop-fixture-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let ex = root.join("exercises").join("00-demo");
        let sol = root.join("solutions").join("00-demo");
        write(
            &root.join("Cargo.toml"),
            "[workspace]\nresolver = \"3\"\nmembers = [\"exercises/*\", \"solutions/*\"]\n",
        );
        write(
            &ex.join("Cargo.toml"),
            "[package]\nname = \"ex00-demo\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
             [lints.rust]\nunused_variables = \"allow\"\n",
        );
        write(
            &ex.join("src").join("lib.rs"),
            "pub mod answer;\npub mod double;\n#[cfg(test)]\nmod tests;\n",
        );
        write(&ex.join("src").join("answer.rs"), EXERCISE_ANSWER);
        write(&ex.join("src").join("double.rs"), EXERCISE_DOUBLE);
        write(&ex.join("src").join("tests").join("mod.rs"), TESTS_MOD);
        write(
            &ex.join("src").join("tests").join("answer.rs"),
            TESTS_ANSWER,
        );
        write(
            &ex.join("src").join("tests").join("double.rs"),
            TESTS_DOUBLE,
        );
        write(
            &sol.join("Cargo.toml"),
            "[package]\nname = \"sol00-demo\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
        );
        write(
            &sol.join("src").join("lib.rs"),
            "pub mod answer;\npub mod double;\n#[cfg(test)]\n\
             #[path = \"../../../exercises/00-demo/src/tests/mod.rs\"]\nmod tests;\n",
        );
        write(&sol.join("src").join("answer.rs"), SOLVED_ANSWER);
        write(&sol.join("src").join("double.rs"), SOLVED_DOUBLE);
        write(
            &sol.join("wrong").join("answer-odd.rs"),
            &SOLVED_ANSWER.replace("    42", "    41"),
        );
        write(
            &sol.join("wrong").join("double-adds.rs"),
            &SOLVED_DOUBLE.replace("x * 2", "x + 2"),
        );
        write(&root.join("exercises").join("info.toml"), INFO);
        write(&root.join("book").join("src").join("00-demo.md"), CHAPTER);
        write(
            &root.join("book").join("src").join("SUMMARY.md"),
            "# Summary\n\n- [Demo](00-demo.md)\n",
        );
        Fixture { root }
    }

    /// The runner, pointed at this fixture, building into the fixture's own target folder.
    pub fn workshop(&self) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_workshop"));
        command
            .env("WORKSHOP_ROOT", &self.root)
            .env("CARGO_TARGET_DIR", self.root.join("target"))
            .current_dir(&self.root)
            .stdin(Stdio::null());
        command
    }

    /// Runs the runner with `args`; stdin is not a terminal, stdout/stderr are captured.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = self
            .workshop()
            .args(args)
            .output()
            .expect("the runner starts");
        Run::from(output)
    }

    pub fn answer_file(&self) -> PathBuf {
        self.root
            .join("exercises")
            .join("00-demo")
            .join("src")
            .join("answer.rs")
    }

    pub fn write_answer(&self, text: &str) {
        write(&self.answer_file(), text);
    }

    pub fn write_info(&self, text: &str) {
        write(&self.root.join("exercises").join("info.toml"), text);
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
    std::fs::write(path, text).expect("write fixture file");
}

/// What one run of the runner did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Asserts the exit code, showing everything the runner printed if it is wrong.
    pub fn expect_code(&self, code: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(code),
            "exit code\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn stdout_has(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle),
            "expected stdout to contain {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "expected stderr to contain {needle:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }
}

/// Runs `command` to the end, like `Command::output`, but kills it after `within`: a test
/// of a verb that does real work (a demo, say) must fail with what it printed, not hang.
pub fn run_with_deadline(command: &mut Command, within: Duration) -> Run {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the runner starts");
    // Read both pipes on threads, so that a full pipe never blocks the child.
    let stdout = read_to_end_on_a_thread(child.stdout.take().expect("stdout is piped"));
    let stderr = read_to_end_on_a_thread(child.stderr.take().expect("stderr is piped"));
    let deadline = Instant::now() + within;
    let status = loop {
        if let Some(status) = child.try_wait().expect("can query the child") {
            break Some(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        // Nothing to block on for "the child exited" without giving up the handle that
        // kills it: look again shortly.
        std::thread::sleep(Duration::from_millis(10));
    };
    let text = |thread: std::thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&thread.join().unwrap_or_default()).into_owned()
    };
    let run = Run {
        code: status.and_then(|status| status.code()),
        stdout: text(stdout),
        stderr: text(stderr),
    };
    assert!(
        status.is_some(),
        "expected the runner to finish within {within:?}; it was killed\n--- stdout\n{}\n--- stderr\n{}",
        run.stdout,
        run.stderr
    );
    run
}

fn read_to_end_on_a_thread(
    mut pipe: impl Read + Send + 'static,
) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}
