//! Exact Chinese substring search over the pack.
//!
//! Every text is folded character by character (`corpus::fold`: fullwidth → ASCII, ASCII
//! lowercase, traditional → simplified), so folded and original texts have the same number of
//! characters and match positions map straight back for highlighting.
//!
//! Documents: the build step writes, per folded character and per pair of adjacent
//! characters, the documents containing it (`search.bin`). A query of one or two characters is
//! answered by its postings alone — exactly. A longer query intersects the postings of its
//! pairs and checks each candidate's folded text (`text-NNNN.bin`) with a substring scan, so a
//! document is returned if and only if its folded text contains the folded query: no
//! dictionary, no segmentation, nothing for the index and the query to disagree on. The pair
//! postings say in which 64-byte block each pair first occurs, so the scan starts where a match
//! can first be, not at the start of the text. Until a candidate's text has arrived the answer
//! is marked incomplete rather than guessed.
//!
//! Initiative names are few (distinct names, not rows) and short: they are scanned directly.

use crate::data::Dataset;
use corpus::pack::{bigram_key, unigram_key, Postings};

pub use corpus::fold::{fold, fold_char};

/// Documents whose text contains a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMatches {
    /// Document indices, ascending.
    pub docs: Vec<u32>,
    /// False while postings or candidate texts are still loading.
    pub complete: bool,
}

/// The folded, trimmed query.
pub fn prepare(query: &str) -> Vec<char> {
    trim_chars(&query.chars().map(fold_char).collect::<Vec<_>>())
}

/// Documents whose folded text contains the folded query.
pub fn search_docs(ds: &Dataset, query: &str) -> DocMatches {
    let q = prepare(query);
    if q.is_empty() || q.contains(&'\n') {
        return DocMatches {
            docs: vec![],
            complete: true,
        };
    }
    let loaded = ds.loaded.borrow();
    let Some(sp) = loaded.search.as_ref() else {
        return DocMatches::default();
    };
    if q.len() <= 2 {
        return DocMatches {
            docs: candidates(&sp.docs, &q).unwrap_or_default(),
            complete: true,
        };
    }
    let Some(cands) = verify_from(&sp.docs, &q) else {
        return DocMatches {
            docs: vec![],
            complete: true,
        };
    };
    let needle: String = q.iter().collect();
    let finder = Finder::new(&needle);
    let mut complete = true;
    let mut docs = Vec::with_capacity(cands.len());
    for (d, from) in cands {
        match loaded.texts.get(d as usize) {
            Some(Some(t)) => {
                if finder.is_in(t.as_bytes().get(from as usize..).unwrap_or_default()) {
                    docs.push(d);
                }
            }
            _ => complete = false,
        }
    }
    DocMatches { docs, complete }
}

/// Candidates for a query of three or more characters: texts holding every pair of it, each
/// with the byte offset where a match can start at the earliest. A match at byte `p` puts its
/// pair `k` at `p + bytes(q[..k])`, which is no earlier than that pair's first occurrence, so
/// `p >= first_k - bytes(q[..k])` for every `k`; the scan starts at the largest such bound.
fn verify_from(p: &Postings, q: &[char]) -> Option<Vec<(u32, u32)>> {
    let mut pairs: Vec<(u64, u32)> = Vec::with_capacity(q.len());
    let mut lead = 0u32;
    for w in q.windows(2) {
        pairs.push((bigram_key(w[0], w[1]), lead));
        lead += w[0].len_utf8() as u32;
    }
    let mut lists = Vec::with_capacity(pairs.len());
    for (key, lead) in pairs {
        let l = p.get_with_firsts(key);
        if l.is_empty() {
            return None;
        }
        lists.push((l, lead));
    }
    lists.sort_by_key(|(l, _)| l.len());
    let bound = |first: u32, lead: u32| first.saturating_sub(lead);
    let (l0, lead0) = &lists[0];
    let mut acc: Vec<(u32, u32)> = l0.iter().map(|&(d, f)| (d, bound(f, *lead0))).collect();
    for (l, lead) in &lists[1..] {
        let (mut i, mut j, mut out) = (0, 0, Vec::with_capacity(acc.len()));
        while i < acc.len() && j < l.len() {
            match acc[i].0.cmp(&l[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    out.push((acc[i].0, acc[i].1.max(bound(l[j].1, *lead))));
                    i += 1;
                    j += 1;
                }
            }
        }
        acc = out;
        if acc.is_empty() {
            break;
        }
    }
    Some(acc)
}

/// Texts holding every character pair of the query (or its one character): exact for one or
/// two characters, a superset to verify for more. `None` when some pair occurs nowhere.
fn candidates(p: &Postings, q: &[char]) -> Option<Vec<u32>> {
    if q.len() == 1 {
        return Some(p.get(unigram_key(q[0])));
    }
    let mut keys: Vec<u64> = q.windows(2).map(|w| bigram_key(w[0], w[1])).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut lists = Vec::with_capacity(keys.len());
    for k in keys {
        let l = p.get(k);
        if l.is_empty() {
            return None;
        }
        lists.push(l);
    }
    lists.sort_by_key(Vec::len);
    let mut acc = lists[0].clone();
    for l in &lists[1..] {
        acc = intersect(&acc, l);
        if acc.is_empty() {
            break;
        }
    }
    Some(acc)
}

/// Distinct names (indices into the name table) containing the query: by the name postings
/// once `search.bin` is in, by a scan before that.
pub fn search_names(ds: &Dataset, query: &str) -> Vec<u32> {
    let q = prepare(query);
    if q.is_empty() {
        return vec![];
    }
    let needle: String = q.iter().collect();
    let loaded = ds.loaded.borrow();
    let Some(sp) = loaded.search.as_ref() else {
        return ds
            .names_folded
            .iter()
            .enumerate()
            .filter(|(_, n)| n.contains(needle.as_str()))
            .map(|(k, _)| k as u32)
            .collect();
    };
    let Some(mut acc) = candidates(&sp.names, &q) else {
        return vec![];
    };
    if q.len() > 2 {
        let finder = Finder::new(&needle);
        acc.retain(|&n| {
            ds.names_folded
                .get(n as usize)
                .is_some_and(|t| finder.is_in(t.as_bytes()))
        });
    }
    acc
}

/// Reference: scan every loaded document text. Used by tests and the benchmark.
pub fn brute_force_docs(ds: &Dataset, query: &str) -> Vec<u32> {
    let q = prepare(query);
    if q.is_empty() {
        return vec![];
    }
    let needle: String = q.iter().collect();
    ds.loaded
        .borrow()
        .texts
        .iter()
        .enumerate()
        .filter(|(_, t)| t.as_deref().is_some_and(|t| t.contains(needle.as_str())))
        .map(|(d, _)| d as u32)
        .collect()
}

/// Substring test tuned for Chinese UTF-8 in wasm, where `str::contains` spends most of its
/// time building a two-way searcher per text and stepping through a text in which every third
/// byte is a lead byte. Here the anchor is the needle's last byte — a continuation byte for a
/// Chinese character, one of 64 values — found with `memchr`'s word-at-a-time scan, and each
/// hit is compared in full. Exactness does not depend on the anchor choice.
pub struct Finder<'a> {
    needle: &'a [u8],
    anchor: u8,
}

impl<'a> Finder<'a> {
    pub fn new(needle: &'a str) -> Self {
        let needle = needle.as_bytes();
        Finder {
            needle,
            anchor: needle.last().copied().unwrap_or(0),
        }
    }

    pub fn is_in(&self, hay: &[u8]) -> bool {
        self.find(hay).is_some()
    }

    /// Where the first occurrence starts.
    pub fn find(&self, hay: &[u8]) -> Option<usize> {
        let n = self.needle.len();
        if n == 0 {
            return Some(0);
        }
        let mut from = n - 1;
        while from < hay.len() {
            let k = memchr::memchr(self.anchor, &hay[from..])?;
            let end = from + k + 1;
            if hay[end - n..end] == *self.needle {
                return Some(end - n);
            }
            from = end;
        }
        None
    }
}

fn trim_chars(q: &[char]) -> Vec<char> {
    let start = q.iter().position(|c| !c.is_whitespace()).unwrap_or(q.len());
    let end = q
        .iter()
        .rposition(|c| !c.is_whitespace())
        .map_or(start, |e| e + 1);
    q[start..end].to_vec()
}

fn intersect(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// Byte ranges in `original` for character offsets of matches of a query of `qlen` characters.
pub fn char_ranges_to_bytes(original: &str, starts: &[usize], qlen: usize) -> Vec<(usize, usize)> {
    let idx: Vec<usize> = original
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(original.len()))
        .collect();
    starts
        .iter()
        .filter_map(|&s| Some((*idx.get(s)?, *idx.get(s + qlen)?)))
        .collect()
}

/// Number of characters of the folded, trimmed query (for highlighting).
pub fn query_len(query: &str) -> usize {
    trim_chars(&query.chars().collect::<Vec<_>>()).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_to_bytes() {
        let s = "设立24小时自助办税厅";
        let r = char_ranges_to_bytes(s, &[6], 2);
        assert_eq!(&s[r[0].0..r[0].1], "自助");
    }

    #[test]
    fn finder_agrees_with_contains() {
        let hays = [
            "",
            "税",
            "纳税人之家",
            "为纳税人纳税",
            "a纳税人",
            "纳税",
            "人纳税人",
            "ab",
            "abab",
        ];
        let needles = [
            "",
            "税",
            "纳税人",
            "税人",
            "人",
            "b",
            "ab",
            "纳税人之家服务",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(
                    Finder::new(n).is_in(h.as_bytes()),
                    h.contains(n),
                    "{h:?} / {n:?}"
                );
            }
        }
    }

    #[test]
    fn queries_are_folded_and_trimmed() {
        assert_eq!(prepare("  納稅Ｅ "), vec!['纳', '税', 'e']);
        assert!(prepare(" \u{3000} ").is_empty());
    }
}
