//! Exercise `panics`: `panic_message` and `catch_panic` turn a panic into
//! `JobError::Panicked { message, location: "file.rs:LINE" }`.

use std::panic::{self, AssertUnwindSafe};
use std::thread;

use crate::error::{JobError, UNKNOWN_LOCATION};
use crate::panics::{NON_STRING_PAYLOAD, catch_panic, install_location_hook, panic_message};

use super::support::{advice, is_todo, within};

/// `"this/file.rs:LINE"`, the way the panic hook spells a location.
fn here(line: u32) -> String {
    format!("{}:{}", file!(), line)
}

/// Calls `catch_panic(job, work)`. A panic that gets *through* it fails the test with
/// advice (the unfinished exercise's `todo!()` fails it as itself).
fn caught<T>(job: &str, work: impl FnOnce() -> T) -> Result<T, JobError> {
    match panic::catch_unwind(AssertUnwindSafe(|| catch_panic(job, work))) {
        Ok(result) => result,
        Err(payload) if is_todo(&*payload) => panic::resume_unwind(payload),
        Err(payload) => panic!(
            "{}",
            advice(
                "catch_panic to stop the work's panic and return Err(JobError::Panicked)",
                format!(
                    "the panic {:?} went straight through catch_panic into the test",
                    panic_message(&*payload)
                ),
                "the work is not run inside std::panic::catch_unwind (Rust's recover())"
            )
        ),
    }
}

/// Unpacks a `Panicked` error, or fails with advice.
fn expect_panicked<T: std::fmt::Debug>(result: Result<T, JobError>) -> (String, String, String) {
    match result {
        Err(JobError::Panicked {
            job,
            message,
            location,
        }) => (job, message, location),
        other => panic!(
            "{}",
            advice(
                "Err(JobError::Panicked { .. }), because the work panicked",
                format!("{other:?}"),
                "the panic must become JobError::Panicked"
            )
        ),
    }
}

/// The message every test gets when a text panic's message came back as no text.
fn check_text(message: &str, expected: &str, kind: &str) {
    let mistake = if message == NON_STRING_PAYLOAD {
        "panic_message was handed the Box (&payload) instead of what is inside it \
         (&*payload): a Box is itself Any, so every downcast_ref on it says no"
            .to_string()
    } else {
        format!("{kind} payload is read with downcast_ref::<{kind}>()")
    };
    assert_eq!(
        message,
        expected,
        "{}",
        advice(
            format!("the panic's own text, {expected:?}"),
            format!("{message:?}"),
            mistake
        )
    );
}

#[test]
fn a_value_passes_through_untouched() {
    let result = caught("add", || 40 + 2);
    assert_eq!(
        result,
        Ok(42),
        "{}",
        advice(
            "Ok(42): work that does not panic comes back as Ok(its value)",
            format!("{result:?}"),
            "the work's value must be returned as it is"
        )
    );
}

#[test]
fn a_str_panic_gives_its_message_and_its_line() {
    // The panic must stay on the line right after this one.
    let line = line!() + 1;
    let result = caught("parse", || -> u32 { panic!("the input is empty") });

    let (job, message, location) = expect_panicked(result);
    assert_eq!(job, "parse", "the error must name the job it came from");
    check_text(&message, "the input is empty", "&str");
    assert_eq!(
        location,
        here(line),
        "{}",
        advice(
            format!("the location of the panic!, {:?}", here(line)),
            format!("{location:?}"),
            "read the slot the hook wrote (take_panic_location) right after catch_unwind \
             returns, on the same thread"
        )
    );
}

#[test]
fn a_formatted_panic_gives_its_message_and_its_line() {
    let id = 7;
    let line = line!() + 1;
    let result = caught("lookup", || -> u32 { panic!("no user with id {id}") });

    let (_, message, location) = expect_panicked(result);
    check_text(&message, "no user with id 7", "String");
    assert!(
        location.ends_with(&format!("panics.rs:{line}")),
        "{}",
        advice(
            format!("a location ending with panics.rs:{line}"),
            format!("{location:?}"),
            "read the hook's slot right after catch_unwind returns"
        )
    );
}

#[test]
fn a_panic_without_text_still_becomes_an_error() {
    let line = line!() + 1;
    let result = caught("odd", || -> u32 { panic::panic_any(42_i32) });

    let (_, message, location) = expect_panicked(result);
    assert_eq!(
        message,
        NON_STRING_PAYLOAD,
        "{}",
        advice(
            "NON_STRING_PAYLOAD for a payload that is neither &str nor String",
            format!("{message:?}"),
            "any other payload has no text to show"
        )
    );
    assert_eq!(location, here(line), "panic_any has a location too");
}

#[test]
fn panic_message_reads_both_kinds_of_text() {
    let literal: Box<dyn std::any::Any + Send> = Box::new("literal");
    let owned: Box<dyn std::any::Any + Send> = Box::new(String::from("owned"));
    let number: Box<dyn std::any::Any + Send> = Box::new(3_u8);
    check_text(&panic_message(&*literal), "literal", "&str");
    check_text(&panic_message(&*owned), "owned", "String");
    assert_eq!(
        panic_message(&*number),
        NON_STRING_PAYLOAD,
        "any other payload has no text to show, so it is reported as NON_STRING_PAYLOAD"
    );
}

#[test]
fn an_old_location_is_never_reused() {
    // First a panic caught by someone else, with a plain catch_unwind: the hook notes its
    // line, and nobody takes the note...
    install_location_hook();
    let elsewhere_line = line!() + 1;
    let elsewhere = panic::catch_unwind(|| -> u32 { panic!("deliberate, caught by the test") });
    assert!(elsewhere.is_err());
    // ...then one raised with `resume_unwind`, which skips the hook: we do not know
    // where it came from, and must not claim it came from the line above.
    let second = caught("second", || -> u32 {
        panic::resume_unwind(Box::new("no hook for me"))
    });
    let (_, message, location) = expect_panicked(second);
    assert_eq!(message, "no hook for me");
    let mistake = if location == here(elsewhere_line) {
        "the slot still held an older panic's line: empty it (take_panic_location) \
         before running the work, not only after"
    } else {
        "a panic the hook never saw has no known location"
    };
    assert_eq!(
        location,
        UNKNOWN_LOCATION,
        "{}",
        advice(
            "UNKNOWN_LOCATION for a panic raised with resume_unwind (it skips the hook)",
            format!("{location:?}"),
            mistake
        )
    );
}

#[test]
fn panics_on_two_threads_keep_their_own_lines() {
    // Two threads panic over and over at the same time, at two different lines. Each must
    // get its own line back: the location travels through a *thread-local* slot.
    let left_line = line!() + 3;
    let left = thread::spawn(move || {
        (0..50)
            .map(|_| caught("left", || -> u32 { panic!("left") }))
            .map(|result| expect_panicked(result).2)
            .collect::<Vec<_>>()
    });
    let right_line = line!() + 3;
    let right = thread::spawn(move || {
        (0..50)
            .map(|_| caught("right", || -> u32 { panic!("right") }))
            .map(|result| expect_panicked(result).2)
            .collect::<Vec<_>>()
    });
    let left = within("the left thread", move || left.join());
    let right = within("the right thread", move || right.join());
    // A failure on one of the threads fails the test with its message.
    let left = left.unwrap_or_else(|payload| panic::resume_unwind(payload));
    let right = right.unwrap_or_else(|payload| panic::resume_unwind(payload));
    assert!(
        left.iter().all(|location| *location == here(left_line)),
        "every left panic happened at line {left_line}; got {left:?}"
    );
    assert!(
        right.iter().all(|location| *location == here(right_line)),
        "every right panic happened at line {right_line}; got {right:?}"
    );
}
