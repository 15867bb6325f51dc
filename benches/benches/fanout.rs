//! Bench `fanout`: the same 8 calls of 20 ms to the fake upstream, made sequentially,
//! with one OS thread per call, and with one tokio task per call.
//!
//! The figure to expect: sequential ≈ 8 × 20 ms, both concurrent versions ≈ 20 ms, so
//! about 8x faster; threads and tasks are within a few percent of each other, because
//! at 8 calls the cost of starting a thread (tens of µs) is lost in 20 ms of waiting.
//! The difference between threads and tasks shows at thousands of calls, not eight:
//! see the `spawn` bench. Go twin: `benches/go/fanout`.
//!
//! `cargo bench -p benches --bench fanout -- --quick`

use std::thread;
use std::time::{Duration, Instant};

use benches::{Bench, timed};
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
    group.slow();
    group.run("sequential", |iters| {
        timed(iters, || {
            for url in &urls {
                get_blocking(&blocking, url);
            }
        })
    });
    group.run("threads", |iters| {
        timed(iters, || {
            thread::scope(|scope| {
                for url in &urls {
                    let blocking = &blocking;
                    scope.spawn(move || get_blocking(blocking, url));
                }
            })
        })
    });
    group.run("async tasks", |iters| {
        runtime.block_on(async {
            let started = Instant::now();
            for _ in 0..iters {
                let mut tasks = JoinSet::new();
                for url in &urls {
                    let (client, url) = (client.clone(), url.clone());
                    tasks.spawn(async move { get(&client, &url).await });
                }
                while let Some(joined) = tasks.join_next().await {
                    joined.expect("a fan-out task panicked");
                }
            }
            started.elapsed()
        })
    });
    group.finish();
    bench.finish();
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
