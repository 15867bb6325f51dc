//! Exercise 3: `fan_out` calls every upstream at once, keeps the configured order,
//! answers by the deadline whatever the upstreams do, and cancels what it leaves behind.
use std::time::Duration;

use tokio::time::{Instant, timeout};
use upstream::{Fault, Knobs, Upstream};

use super::support::{ms, refused_url, specs, timing_sensitive};
use crate::config::{UpstreamSpec, build_client};
use crate::fan_out::fan_out;
use crate::results::{Status, UpstreamResult};

fn start_upstream() -> Upstream {
    Upstream::start().expect("starting the fake upstream on 127.0.0.1:0")
}

fn latency(ms: u64) -> Knobs {
    Knobs::latency(Duration::from_millis(ms))
}

/// Runs `fan_out`, giving up after `deadline + 2 s` so a wrong solution cannot hang us.
async fn run(upstreams: &[UpstreamSpec], deadline: Duration) -> (Vec<UpstreamResult>, Duration) {
    let client = build_client().expect("client");
    let started = Instant::now();
    let limit = deadline + Duration::from_secs(2);
    let results = timeout(limit, fan_out(&client, upstreams, deadline))
        .await
        .unwrap_or_else(|_| {
            panic!("fan_out is still running {limit:?} after it started with a {deadline:?} deadline: every call must race the deadline")
        });
    (results, started.elapsed())
}

fn names(results: &[UpstreamResult]) -> Vec<&str> {
    results.iter().map(|result| result.name.as_str()).collect()
}

#[tokio::test]
async fn results_come_back_in_configured_order() {
    let up = start_upstream();
    // The first is the slowest: completion order is the reverse of configured order.
    let upstreams = specs(&[
        ("slow", up.url_with("facebook", &latency(150))),
        ("medium", up.url_with("twitter", &latency(75))),
        ("fast", up.url("github")),
    ]);
    let (results, _) = run(&upstreams, Duration::from_secs(5)).await;
    assert_eq!(
        names(&results),
        ["slow", "medium", "fast"],
        "results must be in the configured order, not in the order the calls finished \
         (carry each call's index through its task)"
    );
    for result in &results {
        assert_eq!(
            result.status,
            Status::Ok,
            "every upstream here is healthy; got {result:?}"
        );
        assert!(
            result.body.is_some(),
            "an ok result carries the body; got {result:?}"
        );
    }
}

#[tokio::test]
async fn the_calls_run_concurrently() {
    let _cpu = timing_sensitive().await;
    let up = start_upstream();
    let upstreams = specs(&[
        ("a", up.url_with("facebook", &latency(150))),
        ("b", up.url_with("twitter", &latency(150))),
        ("c", up.url_with("github", &latency(150))),
    ]);
    let (results, elapsed) = run(&upstreams, Duration::from_secs(5)).await;
    assert!(
        results.iter().all(|result| result.status == Status::Ok),
        "all three are healthy; got {results:?}"
    );
    assert!(
        elapsed < Duration::from_millis(300),
        "three calls of 150 ms each should take about 150 ms together (one task per \
         call, all started before waiting for any), not 450 ms; took {:.0} ms",
        ms(elapsed)
    );
}

#[tokio::test]
async fn returns_as_soon_as_every_call_is_done() {
    let up = start_upstream();
    let upstreams = specs(&[("a", up.url("facebook")), ("b", up.url("weather"))]);
    let (results, elapsed) = run(&upstreams, Duration::from_secs(5)).await;
    assert_eq!(names(&results), ["a", "b"]);
    assert!(
        elapsed < Duration::from_secs(1),
        "both upstreams answer at once, so fan_out should return at once, not wait for \
         the 5 s deadline; took {:.0} ms",
        ms(elapsed)
    );
}

#[tokio::test]
async fn every_fault_kind_is_reported_by_the_deadline() {
    let _cpu = timing_sensitive().await;
    let up = start_upstream();
    let fault = |name: &str, fault: Fault| up.url_with(name, &Knobs::fault(fault));
    let upstreams = specs(&[
        ("ok", up.url("facebook")),
        ("status_500", fault("twitter", Fault::Status500)),
        ("hang", fault("github", Fault::Hang)),
        ("invalid_json", fault("weather", Fault::InvalidJson)),
        ("stall", fault("facebook", Fault::Stall)),
        ("huge", fault("twitter", Fault::TooLarge)),
        ("refused", refused_url()),
    ]);
    let deadline = Duration::from_millis(300);
    let (results, elapsed) = run(&upstreams, deadline).await;

    let expected = [
        ("ok", Status::Ok),
        ("status_500", Status::Error),
        ("hang", Status::Timeout),
        ("invalid_json", Status::Error),
        ("stall", Status::Timeout),
        ("huge", Status::Error),
        ("refused", Status::Error),
    ];
    assert_eq!(names(&results), expected.map(|(name, _)| name));
    for (result, (name, status)) in results.iter().zip(expected) {
        assert_eq!(
            result.status, status,
            "upstream {name:?} should be reported as {status:?}; got {result:?}"
        );
        match status {
            Status::Ok => assert!(result.body.is_some() && result.error.is_none()),
            _ => assert!(
                result.body.is_none() && result.error.as_deref().is_some_and(|e| !e.is_empty()),
                "a failed call has no body and a readable error; got {result:?}"
            ),
        }
    }
    assert!(
        elapsed >= deadline,
        "two upstreams never finish, so fan_out must wait until the deadline; it \
         returned after {:.0} ms",
        ms(elapsed)
    );
    assert!(
        elapsed < deadline + Duration::from_millis(50),
        "fan_out must return by the deadline (300 ms) plus a few ms, whatever the \
         upstreams do; took {:.0} ms",
        ms(elapsed)
    );
}

#[tokio::test]
async fn a_timeout_cancels_the_call() {
    let up = start_upstream();
    let upstreams = specs(&[("hang", up.url_with("github", &Knobs::fault(Fault::Hang)))]);
    let (results, _) = run(&upstreams, Duration::from_millis(100)).await;
    assert_eq!(results[0].status, Status::Timeout, "got {results:?}");
    assert!(
        up.wait_for_abandoned(1, Duration::from_secs(2)).await,
        "after the deadline the hanging call must be dropped (which closes its \
         connection), so the upstream sees it abandoned; stats: {:?}",
        up.stats()
    );
}

#[tokio::test]
async fn dropping_fan_out_cancels_every_call() {
    let up = start_upstream();
    let hang = up.url_with("github", &Knobs::fault(Fault::Hang));
    let upstreams = specs(&[("one", hang.clone()), ("two", hang)]);
    let client = build_client().expect("client");
    // A client that disconnects: hyper drops the handler's future, and with it fan_out.
    let gave_up = timeout(
        Duration::from_millis(300),
        fan_out(&client, &upstreams, Duration::from_secs(8)),
    )
    .await;
    assert!(
        gave_up.is_err(),
        "the upstreams hang, so fan_out cannot be done yet"
    );
    assert!(
        up.wait_for_abandoned(2, Duration::from_secs(2)).await,
        "when the fan_out future is dropped, its calls must stop too (keep the tasks in \
         a JoinSet: dropping it aborts them); the upstream saw {:?}",
        up.stats()
    );
}

#[tokio::test]
async fn no_upstreams_no_results() {
    let (results, elapsed) = run(&[], Duration::from_secs(5)).await;
    assert!(results.is_empty(), "got {results:?}");
    assert!(
        elapsed < Duration::from_secs(1),
        "nothing to wait for; took {elapsed:?}"
    );
}
