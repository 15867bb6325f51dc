//! The pieces of one API call, on their own: `?` with `map_err` into an error
//! enum (no network), then what reqwest gives you at each step, blocking and
//! async, against an embedded fake upstream.
//!
//! `cargo run -p sol01-typed-json --example call_pieces`

use upstream::{Fault, Knobs, Upstream};

// ANCHOR: map_err
/// What can go wrong reading `port = N` from a config line.
#[derive(Debug, thiserror::Error)]
enum ConfigError {
    #[error("{line:?} has no `=`")]
    NoEquals { line: String },
    #[error("{line:?}: the port is not a number: {source}")]
    NotANumber {
        line: String,
        source: std::num::ParseIntError,
    },
}

/// Each step that can fail turns its error into a variant *at that step*, and
/// `?` returns it early: Go's `if err != nil { return fmt.Errorf(...) }`, in
/// one line.
fn parse_port(line: &str) -> Result<u16, ConfigError> {
    let (_, value) =
        line.split_once('=').ok_or_else(|| ConfigError::NoEquals {
            line: line.to_string(),
        })?;
    let port = value.trim().parse::<u16>().map_err(|source| {
        ConfigError::NotANumber {
            line: line.to_string(),
            source,
        }
    })?;
    Ok(port)
}
// ANCHOR_END: map_err

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for line in ["port = 8080", "port 8080", "port = eighty"] {
        match parse_port(line) {
            Ok(port) => println!("port {port}"),
            Err(err) => println!("error: {err}"),
        }
    }
    println!();

    let up = Upstream::start()?;
    let broken = up.url_with("weather", &Knobs::fault(Fault::Status500));
    // ANCHOR: blocking
    let client = reqwest::blocking::Client::new();
    let response = client.get(&broken).send()?; // Err only if no answer came
    let status = response.status(); // 500 Internal Server Error
    println!("{} (success: {})", status, status.is_success());
    let body = response.text()?; // the whole body, as a String
    println!("body: {body}"); // a 500 with a JSON body
    // ANCHOR_END: blocking

    // The async client must not share a thread with the blocking one's calls:
    // run it on a runtime of its own, built after the blocking part is done.
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(async {
        let url = up.url("weather");
        // ANCHOR: async
        let client = reqwest::Client::new();
        let response = client.get(&url).send().await?; // a future: await it
        let status = response.status(); // no waiting: already here
        let body = response.text().await?; // a future again
        println!("{status}: {body}");
        // ANCHOR_END: async
        Ok::<(), reqwest::Error>(())
    })?;
    Ok(())
}
