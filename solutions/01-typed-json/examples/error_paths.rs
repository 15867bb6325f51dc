//! The pieces of a readable decode error, on a document of our own:
//! serde_json's own error, the field path from `serde_path_to_error`, the
//! error's category, and the check for text after the value.
//!
//! `cargo run -p sol01-typed-json --example error_paths`

use serde::Deserialize;

// ANCHOR: order
/// An order with its items.
#[derive(Debug, Deserialize)]
struct Order {
    id: u64,
    items: Vec<Item>,
}

#[derive(Debug, Deserialize)]
struct Item {
    sku: String,
    qty: u32,
}
// ANCHOR_END: order

/// The second item's quantity is a word.
const BAD_QTY: &str =
    r#"{"id":7,"items":[{"sku":"tea","qty":1},{"sku":"mug","qty":"two"}]}"#;

fn main() {
    // ANCHOR: plain
    let err = serde_json::from_str::<Order>(BAD_QTY).unwrap_err();
    println!("serde_json says: {err}");
    println!("  line {}, column {}", err.line(), err.column());
    // ANCHOR_END: plain

    // ANCHOR: path
    let mut deserializer = serde_json::Deserializer::from_str(BAD_QTY);
    let result: Result<Order, _> =
        serde_path_to_error::deserialize(&mut deserializer);
    let err = result.unwrap_err();
    println!("the path: {}", err.path());
    println!("the serde_json error inside: {}", err.inner());
    // ANCHOR_END: path

    // ANCHOR: categories
    for body in [
        "<html>502</html>",
        r#"{"id":7,"items":["#,
        r#"{"id":"7","items":[]}"#,
    ] {
        let err = serde_json::from_str::<Order>(body).unwrap_err();
        println!("{body:<22} {:?}", err.classify());
    }
    // ANCHOR_END: categories

    // ANCHOR: trailing
    let body = r#"{"id":7,"items":[]} and more"#;
    let short = serde_json::from_str::<Order>(body);
    println!("from_str: {}", short.unwrap_err());

    let mut deserializer = serde_json::Deserializer::from_str(body);
    let order = Order::deserialize(&mut deserializer)
        .expect("the value itself is fine");
    println!("own deserializer: order {} decoded", order.id);
    println!("then end(): {}", deserializer.end().unwrap_err());
    // ANCHOR_END: trailing
    for item in &order.items {
        println!("{} × {}", item.qty, item.sku);
    }
}
