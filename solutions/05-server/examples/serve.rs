//! The step 05 server as a plain program, for when you want it without the runner:
//!
//! ```text
//! cargo run -p sol05-server --example serve
//! cargo run -p sol05-server --example serve -- --listen 127.0.0.1:3001 \
//!     --upstream facebook=http://127.0.0.1:4000/facebook --max-in-flight 64
//! ```
//!
//! It takes the options of `cargo workshop serve` and calls the same function,
//! [`sol05_server::serve_blocking`]; a `main` this small is the point.
use sol05_server::{ServeOptions, serve_blocking};

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
    Ok(options)
}
