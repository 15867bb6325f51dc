//! Exercise `decode_weather`: a flat JSON document into a struct.
//!
//! The one idea: the struct says what the document must contain. A key whose Rust name
//! differs gets `#[serde(rename = "...")]` (Go's `json:"..."` tag); a value that may be
//! `null` is an `Option`; and a *required* field that is missing is an error, never a
//! silent zero as in Go.

use serde::Deserialize;

// ANCHOR: weather
/// `GET /weather`:
/// `{"service":"weather","city":"Berlin","temperature_c":21.5,"conditions":"sunny","wind_kmh":null}`
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Weather {
    pub city: String,
    /// Degrees Celsius. The JSON key carries the unit; the Rust name does not.
    #[serde(rename = "temperature_c")]
    pub temperature: f64,
    pub conditions: String,
    /// `null` (or absent) when the station has no wind sensor: "no value", not 0 km/h.
    pub wind_kmh: Option<f64>,
}
// ANCHOR_END: weather

// ANCHOR: decode_weather
/// Decodes the body of `GET /weather`.
pub fn decode_weather(body: &str) -> Result<Weather, serde_json::Error> {
    // The return type tells serde what to build; there is no untyped middle step.
    serde_json::from_str(body)
}
// ANCHOR_END: decode_weather
