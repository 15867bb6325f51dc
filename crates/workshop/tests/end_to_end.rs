//! The runner on a tiny workshop, for real: it builds the fixture's two crates with cargo,
//! runs their tests, and reports. Slow-ish (a few seconds each: cargo compiles two small
//! crates), so there are only two of these, each walking through a whole session.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use common::{Fixture, SOLVED_ANSWER};

#[test]
fn a_session_from_fresh_clone_to_solved_exercise() {
    let fixture = Fixture::new("session");

    // A fresh clone: nothing done, the first exercise is next, with its file, chapter
    // and the command to check it.
    fixture
        .run(&[])
        .expect_code(0)
        .stdout_has("0 of 2 exercises done")
        .stdout_has("not started      answer")
        .stdout_has("Next up: answer")
        .stdout_has("edit   exercises/00-demo/src/answer.rs")
        .stdout_has("read   book/src/00-demo.md#exercise-1-the-answer")
        .stdout_has("cargo workshop check answer");

    // `check` without a name checks the current exercise: it fails with the test's
    // advice and the way to a hint.
    fixture
        .run(&["check"])
        .expect_code(1)
        .stdout_has("---- tests::answer::is_42 stdout ----")
        .stdout_has("panicked at exercises/00-demo/src/answer.rs")
        .stdout_has("not yet implemented")
        .stdout_has("answer: 2 of 2 tests fail")
        .stdout_has("cargo workshop hint answer");

    // The maintainers' check holds on the fixture.
    let verify = fixture.run(&["verify"]);
    verify.expect_code(0).stdout_has("verify: ok.");
    assert!(
        verify.stdout.lines().any(|line| line.starts_with("00-demo")
            && line.contains("answer")
            && line.matches('✓').count() == 2),
        "a ✓ ✓ row for answer:\n{}",
        verify.stdout
    );

    // Solve it: check passes, progress moves on.
    fixture.write_answer(SOLVED_ANSWER);
    fixture
        .run(&["check", "answer"])
        .expect_code(0)
        .stdout_has("answer: all 2 tests pass.")
        .stdout_has("cargo workshop check double");
    fixture
        .run(&[])
        .expect_code(0)
        .stdout_has("1 of 2 exercises done")
        .stdout_has("done             answer")
        .stdout_has("Next up: double");
    fixture
        .run(&["next"])
        .expect_code(0)
        .stdout_has("Next up: double");
    // `list` now knows, without running anything.
    fixture
        .run(&["list"])
        .expect_code(0)
        .stdout_has("done             answer");

    // A compile error is reported as such, with rustc's message.
    fixture.write_answer("pub fn answer() -> u32 { \"forty-two\" }\n");
    fixture
        .run(&["check", "answer"])
        .expect_code(1)
        .stdout_has("mismatched types")
        .stdout_has("doesn't compile");
    fixture
        .run(&[])
        .expect_code(0)
        .stdout_has("doesn't compile  answer");

    // A wrong answer: the test's own advice is shown, and the exercise is "failing".
    fixture.write_answer("pub fn answer() -> u32 { 41 }\n");
    fixture
        .run(&["check", "answer"])
        .expect_code(1)
        .stdout_has("expected 42, because that is the answer")
        .stdout_has("answer: 2 of 2 tests fail");
    fixture
        .run(&[])
        .expect_code(0)
        .stdout_has("failing          answer  2 of 2 tests fail");

    // Reset brings back the shipped file, and with it "not started".
    fixture.run(&["reset", "answer", "--yes"]).expect_code(0);
    fixture
        .run(&[])
        .expect_code(0)
        .stdout_has("not started      answer");

    // verify catches a registered exercise without tests and a wrong anchor.
    let mut info = common::INFO.to_owned();
    info.push_str(
        "\n[[exercise]]\nname = \"ghost\"\nstep = \"00-demo\"\nfile = \"src/answer.rs\"\n\
         chapter = \"00-demo.md#exercise-3-nowhere\"\nhints = [\"Boo.\"]\n",
    );
    fixture.write_info(&info);
    fixture
        .run(&["verify"])
        .expect_code(1)
        .stdout_has("verify: FAILED.")
        .stdout_has("ghost: no tests")
        .stdout_has("`#exercise-3-nowhere` is not a heading of book/src/00-demo.md");
}

#[test]
fn a_hanging_test_is_stopped_named_and_remembered() {
    let fixture = Fixture::new("hang");
    // An attendee's deadlock, in effect: the function never returns.
    fixture.write_answer(
        "pub fn answer() -> u32 {\n    loop {\n        std::thread::sleep(std::time::Duration::from_secs(1));\n    }\n}\n",
    );
    let started = Instant::now();
    let mut command = fixture.workshop();
    command
        .env("WORKSHOP_TEST_DEADLINE_SECS", "3")
        .args(["check", "answer"]);
    let run = common::Run::from(command.output().expect("the runner starts"));
    run.expect_code(1)
        .stdout_has("did not finish within 3 s")
        .stdout_has("deadlock");
    assert!(
        started.elapsed() < Duration::from_secs(90),
        "stopped at its deadline, took {:?}",
        started.elapsed()
    );

    // The overview remembers it instead of waiting for the deadline again.
    let mut command = fixture.workshop();
    command.env("WORKSHOP_TEST_DEADLINE_SECS", "3");
    let run = common::Run::from(command.output().expect("the runner starts"));
    run.expect_code(0).stdout_has("timed out        answer");
    let again = Instant::now();
    let mut command = fixture.workshop();
    command.env("WORKSHOP_TEST_DEADLINE_SECS", "3");
    let run = common::Run::from(command.output().expect("the runner starts"));
    run.expect_code(0).stdout_has("timed out        answer");
    assert!(
        again.elapsed() < Duration::from_secs(3),
        "unchanged sources are not re-run, took {:?}",
        again.elapsed()
    );
}

#[test]
fn watch_rechecks_on_save_and_quits_on_q() {
    watch_session("watch", false);
}

/// Where file events never arrive (WSL on /mnt/c, network drives), polling alone must do.
#[test]
fn watch_notices_saves_without_file_events() {
    watch_session("watch-poll", true);
}

fn watch_session(name: &str, poll_only: bool) {
    let fixture = Fixture::new(name);
    let mut command = fixture.workshop();
    if poll_only {
        command.env("WORKSHOP_WATCH_POLL", "1");
    }
    let mut child = command
        .arg("watch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the runner starts");
    let (sender, lines) = mpsc::channel::<String>();
    let stdout = child.stdout.take().expect("piped stdout");
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let wait_for = |needle: &str, within: Duration| {
        let deadline = Instant::now() + within;
        let mut seen = Vec::new();
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match lines.recv_timeout(left) {
                Ok(line) if line.contains(needle) => return,
                Ok(line) => seen.push(line),
                Err(_) => break,
            }
        }
        panic!(
            "no line with {needle:?} within {within:?}; saw:\n{}",
            seen.join("\n")
        );
    };

    // The first check (a cold build of the fixture) fails, then it waits for a save.
    wait_for("answer: 2 of 2 tests fail", Duration::from_secs(120));
    wait_for("Watching answer for saves", Duration::from_secs(10));

    // A save is noticed (within half a second by polling even without file events),
    // re-checked (an incremental build of one tiny crate), and it moves on.
    let saved = Instant::now();
    fixture.write_answer(SOLVED_ANSWER);
    wait_for("answer: all 2 tests pass", Duration::from_secs(60));
    wait_for("Watching double for saves", Duration::from_secs(30));
    eprintln!("save to verdict: {:?}", saved.elapsed());

    // Keys are answered while it waits: `h` shows the hint.
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(b"h\n").expect("write h");
    stdin.flush().expect("flush");
    wait_for("Hint 1 of 2 for double", Duration::from_secs(5));

    // `q` + Enter quits, promptly and successfully.
    stdin.write_all(b"q\n").expect("write q");
    drop(stdin);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "watch exits 0 on q, got {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("watch did not quit within 10 s of `q`");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
