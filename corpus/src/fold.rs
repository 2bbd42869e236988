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

static TABLE: OnceLock<Table> = OnceLock::new();

/// The traditional → simplified pairs, and one bit per code point below [`BITS_BELOW`] saying
/// whether it has a pair: most characters of a text have none, and a bit test is far cheaper
/// than the hash lookup it saves, and every character of every text is folded.
struct Table {
    pairs: FxHashMap<char, char>,
    bits: Vec<u64>,
}

/// Covers the Basic Multilingual Plane and the supplementary ideographic planes (32 KB).
const BITS_BELOW: u32 = 0x40000;

impl Table {
    fn get(&self, c: char) -> Option<char> {
        let cp = c as u32;
        if cp < BITS_BELOW && self.bits[(cp / 64) as usize] & (1 << (cp % 64)) == 0 {
            return None;
        }
        self.pairs.get(&c).copied()
    }
}

fn parse(text: &str) -> Table {
    let mut pairs = FxHashMap::with_capacity_and_hasher(4096, Default::default());
    let mut bits = vec![0u64; (BITS_BELOW / 64) as usize];
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        for pair in line.split(' ') {
            let mut cs = pair.chars();
            if let (Some(t), Some(s)) = (cs.next(), cs.next()) {
                pairs.insert(t, s);
                let cp = t as u32;
                if cp < BITS_BELOW {
                    bits[(cp / 64) as usize] |= 1 << (cp % 64);
                }
            }
        }
    }
    Table { pairs, bits }
}

/// Installs the table a data pack carries (the explorer: it is data, not code, so it travels
/// with the index the build step folded with, and stays out of the wasm bundle). The first
/// installed table wins.
pub fn install(text: &str) {
    let _ = TABLE.get_or_init(|| parse(text));
}

fn ts_table() -> Option<&'static Table> {
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
        c => ts_table().and_then(|t| t.get(c)).unwrap_or(c),
    }
}

/// Folds a string character by character.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(&mut out, s);
    out
}

/// Appends the folded `s` to `out`. Characters that fold to themselves (nearly all of a
/// simplified-Chinese text) are copied as whole runs of bytes, not pushed one by one.
pub fn fold_into(out: &mut String, s: &str) {
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let f = fold_char(c);
        if f != c {
            out.push_str(&s[run..i]);
            out.push(f);
            run = i + c.len_utf8();
        }
    }
    out.push_str(&s[run..]);
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

    proptest::proptest! {
        #[test]
        fn fold_is_per_char(s in "\\PC{0,40}|[a-zA-ZＡ-Ｚ０-９\u{3000} 納稅人學堂税务]{0,30}") {
            let want: String = s.chars().map(fold_char).collect();
            proptest::prop_assert_eq!(fold(&s), want);
        }
    }

    /// The bit set says "has a pair" for exactly the table's characters.
    #[test]
    fn bits_match_the_pairs() {
        let t = parse(TABLE_TEXT);
        assert!(t.pairs.len() > 2000);
        for cp in 0..BITS_BELOW {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(t.get(c), t.pairs.get(&c).copied(), "{c}");
            }
        }
        // Above the bit set, the map alone answers.
        let mut t = t;
        t.pairs.insert('\u{E0100}', 'x');
        assert_eq!(t.get('\u{E0100}'), Some('x'));
    }
}
