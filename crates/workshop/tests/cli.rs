//! The runner's command line, end to end through the built binary: exit codes, messages
//! and suggestions. None of these build anything, so they are fast.

mod common;

use common::Fixture;

#[test]
fn a_bad_verb_exits_2_and_suggests_the_nearest_verb() {
    let fixture = Fixture::new("bad-verb");
    fixture
        .run(&["lsit"])
        .expect_code(2)
        .stderr_has("`lsit` is not a workshop command")
        .stderr_has("Did you mean `cargo workshop list`?")
        .stderr_has("The commands are: list, next, check");
}

#[test]
fn an_exercise_name_in_place_of_a_verb_suggests_check() {
    let fixture = Fixture::new("exercise-as-verb");
    fixture
        .run(&["answer"])
        .expect_code(2)
        .stderr_has("did you mean `cargo workshop check answer`?");
}

#[test]
fn a_bad_exercise_name_exits_2_and_suggests_the_nearest_name() {
    let fixture = Fixture::new("bad-name");
    for verb in ["check", "hint", "solution", "reset"] {
        fixture
            .run(&[verb, "anwser"])
            .expect_code(2)
            .stderr_has("there is no exercise called `anwser`. Did you mean `answer`?");
    }
}

#[test]
fn a_bad_flag_exits_2() {
    let fixture = Fixture::new("bad-flag");
    fixture
        .run(&["bench", "--quik"])
        .expect_code(2)
        .stderr_has("--quick");
    fixture
        .run(&["list", "--frobnicate"])
        .expect_code(2)
        .stderr_has("takes no flags");
}

#[test]
fn help_lists_the_verbs() {
    let fixture = Fixture::new("help");
    let run = fixture.run(&["--help"]);
    run.expect_code(0);
    for verb in [
        "list", "next", "check", "watch", "hint", "solution", "reset", "book", "verify", "demo",
        "serve", "upstream", "bench",
    ] {
        run.stdout_has(&format!("  {verb}"));
    }
}

#[test]
fn hint_prints_the_hint_and_where_to_look() {
    let fixture = Fixture::new("hint");
    fixture
        .run(&["hint", "answer"])
        .expect_code(0)
        .stdout_has("Return the number forty-two.\n  It is even.")
        .stdout_has("exercises/00-demo/src/answer.rs")
        .stdout_has("book/src/00-demo.md#exercise-1-the-answer")
        .stdout_has("cargo workshop check answer");
}

#[test]
fn list_shows_every_exercise_in_plain_text_when_piped() {
    let fixture = Fixture::new("list");
    let run = fixture.run(&["list"]);
    run.expect_code(0)
        .stdout_has("00-demo")
        .stdout_has("answer")
        .stdout_has("exercises/00-demo/src/double.rs")
        .stdout_has("0 of 2 exercises done")
        // Nothing ran yet, and `list` runs nothing: files as shipped are "not started"...
        .stdout_has("not started      answer");
    assert!(
        !run.stdout.contains('\x1b'),
        "no colour codes when piped:\n{}",
        run.stdout
    );
    // ...and an edited one is "unchecked" until the tests run.
    fixture.write_answer("pub fn answer() -> u32 { 41 }\n");
    fixture
        .run(&["list"])
        .expect_code(0)
        .stdout_has("unchecked        answer")
        .stdout_has("`cargo workshop` runs the tests again");
}

#[test]
fn demo_without_a_name_lists_the_demos() {
    let fixture = Fixture::new("demo-list");
    let run = fixture.run(&["demo"]);
    run.expect_code(0).stdout_has("Demos");
    for demo in demos::DEMOS {
        run.stdout_has(demo.name);
    }
}

#[test]
fn an_unknown_demo_exits_2() {
    let fixture = Fixture::new("demo-bad");
    fixture
        .run(&["demo", "no-such-demo"])
        .expect_code(2)
        .stderr_has("there is no demo called `no-such-demo`");
}

#[test]
fn solution_shows_the_diff_to_the_solution() {
    let fixture = Fixture::new("solution");
    fixture
        .run(&["solution", "answer"])
        .expect_code(0)
        .stdout_has("--- exercises/00-demo/src/answer.rs")
        .stdout_has("+++ solutions/00-demo/src/answer.rs")
        .stdout_has("-    todo!()")
        .stdout_has("+    42");
}

#[test]
fn reset_needs_yes_without_a_terminal_and_keeps_a_backup() {
    let fixture = Fixture::new("reset");
    // The first run keeps the pristine copy.
    fixture.run(&["list"]).expect_code(0);
    fixture.write_answer("pub fn answer() -> u32 { 41 }\n");
    fixture
        .run(&["reset", "answer"])
        .expect_code(2)
        .stderr_has("--yes");
    assert_eq!(
        std::fs::read_to_string(fixture.answer_file()).expect("read"),
        "pub fn answer() -> u32 { 41 }\n"
    );

    fixture
        .run(&["reset", "answer", "--yes"])
        .expect_code(0)
        .stdout_has("back as shipped");
    assert_eq!(
        std::fs::read_to_string(fixture.answer_file()).expect("read"),
        common::EXERCISE_ANSWER
    );
    let backups = fixture
        .root
        .join(".workshop")
        .join("backup")
        .join("00-demo")
        .join("src");
    let saved: Vec<_> = std::fs::read_dir(&backups)
        .expect("backup folder")
        .flatten()
        .collect();
    assert_eq!(saved.len(), 1, "one backup of the replaced file");
    assert_eq!(
        std::fs::read_to_string(saved[0].path()).expect("read"),
        "pub fn answer() -> u32 { 41 }\n"
    );

    fixture
        .run(&["reset", "answer"])
        .expect_code(0)
        .stdout_has("already as shipped");
}

#[test]
fn a_broken_info_toml_is_a_clear_error() {
    let fixture = Fixture::new("broken-info");
    fixture.write_info("[[exercise]]\nname = \"a\"\nstep = \"00-demo\"\nhitn = \"typo\"\n");
    fixture
        .run(&["list"])
        .expect_code(1)
        .stderr_has("info.toml")
        .stderr_has("hitn");
    // The instructor's verbs don't need the metadata.
    fixture.run(&["demo"]).expect_code(0);
}
