//! Latency and jitter are real time, and bounded.

mod common;

use std::time::{Duration, Instant};

use common::client;
use upstream::{Knobs, Upstream};

#[tokio::test]
async fn a_100ms_request_takes_at_least_100ms() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("weather", &Knobs::latency(Duration::from_millis(100)));
    let started = Instant::now();
    let body = client()
        .get(url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(body, upstream::document("weather").unwrap());
    assert!(elapsed >= Duration::from_millis(100), "took {elapsed:?}");
    // Generous: only catches a latency applied twice or in seconds.
    assert!(elapsed < Duration::from_millis(1000), "took {elapsed:?}");
}

#[tokio::test]
async fn latency_is_per_request_so_concurrent_requests_overlap() {
    let up = Upstream::start().unwrap();
    let client = client();
    let url = up.url_with("github", &Knobs::latency(Duration::from_millis(100)));
    let started = Instant::now();
    let requests: Vec<_> = (0..10)
        .map(|_| tokio::spawn(client.get(url.clone()).send()))
        .collect();
    for request in requests {
        assert_eq!(request.await.unwrap().unwrap().status(), 200);
    }
    let elapsed = started.elapsed();
    assert!(
        elapsed >= Duration::from_millis(100) && elapsed < Duration::from_millis(600),
        "10 concurrent 100 ms requests should take about 100 ms, took {elapsed:?}"
    );
}

#[tokio::test]
async fn jitter_adds_a_bounded_random_wait() {
    let up = Upstream::start().unwrap();
    let client = client();
    let knobs = Knobs::latency(Duration::from_millis(50)).with_jitter(Duration::from_millis(300));
    let url = up.url_with("twitter", &knobs);
    let requests: Vec<_> = (0..8)
        .map(|_| {
            let request = client.get(url.clone()).send();
            tokio::spawn(async move {
                let started = Instant::now();
                let status = request.await.map(|r| r.status());
                (status, started.elapsed())
            })
        })
        .collect();
    let mut times = Vec::new();
    for request in requests {
        let (status, elapsed) = request.await.unwrap();
        assert_eq!(status.unwrap(), 200);
        times.push(elapsed);
    }
    let (min, max) = (times.iter().min().unwrap(), times.iter().max().unwrap());
    assert!(
        *min >= Duration::from_millis(50),
        "latency is the floor: {times:?}"
    );
    assert!(
        *max < Duration::from_millis(50 + 300 + 400),
        "jitter is at most 300 ms (plus slack): {times:?}"
    );
    // Eight uniform draws in 0..=300 ms all within 20 ms of each other: odds ~1e-7.
    assert!(
        *max - *min >= Duration::from_millis(20),
        "jitter should spread the requests out: {times:?}"
    );
}

#[tokio::test]
async fn no_knobs_means_no_wait() {
    let up = Upstream::start().unwrap();
    let started = Instant::now();
    let response = client().get(up.url("facebook")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        started.elapsed() < Duration::from_millis(500),
        "{:?}",
        started.elapsed()
    );
}
