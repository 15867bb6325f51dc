//! The tokenizer: text → lowercase terms.
//!
//! Given code, not an exercise. A term is a run of letters or digits; everything else
//! (spaces, commas, full stops) separates terms. This is the per-document work of the
//! *map* step, and the part that costs CPU.

// ANCHOR: tokenize
/// Splits `text` into lowercase terms, in order, repeats included.
pub fn tokenize(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|token| !token.is_empty())
        .map(str::to_lowercase)
}
// ANCHOR_END: tokenize
