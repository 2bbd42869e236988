//! Chart data over the current result set: plain aggregation, drawn as SVG by `ui::charts`.

use crate::data::{Dataset, Facet, UNKNOWN};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// The facet value a click toggles.
    pub value: String,
    pub count: usize,
}

/// Initiatives per value of a facet, largest first (ties by value, unknown last).
pub fn per_facet(ds: &Dataset, results: &[usize], facet: Facet) -> Vec<Bar> {
    let f = facet as usize;
    let mut counts = vec![0usize; ds.facet_values[f].len()];
    for &i in results {
        if facet == Facet::Theme {
            let mut b = ds.ix.init_themes[i];
            while b != 0 {
                counts[b.trailing_zeros() as usize] += 1;
                b &= b - 1;
            }
        } else {
            counts[ds.doc_codes[ds.init_doc[i] as usize][f] as usize] += 1;
        }
    }
    let mut bars: Vec<Bar> = counts
        .into_iter()
        .enumerate()
        .filter(|(_, c)| *c > 0)
        .map(|(k, c)| Bar {
            value: ds.facet_values[f][k].to_string(),
            count: c,
        })
        .collect();
    bars.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (a.value == UNKNOWN).cmp(&(b.value == UNKNOWN)))
            .then_with(|| a.value.cmp(&b.value))
    });
    bars
}

/// Initiatives per theme, in taxonomy order, including themes with no initiative.
pub fn per_theme(ds: &Dataset, results: &[usize]) -> Vec<Bar> {
    let counts = per_facet(ds, results, Facet::Theme);
    ds.themes()
        .iter()
        .map(|t| Bar {
            value: t.id.clone(),
            count: counts
                .iter()
                .find(|b| b.value == t.id)
                .map_or(0, |b| b.count),
        })
        .collect()
}

/// A timeline bucket: `2021`, `2021-07`, or `?` for undated documents (never dropped).
#[derive(Debug, Clone, PartialEq)]
pub struct TimeBucket {
    pub key: String,
    /// The year facet value a click toggles.
    pub year: String,
    pub count: usize,
}

pub fn timeline(ds: &Dataset, results: &[usize], by_month: bool) -> Vec<TimeBucket> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut unknown = 0;
    // Count per document first: thousands of documents, not hundreds of thousands of rows.
    let mut per_doc = vec![0usize; ds.docs().len()];
    for &i in results {
        per_doc[ds.init_doc[i] as usize] += 1;
    }
    for (d, &n) in per_doc.iter().enumerate().filter(|(_, &n)| n > 0) {
        match ds.doc(d).date.as_deref() {
            Some(d) if d.len() >= 7 => {
                let key = if by_month { &d[..7] } else { &d[..4] };
                *counts.entry(key.to_string()).or_default() += n;
            }
            _ => unknown += n,
        }
    }
    // Fill gaps so time reads left to right without jumps.
    let mut out: Vec<TimeBucket> = Vec::new();
    if let (Some(first), Some(last)) = (
        counts.keys().next().cloned(),
        counts.keys().next_back().cloned(),
    ) {
        for key in range_keys(&first, &last, by_month) {
            let count = counts.get(&key).copied().unwrap_or(0);
            out.push(TimeBucket {
                year: key[..4].to_string(),
                key,
                count,
            });
        }
    }
    if unknown > 0 {
        out.push(TimeBucket {
            key: UNKNOWN.to_string(),
            year: UNKNOWN.to_string(),
            count: unknown,
        });
    }
    out
}

fn range_keys(first: &str, last: &str, by_month: bool) -> Vec<String> {
    let parse = |s: &str| -> (i32, u32) {
        let y = s.get(..4).and_then(|y| y.parse().ok()).unwrap_or(0);
        let m = s.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
        (y, m)
    };
    let (mut y, mut m) = parse(first);
    let (ly, lm) = parse(last);
    let mut out = Vec::new();
    // At most 50 years of buckets: a bogus date cannot blow up the chart.
    while (y, m) <= (ly, if by_month { lm } else { 1 }) && out.len() < 600 {
        if by_month {
            out.push(format!("{y:04}-{m:02}"));
            m += 1;
            if m > 12 {
                m = 1;
                y += 1;
            }
        } else {
            out.push(format!("{y:04}"));
            y += 1;
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    pub themes: Vec<String>,
    pub bureaus: Vec<String>,
    /// `cells[t][b]`.
    pub cells: Vec<Vec<usize>>,
    pub max: usize,
}

/// Theme × bureau counts; only themes and bureaus present in the results, bureaus by size.
pub fn theme_bureau(ds: &Dataset, results: &[usize], max_bureaus: usize) -> Matrix {
    let bureaus: Vec<String> = per_facet(ds, results, Facet::Bureau)
        .into_iter()
        .take(max_bureaus)
        .map(|b| b.value)
        .collect();
    let bf = Facet::Bureau as usize;
    // Bureau code → column.
    let mut column = vec![usize::MAX; ds.facet_values[bf].len()];
    for (k, b) in bureaus.iter().enumerate() {
        if let Some(code) = ds.facet_values[bf].iter().position(|v| **v == **b) {
            column[code] = k;
        }
    }
    let present = results.iter().fold(0u32, |m, &i| m | ds.ix.init_themes[i]);
    let theme_rows: Vec<usize> = (0..ds.themes().len())
        .filter(|k| present & (1 << k) != 0)
        .collect();
    let themes: Vec<String> = theme_rows
        .iter()
        .map(|&k| ds.themes()[k].id.clone())
        .collect();
    let mut cells = vec![vec![0; bureaus.len()]; themes.len()];
    for &i in results {
        let col = column[ds.doc_codes[ds.init_doc[i] as usize][bf] as usize];
        if col == usize::MAX {
            continue;
        }
        let bits = ds.ix.init_themes[i];
        for (r, &k) in theme_rows.iter().enumerate() {
            if bits & (1 << k) != 0 {
                cells[r][col] += 1;
            }
        }
    }
    let max = cells.iter().flatten().copied().max().unwrap_or(0);
    Matrix {
        themes,
        bureaus,
        cells,
        max,
    }
}

/// Every how many columns an axis label fits: labels of `chars` characters (about 7 px each
/// at the axis's 12 px, plus a gap) under columns `col` px wide never overlap.
pub fn label_step(col: f64, chars: usize) -> usize {
    let needed = chars as f64 * 7.2 + 6.0;
    if col <= 0.0 {
        return 1;
    }
    ((needed / col).ceil() as usize).max(1)
}

/// Bar lengths in 0..=width for counts, at least 2 px for non-zero values so they stay visible.
pub fn scale(count: usize, max: usize, width: f64) -> f64 {
    if max == 0 || count == 0 {
        0.0
    } else {
        (count as f64 / max as f64 * width).max(2.0)
    }
}

#[cfg(test)]
mod tests {
    use super::label_step;

    #[test]
    fn axis_labels_never_overlap() {
        for n in 1..200usize {
            let col = 580.0 / n as f64;
            let step = label_step(col, 7);
            // Two labels `step` columns apart are at least as far apart as one label is wide.
            assert!(step as f64 * col >= 7.0 * 7.2 + 6.0, "{n}");
            assert!(
                step == 1 || (step - 1) as f64 * col < 7.0 * 7.2 + 6.0,
                "{n}: not more than needed"
            );
        }
    }
}
