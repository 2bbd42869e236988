//! How an initiative spread: the bureaus that mention it, each with the date of its first
//! document that does. Undated mentions are kept apart and never placed on a guessed date.

use crate::data::Dataset;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    /// The bureau's name (`None`: the document names no bureau).
    pub bureau: Option<String>,
    /// Its first dated mention (`YYYY-MM-DD`), and that document.
    pub first: Option<(String, usize)>,
    /// Its documents that mention the initiative, dated or not.
    pub documents: usize,
}

/// The bureaus of canonical group `c`, dated ones by first date (then name), undated ones
/// (no dated mention at all) after them by name.
pub fn reach(ds: &Dataset, c: usize) -> Vec<Reach> {
    let mut by_bureau: BTreeMap<Option<String>, Reach> = BTreeMap::new();
    let mut seen_docs = std::collections::BTreeSet::new();
    for &i in &ds.canon_members[c] {
        let d = ds.doc_of(i as usize);
        let doc = ds.doc(d);
        let bureau = doc.bureau.as_ref().map(|b| b.name.clone());
        let r = by_bureau.entry(bureau.clone()).or_insert(Reach {
            bureau,
            first: None,
            documents: 0,
        });
        if seen_docs.insert(d) {
            r.documents += 1;
        }
        if let Some(date) = &doc.date {
            if r.first.as_ref().is_none_or(|(f, _)| date < f) {
                r.first = Some((date.clone(), d));
            }
        }
    }
    let mut v: Vec<Reach> = by_bureau.into_values().collect();
    v.sort_by(|a, b| match (&a.first, &b.first) {
        (Some(x), Some(y)) => x.0.cmp(&y.0).then_with(|| a.bureau.cmp(&b.bureau)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a
            .bureau
            .is_none()
            .cmp(&b.bureau.is_none())
            .then_with(|| a.bureau.cmp(&b.bureau)),
    });
    v
}

/// Canonical groups among the results that reached the most bureaus (named bureaus only),
/// at most `n`: (group, bureaus), most first, ties by key.
pub fn widest(ds: &Dataset, results: &[usize], n: usize) -> Vec<(usize, usize)> {
    let mut bureaus: BTreeMap<usize, std::collections::BTreeSet<&str>> = BTreeMap::new();
    for &i in results {
        if let Some((c, _)) = ds.canonical_of(i) {
            let set = bureaus.entry(c).or_default();
            if let Some(b) = &ds.doc_of_initiative(i).bureau {
                set.insert(b.name.as_str());
            }
        }
    }
    let mut v: Vec<(usize, usize)> = bureaus
        .into_iter()
        .map(|(c, s)| (c, s.len()))
        .filter(|&(_, k)| k >= 2)
        .collect();
    v.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| {
            ds.ix.meta.canonical[a.0]
                .key
                .cmp(&ds.ix.meta.canonical[b.0].key)
        })
    });
    v.truncate(n);
    v
}

/// Positions in 0..=1 of dates on one axis from the first to the last (for a timeline); a
/// single date sits in the middle.
pub fn positions(dates: &[&str]) -> Vec<f64> {
    let days: Vec<Option<i64>> = dates.iter().map(|d| day_number(d)).collect();
    let known: Vec<i64> = days.iter().flatten().copied().collect();
    let (lo, hi) = (
        known.iter().copied().min().unwrap_or(0),
        known.iter().copied().max().unwrap_or(0),
    );
    days.iter()
        .map(|d| match d {
            Some(x) if hi > lo => (x - lo) as f64 / (hi - lo) as f64,
            _ => 0.5,
        })
        .collect()
}

/// Days since 0000-03-01 of a `YYYY-MM-DD` date (a civil-calendar day count).
fn day_number(d: &str) -> Option<i64> {
    let y: i64 = d.get(0..4)?.parse().ok()?;
    let m: i64 = d.get(5..7)?.parse().ok()?;
    let day: i64 = d.get(8..10)?.parse().ok()?;
    let (y, m) = if m <= 2 { (y - 1, m + 12) } else { (y, m) };
    Some(365 * y + y / 4 - y / 100 + y / 400 + (153 * (m - 3) + 2) / 5 + day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_on_an_axis() {
        let p = positions(&["2020-01-01", "2021-01-01", "2020-07-02"]);
        assert_eq!(p[0], 0.0);
        assert_eq!(p[1], 1.0);
        assert!((p[2] - 0.5).abs() < 0.01, "{p:?}");
        assert_eq!(positions(&["2020-01-01"]), vec![0.5]);
    }
}
