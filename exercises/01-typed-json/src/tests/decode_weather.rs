//! Tests for `decode_weather` (src/weather.rs): a flat document, a rename, a
//! nullable field.

use super::{WEATHER_BODY, edit};
use crate::weather::{Weather, decode_weather};

#[test]
fn decodes_the_upstream_document() {
    let weather = decode_weather(WEATHER_BODY);
    assert!(
        weather.is_ok(),
        "expected the /weather body to decode, because it has every key `Weather` needs; \
         got {weather:?}. Likely mistake: `temperature` is not renamed to the JSON key \
         `temperature_c`, so serde looks for a key \"temperature\" that is not there."
    );
    let expected = Weather {
        city: "Berlin".to_string(),
        temperature: 21.5,
        conditions: "sunny".to_string(),
        wind_kmh: None,
    };
    assert_eq!(
        weather.unwrap(),
        expected,
        "expected the fields of the /weather document (left: what you decoded)"
    );
}

#[test]
fn a_wind_speed_is_some_and_null_is_none() {
    let windy = edit(WEATHER_BODY, r#""wind_kmh":null"#, r#""wind_kmh":12.5"#);
    let weather =
        decode_weather(&windy).expect("a body with a wind speed should decode");
    assert_eq!(
        weather.wind_kmh,
        Some(12.5),
        "expected Some(12.5) for \"wind_kmh\":12.5"
    );
    let calm =
        decode_weather(WEATHER_BODY).expect("the /weather body should decode");
    assert_eq!(
        calm.wind_kmh, None,
        "expected None for \"wind_kmh\":null, because null means 'no value', not 0 km/h"
    );
}

#[test]
fn a_missing_optional_field_is_none() {
    let no_wind = edit(WEATHER_BODY, r#","wind_kmh":null"#, "");
    let weather = decode_weather(&no_wind);
    assert!(
        matches!(weather, Ok(Weather { wind_kmh: None, .. })),
        "expected a body without \"wind_kmh\" to decode with wind_kmh: None, because serde \
         treats an absent `Option` field as None; got {weather:?}. Likely mistake: the \
         field's type was changed from Option<f64>."
    );
}

#[test]
fn a_missing_temperature_is_an_error_not_zero() {
    let no_temperature = edit(WEATHER_BODY, r#","temperature_c":21.5"#, "");
    match decode_weather(&no_temperature) {
        Ok(weather) => panic!(
            "expected an error for a body without \"temperature_c\", because a required \
             field must not silently become a number nobody sent; got Ok with temperature \
             {}. Likely mistake: a #[serde(default)] on the whole struct (or on \
             `temperature`) fills a missing key with 0.0, exactly as Go does. Put defaults \
             only on fields where 'absent' really means 'empty'.",
            weather.temperature
        ),
        Err(err) => assert!(
            err.to_string().contains("missing field `temperature_c`"),
            "expected serde's error to name the JSON key `temperature_c`; got {err}"
        ),
    }
}

#[test]
fn a_temperature_in_words_is_an_error() {
    let in_words = edit(WEATHER_BODY, "21.5", r#""warm""#);
    match decode_weather(&in_words) {
        Ok(weather) => panic!(
            "expected an error for \"temperature_c\":\"warm\", because `temperature` is an \
             f64; got {weather:?}. Likely mistake: the field's type was changed."
        ),
        Err(err) => assert!(
            err.to_string()
                .contains("invalid type: string \"warm\", expected f64"),
            "expected serde's error to say a string came where an f64 belongs; got {err}"
        ),
    }
}
