//! Bench `fanout`: the same 8 calls of 20 ms to the fake upstream, made sequentially,
//! with one OS thread per call, and with one tokio task per call.
//!
//! The figure to expect: sequential ≈ 8 × 20 ms, both concurrent versions ≈ 20 ms, so
//! about 8x faster; threads and tasks are within a few percent of each other, because
//! at 8 calls the cost of starting a thread (tens of µs) is lost in 20 ms of waiting.
//! The difference between threads and tasks shows at thousands of calls, not eight:
//! see the `spawn` bench. Go twin: `benches/go/fanout` (its own fake upstream, the same
//! latency; a `http.Client` keeping a connection per concurrent call, like reqwest's
//! pool).
//!
//! How the figures are taken: one client for the whole run (a `reqwest::Client` is a
//! connection pool: building one per call would measure TCP handshakes); the threads
//! row uses `thread::scope` and the blocking client; the tasks row spawns one task per
//! call with a `JoinSet`, from a task running on the runtime (timed inside it, see
//! `benches::timed_in`). What the figures do not show: many calls (the `spawn` and
//! `memory` benches), or a slow network, where the 20 ms are all there is.
//!
//! `cargo bench -p benches --bench fanout -- --quick`

use std::sync::Arc;
use std::thread;
use std::time::Duration;

use benches::{Bench, timed, timed_in};
use tokio::task::JoinSet;
use upstream::{ENDPOINTS, Knobs, Upstream};

const CALLS: usize = 8;
const LATENCY: Duration = Duration::from_millis(20);

fn main() {
    let upstream = Upstream::start().expect("start the fake upstream on 127.0.0.1:0");
    let urls: Vec<String> = (0..CALLS)
        .map(|i| upstream.url_with(ENDPOINTS[i % ENDPOINTS.len()], &Knobs::latency(LATENCY)))
        .collect();
    // The blocking client is built here, on `main`, outside any tokio runtime (it runs
    // one of its own inside, and must not be created or dropped within another).
    let blocking = reqwest::blocking::Client::new();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("start a tokio runtime");
    let client = reqwest::Client::new();

    let mut bench = Bench::from_args();
    let title = format!(
        "fanout: {CALLS} calls of {} ms each to one fake upstream",
        LATENCY.as_millis()
    );
    let mut group = bench.group("fanout", &title);
    group.slow().note(
        "Each side has its own fake upstream: tokio's timer rounds a 20 ms wait up to the next \
         millisecond, Go's does not.",
    );
    group.vs_go("sequential").run("sequential", |iters| {
        timed(iters, || {
            for url in &urls {
                get_blocking(&blocking, url);
            }
        })
    });
    group.vs_go("goroutines").run("threads", |iters| {
        timed(iters, || {
            thread::scope(|scope| {
                for url in &urls {
                    let blocking = &blocking;
                    scope.spawn(move || get_blocking(blocking, url));
                }
            })
        })
    });
    let shared: Arc<[String]> = urls.clone().into();
    group.vs_go("goroutines").run("async tasks", |iters| {
        let (client, urls) = (client.clone(), shared.clone());
        timed_in(&runtime, iters, move || {
            fan_out(client.clone(), urls.clone())
        })
    });
    group.finish();
    bench.finish();
}

/// One task per call, all at once; returns when every call is done.
async fn fan_out(client: reqwest::Client, urls: Arc<[String]>) {
    let mut tasks = JoinSet::new();
    for index in 0..urls.len() {
        let (client, urls) = (client.clone(), urls.clone());
        tasks.spawn(async move { get(&client, &urls[index]).await });
    }
    while let Some(joined) = tasks.join_next().await {
        joined.expect("a fan-out task panicked");
    }
}

/// One call from a thread: the whole body, and a loud failure (a bench that silently
/// measured failing calls would be fast and wrong).
fn get_blocking(client: &reqwest::blocking::Client, url: &str) {
    let body = client
        .get(url)
        .send()
        .and_then(|response| response.error_for_status())
        .and_then(|response| response.bytes());
    if let Err(error) = body {
        panic!("the fake upstream should answer {url}: {error}");
    }
}

/// One call from a task, like [`get_blocking`].
async fn get(client: &reqwest::Client, url: &str) {
    let body = match client.get(url).send().await {
        Ok(response) => match response.error_for_status() {
            Ok(response) => response.bytes().await.map(drop),
            Err(error) => Err(error),
        },
        Err(error) => Err(error),
    };
    if let Err(error) = body {
        panic!("the fake upstream should answer {url}: {error}");
    }
}
