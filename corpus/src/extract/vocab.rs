//! The data files that steer extraction (`data/themes.json`, `data/lexicon.json`, publisher
//! codes), parsed once, with Aho-Corasick automata for the word lists that are searched in
//! every sentence.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
pub struct ThemeDef {
    pub id: String,
    pub zh: String,
    pub en: String,
    pub keywords: Vec<String>,
}

#[derive(Deserialize)]
struct ThemeFile {
    themes: Vec<ThemeDef>,
}

#[derive(Debug, Deserialize)]
pub struct Programme {
    pub name: String,
    pub theme: String,
}

#[derive(Deserialize)]
struct LexiconFile {
    programmes: Vec<Programme>,
    heads: Vec<String>,
    quote_heads: Vec<String>,
    verbs: Vec<String>,
    cut_words: Vec<String>,
    list_heads: Vec<String>,
    generic: Vec<String>,
    honour_suffixes: Vec<String>,
    honour_verbs: Vec<String>,
    rhetoric_after: Vec<String>,
    rhetoric_names: Vec<String>,
    org_suffixes: Vec<String>,
    lead_junk: Vec<String>,
}

#[derive(Deserialize)]
struct PublisherFile {
    codes: HashMap<String, String>,
    aliases: HashMap<String, String>,
}

pub struct Vocab {
    pub themes: Vec<ThemeDef>,
    /// Pattern index → theme index.
    theme_of_keyword: Vec<usize>,
    theme_ac: AhoCorasick,
    pub programmes: Vec<Programme>,
    pub programme_ac: AhoCorasick,
    /// Programme index by name, for exact and suffix lookups.
    pub programme_names: SuffixSet,
    pub head_ac: AhoCorasick,
    /// Any quote head, for "does this text contain one" (run after every quotation).
    pub quote_head_ac: AhoCorasick,
    pub verb_ac: AhoCorasick,
    /// Every occurrence of a cut word (overlapping), for "end of the last cut word".
    pub cut_ac: AhoCorasick,
    pub list_heads: Vec<String>,
    pub generic: Vec<String>,
    pub honour_ac: AhoCorasick,
    /// Every occurrence of an honour verb or a cut word (overlapping).
    pub honour_cut_ac: AhoCorasick,
    pub rhetoric_after_ac: AhoCorasick,
    pub rhetoric_names: Vec<String>,
    /// The lexicon's `heads` and `quote_heads` (one set), `honour_suffixes`, `honour_verbs`
    /// and `org_suffixes`, as suffix sets for the checks run on every quotation.
    pub any_head_set: SuffixSet,
    pub honour_suffix_set: SuffixSet,
    pub honour_verb_set: SuffixSet,
    pub org_suffix_set: SuffixSet,
    pub lead_junk: Vec<String>,
    pub publisher_codes: HashMap<String, String>,
    pub publisher_aliases: HashMap<String, String>,
}

/// Most themes a vocabulary may define (the pack stores an initiative's themes as 32 bits).
pub const MAX_THEMES: usize = 32;

/// Keyword hits per theme index, as a slice of the vocabulary's theme count.
#[derive(Debug, Clone, Copy)]
pub struct ThemeScores {
    hits: [u32; MAX_THEMES],
    len: usize,
}

impl ThemeScores {
    pub fn add(&mut self, theme: usize) {
        if let Some(h) = self.hits.get_mut(theme) {
            *h += 1;
        }
    }
}

impl std::ops::Deref for ThemeScores {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        &self.hits[..self.len]
    }
}

/// End of the last occurrence of any word of an overlapping automaton in `s` (0 if none):
/// the same as the largest `s.rfind(w) + w.len()` over the words, in one pass.
pub fn last_end(ac: &AhoCorasick, s: &str) -> usize {
    ac.find_overlapping_iter(s)
        .map(|m| m.end())
        .max()
        .unwrap_or(0)
}

/// Words looked up whole or as the end of a text, in one hash lookup per distinct word length
/// instead of a comparison per word: quotation checks run several times for every quotation in
/// every document over lists of up to 80 words, and every candidate name is checked for a
/// programme suffix.
pub struct SuffixSet {
    /// Each word and its position in the list it was built from (the last, for a repeat).
    words: rustc_hash::FxHashMap<String, usize>,
    /// The distinct byte lengths of the words, longest first.
    lengths: Vec<usize>,
}

impl SuffixSet {
    pub fn new<'a>(words: impl IntoIterator<Item = &'a String>) -> SuffixSet {
        let words: rustc_hash::FxHashMap<String, usize> = words
            .into_iter()
            .enumerate()
            .map(|(k, w)| (w.clone(), k))
            .collect();
        let mut lengths: Vec<usize> = words.keys().map(String::len).collect();
        lengths.sort_unstable_by(|a, b| b.cmp(a));
        lengths.dedup();
        SuffixSet { words, lengths }
    }

    /// The position of `word` in the list.
    pub fn get(&self, word: &str) -> Option<usize> {
        self.words.get(word).copied()
    }

    /// The longest word `text` ends with: (its length in bytes, its position in the list).
    pub fn longest(&self, text: &str) -> Option<(usize, usize)> {
        self.lengths.iter().find_map(|&l| {
            if l > text.len() || !text.is_char_boundary(text.len() - l) {
                return None;
            }
            self.get(&text[text.len() - l..]).map(|k| (l, k))
        })
    }

    /// The same as `words.iter().any(|w| text.ends_with(w))`.
    pub fn ends(&self, text: &str) -> bool {
        self.longest(text).is_some()
    }
}

fn ac(words: &[String]) -> AhoCorasick {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("word lists are small and valid")
}

/// An automaton for overlapping searches (every occurrence of every word). The word lists are
/// a few hundred entries, so a full DFA is small and it is the fastest kind to run over every
/// sentence of every document.
fn overlapping<I: IntoIterator<Item = P>, P: AsRef<[u8]>>(words: I) -> AhoCorasick {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .build(words)
        .expect("word lists are small and valid")
}

impl Vocab {
    pub fn get() -> &'static Vocab {
        static V: OnceLock<Vocab> = OnceLock::new();
        V.get_or_init(|| {
            let themes: ThemeFile = serde_json::from_str(include_str!("../../data/themes.json"))
                .expect("data/themes.json is valid");
            let lex: LexiconFile = serde_json::from_str(include_str!("../../data/lexicon.json"))
                .expect("data/lexicon.json is valid");
            let pubs: PublisherFile =
                serde_json::from_str(include_str!("../../data/publishers.json"))
                    .expect("data/publishers.json is valid");
            let mut kw = Vec::new();
            let mut theme_of_keyword = Vec::new();
            for (i, t) in themes.themes.iter().enumerate() {
                for k in &t.keywords {
                    kw.push(k.clone());
                    theme_of_keyword.push(i);
                }
            }
            // Overlapping search for themes: every keyword counts, so "纳税人学堂" hits both
            // "纳税人学堂" and "学堂".
            let theme_ac = overlapping(&kw);
            let prog_names: Vec<String> = lex.programmes.iter().map(|p| p.name.clone()).collect();
            Vocab {
                themes: themes.themes,
                theme_of_keyword,
                theme_ac,
                programme_names: SuffixSet::new(&prog_names),
                programme_ac: ac(&prog_names),
                programmes: lex.programmes,
                any_head_set: SuffixSet::new(lex.heads.iter().chain(&lex.quote_heads)),
                honour_suffix_set: SuffixSet::new(&lex.honour_suffixes),
                honour_verb_set: SuffixSet::new(&lex.honour_verbs),
                org_suffix_set: SuffixSet::new(&lex.org_suffixes),
                head_ac: ac(&lex.heads),
                quote_head_ac: ac(&lex.quote_heads),
                verb_ac: ac(&lex.verbs),
                cut_ac: overlapping(&lex.cut_words),
                honour_cut_ac: overlapping(lex.honour_verbs.iter().chain(&lex.cut_words)),
                list_heads: lex.list_heads,
                generic: lex.generic,
                honour_ac: ac(&lex.honour_suffixes),
                rhetoric_after_ac: ac(&lex.rhetoric_after),
                rhetoric_names: lex.rhetoric_names,
                lead_junk: lex.lead_junk,
                publisher_codes: pubs.codes,
                publisher_aliases: pubs.aliases,
            }
        })
    }

    /// Keyword hits per theme index. A fixed array, not a vector: this runs for every
    /// initiative's name and sentence, and the pack allows at most 32 themes anyway.
    pub fn theme_scores(&self, text: &str) -> ThemeScores {
        let mut scores = ThemeScores {
            hits: [0; MAX_THEMES],
            len: self.themes.len().min(MAX_THEMES),
        };
        for m in self.theme_ac.find_overlapping_iter(text) {
            if let Some(h) = scores
                .hits
                .get_mut(self.theme_of_keyword[m.pattern().as_usize()])
            {
                *h += 1;
            }
        }
        scores
    }

    /// Scores with no hits, sized to the vocabulary.
    pub fn empty_scores(&self) -> ThemeScores {
        ThemeScores {
            hits: [0; MAX_THEMES],
            len: self.themes.len().min(MAX_THEMES),
        }
    }

    /// `theme_scores` of `text`, and every keyword occurrence as (start, end, theme index) in
    /// order of end, so that slices of `text` can be scored without scanning them again.
    pub fn theme_hits(&self, text: &str) -> (ThemeScores, Vec<(u32, u32, u8)>) {
        let mut scores = self.empty_scores();
        let mut hits = Vec::new();
        for m in self.theme_ac.find_overlapping_iter(text) {
            let t = self.theme_of_keyword[m.pattern().as_usize()];
            if t < MAX_THEMES {
                scores.add(t);
                hits.push((m.start() as u32, m.end() as u32, t as u8));
            }
        }
        (scores, hits)
    }

    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
    }

    /// A publisher name for a feed code (`jingjicankaowang`), an alias (每经网) or a tag
    /// (经济参考网新闻).
    pub fn publisher_for(&self, s: &str) -> Option<String> {
        let s = s.trim();
        if let Some(p) = self.publisher_codes.get(&s.to_ascii_lowercase()) {
            return Some(p.clone());
        }
        if let Some(p) = self.publisher_aliases.get(s) {
            return Some(p.clone());
        }
        if self.publisher_aliases.values().any(|v| v == s) {
            return Some(s.to_string());
        }
        let stripped = s.strip_suffix("新闻").unwrap_or(s);
        if stripped != s {
            if let Some(p) = self.publisher_aliases.get(stripped) {
                return Some(p.clone());
            }
            if self.publisher_aliases.values().any(|v| v == stripped) {
                return Some(stripped.to_string());
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A suffix set answers as the word-by-word scan it replaces, on texts made of the
        /// words, their pieces and other characters (multi-byte ones included, so that a
        /// length can fall inside a character).
        #[test]
        fn suffix_set_is_a_scan(
            words in proptest::collection::vec("[税务局厅a-c]{1,4}", 1..12),
            text in "[税务局厅办a-cé]{0,10}",
        ) {
            let set = SuffixSet::new(&words);
            proptest::prop_assert_eq!(set.ends(&text), words.iter().any(|w| text.ends_with(w.as_str())));
            let longest = words.iter().filter(|w| text.ends_with(w.as_str())).map(String::len).max();
            proptest::prop_assert_eq!(set.longest(&text).map(|(l, _)| l), longest);
        }
    }

    #[test]
    fn lexicon_suffix_sets() {
        let v = Vocab::get();
        let lex: LexiconFile =
            serde_json::from_str(include_str!("../../data/lexicon.json")).unwrap();
        let heads: Vec<String> = lex.heads.iter().chain(&lex.quote_heads).cloned().collect();
        for (set, words) in [
            (&v.honour_suffix_set, &lex.honour_suffixes),
            (&v.honour_verb_set, &lex.honour_verbs),
            (&v.org_suffix_set, &lex.org_suffixes),
            (&v.any_head_set, &heads),
        ] {
            for w in words.iter() {
                assert!(set.ends(w) && set.ends(&format!("某某{w}")), "{w}");
                let shorter: String = w.chars().skip(1).collect();
                assert_eq!(
                    set.ends(&shorter),
                    words.iter().any(|x| shorter.ends_with(x.as_str())),
                    "{shorter}"
                );
            }
        }
    }
}
