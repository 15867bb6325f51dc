//! The measurement of the Go article's `main.go`, in Rust: GetAllTheThings run
//! sequentially, on threads, and as async tasks, against the fake upstream,
//! with the elapsed time and speed-up of each.
//!
//! ```text
//! cargo run -p sol02-concurrent-calls --example get_all_the_things
//! cargo run -p sol02-concurrent-calls --example get_all_the_things -- --latency-ms 100
//! ```
//!
//! By default facebook, twitter and github answer after 300, 100 and 200 ms
//! (the same as the Go programs in `book/go/02-concurrent-calls/`);
//! `--latency-ms N` gives all three the same latency. The idea to take away:
//! sequential costs the sum, every concurrent version costs the slowest call,
//! `async` with one `.await` after another is sequential again, and of the
//! concurrent versions only `join!` keeps the argument order.
use std::error::Error;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use sol02_concurrent_calls::{
    Status, Thing, fetch, get_all_the_things_join, get_all_the_things_joinset,
    get_all_the_things_sequential, get_all_the_things_threads,
};
use upstream::{Knobs, Upstream};

/// The services and their default latencies, in milliseconds.
const SERVICES: [(&str, u64); 3] =
    [("facebook", 300), ("twitter", 100), ("github", 200)];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let latencies = latencies_from_args()?;
    let up = Upstream::start()?;
    let urls: Vec<String> = SERVICES
        .iter()
        .zip(latencies)
        .map(|((name, _), latency)| up.url_with(name, &Knobs::latency(latency)))
        .collect();

    println!(
        "GetAllTheThings against the fake upstream on {}",
        up.base_url()
    );
    for ((name, _), latency) in SERVICES.iter().zip(latencies) {
        println!("  {name:<8} answers after {} ms", latency.as_millis());
    }
    println!();

    // ANCHOR: measure
    // The blocking versions run here, on the main thread, outside any tokio
    // runtime: `reqwest::blocking` panics if it is used inside one.
    let sequential = timed(|| get_all_the_things_sequential(&urls));
    let threads = timed(|| get_all_the_things_threads(&urls));

    // The async versions need a runtime. `#[tokio::main]` would build one
    // around all of `main`; building it by hand keeps it away from the blocking
    // calls above.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let awaited_in_turn = runtime.block_on(async {
        let started = Instant::now();
        let things = get_all_the_things_awaited_in_turn(&urls).await;
        (things, started.elapsed())
    });
    let join = runtime.block_on(async {
        let started = Instant::now();
        let things =
            get_all_the_things_join(&urls[0], &urls[1], &urls[2]).await;
        (Vec::from(things), started.elapsed())
    });
    let joinset = runtime.block_on(async {
        let started = Instant::now();
        let things = get_all_the_things_joinset(&urls).await;
        (things, started.elapsed())
    });
    // ANCHOR_END: measure

    let baseline = sequential.1;
    println!(
        "{:<16} {:>8} {:>9}   results, in the order returned",
        "version", "elapsed", "speed-up"
    );
    report("sequential", &sequential, baseline);
    report("threads", &threads, baseline);
    report("async, in turn", &awaited_in_turn, baseline);
    report("async join!", &join, baseline);
    report("async JoinSet", &joinset, baseline);
    Ok(())
}

// ANCHOR: awaited_in_turn
/// Async, and still sequential: each `.await` finishes before the next request
/// is even built. `async` alone makes nothing concurrent; `join!` or spawning
/// does.
async fn get_all_the_things_awaited_in_turn(urls: &[String]) -> Vec<Thing> {
    let client = reqwest::Client::new();
    let mut things = Vec::with_capacity(urls.len());
    for url in urls {
        things.push(fetch(&client, url).await);
    }
    things
}
// ANCHOR_END: awaited_in_turn

fn timed(work: impl FnOnce() -> Vec<Thing>) -> (Vec<Thing>, Duration) {
    let started = Instant::now();
    let things = work();
    (things, started.elapsed())
}

/// One line of the table, then any failed call underneath it.
fn report(
    version: &str,
    (things, elapsed): &(Vec<Thing>, Duration),
    baseline: Duration,
) {
    let speed_up =
        baseline.as_secs_f64() / elapsed.as_secs_f64().max(f64::EPSILON);
    let order: Vec<&str> =
        things.iter().map(|thing| thing.name.as_str()).collect();
    println!(
        "{version:<16} {:>5} ms {:>8.1}x   {}",
        elapsed.as_millis(),
        speed_up,
        order.join(", ")
    );
    for thing in things {
        if let Status::Error(message) = &thing.status {
            println!("{:<16}   ! {}: {message}", "", thing.name);
        }
    }
}

/// The default latencies, or `--latency-ms N` for all three.
fn latencies_from_args() -> Result<[Duration; 3], String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [] => Ok(SERVICES.map(|(_, ms)| Duration::from_millis(ms))),
        [flag, value] if flag == "--latency-ms" => {
            let ms: u64 = value.parse().map_err(|_| {
                format!("--latency-ms wants a whole number of milliseconds, got {value:?}")
            })?;
            Ok([Duration::from_millis(ms); 3])
        }
        _ => Err(format!(
            "usage: get_all_the_things [--latency-ms N]; got {}",
            args.join(" ")
        )),
    }
}
