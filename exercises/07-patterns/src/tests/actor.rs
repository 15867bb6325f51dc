//! Exercise 6 (`actor`): a task that owns the counters, handles that send it
//! requests. Concurrent updates lose nothing; the task ends with its last
//! handle; a request to a stopped task is an error.
use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use tokio::task::JoinSet;
use tokio::time::{sleep, timeout};

use super::support::*;
use crate::actor::{Stopped, spawn_counters};

const WHAT: &str = "the actor test";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_updates_lose_nothing() {
    let (counters, task) = spawn_counters();
    let mut clients = JoinSet::new();
    for _ in 0..20 {
        let counters = counters.clone();
        clients.spawn(async move {
            let mut totals = Vec::new();
            for _ in 0..50 {
                totals.push(counters.add("visits", 1).await);
            }
            counters.add("pages", 2).await.map(|_| totals)
        });
    }
    let mut totals = Vec::new();
    let work = async {
        while let Some(joined) = clients.join_next().await {
            match joined {
                Ok(Ok(some)) => totals.extend(some),
                Ok(Err(stopped)) => panic!(
                    "expected every request to be answered while handles are \
                     alive; one got `{stopped}`"
                ),
                Err(err) => std::panic::resume_unwind(err.into_panic()),
            }
        }
    };
    within("20 tasks adding 50 times each", String::new, work).await;
    let mut seen: Vec<u64> = totals.into_iter().flatten().collect();
    seen.sort_unstable();
    let visits = counters.get("visits").await;
    let pages = counters.get("pages").await;
    let never = counters.get("never").await;

    assert_eq!(
        visits,
        Ok(1000),
        "expected 20 tasks × 50 additions of 1 to make 1000: the task handles \
         one request at a time, so no update can be lost"
    );
    assert!(
        seen == (1..=1000).collect::<Vec<u64>>(),
        "expected each add to return the new total, each total once (1 to \
         1000); got {} totals, {} distinct. Likely mistake: add does not \
         reply with the total after its own addition.",
        seen.len(),
        {
            let mut distinct = seen.clone();
            distinct.dedup();
            distinct.len()
        }
    );
    assert_eq!(pages, Ok(40), "expected 20 additions of 2 to make 40");
    assert_eq!(never, Ok(0), "expected a key never added to to read 0");
    drop(counters);
    let ended = tokio::time::timeout(DEADLINE, task).await;
    assert!(
        ended.is_ok(),
        "expected the task to end once every handle was dropped; it is still \
         waiting for requests after {}. Likely mistake: something still \
         holds a Sender of the task's channel.",
        show(DEADLINE)
    );
}

#[test]
fn the_task_ends_when_the_last_handle_is_dropped() {
    paused(WHAT, || async {
        let (counters, mut task) = spawn_counters();
        let other = counters.clone();
        assert_eq!(other.add("a", 1).await, Ok(1));
        drop(other);
        assert_eq!(
            counters.add("a", 2).await,
            Ok(3),
            "expected one handle to keep the task alive after another was \
             dropped"
        );

        sleep(ms(1000)).await;
        assert!(
            !task.is_finished(),
            "expected the task to keep running while a handle is alive"
        );
        drop(counters);
        let ended = timeout(FOREVER, &mut task).await;
        let Ok(joined) = ended else {
            panic!(
                "expected the task to end once every handle was dropped: it \
                 is still waiting for requests. Likely mistake: something \
                 still holds a Sender of the task's channel (a handle or a \
                 sender clone moved into the task itself?), so its recv never \
                 returns None."
            );
        };
        let map = joined
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        assert_eq!(
            map.get("a"),
            Some(&3),
            "expected the task to return its final counters ({{\"a\": 3}}); \
             got {map:?}"
        );
    });
}

#[test]
fn a_request_to_a_stopped_task_is_an_error() {
    paused(WHAT, || async {
        let (counters, task) = spawn_counters();
        assert_eq!(counters.add("a", 1).await, Ok(1));
        task.abort();
        let _ = task.await; // now it is gone, and its receiver with it

        let add = AssertUnwindSafe(counters.add("a", 1)).catch_unwind();
        let get = AssertUnwindSafe(counters.get("a")).catch_unwind();
        let hang = "expected a request to a stopped task to fail at once; it \
                    waits forever. Likely mistake: the reply is awaited \
                    without noticing that its sender is gone.";
        let outcomes = [
            ("add", timeout(FOREVER, add).await.expect(hang)),
            ("get", timeout(FOREVER, get).await.expect(hang)),
        ];
        for (name, outcome) in outcomes {
            match outcome {
                Ok(result) => assert_eq!(
                    result,
                    Err(Stopped),
                    "expected {name} on a stopped task to be Err(Stopped)"
                ),
                Err(payload) => panic!(
                    "expected {name} on a stopped task to return \
                     Err(Stopped); it panicked with {:?}. Likely mistake: \
                     did you unwrap the result of send, or of the reply? A \
                     stopped task is an expected outcome: turn both errors \
                     into Stopped.",
                    panic_text(&*payload)
                ),
            }
        }
    });
}
