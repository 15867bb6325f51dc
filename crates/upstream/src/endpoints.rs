//! The documents the fake upstreams serve.
//!
//! Each named endpoint answers one small, fixed JSON document, in the spirit of the Go
//! articles' "call Facebook, Twitter and GitHub at once" examples. They are fixed strings
//! on purpose: tests compare bodies byte for byte, and the exercises' `serde` types are
//! written against exactly these shapes (including a `null` or two, so `Option` matters).

use std::sync::OnceLock;

use bytes::Bytes;

/// The named endpoints every fake upstream serves, each returning a small JSON document.
pub const ENDPOINTS: &[&str] = &["facebook", "twitter", "github", "weather"];

// ANCHOR: documents
const FACEBOOK: &str = r#"{"service":"facebook","user":"gopher","friends":42,"posts":[{"id":1,"text":"Hello from the fake Facebook","likes":7},{"id":2,"text":"Goroutines or tasks?","likes":3}]}"#;
const TWITTER: &str = r#"{"service":"twitter","user":"gopher","followers":1337,"tweets":[{"id":1,"text":"Concurrency is not parallelism","retweets":12}]}"#;
const GITHUB: &str = r#"{"service":"github","user":"gopher","public_repos":12,"repos":[{"name":"workshop","stars":99,"language":"Rust"},{"name":"gopher-tools","stars":41,"language":null}]}"#;
const WEATHER: &str = r#"{"service":"weather","city":"Berlin","temperature_c":21.5,"conditions":"sunny","wind_kmh":null}"#;
// ANCHOR_END: documents

/// The exact JSON body endpoint `name` answers (without faults), or `None` for an unknown
/// name. Handy in tests: `assert_eq!(body, upstream::document("github").unwrap())`.
pub fn document(name: &str) -> Option<&'static str> {
    match name {
        "facebook" => Some(FACEBOOK),
        "twitter" => Some(TWITTER),
        "github" => Some(GITHUB),
        "weather" => Some(WEATHER),
        _ => None,
    }
}

/// About how big the `fault=huge` body is: at least this many bytes (2 MiB), twice the
/// 1 MiB limit the exercises put on upstream bodies.
pub const HUGE_BODY_MIN_BYTES: usize = 2 * 1024 * 1024;

/// The size of the chunks a `fault=huge` body is streamed in.
const HUGE_CHUNK: usize = 64 * 1024;

/// The chunks of the `fault=huge` document for endpoint `service`:
/// `{"service":"NAME","items":[{"id":0,"text":"..."}, ...]}`, valid JSON, at least
/// [`HUGE_BODY_MIN_BYTES`] long.
///
/// Why chunks: a real oversized response arrives bit by bit, and a client that enforces a
/// size limit should stop reading (and drop the connection) as soon as it knows, not
/// after buffering everything. The big middle part is built once and shared: slicing
/// `Bytes` is a reference-count bump, not a copy.
pub(crate) fn huge_chunks(service: &str) -> Vec<Bytes> {
    static ITEMS: OnceLock<Bytes> = OnceLock::new();
    let items = ITEMS.get_or_init(|| {
        let text = "x".repeat(200);
        let mut items = String::with_capacity(HUGE_BODY_MIN_BYTES + 1024);
        let mut id = 0u32;
        while items.len() < HUGE_BODY_MIN_BYTES {
            if id > 0 {
                items.push(',');
            }
            items.push_str(&format!(r#"{{"id":{id},"text":"{text}"}}"#));
            id += 1;
        }
        Bytes::from(items)
    });

    let mut chunks = vec![Bytes::from(format!(r#"{{"service":"{service}","items":["#))];
    let mut start = 0;
    while start < items.len() {
        let end = (start + HUGE_CHUNK).min(items.len());
        chunks.push(items.slice(start..end));
        start = end;
    }
    chunks.push(Bytes::from_static(b"]}"));
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_is_json_naming_its_service() {
        for name in ENDPOINTS {
            let doc = document(name).expect("every listed endpoint has a document");
            let value: serde_json::Value = serde_json::from_str(doc).expect("valid JSON");
            assert_eq!(value["service"], *name);
            // The faults cut documents in half by bytes; ASCII keeps every cut valid UTF-8.
            assert!(doc.is_ascii(), "{name}'s document should be ASCII");
        }
        assert_eq!(document("echo"), None);
    }

    #[test]
    fn the_huge_document_is_big_valid_json() {
        let body: Vec<u8> = huge_chunks("github").concat();
        assert!(body.len() >= HUGE_BODY_MIN_BYTES);
        let value: serde_json::Value = serde_json::from_slice(&body).expect("valid JSON");
        assert_eq!(value["service"], "github");
    }
}
