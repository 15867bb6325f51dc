//! Startup configuration: which upstreams the server calls, and its limits.
//!
//! The idea to take away: everything the server may fetch is fixed here, at startup. A
//! request chooses *how long* to wait (its deadline), never *what* to fetch, so nobody can
//! make the server call an address of their choosing (server-side request forgery).
use std::collections::HashSet;
use std::time::Duration;

/// One upstream API the server calls for every `GET /things`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UpstreamSpec {
    /// The name reported in the results, e.g. `"facebook"`.
    pub name: String,
    /// The URL to `GET`, e.g. `http://127.0.0.1:4000/facebook`.
    pub url: String,
}

// ANCHOR: parse_spec
impl UpstreamSpec {
    /// Parses one `NAME=URL` spec, as given to `cargo workshop serve --upstream`.
    ///
    /// Only `http://` URLs are accepted: the workshop runs on loopback and the client is
    /// built without TLS.
    pub fn parse(spec: &str) -> Result<UpstreamSpec, String> {
        let Some((name, url)) = spec.split_once('=') else {
            return Err(format!(
                "upstream `{spec}` has no `=`: expected NAME=URL, \
                 e.g. facebook=http://127.0.0.1:4000/facebook"
            ));
        };
        let (name, url) = (name.trim(), url.trim());
        if name.is_empty() {
            return Err(format!(
                "upstream `{spec}` has an empty name: expected NAME=URL, \
                 e.g. facebook=http://127.0.0.1:4000/facebook"
            ));
        }
        let parsed = reqwest::Url::parse(url)
            .map_err(|err| format!("upstream `{name}`: `{url}` is not an http:// URL ({err})"))?;
        if parsed.scheme() != "http" || !url.starts_with("http://") {
            return Err(format!(
                "upstream `{name}`: URL `{url}` must start with http:// \
                 (the server speaks plain HTTP to its upstreams)"
            ));
        }
        if parsed.host_str().is_none_or(str::is_empty) {
            return Err(format!("upstream `{name}`: URL `{url}` has no host"));
        }
        Ok(UpstreamSpec {
            name: name.to_owned(),
            url: url.to_owned(),
        })
    }
}

/// Parses every `NAME=URL` spec, keeping their order (the order of the results), and
/// refuses the same name twice (the results are told apart by name).
pub fn parse_upstream_specs(specs: &[String]) -> Result<Vec<UpstreamSpec>, String> {
    let mut seen = HashSet::new();
    let mut upstreams = Vec::with_capacity(specs.len());
    for spec in specs {
        let upstream = UpstreamSpec::parse(spec)?;
        if !seen.insert(upstream.name.clone()) {
            return Err(format!(
                "upstream name `{}` is given twice: every upstream needs its own name",
                upstream.name
            ));
        }
        upstreams.push(upstream);
    }
    Ok(upstreams)
}
// ANCHOR_END: parse_spec

/// Everything the server needs to know, fixed at startup.
#[derive(Clone, Debug)]
pub struct Config {
    /// The upstreams every `/things` request fans out to, in the order of the results.
    pub upstreams: Vec<UpstreamSpec>,
    /// How many requests may be handled at once; one more is answered `503` at once.
    pub max_in_flight: usize,
    /// A client must send a request's headers within this time, or the connection is
    /// closed. Also bounds how long an idle keep-alive connection stays open.
    pub header_read_timeout: Duration,
    /// Request line + headers larger than this are refused (`431`).
    pub max_header_bytes: usize,
    /// On shutdown, how long in-flight requests get to finish before their connections
    /// are cut. Longer than the largest deadline, so a normal request always finishes.
    pub shutdown_grace: Duration,
    /// The one HTTP client shared by every request: it keeps a pool of open connections
    /// to the upstreams, so a request seldom pays for a new TCP handshake.
    pub client: reqwest::Client,
}

/// Default for [`Config::max_in_flight`].
pub const DEFAULT_MAX_IN_FLIGHT: usize = 512;

impl Config {
    /// A configuration with the default limits and a freshly built client.
    pub fn new(upstreams: Vec<UpstreamSpec>) -> Result<Config, String> {
        Ok(Config {
            upstreams,
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            header_read_timeout: Duration::from_secs(5),
            max_header_bytes: 64 * 1024,
            shutdown_grace: Duration::from_secs(15),
            client: build_client()?,
        })
    }
}

// ANCHOR: client
/// The shared upstream client.
///
/// - No redirects: a `302` to somewhere else would make us fetch a URL nobody configured.
///   A redirect is reported like any other non-2xx answer.
/// - No proxy: the upstreams are on loopback; an `HTTP_PROXY` in the environment must not
///   reroute them.
/// - No timeouts here: every call runs under its request's deadline instead.
pub fn build_client() -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .map_err(|err| format!("cannot build the HTTP client: {err}"))
}
// ANCHOR_END: client
