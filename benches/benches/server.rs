//! Bench `server`: the step 05 server under a bounded load, next to its Go twin.
//!
//! ```text
//! cargo bench -p benches --bench server              # 3 rounds of 20 000 requests each
//! cargo bench -p benches --bench server -- --quick   # 1 round of 3 000, a few seconds
//! cargo bench -p benches --bench server -- --requests 50000 --connections 128
//! ```
//!
//! What it measures, the same way for both servers:
//!
//! - one fake upstream (`upstream::Upstream`, in this process) with four fast endpoints;
//! - the Rust server (`sol05_server`, built with the bench profile) in a child process:
//!   this very binary, re-run with `--child-serve`; the Go twin (`benches/go/server`,
//!   built with `go build`) in another child process, when `go` is installed;
//! - a load driver in this process: `--connections` keep-alive connections, each sending
//!   `GET /things` requests one after the other until `--requests` are done; a small
//!   hand-written HTTP/1.1 client, so the driver costs little CPU;
//! - rounds that alternate between the servers (so background noise hits both);
//! - requests per second (the median round), the median and 99th percentile latency seen
//!   by the driver over all rounds, and the server process's peak resident memory
//!   (`VmHWM` in `/proc`, Linux only; "n/a" elsewhere).
//!
//! Everything runs on loopback and on the same cores: the driver and the fake upstream
//! compete with the server for CPU. The numbers compare the two servers with each other
//! on this machine; they are not a capacity plan.
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use upstream::Upstream;

const USAGE: &str = "usage: cargo bench -p benches --bench server [-- [--quick] \
                     [--requests N] [--connections N] [--rounds N] [--no-go]]";

/// The deadline every bench request carries: far above the latencies, so every result
/// is `ok` and both servers do the same work.
const DEADLINE_MS: u64 = 2000;

struct Options {
    requests: usize,
    connections: usize,
    rounds: usize,
    go: bool,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--child-serve") {
        if let Err(err) = child_serve(&args[1..]) {
            eprintln!("error: rust server child: {err}");
            std::process::exit(1);
        }
        return;
    }
    let options = match parse_options(&args) {
        Ok(options) => options,
        Err(err) => {
            eprintln!("error: {err}\n{USAGE}");
            std::process::exit(2);
        }
    };
    if let Err(err) = run(&options) {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        requests: 20_000,
        connections: 64,
        rounds: 3,
        go: true,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|value| value.parse().ok())
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{name} needs a positive number"))
        };
        match arg.as_str() {
            "--quick" => (options.requests, options.rounds) = (3_000, 1),
            "--requests" => options.requests = number("--requests")?,
            "--connections" => options.connections = number("--connections")?,
            "--rounds" => options.rounds = number("--rounds")?,
            "--no-go" => options.go = false,
            // `cargo bench` passes `--bench` to every bench binary.
            "--bench" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(options)
}

/// One measured server.
struct Measurement {
    name: &'static str,
    requests_per_second: f64,
    p50: Duration,
    p99: Duration,
    peak_rss_kib: Option<u64>,
    failures: usize,
}

fn run(options: &Options) -> Result<(), String> {
    let fake = Upstream::start().map_err(|err| format!("cannot start the fake upstream: {err}"))?;
    let specs: Vec<String> = upstream::ENDPOINTS
        .iter()
        .map(|name| format!("{name}={}", fake.url(name)))
        .collect();
    let driver = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("cannot start the driver's runtime: {err}"))?;

    println!(
        "server under load: {} round{} of {} requests over {} connections, GET /things \
         fanning out to {} fast fake upstreams, loopback, {} cores",
        options.rounds,
        if options.rounds == 1 { "" } else { "s" },
        options.requests,
        options.connections,
        specs.len(),
        std::thread::available_parallelism().map_or(1, usize::from),
    );

    let exe = std::env::current_exe().map_err(|err| format!("cannot find this bench: {err}"))?;
    let mut rust = Command::new(exe);
    rust.arg("--child-serve").args(&specs);
    let mut servers = vec![Contender::start("Rust (axum + tokio)", rust)?];

    if options.go {
        match build_go_twin() {
            Ok(binary) => {
                let mut go = Command::new(binary);
                go.args(["-listen", "127.0.0.1:0", "-quiet"]);
                for spec in &specs {
                    go.args(["-upstream", spec]);
                }
                servers.push(Contender::start("Go (net/http)", go)?);
            }
            Err(note) => println!("(Go twin skipped: {note})"),
        }
    }

    // Warm-up: open the connection pools on both sides, fault in the code paths.
    let path = format!("/things?deadline_ms={DEADLINE_MS}");
    for server in &servers {
        let warm_up = options.connections * 10;
        driver.block_on(load(
            server.process.addr,
            &path,
            warm_up,
            options.connections,
        ))?;
    }
    // Rounds alternate between the servers, so that a burst of background load on the
    // machine does not land on one server only.
    for _ in 0..options.rounds {
        for server in &mut servers {
            let started = Instant::now();
            let (mut latencies, failures) = driver.block_on(load(
                server.process.addr,
                &path,
                options.requests,
                options.connections,
            ))?;
            let elapsed = started.elapsed();
            server
                .rates
                .push(options.requests as f64 / elapsed.as_secs_f64());
            server.latencies.append(&mut latencies);
            server.failures += failures;
        }
    }

    let measurements: Vec<Measurement> = servers.into_iter().map(Contender::finish).collect();
    print_table(&measurements);
    Ok(())
}

/// A server being measured, and what was measured so far.
struct Contender {
    name: &'static str,
    process: ChildServer,
    rates: Vec<f64>,
    latencies: Vec<Duration>,
    failures: usize,
}

impl Contender {
    fn start(name: &'static str, mut command: Command) -> Result<Contender, String> {
        Ok(Contender {
            name,
            process: ChildServer::start(name, &mut command)?,
            rates: Vec::new(),
            latencies: Vec::new(),
            failures: 0,
        })
    }

    /// Reads the peak memory, stops the server, and sums up: the median round's rate,
    /// percentiles over every request of every round.
    fn finish(mut self) -> Measurement {
        let peak_rss_kib = peak_rss_kib(self.process.child.id());
        self.process.stop();
        self.rates.sort_by(f64::total_cmp);
        self.latencies.sort_unstable();
        Measurement {
            name: self.name,
            requests_per_second: self.rates.get(self.rates.len() / 2).copied().unwrap_or(0.0),
            p50: percentile(&self.latencies, 0.50),
            p99: percentile(&self.latencies, 0.99),
            peak_rss_kib,
            failures: self.failures,
        }
    }
}

/// `requests` requests over `connections` connections; returns every latency and how
/// many answers were not a 200 with four `ok` results.
async fn load(
    addr: SocketAddr,
    path: &str,
    requests: usize,
    connections: usize,
) -> Result<(Vec<Duration>, usize), String> {
    let mut drivers = tokio::task::JoinSet::new();
    for index in 0..connections {
        let count = requests / connections + usize::from(index < requests % connections);
        let request = format!("GET {path} HTTP/1.1\r\nhost: bench\r\n\r\n");
        drivers.spawn(async move { drive_connection(addr, request, count).await });
    }
    let mut latencies = Vec::with_capacity(requests);
    let mut failures = 0;
    while let Some(joined) = drivers.join_next().await {
        let (mut some, failed) = joined.map_err(|err| format!("a driver task failed: {err}"))??;
        latencies.append(&mut some);
        failures += failed;
    }
    Ok((latencies, failures))
}

/// One keep-alive connection sending `count` requests, one at a time.
async fn drive_connection(
    addr: SocketAddr,
    request: String,
    count: usize,
) -> Result<(Vec<Duration>, usize), String> {
    let stream = TcpStream::connect(addr)
        .await
        .map_err(|err| format!("cannot connect to {addr}: {err}"))?;
    let _ = stream.set_nodelay(true);
    let (read, mut write) = stream.into_split();
    let mut reader = tokio::io::BufReader::new(read);
    let (mut line, mut body) = (String::new(), Vec::new());
    let mut latencies = Vec::with_capacity(count);
    let mut failures = 0;
    let broken = |err: std::io::Error| format!("connection to {addr} broke: {err}");

    for _ in 0..count {
        let started = Instant::now();
        write.write_all(request.as_bytes()).await.map_err(broken)?;

        line.clear();
        reader.read_line(&mut line).await.map_err(broken)?;
        let status_ok = line.starts_with("HTTP/1.1 200 ");
        let mut length = None;
        loop {
            line.clear();
            if reader.read_line(&mut line).await.map_err(broken)? == 0 {
                return Err(format!("{addr} closed the connection mid-response"));
            }
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let length = length.ok_or_else(|| format!("{addr} answered without content-length"))?;
        body.resize(length, 0);
        reader.read_exact(&mut body).await.map_err(broken)?;
        latencies.push(started.elapsed());

        // Cheap check that the work was done: a 200 with one "ok" per upstream.
        let oks = count_occurrences(&body, b"\"status\":\"ok\"");
        if !status_ok || oks != upstream::ENDPOINTS.len() {
            failures += 1;
        }
    }
    Ok((latencies, failures))
}

fn count_occurrences(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .filter(|window| *window == needle)
        .count()
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// A server in a child process, which printed `listening on http://ADDR` on stdout.
struct ChildServer {
    child: Child,
    addr: SocketAddr,
}

impl ChildServer {
    fn start(name: &str, command: &mut Command) -> Result<ChildServer, String> {
        let mut child = command
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|err| format!("cannot start {name}: {err}"))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut line = String::new();
        // The server prints its address first; EOF means it failed (its stderr says why).
        let _ = BufReader::new(stdout).read_line(&mut line);
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .and_then(|addr| addr.parse().ok());
        match addr {
            Some(addr) => Ok(ChildServer { child, addr }),
            None => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!("{name} did not start (it printed {line:?})"))
            }
        }
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The bench re-run as the Rust server: `--child-serve NAME=URL...`.
fn child_serve(specs: &[String]) -> Result<(), String> {
    let upstreams = sol05_server::parse_upstream_specs(specs)?;
    let config = sol05_server::Config::new(upstreams)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| err.to_string())?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|err| err.to_string())?;
        let addr = listener.local_addr().map_err(|err| err.to_string())?;
        // No logging set up: like the Go twin's `-quiet`, no line per request.
        println!("listening on http://{addr}");
        sol05_server::serve(listener, config, sol05_server::shutdown_signal()).await;
        Ok(())
    })
}

/// Builds `benches/go/server` into the target directory; `Err` is a note for the table.
fn build_go_twin() -> Result<std::path::PathBuf, String> {
    let version = Command::new("go").arg("version").output();
    if !version.is_ok_and(|output| output.status.success()) {
        return Err("`go` is not installed".to_owned());
    }
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("go");
    let binary = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("go-server-twin");
    let built = Command::new("go")
        .args(["build", "-o"])
        .arg(&binary)
        .arg("./server")
        .current_dir(&source)
        .status()
        .map_err(|err| format!("cannot run `go build`: {err}"))?;
    if !built.success() {
        return Err(format!(
            "`go build ./server` failed in {}",
            source.display()
        ));
    }
    Ok(binary)
}

/// Peak resident set size of a process, in KiB (`VmHWM`); `None` off Linux.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn print_table(measurements: &[Measurement]) {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    let rss = |kib: Option<u64>| {
        kib.map_or("n/a".to_owned(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    println!();
    println!(
        "{:<22} {:>10} {:>10} {:>10} {:>10} {:>9}",
        "server", "req/s", "p50", "p99", "peak RSS", "failures"
    );
    for m in measurements {
        println!(
            "{:<22} {:>10.0} {:>10} {:>10} {:>10} {:>9}",
            m.name,
            m.requests_per_second,
            ms(m.p50),
            ms(m.p99),
            rss(m.peak_rss_kib),
            m.failures
        );
    }
    if let [rust, go] = measurements {
        let ratio = |a: f64, b: f64| {
            if b > 0.0 {
                format!("{:.2}x", a / b)
            } else {
                "n/a".to_owned()
            }
        };
        let rss_ratio = match (rust.peak_rss_kib, go.peak_rss_kib) {
            (Some(r), Some(g)) => ratio(r as f64, g as f64),
            _ => "n/a".to_owned(),
        };
        println!(
            "{:<22} {:>10} {:>10} {:>10} {:>10}",
            "Rust / Go",
            ratio(rust.requests_per_second, go.requests_per_second),
            ratio(rust.p50.as_secs_f64(), go.p50.as_secs_f64()),
            ratio(rust.p99.as_secs_f64(), go.p99.as_secs_f64()),
            rss_ratio,
        );
        println!("(req/s: higher is better; latencies and memory: lower is better)");
    }
}
