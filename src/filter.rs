//! Faceted filtering with disjunctive counts.
//!
//! Values selected in one facet combine with OR, facets combine with AND, and each facet's
//! counts are computed as if its own selection were cleared, so a user can see how many
//! results another value of the same facet would add.

use crate::data::Explorer;
use crate::search::{search_docs, search_names};
use std::collections::{BTreeMap, BTreeSet};

/// The value used for "not stated" (province unknown, date unknown …).
pub const UNKNOWN: &str = "?";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Theme = 0,
    Province = 1,
    City = 2,
    Bureau = 3,
    Publisher = 4,
    Kind = 5,
    Year = 6,
}

impl Facet {
    pub const COUNT: usize = 7;
    pub const ALL: [Facet; Facet::COUNT] = [
        Facet::Theme,
        Facet::Province,
        Facet::City,
        Facet::Bureau,
        Facet::Publisher,
        Facet::Kind,
        Facet::Year,
    ];

    /// The URL parameter name.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::Province => "province",
            Facet::City => "city",
            Facet::Bureau => "bureau",
            Facet::Publisher => "publisher",
            Facet::Kind => "kind",
            Facet::Year => "year",
        }
    }

    pub fn from_key(k: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == k)
    }
}

/// Selected values per facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection(pub BTreeMap<Facet, BTreeSet<String>>);

impl Selection {
    pub fn toggle(&mut self, f: Facet, value: &str) {
        let set = self.0.entry(f).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
        if set.is_empty() {
            self.0.remove(&f);
        }
    }

    pub fn clear(&mut self, f: Facet) {
        self.0.remove(&f);
    }

    pub fn is_selected(&self, f: Facet, value: &str) -> bool {
        self.0.get(&f).is_some_and(|s| s.contains(value))
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(BTreeSet::is_empty)
    }

    /// Active (facet, value) pairs in a stable order.
    pub fn chips(&self) -> Vec<(Facet, String)> {
        self.0
            .iter()
            .flat_map(|(f, vs)| vs.iter().map(move |v| (*f, v.clone())))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Date,
    Bureau,
}

impl Sort {
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::Bureau => "bureau",
        }
    }
    pub fn from_key(k: &str) -> Option<Sort> {
        [Sort::Relevance, Sort::Date, Sort::Bureau]
            .into_iter()
            .find(|s| s.key() == k)
    }
}

/// How an initiative matched the query: its name, or its document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Name = 1,
    Body = 2,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryMatch {
    /// Per initiative row: 0 no match, else the best [`Tier`] as a number.
    pub tiers: Vec<u8>,
    /// Documents whose text contains the query, ascending.
    pub documents: Vec<u32>,
    /// Per document: its text contains the query (so all its initiatives match).
    pub doc_hit: Vec<bool>,
    /// Initiatives whose name contains the query, ascending.
    pub name_rows: Vec<u32>,
    /// False while the full-text index is still loading (name matches are always complete).
    pub complete: bool,
}

impl QueryMatch {
    pub fn tier(&self, i: usize) -> Option<Tier> {
        match self.tiers.get(i) {
            Some(1) => Some(Tier::Name),
            Some(2) => Some(Tier::Body),
            _ => None,
        }
    }
}

/// Resolves a query into matching initiatives (by name, or by their document's text) and
/// matching documents.
pub fn query_match(ex: &Explorer, query: &str) -> Option<QueryMatch> {
    if query.trim().is_empty() {
        return None;
    }
    let mut tiers = vec![0u8; ex.n_initiatives()];
    let mut doc_hit = vec![false; ex.docs().len()];
    let docs = search_docs(ex, query);
    for &d in &docs.docs {
        tiers[ex.inits_of_doc(d as usize)].fill(Tier::Body as u8);
        doc_hit[d as usize] = true;
    }
    for n in search_names(ex, query) {
        for &i in &ex.name_members[n as usize] {
            tiers[i as usize] = Tier::Name as u8;
        }
    }
    let name_rows = tiers
        .iter()
        .enumerate()
        .filter(|(_, &t)| t == Tier::Name as u8)
        .map(|(i, _)| i as u32)
        .collect();
    Some(QueryMatch {
        tiers,
        doc_hit,
        name_rows,
        documents: docs.docs,
        complete: docs.complete,
    })
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Matching initiative rows, in the chosen order.
    pub results: Vec<usize>,
    /// Disjunctive counts per facet: (value, count), by count then value.
    pub counts: BTreeMap<Facet, Vec<(String, usize)>>,
}

/// Filters initiatives by query match and selection, sorts them and counts facet values.
///
/// Works per document, because every facet but the theme is a property of the document: a
/// document whose facets fail twice contributes nothing and its rows are never visited; rows
/// are only looked at for the query and the theme. Without a query or theme selection a
/// document's theme counts come precomputed (`Explorer::doc_theme_counts`).
pub fn apply(ex: &Explorer, sel: &Selection, qm: Option<&QueryMatch>, sort: Sort) -> Outcome {
    let theme = Facet::Theme as usize;
    let doc_facets: Vec<Facet> = Facet::ALL
        .into_iter()
        .filter(|&f| f != Facet::Theme)
        .collect();
    // Selected codes per facet (None: facet not filtered).
    let selected: Vec<Option<Vec<bool>>> = Facet::ALL
        .into_iter()
        .map(|f| {
            let s = sel.0.get(&f).filter(|s| !s.is_empty())?;
            Some(
                ex.facet_values[f as usize]
                    .iter()
                    .map(|v| s.contains(v))
                    .collect(),
            )
        })
        .collect();
    let theme_mask: Option<u32> = selected[theme].as_ref().map(|on| {
        on.iter()
            .enumerate()
            .filter(|(_, &b)| b)
            .fold(0, |m, (k, _)| m | (1 << k))
    });
    let n_themes = ex.themes().len();
    let mut counts: Vec<Vec<usize>> = ex.facet_values.iter().map(|v| vec![0; v.len()]).collect();
    let mut results = Vec::new();
    for (d, codes) in ex.doc_codes.iter().enumerate() {
        // The one doc facet that fails (if exactly one), or how many fail.
        let mut failing = None;
        let mut fails = 0;
        for &f in &doc_facets {
            if let Some(on) = &selected[f as usize] {
                if !on[codes[f as usize] as usize] {
                    fails += 1;
                    failing = Some(f);
                }
            }
        }
        if fails >= 2 {
            continue;
        }
        let range = ex.inits_of_doc(d);
        if range.is_empty() {
            continue;
        }
        // Rows passing the query and the theme: they count for the failing facet (or all).
        let mut passing = 0usize;
        if qm.is_none_or(|q| q.doc_hit[d]) && theme_mask.is_none() {
            passing = range.len();
            if fails == 0 {
                results.extend(range.clone());
                let tc = &ex.doc_theme_counts[d * n_themes..(d + 1) * n_themes];
                for (c, &n) in counts[theme].iter_mut().zip(tc) {
                    *c += n as usize;
                }
            }
        } else {
            for i in range {
                if qm.is_some_and(|q| q.tiers[i] == 0) {
                    continue;
                }
                let bits = ex.ix.init_themes[i];
                if theme_mask.is_none_or(|tm| bits & tm != 0) {
                    passing += 1;
                    if fails == 0 {
                        results.push(i);
                    }
                }
                if fails == 0 {
                    let mut b = bits;
                    while b != 0 {
                        counts[theme][b.trailing_zeros() as usize] += 1;
                        b &= b - 1;
                    }
                }
            }
        }
        if passing == 0 {
            continue;
        }
        for &f in &doc_facets {
            if fails == 0 || failing == Some(f) {
                counts[f as usize][codes[f as usize] as usize] += passing;
            }
        }
    }
    sort_results(ex, &mut results, qm, sort);
    let counts = Facet::ALL
        .into_iter()
        .map(|f| {
            let mut v: Vec<(String, usize)> = counts[f as usize]
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(k, &c)| (ex.facet_values[f as usize][k].clone(), c))
                .collect();
            // Selected values with zero count stay visible so they can be unselected.
            if let Some(sel) = sel.0.get(&f) {
                for s in sel {
                    if !v.iter().any(|(k, _)| k == s) {
                        v.push((s.clone(), 0));
                    }
                }
            }
            // Largest first; "not stated" always last so real values lead.
            v.sort_by(|a, b| {
                (a.0 == UNKNOWN)
                    .cmp(&(b.0 == UNKNOWN))
                    .then_with(|| b.1.cmp(&a.1))
                    .then_with(|| a.0.cmp(&b.0))
            });
            (f, v)
        })
        .collect();
    Outcome { results, counts }
}

/// Orders results without comparing strings: rows are already in document order, so a sort
/// by date or bureau is a walk over the documents in that order.
fn sort_results(ex: &Explorer, results: &mut Vec<usize>, qm: Option<&QueryMatch>, sort: Sort) {
    let by_docs = |order: &[u32], results: &mut Vec<usize>| {
        let mut first = vec![u32::MAX; ex.docs().len()];
        let mut last = vec![0u32; ex.docs().len()];
        for (k, &i) in results.iter().enumerate() {
            let d = ex.init_doc[i] as usize;
            if first[d] == u32::MAX {
                first[d] = k as u32;
            }
            last[d] = k as u32 + 1;
        }
        let mut out = Vec::with_capacity(results.len());
        for &d in order {
            let d = d as usize;
            if first[d] != u32::MAX {
                out.extend_from_slice(&results[first[d] as usize..last[d] as usize]);
            }
        }
        *results = out;
    };
    match sort {
        // Name matches first, then text matches; document order within each.
        Sort::Relevance => {
            let Some(q) = qm.filter(|q| !q.name_rows.is_empty()) else {
                return;
            };
            if q.name_rows.len() * 8 > results.len() {
                // Many name matches: one pass splitting by tier.
                let (mut names, body): (Vec<usize>, Vec<usize>) = results
                    .iter()
                    .partition(|&&i| q.tiers[i] == Tier::Name as u8);
                names.extend(body);
                *results = names;
            } else {
                // Few: both lists ascending, lift the name matches out in one merge, copying
                // the runs between them.
                let mut names = Vec::new();
                let mut body = Vec::with_capacity(results.len());
                let mut start = 0;
                for &n in &q.name_rows {
                    match results[start..].binary_search(&(n as usize)) {
                        Ok(k) => {
                            body.extend_from_slice(&results[start..start + k]);
                            names.push(n as usize);
                            start += k + 1;
                        }
                        Err(k) => {
                            body.extend_from_slice(&results[start..start + k]);
                            start += k;
                        }
                    }
                }
                body.extend_from_slice(&results[start..]);
                names.extend(body);
                *results = names;
            }
        }
        Sort::Date => by_docs(&ex.by_date, results),
        Sort::Bureau => by_docs(&ex.by_bureau, results),
    }
}

/// Documents that contain at least one of the given initiatives, in corpus order.
pub fn documents_of(ex: &Explorer, initiatives: &[usize]) -> Vec<usize> {
    let mut seen = vec![false; ex.docs().len()];
    for &i in initiatives {
        seen[ex.doc_of(i)] = true;
    }
    seen.iter()
        .enumerate()
        .filter(|(_, &s)| s)
        .map(|(d, _)| d)
        .collect()
}
