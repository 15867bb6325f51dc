//! `/search`: the one endpoint whose answer depends on the question.
//!
//! Rob Pike's "Go Concurrency Patterns" builds Google Search out of fake backends that
//! answer "web result for golang" after a random delay, then makes it fast and robust:
//! ask all backends at once, give up at a deadline, and ask several *replicas* of one
//! backend, keeping the first answer. Step 07 ports that last one (hedged requests), and
//! this endpoint is its backend:
//!
//! ```text
//! GET /search?q=golang&replica=b&latency_ms=80
//! {"service":"search","query":"golang","replica":"b","results":["web result for golang", ...]}
//! ```
//!
//! `replica` is only echoed back, so a test can tell which replica's answer won; the
//! latency and fault knobs work as on every other endpoint. Why not in
//! [`ENDPOINTS`](crate::ENDPOINTS): that list is "the services a fan-out calls", each
//! with one fixed document, and the step 05 server calls every one of them.

use std::fmt::Write as _;

/// The search endpoint's name: `GET /search?q=...`.
pub const SEARCH_ENDPOINT: &str = "search";

/// The longest `q` or `replica` accepted, in bytes (after decoding).
const MAX_PARAM: usize = 200;

// ANCHOR: search_document
/// The exact JSON `/search` answers for query `query`, from replica `replica`
/// (the `replica` parameter, `null` when none was given): Pike's three kinds of
/// result, `web`, `image` and `video`.
///
/// ```
/// let doc = upstream::search_document("golang", Some("b"));
/// let value: serde_json::Value = serde_json::from_str(&doc).unwrap();
/// assert_eq!(value["replica"], "b");
/// assert_eq!(value["results"][0], "web result for golang");
/// assert!(doc.starts_with(r#"{"service":"search","query":"golang","#));
/// ```
pub fn search_document(query: &str, replica: Option<&str>) -> String {
    // By hand rather than with `json!`, whose objects sort their keys: every
    // document starts with `"service"`, and this one keeps that order too.
    let json = |value: &str| serde_json::Value::from(value).to_string();
    let results: Vec<String> = ["web", "image", "video"]
        .iter()
        .map(|kind| json(&format!("{kind} result for {query}")))
        .collect();
    format!(
        r#"{{"service":"{SEARCH_ENDPOINT}","query":{},"replica":{},"results":[{}]}}"#,
        json(query),
        replica.map_or_else(|| "null".to_owned(), json),
        results.join(","),
    )
}
// ANCHOR_END: search_document

/// The search's own parameters, taken out of a query string.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct SearchParams {
    pub(crate) query: String,
    pub(crate) replica: Option<String>,
}

/// Splits a `/search` query string into its own parameters (`q`, `replica`, decoded)
/// and the rest, which holds the knobs for [`crate::knobs::parse_query`].
pub(crate) fn split_query(query: &str) -> Result<(SearchParams, String), String> {
    let mut params = SearchParams::default();
    let mut seen_q = false;
    let mut knobs = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "q" | "replica" => {
                let value = percent_decode(value)
                    .ok_or_else(|| format!("`{key}` is not valid percent-encoded UTF-8"))?;
                if value.len() > MAX_PARAM {
                    return Err(format!("`{key}` is over {MAX_PARAM} bytes"));
                }
                // Refused for the same reason as a repeated knob: no obvious meaning.
                let repeated = if key == "q" {
                    std::mem::replace(&mut seen_q, true)
                } else {
                    params.replica.is_some()
                };
                if repeated {
                    return Err(format!("`{key}` is given twice"));
                }
                if key == "q" {
                    params.query = value;
                } else {
                    params.replica = Some(value);
                }
            }
            _ => knobs.push(pair),
        }
    }
    Ok((params, knobs.join("&")))
}

/// `q=...`, percent-encoded: everything but ASCII letters, digits and `-_.~` becomes
/// `%XX`, so any text survives the trip through a URL.
pub(crate) fn encode_param(key: &str, value: &str) -> String {
    let mut encoded = format!("{key}=");
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            let _ = write!(encoded, "%{byte:02X}");
        }
    }
    encoded
}

/// Decodes `%XX` escapes and `+` (a space, as HTML forms and curl send it). `None` for a
/// broken escape or bytes that are not UTF-8.
fn percent_decode(value: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(value.len());
    let mut rest = value.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let hex = std::str::from_utf8(rest.get(..2)?).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &rest[2..];
            }
            _ => bytes.push(byte),
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_round_trip_through_the_url() {
        for text in ["golang", "rust async", "a&b=c?d", "grüße", "100%", ""] {
            let (params, rest) = split_query(&encode_param("q", text)).unwrap();
            assert_eq!(params.query, text);
            assert_eq!(rest, "");
        }
    }

    #[test]
    fn the_knobs_are_left_for_the_knob_parser() {
        let (params, rest) = split_query("latency_ms=5&q=go+lang&replica=b&fault=hang").unwrap();
        assert_eq!(
            params,
            SearchParams {
                query: "go lang".into(),
                replica: Some("b".into()),
            }
        );
        assert_eq!(rest, "latency_ms=5&fault=hang");
    }

    #[test]
    fn broken_parameters_are_refused() {
        for (query, needle) in [
            ("q=%zz", "percent"),
            ("q=%4", "percent"),
            ("q=%FF", "UTF-8"),
            ("q=a&q=b", "twice"),
            ("replica=a&replica=b", "twice"),
        ] {
            let error = split_query(query).expect_err(query);
            assert!(error.contains(needle), "{query}: {error}");
        }
        let long = format!("q={}", "x".repeat(MAX_PARAM + 1));
        assert!(split_query(&long).is_err_and(|e| e.contains("over")));
    }
}
