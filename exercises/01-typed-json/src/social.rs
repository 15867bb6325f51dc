//! The facebook and twitter documents of the fake upstream, as Rust structs.
//!
//! A worked example (nothing to do here): a struct that derives `Deserialize`
//! *is* the schema of the JSON it accepts. Field names are the JSON keys, field
//! types say what each value must be, and a `Vec` of structs is a JSON array of
//! objects. Keys the struct does not mention (`"service"` below) are skipped,
//! as Go's `json.Unmarshal` skips them.

use serde::Deserialize;

// ANCHOR: facebook
/// `GET /facebook`:
///
/// ```json
/// {"service":"facebook","user":"gopher","friends":42,
///  "posts":[{"id":1,"text":"…","likes":7}, …]}
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Facebook {
    pub user: String,
    pub friends: u32,
    pub posts: Vec<Post>,
}

/// One element of `"posts"`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Post {
    pub id: u64,
    pub text: String,
    pub likes: u32,
}
// ANCHOR_END: facebook

// ANCHOR: decode_facebook
/// Decodes the body of `GET /facebook`. The return type picks the struct: there
/// is no untyped value in between to forget to check.
pub fn decode_facebook(body: &str) -> Result<Facebook, serde_json::Error> {
    serde_json::from_str(body)
}
// ANCHOR_END: decode_facebook

/// `GET /twitter`:
///
/// ```json
/// {"service":"twitter","user":"gopher","followers":1337,
///  "tweets":[{"id":1,"text":"…","retweets":12}]}
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Twitter {
    pub user: String,
    pub followers: u32,
    pub tweets: Vec<Tweet>,
}

/// One element of `"tweets"`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Tweet {
    pub id: u64,
    pub text: String,
    pub retweets: u32,
}
