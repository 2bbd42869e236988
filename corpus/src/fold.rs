//! Character folding for search: fullwidth → ASCII, ASCII lowercase, traditional → simplified
//! (OpenCC's one-to-one character table, `corpus/data/fold/ts-chars.txt`).
//!
//! Always exactly one character out per character in, so a match position in folded text is
//! the same character position in the original. The build step folds document texts with it
//! when it writes the search pack; the explorer folds queries and displayed strings with the
//! same function, so index and query can never disagree.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// The table text: `#` comment lines, then space-separated pairs `繁简`.
#[cfg(feature = "ingest")]
pub static TABLE_TEXT: &str = include_str!("../data/fold/ts-chars.txt");

static TABLE: OnceLock<FxHashMap<char, char>> = OnceLock::new();

fn parse(text: &str) -> FxHashMap<char, char> {
    let mut m = FxHashMap::with_capacity_and_hasher(4096, Default::default());
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        for pair in line.split(' ') {
            let mut cs = pair.chars();
            if let (Some(t), Some(s)) = (cs.next(), cs.next()) {
                m.insert(t, s);
            }
        }
    }
    m
}

/// Installs the table a data pack carries (the explorer: it is data, not code, so it travels
/// with the index the build step folded with, and stays out of the wasm bundle). The first
/// installed table wins.
pub fn install(text: &str) {
    let _ = TABLE.get_or_init(|| parse(text));
}

fn ts_table() -> Option<&'static FxHashMap<char, char>> {
    #[cfg(feature = "ingest")]
    return Some(TABLE.get_or_init(|| parse(TABLE_TEXT)));
    #[cfg(not(feature = "ingest"))]
    TABLE.get()
}

/// Folds one character; always exactly one character out.
pub fn fold_char(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0)
            .map(|a| a.to_ascii_lowercase())
            .unwrap_or(c),
        '\u{3000}' => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        // Below the CJK blocks nothing else folds: skip the table lookup.
        c if (c as u32) < 0x2E80 => c,
        c => ts_table().and_then(|t| t.get(&c)).copied().unwrap_or(c),
    }
}

/// Folds a string character by character.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

#[cfg(all(test, feature = "ingest"))]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_fullwidth_and_case() {
        assert_eq!(fold("納稅人學堂"), "纳税人学堂");
        assert_eq!(fold("錦稅Ｅ家"), "锦税e家");
        assert_eq!(fold("ABC　１"), "abc 1");
        assert_eq!(fold("辦稅服務廳").chars().count(), 5);
    }
}
