//! The `fanout` demo on a fixed scenario (3 calls × 100 ms, no colour), called as a
//! function and checked by reading the timeline it draws, the way the room reads it:
//! sequential bars follow each other, concurrent bars stand side by side, and the totals
//! say N × L versus L. The checks live in `support/fanout_shape.rs`, shared with the
//! runner's test that draws the same timeline through the `workshop` binary.

#[path = "support/fanout_shape.rs"]
mod fanout_shape;

use std::time::Duration;

use demos::DemoArgs;

fn run_fanout() -> String {
    let args = DemoArgs {
        calls: 3,
        latency: Duration::from_millis(100),
    };
    let mut out = Vec::new();
    let result = demos::run("fanout", &args, &mut out, false);
    let text = String::from_utf8(out).expect("the demo writes UTF-8");
    assert_eq!(
        result,
        Ok(()),
        "the fanout demo should succeed; it printed:\n{text}"
    );
    text
}

#[test]
fn fanout_draws_sequential_apart_and_concurrent_together() {
    fanout_shape::retry(fanout_shape::RUNS, run_fanout);
}
