//! Faceted filtering with disjunctive counts.
//!
//! Values selected in one facet combine with OR, facets combine with AND, and each facet's
//! counts are computed as if its own selection were cleared, so a user can see how many
//! results another value of the same facet would add.

use crate::data::Explorer;
use crate::search::{Hit, Owner};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// How an initiative matched the query: 0 name, 1 summary, 2 its document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Name = 0,
    Summary = 1,
    Body = 2,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct QueryMatch {
    /// Initiative index → best tier and number of occurrences.
    pub initiatives: HashMap<usize, (Tier, usize)>,
    /// Document index → number of occurrences in its text.
    pub documents: HashMap<usize, usize>,
}

/// Resolves a query into matching initiatives (name, summary, or document text) and documents.
pub fn query_match(ex: &Explorer, query: &str) -> Option<QueryMatch> {
    if query.trim().is_empty() {
        return None;
    }
    let hits: Vec<Hit> = ex.search.search(query);
    let mut m = QueryMatch::default();
    let mut bump = |i: usize, tier: Tier, n: usize| {
        let e = m.initiatives.entry(i).or_insert((tier, 0));
        e.0 = e.0.min(tier);
        e.1 += n;
    };
    for h in &hits {
        match h.owner {
            Owner::Name(i) => bump(i as usize, Tier::Name, h.starts.len()),
            Owner::Summary(i) => bump(i as usize, Tier::Summary, h.starts.len()),
            Owner::Body { doc, .. } => {
                *m.documents.entry(doc as usize).or_default() += h.starts.len()
            }
        }
    }
    for (i, &d) in ex.doc_of.iter().enumerate() {
        if let Some(&n) = m.documents.get(&d) {
            let e = m.initiatives.entry(i).or_insert((Tier::Body, 0));
            if e.0 == Tier::Body {
                e.1 = e.1.max(n);
            }
        }
    }
    Some(m)
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// Matching initiative indices, sorted.
    pub results: Vec<usize>,
    /// Disjunctive counts per facet: (value, count), by count then value.
    pub counts: BTreeMap<Facet, Vec<(String, usize)>>,
}

/// Filters initiatives by query match and selection, sorts them and counts facet values.
pub fn apply(ex: &Explorer, sel: &Selection, qm: Option<&QueryMatch>, sort: Sort) -> Outcome {
    let n = ex.corpus.initiatives.len();
    let all_bits: u32 = (1 << Facet::COUNT) - 1;
    let mut counts: Vec<HashMap<&str, usize>> = vec![HashMap::new(); Facet::COUNT];
    let mut results = Vec::new();
    for i in 0..n {
        if let Some(q) = qm {
            if !q.initiatives.contains_key(&i) {
                continue;
            }
        }
        let values = &ex.facets[i];
        let mut mask = 0u32;
        for f in Facet::ALL {
            let pass = match sel.0.get(&f) {
                Some(s) if !s.is_empty() => values[f as usize].iter().any(|v| s.contains(v)),
                _ => true,
            };
            if pass {
                mask |= 1 << f as u32;
            }
        }
        if mask == all_bits {
            results.push(i);
        }
        for f in Facet::ALL {
            let others = all_bits & !(1 << f as u32);
            if mask & others == others {
                for v in &values[f as usize] {
                    *counts[f as usize].entry(v.as_str()).or_default() += 1;
                }
            }
        }
    }
    sort_results(ex, &mut results, qm, sort);
    let counts = Facet::ALL
        .into_iter()
        .map(|f| {
            let mut v: Vec<(String, usize)> = counts[f as usize]
                .iter()
                .map(|(k, c)| (k.to_string(), *c))
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

fn sort_results(ex: &Explorer, results: &mut [usize], qm: Option<&QueryMatch>, sort: Sort) {
    let date = |i: usize| ex.doc_of_initiative(i).date.clone();
    match sort {
        Sort::Relevance => results.sort_by_key(|&i| {
            let (tier, n) = qm
                .and_then(|q| q.initiatives.get(&i).copied())
                .unwrap_or((Tier::Body, 0));
            (tier, std::cmp::Reverse(n), ex.doc_of[i], i)
        }),
        // Newest first; undated last.
        Sort::Date => results.sort_by(|&a, &b| match (date(a), date(b)) {
            (Some(x), Some(y)) => y.cmp(&x).then(a.cmp(&b)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.cmp(&b),
        }),
        Sort::Bureau => results.sort_by_key(|&i| {
            let b = ex
                .doc_of_initiative(i)
                .bureau
                .as_ref()
                .map(|b| b.name.clone());
            (b.is_none(), b, i)
        }),
    }
}

/// Documents that contain at least one of the given initiatives, in corpus order.
pub fn documents_of(ex: &Explorer, initiatives: &[usize]) -> Vec<usize> {
    let set: BTreeSet<usize> = initiatives.iter().map(|&i| ex.doc_of[i]).collect();
    set.into_iter().collect()
}
