//! Exercise `panics`: `panic_message` and `catch_panic` turn a panic into
//! `JobError::Panicked { message, location: "file.rs:LINE" }`.

use std::panic;
use std::thread;

use crate::error::{JobError, UNKNOWN_LOCATION};
use crate::panics::{NON_STRING_PAYLOAD, catch_panic, panic_message};

use super::support::within;

/// `"this/file.rs:LINE"`, the way the panic hook spells a location.
fn here(line: u32) -> String {
    format!("{}:{}", file!(), line)
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
            "expected Err(JobError::Panicked {{ .. }}), because the work panicked; got {other:?}"
        ),
    }
}

#[test]
fn a_value_passes_through_untouched() {
    let result = catch_panic("add", || 40 + 2);
    assert_eq!(
        result,
        Ok(42),
        "work that does not panic must come back as Ok(its value)"
    );
}

#[test]
fn a_str_panic_gives_its_message_and_its_line() {
    // The panic must stay on the line right after this one.
    let line = line!() + 1;
    let result = catch_panic("parse", || -> u32 { panic!("the input is empty") });

    let (job, message, location) = expect_panicked(result);
    assert_eq!(job, "parse", "the error must name the job it came from");
    assert_eq!(
        message, "the input is empty",
        "`panic!(\"literal\")` carries a &str payload: downcast_ref::<&str>() reads it"
    );
    assert_eq!(
        location,
        here(line),
        "the location must be \"file:line\" of the panic!, as the panic hook records it \
         (take_panic_location() right after catch_unwind)"
    );
}

#[test]
fn a_formatted_panic_gives_its_message_and_its_line() {
    let id = 7;
    let line = line!() + 1;
    let result = catch_panic("lookup", || -> u32 { panic!("no user with id {id}") });

    let (_, message, location) = expect_panicked(result);
    assert_eq!(
        message, "no user with id 7",
        "a formatted `panic!` carries a String payload: downcast_ref::<String>() reads it"
    );
    assert!(
        location.ends_with(&format!("panics.rs:{line}")),
        "expected the location to end with panics.rs:{line}; got {location:?}"
    );
}

#[test]
fn a_panic_without_text_still_becomes_an_error() {
    let line = line!() + 1;
    let result = catch_panic("odd", || -> u32 { panic::panic_any(42_i32) });

    let (_, message, location) = expect_panicked(result);
    assert_eq!(
        message, NON_STRING_PAYLOAD,
        "a payload that is neither &str nor String is reported as NON_STRING_PAYLOAD"
    );
    assert_eq!(location, here(line), "panic_any has a location too");
}

#[test]
fn panic_message_reads_both_kinds_of_text() {
    let literal: Box<dyn std::any::Any + Send> = Box::new("literal");
    let owned: Box<dyn std::any::Any + Send> = Box::new(String::from("owned"));
    let number: Box<dyn std::any::Any + Send> = Box::new(3_u8);
    assert_eq!(
        panic_message(&*literal),
        "literal",
        "a &str payload (from `panic!(\"literal\")`) is read with downcast_ref::<&str>()"
    );
    assert_eq!(
        panic_message(&*owned),
        "owned",
        "a String payload (from a formatted `panic!`) is read with downcast_ref::<String>()"
    );
    assert_eq!(
        panic_message(&*number),
        NON_STRING_PAYLOAD,
        "any other payload has no text to show, so it is reported as NON_STRING_PAYLOAD"
    );
}

#[test]
fn an_old_location_is_never_reused() {
    // First a normal panic, which the hook records...
    let first = catch_panic("first", || -> u32 { panic!("recorded") });
    expect_panicked(first);
    // ...then one raised with `resume_unwind`, which skips the hook: we do not know
    // where it came from, and must not claim it came from the line above.
    let second = catch_panic("second", || -> u32 {
        panic::resume_unwind(Box::new("no hook for me"))
    });
    let (_, message, location) = expect_panicked(second);
    assert_eq!(message, "no hook for me");
    assert_eq!(
        location, UNKNOWN_LOCATION,
        "clear the recorded location before running the work (take_panic_location()), \
         so a panic that skips the hook reports UNKNOWN_LOCATION, not an older panic's line"
    );
}

#[test]
fn panics_on_two_threads_keep_their_own_lines() {
    // Two threads panic over and over at the same time, at two different lines. Each must
    // get its own line back: the location travels through a *thread-local* slot.
    let left_line = line!() + 3;
    let left = thread::spawn(move || {
        (0..50)
            .map(|_| catch_panic("left", || -> u32 { panic!("left") }))
            .map(|result| expect_panicked(result).2)
            .collect::<Vec<_>>()
    });
    let right_line = line!() + 3;
    let right = thread::spawn(move || {
        (0..50)
            .map(|_| catch_panic("right", || -> u32 { panic!("right") }))
            .map(|result| expect_panicked(result).2)
            .collect::<Vec<_>>()
    });
    let left = within("the left thread", move || left.join());
    let right = within("the right thread", move || right.join());
    // A panic that escaped catch_panic on one of the threads fails the test with its message.
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
