//! A parsed query ([`super::parse`]) against the corpus: which initiatives match, scoped to
//! their own words, and which documents match on their whole text.
//!
//! An initiative matches a term when its name holds the term or its passage does: the
//! sentence it was found in (a byte range of its document's folded text, from the pack). A
//! term's documents come from the postings ([`super::search`]); within each, the passages of
//! the document's initiatives are searched in the folded text in one forward sweep
//! ([`passage_hits`]).
//! A document matches on its full text. Until a text a term needs has arrived, the answer is
//! marked incomplete rather than guessed.

use super::parse::{parse, Query};
use super::search::{search_docs, search_names, Finder};
use crate::data::Dataset;

/// How an initiative matched: its name holds a sought term, or only its passage does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Name = 1,
    Passage = 2,
}

/// A query resolved against the corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryMatch {
    pub query: Query,
    /// Matching initiatives: bit `i` of word `i / 64`.
    pub rows: Vec<u64>,
    /// Matching initiatives whose name holds a sought term (listed first), ascending.
    pub name_rows: Vec<u32>,
    /// Documents whose whole text satisfies the query, ascending.
    pub documents: Vec<u32>,
    /// False while postings or texts a term needs are still loading.
    pub complete: bool,
}

/// Bits over `n` items.
fn bits(n: usize) -> Vec<u64> {
    vec![0; n.div_ceil(64)]
}

fn set(b: &mut [u64], i: usize) {
    b[i / 64] |= 1 << (i % 64);
}

pub fn has(b: &[u64], i: usize) -> bool {
    b.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

/// The words of `b` that overlap `range`, with the bits outside it cleared: (word index, word).
fn words_in(b: &[u64], range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, u64)> + '_ {
    let (lo, hi) = (range.start, range.end);
    (lo / 64..hi.div_ceil(64).min(b.len())).map(move |w| {
        let mut word = b[w];
        if w == lo / 64 {
            word &= !0u64 << (lo % 64);
        }
        if w == hi / 64 && hi % 64 != 0 {
            word &= (1u64 << (hi % 64)) - 1;
        }
        (w, word)
    })
}

/// Set bits in `range`, ascending.
pub fn ones_in(b: &[u64], range: std::ops::Range<usize>) -> impl Iterator<Item = usize> + '_ {
    words_in(b, range).flat_map(|(w, mut word)| {
        std::iter::from_fn(move || {
            (word != 0).then(|| {
                let t = word.trailing_zeros() as usize;
                word &= word - 1;
                w * 64 + t
            })
        })
    })
}

/// How many bits are set in `range`.
pub fn count_in(b: &[u64], range: std::ops::Range<usize>) -> usize {
    words_in(b, range)
        .map(|(_, word)| word.count_ones() as usize)
        .sum()
}

/// Byte offsets of every occurrence of `needle` in `hay`, ascending (overlaps included).
pub fn occurrences(hay: &str, needle: &str) -> Vec<usize> {
    let f = Finder::new(needle);
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = f.find(&hay.as_bytes()[from..]) {
        out.push(from + at);
        // Next start: one character on (needles are whole characters).
        from += at + hay[from + at..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// What one term hits.
struct TermHits {
    /// Initiatives whose name or passage holds it.
    rows: Vec<u64>,
    /// Initiatives whose name holds it.
    names: Vec<u64>,
    /// Documents whose text holds it.
    docs: Vec<u64>,
    complete: bool,
}

fn term_hits(ds: &Dataset, term: &str) -> TermHits {
    let (ni, nd) = (ds.n_initiatives(), ds.docs().len());
    let mut h = TermHits {
        rows: bits(ni),
        names: bits(ni),
        docs: bits(nd),
        complete: true,
    };
    for n in search_names(ds, term) {
        for &i in &ds.name_members[n as usize] {
            set(&mut h.names, i as usize);
            set(&mut h.rows, i as usize);
        }
    }
    let found = search_docs(ds, term);
    h.complete = found.complete;
    let loaded = ds.loaded.borrow();
    for &d in &found.docs {
        let d = d as usize;
        set(&mut h.docs, d);
        let rows = ds.inits_of_doc(d);
        if rows.is_empty() {
            continue;
        }
        let Some(Some(text)) = loaded.texts.get(d) else {
            h.complete = false;
            continue;
        };
        let (ix, r0) = (&ds.ix, rows.start);
        passage_hits(
            text,
            term,
            &ix.init_pass_start[rows.clone()],
            &ix.init_pass_end[rows],
            |k| set(&mut h.rows, r0 + k),
        );
    }
    h
}

/// Calls `hit(k)` for every passage `k` (a byte range `starts[k]..ends[k]` of `text`) that
/// holds `term`.
///
/// Passages are visited by start, and the next occurrence found is kept for the passages after
/// it, so each byte of the text is scanned at most once; the scan jumps to each passage's
/// start and stops at the first occurrence, so a common term costs a few bytes per passage,
/// not a scan of every occurrence in the text.
pub fn passage_hits(
    text: &str,
    term: &str,
    starts: &[u32],
    ends: &[u32],
    mut hit: impl FnMut(usize),
) {
    let (n, finder) = (term.len(), Finder::new(term));
    let hay = text.as_bytes();
    let mut visit = |k: usize, next: &mut Option<Option<usize>>| {
        let (s, e) = (starts[k] as usize, ends[k] as usize);
        if s >= e {
            return;
        }
        // Still the first occurrence at or after `s`? Starts only grow, so an answer at or
        // after `s` (or no answer at all) stands.
        if !matches!(next, Some(None)) && !matches!(*next, Some(Some(o)) if o >= s) {
            *next = Some(hay.get(s..).and_then(|h| finder.find(h)).map(|k| s + k));
        }
        if next.flatten().is_some_and(|o| o + n <= e) {
            hit(k);
        }
    };
    // The last search's answer: the first occurrence at or after an earlier passage's start
    // (`Some(None)`: none to the end of the text).
    let mut next = None;
    if starts.is_sorted() {
        (0..starts.len()).for_each(|k| visit(k, &mut next));
    } else {
        let mut order: Vec<usize> = (0..starts.len()).collect();
        order.sort_unstable_by_key(|&k| starts[k]);
        order.into_iter().for_each(|k| visit(k, &mut next));
    }
}

/// Resolves the search box's text; `None` when it holds no term.
pub fn query_match(ds: &Dataset, text: &str) -> Option<QueryMatch> {
    let query = parse(text);
    if query.is_empty() {
        return None;
    }
    let hits: Vec<TermHits> = query.terms.iter().map(|t| term_hits(ds, t)).collect();
    let (ni, nd) = (ds.n_initiatives(), ds.docs().len());
    let combine = |n: usize, pick: &dyn Fn(&TermHits) -> &Vec<u64>| -> Vec<u64> {
        let mut acc = vec![!0u64; n.div_ceil(64)];
        if !n.is_multiple_of(64) {
            if let Some(last) = acc.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        for g in &query.groups {
            let mut any = bits(n);
            for &k in &g.any {
                for (a, b) in any.iter_mut().zip(pick(&hits[k])) {
                    *a |= b;
                }
            }
            for (a, b) in acc.iter_mut().zip(&any) {
                *a &= if g.negated { !b } else { *b };
            }
        }
        acc
    };
    let rows = combine(ni, &|h| &h.rows);
    let docs = combine(nd, &|h| &h.docs);
    // Ranked first: a match whose name holds a sought term.
    let mut named = bits(ni);
    for g in query.groups.iter().filter(|g| !g.negated) {
        for &k in &g.any {
            for (a, b) in named.iter_mut().zip(&hits[k].names) {
                *a |= b;
            }
        }
    }
    let name_rows = ones_in(&rows, 0..ni)
        .filter(|&i| has(&named, i))
        .map(|i| i as u32)
        .collect();
    Some(QueryMatch {
        documents: ones_in(&docs, 0..nd).map(|d| d as u32).collect(),
        name_rows,
        rows,
        complete: hits.iter().all(|h| h.complete),
        query,
    })
}

impl QueryMatch {
    pub fn matches(&self, i: usize) -> bool {
        has(&self.rows, i)
    }

    pub fn tier(&self, i: usize) -> Option<Tier> {
        if !self.matches(i) {
            None
        } else if self.name_rows.binary_search(&(i as u32)).is_ok() {
            Some(Tier::Name)
        } else {
            Some(Tier::Passage)
        }
    }

    /// Occurrences of the sought terms in a document's text (its count in the documents
    /// list), once the text is in.
    pub fn hits_in(&self, ds: &Dataset, d: usize) -> Option<usize> {
        let loaded = ds.loaded.borrow();
        let text = loaded.texts.get(d)?.as_ref()?;
        Some(
            self.query
                .positive_terms()
                .iter()
                .map(|t| occurrences(text, t).len())
                .sum(),
        )
    }
}

/// Reference for tests: the same answer by brute force over names and passages cut from the
/// loaded texts, term by term, with no postings.
pub fn brute_force_rows(ds: &Dataset, text: &str) -> Vec<usize> {
    let q = parse(text);
    let loaded = ds.loaded.borrow();
    (0..ds.n_initiatives())
        .filter(|&i| {
            let name = &ds.names_folded[ds.ix.init_name[i] as usize];
            let passage = loaded.texts[ds.doc_of(i)]
                .as_deref()
                .and_then(|t| {
                    let (s, e) = ds.ix.passage(i);
                    t.get(s..e)
                })
                .unwrap_or("");
            let hit: Vec<bool> = q
                .terms
                .iter()
                .map(|t| name.contains(t.as_str()) || passage.contains(t.as_str()))
                .collect();
            !q.is_empty() && q.eval(&hit)
        })
        .collect()
}

/// Reference for tests: documents whose loaded text satisfies the query.
pub fn brute_force_documents(ds: &Dataset, text: &str) -> Vec<usize> {
    let q = parse(text);
    let loaded = ds.loaded.borrow();
    (0..ds.docs().len())
        .filter(|&d| {
            let t = loaded.texts[d].as_deref().unwrap_or("");
            let hit: Vec<bool> = q.terms.iter().map(|x| t.contains(x.as_str())).collect();
            !q.is_empty() && q.eval(&hit)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_ranges() {
        let mut b = bits(200);
        for i in [0, 5, 63, 64, 65, 127, 128, 199] {
            set(&mut b, i);
        }
        assert_eq!(
            ones_in(&b, 0..200).collect::<Vec<_>>(),
            vec![0, 5, 63, 64, 65, 127, 128, 199]
        );
        assert_eq!(ones_in(&b, 5..65).collect::<Vec<_>>(), vec![5, 63, 64]);
        assert_eq!(ones_in(&b, 64..64).count(), 0);
        assert_eq!(ones_in(&b, 128..200).collect::<Vec<_>>(), vec![128, 199]);
        for (lo, hi) in [
            (0, 200),
            (5, 65),
            (64, 64),
            (128, 200),
            (1, 63),
            (63, 65),
            (199, 200),
        ] {
            assert_eq!(
                count_in(&b, lo..hi),
                ones_in(&b, lo..hi).count(),
                "{lo}..{hi}"
            );
        }
    }

    #[test]
    fn passage_hits_agree_with_a_scan_of_each_passage() {
        let text = "纳税人之家。为纳税人办税，税务局。aaa纳税";
        let terms = ["纳税", "税", "纳税人之家", "a", "aa", "家。为", "无"];
        // Every passage on character boundaries, overlapping, nested, empty, in any order.
        let cuts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut passages = vec![];
        for (k, &s) in cuts.iter().enumerate() {
            for &e in &cuts[k..] {
                passages.push((s, e));
            }
        }
        passages.reverse();
        let starts: Vec<u32> = passages.iter().map(|p| p.0 as u32).collect();
        let ends: Vec<u32> = passages.iter().map(|p| p.1 as u32).collect();
        for term in terms {
            let mut got = vec![];
            passage_hits(text, term, &starts, &ends, |i| got.push(i));
            got.sort_unstable();
            let want: Vec<usize> = passages
                .iter()
                .enumerate()
                .filter(|(_, &(s, e))| text[s..e].contains(term))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(got, want, "{term}");
        }
    }

    #[test]
    fn every_occurrence() {
        assert_eq!(occurrences("纳税纳税纳", "纳税"), vec![0, 6]);
        assert_eq!(occurrences("aaa", "aa"), vec![0, 1]);
        assert!(occurrences("税", "纳税").is_empty());
    }
}
