//! Exact Chinese substring search.
//!
//! Every text is folded character by character (fullwidth → ASCII, ASCII lowercase,
//! traditional → simplified from OpenCC's table), so folded and original texts have the same
//! number of characters and match positions map straight back for highlighting. The index
//! holds, per field, its distinct characters and character pairs; a query's candidates are the
//! fields holding all its pairs (or its one character), and each candidate is verified by a
//! plain substring scan. So a result is returned if and only if the folded field contains the
//! folded query: no dictionary, no segmentation, nothing for the index and query to disagree on.

use std::collections::HashMap;
use std::sync::OnceLock;

static TS: &str = include_str!("../data/fold/ts-chars.txt");

fn ts_table() -> &'static HashMap<char, char> {
    static T: OnceLock<HashMap<char, char>> = OnceLock::new();
    T.get_or_init(|| {
        let mut m = HashMap::with_capacity(4096);
        for line in TS.lines().filter(|l| !l.starts_with('#')) {
            for pair in line.split(' ') {
                let mut cs = pair.chars();
                if let (Some(t), Some(s)) = (cs.next(), cs.next()) {
                    m.insert(t, s);
                }
            }
        }
        m
    })
}

/// Folds one character; always exactly one character out.
pub fn fold_char(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0)
            .map(|a| a.to_ascii_lowercase())
            .unwrap_or(c),
        '\u{3000}' => ' ',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => ts_table().get(&c).copied().unwrap_or(c),
    }
}

pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// What a searchable field belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Owner {
    /// An initiative's name (initiative index).
    Name(u32),
    /// An initiative's summary.
    Summary(u32),
    /// A block of a document: (document index, section, paragraph or heading).
    Body {
        doc: u32,
        section: u32,
        paragraph: Option<u32>,
    },
}

#[derive(Debug, Clone)]
struct Field {
    owner: Owner,
    folded: Vec<char>,
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    fields: Vec<Field>,
    pairs: HashMap<(char, char), Vec<u32>>,
    singles: HashMap<char, Vec<u32>>,
}

/// A match: the field's owner and the character offsets of each occurrence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub owner: Owner,
    pub starts: Vec<usize>,
}

impl SearchIndex {
    pub fn add(&mut self, owner: Owner, text: &str) {
        let id = self.fields.len() as u32;
        let folded: Vec<char> = text.chars().map(fold_char).collect();
        let mut seen_pairs: Vec<(char, char)> = folded.windows(2).map(|w| (w[0], w[1])).collect();
        seen_pairs.sort_unstable();
        seen_pairs.dedup();
        for p in seen_pairs {
            self.pairs.entry(p).or_default().push(id);
        }
        let mut seen: Vec<char> = folded.clone();
        seen.sort_unstable();
        seen.dedup();
        for c in seen {
            self.singles.entry(c).or_default().push(id);
        }
        self.fields.push(Field { owner, folded });
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// All fields containing the folded query, with occurrence offsets (in characters).
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let q: Vec<char> = query.chars().map(fold_char).collect();
        let q: Vec<char> = trim_chars(&q);
        if q.is_empty() {
            return vec![];
        }
        let candidates: Vec<u32> = if q.len() == 1 {
            self.singles.get(&q[0]).cloned().unwrap_or_default()
        } else {
            let mut lists: Vec<&Vec<u32>> = Vec::with_capacity(q.len() - 1);
            for w in q.windows(2) {
                match self.pairs.get(&(w[0], w[1])) {
                    Some(l) => lists.push(l),
                    None => return vec![],
                }
            }
            lists.sort_by_key(|l| l.len());
            let mut acc: Vec<u32> = lists[0].clone();
            for l in &lists[1..] {
                acc = intersect(&acc, l);
                if acc.is_empty() {
                    break;
                }
            }
            acc
        };
        candidates
            .into_iter()
            .filter_map(|id| {
                let f = &self.fields[id as usize];
                let starts = find_all(&f.folded, &q);
                (!starts.is_empty()).then_some(Hit {
                    owner: f.owner,
                    starts,
                })
            })
            .collect()
    }

    /// Reference implementation: scan every field. Used by tests and the benchmark.
    pub fn brute_force(&self, query: &str) -> Vec<Hit> {
        let q: Vec<char> = trim_chars(&query.chars().map(fold_char).collect::<Vec<_>>());
        if q.is_empty() {
            return vec![];
        }
        self.fields
            .iter()
            .filter_map(|f| {
                let starts = find_all(&f.folded, &q);
                (!starts.is_empty()).then_some(Hit {
                    owner: f.owner,
                    starts,
                })
            })
            .collect()
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

/// Non-overlapping occurrences of `needle` in `hay`.
fn find_all(hay: &[char], needle: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() || needle.len() > hay.len() {
        return out;
    }
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i] == needle[0] && hay[i..i + needle.len()] == *needle {
            out.push(i);
            i += needle.len();
        } else {
            i += 1;
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

    fn index(texts: &[&str]) -> SearchIndex {
        let mut ix = SearchIndex::default();
        for (i, t) in texts.iter().enumerate() {
            ix.add(Owner::Name(i as u32), t);
        }
        ix
    }

    #[test]
    fn substrings_of_any_length() {
        let ix = index(&["一段简单的文字", "24小时自助办税厅", "办税服务厅"]);
        assert_eq!(ix.search("段简").len(), 1);
        let hits = ix.search("办税厅");
        assert_eq!(
            hits,
            vec![Hit {
                owner: Owner::Name(1),
                starts: vec![6]
            }]
        );
        assert_eq!(ix.search("厅").len(), 2);
        assert_eq!(ix.search("税").len(), 2);
        assert!(ix.search("办税大厅").is_empty());
        assert!(ix.search("  ").is_empty());
    }

    #[test]
    fn folds_traditional_fullwidth_and_case() {
        let ix = index(&["纳税人学堂", "锦税e家", "税费服务E站"]);
        assert_eq!(ix.search("納稅人學堂").len(), 1);
        assert_eq!(ix.search("錦稅Ｅ家").len(), 1);
        assert_eq!(ix.search("e站").len(), 1);
        let trad = index(&["辦稅服務廳"]);
        assert_eq!(trad.search("办税服务厅").len(), 1);
    }

    #[test]
    fn offsets_map_back_to_bytes() {
        let s = "设立24小时自助办税厅";
        let hit = &index(&[s]).search("自助")[0];
        let r = char_ranges_to_bytes(s, &hit.starts, 2);
        assert_eq!(&s[r[0].0..r[0].1], "自助");
    }
}
