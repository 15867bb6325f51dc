//! The calls the demos make: a label for the timeline, a fake upstream URL, and one
//! fetch function per world (blocking for threads, async for tasks).
//!
//! Both fetches do the same thing, send the request and read the whole body, and sum
//! up the outcome as the one word shown after the call's bar: `ok` or `error`.

use std::time::Duration;

use upstream::{ENDPOINTS, Knobs, Upstream};

/// One call to a fake upstream.
#[derive(Clone, Debug)]
pub(crate) struct Call {
    /// What its bar is labelled with: `facebook`, `twitter`, ..., then `facebook-2`, ...
    pub(crate) label: String,
    pub(crate) url: String,
}

/// `count` calls, cycling through the named endpoints; call `i` gets `knobs(i)`.
pub(crate) fn calls(
    upstream: &Upstream,
    count: usize,
    knobs: impl Fn(usize) -> Knobs,
) -> Vec<Call> {
    (0..count)
        .map(|i| {
            let name = ENDPOINTS[i % ENDPOINTS.len()];
            let round = i / ENDPOINTS.len();
            let label = if round == 0 {
                name.to_owned()
            } else {
                format!("{name}-{}", round + 1)
            };
            Call {
                label,
                url: upstream.url_with(name, &knobs(i)),
            }
        })
        .collect()
}

/// A blocking client for the demos. Its timeout is a safety net only (a demo must never
/// hang the projector), far above any latency a demo asks for.
pub(crate) fn blocking_client(latency: Duration) -> Result<reqwest::blocking::Client, String> {
    reqwest::blocking::Client::builder()
        .timeout(latency + Duration::from_secs(10))
        .build()
        .map_err(|e| format!("cannot build an HTTP client: {e}"))
}

/// The async twin of [`blocking_client`].
pub(crate) fn async_client(latency: Duration) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .timeout(latency + Duration::from_secs(10))
        .build()
        .map_err(|e| format!("cannot build an HTTP client: {e}"))
}

/// GET `url` on the calling thread, reading the whole body: `ok` or `error`.
pub(crate) fn fetch_blocking(client: &reqwest::blocking::Client, url: &str) -> &'static str {
    let outcome = client
        .get(url)
        .send()
        .and_then(|response| response.error_for_status())
        .and_then(|response| response.bytes());
    if outcome.is_ok() { "ok" } else { "error" }
}

/// GET `url` from a task, reading the whole body: `ok` or `error`.
pub(crate) async fn fetch(client: &reqwest::Client, url: &str) -> &'static str {
    let outcome = match client.get(url).send().await {
        Ok(response) => match response.error_for_status() {
            Ok(response) => response.bytes().await.map(drop),
            Err(error) => Err(error),
        },
        Err(error) => Err(error),
    };
    if outcome.is_ok() { "ok" } else { "error" }
}
