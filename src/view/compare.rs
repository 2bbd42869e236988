//! Side by side: two to four bureaus (or provinces) in columns, their initiatives under the
//! current filter grouped by theme, with what they share (the same canonical initiative in
//! two columns or more) and what only one of them does.

use crate::data::{doc_value, Dataset, Facet};
use std::collections::BTreeMap;

/// Columns a comparison takes.
pub const MIN_COLUMNS: usize = 2;
pub const MAX_COLUMNS: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// The compared values (bureau names or province short names), in the order given.
    pub columns: Vec<String>,
    /// Per theme with at least one initiative: the theme's index and, per column, its
    /// initiatives (rows, in document order).
    pub themes: Vec<(usize, Vec<Vec<usize>>)>,
    /// Canonical groups (indices) found in two or more columns.
    pub shared: Vec<usize>,
    /// Per column, how many of its canonical groups no other column has.
    pub only: Vec<usize>,
}

impl Comparison {
    pub fn is_shared(&self, ds: &Dataset, i: usize) -> bool {
        ds.canonical_of(i)
            .is_some_and(|(c, _)| self.shared.binary_search(&c).is_ok())
    }
}

/// Compares the results of the current filter across `values` of `facet` (Bureau or
/// Province): an initiative goes to the column of its document's value.
pub fn compare(ds: &Dataset, results: &[usize], facet: Facet, values: &[String]) -> Comparison {
    let columns: Vec<String> = values.iter().take(MAX_COLUMNS).cloned().collect();
    let nt = ds.themes().len();
    let mut themes: Vec<Vec<Vec<usize>>> = vec![vec![Vec::new(); columns.len()]; nt];
    // Canonical group → bit set of the columns it occurs in.
    let mut canon_cols: BTreeMap<usize, u32> = BTreeMap::new();
    for &i in results {
        let v = doc_value(ds.doc_of_initiative(i), facet);
        let Some(col) = columns.iter().position(|c| *c == v) else {
            continue;
        };
        let bits = ds.ix.init_themes[i];
        for (t, per_theme) in themes.iter_mut().enumerate() {
            if bits & (1 << t) != 0 {
                per_theme[col].push(i);
            }
        }
        if let Some((c, _)) = ds.canonical_of(i) {
            *canon_cols.entry(c).or_default() |= 1 << col;
        }
    }
    let shared: Vec<usize> = canon_cols
        .iter()
        .filter(|(_, b)| b.count_ones() >= 2)
        .map(|(&c, _)| c)
        .collect();
    let only = (0..columns.len())
        .map(|col| canon_cols.values().filter(|&&b| b == 1 << col).count())
        .collect();
    Comparison {
        columns,
        themes: themes
            .into_iter()
            .enumerate()
            .filter(|(_, cols)| cols.iter().any(|c| !c.is_empty()))
            .collect(),
        shared,
        only,
    }
}
