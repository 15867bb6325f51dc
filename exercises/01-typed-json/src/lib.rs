//! Step 01: one API call, untyped JSON into typed structs.
//!
//! In Python, `json.loads` hands you a dict and you find out at
//! `data["temprature_c"]` (a typo, a `KeyError`, much later) that the document
//! was not what you thought. In Go, `json.Unmarshal` fills a struct and quietly
//! leaves a zero where a field was missing. In Rust, serde builds the struct
//! *or* tells you, at the moment of decoding, which field is missing or of the
//! wrong type. That moment is the one idea of this step.
//!
//! The exercises, in order (the chapter is `book/src/01-typed-json.md`):
//!
//! 1. `decode_weather`, in [`weather`]: a flat document, a renamed field, a
//!    nullable one;
//! 2. `decode_nested`, in [`github`]: nested structs, a list of them, a
//!    default;
//! 3. `decode_errors`, in [`decode`]: serde_json's errors turned into readable
//!    ones;
//! 4. `fetch_blocking`, in [`fetch_blocking`]: the call from threaded code;
//! 5. `fetch_async`, in [`fetch_async`]: the same call as an `async fn`.
//!
//! [`social`] (a worked example) and [`fetch_error`] (the error type) are
//! given. Check one exercise with `cargo workshop check NAME`, or all with
//! `cargo test -p ex01-typed-json`.

pub mod decode;
pub mod fetch_async;
pub mod fetch_blocking;
pub mod fetch_error;
pub mod github;
pub mod social;
pub mod weather;

// The tests of this step. The solution crate runs this very file too.
#[cfg(test)]
mod tests;
