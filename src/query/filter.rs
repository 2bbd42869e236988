//! Faceted filtering with disjunctive counts.
//!
//! Values selected in one facet combine with OR, facets combine with AND, and each facet's
//! counts are computed as if its own selection were cleared, so a user can see how many
//! results another value of the same facet would add.

use super::matching::{count_in, ones_in, QueryMatch};
use crate::data::{Dataset, Facet, UNKNOWN};
use crate::state::{Selection, Sort};
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Matching initiative rows: in document order, or in date or bureau order when sorted so.
    pub results: Vec<usize>,
    /// Rows listed before the others (name matches under relevance order), ascending; each is
    /// also in `results`.
    pub first: Vec<usize>,
    /// Disjunctive counts per facet: (value, count), by count then value.
    pub counts: BTreeMap<Facet, Vec<(Rc<str>, usize)>>,
}

impl Outcome {
    /// The results in display order: `first`, then the rest of `results`.
    pub fn ordered(&self) -> impl Iterator<Item = usize> + '_ {
        let mut skip = self.first.iter().peekable();
        let rest = self.results.iter().copied().filter(move |&i| {
            while skip.peek().is_some_and(|&&f| f < i) {
                skip.next();
            }
            skip.peek() != Some(&&i)
        });
        self.first.iter().copied().chain(rest)
    }
}

/// Filters initiatives by query match and selection, sorts them and counts facet values.
///
/// Works per document, because every facet but the theme is a property of the document: a
/// document whose facets fail twice contributes nothing and its rows are never visited; rows
/// are only looked at for the query and the theme. Without a query or theme selection a
/// document's theme counts come precomputed (`Dataset::doc_theme_counts`).
pub fn apply(ds: &Dataset, sel: &Selection, qm: Option<&QueryMatch>, sort: Sort) -> Outcome {
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
                ds.facet_values[f as usize]
                    .iter()
                    .map(|v| s.contains(&**v))
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
    let mut counts: Vec<Vec<usize>> = ds.facet_values.iter().map(|v| vec![0; v.len()]).collect();
    let mut results = Vec::new();
    let mut doc_pass = vec![false; ds.docs().len()];
    for (d, codes) in ds.doc_codes.iter().enumerate() {
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
        doc_pass[d] = fails == 0;
        let range = ds.inits_of_doc(d);
        if range.is_empty() {
            continue;
        }
        // Rows passing the query and the theme: they count for the failing facet (or all).
        // With a query, only the document's matching rows are visited.
        let mut passing = 0usize;
        // A query that every row of the document matches (a common term) takes the
        // whole-document paths, with the precomputed theme counts.
        let whole_doc = qm.is_none_or(|q| count_in(&q.rows, range.clone()) == range.len());
        if whole_doc && theme_mask.is_none() {
            passing = range.len();
            if fails == 0 {
                results.extend(range.clone());
                add_doc_themes(&mut counts[theme], ds, d);
            }
        } else if let (true, Some(tm)) = (whole_doc, theme_mask) {
            // A theme selection over a whole document: only the mask test is per row. The
            // theme facet's own counts ignore its selection, so they are the document's
            // precomputed ones, as without a selection (a per-row tally of every theme bit
            // was most of a theme toggle's time).
            let bits = &ds.ix.init_themes[range.clone()];
            if fails == 0 {
                let before = results.len();
                results.extend(
                    bits.iter()
                        .enumerate()
                        .filter(|&(_, &b)| b & tm != 0)
                        .map(|(k, _)| range.start + k),
                );
                passing = results.len() - before;
                add_doc_themes(&mut counts[theme], ds, d);
            } else {
                passing = bits.iter().filter(|&&b| b & tm != 0).count();
            }
        } else {
            let mut visit = |i: usize| {
                let bits = ds.ix.init_themes[i];
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
            };
            match qm {
                Some(q) => ones_in(&q.rows, range.clone()).for_each(&mut visit),
                None => range.clone().for_each(&mut visit),
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
    let first = match (sort, qm) {
        (Sort::Relevance, Some(q)) if !q.name_rows.is_empty() => {
            // Name matches that passed the filters: both lists ascending.
            // A name match is a result when its document passes every document facet and its
            // themes pass: checked per name match, without walking the results.
            q.name_rows
                .iter()
                .map(|&n| n as usize)
                .filter(|&n| {
                    doc_pass[ds.init_doc[n] as usize]
                        && theme_mask.is_none_or(|tm| ds.ix.init_themes[n] & tm != 0)
                })
                .collect()
        }
        _ => Vec::new(),
    };
    sort_results(ds, &mut results, sort);
    let counts = Facet::ALL
        .into_iter()
        .map(|f| {
            let table = &ds.facet_values[f as usize];
            let unknown = table.iter().position(|v| &**v == UNKNOWN);
            let mut codes: Vec<(usize, usize)> = counts[f as usize]
                .iter()
                .enumerate()
                .filter(|(_, &c)| c > 0)
                .map(|(k, &c)| (k, c))
                .collect();
            // Largest first; "not stated" always last so real values lead; ties by value,
            // which for the sorted tables is the code (thousands of bureaus: no string
            // comparisons, no copies).
            codes.sort_unstable_by(|a, b| {
                (Some(a.0) == unknown)
                    .cmp(&(Some(b.0) == unknown))
                    .then_with(|| b.1.cmp(&a.1))
                    .then_with(|| match f {
                        Facet::Theme => table[a.0].cmp(&table[b.0]),
                        _ => a.0.cmp(&b.0),
                    })
            });
            let mut v: Vec<(Rc<str>, usize)> = codes
                .into_iter()
                .map(|(k, c)| (table[k].clone(), c))
                .collect();
            // Selected values with zero count stay visible so they can be unselected (rare:
            // only then the list is sorted again, by the same order on the strings).
            let listed = v.len();
            if let Some(sel) = sel.0.get(&f) {
                for s in sel {
                    if !v.iter().any(|(k, _)| **k == **s) {
                        v.push((Rc::from(s.as_str()), 0));
                    }
                }
            }
            if v.len() > listed {
                v.sort_by(|a, b| {
                    (&*a.0 == UNKNOWN)
                        .cmp(&(&*b.0 == UNKNOWN))
                        .then_with(|| b.1.cmp(&a.1))
                        .then_with(|| a.0.cmp(&b.0))
                });
            }
            (f, v)
        })
        .collect();
    Outcome {
        results,
        first,
        counts,
    }
}

/// Adds document `d`'s precomputed theme counts (every row, whatever the theme selection).
fn add_doc_themes(counts: &mut [usize], ds: &Dataset, d: usize) {
    let n = counts.len();
    for (c, &k) in counts
        .iter_mut()
        .zip(&ds.doc_theme_counts[d * n..(d + 1) * n])
    {
        *c += k as usize;
    }
}

/// Orders results by date or bureau without comparing strings: rows are in document order,
/// so the sort is a walk over the documents in that order. Relevance keeps document order
/// (name matches are lifted to the front by [`Outcome::ordered`]).
fn sort_results(ds: &Dataset, results: &mut Vec<usize>, sort: Sort) {
    let order = match sort {
        Sort::Relevance => return,
        Sort::Date => &ds.by_date,
        Sort::Bureau => &ds.by_bureau,
    };
    let mut first = vec![u32::MAX; ds.docs().len()];
    let mut last = vec![0u32; ds.docs().len()];
    for (k, &i) in results.iter().enumerate() {
        let d = ds.init_doc[i] as usize;
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
}

/// Documents that contain at least one of the given initiatives, in corpus order.
pub fn documents_of(ds: &Dataset, initiatives: &[usize]) -> Vec<usize> {
    let mut seen = vec![false; ds.docs().len()];
    for &i in initiatives {
        seen[ds.doc_of(i)] = true;
    }
    seen.iter()
        .enumerate()
        .filter(|(_, &s)| s)
        .map(|(d, _)| d)
        .collect()
}

/// The documents of the current filter: without a query, every document (also those with no
/// initiative) or, under a selection, those of the matching initiatives; with one, the
/// documents whose whole text satisfies it, among those the selection leaves. Ascending.
pub fn documents_in_filter(ds: &Dataset, sel: &Selection, qm: Option<&QueryMatch>) -> Vec<usize> {
    let by_selection =
        (!sel.is_empty()).then(|| documents_of(ds, &apply(ds, sel, None, Sort::Relevance).results));
    match (qm, by_selection) {
        (Some(m), keep) => m
            .documents
            .iter()
            .map(|&d| d as usize)
            .filter(|d| keep.as_ref().is_none_or(|k| k.binary_search(d).is_ok()))
            .collect(),
        (None, Some(docs)) => docs,
        (None, None) => (0..ds.docs().len()).collect(),
    }
}
