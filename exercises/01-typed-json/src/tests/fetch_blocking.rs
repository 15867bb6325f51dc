//! Tests for `fetch_blocking` (src/fetch_blocking.rs): one blocking call
//! against the in-process fake upstream, and each way it can fail.

use upstream::{Fault, Knobs};

use super::{
    FACEBOOK_BODY, TWITTER_BODY, blocking_client, refused_url, start_upstream,
};
use crate::decode::DecodeError;
use crate::fetch_blocking::fetch_json_blocking;
use crate::fetch_error::FetchError;
use crate::social::{Facebook, Twitter};

#[test]
fn fetches_and_decodes_facebook() {
    let upstream = start_upstream();
    let got = fetch_json_blocking::<Facebook>(
        &blocking_client(),
        &upstream.url("facebook"),
    );
    let expected: Facebook =
        serde_json::from_str(FACEBOOK_BODY).expect("test bug");
    assert!(
        matches!(&got, Ok(facebook) if *facebook == expected),
        "expected GET /facebook to decode into the document the upstream serves; got \
         {got:?}. Likely mistake: the body is not read in full, or an error is returned \
         on success."
    );
}

#[test]
fn the_same_function_fetches_any_document() {
    let upstream = start_upstream();
    let got = fetch_json_blocking::<Twitter>(
        &blocking_client(),
        &upstream.url("twitter"),
    );
    let expected: Twitter =
        serde_json::from_str(TWITTER_BODY).expect("test bug");
    assert!(
        matches!(&got, Ok(twitter) if *twitter == expected),
        "expected GET /twitter to decode into `Twitter`, because the function is generic \
         over the type it decodes into; got {got:?}"
    );
}

#[test]
fn http_500_is_a_status_error() {
    let upstream = start_upstream();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::Status500));
    let got = fetch_json_blocking::<Facebook>(&blocking_client(), &url);
    match got {
        Err(err @ FetchError::Status { status: 500, .. }) => {
            let message = err.to_string();
            assert!(
                message.contains(&url) && message.contains("500"),
                "expected the message to name the URL and the status; got {message:?}. \
                 Likely mistake: the variant carries another URL than the one called."
            );
        }
        other => panic!(
            "expected FetchError::Status {{ status: 500 }}, because a 500 is a failure even \
             when its body is JSON; got {other:?}. Likely mistake: the status was not \
             checked before the body was decoded (the 500's JSON error body then fails as \
             the wrong shape, or worse, decodes)."
        ),
    }
}

#[test]
fn an_unknown_endpoint_is_a_404() {
    let upstream = start_upstream();
    let got = fetch_json_blocking::<Facebook>(
        &blocking_client(),
        &upstream.url("myspace"),
    );
    assert!(
        matches!(got, Err(FetchError::Status { status: 404, .. })),
        "expected FetchError::Status {{ status: 404 }} for an endpoint that does not \
         exist, because any status that is not 2xx is a failure; got {got:?}. Likely \
         mistake: only 500 is checked, or the status is not checked at all."
    );
}

#[test]
fn a_body_that_is_not_json_is_a_decode_error() {
    let upstream = start_upstream();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::InvalidJson));
    let got = fetch_json_blocking::<Facebook>(&blocking_client(), &url);
    assert!(
        matches!(
            got,
            Err(FetchError::Decode {
                source: DecodeError::NotJson { .. },
                ..
            })
        ),
        "expected FetchError::Decode with DecodeError::NotJson for a 200 whose body is not \
         JSON; got {got:?}. Likely mistake: reqwest's own json method reports a bad body as \
         a Request error without saying why; read the body as text and decode it with your \
         `crate::decode::decode`."
    );
}

#[test]
fn the_wrong_struct_is_a_wrong_shape_error() {
    let upstream = start_upstream();
    // Pointing the facebook struct at the twitter endpoint: valid JSON, wrong
    // shape.
    let url = upstream.url("twitter");
    let got = fetch_json_blocking::<Facebook>(&blocking_client(), &url);
    match got {
        Err(
            err @ FetchError::Decode {
                source: DecodeError::WrongShape { .. },
                ..
            },
        ) => {
            let message = err.to_string();
            assert!(
                message.contains(&url)
                    && message.contains("missing field `friends`"),
                "expected the message to name the URL and the missing field; got {message:?}"
            );
        }
        other => panic!(
            "expected FetchError::Decode with DecodeError::WrongShape, because the twitter \
             document has no \"friends\"; got {other:?}. Likely mistake: the body is not \
             decoded with `crate::decode::decode`, or its error is not wrapped in Decode."
        ),
    }
}

#[test]
fn a_refused_connection_is_a_request_error() {
    let url = refused_url();
    let got = fetch_json_blocking::<Facebook>(&blocking_client(), &url);
    match got {
        Err(err @ FetchError::Request { .. }) => {
            let message = err.to_string();
            assert!(
                message.contains(&url),
                "expected the message to name the URL; got {message:?}"
            );
        }
        other => {
            panic!(
                "expected FetchError::Request, because nothing listens at {url}; got \
                 {other:?}. Likely mistake: the send error is not turned into Request."
            )
        }
    }
}
