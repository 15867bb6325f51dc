//! Exercise 1: `parse_deadline` accepts whole milliseconds in `1..=10000`, and nothing else.
use std::time::Duration;

use crate::deadline::{DEFAULT_DEADLINE, parse_deadline};

#[test]
fn no_deadline_means_the_default() {
    let result = parse_deadline(None);
    assert_eq!(
        result,
        Ok(DEFAULT_DEADLINE),
        "expected: without deadline_ms in the query, Ok(DEFAULT_DEADLINE) (1 s); \
         happened: {result:?}; likely mistake: the None case returns something else"
    );
}

#[test]
fn whole_milliseconds_in_range_are_accepted() {
    for (value, ms) in [
        ("1", 1),
        ("250", 250),
        ("1000", 1000),
        ("9999", 9999),
        ("10000", 10_000),
        ("007", 7),
    ] {
        let result = parse_deadline(Some(value));
        assert_eq!(
            result,
            Ok(Duration::from_millis(ms)),
            "expected: deadline_ms={value} accepted as {ms} ms; happened: {result:?}; \
             likely mistake: {}",
            if ms == 10_000 || ms == 1 {
                "the range must include both ends, 1 and MAX_DEADLINE_MS"
            } else {
                "the value is not read as milliseconds"
            }
        );
    }
}

#[test]
fn out_of_range_is_refused() {
    for value in ["0", "00", "10001", "60000", "99999999999999999999999"] {
        let result = parse_deadline(Some(value));
        let why = match value {
            "0" | "00" => "a deadline of 0 ms asks for an answer before any call could end",
            "10001" | "60000" => "it is over MAX_DEADLINE_MS (10 000)",
            _ => "it does not even fit in a u64",
        };
        assert!(
            result.is_err(),
            "expected: deadline_ms={value} refused, since {why}; happened: {result:?}; \
             likely mistake: no range check after parsing, or a range that starts at 0 \
             or ends past MAX_DEADLINE_MS"
        );
    }
}

/// What probably let `value` through, for the failure message.
fn likely_mistake(value: &str) -> &'static str {
    if value.starts_with('+') {
        "u64's parse accepts a leading +: check that every byte is an ASCII digit before \
         parsing"
    } else if value.trim() != value {
        "the value was trimmed; a client sending spaces has a bug it should hear about"
    } else if !value.is_ascii() {
        "a Unicode digit test (char::is_numeric, char::to_digit) accepts other scripts; \
         check each byte with u8::is_ascii_digit"
    } else if value.contains(['.', 'e', 'E']) || value == "NaN" || value == "inf" {
        "parsing as a float accepts fractions, exponents, NaN and inf; accept digits only"
    } else {
        "check that the value is not empty and every byte is an ASCII digit before parsing"
    }
}

#[test]
fn anything_but_digits_is_refused() {
    let not_digits = [
        "", " ", "-1", "-0", "+5", "1.5", "2.", ".5", "1e3", "1E3", "abc", "12abc", " 100", "100 ",
        "0x10", "1_000", "1,000", "NaN", "inf", "١٢٣", "５", "½",
    ];
    for value in not_digits {
        let result = parse_deadline(Some(value));
        assert!(
            result.is_err(),
            "expected: deadline_ms={value:?} refused, since it is not a plain whole number \
             (ASCII digits only); happened: {result:?}; likely mistake: {}",
            likely_mistake(value)
        );
    }
}

#[test]
fn the_error_says_what_went_wrong() {
    let result = parse_deadline(Some("soon"));
    let Err(message) = result else {
        panic!(
            "expected: \"soon\" refused; happened: {result:?}; likely mistake: {}",
            likely_mistake("soon")
        );
    };
    assert!(
        message.contains("deadline_ms"),
        "expected: the 400 message names the parameter, so the client knows what to fix; \
         happened: {message:?}; likely mistake: a message of your own instead of the one \
         `rejected` builds"
    );
}
