//! Live demos for the instructor (API STUB: being implemented; the signatures below are
//! the contract the runner calls).
use std::io::Write;
use std::time::Duration;

/// One demo the runner can list and run.
pub struct Demo {
    pub name: &'static str,
    pub about: &'static str,
}

/// Every demo, in the order `cargo workshop demo` lists them.
pub const DEMOS: &[Demo] = &[];

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
        DemoArgs { calls: 4, latency: Duration::from_millis(200) }
    }
}

/// Run the demo called `name`, writing to `out` (ANSI colours only when `color`).
/// An unknown name or a bad argument is an `Err` with a readable message.
pub fn run(name: &str, args: &DemoArgs, out: &mut dyn Write, color: bool) -> Result<(), String> {
    let _ = (args, out, color);
    Err(format!("unknown demo `{name}` (demos are being implemented)"))
}
