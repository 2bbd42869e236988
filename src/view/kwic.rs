//! Keyword in context: every occurrence of the sought terms in the documents of the current
//! filter, one line each (left context | hit | right context), sortable.
//!
//! Occurrences are found in the documents' folded texts (title, then every heading and
//! paragraph, each ended by a newline), per term without overlaps, in text order: the same
//! numbering the reader gives its hits, so a line opens the reader at its own occurrence.
//! Folding keeps one character per character, so a line's character offsets also cut the
//! original text once its document has loaded.

use crate::data::Dataset;
use crate::query::parse::Query;
use crate::query::search::Finder;
use crate::state::KwicOrder;
use serde::Serialize;

/// Characters of context on each side.
pub const CONTEXT: usize = 24;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Line {
    pub doc: usize,
    /// The occurrence's number in its document (0-based, in text order).
    pub hit: usize,
    /// Character offsets of the hit in the document's text (title first).
    pub start: usize,
    pub end: usize,
    pub left: String,
    pub keyword: String,
    pub right: String,
}

/// Byte ranges of the occurrences of the query's sought terms in a folded text: each term
/// without overlaps, all of them in text order (ties: the shorter first).
pub fn hit_ranges(text: &str, q: &Query) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for t in q.positive_terms() {
        let f = Finder::new(t);
        let mut from = 0;
        while let Some(at) = f.find(&text.as_bytes()[from..]) {
            out.push((from + at, from + at + t.len()));
            from += at + t.len().max(1);
        }
    }
    out.sort_unstable();
    out
}

/// Every line for these documents (in this order), at most `limit`; and the total count.
pub fn lines(ds: &Dataset, q: &Query, docs: &[usize], limit: usize) -> (Vec<Line>, usize) {
    let loaded = ds.loaded.borrow();
    let mut out = Vec::new();
    let mut total = 0;
    for &d in docs {
        let Some(Some(text)) = loaded.texts.get(d) else {
            continue;
        };
        let ranges = hit_ranges(text, q);
        total += ranges.len();
        if out.len() >= limit {
            continue;
        }
        // Character offsets by one walk over the text.
        let mut chars = text.char_indices().enumerate().peekable();
        for (hit, (s, e)) in ranges.into_iter().enumerate() {
            if out.len() >= limit {
                break;
            }
            let mut cs = 0;
            while let Some(&(ci, (bi, _))) = chars.peek() {
                if bi >= s {
                    cs = ci;
                    break;
                }
                chars.next();
            }
            let keyword = &text[s..e];
            let left: String = {
                let before: Vec<char> = text[..s].chars().rev().take(CONTEXT).collect();
                before.into_iter().rev().collect()
            };
            let right: String = text[e..].chars().take(CONTEXT).collect();
            out.push(Line {
                doc: d,
                hit,
                start: cs,
                end: cs + keyword.chars().count(),
                left: left.replace('\n', " ⏎ "),
                keyword: keyword.to_string(),
                right: right.replace('\n', " ⏎ "),
            });
        }
    }
    (out, total)
}

/// Sorts lines in place (stable: equal keys keep document and text order).
pub fn sort(ds: &Dataset, lines: &mut [Line], order: KwicOrder) {
    match order {
        KwicOrder::Text => {}
        KwicOrder::Left => lines.sort_by(|a, b| a.left.chars().rev().cmp(b.left.chars().rev())),
        KwicOrder::Right => lines.sort_by(|a, b| a.right.cmp(&b.right)),
        KwicOrder::Bureau => lines.sort_by_key(|l| {
            let b = ds.doc(l.doc).bureau.as_ref().map(|b| b.name.clone());
            (b.is_none(), b)
        }),
        KwicOrder::Date => lines.sort_by(|a, b| {
            let (x, y) = (&ds.doc(a.doc).date, &ds.doc(b.doc).date);
            match (x, y) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        }),
    }
}

/// The original text of a line's context once its document is loaded: the same character
/// offsets in the title and blocks joined as the folded text joins them.
pub fn original(ds: &Dataset, l: &Line) -> Option<(String, String, String)> {
    let detail = ds.detail(l.doc)?;
    let d = &detail.document;
    let mut joined = String::with_capacity(d.chars * 3 + 64);
    joined.push_str(&d.title);
    joined.push('\n');
    for s in &d.sections {
        for b in s.heading.iter().chain(&s.paragraphs) {
            joined.push_str(b);
            joined.push('\n');
        }
    }
    let chars: Vec<char> = joined.chars().collect();
    if l.end > chars.len() {
        return None;
    }
    let cut = |a: usize, b: usize| -> String {
        chars[a..b].iter().collect::<String>().replace('\n', " ⏎ ")
    };
    Some((
        cut(l.start.saturating_sub(CONTEXT), l.start),
        cut(l.start, l.end),
        cut(l.end, (l.end + CONTEXT).min(chars.len())),
    ))
}

/// CSV of the lines (UTF-8 with BOM), with each line's document and position, the filter
/// and the corpus hash.
pub fn csv(ds: &Dataset, lines: &[Line], filter: &str, date: &str) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str("left,keyword,right,document_id,document_title,bureau,date,source_file,hit,char_start,char_end,filter,corpus_hash,exported\r\n");
    for l in lines {
        let d = ds.doc(l.doc);
        let (left, keyword, right) =
            original(ds, l).unwrap_or_else(|| (l.left.clone(), l.keyword.clone(), l.right.clone()));
        let cells = [
            left,
            keyword,
            right,
            d.id.clone(),
            d.title.clone(),
            d.bureau
                .as_ref()
                .map(|b| b.name.clone())
                .unwrap_or_default(),
            d.date.clone().unwrap_or_default(),
            d.source_file.clone(),
            (l.hit + 1).to_string(),
            l.start.to_string(),
            l.end.to_string(),
            filter.to_string(),
            ds.content_hash().to_string(),
            date.to_string(),
        ];
        let row: Vec<String> = cells.iter().map(|c| super::export::cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}
