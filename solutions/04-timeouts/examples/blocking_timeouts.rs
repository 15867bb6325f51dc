//! Two ways to put a time limit on a blocking HTTP call, and which one reaches the socket.
//!
//! Run it: `cargo run -p sol04-timeouts --example blocking_timeouts` (about 2 seconds;
//! real sockets to an in-process fake upstream whose endpoint never answers).
//!
//! The idea: `call_with_timeout` (a worker thread + `select!` + `after`) makes the
//! *caller* stop waiting, but the worker thread stays blocked inside the request and the
//! connection stays open: the upstream never learns that nobody wants its answer. A
//! timeout on the request itself (`RequestBuilder::timeout`) makes reqwest close the
//! connection, and the upstream counts the request as abandoned.

use std::time::{Duration, Instant};

use sol04_timeouts::cancel_reaches_io::fetch_json_blocking;
use sol04_timeouts::per_call_threads::call_with_timeout;
use upstream::{Fault, Knobs, Upstream};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let upstream = Upstream::start()?;
    let hang = upstream.url_with("github", &Knobs::fault(Fault::Hang));
    let limit = Duration::from_millis(200);

    // ANCHOR: stop_waiting
    println!("1. a worker thread, select! and after({limit:?}):");
    let client = reqwest::blocking::Client::new();
    let url = hang.clone();
    let start = Instant::now();
    let result = call_with_timeout(move || client.get(url).send().map(|r| r.status()), limit);
    let ms = start.elapsed().as_millis();
    println!("   caller: {result:?} after {ms} ms");
    let seen = upstream.wait_for_abandoned_blocking(1, Duration::from_secs(1));
    println!("   upstream saw the client leave: {seen} (the worker is still in the request)");
    // ANCHOR_END: stop_waiting

    // ANCHOR: stop_working
    println!("2. the request's own timeout ({limit:?}):");
    let client = reqwest::blocking::Client::new();
    let start = Instant::now();
    let result = fetch_json_blocking(&client, &hang, limit);
    let ms = start.elapsed().as_millis();
    println!("   caller: {result:?} after {ms} ms");
    let seen = upstream.wait_for_abandoned_blocking(1, Duration::from_secs(5));
    let abandoned = upstream.abandoned();
    println!("   upstream saw the client leave: {seen} (abandoned = {abandoned})");
    // ANCHOR_END: stop_working

    // Stopping the upstream also cuts off the request the worker of part 1 is stuck in.
    upstream.stop();
    Ok(())
}
