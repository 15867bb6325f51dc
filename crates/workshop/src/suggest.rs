//! "Did you mean …?" for misspelt verbs, exercises, demos and benches.
//!
//! A typo should cost one glance, not a trip to `--help`: every place that takes a name
//! answers a wrong one with the nearest right one, by edit distance (the number of
//! single-character insertions, deletions and substitutions between the two).

/// Levenshtein distance between `a` and `b`, case-insensitive.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    // One row of the classic dynamic programme is enough.
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// The candidate nearest to `input`, if it is near enough to be a plausible typo (or
/// the only candidate that contains `input`, for a half-remembered name like `decode`).
pub fn nearest<'a, I>(input: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let best = candidates
        .iter()
        .map(|candidate| (edit_distance(input, candidate), *candidate))
        .min_by_key(|(distance, _)| *distance);
    // A third of the longer name may be wrong (at least 2 characters): `lsit` → `list`,
    // `decode_usr` → `decode_user`, but not `zzz` → `list`.
    if let Some((distance, candidate)) = best {
        let allowed = (input.chars().count().max(candidate.chars().count()) / 3).max(2);
        if distance <= allowed {
            return Some(candidate);
        }
    }
    let needle = input.to_lowercase();
    let mut containing = candidates
        .iter()
        .filter(|candidate| !needle.is_empty() && candidate.to_lowercase().contains(&needle));
    match (containing.next(), containing.next()) {
        (Some(only), None) => Some(only),
        _ => None,
    }
}

/// A sentence to append to an error: ` Did you mean `x`?` or nothing.
pub fn did_you_mean<'a, I>(input: &str, candidates: I) -> String
where
    I: IntoIterator<Item = &'a str>,
{
    match nearest(input, candidates) {
        Some(name) => format!(" Did you mean `{name}`?"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("list", "list"), 0);
        assert_eq!(edit_distance("lsit", "list"), 2);
        assert_eq!(edit_distance("chek", "check"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("LIST", "list"), 0);
    }

    #[test]
    fn typos_find_their_name() {
        let verbs = ["list", "next", "check", "watch", "hint"];
        assert_eq!(nearest("chek", verbs), Some("check"));
        assert_eq!(nearest("lst", verbs), Some("list"));
        assert_eq!(nearest("wacth", verbs), Some("watch"));
    }

    #[test]
    fn far_names_find_nothing() {
        assert_eq!(nearest("zzzzzz", ["list", "check"]), None);
        assert_eq!(did_you_mean("zzzzzz", ["list"]), "");
    }

    #[test]
    fn a_unique_part_of_a_name_is_enough() {
        let names = ["decode_user", "fan_in", "fan_out"];
        assert_eq!(nearest("decode", names), Some("decode_user"));
        // `fan` is part of two names: no guess.
        assert_eq!(nearest("fa", names), None);
    }
}
