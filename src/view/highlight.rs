//! Highlighting helpers: split a block of text at overlapping marks (initiatives, metrics,
//! query hits) and cut query snippets, all on character boundaries.

use crate::query::parse::parse;
use crate::query::search::{char_ranges_to_bytes, fold};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mark {
    Initiative(String),
    Metric(String),
    Query,
    /// A query hit with its number in the document (the reader's next/previous).
    Hit(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    /// Indices into the marks passed to [`segments`].
    pub marks: Vec<usize>,
}

/// Splits `text` so that every piece is covered by the same set of marks.
/// Spans off character boundaries or out of range are ignored, never panicked on.
pub fn segments<'a>(text: &'a str, marks: &[(usize, usize, Mark)]) -> Vec<Segment<'a>> {
    let valid = |s: usize, e: usize| {
        s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(s, e, _) in marks {
        if valid(s, e) {
            cuts.push(s);
            cuts.push(e);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| Segment {
            text: &text[w[0]..w[1]],
            marks: marks
                .iter()
                .enumerate()
                .filter(|(_, (s, e, _))| valid(*s, *e) && *s <= w[0] && w[1] <= *e)
                .map(|(i, _)| i)
                .collect(),
        })
        .collect()
}

/// Byte ranges of every occurrence in `text` of the terms `query` looks for (its positive
/// terms, [`crate::query::parse`]), folded comparison, in text order.
pub fn query_ranges(text: &str, query: &str) -> Vec<(usize, usize)> {
    let q = parse(query);
    let terms = q.positive_terms();
    if terms.is_empty() {
        return vec![];
    }
    let hay: Vec<char> = fold(text).chars().collect();
    let mut out = Vec::new();
    for t in terms {
        let q: Vec<char> = t.chars().collect();
        let mut starts = Vec::new();
        let mut i = 0;
        while i + q.len() <= hay.len() {
            if hay[i..i + q.len()] == q[..] {
                starts.push(i);
                i += q.len();
            } else {
                i += 1;
            }
        }
        out.extend(char_ranges_to_bytes(text, &starts, q.len()));
    }
    out.sort_unstable();
    out
}

/// A window of about `radius` characters around the first occurrence of `query`, with the
/// byte ranges to highlight inside the returned string.
pub fn snippet(text: &str, query: &str, radius: usize) -> Option<(String, Vec<(usize, usize)>)> {
    let first = *query_ranges(text, query).first()?;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let ci = chars.iter().position(|(b, _)| *b == first.0)?;
    let start_ci = ci.saturating_sub(radius);
    let end_ci = (ci + radius * 2).min(chars.len());
    let sb = chars[start_ci].0;
    let eb = chars.get(end_ci).map_or(text.len(), |c| c.0);
    let prefix = if start_ci > 0 { "…" } else { "" };
    let suffix = if end_ci < chars.len() { "…" } else { "" };
    let body = &text[sb..eb];
    let s = format!("{prefix}{body}{suffix}");
    let ranges = query_ranges(body, query)
        .into_iter()
        .map(|(a, b)| (a + prefix.len(), b + prefix.len()))
        .collect();
    Some((s, ranges))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_marks() {
        let t = "开设纳税人学堂15次";
        let a = t.find("纳税人学堂").unwrap();
        let marks = vec![
            (a, a + "纳税人学堂".len(), Mark::Initiative("i1".into())),
            (a + "纳税人".len(), a + "纳税人学堂15次".len(), Mark::Query),
            (1, 2, Mark::Query), // not on a character boundary: ignored
        ];
        let segs = segments(t, &marks);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, t);
        assert_eq!(segs[1].text, "纳税人");
        assert_eq!(segs[1].marks, vec![0]);
        assert_eq!(segs[2].text, "学堂");
        assert_eq!(segs[2].marks, vec![0, 1]);
    }

    #[test]
    fn snippets_and_traditional_queries() {
        let t = "今年以来，锦江税务持续打造“锦税e家”服务品牌，构建完善了由天府宝座综合办税服务厅组成的格局。";
        let (s, r) = snippet(t, "辦稅服務廳", 5).unwrap();
        assert_eq!(&s[r[0].0..r[0].1], "办税服务厅");
        assert!(s.starts_with('…'));
        assert!(snippet(t, "不存在", 5).is_none());
        // Every sought term is marked; an excluded one is not.
        let r = query_ranges(t, "锦税 | 品牌 -格局");
        let marked: Vec<&str> = r.iter().map(|&(a, b)| &t[a..b]).collect();
        assert_eq!(marked, vec!["锦税", "品牌"]);
    }
}
