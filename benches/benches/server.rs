//! Bench `server`: the step 05 server under a bounded load, next to its Go twin, in
//! one table.
//!
//! ```text
//! cargo bench -p benches --bench server              # 3 rounds of 20 000 requests each
//! cargo bench -p benches --bench server -- --quick   # 3 rounds of 2 000: a few seconds
//! cargo bench -p benches --bench server -- --requests 50000 --connections 128
//! ```
//!
//! What it measures, the same way for both servers:
//!
//! - one fake upstream (`upstream::Upstream`, in this process) with four fast endpoints;
//! - the Rust server (`sol05_server`) in a child process: this very binary, re-run with
//!   `--child-serve`, started twice (the allocator's default settings, and
//!   [`LEAN_MEMORY`]); the Go twin (`benches/go/server`, built with `go build`) in
//!   another child process, when `go` is installed;
//! - a load driver in this process: `--connections` keep-alive connections, each sending
//!   `GET /things` requests one after the other until `--requests` are done; a small
//!   hand-written HTTP/1.1 client, so the driver costs little CPU;
//! - rounds that alternate between the servers (so background noise hits both), each
//!   bounded in time;
//! - per server: requests per second (the median round); the median and 99th
//!   percentile latency seen by the driver over all rounds; **CPU per request**: the
//!   server process's user + system time (`/proc/PID/stat`, all its threads) over the
//!   measured rounds, divided by the requests it answered; **peak RSS**: `VmHWM` in
//!   `/proc/PID/status`; and the answers that were not a 2xx, and the connections
//!   that broke (both must be 0 for the figures to mean anything).
//!
//! What the figures do and do not show. Everything runs on loopback and on the same
//! cores: the driver and the fake upstream compete with the server for CPU, so req/s
//! and the latencies depend on them too; CPU per request and peak RSS are the server's
//! own. The upstreams answer at once: this is the cost of the server's own work (HTTP
//! parsing, four upstream calls over pooled connections, JSON), not of waiting. CPU
//! time is counted in ticks of 10 ms, so a quick run is good to a few percent. The
//! numbers compare the two servers with each other on this machine; they are not a
//! capacity plan. Linux only for CPU and memory ("n/a" elsewhere).
//!
//! The Rust server is built the way one ships a server, and the chapter (05, "What a
//! request costs") says what each choice measured on the 2-core machine:
//!
//! - the bench profile (root `Cargo.toml`): fat LTO and one codegen unit, so hyper,
//!   tokio and the server inline into each other: about 10% less CPU per request;
//! - mimalloc as the global allocator (below), built without transparent huge pages:
//!   glibc's malloc takes a lock when one worker frees what another allocated, which a
//!   work-stealing runtime does on every request. About a third less CPU per request.
//!   Go's allocator has a cache per P built in; in Rust the choice is yours, per binary.
//!   `cargo workshop serve` (a dev build, for demos) keeps the system allocator.
//!
//! To try a change to the server against the same load without editing the solution,
//! build a binary that takes `NAME=URL...` and prints `listening on http://ADDR` (like
//! [`child_serve`]) and run the bench with `WORKSHOP_BENCH_RUST_SERVER=/path/to/it`.

// The allocator of this whole binary: the load driver's, and the Rust server's, which is
// this binary re-run as a child.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use benches::procfs;
use benches::{Figure, Report, Unit};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use upstream::Upstream;

const USAGE: &str = "usage: cargo bench -p benches --bench server [-- [--quick] \
                     [--requests N] [--connections N] [--rounds N] [--no-go]]";

/// The deadline every bench request carries: far above the latencies, so every result
/// is `ok` and both servers do the same work.
const DEADLINE_MS: u64 = 2000;

const TABLE: &str = "server";

/// A Rust server binary to measure instead of this bench's own `--child-serve` (it must
/// take `NAME=URL` arguments and print `listening on http://ADDR` first, like
/// `--child-serve`): how to try a change to the server against the same load.
const RUST_SERVER_ENV: &str = "WORKSHOP_BENCH_RUST_SERVER";
const RUST: &str = "Rust (axum + tokio)";
const RUST_LEAN: &str = "Rust, memory-lean";
const GO: &str = "Go (net/http)";

/// mimalloc's settings for the memory-lean row, read from the environment when the child
/// starts: hand freed pages back to the OS at once instead of after a second, and commit
/// arena memory as it is used instead of ahead. Fewer resident pages, a little more CPU:
/// the same trade as a lower `GOGC` in Go.
const LEAN_MEMORY: [(&str, &str); 2] = [
    ("MIMALLOC_PURGE_DELAY", "0"),
    ("MIMALLOC_ARENA_EAGER_COMMIT", "0"),
];

struct Options {
    requests: usize,
    connections: usize,
    rounds: usize,
    go: bool,
    /// The longest one round may take before the bench gives up on it.
    round_limit: Duration,
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
        round_limit: Duration::from_secs(120),
    };
    let quick = |options: &mut Options| {
        (options.requests, options.rounds) = (2_000, 3);
        options.round_limit = Duration::from_secs(20);
    };
    if std::env::var("WORKSHOP_BENCH_QUICK").is_ok_and(|value| value == "1") {
        quick(&mut options);
    }
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            args.next()
                .and_then(|value| value.parse().ok())
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{name} needs a positive number"))
        };
        match arg.as_str() {
            "--quick" => quick(&mut options),
            "--requests" => options.requests = number("--requests")?,
            "--connections" => options.connections = number("--connections")?,
            "--rounds" => options.rounds = number("--rounds")?,
            "--no-go" => options.go = false,
            // `cargo bench` passes `--bench` to every bench binary; `cargo workshop
            // bench` passes criterion's `--quiet` to all of them.
            "--bench" | "--quiet" => {}
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    options.connections = options.connections.min(options.requests);
    Ok(options)
}

/// One measured server.
struct Measurement {
    name: &'static str,
    requests_per_second: f64,
    p50: Duration,
    p99: Duration,
    /// Seconds of CPU per answered request; `None` off Linux.
    cpu_per_request: Option<f64>,
    peak_rss_kib: Option<u64>,
    non_2xx: usize,
    incomplete: usize,
    socket_errors: usize,
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
    let report = Report::from_env();

    let title = format!(
        "server: {} round{} of {} requests over {} connections, GET /things fanning out to \
         {} instant fake upstreams, loopback, {} cores",
        options.rounds,
        if options.rounds == 1 { "" } else { "s" },
        options.requests,
        options.connections,
        specs.len(),
        std::thread::available_parallelism().map_or(1, usize::from),
    );
    println!("{title}");
    if let Some(binary) = std::env::var_os(RUST_SERVER_ENV) {
        let binary = binary.to_string_lossy();
        println!("  (the Rust server is {binary}, from {RUST_SERVER_ENV})");
    }

    // The same Rust binary twice: with the allocator's defaults, and told to hold less
    // memory (see `LEAN_MEMORY`). Their two rows show what that trade costs.
    let mut lean = rust_command(&specs)?;
    lean.envs(LEAN_MEMORY);
    let mut servers = vec![
        Contender::start(RUST, rust_command(&specs)?)?,
        Contender::start(RUST_LEAN, lean)?,
    ];

    let mut go_note = None;
    if options.go {
        match build_go_twin() {
            Ok(binary) => {
                let mut go = Command::new(binary);
                go.args(["-listen", "127.0.0.1:0", "-quiet"]);
                for spec in &specs {
                    go.args(["-upstream", spec]);
                }
                servers.push(Contender::start(GO, go)?);
            }
            Err(note) => go_note = Some(format!("Go twin skipped: {note}.")),
        }
    } else {
        go_note = Some("Go twin skipped: --no-go.".to_owned());
    }
    for server in &servers {
        println!("  {}: pid {}", server.name, server.process.child.id());
    }

    // Warm-up: open the connection pools on both sides, fault in the code paths.
    let path = format!("/things?deadline_ms={DEADLINE_MS}");
    for server in &servers {
        let warm_up = options.connections * 10;
        let load = load(server.process.addr, &path, warm_up, options.connections);
        driver
            .block_on(async { tokio::time::timeout(options.round_limit, load).await })
            .map_err(|_| {
                format!(
                    "{}: the warm-up took longer than {:?}",
                    server.name, options.round_limit
                )
            })?;
    }
    // Rounds alternate between the servers, so that a burst of background load on the
    // machine does not land on one server only.
    for _ in 0..options.rounds {
        for server in &mut servers {
            let pid = server.process.child.id();
            let cpu_before = procfs::cpu_seconds(pid);
            let started = Instant::now();
            let load = load(
                server.process.addr,
                &path,
                options.requests,
                options.connections,
            );
            let mut outcome = driver
                .block_on(async { tokio::time::timeout(options.round_limit, load).await })
                .map_err(|_| {
                    format!(
                        "{}: a round took longer than {:?}",
                        server.name, options.round_limit
                    )
                })?;
            let elapsed = started.elapsed();
            let cpu_after = procfs::cpu_seconds(pid);
            server.cpu = match (server.cpu, cpu_before, cpu_after) {
                (Some(sum), Some(before), Some(after)) => Some(sum + (after - before)),
                _ => None,
            };
            let answered = outcome.latencies.len();
            server.answered += answered;
            server.rates.push(answered as f64 / elapsed.as_secs_f64());
            server.latencies.append(&mut outcome.latencies);
            server.non_2xx += outcome.non_2xx;
            server.incomplete += outcome.incomplete;
            server.socket_errors += outcome.socket_errors;
        }
    }

    let measurements: Vec<Measurement> = servers.into_iter().map(Contender::finish).collect();
    let notes = notes(&measurements, go_note);
    if report.active() {
        report.table(TABLE, &title, false);
        for m in &measurements {
            let (lang, twin) = if m.name == GO {
                ("Go", None)
            } else {
                ("Rust", Some(GO))
            };
            report.row(TABLE, lang, m.name, twin, &figures(m));
        }
        for note in &notes {
            report.note(TABLE, note);
        }
    } else {
        print_table(&measurements);
        for note in &notes {
            println!("  {note}");
        }
    }
    let failed: usize = measurements
        .iter()
        .map(|m| m.non_2xx + m.socket_errors)
        .sum();
    if failed > 0 {
        return Err(format!(
            "{failed} requests failed (non-2xx or broken connections): the figures above do not compare like with like"
        ));
    }
    Ok(())
}

/// The figures of one server's row; the compared ones get a Rust ÷ Go ratio.
fn figures(m: &Measurement) -> Vec<Figure> {
    let mut figures = vec![
        Figure::compared("req/s", m.requests_per_second, Unit::PerSecond),
        Figure::new("p50", m.p50.as_secs_f64(), Unit::Seconds),
        Figure::compared("p99", m.p99.as_secs_f64(), Unit::Seconds),
    ];
    if let Some(cpu) = m.cpu_per_request {
        figures.push(Figure::compared("CPU/req", cpu, Unit::Seconds));
    }
    if let Some(kib) = m.peak_rss_kib {
        figures.push(Figure::compared(
            "peak RSS",
            kib as f64 * 1024.0,
            Unit::Bytes,
        ));
    }
    figures.push(Figure::new("non-2xx", m.non_2xx as f64, Unit::Count));
    figures.push(Figure::new("sock err", m.socket_errors as f64, Unit::Count));
    figures
}

/// What the columns are, and anything that went wrong.
fn notes(measurements: &[Measurement], go_note: Option<String>) -> Vec<String> {
    let mut notes = vec![
        "req/s: the median round; p50, p99: all requests, as the driver saw them; CPU/req:".to_owned(),
        "the server's user+system time ÷ requests answered; peak RSS: VmHWM; sock err: broken connections."
            .to_owned(),
    ];
    let lean: Vec<String> = LEAN_MEMORY
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    notes.push(format!(
        "Rust: LTO, mimalloc; memory-lean: the same binary with {}.",
        lean.join(" ")
    ));
    for m in measurements.iter().filter(|m| m.incomplete > 0) {
        notes.push(format!(
            "{}: {} answers were 200 without an ok from every upstream.",
            m.name, m.incomplete
        ));
    }
    notes.extend(go_note);
    notes
}

/// A server being measured, and what was measured so far.
struct Contender {
    name: &'static str,
    process: ChildServer,
    rates: Vec<f64>,
    latencies: Vec<Duration>,
    /// CPU seconds over the measured rounds (`None`: no `/proc`).
    cpu: Option<f64>,
    answered: usize,
    non_2xx: usize,
    incomplete: usize,
    socket_errors: usize,
}

impl Contender {
    fn start(name: &'static str, mut command: Command) -> Result<Contender, String> {
        Ok(Contender {
            name,
            process: ChildServer::start(name, &mut command)?,
            rates: Vec::new(),
            latencies: Vec::new(),
            cpu: Some(0.0),
            answered: 0,
            non_2xx: 0,
            incomplete: 0,
            socket_errors: 0,
        })
    }

    /// Reads the peak memory, stops the server, and sums up: the median round's rate,
    /// percentiles over every request of every round.
    fn finish(mut self) -> Measurement {
        let peak_rss_kib = procfs::status_kib(Some(self.process.child.id()), "VmHWM");
        self.process.stop();
        self.rates.sort_by(f64::total_cmp);
        self.latencies.sort_unstable();
        Measurement {
            name: self.name,
            requests_per_second: self.rates.get(self.rates.len() / 2).copied().unwrap_or(0.0),
            p50: percentile(&self.latencies, 0.50),
            p99: percentile(&self.latencies, 0.99),
            cpu_per_request: self
                .cpu
                .filter(|_| self.answered > 0)
                .map(|cpu| cpu / self.answered as f64),
            peak_rss_kib,
            non_2xx: self.non_2xx,
            incomplete: self.incomplete,
            socket_errors: self.socket_errors,
        }
    }
}

/// What one round of load saw.
#[derive(Default)]
struct Outcome {
    /// One per answered request.
    latencies: Vec<Duration>,
    non_2xx: usize,
    /// A 200 without an `ok` result from every upstream.
    incomplete: usize,
    /// Connections that could not connect, or broke: each stops its driver.
    socket_errors: usize,
}

/// `requests` requests over `connections` connections.
async fn load(addr: SocketAddr, path: &str, requests: usize, connections: usize) -> Outcome {
    let mut drivers = tokio::task::JoinSet::new();
    for index in 0..connections {
        let count = requests / connections + usize::from(index < requests % connections);
        let request = format!("GET {path} HTTP/1.1\r\nhost: bench\r\n\r\n");
        drivers.spawn(async move { drive_connection(addr, request, count).await });
    }
    let mut total = Outcome {
        latencies: Vec::with_capacity(requests),
        ..Outcome::default()
    };
    while let Some(joined) = drivers.join_next().await {
        let mut outcome = joined.expect("a driver task does not panic");
        total.latencies.append(&mut outcome.latencies);
        total.non_2xx += outcome.non_2xx;
        total.incomplete += outcome.incomplete;
        total.socket_errors += outcome.socket_errors;
    }
    total
}

/// One keep-alive connection sending `count` requests, one at a time. A broken
/// connection counts one socket error and ends this driver.
async fn drive_connection(addr: SocketAddr, request: String, count: usize) -> Outcome {
    let mut outcome = Outcome {
        latencies: Vec::with_capacity(count),
        ..Outcome::default()
    };
    if let Err(err) = drive(addr, &request, count, &mut outcome).await {
        eprintln!("warning: connection to {addr}: {err}");
        outcome.socket_errors += 1;
    }
    outcome
}

async fn drive(
    addr: SocketAddr,
    request: &str,
    count: usize,
    outcome: &mut Outcome,
) -> Result<(), String> {
    let stream = TcpStream::connect(addr)
        .await
        .map_err(|err| format!("cannot connect: {err}"))?;
    let _ = stream.set_nodelay(true);
    let (read, mut write) = stream.into_split();
    let mut reader = tokio::io::BufReader::new(read);
    let (mut line, mut body) = (String::new(), Vec::new());
    let broken = |err: std::io::Error| format!("broke: {err}");

    for _ in 0..count {
        let started = Instant::now();
        write.write_all(request.as_bytes()).await.map_err(broken)?;

        line.clear();
        if reader.read_line(&mut line).await.map_err(broken)? == 0 {
            return Err("closed by the server".to_owned());
        }
        let status_2xx = line.starts_with("HTTP/1.1 2");
        let status_ok = line.starts_with("HTTP/1.1 200 ");
        let mut length = None;
        loop {
            line.clear();
            if reader.read_line(&mut line).await.map_err(broken)? == 0 {
                return Err("closed mid-response".to_owned());
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
        let length = length.ok_or("an answer without content-length")?;
        body.resize(length, 0);
        reader.read_exact(&mut body).await.map_err(broken)?;
        outcome.latencies.push(started.elapsed());

        // Cheap check that the work was done: a 200 with one "ok" per upstream.
        if !status_2xx {
            outcome.non_2xx += 1;
        } else if !status_ok
            || count_occurrences(&body, b"\"status\":\"ok\"") != upstream::ENDPOINTS.len()
        {
            outcome.incomplete += 1;
        }
    }
    Ok(())
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

/// The command that starts the Rust server: this very binary with `--child-serve`, or the
/// binary named by [`RUST_SERVER_ENV`] (a change being tried out: `BINARY NAME=URL...`).
fn rust_command(specs: &[String]) -> Result<Command, String> {
    if let Some(binary) = std::env::var_os(RUST_SERVER_ENV) {
        let mut rust = Command::new(binary);
        rust.args(specs);
        return Ok(rust);
    }
    let exe = std::env::current_exe().map_err(|err| format!("cannot find this bench: {err}"))?;
    let mut rust = Command::new(exe);
    rust.arg("--child-serve").args(specs);
    Ok(rust)
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

/// The standalone table (`cargo bench` without the runner).
fn print_table(measurements: &[Measurement]) {
    let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
    let us = |s: Option<f64>| s.map_or("n/a".to_owned(), |s| format!("{:.1} µs", s * 1e6));
    let rss = |kib: Option<u64>| {
        kib.map_or("n/a".to_owned(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        })
    };
    println!();
    println!(
        "{:<30} {:>10} {:>10} {:>10} {:>12} {:>10} {:>8} {:>14}",
        "server", "req/s", "p50", "p99", "CPU/request", "peak RSS", "non-2xx", "socket errors"
    );
    for m in measurements {
        println!(
            "{:<30} {:>10.0} {:>10} {:>10} {:>12} {:>10} {:>8} {:>14}",
            m.name,
            m.requests_per_second,
            ms(m.p50),
            ms(m.p99),
            us(m.cpu_per_request),
            rss(m.peak_rss_kib),
            m.non_2xx,
            m.socket_errors,
        );
    }
    let Some(go) = measurements.iter().find(|m| m.name == GO) else {
        return;
    };
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}x", a / b),
        _ => "n/a".to_owned(),
    };
    let kib = |m: &Measurement| m.peak_rss_kib.map(|k| k as f64);
    for rust in measurements.iter().filter(|m| m.name != GO) {
        println!(
            "{:<30} {:>10} {:>10} {:>10} {:>12} {:>10}",
            format!("{} / Go", rust.name),
            ratio(Some(rust.requests_per_second), Some(go.requests_per_second)),
            ratio(Some(rust.p50.as_secs_f64()), Some(go.p50.as_secs_f64())),
            ratio(Some(rust.p99.as_secs_f64()), Some(go.p99.as_secs_f64())),
            ratio(rust.cpu_per_request, go.cpu_per_request),
            ratio(kib(rust), kib(go)),
        );
    }
    println!("(req/s: higher is better; latencies, CPU and memory: lower is better)");
}
