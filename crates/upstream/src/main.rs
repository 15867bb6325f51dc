//! `upstream`: run the fake upstreams as a standalone server, for curl, a browser, or the
//! Go versions of the exercises.
//!
//! ```text
//! cargo run -p upstream -- --listen 127.0.0.1:4000
//! curl 'http://127.0.0.1:4000/github?latency_ms=300&fault=500'
//! ```
//!
//! All the work is in the library ([`upstream::run_blocking_until_ctrl_c`]); this file
//! only reads the one flag.

use std::net::SocketAddr;
use std::process::ExitCode;

const DEFAULT_LISTEN: &str = "127.0.0.1:4000";

fn usage() -> String {
    format!(
        "usage: upstream [--listen ADDR]\n\n\
         Serves the workshop's fake JSON APIs on ADDR (default {DEFAULT_LISTEN}) until Ctrl-C.\n\
         Use port 0 for any free port."
    )
}

/// Reads `--listen ADDR` (or `--listen=ADDR`); `Ok(None)` means "print the usage".
fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Option<SocketAddr>, String> {
    let mut listen = DEFAULT_LISTEN.to_owned();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--listen" => {
                listen = args
                    .next()
                    .ok_or("--listen needs an address, e.g. --listen 127.0.0.1:4000")?;
            }
            other => match other.strip_prefix("--listen=") {
                Some(value) => listen = value.to_owned(),
                None => return Err(format!("unexpected argument `{other}`")),
            },
        }
    }
    listen
        .parse()
        .map(Some)
        .map_err(|_| format!("`{listen}` is not an address like 127.0.0.1:4000"))
}

fn main() -> ExitCode {
    match parse_args(std::env::args().skip(1)) {
        Ok(Some(addr)) => match upstream::run_blocking_until_ctrl_c(addr) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("upstream: cannot serve on {addr}: {error}");
                ExitCode::FAILURE
            }
        },
        Ok(None) => {
            println!("{}", usage());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("upstream: {message}\n\n{}", usage());
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<SocketAddr>, String> {
        parse_args(args.iter().map(|arg| arg.to_string()))
    }

    #[test]
    fn reads_the_listen_address() {
        let default: SocketAddr = DEFAULT_LISTEN.parse().unwrap();
        assert_eq!(parse(&[]), Ok(Some(default)));
        let addr: SocketAddr = "127.0.0.1:5000".parse().unwrap();
        assert_eq!(parse(&["--listen", "127.0.0.1:5000"]), Ok(Some(addr)));
        assert_eq!(parse(&["--listen=127.0.0.1:5000"]), Ok(Some(addr)));
        assert_eq!(parse(&["--help"]), Ok(None));
    }

    #[test]
    fn refuses_what_it_does_not_understand() {
        assert!(parse(&["--listen"]).is_err_and(|e| e.contains("needs an address")));
        assert!(parse(&["--listen", "localhost"]).is_err_and(|e| e.contains("not an address")));
        assert!(parse(&["--port", "1"]).is_err_and(|e| e.contains("unexpected argument")));
    }
}
