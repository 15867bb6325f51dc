//! Exercise `decode_weather`: a flat JSON document into a struct.
//!
//! The one idea: the struct says what the document must contain. A key whose Rust name
//! differs gets `#[serde(rename = "...")]` (Go's `json:"..."` tag); a value that may be
//! `null` is an `Option`; and a *required* field that is missing is an error, never a
//! silent zero as in Go.

use serde::Deserialize;

// ANCHOR: exercise
/// `GET /weather`:
/// `{"service":"weather","city":"Berlin","temperature_c":21.5,"conditions":"sunny","wind_kmh":null}`
// TODO: add `Deserialize` to the derive list, and give `temperature` the attribute
// `#[serde(rename = "temperature_c")]` so serde reads it from the JSON key
// `temperature_c`. Leave the field types as they are: they are the schema.
// Book: book/src/01-typed-json.md#exercise-1-decode_weather
#[derive(Debug, Clone, PartialEq)]
pub struct Weather {
    pub city: String,
    /// Degrees Celsius. The JSON key carries the unit; the Rust name does not.
    pub temperature: f64,
    pub conditions: String,
    /// `null` (or absent) when the station has no wind sensor: "no value", not 0 km/h.
    pub wind_kmh: Option<f64>,
}

/// Decodes the body of `GET /weather`.
pub fn decode_weather(body: &str) -> Result<Weather, serde_json::Error> {
    // TODO: one call to `serde_json::from_str`; the return type tells it what to build.
    // Book: book/src/01-typed-json.md#exercise-1-decode_weather
    todo!("decode_weather")
}
// ANCHOR_END: exercise
