//! Tests for `decode_errors` (src/decode.rs): readable errors that name the
//! field, the line and the column, sorted into "not JSON" and "wrong shape".

use serde::Deserialize;

use super::{FACEBOOK_BODY, TWITTER_BODY, edit};
use crate::decode::{DecodeError, decode};
use crate::social::{Facebook, Twitter};

/// The 1-based column just after the first occurrence of `needle` in a one-line
/// body: where serde_json stands when it notices that the value it just read is
/// wrong.
fn column_after(body: &str, needle: &str) -> usize {
    let start = body.find(needle).expect("test bug: needle not in body");
    start + needle.len()
}

#[test]
fn a_good_body_decodes() {
    let facebook = decode::<Facebook>(FACEBOOK_BODY);
    assert!(
        matches!(&facebook, Ok(fb) if fb.user == "gopher" && fb.posts.len() == 2),
        "expected the /facebook body to decode with its 2 posts; got {facebook:?}. Likely \
         mistake: an error is returned even when decoding worked (return the value)."
    );
}

#[test]
fn html_is_not_json() {
    let err = decode::<Facebook>("<html>502 Bad Gateway</html>");
    assert!(
        matches!(
            &err,
            Err(DecodeError::NotJson {
                line: 1,
                column: 1,
                ..
            })
        ),
        "expected NotJson at line 1, column 1, because `<` cannot start a JSON value; \
         got {err:?}. Likely mistake: Category::Syntax is not sorted as NotJson, or the \
         line and column are not taken from serde_json's error."
    );
}

#[test]
fn a_cut_off_body_is_not_json() {
    let half = &FACEBOOK_BODY[..FACEBOOK_BODY.len() / 2];
    let err = decode::<Facebook>(half);
    assert!(
        matches!(&err, Err(DecodeError::NotJson { message, .. }) if message.contains("EOF")),
        "expected NotJson mentioning EOF for a body that stops halfway, because it is \
         broken JSON rather than JSON of the wrong shape; got {err:?}. Likely mistake: \
         Category::Eof is sorted with Data; a body that stops too early is not JSON."
    );
}

#[test]
fn text_after_the_document_is_not_json() {
    let trailing = format!("{FACEBOOK_BODY} and more");
    let err = decode::<Facebook>(&trailing);
    assert!(
        matches!(&err, Err(DecodeError::NotJson { message, .. }) if message.contains("trailing")),
        "expected NotJson (trailing characters) for text after the closing brace, \
         because the body as a whole is not one JSON value; got {err:?}. Likely mistake: \
         you forgot to call the deserializer's end method after decoding: a Deserializer \
         you build yourself accepts trailing text until you do (from_str does it for you)."
    );
}

#[test]
fn a_wrong_type_names_the_field_path() {
    let body = edit(FACEBOOK_BODY, r#""likes":3"#, r#""likes":"three""#);
    let err = decode::<Facebook>(&body);
    let expected = DecodeError::WrongShape {
        path: "posts[1].likes".to_string(),
        message: "invalid type: string \"three\", expected u32".to_string(),
        line: 1,
        column: column_after(&body, r#""three""#),
    };
    assert_eq!(
        err,
        Err(expected),
        "expected WrongShape naming the path posts[1].likes, serde's message without its \
         position, and the line and column of the bad value (right: expected, left: \
         yours). Likely mistake: the path is not taken from serde_path_to_error's error, \
         or the message still ends with serde's own \" at line L column C\"."
    );
}

#[test]
fn a_missing_field_names_the_object_it_is_missing_from() {
    let body = edit(TWITTER_BODY, r#","retweets":12"#, "");
    let err = decode::<Twitter>(&body);
    assert!(
        matches!(&err, Err(DecodeError::WrongShape { path, message, .. })
            if path == "tweets[0]" && message == "missing field `retweets`"),
        "expected WrongShape at tweets[0] with \"missing field `retweets`\", because the \
         first tweet has no retweets; got {err:?}. Likely mistake: Category::Data is not \
         sorted as WrongShape, or the path is not serde_path_to_error's."
    );
}

#[test]
fn the_line_and_column_count_from_one_in_a_pretty_body() {
    // The shape of an answer from an API that pretty-prints its JSON.
    let body = "{\n  \"user\": \"gopher\",\n  \"followers\": true,\n  \"tweets\": []\n}";
    let err = decode::<Twitter>(body);
    assert!(
        matches!(&err, Err(DecodeError::WrongShape { path, line: 3, column: 19, .. })
            if path == "followers"),
        "expected WrongShape at `followers`, line 3, column 19 (just after `true`), so a \
         reader can find it in an editor; got {err:?}. Likely mistake: the position is \
         counted by hand instead of taken from serde_json's error."
    );
}

#[test]
fn the_message_says_what_where_and_which_field() {
    /// A document of our own, to show `decode` works for any `Deserialize`
    /// type.
    #[derive(Debug, Deserialize)]
    struct Health {
        #[allow(dead_code)]
        ok: bool,
    }
    let err =
        decode::<Health>(r#"{"ok":"yes"}"#).expect_err("\"yes\" is not a bool");
    let message = err.to_string();
    for part in [
        "wrong shape",
        "`ok`",
        "expected a boolean",
        "line 1",
        "column 11",
    ] {
        assert!(
            message.contains(part),
            "expected the message to contain {part:?}, so it explains itself; got \
             {message:?}. Likely mistake: the error is not the WrongShape variant, or one \
             of its fields is empty."
        );
    }
    assert_eq!(
        message.matches("line").count(),
        1,
        "expected the position once, not twice; got {message:?}. Likely mistake: the \
         message is serde's own text, which ends with \" at line L column C\": take it \
         from the given `message_of` instead."
    );
}
