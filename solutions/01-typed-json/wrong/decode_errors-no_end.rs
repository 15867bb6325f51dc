//! Exercise 3 (decode_errors): serde_json's errors, made readable.
//!
//! KNOWN WRONG (no_end): never calls the deserializer's `end`, so text after
//! the JSON value is accepted.
//!
//! serde_json already tells you *what* went wrong and *where* in the text (line
//! and column), but not *which field*: "invalid type: string \"three\",
//! expected u32 at line 1 column 170" leaves you counting characters.
//! `serde_path_to_error` wraps the decoder and remembers the path it was at
//! (`posts[1].likes`). The one idea: decide once, here, what a bad body means
//! for the caller — not JSON at all, or JSON of the wrong shape — and carry the
//! path, line and column along so the message explains itself.
//!
//! What you need to know about serde_json for it:
//!
//! - Every `serde_json::Error` knows its category
//!   (`serde_json::Error::classify`): `Data` is JSON of the wrong shape;
//!   `Syntax` and `Eof` are not JSON (bad syntax, or a body that stops too
//!   early); `Io` is a failed read, impossible from a `&str`, but a `match`
//!   must still say what it would mean.
//! - The shortcut `serde_json::from_str` checks that nothing but whitespace
//!   follows the value. A `serde_json::Deserializer` you build yourself leaves
//!   that check to a separate call (its `end` method): skip it and `{"ok":true}
//!   and more` decodes fine.

use serde::de::DeserializeOwned;
use serde_json::error::Category;

// ANCHOR: decode_error
/// Why a body could not be decoded into the type we asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Not JSON at all: a syntax error, trailing garbage, or a body that stops
    /// too early.
    #[error("the body is not JSON: {message} (line {line}, column {column})")]
    NotJson {
        message: String,
        line: usize,
        column: usize,
    },
    /// Valid JSON, but not the shape of the struct: a missing field, a value of
    /// the wrong type, a number out of range. `path` says where (`.` is the top
    /// level).
    #[error(
        "the JSON has the wrong shape at `{path}`: {message} \
         (line {line}, column {column})"
    )]
    WrongShape {
        path: String,
        message: String,
        line: usize,
        column: usize,
    },
}
// ANCHOR_END: decode_error

/// serde_json's message without its " at line L column C" tail: [`DecodeError`]
/// keeps the position as numbers, so its message must not say it twice.
pub fn message_of(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    match text.strip_suffix(&position) {
        Some(message) => message.to_string(),
        None => text,
    }
}

// ANCHOR: decode
/// Decodes `body` into any type that derives `Deserialize`, with errors that
/// name the field (`posts[1].likes`), the line and the column.
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, DecodeError> {
    let mut deserializer = serde_json::Deserializer::from_str(body);
    let value =
        serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
            let path = err.path().to_string();
            classify(path, err.inner())
        })?;
    Ok(value)
}

/// Sorts one serde_json error into "not JSON" or "wrong shape".
fn classify(path: String, err: &serde_json::Error) -> DecodeError {
    let (message, line, column) = (message_of(err), err.line(), err.column());
    match err.classify() {
        // The text parsed as JSON, but serde could not build the type from it.
        Category::Data => DecodeError::WrongShape {
            path,
            message,
            line,
            column,
        },
        // Bad syntax, a body cut short, or a failed read.
        Category::Syntax | Category::Eof | Category::Io => {
            DecodeError::NotJson {
                message,
                line,
                column,
            }
        }
    }
}
// ANCHOR_END: decode
