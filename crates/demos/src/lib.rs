//! The instructor's live demos, behind `cargo workshop demo NAME`.
//!
//! Each demo runs real code against the in-process fake upstream on loopback
//! ([`upstream::Upstream`]), takes a few seconds, and prints something a room can read:
//! a timeline ([`timeline::render`]) or a small table. Output is plain text unless the
//! caller asks for colour, so it can be piped, pasted into notes, and tested.
//!
//! - `fanout`: the same calls made one after the other, on one thread each, and on one
//!   tokio task each, drawn on one time axis (see `fanout.rs`).
//! - `spawn`: what it costs to start a thread, a tokio task, a rayon job (`spawn.rs`).
//! - `timeout`: a batch under one deadline with a hung and a slow upstream, and the
//!   upstream's proof that the abandoned requests were really cancelled (`timeout.rs`).
//! - `bounded`: N calls with at most K in flight, in chunks, with a `Semaphore`, with a
//!   `JoinSet` kept at K, and with no limit; each upstream's own peak (`bounded.rs`).
//! - `hedge`: one replica, all replicas at once, and hedged requests against a slow
//!   replica; the losers cancelled down to the socket (`hedge.rs`).
//!
//! The one idea to take away: waiting is cheap to do many times at once. Sequential
//! calls cost the *sum* of their latencies; concurrent ones cost the *slowest*.

use std::io::Write;
use std::time::Duration;

// Public for `examples/book_pictures.rs`, which draws their runs for the book.
pub mod bounded;
mod calls;
mod fanout;
pub mod hedge;
mod spawn;
mod timeout;

/// One demo the runner can list and run.
pub struct Demo {
    pub name: &'static str,
    pub about: &'static str,
}

/// Every demo, in the order `cargo workshop demo` lists them.
pub const DEMOS: &[Demo] = &[
    Demo {
        name: "fanout",
        about: "the same N calls: sequential vs one thread each vs one tokio task each, as a timeline",
    },
    Demo {
        name: "spawn",
        about: "the cost of starting a thread vs a tokio task vs a rayon job",
    },
    Demo {
        name: "timeout",
        about: "a batch under one deadline with a hung and a slow upstream; proof the cancellation reached the socket",
    },
    Demo {
        name: "bounded",
        about: "8 to 12 calls, at most 3 in flight: chunks vs Semaphore vs JoinSet at K vs no limit, as a timeline",
    },
    Demo {
        name: "hedge",
        about: "a slow replica: one replica vs all at once vs hedged requests; the losers cancelled",
    },
];

/// The most calls a demo makes (a row each: more would not fit on a projector).
pub const MAX_CALLS: usize = 64;

/// The longest latency a demo accepts (the sequential run takes `calls` times this).
pub const MAX_LATENCY: Duration = Duration::from_millis(5000);

/// Knobs a demo takes from the command line (`--calls N --latency-ms L`).
#[derive(Clone, Debug)]
pub struct DemoArgs {
    /// How many fake upstream calls (fan-out width).
    pub calls: usize,
    /// Latency of each fake upstream call.
    pub latency: Duration,
}

impl Default for DemoArgs {
    fn default() -> Self {
        DemoArgs {
            calls: 4,
            latency: Duration::from_millis(200),
        }
    }
}

impl DemoArgs {
    /// Checks the knobs; the error says which one is wrong and what is allowed.
    pub fn validate(&self) -> Result<(), String> {
        if self.calls == 0 || self.calls > MAX_CALLS {
            return Err(format!(
                "--calls must be between 1 and {MAX_CALLS}, got {}",
                self.calls
            ));
        }
        if self.latency.is_zero() || self.latency > MAX_LATENCY {
            return Err(format!(
                "--latency-ms must be between 1 and {}, got {}",
                MAX_LATENCY.as_millis(),
                self.latency.as_millis()
            ));
        }
        Ok(())
    }
}

/// Run the demo called `name`, writing to `out` (ANSI colours only when `color`).
/// An unknown name or a bad argument is an `Err` with a readable message.
pub fn run(name: &str, args: &DemoArgs, out: &mut dyn Write, color: bool) -> Result<(), String> {
    let Some(demo) = DEMOS.iter().find(|demo| demo.name == name) else {
        let known: Vec<&str> = DEMOS.iter().map(|demo| demo.name).collect();
        return Err(format!(
            "unknown demo `{name}`; the demos are: {}",
            known.join(", ")
        ));
    };
    args.validate()?;
    let style = Style { color };
    match demo.name {
        "fanout" => fanout::run(args, out, style),
        "spawn" => spawn::run(args, out, style),
        "timeout" => timeout::run(args, out, style),
        "bounded" => bounded::run(args, out, style),
        "hedge" => hedge::run(args, out, style),
        other => Err(format!("the demo `{other}` is listed but not wired up")),
    }
}

/// Runs `work` on a fresh OS thread and waits for it.
///
/// Why: `reqwest::blocking` and `Runtime::block_on` both panic when called from inside
/// a tokio runtime, and our caller (the runner, a test, someone's own `main`) might be
/// running on one. A brand-new thread is never inside a runtime, so the demos can build
/// their own runtimes and blocking clients there, whatever the caller's context.
pub(crate) fn off_runtime<T: Send>(work: impl FnOnce() -> T + Send) -> Result<T, String> {
    std::thread::scope(|scope| scope.spawn(work).join())
        .map_err(|_| "the demo's worker thread panicked (its message is above)".to_owned())
}

/// Headings in bold on a terminal, plain text otherwise.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub(crate) color: bool,
}

impl Style {
    pub(crate) fn bold(self, text: &str) -> String {
        self.paint("\x1b[1m", text)
    }

    pub(crate) fn dim(self, text: &str) -> String {
        self.paint("\x1b[2m", text)
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("{code}{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

/// A write error on the demo's output (a closed pipe, say), as the demo's error.
pub(crate) fn write_error(error: std::io::Error) -> String {
    format!("cannot write the demo's output: {error}")
}

/// Milliseconds, for the one-line summaries.
pub(crate) fn ms(duration: Duration) -> u128 {
    duration.as_millis()
}
