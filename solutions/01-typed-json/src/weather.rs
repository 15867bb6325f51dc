//! Exercise 1 (decode_weather): a flat JSON document into a struct.
//!
//! The struct says what the document must contain: a field per key, a type per
//! value. A key whose JSON name differs from the Rust name gets serde's
//! `rename` attribute (Go's `json:"..."` tag); a value that may be `null` or
//! absent is an `Option`; and a *required* field that is missing is an error,
//! never a silent zero as in Go.
//!
//! Why there is no untyped step in between: `serde_json::from_str` is generic
//! over what it builds, and the function's return type picks it. There is no
//! dict to forget to check, and no half-filled struct: you get a whole
//! `Weather` or an error.

use serde::Deserialize;

// ANCHOR: weather
/// `GET /weather`:
///
/// ```json
/// {"service":"weather","city":"Berlin","temperature_c":21.5,
///  "conditions":"sunny","wind_kmh":null}
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Weather {
    pub city: String,
    /// Degrees Celsius. The JSON key carries the unit; the Rust name does not.
    #[serde(rename = "temperature_c")]
    pub temperature: f64,
    pub conditions: String,
    /// `null` (or absent) when the station has no wind sensor: "no value", not
    /// 0 km/h.
    pub wind_kmh: Option<f64>,
}
// ANCHOR_END: weather

// ANCHOR: decode_weather
/// Decodes the body of `GET /weather`.
pub fn decode_weather(body: &str) -> Result<Weather, serde_json::Error> {
    serde_json::from_str(body)
}
// ANCHOR_END: decode_weather
