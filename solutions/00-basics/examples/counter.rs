//! Prints the final value of five threads × 1000 atomic increments (the seed's
//! fourth Go program). Run: `cargo run -p sol00-basics --example counter`.

use sol00_basics::seed::counter::final_value;

fn main() {
    println!("final value: {}", final_value());
}
