//! `cargo workshop serve` (the step-05 server) and `cargo workshop upstream` (the fake
//! upstream APIs), for live demos and for poking at with curl.
//!
//! Both are thin: the server is `sol05_server::serve_blocking`, the upstreams are
//! `upstream::run_blocking_until_ctrl_c`. The runner only turns flags into their options,
//! so what the room sees is exactly the code the book walks through.

use std::net::SocketAddr;

use crate::error::{Error, Exit};

/// `cargo workshop serve [--listen ADDR] [--upstream NAME=URL]... [--max-in-flight N]`.
pub fn serve(
    listen: Option<SocketAddr>,
    upstreams: Vec<String>,
    max_in_flight: Option<usize>,
) -> Result<Exit, Error> {
    // Bad flags are usage errors (exit 2), found with the server's own rules before it
    // starts, rather than a failure from inside it.
    sol05_server::parse_upstream_specs(&upstreams).map_err(Error::usage)?;
    let limit = sol05_server::run::MAX_MAX_IN_FLIGHT;
    if let Some(n) = max_in_flight
        && !(1..=limit).contains(&n)
    {
        return Err(Error::usage(format!(
            "--max-in-flight must be between 1 and {limit}, got {n}"
        )));
    }

    let mut options = sol05_server::ServeOptions {
        upstreams,
        ..sol05_server::ServeOptions::default()
    };
    if let Some(listen) = listen {
        options.listen = listen;
    }
    if let Some(max_in_flight) = max_in_flight {
        options.max_in_flight = max_in_flight;
    }
    // The server prints where it listens and stops on Ctrl-C (and SIGTERM on Unix),
    // finishing the requests in flight. What fails now is the environment (a busy port).
    sol05_server::serve_blocking(options).map_err(Error::failed)?;
    Ok(Exit::Success)
}

/// `cargo workshop upstream [--listen ADDR]`: serve the fake APIs until Ctrl-C.
pub fn upstream(listen: SocketAddr) -> Result<Exit, Error> {
    upstream::run_blocking_until_ctrl_c(listen)
        .map_err(|e| Error::failed(format!("cannot run the fake upstreams on {listen}: {e}")))?;
    Ok(Exit::Success)
}
