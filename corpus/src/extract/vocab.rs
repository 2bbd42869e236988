//! The data files that steer extraction (`data/themes.json`, `data/lexicon.json`), parsed
//! once, with Aho-Corasick automata for the word lists that are searched in every sentence.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::Deserialize;
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
    /// campaign, practice, channel, facility, event, team (run by bureaus); policy, slogan
    /// (higher authorities' policies and slogans, not a bureau's initiative).
    #[serde(default)]
    pub class: String,
}

/// What a head word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadClass {
    Facility,
    Channel,
    Practice,
    Team,
    Event,
    Document,
    Product,
    Brand,
}

impl HeadClass {
    pub const ALL: [HeadClass; 8] = [
        HeadClass::Facility,
        HeadClass::Channel,
        HeadClass::Practice,
        HeadClass::Team,
        HeadClass::Event,
        HeadClass::Document,
        HeadClass::Product,
        HeadClass::Brand,
    ];
    pub fn id(self) -> &'static str {
        match self {
            HeadClass::Facility => "facility",
            HeadClass::Channel => "channel",
            HeadClass::Practice => "practice",
            HeadClass::Team => "team",
            HeadClass::Event => "event",
            HeadClass::Document => "document",
            HeadClass::Product => "product",
            HeadClass::Brand => "brand",
        }
    }
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
    occasions: Vec<String>,
    org_suffixes: Vec<String>,
    lead_junk: Vec<String>,
    head_classes: std::collections::BTreeMap<String, Vec<String>>,
    rhetoric_before: Vec<String>,
    determiners: Vec<String>,
    stop_inside: Vec<String>,
    doc_heads: Vec<String>,
    higher_authorities: Vec<String>,
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
    pub generic: rustc_hash::FxHashSet<String>,
    pub honour_ac: AhoCorasick,
    /// Every occurrence of an honour verb or a cut word (overlapping).
    pub honour_cut_ac: AhoCorasick,
    pub rhetoric_after_ac: AhoCorasick,
    pub rhetoric_names: rustc_hash::FxHashSet<String>,
    /// Festivals and days (五一, 六一): never a name.
    pub occasions: rustc_hash::FxHashSet<String>,
    /// The lexicon's `heads` and `quote_heads` (one set), `honour_suffixes`, `honour_verbs`
    /// and `org_suffixes`, as suffix sets for the checks run on every quotation.
    pub any_head_set: SuffixSet,
    pub honour_suffix_set: SuffixSet,
    pub honour_verb_set: SuffixSet,
    pub org_suffix_set: SuffixSet,
    pub lead_junk: Vec<String>,
    /// Every head word of a phrase (the lexicon's heads and head classes), leftmost-longest.
    pub phrase_head_ac: AhoCorasick,
    /// The class of each phrase head (pattern index → class).
    pub phrase_head_class: Vec<Option<HeadClass>>,
    /// Head words as a suffix set, with their classes.
    pub head_class_set: SuffixSet,
    pub head_class_of: Vec<HeadClass>,
    pub rhetoric_before: SuffixSet,
    pub determiners: Vec<String>,
    pub stop_inside_ac: AhoCorasick,
    pub doc_heads: SuffixSet,
    pub higher_authorities: Vec<String>,
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
            // Head words with their classes (a word listed under two classes keeps the first).
            let mut class_words: Vec<(String, HeadClass)> = Vec::new();
            for c in HeadClass::ALL {
                for w in lex.head_classes.get(c.id()).into_iter().flatten() {
                    if !class_words.iter().any(|(x, _)| x == w) {
                        class_words.push((w.clone(), c));
                    }
                }
            }
            let mut phrase_heads: Vec<String> =
                class_words.iter().map(|(w, _)| w.clone()).collect();
            for h in &lex.heads {
                if !phrase_heads.contains(h) {
                    phrase_heads.push(h.clone());
                }
            }
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
                generic: lex.generic.into_iter().collect(),
                honour_ac: ac(&lex.honour_suffixes),
                rhetoric_after_ac: ac(&lex.rhetoric_after),
                rhetoric_names: lex.rhetoric_names.into_iter().collect(),
                occasions: lex.occasions.into_iter().collect(),
                lead_junk: lex.lead_junk,
                phrase_head_ac: ac(&phrase_heads),
                phrase_head_class: phrase_heads
                    .iter()
                    .map(|h| class_words.iter().find(|(w, _)| w == h).map(|(_, c)| *c))
                    .collect(),
                head_class_set: SuffixSet::new(class_words.iter().map(|(w, _)| w)),
                head_class_of: class_words.iter().map(|(_, c)| *c).collect(),
                rhetoric_before: SuffixSet::new(&lex.rhetoric_before),
                determiners: lex.determiners,
                stop_inside_ac: overlapping(&lex.stop_inside),
                doc_heads: SuffixSet::new(&lex.doc_heads),
                higher_authorities: lex.higher_authorities,
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

    /// The class of the head word `text` ends with, if any.
    pub fn head_class(&self, text: &str) -> Option<HeadClass> {
        self.head_class_set
            .longest(text)
            .map(|(_, k)| self.head_class_of[k])
    }

    pub fn theme_index(&self, id: &str) -> Option<usize> {
        self.themes.iter().position(|t| t.id == id)
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
