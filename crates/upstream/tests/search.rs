//! `/search`: Pike's fake search backend, and replicas with different latencies.

mod common;

use std::time::Duration;

use common::{PROMPTLY, client};
use upstream::{Fault, Knobs, RequestOutcome, SEARCH_ENDPOINT, Upstream, search_document};

/// The contract step 07 is written against, spelled out so a change cannot go unnoticed.
const GOLANG_FROM_B: &str = r#"{"service":"search","query":"golang","replica":"b","results":["web result for golang","image result for golang","video result for golang"]}"#;

#[test]
fn the_search_document_is_pikes_three_results() {
    assert_eq!(search_document("golang", Some("b")), GOLANG_FROM_B);
    let unnamed: serde_json::Value =
        serde_json::from_str(&search_document("say \"hi\"", None)).unwrap();
    assert_eq!(unnamed["replica"], serde_json::Value::Null);
    assert_eq!(unnamed["query"], "say \"hi\"", "quotes are escaped");
}

#[tokio::test]
async fn search_answers_the_query_it_was_asked() {
    let up = Upstream::start().unwrap();
    for (query, replica) in [("golang", None), ("rust async & more", Some("web-2"))] {
        let url = match replica {
            Some(replica) => up.replica_search_url(replica, query, &Knobs::default()),
            None => up.search_url(query, &Knobs::default()),
        };
        let response = client().get(&url).send().await.unwrap();
        assert_eq!(response.status(), 200, "GET {url}");
        assert_eq!(response.headers()["content-type"], "application/json");
        let body = response.text().await.unwrap();
        assert_eq!(body, search_document(query, replica), "GET {url}");
        let value: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(value["query"], query);
        assert_eq!(value["results"][0], format!("web result for {query}"));
    }
    assert_eq!(
        up.search_url("rust async", &Knobs::latency(Duration::from_millis(5))),
        format!("{}/search?q=rust%20async&latency_ms=5", up.base_url())
    );
    // Counted and logged like every endpoint, with the query as it was sent.
    let log = up.requests();
    assert_eq!(up.stats().served, 2);
    assert_eq!(log[1].path, "/search");
    assert_eq!(log[1].query, "q=rust%20async%20%26%20more&replica=web-2");
}

#[tokio::test]
async fn search_takes_the_knobs_and_refuses_bad_parameters() {
    let up = Upstream::start().unwrap();
    let broken = up.search_url("go", &Knobs::fault(Fault::Status500));
    assert_eq!(client().get(broken).send().await.unwrap().status(), 500);
    let base = up.url(SEARCH_ENDPOINT);
    for (query, needle) in [
        ("q=go&latecy_ms=5", "unknown knob"),
        ("q=%zz", "percent-encoded"),
        ("q=a&q=b", "twice"),
    ] {
        let response = client()
            .get(format!("{base}?{query}"))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "?{query}");
        let body: serde_json::Value = response.json().await.unwrap();
        assert!(
            body["error"].as_str().is_some_and(|e| e.contains(needle)),
            "?{query}: expected the error to mention {needle:?}, got {body}"
        );
    }
    let post = client().post(&base).send().await.unwrap();
    assert_eq!(post.status(), 405);
    assert_eq!(up.stats().received, 1, "only the 500 was counted");
    // Not one of the fan-out services, which all have a fixed document.
    assert!(!upstream::ENDPOINTS.contains(&SEARCH_ENDPOINT));
    assert_eq!(upstream::document(SEARCH_ENDPOINT), None);
}

/// Two replicas in one upstream, told apart by their latency and their name: the first
/// answer wins, the loser is dropped, and the upstream sees it abandoned.
#[tokio::test]
async fn replicas_in_one_upstream_race_and_the_loser_is_abandoned() {
    // ANCHOR: replicas_one_upstream
    let up = Upstream::start().unwrap();
    let latency = |ms| Knobs::latency(Duration::from_millis(ms));
    let slow = up.replica_search_url("a", "golang", &latency(30_000));
    let fast = up.replica_search_url("b", "golang", &latency(10));
    let client = client();
    let winner = tokio::select! {
        response = client.get(&slow).send() => response,
        response = client.get(&fast).send() => response,
    };
    let body = winner.unwrap().text().await.unwrap();
    assert_eq!(body, search_document("golang", Some("b")));
    assert!(
        up.wait_for_abandoned(1, PROMPTLY).await,
        "the loser was dropped: the upstream should see it abandoned:\n{}",
        upstream::draw_requests(&up.requests())
    );
    // ANCHOR_END: replicas_one_upstream
    let outcomes: Vec<_> = up.requests().iter().map(|r| r.outcome).collect();
    assert!(
        outcomes.contains(&RequestOutcome::Abandoned)
            && outcomes.contains(&RequestOutcome::Served { status: 200 }),
        "{outcomes:?}"
    );
}

/// The same race with one upstream per replica, as Pike's replicas are separate
/// servers: each upstream counts only its own requests.
#[tokio::test]
async fn replicas_as_separate_upstreams_keep_separate_counts() {
    // ANCHOR: replicas_separate
    let start = |_| Upstream::start().unwrap();
    let replicas: Vec<Upstream> = (0..3).map(start).collect();
    let latencies = [30_000, 10, 30_000];
    let client = client();
    let mut calls = tokio::task::JoinSet::new();
    for (i, (up, ms)) in replicas.iter().zip(latencies).enumerate() {
        let knobs = Knobs::latency(Duration::from_millis(ms));
        let url = up.replica_search_url(&i.to_string(), "golang", &knobs);
        let client = client.clone();
        calls.spawn(async move { client.get(url).send().await?.text().await });
    }
    let first = calls.join_next().await.unwrap().unwrap().unwrap();
    assert_eq!(first, search_document("golang", Some("1")));
    calls.abort_all(); // the losers
    // ANCHOR_END: replicas_separate
    for (i, up) in replicas.iter().enumerate() {
        if i == 1 {
            assert_eq!(up.served(), 1, "replica {i}");
        } else {
            assert!(
                up.wait_for_abandoned(1, PROMPTLY).await,
                "replica {i} lost the race: it should see its request abandoned; {:?}",
                up.stats()
            );
            assert_eq!(up.served(), 0, "replica {i}");
        }
    }
}
