//! All view state lives in the URL hash, so any static host serves it without rewrites and a
//! copied link reopens the same view: `#/<view>[/<id>]?q=…&theme=a,b&sort=date&lang=en`.
//! Parsing never fails: unknown parts are dropped and reported, so a garbage link still opens
//! a sane view with a notice.

use super::{KwicOrder, Selection, Sort};
use crate::data::Facet;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Initiatives,
    Documents,
    /// A document in the reader, optionally focused on one initiative or metric id.
    Reader {
        doc: String,
        focus: Option<String>,
    },
    Charts,
    /// One canonical initiative across bureaus.
    Canonical {
        key: String,
    },
    /// Keyword in context: every occurrence of the query's terms.
    Kwic,
    /// Two to four bureaus (or provinces) side by side: the selected ones.
    Compare,
    /// The initiatives that reached the most bureaus, and when.
    Spread,
    /// Figures grouped by kind and unit.
    Figures,
    /// How the explorer works, and the corpus's build report.
    About,
    /// Views the user named and kept.
    Saved,
}

impl View {
    /// The path of a view without an id, and the views that have one.
    const SIMPLE: [(&'static str, View); 9] = [
        ("initiatives", View::Initiatives),
        ("documents", View::Documents),
        ("charts", View::Charts),
        ("kwic", View::Kwic),
        ("compare", View::Compare),
        ("spread", View::Spread),
        ("figures", View::Figures),
        ("about", View::About),
        ("saved", View::Saved),
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UrlState {
    pub view: View,
    pub query: String,
    pub selection: Selection,
    pub sort: Sort,
    pub lang: Lang,
    /// Timeline granularity on the charts page.
    pub by_month: bool,
    /// The reader's current query hit (0-based, in text order).
    pub hit: Option<usize>,
    /// The order of keyword-in-context lines.
    pub order: KwicOrder,
    /// The figure group shown (`money:元`, `count:户`); the largest when unset.
    pub figures: Option<String>,
}

/// Percent-encodes everything but unreserved ASCII (Chinese text becomes UTF-8 %XX).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Percent-decodes; invalid escapes or UTF-8 give `None`.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

impl UrlState {
    pub fn to_hash(&self) -> String {
        let mut path = match &self.view {
            View::Reader { doc, .. } => format!("#/doc/{}", encode(doc)),
            View::Canonical { key } => format!("#/initiative/{}", encode(key)),
            v => {
                let name = View::SIMPLE
                    .iter()
                    .find(|(_, x)| x == v)
                    .map_or("initiatives", |x| x.0);
                format!("#/{name}")
            }
        };
        let mut params: Vec<String> = Vec::new();
        if let View::Reader { focus: Some(f), .. } = &self.view {
            params.push(format!("focus={}", encode(f)));
        }
        if let (View::Reader { .. }, Some(h)) = (&self.view, self.hit) {
            params.push(format!("hit={h}"));
        }
        if !self.query.is_empty() {
            params.push(format!("q={}", encode(&self.query)));
        }
        for (f, vs) in &self.selection.0 {
            if !vs.is_empty() {
                let joined: Vec<String> = vs.iter().map(|v| encode(v)).collect();
                params.push(format!("{}={}", f.key(), joined.join(",")));
            }
        }
        if self.sort != Sort::Relevance {
            params.push(format!("sort={}", self.sort.key()));
        }
        if self.by_month {
            params.push("time=month".to_string());
        }
        if self.view == View::Kwic && self.order != Default::default() {
            params.push(format!("order={}", self.order.key()));
        }
        if let (View::Figures, Some(g)) = (&self.view, &self.figures) {
            params.push(format!("fig={}", encode(g)));
        }
        if self.lang == Lang::En {
            params.push("lang=en".to_string());
        }
        if !params.is_empty() {
            path.push('?');
            path.push_str(&params.join("&"));
        }
        path
    }

    /// Parses a hash (with or without the leading `#`). Returns the state and the parts that
    /// could not be understood (empty when the hash was fully valid).
    pub fn from_hash(hash: &str) -> (UrlState, Vec<String>) {
        let mut problems = Vec::new();
        let mut st = UrlState::default();
        let h = hash.strip_prefix('#').unwrap_or(hash);
        if h.is_empty() || h == "/" {
            return (st, problems);
        }
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        let segs: Vec<&str> = path
            .trim_start_matches('/')
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        let mut focus = None;
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            match k {
                "q" => match decode(v) {
                    Some(q) => st.query = q.chars().take(200).collect(),
                    None => problems.push(part.to_string()),
                },
                "sort" => match Sort::from_key(v) {
                    Some(s) => st.sort = s,
                    None => problems.push(part.to_string()),
                },
                "lang" => match v {
                    "en" => st.lang = Lang::En,
                    "zh" => st.lang = Lang::Zh,
                    _ => problems.push(part.to_string()),
                },
                "time" => match v {
                    "month" => st.by_month = true,
                    "year" => st.by_month = false,
                    _ => problems.push(part.to_string()),
                },
                "hit" => match v.parse::<usize>() {
                    Ok(h) if h < 1_000_000 => st.hit = Some(h),
                    _ => problems.push(part.to_string()),
                },
                "order" => match KwicOrder::from_key(v) {
                    Some(o) => st.order = o,
                    None => problems.push(part.to_string()),
                },
                "fig" => match decode(v) {
                    Some(g) if is_figure_group(&g) => st.figures = Some(g),
                    _ => problems.push(part.to_string()),
                },
                "focus" => match decode(v) {
                    Some(f) if !f.is_empty() && f.len() <= 200 => focus = Some(f),
                    _ => problems.push(part.to_string()),
                },
                k => match Facet::from_key(k) {
                    Some(f) => {
                        for raw in v.split(',').filter(|s| !s.is_empty()).take(100) {
                            match decode(raw) {
                                Some(val) if !val.is_empty() && val.len() <= 200 => {
                                    if !st.selection.is_selected(f, &val) {
                                        st.selection.toggle(f, &val);
                                    }
                                }
                                _ => problems.push(format!("{k}={raw}")),
                            }
                        }
                    }
                    None => problems.push(part.to_string()),
                },
            }
        }
        st.view = match segs.as_slice() {
            [] => View::Initiatives,
            [name] if View::SIMPLE.iter().any(|(n, _)| n == name) => View::SIMPLE
                .iter()
                .find(|(n, _)| n == name)
                .map(|x| x.1.clone())
                .unwrap_or_default(),
            ["doc", id] => match decode(id) {
                Some(doc) if !doc.is_empty() => View::Reader { doc, focus },
                _ => {
                    problems.push(path.to_string());
                    View::Initiatives
                }
            },
            ["initiative", key] => match decode(key) {
                Some(key) if !key.is_empty() => View::Canonical { key },
                _ => {
                    problems.push(path.to_string());
                    View::Initiatives
                }
            },
            _ => {
                problems.push(path.to_string());
                View::Initiatives
            }
        };
        // Parameters that belong to other views are dropped, so a link has one form.
        if !matches!(st.view, View::Reader { .. }) {
            st.hit = None;
        }
        if st.view != View::Kwic {
            st.order = Default::default();
        }
        if st.view != View::Figures {
            st.figures = None;
        }
        (st, problems)
    }
}

/// A figure group as the URL names it: a kind and a unit, `money:元`, `count:户`.
fn is_figure_group(g: &str) -> bool {
    g.split_once(':').is_some_and(|(c, u)| {
        corpus::model::MetricCategory::from_id(c).is_some()
            && !u.is_empty()
            && u.chars().count() <= 16
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let mut st = UrlState {
            query: "办税厅 & 春风?".into(),
            sort: Sort::Date,
            lang: Lang::En,
            ..Default::default()
        };
        st.selection.toggle(Facet::Theme, "digital");
        st.selection.toggle(Facet::Theme, "outreach");
        st.selection.toggle(Facet::Province, "四川");
        st.selection
            .toggle(Facet::Bureau, "国家税务总局成都市锦江区税务局,含逗号");
        for view in [
            View::Initiatives,
            View::Documents,
            View::Charts,
            View::Reader {
                doc: "000_x".into(),
                focus: Some("000_x-i3".into()),
            },
            View::Canonical {
                key: "纳税人学堂".into(),
            },
            View::Kwic,
            View::Compare,
            View::Spread,
            View::Figures,
            View::About,
            View::Saved,
        ] {
            st.view = view;
            st.hit = matches!(st.view, View::Reader { .. }).then_some(3);
            st.order = if st.view == View::Kwic {
                KwicOrder::Left
            } else {
                Default::default()
            };
            st.figures = (st.view == View::Figures).then(|| "count:户".to_string());
            let h = st.to_hash();
            let (back, problems) = UrlState::from_hash(&h);
            assert!(problems.is_empty(), "{h}: {problems:?}");
            assert_eq!(back, st, "{h}");
        }
    }

    #[test]
    fn garbage_falls_back() {
        for h in [
            "#/nope",
            "#/doc/%ZZ",
            "#?theme=%E4",
            "#/charts?sort=upside&x=1",
            "%%%",
            "#/doc/",
        ] {
            let (st, problems) = UrlState::from_hash(h);
            assert!(!problems.is_empty(), "{h}");
            let _ = st.to_hash();
        }
        assert_eq!(UrlState::from_hash("").0, UrlState::default());
    }

    #[test]
    fn encoding() {
        assert_eq!(encode("a b"), "a%20b");
        assert_eq!(
            decode(&encode("纳税人,学堂")).as_deref(),
            Some("纳税人,学堂")
        );
        assert_eq!(decode("%E4"), None);
    }
}
