//! The step's one API call from threaded code, against an embedded fake
//! upstream.
//!
//! `cargo run -p sol01-typed-json --example fetch_blocking`
//!
//! Fetches the weather and github documents into their structs, then shows the
//! message of each kind of failure: an HTTP 500, a body that is not JSON, the
//! wrong struct for a document, and a port where nothing listens.

use sol01_typed_json::fetch_blocking::fetch_json_blocking;
use sol01_typed_json::github::GitHub;
use sol01_typed_json::social::Facebook;
use sol01_typed_json::weather::Weather;
use upstream::{Fault, Knobs, Upstream};

// ANCHOR: main
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let upstream = Upstream::start()?;
    // One client for the whole program: it keeps connections open between
    // calls.
    let client = reqwest::blocking::Client::new();

    let weather: Weather =
        fetch_json_blocking(&client, &upstream.url("weather"))?;
    print_weather(&weather);
    let github: GitHub = fetch_json_blocking(&client, &upstream.url("github"))?;
    print_github(&github);

    show_failures(&client, &upstream)
}
// ANCHOR_END: main

fn print_weather(weather: &Weather) {
    // `wind_kmh` is an `Option`: the compiler makes us say what "no value"
    // prints as.
    let wind = match weather.wind_kmh {
        Some(kmh) => format!("wind {kmh} km/h"),
        None => "no wind reading".to_string(),
    };
    println!(
        "{}: {} °C, {}, {wind}",
        weather.city, weather.temperature, weather.conditions
    );
}

fn print_github(github: &GitHub) {
    for repo in &github.repos {
        let language = repo.language.as_deref().unwrap_or("unknown");
        println!(
            "{}/{}: {} stars, {language}",
            github.user, repo.name, repo.stars
        );
    }
}

/// One call for each way a call fails; prints the error's message.
fn show_failures(
    client: &reqwest::blocking::Client,
    upstream: &Upstream,
) -> Result<(), Box<dyn std::error::Error>> {
    println!();
    let failing = [
        upstream.url_with("weather", &Knobs::fault(Fault::Status500)),
        upstream.url_with("weather", &Knobs::fault(Fault::InvalidJson)),
    ];
    for url in failing {
        if let Err(err) = fetch_json_blocking::<Weather>(client, &url) {
            println!("error: {err}");
        }
    }
    // The right endpoint, the wrong struct.
    if let Err(err) =
        fetch_json_blocking::<Facebook>(client, &upstream.url("weather"))
    {
        println!("error: {err}");
    }
    // A port where nothing listens: take a free one and let it go again.
    let free_port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let refused = format!("http://127.0.0.1:{free_port}/weather");
    if let Err(err) = fetch_json_blocking::<Weather>(client, &refused) {
        println!("error: {err}");
    }
    Ok(())
}
