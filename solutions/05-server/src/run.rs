//! `cargo workshop serve`: check the options, build a runtime, serve until a signal.
//!
//! The idea to take away: `main` stays synchronous and small. It validates its input
//! into clear errors, builds the tokio runtime itself (what `#[tokio::main]` would hide),
//! and hands one future to `block_on`. Without `--upstream`, it starts fake upstreams in
//! the same process so the server works with zero setup.
use std::net::SocketAddr;
use std::time::Duration;

use tokio::net::TcpListener;
use upstream::{Knobs, Upstream};

use crate::config::{Config, DEFAULT_MAX_IN_FLIGHT, UpstreamSpec, parse_upstream_specs};
use crate::server::serve;
use crate::signals::shutdown_signal;

/// The options of `cargo workshop serve`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServeOptions {
    /// `--listen ADDR` (default `127.0.0.1:3000`).
    pub listen: SocketAddr,
    /// Every `--upstream NAME=URL`, raw, in order. Empty: start embedded fake upstreams.
    pub upstreams: Vec<String>,
    /// `--max-in-flight N`: requests handled at once before answering `503`.
    pub max_in_flight: usize,
}

impl Default for ServeOptions {
    fn default() -> ServeOptions {
        ServeOptions {
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            upstreams: Vec::new(),
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
        }
    }
}

/// The largest accepted `--max-in-flight` (tokio's semaphore has a limit too, far above).
pub const MAX_MAX_IN_FLIGHT: usize = 1_000_000;

// ANCHOR: serve_blocking
/// Runs the server until Ctrl-C or SIGTERM, lets in-flight requests finish, and returns
/// `Ok(())`. Returns `Err` with a readable message for bad options or a busy address.
pub fn serve_blocking(options: ServeOptions) -> Result<(), String> {
    let upstreams = parse_upstream_specs(&options.upstreams)?;
    if !(1..=MAX_MAX_IN_FLIGHT).contains(&options.max_in_flight) {
        return Err(format!(
            "--max-in-flight must be between 1 and {MAX_MAX_IN_FLIGHT}, got {}",
            options.max_in_flight
        ));
    }
    init_logging();

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the tokio runtime: {err}"))?;

    // Keep the embedded upstreams alive until we return (dropping them stops them).
    let (upstreams, _embedded) = if upstreams.is_empty() {
        let fakes = Upstream::start()
            .map_err(|err| format!("cannot start the embedded fake upstreams: {err}"))?;
        tracing::info!(
            base_url = %fakes.base_url(),
            "no --upstream given: started embedded fake upstreams"
        );
        (embedded_upstreams(&fakes), Some(fakes))
    } else {
        (upstreams, None)
    };

    runtime.block_on(async {
        // Before we bind and say "listening": from here on SIGINT/SIGTERM mean "drain",
        // not the default "die at once" (see signals.rs).
        let shutdown = shutdown_signal();
        let mut config = Config::new(upstreams)?;
        config.max_in_flight = options.max_in_flight;
        let listener = TcpListener::bind(options.listen)
            .await
            .map_err(|err| format!("cannot listen on {}: {err}", options.listen))?;
        let addr = listener.local_addr().unwrap_or(options.listen);

        for upstream in &config.upstreams {
            tracing::info!(name = %upstream.name, url = %upstream.url, "upstream");
        }
        tracing::info!(
            max_in_flight = config.max_in_flight,
            "listening on http://{addr}  (try: curl 'http://{addr}/things?deadline_ms=500')"
        );

        serve(listener, config, shutdown).await;
        tracing::info!("stopped cleanly");
        Ok(())
    })
}
// ANCHOR_END: serve_blocking

/// One `NAME=URL` per endpoint of the embedded fake upstream, each a little slower than
/// the one before, with some jitter: enough to see partial results with a short deadline.
pub fn embedded_upstreams(fakes: &Upstream) -> Vec<UpstreamSpec> {
    upstream::ENDPOINTS
        .iter()
        .zip(1u64..)
        .map(|(name, rank)| {
            let knobs = Knobs::latency(Duration::from_millis(60 * rank))
                .with_jitter(Duration::from_millis(40));
            UpstreamSpec {
                name: (*name).to_owned(),
                url: fakes.url_with(name, &knobs),
            }
        })
        .collect()
}

/// Logs to stderr; `RUST_LOG` picks the level (default `info`). Calling it twice is fine
/// (the second call changes nothing), so the runner may set up its own logging first.
pub fn init_logging() {
    use std::io::IsTerminal;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _already_set = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .try_init();
}
