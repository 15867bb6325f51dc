//! Exercise 1 (`bounded`): at most `limit` calls in flight, a slot reused the
//! moment it frees, replies in URL order.
use std::time::Instant;

use upstream::{ENDPOINTS, Fault, Knobs, Upstream};

use super::support::*;
use crate::bounded::fetch_bounded;
use crate::fetch::Reply;

const WHAT: &str = "fetch_bounded";

/// `count` URLs of the named services (round and round), each with `latency`.
fn urls(up: &Upstream, count: usize, latency_ms: u64) -> Vec<String> {
    (0..count)
        .map(|i| {
            let name = ENDPOINTS[i % ENDPOINTS.len()];
            up.url_with(name, &Knobs::latency(ms(latency_ms)))
        })
        .collect()
}

/// A reply in words: the service whose document it is, or the error.
fn describe(reply: &Reply) -> String {
    match reply {
        Ok(body) => ENDPOINTS
            .iter()
            .find(|name| upstream::document(name) == Some(body.as_str()))
            .map_or_else(
                || format!("ok {body:.30}"),
                |name| (*name).to_owned(),
            ),
        Err(message) => format!("error ({message})"),
    }
}

fn describe_all(replies: &[Reply]) -> Vec<String> {
    replies.iter().map(describe).collect()
}

#[tokio::test]
async fn never_more_than_the_limit_in_flight() {
    let up = start_upstream();
    let urls = urls(&up, 6, 200);

    let started = Instant::now();
    let replies = within(WHAT, || draw(&up), fetch_bounded(&urls, 3)).await;
    let elapsed = started.elapsed();

    assert!(
        replies.len() == 6 && replies.iter().all(Result::is_ok),
        "expected 6 good replies for 6 URLs; got {:?}",
        describe_all(&replies)
    );
    let peak = up.max_in_flight();
    assert!(
        peak <= 3,
        "expected at most 3 calls in flight at any moment, because the limit \
         is 3; the fake upstream saw {peak} at once.\n\n{}\nLikely mistake: \
         nothing limits the calls (join_all, or a task per URL, all started \
         at once), or the permit is dropped before its call ends: a permit \
         bound to `_` is dropped at once; keep it in a named variable that \
         lives until the call is done.",
        draw(&up)
    );
    assert!(
        peak == 3,
        "expected 3 calls in flight at once, because the limit is 3 and there \
         are 6 calls to make; at most {peak} ever were.\n\n{}\nLikely \
         mistake: the calls wait for each other (an .await per URL in a \
         loop?). Start up to `limit` of them at once.",
        draw(&up)
    );
    assert!(
        elapsed < ms(700),
        "expected 6 calls of 200 ms, 3 at a time, to take about 2 × 200 ms = \
         400 ms (with margin: under 700 ms); took {}.\n\n{}",
        show(elapsed),
        draw(&up)
    );
}

#[tokio::test]
async fn a_free_slot_is_used_at_once() {
    let up = start_upstream();
    // One slow call first, then six fast ones, two slots: while the slow call
    // holds one slot, the other should serve the six fast calls in turn.
    let mut urls = urls(&up, 1, 800);
    urls.extend(
        (0..6).map(|_| up.url_with("github", &Knobs::latency(ms(100)))),
    );

    let replies = within(WHAT, || draw(&up), fetch_bounded(&urls, 2)).await;

    assert!(
        replies.len() == 7 && replies.iter().all(Result::is_ok),
        "expected 7 good replies for 7 URLs; got {:?}",
        describe_all(&replies)
    );
    let log = up.requests();
    let slow = log
        .iter()
        .find(|record| record.query.contains("latency_ms=800"))
        .expect("the slow call should have reached the upstream");
    let slow_end = slow.end.expect("the slow call should have ended");
    let beside = log
        .iter()
        .filter(|record| record.path == "/github" && record.start < slow_end)
        .count();
    assert!(
        up.max_in_flight() <= 2,
        "expected at most 2 calls in flight, because the limit is 2; the fake \
         upstream saw {} at once.\n\n{}",
        up.max_in_flight(),
        draw(&up)
    );
    assert!(
        beside >= 4,
        "expected the second slot to keep working while the 800 ms call held \
         the first: the six 100 ms calls should (nearly) all start before the \
         slow one ends; only {beside} did.\n\n{}\nLikely mistake: the calls \
         ran in waves (chunks of `limit`, each waiting for its slowest call), \
         or finished replies held their slots while they waited for an \
         earlier, slower one (`buffered` keeps the order that way; \
         `buffer_unordered` does not).",
        draw(&up)
    );
}

#[tokio::test]
async fn replies_come_back_in_url_order() {
    let up = start_upstream();
    let urls = vec![
        up.url_with("facebook", &Knobs::latency(ms(300))),
        up.url_with("twitter", &Knobs::fault(Fault::Status500)),
        up.url("github"),
        up.url_with("weather", &Knobs::latency(ms(100))),
    ];

    let replies = within(WHAT, || draw(&up), fetch_bounded(&urls, 2)).await;

    let got = describe_all(&replies);
    let in_order = replies.len() == 4
        && describe(&replies[0]) == "facebook"
        && replies[1].as_ref().is_err_and(|e| e.contains("500"))
        && describe(&replies[2]) == "github"
        && describe(&replies[3]) == "weather";
    assert!(
        in_order,
        "expected the replies in the order of the URLs: facebook (after 300 \
         ms), an error for twitter (it answers 500), github (at once), \
         weather (after 100 ms); got {got:?}.\n\n{}\nLikely mistake: the \
         replies are in the order the calls finished (buffer_unordered and \
         JoinSet::join_next hand them over as they end), or a failed call was \
         left out. Carry each URL's index with its call, and put each reply \
         in its place.",
        draw(&up)
    );
}

#[tokio::test]
async fn any_number_of_urls() {
    let up = start_upstream();
    let three = urls(&up, 3, 100);

    let none = within(WHAT, || draw(&up), fetch_bounded(&[], 3)).await;
    let replies = within(WHAT, || draw(&up), fetch_bounded(&three, 10)).await;

    assert!(
        none.is_empty(),
        "expected no replies for no URLs; got {none:?}"
    );
    assert!(
        replies.len() == 3 && replies.iter().all(Result::is_ok),
        "expected 3 good replies for 3 URLs; got {:?}",
        describe_all(&replies)
    );
    assert_eq!(
        up.max_in_flight(),
        3,
        "expected all 3 calls in flight at once, because the limit (10) is \
         above the number of URLs.\n\n{}",
        draw(&up)
    );
}
