//! Checks the given startup configuration (`config.rs`, `run.rs`) through the solution
//! crate's public API: the `--upstream NAME=URL` specs, the other input the server checks
//! at the edge, once, at startup.
//!
//! This is given code, not an exercise, so it is tested here rather than in an exercise
//! group: a test there would pass on the unsolved exercise.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use sol05_server::{ServeOptions, parse_upstream_specs, serve_blocking};

fn specs(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn upstream_specs_are_checked_at_startup() {
    let good = parse_upstream_specs(&specs(&[
        "facebook=http://127.0.0.1:4000/facebook",
        "gh=http://localhost:4000/github?latency_ms=10",
    ]))
    .expect("two good specs");
    assert_eq!(
        good.iter()
            .map(|u| (u.name.as_str(), u.url.as_str()))
            .collect::<Vec<_>>(),
        [
            ("facebook", "http://127.0.0.1:4000/facebook"),
            ("gh", "http://localhost:4000/github?latency_ms=10")
        ],
        "good specs are kept, in the order given (the order of the results)"
    );
    for (bad, why) in [
        (&["facebook"][..], "="),
        (&["=http://127.0.0.1:4000/facebook"][..], "empty name"),
        (
            &["a=http://127.0.0.1:1/a", "a=http://127.0.0.1:1/b"][..],
            "twice",
        ),
        (&["a=https://127.0.0.1:4000/a"][..], "http://"),
        (&["a=ftp://127.0.0.1/a"][..], "http://"),
        (&["a=127.0.0.1:4000/a"][..], "http://"),
    ] {
        match parse_upstream_specs(&specs(bad)) {
            Err(message) => assert!(
                message.contains(why),
                "{bad:?}: the error should say what is wrong ({why:?}); got {message:?}"
            ),
            Ok(parsed) => panic!("{bad:?} should be refused; got {parsed:?}"),
        }
    }
}

/// Runs `serve_blocking(options)` on a helper thread and returns its result. A refusal
/// comes back at once; a server that started instead would serve forever, so after a
/// deadline the test fails rather than hangs.
fn serve_blocking_within_deadline(options: ServeOptions) -> Result<(), String> {
    let limit = Duration::from_secs(5);
    let (done, result) = mpsc::channel();
    thread::spawn(move || {
        let _ = done.send(serve_blocking(options));
    });
    match result.recv_timeout(limit) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!(
            "serve_blocking did not return within {limit:?}: it should check its options \
             and refuse bad ones before it starts anything"
        ),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("serve_blocking panicked instead of returning an Err")
        }
    }
}

#[test]
fn serve_blocking_refuses_bad_options_before_it_starts_anything() {
    let refused = serve_blocking_within_deadline(ServeOptions {
        upstreams: specs(&["no-equals-sign"]),
        ..ServeOptions::default()
    });
    assert!(
        refused.is_err(),
        "a bad --upstream is an Err; got {refused:?}"
    );
    let refused = serve_blocking_within_deadline(ServeOptions {
        max_in_flight: 0,
        ..ServeOptions::default()
    });
    assert!(
        refused.is_err(),
        "--max-in-flight 0 is an Err; got {refused:?}"
    );
}
