//! The tour the book shows: one test that uses every part of the API once.

use std::time::{Duration, Instant};

use upstream::{Fault, Knobs, Upstream};

#[tokio::test]
async fn a_tour_of_the_fake_upstream() {
    // ANCHOR: example
    let up = Upstream::start().expect("bind 127.0.0.1:0");
    let client = reqwest::Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();

    // A plain endpoint: http://127.0.0.1:PORT/facebook answers its document.
    let body = client
        .get(up.url("facebook"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(body, upstream::document("facebook").unwrap());

    // 100 ms of latency, in real time.
    let slow = up.url_with("github", &Knobs::latency(Duration::from_millis(100)));
    let started = Instant::now();
    client.get(slow).send().await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(100));

    // A broken one: 500, with a JSON error.
    let broken = up.url_with("twitter", &Knobs::fault(Fault::Status500));
    assert_eq!(client.get(broken).send().await.unwrap().status(), 500);

    // One that never answers: the client's timeout gives up...
    let hang = up.url_with("weather", &Knobs::fault(Fault::Hang));
    assert!(client.get(hang).send().await.unwrap_err().is_timeout());
    // ...and the upstream sees its client go away.
    assert!(up.wait_for_abandoned(1, Duration::from_secs(5)).await);

    let stats = up.stats();
    assert_eq!((stats.received, stats.served, stats.abandoned), (4, 3, 1));
    up.stop(); // or just drop it
    // ANCHOR_END: example
}
