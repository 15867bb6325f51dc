//! Exercise 2 (decode_nested): structs inside structs, lists of them, and
//! defaults.
//!
//! Nesting in JSON is nesting in types. An array of objects is a `Vec` of a
//! struct, and each element is checked exactly like the top level: a repo
//! without `stars` is as wrong as a document without `user`. That is also why a
//! struct can derive `Deserialize` only when every field's type can be decoded
//! too: the derived code calls theirs.
//!
//! A key that may be absent without being an error needs serde's `default`
//! attribute: you choose, field by field, where a missing value may become
//! "empty" (here, a user with no repositories may leave the list out). Go makes
//! that choice for every field, silently; a `default` on the whole struct would
//! make it for every field here too.

use serde::Deserialize;

// ANCHOR: exercise
/// `GET /github`:
///
/// ```json
/// {"service":"github","user":"gopher","public_repos":12,
///  "repos":[{"name":"workshop","stars":99,"language":"Rust"},
///           {"name":"gopher-tools","stars":41,"language":null}]}
/// ```
// TODO: Make `GitHub` decodable. A document without the repos key decodes with
//       an empty list; every other missing key stays an error.
// Book: book/src/01-typed-json.md#exercise-2-decode_nested
#[derive(Debug, Clone, PartialEq)]
pub struct GitHub {
    pub user: String,
    pub public_repos: u32,
    /// A user without repositories may leave the list out: that is an empty
    /// list.
    pub repos: Vec<Repo>,
}

/// One element of `"repos"`.
// TODO: Make `Repo` decodable too: each element of the list is checked like the
//       top level.
// Book: book/src/01-typed-json.md#exercise-2-decode_nested
#[derive(Debug, Clone, PartialEq)]
pub struct Repo {
    pub name: String,
    /// A count: `u32` also rejects a negative number, which Go's `int` would
    /// accept.
    pub stars: u32,
    /// GitHub answers `null` when it cannot tell the language.
    pub language: Option<String>,
}

/// Decodes the body of `GET /github`.
pub fn decode_github(body: &str) -> Result<GitHub, serde_json::Error> {
    // TODO: Decode `body` into a `GitHub`; the nesting lives in the types, not
    //       here.
    // Book: book/src/01-typed-json.md#exercise-2-decode_nested
    todo!()
}
// ANCHOR_END: exercise
