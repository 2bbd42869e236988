//! What every rule works on: one block (a heading or a paragraph) with its sentences, the
//! character classes that end clauses and segments, and span sets.

use crate::model::{InitiativeKind, Location};
use regex::Regex;
use std::sync::OnceLock;

/// The shape a candidate was found by (see [`super::candidates`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rule {
    Quoted,
    Book,
    Phrase,
    Lexicon,
    List,
}

impl Rule {
    /// The kind of initiative a candidate of this shape becomes.
    pub fn kind(self) -> InitiativeKind {
        match self {
            Rule::Quoted | Rule::Book => InitiativeKind::Named,
            Rule::Phrase | Rule::List => InitiativeKind::Measure,
            Rule::Lexicon => InitiativeKind::Programme,
        }
    }
}

/// A candidate initiative: a name found by one rule at one place.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub name: String,
    pub rule: Rule,
    /// The name's span.
    pub loc: Location,
    /// The span with its quotation marks (the name's span for unquoted names).
    pub outer: (usize, usize),
    /// Byte range of the describing sentence in the block.
    pub context: (usize, usize),
}

/// Clause breaks: a `match`, not a slice of chars, because these are tested on every character
/// of every block and a slice pattern compares each character with every entry in turn.
pub(super) fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '!' | '?'
    )
}

/// Segment breaks: clause breaks, the enumeration comma, quotes, brackets and spaces.
pub(super) fn is_segment_break(c: char) -> bool {
    is_clause_break(c)
        || matches!(
            c,
            '、' | '“'
                | '”'
                | '《'
                | '》'
                | '「'
                | '」'
                | '（'
                | '）'
                | '('
                | ')'
                | ' '
                | '‘'
                | '’'
        )
}

pub(super) fn regex(cell: &'static OnceLock<Regex>, p: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(p).expect("static regex"))
}

/// Start of the clause that contains byte `pos` (after the last clause break).
pub(super) fn clause_start(text: &str, pos: usize) -> usize {
    text[..pos]
        .rfind(is_clause_break)
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0)
}

pub(super) fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

pub(super) fn last_chars(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let skip = count - n;
    let i = s.char_indices().nth(skip).map(|(i, _)| i).unwrap_or(0);
    &s[i..]
}

/// Whether `s..e` overlaps one of `spans`, which are in order and disjoint (the quotations
/// of a block): a binary search, so a block with thousands of quotations stays linear.
pub(super) fn in_any(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    debug_assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0));
    let idx = spans.partition_point(|&(a, _)| a < e);
    idx > 0 && spans[idx - 1].1 > s
}

/// Byte spans with a logarithmic overlap test, so a multi-megabyte paragraph with thousands of
/// names stays fast (a hostile single-line file must not take minutes).
pub(super) struct Spans {
    spans: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl Spans {
    pub fn new(mut spans: Vec<(usize, usize)>) -> Spans {
        spans.sort_unstable();
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                m = m.max(e);
                m
            })
            .collect();
        Spans { spans, max_end }
    }

    pub fn overlaps(&self, s: usize, e: usize) -> bool {
        let idx = self.spans.partition_point(|&(a, _)| a < e);
        idx > 0 && self.max_end[idx - 1] > s
    }
}

pub(super) struct BlockCtx<'a> {
    pub text: &'a str,
    pub section: usize,
    pub paragraph: Option<usize>,
    pub sentences: Vec<(usize, usize)>,
}

impl BlockCtx<'_> {
    pub fn loc(&self, start: usize, end: usize) -> Location {
        Location {
            section: self.section,
            paragraph: self.paragraph,
            start,
            end,
        }
    }
    pub fn sentence_of(&self, pos: usize) -> (usize, usize) {
        // Sentences are sorted and disjoint: binary search.
        let idx = self.sentences.partition_point(|&(_, e)| e <= pos);
        let (s, e) = match self.sentences.get(idx) {
            Some(&(s, e)) if pos >= s && pos < e => (s, e),
            _ => (0, self.text.len()),
        };
        // Text without sentence ends (a table dump, a minified page) would make one "sentence"
        // of megabytes: keep a window around the position instead.
        const MAX: usize = 600;
        if e - s <= MAX {
            return (s, e);
        }
        let floor = |mut i: usize| {
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        (
            floor(pos.saturating_sub(MAX / 2).max(s)),
            floor((pos + MAX / 2).min(e)),
        )
    }
}
