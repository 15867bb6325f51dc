//! Prints the turn-taking transcript: two threads alternating under a `Mutex`
//! and a `Condvar` (the seed's third Go program).
//! Run: `cargo run -p sol00-basics --example turns`.

use sol00_basics::seed::turns::take_turns;

fn main() {
    for line in take_turns(10) {
        println!("{line}");
    }
}
