//! The command line: one verb per thing you want to do, rustlings style.
//!
//! clap does the parsing, the `--help` pages and most of the error messages. One error
//! we word ourselves: an unknown verb. clap's message for it stays silent when no verb is
//! close enough; ours always says what the verbs are, suggests the nearest one, and spots
//! an exercise name typed where a verb belongs (`cargo workshop decode_user` → `check
//! decode_user`). Usage errors exit with 2, whoever reports them.

use std::net::SocketAddr;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser, Subcommand};

use crate::exercises;
use crate::suggest;
use crate::term::Style;

/// Concurrency in Rust, for Python and Go programmers: the workshop runner.
///
/// Without a verb: builds what is needed, runs the exercise tests, and shows your
/// progress and the next exercise to do.
#[derive(Debug, Parser)]
#[command(name = "cargo workshop", bin_name = "cargo workshop", version)]
#[command(after_help = AFTER_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

const AFTER_HELP: &str = "\
Start with `cargo workshop` (progress and what to do next), then edit, then
`cargo workshop check` (or leave `cargo workshop watch` running).
Stuck? `cargo workshop hint NAME`. The book: `cargo workshop book`.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every exercise with its status from the last run (runs nothing)
    List,
    /// Show the next exercise to do: its file, its chapter, how to check it
    Next,
    /// Run the tests of one exercise (default: the current one); exit 1 if they fail
    Check {
        /// The exercise (see `cargo workshop list`)
        name: Option<String>,
    },
    /// Re-check the current exercise every time you save a file (`q` + Enter to quit)
    Watch,
    /// Show a hint for an exercise (default: the current one): one more level each time
    Hint {
        /// The exercise (see `cargo workshop list`)
        name: Option<String>,
        /// Show every level at once
        #[arg(long)]
        all: bool,
    },
    /// Show the difference between your file and the solution's
    Solution {
        /// The exercise (see `cargo workshop list`)
        name: String,
    },
    /// Put a file back the way it was shipped (your version is backed up)
    Reset {
        /// An exercise (its file), a file under exercises/, or with --all a step
        name: String,
        /// Every shipped file of the step (the exercise's, the file's, or the step named)
        #[arg(long)]
        all: bool,
        /// Don't ask for confirmation (required when stdin is not a terminal)
        #[arg(long, short)]
        yes: bool,
    },
    /// Serve the book on http://localhost:PORT (needs mdbook)
    Book {
        /// The port to serve on
        // Not mdbook's 3000: that is `cargo workshop serve`'s, and an instructor may well
        // have the book open while the server runs.
        #[arg(long, default_value_t = 3001)]
        port: u16,
    },
    /// (maintainers) Prove every exercise fails unsolved, passes solved and catches its known-wrong solutions
    Verify {
        /// Only the static checks (metadata, book, given code, TODO rules): seconds, no build
        #[arg(long, conflicts_with = "repeat")]
        lint: bool,
        /// Rerun every solution's tests N times and report flaky tests
        #[arg(long, value_name = "N")]
        repeat: Option<u32>,
    },
    /// (instructors) Run a live demo; without a name, list them
    Demo {
        /// The demo (without one: the list)
        name: Option<String>,
        /// How many fake upstream calls (fan-out width)
        #[arg(long, value_name = "N")]
        calls: Option<usize>,
        /// Latency of each fake upstream call, in milliseconds
        #[arg(long = "latency-ms", value_name = "L")]
        latency_ms: Option<u64>,
    },
    /// (instructors) Run the step-05 fan-out server
    Serve {
        /// Address to listen on
        #[arg(long, value_name = "ADDR")]
        listen: Option<SocketAddr>,
        /// An upstream to call, as NAME=URL (repeat it); without any, fake upstreams start
        #[arg(long = "upstream", value_name = "NAME=URL")]
        upstreams: Vec<String>,
        /// Requests served at once before answering 503
        #[arg(long, value_name = "N")]
        max_in_flight: Option<usize>,
    },
    /// (instructors) Run the fake upstream APIs until Ctrl-C
    Upstream {
        /// Address to listen on (port 0: any free port)
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:4000")]
        listen: SocketAddr,
    },
    /// (instructors) Run a bench (and its Go twin when Go is installed); without a name, list them
    Bench {
        /// The bench (without one: the list)
        name: Option<String>,
        /// A short run: seconds, not minutes
        #[arg(long)]
        quick: bool,
    },
}

/// Parses the process's arguments. `Err(code)` means a message (help, version or a
/// usage error) was printed and the process should exit with `code`.
pub fn parse() -> Result<Cli, u8> {
    parse_from(std::env::args_os())
}

fn parse_from<I, T>(args: I) -> Result<Cli, u8>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    match Cli::try_parse_from(args) {
        Ok(cli) => Ok(cli),
        Err(error) if error.kind() == ErrorKind::InvalidSubcommand => {
            let bad = match error.get(ContextKind::InvalidSubcommand) {
                Some(ContextValue::String(bad)) => bad.clone(),
                _ => String::new(),
            };
            let style = Style::stderr();
            eprintln!(
                "{} {}",
                style.bad_bold("error:"),
                unknown_verb_message(&bad, &exercise_names())
            );
            Err(2)
        }
        Err(error) => {
            // Help and --version print to stdout and exit 0; usage errors exit 2.
            let _ = error.print();
            let code = u8::try_from(error.exit_code()).unwrap_or(2);
            if code != 0
                && let Some(hint) = flags_hint(&error)
            {
                eprintln!("\n{hint}");
            }
            Err(code)
        }
    }
}

/// The verbs, as clap knows them (so this list can't drift from the enum).
pub fn verbs() -> Vec<String> {
    Cli::command()
        .get_subcommands()
        .map(|verb| verb.get_name().to_owned())
        .collect()
}

/// The message for `cargo workshop BAD`.
fn unknown_verb_message(bad: &str, exercise_names: &[String]) -> String {
    let verbs = verbs();
    let mut message = format!("`{bad}` is not a workshop command.");
    if exercise_names.iter().any(|name| name == bad) {
        message.push_str(&format!(
            " `{bad}` is an exercise: did you mean `cargo workshop check {bad}`?"
        ));
    } else if let Some(verb) = suggest::nearest(bad, verbs.iter().map(String::as_str)) {
        message.push_str(&format!(" Did you mean `cargo workshop {verb}`?"));
    } else if let Some(name) = suggest::nearest(bad, exercise_names.iter().map(String::as_str)) {
        message.push_str(&format!(
            " Did you mean the exercise `cargo workshop check {name}`?"
        ));
    }
    message.push_str(&format!(
        "\n\nThe commands are: {}.\nRun `cargo workshop --help` for what each does.",
        verbs.join(", ")
    ));
    message
}

/// The exercise names, if the metadata can be read; an unknown verb is reported
/// either way, so a broken `info.toml` only loses the suggestion.
fn exercise_names() -> Vec<String> {
    exercises::find_root()
        .ok()
        .and_then(|root| exercises::Workshop::load(&root).ok())
        .map(|ws| {
            ws.exercises
                .iter()
                .map(|exercise| exercise.name.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// For an unknown flag that clap found nothing near: the flags this verb does take.
fn flags_hint(error: &clap::Error) -> Option<String> {
    if error.kind() != ErrorKind::UnknownArgument || error.get(ContextKind::SuggestedArg).is_some()
    {
        return None;
    }
    // Find the verb on the command line to list its flags.
    let args: Vec<String> = std::env::args().skip(1).collect();
    let command = Cli::command();
    let verb = args.iter().find_map(|arg| command.find_subcommand(arg))?;
    let flags: Vec<String> = verb
        .get_arguments()
        .filter_map(|arg| arg.get_long().map(|long| format!("--{long}")))
        .collect();
    if flags.is_empty() {
        Some(format!(
            "`cargo workshop {}` takes no flags.",
            verb.get_name()
        ))
    } else {
        Some(format!(
            "`cargo workshop {}` takes: {}.",
            verb.get_name(),
            flags.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn no_verb_means_overview() {
        let cli = parse_from(["workshop"]).expect("no arguments is valid");
        assert!(cli.command.is_none());
    }

    #[test]
    fn verbs_parse() {
        let cli = parse_from(["workshop", "check", "decode_user"]).expect("valid");
        assert!(
            matches!(cli.command, Some(Command::Check { name: Some(n) }) if n == "decode_user")
        );
        let cli = parse_from([
            "workshop",
            "serve",
            "--upstream",
            "a=http://x",
            "--upstream",
            "b=http://y",
        ])
        .expect("valid");
        assert!(
            matches!(cli.command, Some(Command::Serve { upstreams, .. }) if upstreams.len() == 2)
        );
        let cli = parse_from([
            "workshop",
            "demo",
            "fanout",
            "--calls",
            "8",
            "--latency-ms",
            "50",
        ])
        .expect("valid");
        assert!(matches!(
            cli.command,
            Some(Command::Demo {
                calls: Some(8),
                latency_ms: Some(50),
                ..
            })
        ));
    }

    #[test]
    fn unknown_verb_suggests_the_nearest_verb() {
        let message = unknown_verb_message("lsit", &[]);
        assert!(
            message.contains("Did you mean `cargo workshop list`?"),
            "{message}"
        );
        assert!(
            message.contains("The commands are: list, next, check"),
            "{message}"
        );
    }

    #[test]
    fn an_exercise_name_as_verb_suggests_check() {
        let names = vec!["decode_user".to_owned()];
        let message = unknown_verb_message("decode_user", &names);
        assert!(
            message.contains("cargo workshop check decode_user"),
            "{message}"
        );
        let message = unknown_verb_message("decode_usr", &names);
        assert!(
            message.contains("cargo workshop check decode_user"),
            "{message}"
        );
    }

    #[test]
    fn a_far_verb_gets_the_list_only() {
        let message = unknown_verb_message("zzzzzzzz", &[]);
        assert!(!message.contains("Did you mean"), "{message}");
        assert!(message.contains("The commands are:"), "{message}");
    }
}
