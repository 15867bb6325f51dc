// Does not compile: `guard_across_await.rs` again, in a cache generic over its values, as
// the exercise's `JobCache<V>` is. The guard's type now names `V`, so rustc checks `Send`
// only where `V` is known (at the `spawn`) and words the error differently, with a code:
// E0277. A doctest in `src/lib.rs` proves it.
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;

struct Cache<V> {
    values: Mutex<HashMap<String, V>>,
}

impl<V: Clone> Cache<V> {
    // ANCHOR: get
    async fn get(&self, key: &str, fetch: impl Future<Output = V>) -> V {
        let mut values = self.values.lock().unwrap();
        if let Some(known) = values.get(key) {
            return known.clone();
        }
        let fresh = fetch.await; // `values` is still locked here
        values.insert(key.to_string(), fresh.clone());
        fresh
    }
    // ANCHOR_END: get
}

async fn price(item: &str) -> u64 {
    tokio::time::sleep(Duration::from_millis(100)).await;
    item.len() as u64
}

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let cache = Arc::new(Cache {
            values: Mutex::new(HashMap::new()),
        });
        // ANCHOR: spawn
        let task = tokio::spawn(async move {
            cache.get("tea", price("tea")).await
        });
        // ANCHOR_END: spawn
        println!("{}", task.await.unwrap());
    });
}
