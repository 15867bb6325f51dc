//! The knobs: how a caller asks one request to be slow or broken.
//!
//! Every knob travels in the request's query string (`?latency_ms=100&fault=hang`), so a
//! plain URL is enough to describe a misbehaving upstream: tests, demos, benches and the
//! step 05 server's configuration can all pass it around as a string. [`Knobs::query`]
//! writes that string and [`parse_query`] (server side) reads it back.
//!
//! The one idea: a bad knob is the caller's bug, so the server refuses it loudly (400 with
//! a message) instead of guessing. A typo like `latecy_ms=500` that silently meant "no
//! latency" would make a timeout exercise pass for the wrong reason.

use std::fmt;
use std::time::Duration;

/// The longest `latency_ms` or `jitter_ms` the server accepts (60 s).
///
/// Why a cap: a slip of the finger (`latency_ms=10000000`) would otherwise park a
/// connection for hours. A request that must never answer says so with
/// [`Fault::Hang`].
pub const MAX_DELAY: Duration = Duration::from_secs(60);

// ANCHOR: fault
/// A misbehaviour an endpoint can be asked for (query string `fault=...`).
///
/// Latency and jitter, if any, come first; then the fault decides what is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fault {
    /// `fault=500`: answers HTTP 500 with a JSON error body.
    Status500,
    /// `fault=hang`: never answers; waits until the client gives up.
    Hang,
    /// `fault=invalid_json`: 200 with a body that is not JSON (the document cut in half).
    InvalidJson,
    /// `fault=stall`: 200, a `content-length` for the whole document, sends half of it,
    /// then never sends the rest.
    Stall,
    /// `fault=huge`: 200 with a valid JSON body of about 2 MiB (over the 1 MiB limit the
    /// exercises enforce), streamed in chunks.
    TooLarge,
}
// ANCHOR_END: fault

impl Fault {
    /// Every fault, in the order the docs list them.
    pub const ALL: [Fault; 5] = [
        Fault::Status500,
        Fault::Hang,
        Fault::InvalidJson,
        Fault::Stall,
        Fault::TooLarge,
    ];

    /// The value of `fault=` in the query string: `500`, `hang`, `invalid_json`, `stall`
    /// or `huge`.
    pub fn name(self) -> &'static str {
        match self {
            Fault::Status500 => "500",
            Fault::Hang => "hang",
            Fault::InvalidJson => "invalid_json",
            Fault::Stall => "stall",
            Fault::TooLarge => "huge",
        }
    }

    /// The fault whose [`name`](Fault::name) is `name`, if any.
    pub fn from_name(name: &str) -> Option<Fault> {
        Fault::ALL.into_iter().find(|fault| fault.name() == name)
    }
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Per-request knobs, turned into a query string by [`Knobs::query`].
///
/// Build them with the constructors and chain the `with_` methods:
///
/// ```
/// use std::time::Duration;
/// use upstream::{Fault, Knobs};
///
/// let knobs = Knobs::latency(Duration::from_millis(100))
///     .with_jitter(Duration::from_millis(20))
///     .with_fault(Fault::Stall);
/// assert_eq!(knobs.query(), "latency_ms=100&jitter_ms=20&fault=stall");
/// assert_eq!(Knobs::fault(Fault::Status500).query(), "fault=500");
/// assert_eq!(Knobs::default().query(), "");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Knobs {
    /// `latency_ms=N`: wait this long before answering (whole milliseconds).
    pub latency: Duration,
    /// `jitter_ms=N`: add a random extra wait in `0..=jitter` (whole milliseconds).
    pub jitter: Duration,
    /// `fault=...`
    pub fault: Option<Fault>,
}

// ANCHOR: knobs
impl Knobs {
    /// Only latency: the request answers normally after `latency`.
    pub fn latency(latency: Duration) -> Knobs {
        Knobs {
            latency,
            ..Knobs::default()
        }
    }

    /// Only a fault, with no added latency.
    pub fn fault(fault: Fault) -> Knobs {
        Knobs {
            fault: Some(fault),
            ..Knobs::default()
        }
    }

    /// The same knobs plus a random extra wait in `0..=jitter`.
    pub fn with_jitter(self, jitter: Duration) -> Knobs {
        Knobs { jitter, ..self }
    }

    /// The same knobs plus a fault.
    pub fn with_fault(self, fault: Fault) -> Knobs {
        Knobs {
            fault: Some(fault),
            ..self
        }
    }

    /// The query string, without the leading `?`: `latency_ms=100&jitter_ms=20&fault=hang`.
    ///
    /// Only the knobs that are set appear (zero durations and no fault are left out), so
    /// `Knobs::default().query()` is `""`. Durations are written in whole milliseconds.
    pub fn query(&self) -> String {
        let mut parts = Vec::new();
        if !self.latency.is_zero() {
            parts.push(format!("latency_ms={}", self.latency.as_millis()));
        }
        if !self.jitter.is_zero() {
            parts.push(format!("jitter_ms={}", self.jitter.as_millis()));
        }
        if let Some(fault) = self.fault {
            parts.push(format!("fault={fault}"));
        }
        parts.join("&")
    }
}
// ANCHOR_END: knobs

/// Reads the knobs from a query string (without the `?`), as the server receives it.
///
/// Errors are sentences meant for the person who wrote the URL; the server sends them
/// back as `{"error": "..."}` with status 400.
pub(crate) fn parse_query(query: &str) -> Result<Knobs, String> {
    let mut knobs = Knobs::default();
    let mut seen: Vec<&str> = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        // Why refuse repeats: `latency_ms=10&latency_ms=5000` has no obvious meaning,
        // and "last one wins" would hide a bug in whoever built the URL.
        if seen.contains(&key) {
            return Err(format!("the knob `{key}` is given twice"));
        }
        match key {
            "latency_ms" => knobs.latency = parse_delay(key, value)?,
            "jitter_ms" => knobs.jitter = parse_delay(key, value)?,
            "fault" => {
                knobs.fault = Some(Fault::from_name(value).ok_or_else(|| {
                    format!(
                        "unknown fault `{value}`; the faults are 500, hang, invalid_json, stall and huge"
                    )
                })?)
            }
            _ => {
                return Err(format!(
                    "unknown knob `{key}`; the knobs are latency_ms, jitter_ms and fault"
                ));
            }
        }
        seen.push(key);
    }
    Ok(knobs)
}

/// `latency_ms` / `jitter_ms`: a whole number of milliseconds, at most [`MAX_DELAY`].
fn parse_delay(key: &str, value: &str) -> Result<Duration, String> {
    let max_ms = MAX_DELAY.as_millis();
    let ms: u64 = value.parse().map_err(|_| {
        format!("{key} must be a whole number of milliseconds in 0..={max_ms}, got `{value}`")
    })?;
    let delay = Duration::from_millis(ms);
    if delay > MAX_DELAY {
        return Err(format!(
            "{key}={ms} is over the cap of {max_ms} ms; use fault=hang for a request that never answers"
        ));
    }
    Ok(delay)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_through_the_parser() {
        let knobs = Knobs::latency(Duration::from_millis(250))
            .with_jitter(Duration::from_millis(30))
            .with_fault(Fault::InvalidJson);
        assert_eq!(parse_query(&knobs.query()), Ok(knobs));
        for fault in Fault::ALL {
            assert_eq!(
                parse_query(&Knobs::fault(fault).query()),
                Ok(Knobs::fault(fault))
            );
        }
        assert_eq!(parse_query(""), Ok(Knobs::default()));
    }

    #[test]
    fn bad_knobs_are_refused_with_a_reason() {
        for (query, needle) in [
            ("latency_ms=abc", "whole number"),
            ("latency_ms=-5", "whole number"),
            ("latency_ms=", "whole number"),
            ("jitter_ms=1.5", "whole number"),
            ("latency_ms=60001", "cap"),
            ("fault=teapot", "unknown fault"),
            ("latecy_ms=5", "unknown knob"),
            ("fault=hang&fault=500", "twice"),
        ] {
            match parse_query(query) {
                Ok(knobs) => panic!("expected `{query}` to be refused, got {knobs:?}"),
                Err(message) => assert!(
                    message.contains(needle),
                    "expected the error for `{query}` to mention `{needle}`; got {message:?}"
                ),
            }
        }
        assert_eq!(
            parse_query("latency_ms=60000").map(|k| k.latency),
            Ok(MAX_DELAY)
        );
    }
}
