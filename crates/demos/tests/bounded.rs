//! The `bounded` demo on a fixed scenario (8 calls, latency 100 ms, no colour), called
//! as a function and checked by reading what it prints, the way the room reads it: four
//! lanes of eight calls, the upstreams' peaks (3, 3, 3, and all 8 at once), and chunks
//! slower than a sliding window.

#[path = "support/fanout_shape.rs"]
#[allow(dead_code)] // only its parser serves here
mod shape;

use std::time::Duration;

use demos::DemoArgs;

/// How many runs the one timing-sensitive check gets (a stalled machine can make a
/// sliding window as slow as the waves now and then; a demo that draws waves for both
/// fails every run).
const RUNS: usize = 3;

const TITLES: [&str; 4] = [
    "chunks of 3 (waves)",
    "Semaphore(3)",
    "JoinSet kept at 3",
    "all at once (no limit)",
];

fn run_bounded() -> String {
    let args = DemoArgs {
        calls: 8,
        latency: Duration::from_millis(100),
    };
    let mut out = Vec::new();
    let result = demos::run("bounded", &args, &mut out, false);
    let text = String::from_utf8(out).expect("the demo writes UTF-8");
    assert_eq!(
        result,
        Ok(()),
        "the bounded demo should succeed; it printed:\n{text}"
    );
    text
}

/// The four numbers of `peak in flight (...): chunks 3, Semaphore 3, JoinSet 3, all 8.`
fn peaks(text: &str) -> Vec<u64> {
    let line = text
        .lines()
        .find(|line| line.starts_with("peak in flight"))
        .unwrap_or_else(|| panic!("a `peak in flight` line expected:\n{text}"));
    line.split(':')
        .nth(1)
        .unwrap_or_default()
        .split(',')
        .filter_map(|part| {
            part.trim()
                .trim_end_matches('.')
                .rsplit(' ')
                .next()?
                .parse()
                .ok()
        })
        .collect()
}

#[test]
fn bounded_draws_four_ways_and_the_upstreams_peaks() {
    let mut disturbed = Vec::new();
    for _ in 0..RUNS {
        let text = run_bounded();
        assert!(
            !text.contains('\x1b'),
            "no escape codes with colour off:\n{text}"
        );
        let lanes = shape::parse(&text);
        let titles: Vec<&str> = lanes.iter().map(|lane| lane.title.as_str()).collect();
        assert_eq!(titles, TITLES, "four lanes, the waves first:\n{text}");
        for lane in &lanes {
            let labels: Vec<String> = lane
                .rows
                .iter()
                .map(|row| row.label.split(' ').next().unwrap_or_default().to_owned())
                .collect();
            let expected: Vec<String> = (1..=8).map(|i| format!("#{i}")).collect();
            assert_eq!(
                labels, expected,
                "lane {:?}: eight rows in call order:\n{text}",
                lane.title
            );
            assert!(
                lane.rows.iter().all(|row| row.note == "ok"),
                "lane {:?}: every call should be ok:\n{text}",
                lane.title
            );
        }
        let peaks = peaks(&text);
        assert!(
            peaks.len() == 4 && peaks[..3].iter().all(|&peak| peak <= 3) && peaks[3] > 3,
            "the bounded ways never have more than 3 calls in flight, and no limit has more; \
             got peaks {peaks:?}:\n{text}"
        );
        let (waves, window) = (lanes[0].total_ms, lanes[1].total_ms);
        if waves > window {
            return;
        }
        eprintln!("disturbed run (retrying): waves {waves} ms, sliding window {window} ms");
        disturbed.push(text);
    }
    panic!(
        "in {RUNS} runs, the chunks were never slower than the sliding window:\n\n{}",
        disturbed.join("\n")
    );
}
