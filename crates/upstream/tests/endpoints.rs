//! The endpoints' exact documents, the URLs, `/healthz`, 404, 405 and bad knobs.

mod common;

use common::client;
use upstream::{ENDPOINTS, Fault, Knobs, Upstream};

/// The contract other crates are written against (`/tmp/helpers/ENDPOINTS.md`), spelled
/// out again here so a change to a document cannot go unnoticed.
const EXPECTED: [(&str, &str); 4] = [
    (
        "facebook",
        r#"{"service":"facebook","user":"gopher","friends":42,"posts":[{"id":1,"text":"Hello from the fake Facebook","likes":7},{"id":2,"text":"Goroutines or tasks?","likes":3}]}"#,
    ),
    (
        "twitter",
        r#"{"service":"twitter","user":"gopher","followers":1337,"tweets":[{"id":1,"text":"Concurrency is not parallelism","retweets":12}]}"#,
    ),
    (
        "github",
        r#"{"service":"github","user":"gopher","public_repos":12,"repos":[{"name":"workshop","stars":99,"language":"Rust"},{"name":"gopher-tools","stars":41,"language":null}]}"#,
    ),
    (
        "weather",
        r#"{"service":"weather","city":"Berlin","temperature_c":21.5,"conditions":"sunny","wind_kmh":null}"#,
    ),
];

#[tokio::test]
async fn every_endpoint_answers_its_exact_document() {
    let up = Upstream::start().unwrap();
    assert_eq!(ENDPOINTS, EXPECTED.map(|(name, _)| name));
    for (name, expected) in EXPECTED {
        assert_eq!(upstream::document(name), Some(expected));
        let response = client().get(up.url(name)).send().await.unwrap();
        assert_eq!(response.status(), 200, "GET /{name}");
        assert_eq!(response.headers()["content-type"], "application/json");
        assert_eq!(response.text().await.unwrap(), expected, "GET /{name}");
    }
    let stats = up.stats();
    assert_eq!(
        (stats.received, stats.served, stats.abandoned),
        (4, 4, 0),
        "{stats:?}"
    );
}

#[test]
fn the_urls_point_at_the_running_upstream() {
    let up = Upstream::start().unwrap();
    let addr = up.addr();
    assert!(addr.ip().is_loopback() && addr.port() != 0, "{addr}");
    let base = format!("http://127.0.0.1:{}", addr.port());
    assert_eq!(up.base_url(), base);
    assert_eq!(up.url("github"), format!("{base}/github"));
    assert_eq!(up.url("/github"), format!("{base}/github"));
    assert_eq!(
        up.url_with("github", &Knobs::default()),
        format!("{base}/github")
    );
    assert_eq!(
        up.url_with("github", &Knobs::fault(Fault::Hang)),
        format!("{base}/github?fault=hang")
    );
}

#[tokio::test]
async fn healthz_answers_ok_and_is_not_counted() {
    let up = Upstream::start().unwrap();
    let response = client().get(up.url("healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), r#"{"ok":true}"#);
    assert_eq!(up.stats(), upstream::Stats::default());
}

/// Sends `url`, expects `status` with a JSON `{"error": "..."}` mentioning `needle`.
async fn expect_error(url: String, status: u16, needle: &str) {
    let response = client().get(&url).send().await.unwrap();
    assert_eq!(response.status(), status, "GET {url}");
    assert_eq!(response.headers()["content-type"], "application/json");
    let body: serde_json::Value = response.json().await.unwrap();
    let message = body["error"].as_str().unwrap_or_default();
    assert!(
        message.contains(needle),
        "expected the error for {url} to mention {needle:?}; got {body}"
    );
}

#[tokio::test]
async fn unknown_endpoints_are_404_with_a_json_error() {
    let up = Upstream::start().unwrap();
    expect_error(up.url("echo"), 404, "/echo").await;
    expect_error(up.url("echo?latency_ms=5"), 404, "/facebook").await;
    expect_error(up.base_url(), 404, "no endpoint /").await;
    expect_error(up.url("github/"), 404, "no endpoint").await;
    assert_eq!(up.stats().received, 0, "errors are not counted");
}

#[tokio::test]
async fn bad_knobs_are_400_with_a_json_error_saying_what_is_wrong() {
    let up = Upstream::start().unwrap();
    for (query, needle) in [
        ("latency_ms=abc", "latency_ms must be a whole number"),
        ("jitter_ms=-1", "jitter_ms must be a whole number"),
        ("latency_ms=600000", "cap"),
        ("fault=teapot", "unknown fault `teapot`"),
        ("fault=", "unknown fault"),
        ("latecy_ms=5", "unknown knob `latecy_ms`"),
    ] {
        expect_error(format!("{}?{query}", up.url("facebook")), 400, needle).await;
    }
    assert_eq!(up.stats().received, 0, "refused requests are not counted");
}

#[tokio::test]
async fn other_methods_than_get_are_405() {
    let up = Upstream::start().unwrap();
    let response = client()
        .post(up.url("github"))
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["error"].as_str().is_some_and(|m| m.contains("GET")),
        "{body}"
    );
}
