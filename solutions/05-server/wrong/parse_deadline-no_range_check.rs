//! KNOWN WRONG (kept for `cargo workshop verify`): accepts deadline_ms=0 and 10001, since
//! it checks the characters and parses, but never checks the range.
//!
//! Exercise 1 (parse_deadline): check `deadline_ms` at the edge, strictly.
//!
//! The idea to take away: check input at the edge and turn it into a type that cannot be
//! wrong later (`Duration`). Anything we cannot honour is refused with a `400` that says
//! what *is* accepted, before any work starts. Be strict: `"1e3"`, `"+5"` and `"2.5"` may
//! look like numbers, but a client sending them has a bug it should hear about.
//!
//! Why look at the characters yourself: `u64`'s `FromStr` accepts a leading `+`, a float
//! parse accepts `"2.5"`, `"1e3"` and `"inf"`, and `char::is_numeric` accepts digits of
//! other scripts (`"١٢٣"`, `"５"`). Once every byte is an ASCII digit, parsing a `u64` can
//! only fail by overflowing. Zero is refused as well: a deadline of 0 ms asks for an
//! answer before any upstream could give one.
use std::time::Duration;

/// The deadline when the query has no `deadline_ms`.
pub const DEFAULT_DEADLINE: Duration = Duration::from_millis(1000);
/// The largest accepted `deadline_ms` (the smallest is 1).
pub const MAX_DEADLINE_MS: u64 = 10_000;

// ANCHOR: parse_deadline
/// Turns the value of the `deadline_ms` query parameter into a `Duration`.
///
/// - `None` (no `deadline_ms` in the query): [`DEFAULT_DEADLINE`].
/// - ASCII digits only, with a value in `1..=MAX_DEADLINE_MS`: that many milliseconds.
/// - Anything else (empty, a sign, a fraction, an exponent, letters, spaces, out of
///   range, too big for a `u64`): an `Err` holding [`rejected`]'s message for it.
pub fn parse_deadline(value: Option<&str>) -> Result<Duration, String> {
    let Some(value) = value else {
        return Ok(DEFAULT_DEADLINE);
    };
    // Check the characters first: the parse below would accept "+5".
    if value.is_empty() || !value.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(rejected(value));
    }
    // Only digits now, so parsing fails only when the number overflows a u64.
    match value.parse::<u64>() {
        Ok(ms) => Ok(Duration::from_millis(ms)),
        Err(_) => Err(rejected(value)),
    }
}
// ANCHOR_END: parse_deadline

/// The `400` message for a `deadline_ms` value we refuse.
pub fn rejected(value: &str) -> String {
    // Echo the value so the client sees what we received, but not a whole novel.
    let shown: String = value.chars().take(32).collect();
    let ellipsis = if shown.len() < value.len() { "…" } else { "" };
    format!(
        "deadline_ms must be a whole number of milliseconds from 1 to {MAX_DEADLINE_MS} \
         (digits only), got {shown:?}{ellipsis}"
    )
}

/// Finds the one `deadline_ms` value among the query's `(key, value)` pairs.
///
/// Other parameters are ignored; `deadline_ms` given twice is an error, because we could
/// only guess which one the client meant.
pub fn deadline_value(query: &[(String, String)]) -> Result<Option<&str>, String> {
    let mut values = query
        .iter()
        .filter(|(key, _)| key == "deadline_ms")
        .map(|(_, value)| value.as_str());
    let first = values.next();
    if values.next().is_some() {
        return Err("deadline_ms is given more than once; give it once".to_owned());
    }
    Ok(first)
}
