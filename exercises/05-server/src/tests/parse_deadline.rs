//! Exercise 1: `parse_deadline` accepts whole milliseconds in `1..=10000`, and nothing else.
use std::time::Duration;

use crate::deadline::{DEFAULT_DEADLINE, parse_deadline};

#[test]
fn no_deadline_means_the_default() {
    assert_eq!(
        parse_deadline(None),
        Ok(DEFAULT_DEADLINE),
        "without `deadline_ms` in the query, the deadline should be DEFAULT_DEADLINE (1 s)"
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
        assert_eq!(
            parse_deadline(Some(value)),
            Ok(Duration::from_millis(ms)),
            "deadline_ms={value} should be accepted as {ms} ms"
        );
    }
}

#[test]
fn out_of_range_is_refused() {
    for value in ["0", "00", "10001", "60000", "99999999999999999999999"] {
        let result = parse_deadline(Some(value));
        assert!(
            result.is_err(),
            "deadline_ms={value} is outside 1..=10000 (or overflows a u64), so it should \
             be an Err; got {result:?}"
        );
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
            "deadline_ms={value:?} is not a plain whole number (ASCII digits only), so it \
             should be an Err; got {result:?}"
        );
    }
}

#[test]
fn the_error_says_what_went_wrong() {
    let message = parse_deadline(Some("soon")).expect_err("\"soon\" is not a number");
    assert!(
        message.contains("deadline_ms"),
        "the 400 message should name the parameter, so the client knows what to fix \
         (use `rejected(value)`); got {message:?}"
    );
}
