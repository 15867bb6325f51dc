//! A fetch whose cancellation reaches the socket: the code under test in
//! exercise 2 (given, and correct).
//!
//! Step 04 made `fetch_json` give up at a limit, and proved that giving up
//! closed the connection, with a test that watched the fake upstream's
//! `abandoned` counter. Here you write such a test yourself. [`Fetch`] makes
//! the implementation a value, so that the step's tests can run your test
//! against [`InFuture`] (correct: the request lives inside the future, and
//! dropping the future drops the connection) and against a leaky copy that
//! spawns the request into a task of its own, where a dropped future leaves it
//! running.

use std::future::Future;

// ANCHOR: fetch
/// An HTTP GET, as a value: [`InFuture`], or a leaky copy in the step's tests.
pub trait Fetch {
    /// GETs `url` and returns its body as text; a non-2xx status is an error.
    fn get(
        &self,
        url: &str,
    ) -> impl Future<Output = Result<String, reqwest::Error>>;
}

/// The request lives inside the returned future: drop the future (a timeout, a
/// `select!` that took another branch) and reqwest closes the connection.
#[derive(Clone, Debug, Default)]
pub struct InFuture {
    client: reqwest::Client,
}

impl InFuture {
    pub fn new() -> Self {
        Self::default()
    }
}

impl Fetch for InFuture {
    fn get(
        &self,
        url: &str,
    ) -> impl Future<Output = Result<String, reqwest::Error>> {
        let request = self.client.get(url);
        async move { request.send().await?.error_for_status()?.text().await }
    }
}
// ANCHOR_END: fetch
