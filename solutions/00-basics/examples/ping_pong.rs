//! Prints the ping-pong transcript: two threads taking turns over two
//! rendezvous channels (the seed's second Go program).
//! Run: `cargo run -p sol00-basics --example ping_pong`.

use std::num::NonZeroUsize;

use sol00_basics::seed::ping_pong::ping_pong;

fn main() {
    let turns = NonZeroUsize::new(10).expect("10 is not zero");
    for line in ping_pong(turns) {
        println!("{line}");
    }
}
