//! The tests of this step, one module per exercise (the module name is the
//! exercise's name, as in `exercises/info.toml`), and the helpers they share.
//!
//! The decode groups need no network. The fetch groups start the in-process
//! fake upstream on `127.0.0.1:0` and give every client a timeout, so a wrong
//! solution fails in seconds instead of hanging.

mod decode_errors;
mod decode_nested;
mod decode_weather;
mod fetch_async;
mod fetch_blocking;

use std::time::Duration;

/// The fake upstream's exact bodies (see `crates/upstream`), for the decode
/// tests.
pub const WEATHER_BODY: &str = r#"{"service":"weather","city":"Berlin","temperature_c":21.5,"conditions":"sunny","wind_kmh":null}"#;
pub const GITHUB_BODY: &str = r#"{"service":"github","user":"gopher","public_repos":12,"repos":[{"name":"workshop","stars":99,"language":"Rust"},{"name":"gopher-tools","stars":41,"language":null}]}"#;
pub const FACEBOOK_BODY: &str = r#"{"service":"facebook","user":"gopher","friends":42,"posts":[{"id":1,"text":"Hello from the fake Facebook","likes":7},{"id":2,"text":"Goroutines or tasks?","likes":3}]}"#;
pub const TWITTER_BODY: &str = r#"{"service":"twitter","user":"gopher","followers":1337,"tweets":[{"id":1,"text":"Concurrency is not parallelism","retweets":12}]}"#;

/// Longest any single call in a test may take. The fake upstream answers in
/// milliseconds; this only turns a hang into a failure.
pub const CALL_TIMEOUT: Duration = Duration::from_secs(10);

/// A fresh fake upstream on a free loopback port; stopped when dropped.
pub fn start_upstream() -> upstream::Upstream {
    upstream::Upstream::start()
        .expect("the fake upstream should start on 127.0.0.1:0")
}

/// A blocking client whose calls give up after [`CALL_TIMEOUT`].
pub fn blocking_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .timeout(CALL_TIMEOUT)
        .build()
        .expect("a plain HTTP client should build")
}

/// An async client whose calls give up after [`CALL_TIMEOUT`].
pub fn async_client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(CALL_TIMEOUT)
        .build()
        .expect("a plain HTTP client should build")
}

/// A loopback URL where nothing listens: bind a free port, then let it go.
pub fn refused_url() -> String {
    let listener =
        std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener
        .local_addr()
        .expect("a bound listener has an address");
    drop(listener);
    format!("http://{addr}/facebook")
}

/// Replaces the one occurrence of `from` in `body` (test bodies are edited
/// copies of the real ones, so each test shows exactly what it changed).
pub fn edit(body: &str, from: &str, to: &str) -> String {
    assert_eq!(
        body.matches(from).count(),
        1,
        "test bug: {from:?} should occur once in {body}"
    );
    body.replace(from, to)
}
