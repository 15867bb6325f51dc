//! Bad arguments and unknown names are errors with a message, never panics; and the
//! quick `spawn` demo prints its three rows (and colours only when asked).

use std::time::Duration;

use demos::{DEMOS, DemoArgs, MAX_CALLS, MAX_LATENCY};

fn run(name: &str, calls: usize, latency_ms: u64) -> (Result<(), String>, String) {
    let args = DemoArgs {
        calls,
        latency: Duration::from_millis(latency_ms),
    };
    let mut out = Vec::new();
    let result = demos::run(name, &args, &mut out, false);
    (result, String::from_utf8_lossy(&out).into_owned())
}

#[test]
fn bad_arguments_are_errors_that_name_the_argument() {
    for name in ["fanout", "spawn", "timeout"] {
        for (calls, latency_ms, needle) in [
            (0, 200, "--calls"),
            (MAX_CALLS + 1, 200, "--calls"),
            (4, 0, "--latency-ms"),
            (4, MAX_LATENCY.as_millis() as u64 + 1, "--latency-ms"),
        ] {
            let (result, output) = run(name, calls, latency_ms);
            match result {
                Ok(()) => panic!(
                    "demo {name} with --calls {calls} --latency-ms {latency_ms} should be refused; it printed:\n{output}"
                ),
                Err(message) => assert!(
                    message.contains(needle),
                    "the error should name {needle}, so the instructor knows what to fix; got {message:?}"
                ),
            }
            assert!(
                output.is_empty(),
                "a refused demo prints nothing; got:\n{output}"
            );
        }
    }
}

#[test]
fn the_limits_themselves_are_accepted() {
    for (calls, latency) in [(1, Duration::from_millis(1)), (MAX_CALLS, MAX_LATENCY)] {
        let args = DemoArgs { calls, latency };
        assert_eq!(
            args.validate(),
            Ok(()),
            "{calls} calls of {latency:?} are inside the limits"
        );
    }
    assert_eq!(DemoArgs::default().validate(), Ok(()));
}

#[test]
fn an_unknown_demo_is_an_error_that_lists_the_demos() {
    let (result, output) = run("fan-out", 4, 200);
    let message = result.expect_err("`fan-out` is not a demo");
    assert!(
        message.contains("unknown demo `fan-out`"),
        "got {message:?}"
    );
    for demo in DEMOS {
        assert!(
            message.contains(demo.name),
            "the error should list {:?}; got {message:?}",
            demo.name
        );
    }
    assert!(output.is_empty(), "nothing printed; got:\n{output}");
}

#[test]
fn spawn_prints_one_row_per_kind_and_colours_only_when_asked() {
    let (result, plain) = run("spawn", 4, 200);
    assert_eq!(result, Ok(()), "the spawn demo should succeed:\n{plain}");
    for kind in ["OS thread", "tokio task", "rayon job"] {
        let row = plain
            .lines()
            .find(|line| line.trim_start().starts_with(kind))
            .unwrap_or_else(|| panic!("a row for {kind:?} expected:\n{plain}"));
        assert!(
            row.contains("µs"),
            "the row gives a per-spawn time: {row:?}"
        );
    }
    assert!(
        !plain.contains('\x1b'),
        "no escape codes with colour off:\n{plain}"
    );

    let mut coloured = Vec::new();
    let result = demos::run("spawn", &DemoArgs::default(), &mut coloured, true);
    assert_eq!(result, Ok(()));
    assert!(
        String::from_utf8_lossy(&coloured).contains('\x1b'),
        "with colour on, the heading is bold"
    );
}
