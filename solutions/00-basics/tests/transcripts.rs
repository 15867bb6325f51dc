//! Checks the transcripts of the seed's Go programs as ported in
//! `sol00_basics::seed`: exactly the lines the Go programs print, and, where
//! the Go output depends on scheduling, exactly the orders that can happen.
//!
//! Each run happens on a helper thread with a deadline, so a deadlocked
//! protocol fails the test instead of hanging it.

use std::num::NonZeroUsize;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use sol00_basics::seed::MESSAGE;
use sol00_basics::seed::counter::final_value;
use sol00_basics::seed::ping_pong::ping_pong;
use sol00_basics::seed::turns::take_turns;

/// Runs `f` on its own thread and returns its result, or fails if it takes
/// longer than `limit` (a deadlock) or panics.
fn within<T: Send + 'static>(
    limit: Duration,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    let worker = thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what} finished without a result"),
        },
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!(
                "{what} did not finish within {limit:?}: a deadlock in the protocol?"
            )
        }
    }
}

/// The alternating middle of both transcripts: `0`, MESSAGE, `1`, MESSAGE, …
fn alternating(turns: usize) -> Vec<String> {
    (0..turns)
        .flat_map(|i| [i.to_string(), MESSAGE.to_string()])
        .collect()
}

#[test]
fn ping_pong_prints_the_go_transcript_up_to_the_one_race() {
    let turns = 10;
    let lines = within(Duration::from_secs(10), "ping_pong", move || {
        ping_pong(NonZeroUsize::new(turns).expect("non-zero"))
    });
    // Deterministic: the opening, and every turn up to the numbers worker's
    // last one.
    let mut expected = vec!["there is".to_string()];
    let middle = alternating(turns);
    expected.extend_from_slice(&middle[..middle.len() - 1]);
    assert_eq!(
        lines[..expected.len()],
        expected[..],
        "expected the opening and strictly alternating turns; got {lines:#?}"
    );
    // The race: the message worker's last line against the numbers worker's
    // `OK!`.
    let tail: Vec<&str> =
        lines[expected.len()..].iter().map(String::as_str).collect();
    let go_order = ["OK!", MESSAGE, "OK!", "all done"];
    let other_order = [MESSAGE, "OK!", "OK!", "all done"];
    assert!(
        tail == go_order || tail == other_order,
        "expected the tail to be {go_order:?} or {other_order:?}; got {tail:?}"
    );
}

#[test]
fn ping_pong_with_one_turn_still_finishes() {
    let lines = within(Duration::from_secs(10), "ping_pong(1)", || {
        ping_pong(NonZeroUsize::MIN)
    });
    assert_eq!(lines.len(), 6, "expected 6 lines; got {lines:?}");
    assert_eq!(lines[..2], ["there is", "0"]);
    assert_eq!(lines[4..], ["OK!", "all done"]);
}

#[test]
fn turns_prints_the_go_transcript_exactly() {
    let lines =
        within(Duration::from_secs(10), "take_turns", || take_turns(10));
    let mut expected = vec!["there is".to_string()];
    expected.extend(alternating(10));
    expected.extend(["both OK!".to_string(), "all done".to_string()]);
    assert_eq!(
        lines, expected,
        "expected the Go program's output line for line"
    );
}

#[test]
fn counter_reaches_5000() {
    let value = within(Duration::from_secs(10), "counter", final_value);
    assert_eq!(
        value, 5000,
        "5 workers × 1000 atomic increments must not lose any"
    );
}
