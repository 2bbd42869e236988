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
    let docs = search_docs(ex, query);
    for &d in &docs.docs {
        for i in ex.inits_of_doc(d as usize) {
            tiers[i] = Tier::Body as u8;
        }
    }
    for n in search_names(ex, query) {
        for &i in &ex.name_members[n as usize] {
            tiers[i as usize] = Tier::Name as u8;
        }
    }
    Some(QueryMatch {
        tiers,
        documents: docs.docs,
        complete: docs.complete,
    })
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Matching initiative rows, in the chosen order.
    pub results: Vec<usize>,
    /// Disjunctive counts per facet: (value, count), by count then value.
    pub counts: BTreeMap<Facet, Vec<(String, usize)>>,
}

/// Filters initiatives by query match and selection, sorts them and counts facet values.
///
/// One pass over the initiative rows with integer codes: per document, which of its facets
/// pass; per initiative, whether its themes pass; then each facet's counts take the rows that
/// pass every other facet.
pub fn apply(ex: &Explorer, sel: &Selection, qm: Option<&QueryMatch>, sort: Sort) -> Outcome {
    let all_bits: u32 = (1 << Facet::COUNT) - 1;
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
    let theme_mask: Option<u32> = selected[Facet::Theme as usize].as_ref().map(|on| {
        on.iter()
            .enumerate()
            .filter(|(_, &b)| b)
            .fold(0, |m, (k, _)| m | (1 << k))
    });
    let doc_mask: Vec<u32> = ex
        .doc_codes
        .iter()
        .map(|codes| {
            let mut mask = 1 << Facet::Theme as u32;
            for f in Facet::ALL.into_iter().filter(|&f| f != Facet::Theme) {
                let pass = match &selected[f as usize] {
                    Some(on) => on[codes[f as usize] as usize],
                    None => true,
                };
                if pass {
                    mask |= 1 << f as u32;
                }
            }
            mask
        })
        .collect();
    let mut counts: Vec<Vec<usize>> = ex.facet_values.iter().map(|v| vec![0; v.len()]).collect();
    let mut results = Vec::new();
    for i in 0..ex.n_initiatives() {
        if let Some(q) = qm {
            if q.tiers[i] == 0 {
                continue;
            }
        }
        let d = ex.init_doc[i] as usize;
        let themes = ex.ix.init_themes[i];
        let mut mask = doc_mask[d];
        if let Some(tm) = theme_mask {
            if themes & tm == 0 {
                mask &= !(1 << Facet::Theme as u32);
            }
        }
        if mask == all_bits {
            results.push(i);
        }
        if mask.count_ones() + 1 < Facet::COUNT as u32 {
            continue; // fails two facets: counts for none
        }
        for f in Facet::ALL {
            let others = all_bits & !(1 << f as u32);
            if mask & others != others {
                continue;
            }
            if f == Facet::Theme {
                let mut b = themes;
                while b != 0 {
                    counts[0][b.trailing_zeros() as usize] += 1;
                    b &= b - 1;
                }
            } else {
                counts[f as usize][ex.doc_codes[d][f as usize] as usize] += 1;
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
            if let Some(q) = qm {
                let (mut names, body): (Vec<usize>, Vec<usize>) = results
                    .iter()
                    .partition(|&&i| q.tiers[i] == Tier::Name as u8);
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
