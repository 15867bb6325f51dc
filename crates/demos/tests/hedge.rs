//! The `hedge` demo on a fixed scenario (latency 100 ms, no colour), called as a
//! function and checked by reading what it prints: four lanes, the winner of each, the
//! losers cancelled, the request counts, and the upstreams' proof of the cancels.

#[path = "support/fanout_shape.rs"]
#[allow(dead_code)] // only its parser serves here
mod shape;

use std::time::Duration;

use demos::DemoArgs;

/// How many runs the timing-sensitive checks get: the healthy replica (100 ms) must
/// answer before the hedge delay (200 ms), and before the next replica (150 ms) in the
/// race of all at once, which a stall of the busy test machine can spoil now and then.
const RUNS: usize = 3;

fn run_hedge() -> String {
    let args = DemoArgs {
        calls: 3,
        latency: Duration::from_millis(100),
    };
    let mut out = Vec::new();
    let result = demos::run("hedge", &args, &mut out, false);
    let text = String::from_utf8(out).expect("the demo writes UTF-8");
    assert_eq!(
        result,
        Ok(()),
        "the hedge demo should succeed; it printed:\n{text}"
    );
    text
}

/// Each lane's rows as `(replica letter, note)`.
fn rows(lane: &shape::Lane) -> Vec<(String, String)> {
    lane.rows
        .iter()
        .map(|row| {
            let letter = row.label.split(' ').nth(1).unwrap_or_default().to_owned();
            (letter, row.note.clone())
        })
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

#[test]
fn hedge_draws_the_four_ways_and_the_cancels() {
    let mut disturbed = Vec::new();
    for _ in 0..RUNS {
        let text = run_hedge();
        assert!(
            !text.contains('\x1b'),
            "no escape codes with colour off:\n{text}"
        );
        let lanes = shape::parse(&text);
        let titles: Vec<&str> = lanes.iter().map(|lane| lane.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "one replica",
                "all at once",
                "hedged, slow first (200 ms)",
                "hedged, healthy first (200 ms)"
            ],
            "four lanes, the single replica first:\n{text}"
        );
        assert_eq!(
            rows(&lanes[0]),
            pairs(&[("a", "ok")]),
            "one replica: the slow one, waited for:\n{text}"
        );
        assert!(
            text.contains("one replica: ") && text.contains("1 request\n"),
            "a summary line per lane with its requests:\n{text}"
        );
        assert!(
            text.lines()
                .any(|line| line.starts_with("the fake upstreams saw ")),
            "the upstreams' count of abandoned requests:\n{text}"
        );

        let calm = rows(&lanes[1]) == pairs(&[("a", "cancelled"), ("b", "ok"), ("c", "cancelled")])
            && rows(&lanes[2]) == pairs(&[("a", "cancelled"), ("b", "ok")])
            && rows(&lanes[3]) == pairs(&[("b", "ok")])
            && text.contains("each cancel closed a connection.");
        if calm {
            return;
        }
        eprintln!("disturbed run (retrying):\n{text}");
        disturbed.push(text);
    }
    panic!(
        "in {RUNS} runs, the races never came out as they should (b wins all at once and \
         both hedges, a and c cancelled, a healthy first replica needs no hedge):\n\n{}",
        disturbed.join("\n")
    );
}
