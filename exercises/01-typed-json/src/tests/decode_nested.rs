//! Tests for `decode_nested` (src/github.rs): nested structs, a `Vec`, a
//! default.

use super::{GITHUB_BODY, edit};
use crate::github::{GitHub, Repo, decode_github};

#[test]
fn decodes_the_upstream_document() {
    let github = decode_github(GITHUB_BODY);
    assert!(
        github.is_ok(),
        "expected the /github body to decode into `GitHub` with its `repos`; got \
         {github:?}. Likely mistake: a field's name or type no longer matches the document \
         (serde's error names the key)."
    );
    let expected = GitHub {
        user: "gopher".to_string(),
        public_repos: 12,
        repos: vec![
            Repo {
                name: "workshop".to_string(),
                stars: 99,
                language: Some("Rust".to_string()),
            },
            Repo {
                name: "gopher-tools".to_string(),
                stars: 41,
                language: None,
            },
        ],
    };
    assert_eq!(
        github.unwrap(),
        expected,
        "expected both repos, in order, the second with language: None (it is null)"
    );
}

#[test]
fn a_missing_repo_list_is_empty() {
    let no_repos = r#"{"service":"github","user":"newcomer","public_repos":0}"#;
    let github = decode_github(no_repos);
    assert!(
        matches!(&github, Ok(GitHub { repos, .. }) if repos.is_empty()),
        "expected a body without \"repos\" to decode with an empty list, because a user \
         without repositories may leave the list out; got {github:?}. Likely mistake: \
         `repos` has no #[serde(default)], so its absence is an error."
    );
}

#[test]
fn a_missing_count_is_an_error() {
    let no_count = edit(GITHUB_BODY, r#","public_repos":12"#, "");
    let github = decode_github(&no_count);
    assert!(
        matches!(&github, Err(err) if err.to_string().contains("missing field `public_repos`")),
        "expected a body without \"public_repos\" to be an error naming it, because only \
         `repos` may be absent; got {github:?}. Likely mistake: #[serde(default)] on the \
         whole struct instead of on `repos`: every missing key then becomes a zero, as in Go."
    );
}

#[test]
fn a_repo_without_stars_is_an_error() {
    let no_stars = edit(GITHUB_BODY, r#""stars":41,"#, "");
    let github = decode_github(&no_stars);
    assert!(
        matches!(&github, Err(err) if err.to_string().contains("missing field `stars`")),
        "expected the second repo's missing \"stars\" to be an error, because every \
         element of the list is checked like the top level; got {github:?}. Likely \
         mistake: a #[serde(default)] on `Repo` or on `stars`."
    );
}

#[test]
fn negative_stars_are_an_error() {
    let negative = edit(GITHUB_BODY, r#""stars":99"#, r#""stars":-1"#);
    let github = decode_github(&negative);
    assert!(
        matches!(&github, Err(err) if err.to_string().contains("expected u32")),
        "expected \"stars\":-1 to be rejected, because `stars` is a u32; got {github:?}. \
         Likely mistake: the type of `stars` was changed to a signed number."
    );
}
