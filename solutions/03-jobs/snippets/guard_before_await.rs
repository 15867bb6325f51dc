// Compiles: the twin of `guard_across_await.rs`, with each guard gone before the
// `.await`. (A doctest in `src/lib.rs` proves it.) It is `Send`, but two tasks asking
// for the same item at once both compute it: the chapter's exercise 7 is about that.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Prices = Arc<Mutex<HashMap<String, u64>>>;

/// A slow lookup, as a call to another service would be.
async fn price(item: &str) -> u64 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    item.len() as u64
}

// ANCHOR: cached_price
async fn cached_price(cache: Prices, item: String) -> u64 {
    // The guard is a temporary: it is dropped at the end of this statement.
    let known = cache.lock().unwrap().get(&item).copied();
    if let Some(known) = known {
        return known;
    }
    let fresh = price(&item).await; // no guard alive here
    cache.lock().unwrap().insert(item, fresh);
    fresh
}
// ANCHOR_END: cached_price

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (cache, tea) = (Prices::default(), "tea".to_string());
        let task = tokio::spawn(cached_price(cache, tea));
        println!("{}", task.await.unwrap());
    });
}
