//! The step's one API call as an `async fn` on tokio, against an embedded fake
//! upstream.
//!
//! `cargo run -p sol01-typed-json --example fetch_async`
//!
//! The same program as `fetch_blocking`, with `.await` where that one waits.

use sol01_typed_json::fetch_async::fetch_json;
use sol01_typed_json::github::GitHub;
use sol01_typed_json::social::Facebook;
use sol01_typed_json::weather::Weather;
use upstream::{Fault, Knobs, Upstream};

// ANCHOR: main
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let upstream = Upstream::start()?;
    // The async client: also one per program, also a pool of connections.
    let client = reqwest::Client::new();

    let weather: Weather =
        fetch_json(&client, &upstream.url("weather")).await?;
    print_weather(&weather);
    let github: GitHub = fetch_json(&client, &upstream.url("github")).await?;
    print_github(&github);

    show_failures(&client, &upstream).await
}
// ANCHOR_END: main

fn print_weather(weather: &Weather) {
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
async fn show_failures(
    client: &reqwest::Client,
    upstream: &Upstream,
) -> Result<(), Box<dyn std::error::Error>> {
    println!();
    let failing = [
        upstream.url_with("weather", &Knobs::fault(Fault::Status500)),
        upstream.url_with("weather", &Knobs::fault(Fault::InvalidJson)),
    ];
    for url in failing {
        if let Err(err) = fetch_json::<Weather>(client, &url).await {
            println!("error: {err}");
        }
    }
    if let Err(err) =
        fetch_json::<Facebook>(client, &upstream.url("weather")).await
    {
        println!("error: {err}");
    }
    let free_port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let refused = format!("http://127.0.0.1:{free_port}/weather");
    if let Err(err) = fetch_json::<Weather>(client, &refused).await {
        println!("error: {err}");
    }
    Ok(())
}
