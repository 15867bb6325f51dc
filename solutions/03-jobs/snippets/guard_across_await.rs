// Does not compile: a `std::sync::MutexGuard` kept across an `.await`, in a future given
// to `tokio::spawn`. A doctest in `src/lib.rs` proves that it still fails; its twin,
// `guard_before_await.rs`, differs only in where the guard ends, and compiles.
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
    let mut prices = cache.lock().unwrap();
    if let Some(&known) = prices.get(&item) {
        return known;
    }
    let fresh = price(&item).await; // `prices` is still locked here
    prices.insert(item, fresh);
    fresh
}
// ANCHOR_END: cached_price

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let (cache, tea) = (Prices::default(), "tea".to_string());
        // ANCHOR: spawn
        let task = tokio::spawn(cached_price(cache, tea));
        // ANCHOR_END: spawn
        println!("{}", task.await.unwrap());
    });
}
