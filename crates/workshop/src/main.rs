//! `cargo workshop`: the runner that tells you where you are and what to do next.
//!
//! The alias in `.cargo/config.toml` turns `cargo workshop ARGS` into
//! `cargo run --package workshop --bin workshop -- ARGS`. This file only reads the command
//! line, finds the workshop, and hands over to one module per verb.
//!
//! The one idea: **the tests are the truth**. Progress is never a checklist you tick; it
//! is whatever the exercise tests say right now (cached only to skip re-running a step
//! whose files did not change).
//!
//! Exit codes: `0` all good, `1` a check or verification failed (the output says what),
//! `2` the command line was wrong (a bad verb, flag or exercise name).

mod bench;
mod bench_table;
mod book;
mod cache;
mod cargo;
mod check;
mod child;
mod cli;
mod demo;
mod diff;
mod error;
mod exercises;
mod fingerprint;
mod markdown;
mod process;
mod progress;
mod reset;
mod serve;
mod suggest;
mod term;
mod verify;
mod walk;
mod watch;

use std::process::ExitCode;

use cli::Command;
use error::{Error, Exit};
use exercises::Workshop;
use term::Style;

fn main() -> ExitCode {
    let cli = match cli::parse() {
        Ok(cli) => cli,
        // clap has already printed help/version or a usage error; it knows the code.
        Err(code) => return ExitCode::from(code),
    };
    match run(cli.command) {
        Ok(Exit::Success) => ExitCode::SUCCESS,
        Ok(Exit::Failure) => ExitCode::from(1),
        Err(error) => {
            error.print(&Style::stderr());
            ExitCode::from(error.exit_code())
        }
    }
}

fn run(command: Option<Command>) -> Result<Exit, Error> {
    let out = Style::stdout();
    // The demos, the server, the upstreams and the benches don't need the exercise
    // metadata: they must work even if someone's `info.toml` entry is broken mid-workshop.
    match command {
        Some(Command::Demo {
            name,
            calls,
            latency_ms,
        }) => {
            return demo::run(name.as_deref(), calls, latency_ms, &out);
        }
        Some(Command::Serve {
            listen,
            upstreams,
            max_in_flight,
        }) => {
            return serve::serve(listen, upstreams, max_in_flight);
        }
        Some(Command::Upstream { listen }) => return serve::upstream(listen),
        Some(Command::Bench { name, quick }) => {
            let root = exercises::find_root()?;
            return bench::run(&root, name.as_deref(), quick, &out);
        }
        Some(Command::Book { port }) => {
            let root = exercises::find_root()?;
            return book::serve(&root, port, &out);
        }
        _ => {}
    }

    let ws = Workshop::load(&exercises::find_root()?)?;
    // Remember how each exercise file was shipped before anything else touches it, so
    // `reset` and the "not started" status have something to compare with.
    reset::ensure_snapshots(&ws);
    match command {
        None => progress::overview(&ws, &out),
        Some(Command::List) => progress::list(&ws, &out),
        Some(Command::Next) => progress::next(&ws, &out),
        Some(Command::Check { name }) => check::check(&ws, name.as_deref(), &out),
        Some(Command::Watch) => watch::watch(&ws, &out),
        Some(Command::Hint { name, all }) => check::hint(&ws, name.as_deref(), all, &out),
        Some(Command::Solution { name }) => diff::solution(&ws, &name, &out),
        Some(Command::Reset { name, all, yes }) => reset::reset(&ws, &name, all, yes, &out),
        Some(Command::Verify { lint, repeat }) => {
            verify::verify(&ws, verify::Options { lint, repeat }, &out)
        }
        Some(
            Command::Demo { .. }
            | Command::Serve { .. }
            | Command::Upstream { .. }
            | Command::Bench { .. }
            | Command::Book { .. },
        ) => unreachable!("handled above, before the metadata is read"),
    }
}
