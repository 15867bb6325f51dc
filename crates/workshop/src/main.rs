//! `cargo workshop`: the runner (being implemented).
fn main() {
    println!("the runner is being built");
}
