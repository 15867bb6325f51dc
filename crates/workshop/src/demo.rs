//! `cargo workshop demo [NAME] [--calls N] [--latency-ms L]`: the instructor's live demos.
//!
//! The demos live in the `demos` crate (sequential vs threads vs async fan-out drawn as
//! a timeline, and friends), with a small `main` that lists them, checks the knobs and
//! runs one. The runner builds that program on first use and hands over to it (see
//! [`crate::child`]), passing the knobs on and whether to use colours.

use crate::child::{self, Program};
use crate::error::{Error, Exit};
use crate::term::Style;

/// The program behind `cargo workshop demo`.
pub const DEMOS: Program<'static> = Program::Bin {
    package: "demos",
    name: "demos",
};

/// `cargo workshop demo [NAME] [--calls N] [--latency-ms L]`.
pub fn run(
    name: Option<&str>,
    calls: Option<usize>,
    latency_ms: Option<u64>,
    out: &Style,
) -> Result<Exit, Error> {
    let mut args: Vec<String> = name.map(str::to_owned).into_iter().collect();
    if let Some(calls) = calls {
        args.extend(["--calls".to_owned(), calls.to_string()]);
    }
    if let Some(latency_ms) = latency_ms {
        args.extend(["--latency-ms".to_owned(), latency_ms.to_string()]);
    }
    let color = if out.color() { "always" } else { "never" };
    args.extend(["--color".to_owned(), color.to_owned()]);
    child::run(DEMOS, &args)
}
