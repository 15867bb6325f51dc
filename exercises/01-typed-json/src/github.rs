//! Exercise `decode_nested`: structs inside structs, lists of them, and defaults.
//!
//! The one idea: nesting in JSON is nesting in types. An array of objects is a `Vec` of a
//! struct, each element checked like the top level. A key that may be absent without being
//! an error needs `#[serde(default)]`: you choose, field by field, where a missing value
//! may become "empty" — Go makes that choice for every field, silently.

use serde::Deserialize;

// ANCHOR: exercise
/// `GET /github`:
/// `{"service":"github","user":"gopher","public_repos":12,"repos":[{"name":"workshop","stars":99,"language":"Rust"},{"name":"gopher-tools","stars":41,"language":null}]}`
// TODO: derive `Deserialize` for `GitHub` *and* for `Repo` (a struct can only be
// decoded if everything inside it can), and mark `repos` with `#[serde(default)]` so a
// document without the key decodes with an empty list.
// Book: book/src/01-typed-json.md#exercise-2-decode_nested
#[derive(Debug, Clone, PartialEq)]
pub struct GitHub {
    pub user: String,
    pub public_repos: u32,
    /// A user without repositories may leave the list out: that is an empty list.
    pub repos: Vec<Repo>,
}

/// One element of `"repos"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Repo {
    pub name: String,
    /// A count: `u32` also rejects a negative number, which Go's `int` would accept.
    pub stars: u32,
    /// GitHub answers `null` when it cannot tell the language.
    pub language: Option<String>,
}

/// Decodes the body of `GET /github`.
pub fn decode_github(body: &str) -> Result<GitHub, serde_json::Error> {
    // TODO: the same one call as in `decode_weather`; the nesting is all in the types.
    // Book: book/src/01-typed-json.md#exercise-2-decode_nested
    todo!("decode_github")
}
// ANCHOR_END: exercise
