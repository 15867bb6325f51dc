//! Step 01: one API call, untyped JSON into typed structs: the finished crate.
//!
//! In Python, `json.loads` hands you a dict and you find out at
//! `data["temprature_c"]` (a typo, a `KeyError`, much later) that the document
//! was not what you thought. In Go, `json.Unmarshal` fills a struct and quietly
//! leaves a zero where a field was missing. In Rust, serde builds the struct
//! *or* tells you, at the moment of decoding, which field is missing or of the
//! wrong type. That moment is the one idea of this step.
//!
//! The modules, in the order of the chapter:
//!
//! - [`social`]: the facebook and twitter documents, a worked example of a
//!   derived struct;
//! - [`weather`]: a flat document with a renamed field and a nullable one;
//! - [`github`]: a nested document, a list of structs, a field with a default;
//! - [`decode`]: serde_json's errors turned into readable ones
//!   ([`decode::DecodeError`]);
//! - [`fetch_error`]: everything that can go wrong with one call
//!   ([`fetch_error::FetchError`]);
//! - [`fetch_blocking`]: the call from ordinary threaded code
//!   (`reqwest::blocking`);
//! - [`fetch_async`]: the same call as an `async fn` (`reqwest` on tokio).

pub mod decode;
pub mod fetch_async;
pub mod fetch_blocking;
pub mod fetch_error;
pub mod github;
pub mod social;
pub mod weather;

// The step's tests live once, in the exercise crate; the solution runs the same
// file.
#[cfg(test)]
#[path = "../../../exercises/01-typed-json/src/tests/mod.rs"]
mod tests;
