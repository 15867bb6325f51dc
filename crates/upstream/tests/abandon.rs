//! Abandonment: a client that gives up must be counted, wherever the server was.
//!
//! Nothing here sleeps to synchronise: the tests wait on the upstream's own notifications
//! (`wait_for`, `wait_for_abandoned`), each with a deadline.

mod common;

use std::time::{Duration, Instant};

use common::{PROMPTLY, client, client_with_timeout};
use upstream::{Fault, Knobs, Upstream};

#[tokio::test]
async fn a_client_timeout_during_the_latency_is_abandoned() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("facebook", &Knobs::latency(Duration::from_secs(30)));
    let result = client_with_timeout(Duration::from_millis(100))
        .get(url)
        .send()
        .await;
    assert!(
        result.as_ref().is_err_and(|e| e.is_timeout()),
        "expected a client timeout, got {result:?}"
    );
    assert!(
        up.wait_for_abandoned(1, PROMPTLY).await,
        "expected the upstream to see the client go away during the latency; stats {:?}",
        up.stats()
    );
    let stats = up.stats();
    assert_eq!(
        (stats.received, stats.served, stats.abandoned),
        (1, 0, 1),
        "{stats:?}"
    );
}

#[tokio::test]
async fn dropping_the_request_future_during_a_hang_is_abandoned() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("github", &Knobs::fault(Fault::Hang));
    let request = tokio::spawn(client().get(url).send());
    // Wait until the request really reached the endpoint, then give up on it.
    assert!(
        up.wait_for(|s| s.received == 1, PROMPTLY).await,
        "the request never arrived"
    );
    request.abort();
    assert!(
        up.wait_for_abandoned(1, PROMPTLY).await,
        "expected dropping the request future to close the connection and count as abandoned; stats {:?}",
        up.stats()
    );
    assert_eq!(up.stats().served, 0);
}

#[tokio::test]
async fn dropping_the_response_during_a_stall_is_abandoned() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("twitter", &Knobs::fault(Fault::Stall));
    let mut response = client().get(url).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let first = response
        .chunk()
        .await
        .unwrap()
        .expect("half of the body arrives");
    assert!(!first.is_empty());
    assert_eq!(up.stats().abandoned, 0, "the client is still reading");
    drop(response);
    assert!(
        up.wait_for_abandoned(1, PROMPTLY).await,
        "expected dropping a half-read response to count as abandoned; stats {:?}",
        up.stats()
    );
    assert_eq!(up.stats().served, 0);
}

#[test]
fn a_blocking_client_that_times_out_on_a_hang_is_abandoned() {
    let up = Upstream::start().unwrap();
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(100))
        .build()
        .unwrap();
    for n in 1..=3 {
        let url = up.url_with("weather", &Knobs::fault(Fault::Hang));
        let result = client.get(url).send();
        assert!(result.is_err(), "a hang must never answer; got {result:?}");
        assert!(
            up.wait_for_abandoned_blocking(n, PROMPTLY),
            "expected {n} abandoned; stats {:?}",
            up.stats()
        );
    }
    let stats = up.stats();
    assert_eq!(
        (stats.received, stats.served, stats.abandoned),
        (3, 0, 3),
        "{stats:?}"
    );
}

#[tokio::test]
async fn many_clients_giving_up_at_once_are_all_counted() {
    let up = Upstream::start().unwrap();
    let client = client_with_timeout(Duration::from_millis(200));
    let mut requests = Vec::new();
    for i in 0..20 {
        let knobs = if i % 2 == 0 {
            Knobs::fault(Fault::Hang)
        } else {
            Knobs::latency(Duration::from_secs(30))
        };
        requests.push(tokio::spawn(
            client.get(up.url_with("facebook", &knobs)).send(),
        ));
    }
    for request in requests {
        assert!(request.await.unwrap().is_err());
    }
    assert!(
        up.wait_for_abandoned(20, PROMPTLY).await,
        "expected all 20 to be abandoned; stats {:?}",
        up.stats()
    );
    assert_eq!(up.stats().in_flight(), 0);
}

#[tokio::test]
async fn waiting_for_something_that_never_happens_times_out() {
    let up = Upstream::start().unwrap();
    let started = Instant::now();
    assert!(!up.wait_for_abandoned(1, Duration::from_millis(100)).await);
    assert!(started.elapsed() >= Duration::from_millis(100));
    assert!(!up.wait_for_abandoned_blocking(1, Duration::from_millis(100)));
}

/// On paused time the test's clock jumps ahead whenever its runtime is idle. The upstream
/// must still be slow in real time, and `wait_for`'s deadline must be real time too
/// (otherwise it would time out at once).
#[tokio::test(start_paused = true)]
async fn works_from_a_test_on_paused_time() {
    let up = Upstream::start().unwrap();
    let url = up.url_with("github", &Knobs::latency(Duration::from_millis(200)));
    let started = Instant::now();
    let caller = std::thread::spawn(move || reqwest::blocking::get(url).and_then(|r| r.text()));
    assert!(
        up.wait_for(|s| s.served == 1, Duration::from_secs(10))
            .await,
        "expected the request to be served while a paused-time test waits; stats {:?}",
        up.stats()
    );
    assert!(
        started.elapsed() >= Duration::from_millis(200),
        "latency must be real time"
    );
    let body = caller.join().unwrap().unwrap();
    assert_eq!(body, upstream::document("github").unwrap());

    let started = Instant::now();
    assert!(!up.wait_for_abandoned(1, Duration::from_millis(150)).await);
    assert!(
        started.elapsed() >= Duration::from_millis(150),
        "the deadline of wait_for must be real time, not the paused clock"
    );
}
