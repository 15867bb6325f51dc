//! `cargo workshop serve` (the step-05 server) and `cargo workshop upstream` (the fake
//! upstream APIs), for live demos and for poking at with curl.
//!
//! Both are thin. The server is the finished step-05 crate's `serve` example
//! (`solutions/05-server/examples/serve.rs`), built on first use and run as this very
//! process (see [`crate::child`]): the runner never links solution code, so an
//! attendee's half-typed exercise can't break it. The example checks its own flags
//! (exit 2 for a bad one), prints where it listens and stops cleanly on Ctrl-C or
//! SIGTERM. The upstreams are `upstream::run_blocking_until_ctrl_c`, in process: the
//! fake APIs are workshop infrastructure, never edited by attendees.

use std::net::SocketAddr;

use crate::child::{self, Program};
use crate::error::{Error, Exit};

/// The program behind `cargo workshop serve`.
pub const SERVER: Program<'static> = Program::Example {
    package: "sol05-server",
    name: "serve",
};

/// `cargo workshop serve [--listen ADDR] [--upstream NAME=URL]... [--max-in-flight N]`.
pub fn serve(
    listen: Option<SocketAddr>,
    upstreams: Vec<String>,
    max_in_flight: Option<usize>,
) -> Result<Exit, Error> {
    let mut args = Vec::new();
    if let Some(listen) = listen {
        args.extend(["--listen".to_owned(), listen.to_string()]);
    }
    for upstream in upstreams {
        args.extend(["--upstream".to_owned(), upstream]);
    }
    if let Some(n) = max_in_flight {
        args.extend(["--max-in-flight".to_owned(), n.to_string()]);
    }
    child::run(SERVER, &args)
}

/// `cargo workshop upstream [--listen ADDR]`: serve the fake APIs until Ctrl-C.
pub fn upstream(listen: SocketAddr) -> Result<Exit, Error> {
    upstream::run_blocking_until_ctrl_c(listen)
        .map_err(|e| Error::failed(format!("cannot run the fake upstreams on {listen}: {e}")))?;
    Ok(Exit::Success)
}
