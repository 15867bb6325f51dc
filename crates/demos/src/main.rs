//! `demos`: the instructor's live demos as a program of their own.
//!
//! `cargo workshop demo NAME [--calls N] [--latency-ms L]` builds and runs this binary as
//! a child process, so the runner never links the demo code (or anything an attendee
//! edits): a half-typed exercise can't stop the runner from building. It can also be run
//! directly: `cargo run -p demos -- fanout --calls 8`.
//!
//! Exit codes: `0` the demo ran, `1` it failed while running, `2` the command line was
//! wrong (an unknown demo, a knob out of range).

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Duration;

use demos::{DEMOS, DemoArgs};

const USAGE: &str = "usage: demos [NAME] [--calls N] [--latency-ms L] [--color always|never]";

fn main() -> ExitCode {
    let command = match parse(std::env::args().skip(1)) {
        Ok(command) => command,
        Err(message) => return usage_error(&message),
    };
    let Some(name) = command.name else {
        print!("{}", listing(command.color));
        return ExitCode::SUCCESS;
    };
    if !DEMOS.iter().any(|demo| demo.name == name) {
        return usage_error(&format!(
            "there is no demo called `{name}`. The demos are: {}.",
            names().join(", ")
        ));
    }
    // Knobs out of range are the caller's mistake (exit 2), found before anything runs.
    if let Err(message) = command.args.validate() {
        return usage_error(&message);
    }
    let stdout = std::io::stdout();
    match demos::run(&name, &command.args, &mut stdout.lock(), command.color) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

struct Command {
    name: Option<String>,
    args: DemoArgs,
    color: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Command, String> {
    let mut command = Command {
        name: None,
        args: DemoArgs::default(),
        // Colours on a terminal, never in a pipe, and never with NO_COLOR set.
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--calls" => {
                let n = value()?;
                command.args.calls = n
                    .parse()
                    .map_err(|_| format!("--calls: `{n}` is not a whole number"))?;
            }
            "--latency-ms" => {
                let n = value()?;
                let ms: u64 = n
                    .parse()
                    .map_err(|_| format!("--latency-ms: `{n}` is not a whole number"))?;
                command.args.latency = Duration::from_millis(ms);
            }
            "--color" => {
                command.color = match value()?.as_str() {
                    "always" => true,
                    "never" => false,
                    other => return Err(format!("--color takes always or never, not `{other}`")),
                }
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            name if command.name.is_none() => command.name = Some(name.to_owned()),
            extra => return Err(format!("one demo at a time (`{extra}` is one too many)")),
        }
    }
    Ok(command)
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn names() -> Vec<&'static str> {
    DEMOS.iter().map(|demo| demo.name).collect()
}

/// The list printed without a demo name.
fn listing(color: bool) -> String {
    let paint = |code: &str, text: &str| {
        if color {
            format!("{code}{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    };
    let defaults = DemoArgs::default();
    let mut text = format!(
        "{}\n",
        paint(
            "\x1b[1m",
            "Demos (cargo workshop demo NAME [--calls N] [--latency-ms L]):"
        )
    );
    let width = DEMOS.iter().map(|demo| demo.name.len()).max().unwrap_or(0);
    for demo in DEMOS {
        text.push_str(&format!(
            "  {:width$}  {}\n",
            demo.name,
            paint("\x1b[2m", demo.about)
        ));
    }
    text.push_str(&format!(
        "{}\n",
        paint(
            "\x1b[2m",
            &format!(
                "defaults: --calls {} --latency-ms {}",
                defaults.calls,
                defaults.latency.as_millis()
            )
        )
    ));
    text
}
