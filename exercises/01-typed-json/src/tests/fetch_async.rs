//! Tests for `fetch_async` (src/fetch_async.rs): the same call as an `async
//! fn`, on tokio, against the in-process fake upstream (real sockets, so real
//! time).

use std::future::Future;

use upstream::{Fault, Knobs};

use super::{
    CALL_TIMEOUT, FACEBOOK_BODY, TWITTER_BODY, async_client, refused_url,
    start_upstream,
};
use crate::decode::DecodeError;
use crate::fetch_async::fetch_json;
use crate::fetch_error::FetchError;
use crate::social::{Facebook, Twitter};

/// Awaits `call` under a deadline, so a call that never finishes fails the
/// test.
async fn within_deadline<T>(call: impl Future<Output = T>) -> T {
    tokio::time::timeout(CALL_TIMEOUT, call).await.expect(
        "the call should finish: the fake upstream answers in milliseconds",
    )
}

#[tokio::test]
async fn fetches_and_decodes_facebook() {
    let upstream = start_upstream();
    let client = async_client();
    let got = within_deadline(fetch_json::<Facebook>(
        &client,
        &upstream.url("facebook"),
    ))
    .await;
    let expected: Facebook =
        serde_json::from_str(FACEBOOK_BODY).expect("test bug");
    assert!(
        matches!(&got, Ok(facebook) if *facebook == expected),
        "expected GET /facebook to decode into the document the upstream serves; got \
         {got:?}. Likely mistake: the body is not read in full, or an error is returned \
         on success."
    );
}

#[tokio::test]
async fn the_same_function_fetches_any_document() {
    let upstream = start_upstream();
    let client = async_client();
    let got = within_deadline(fetch_json::<Twitter>(
        &client,
        &upstream.url("twitter"),
    ))
    .await;
    let expected: Twitter =
        serde_json::from_str(TWITTER_BODY).expect("test bug");
    assert!(
        matches!(&got, Ok(twitter) if *twitter == expected),
        "expected GET /twitter to decode into `Twitter`, because the function is generic \
         over the type it decodes into; got {got:?}"
    );
}

#[tokio::test]
async fn http_500_is_a_status_error() {
    let upstream = start_upstream();
    let client = async_client();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::Status500));
    let got = within_deadline(fetch_json::<Facebook>(&client, &url)).await;
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

#[tokio::test]
async fn an_unknown_endpoint_is_a_404() {
    let upstream = start_upstream();
    let client = async_client();
    let got = within_deadline(fetch_json::<Facebook>(
        &client,
        &upstream.url("myspace"),
    ))
    .await;
    assert!(
        matches!(got, Err(FetchError::Status { status: 404, .. })),
        "expected FetchError::Status {{ status: 404 }} for an endpoint that does not \
         exist, because any status that is not 2xx is a failure; got {got:?}. Likely \
         mistake: only 500 is checked, or the status is not checked at all."
    );
}

#[tokio::test]
async fn a_body_that_is_not_json_is_a_decode_error() {
    let upstream = start_upstream();
    let client = async_client();
    let url = upstream.url_with("facebook", &Knobs::fault(Fault::InvalidJson));
    let got = within_deadline(fetch_json::<Facebook>(&client, &url)).await;
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

#[tokio::test]
async fn the_wrong_struct_is_a_wrong_shape_error() {
    let upstream = start_upstream();
    let client = async_client();
    let url = upstream.url("facebook");
    let got = within_deadline(fetch_json::<Twitter>(&client, &url)).await;
    assert!(
        matches!(
            &got,
            Err(FetchError::Decode {
                source: DecodeError::WrongShape { message, .. },
                url: failed_url,
            }) if message == "missing field `followers`" && *failed_url == url
        ),
        "expected FetchError::Decode for {url} with WrongShape \"missing field \
         `followers`\", because the facebook document has no followers; got {got:?}. \
         Likely mistake: the body is not decoded with `crate::decode::decode`, or its \
         error is not wrapped in Decode with the URL."
    );
}

#[tokio::test]
async fn a_refused_connection_is_a_request_error() {
    let client = async_client();
    let url = refused_url();
    let got = within_deadline(fetch_json::<Facebook>(&client, &url)).await;
    assert!(
        matches!(&got, Err(FetchError::Request { url: failed_url, .. }) if *failed_url == url),
        "expected FetchError::Request carrying the URL, because nothing listens at {url}; \
         got {got:?}. Likely mistake: the send error is not turned into Request, or the \
         URL it carries is not the one called."
    );
}
