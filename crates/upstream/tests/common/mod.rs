//! Helpers shared by the integration tests (each test file is its own crate, so not
//! every helper is used everywhere).
#![allow(dead_code)]

use std::time::Duration;

/// Every wait in these tests has a deadline; this one is for "should happen promptly".
pub const PROMPTLY: Duration = Duration::from_secs(5);

/// An async client that gives up after 10 s, so a broken upstream fails a test instead of
/// hanging it.
pub fn client() -> reqwest::Client {
    client_with_timeout(Duration::from_secs(10))
}

pub fn client_with_timeout(timeout: Duration) -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .expect("a reqwest client builds")
}
