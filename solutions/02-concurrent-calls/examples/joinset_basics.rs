//! A `JoinSet` of spawned tasks: each owns its data, the set hands back each
//! output as its task finishes, and a task that panics comes back as a
//! `JoinError` instead of taking the caller down.
//!
//! `cargo run -p sol02-concurrent-calls --example joinset_basics`

use std::time::Duration;

use tokio::task::JoinSet;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: joinset
    let mut tasks = JoinSet::new();
    for (name, ms) in [("a", 300), ("b", 100), ("c", 200)] {
        // A spawned task must own what it uses (it may outlive this loop turn):
        // an owned `String`, moved into the `async move` block.
        let name = name.to_string();
        tasks.spawn(async move {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            if name == "c" {
                panic!("task {name} failed");
            }
            name
        });
    }
    // Whichever task finishes next; `None` once the set is empty.
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(name) => println!("{name} finished"),
            Err(err) => println!("a task did not finish: {err}"),
        }
    }
    // ANCHOR_END: joinset
}
