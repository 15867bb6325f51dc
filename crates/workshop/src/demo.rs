//! `cargo workshop demo [NAME] [--calls N] [--latency-ms L]`: the instructor's live demos.
//!
//! The demos themselves live in the `demos` crate (sequential vs threads vs async fan-out
//! drawn as a timeline, and friends); this module only picks one by name, passes the
//! knobs on, and lists them when no name is given.

use std::time::Duration;

use crate::error::{Error, Exit};
use crate::suggest;
use crate::term::Style;

/// `cargo workshop demo [NAME] [--calls N] [--latency-ms L]`.
pub fn run(
    name: Option<&str>,
    calls: Option<usize>,
    latency_ms: Option<u64>,
    out: &Style,
) -> Result<Exit, Error> {
    let names: Vec<&str> = demos::DEMOS.iter().map(|demo| demo.name).collect();
    let Some(name) = name else {
        print!("{}", listing(out));
        return Ok(Exit::Success);
    };
    if !names.contains(&name) {
        let known = if names.is_empty() {
            "none yet".to_owned()
        } else {
            names.join(", ")
        };
        return Err(Error::usage(format!(
            "there is no demo called `{name}`.{} The demos are: {known}.",
            suggest::did_you_mean(name, names.iter().copied())
        )));
    }
    let mut args = demos::DemoArgs::default();
    if let Some(calls) = calls {
        args.calls = calls;
    }
    if let Some(latency_ms) = latency_ms {
        args.latency = Duration::from_millis(latency_ms);
    }
    let stdout = std::io::stdout();
    let mut stdout = stdout.lock();
    demos::run(name, &args, &mut stdout, out.color()).map_err(Error::usage)?;
    Ok(Exit::Success)
}

/// The list printed by `cargo workshop demo`.
fn listing(out: &Style) -> String {
    let defaults = demos::DemoArgs::default();
    let mut text = format!(
        "{}\n",
        out.bold("Demos (cargo workshop demo NAME [--calls N] [--latency-ms L]):")
    );
    if demos::DEMOS.is_empty() {
        text.push_str("  (none yet)\n");
    }
    let width = demos::DEMOS
        .iter()
        .map(|demo| demo.name.len())
        .max()
        .unwrap_or(0);
    for demo in demos::DEMOS {
        text.push_str(&format!(
            "  {:width$}  {}\n",
            demo.name,
            out.dim(demo.about)
        ));
    }
    text.push_str(&format!(
        "{}\n",
        out.dim(&format!(
            "defaults: --calls {} --latency-ms {}",
            defaults.calls,
            defaults.latency.as_millis()
        ))
    ));
    text
}
