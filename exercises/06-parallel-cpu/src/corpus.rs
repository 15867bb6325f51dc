//! A deterministic, generated corpus: thousands of documents made of words from a fixed
//! vocabulary, the same on every machine and every run.
//!
//! Given code, not an exercise. The generator is a tiny xorshift (no `rand` crate), so the
//! Go twin in `benches/go/cpu` produces the very same documents and the two index sizes
//! can be compared (a test on each side pins both to the same documents).

/// A document's number. Documents are numbered from 0.
pub type DocId = u32;

/// One document of the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub id: DocId,
    pub text: String,
}

impl Document {
    pub fn new(id: DocId, text: impl Into<String>) -> Self {
        Document {
            id,
            text: text.into(),
        }
    }
}

/// The words documents are made of; earlier words are drawn more often.
pub const VOCABULARY: [&str; 64] = [
    "the",
    "a",
    "of",
    "and",
    "to",
    "in",
    "is",
    "it",
    "goroutine",
    "thread",
    "task",
    "channel",
    "lock",
    "mutex",
    "atomic",
    "runtime",
    "scheduler",
    "core",
    "index",
    "document",
    "term",
    "corpus",
    "worker",
    "chunk",
    "merge",
    "map",
    "reduce",
    "result",
    "deadline",
    "request",
    "server",
    "client",
    "network",
    "latency",
    "queue",
    "stack",
    "heap",
    "memory",
    "cache",
    "line",
    "future",
    "await",
    "poll",
    "select",
    "signal",
    "panic",
    "error",
    "retry",
    "timeout",
    "cancel",
    "batch",
    "stream",
    "buffer",
    "socket",
    "kernel",
    "process",
    "parallel",
    "concurrent",
    "rayon",
    "tokio",
    "gopher",
    "crab",
    "laptop",
    "cluster",
];

/// xorshift64: three shifts and xors, a fine generator for test data (not for secrets).
pub struct XorShift64 {
    state: u64,
}

impl XorShift64 {
    /// A generator for `seed`; 0 (xorshift's one bad state) is replaced by a constant.
    pub fn new(seed: u64) -> Self {
        XorShift64 {
            state: if seed == 0 {
                0x9E37_79B9_7F4A_7C15
            } else {
                seed
            },
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.state = x;
        x
    }

    /// A number in `0..n` (`n > 0`; slightly biased, which test data does not mind).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// Generates `documents` documents of `words_per_document` words each, numbered from 0.
///
/// Words are drawn from [`VOCABULARY`], skewed towards its start (the smaller of two
/// draws), so some terms are in almost every document and some in few. Sentences start
/// with a capital letter and words are sometimes followed by a comma or a full stop, so
/// the tokenizer has something to do.
pub fn generate_corpus(seed: u64, documents: usize, words_per_document: usize) -> Vec<Document> {
    let mut rng = XorShift64::new(seed);
    let vocabulary = VOCABULARY.len() as u64;
    (0..documents)
        .map(|id| {
            let mut text = String::new();
            let mut sentence_start = true;
            for _ in 0..words_per_document {
                let pick = rng.below(vocabulary).min(rng.below(vocabulary));
                let word = VOCABULARY[pick as usize];
                if sentence_start {
                    // Vocabulary words are ASCII, so the first byte is the first letter.
                    text.push(word.as_bytes()[0].to_ascii_uppercase() as char);
                    text.push_str(&word[1..]);
                } else {
                    text.push_str(word);
                }
                sentence_start = false;
                match rng.below(10) {
                    0 => text.push_str(", "),
                    1 => {
                        text.push_str(". ");
                        sentence_start = true;
                    }
                    _ => text.push(' '),
                }
            }
            Document::new(id as DocId, text.trim_end().to_string())
        })
        .collect()
}
