//! The step 05 server as a plain program, for when you want it without the runner:
//!
//! ```text
//! cargo run -p sol05-server --example serve
//! cargo run -p sol05-server --example serve -- --listen 127.0.0.1:3001 \
//!     --upstream facebook=http://127.0.0.1:4000/facebook --max-in-flight 64
//! ```
//!
//! `cargo workshop serve` builds this example and runs it (the runner links no solution
//! code), so its flags, messages and exit codes are the verb's: `2` for a bad flag,
//! checked before anything starts; `1` when the server cannot run (a busy port); `0`
//! after a clean stop on Ctrl-C or SIGTERM. A `main` this small is the point: the
//! server is [`sol05_server::serve_blocking`].
use sol05_server::run::MAX_MAX_IN_FLIGHT;
use sol05_server::{ServeOptions, parse_upstream_specs, serve_blocking};

fn main() {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("error: {message}");
            eprintln!("usage: serve [--listen ADDR] [--upstream NAME=URL]... [--max-in-flight N]");
            std::process::exit(2);
        }
    };
    if let Err(message) = serve_blocking(options) {
        eprintln!("error: {message}");
        std::process::exit(1);
    }
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<ServeOptions, String> {
    let mut options = ServeOptions::default();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--listen" => {
                let addr = value()?;
                options.listen = addr.parse().map_err(|_| {
                    format!("--listen: `{addr}` is not an address like 127.0.0.1:3000")
                })?;
            }
            "--upstream" => options.upstreams.push(value()?),
            "--max-in-flight" => {
                let n = value()?;
                options.max_in_flight = n
                    .parse()
                    .map_err(|_| format!("--max-in-flight: `{n}` is not a number"))?;
            }
            other => return Err(format!("unknown option `{other}`")),
        }
    }
    // Bad values are usage errors too, found with the server's own rules before it starts.
    parse_upstream_specs(&options.upstreams)?;
    if !(1..=MAX_MAX_IN_FLIGHT).contains(&options.max_in_flight) {
        return Err(format!(
            "--max-in-flight must be between 1 and {MAX_MAX_IN_FLIGHT}, got {}",
            options.max_in_flight
        ));
    }
    Ok(options)
}
