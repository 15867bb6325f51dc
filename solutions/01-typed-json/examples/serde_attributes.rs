//! serde's field attributes on a document of our own (not one of the
//! exercises'): `rename`, `Option` and a per-field `default`, and what a
//! `default` on the whole struct does instead.
//!
//! `cargo run -p sol01-typed-json --example serde_attributes`
//!
//! The idea to take away: the struct decides, field by field, what may be
//! missing. A required field that is absent is an error; a field marked
//! `default` becomes empty; a struct marked `default` turns *every* gap into a
//! zero, which is Go's behaviour back.

use serde::Deserialize;

// ANCHOR: station
/// A weather station, as some API might describe it.
#[derive(Debug, Deserialize)]
struct Station {
    /// The JSON key is `station_id`; the Rust name is `id`.
    #[serde(rename = "station_id")]
    id: String,
    /// Required: a document without it is an error.
    elevation_m: i32,
    /// `null` or absent: `None`. A number: `Some(pct)`.
    humidity_pct: Option<u8>,
    /// Absent means "no tags": an empty list, not an error.
    #[serde(default)]
    tags: Vec<String>,
}
// ANCHOR_END: station

// ANCHOR: lenient
/// The trap: `default` on the whole struct. Every missing key becomes the
/// default of its type, as in Go: a station that lost its elevation is at 0 m.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
struct LenientStation {
    #[serde(rename = "station_id")]
    id: String,
    elevation_m: i32,
}
// ANCHOR_END: lenient

/// Every field there.
const FULL: &str = r#"{"station_id":"BER-7","elevation_m":34,"humidity_pct":61,"tags":["urban"]}"#;
/// A `null` humidity and no `tags` key.
const NULL_HUMIDITY: &str =
    r#"{"station_id":"BER-8","elevation_m":40,"humidity_pct":null}"#;
/// No elevation.
const NO_ELEVATION: &str = r#"{"station_id":"BER-9"}"#;

fn main() {
    // ANCHOR: decode
    for body in [FULL, NULL_HUMIDITY, NO_ELEVATION] {
        match serde_json::from_str::<Station>(body) {
            Ok(station) => println!(
                "ok: {} at {} m, humidity {:?}, tags {:?}",
                station.id,
                station.elevation_m,
                station.humidity_pct,
                station.tags
            ),
            Err(err) => println!("error: {err}"),
        }
    }
    let lenient: LenientStation =
        serde_json::from_str(NO_ELEVATION).expect("never fails");
    println!("lenient: {} at {} m", lenient.id, lenient.elevation_m);
    // ANCHOR_END: decode
}
