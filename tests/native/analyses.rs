//! The analyses behind the compare, spread, figures and keyword-in-context views, against
//! brute force over the seed corpus model.

use crate::{corpus, ds};
use std::collections::{BTreeMap, BTreeSet};
use tax_explorer::data::Facet;
use tax_explorer::query::parse::parse;
use tax_explorer::query::search::fold;
use tax_explorer::query::{apply, query_match};
use tax_explorer::state::{KwicOrder, Selection, Sort};
use tax_explorer::view::{compare, figures, kwic, spread};

fn bureaus() -> Vec<String> {
    let set: BTreeSet<String> = corpus()
        .documents
        .iter()
        .filter_map(|d| d.bureau.as_ref().map(|b| b.name.clone()))
        .collect();
    set.into_iter().collect()
}

#[test]
fn compare_puts_each_initiative_in_its_bureaus_column_under_each_theme() {
    let e = ds();
    let bs = bureaus();
    assert!(bs.len() >= 2);
    let pick: Vec<String> = bs.iter().take(3).cloned().collect();
    let mut sel = Selection::default();
    for b in &pick {
        sel.toggle(Facet::Bureau, b);
    }
    let results = apply(e, &sel, None, Sort::Relevance).results;
    let cmp = compare::compare(e, &results, Facet::Bureau, &pick);
    assert_eq!(cmp.columns, pick);
    let c = corpus();
    // Brute force: per theme and column, the initiatives of that bureau carrying that theme.
    for (t, cols) in &cmp.themes {
        let theme = &e.themes()[*t].id;
        for (k, col) in cols.iter().enumerate() {
            let want: Vec<usize> = (0..c.initiatives.len())
                .filter(|&i| {
                    let init = &c.initiatives[i];
                    let d = c.documents.iter().find(|d| d.id == init.doc_id).unwrap();
                    d.bureau.as_ref().is_some_and(|b| b.name == pick[k])
                        && init.themes.contains(theme)
                })
                .collect();
            assert_eq!(col, &want, "{theme} / {}", pick[k]);
        }
    }
    // Shared: canonical keys in two columns or more; only: in exactly one.
    let mut cols_of: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for &i in &results {
        let init = &c.initiatives[i];
        let d = c.documents.iter().find(|d| d.id == init.doc_id).unwrap();
        let b = d.bureau.as_ref().unwrap().name.as_str();
        cols_of
            .entry(init.canonical.as_str())
            .or_default()
            .insert(pick.iter().position(|p| p == b).unwrap());
    }
    let shared: BTreeSet<&str> = cols_of
        .iter()
        .filter(|(_, s)| s.len() >= 2)
        .map(|(k, _)| *k)
        .collect();
    let got: BTreeSet<&str> = cmp
        .shared
        .iter()
        .map(|&g| e.ix.meta.canonical[g].key.as_str())
        .collect();
    assert_eq!(got, shared);
    for (k, &n) in cmp.only.iter().enumerate() {
        let want = cols_of
            .values()
            .filter(|s| s.len() == 1 && s.contains(&k))
            .count();
        assert_eq!(n, want, "only in column {k}");
    }
}

#[test]
fn spread_lists_every_bureau_once_with_its_first_dated_mention() {
    let e = ds();
    let c = corpus();
    for (g, canon) in c.canonical.iter().enumerate() {
        let got = spread::reach(e, e.canonical(&canon.key).unwrap().0);
        let mut want: BTreeMap<Option<String>, Option<String>> = BTreeMap::new();
        for id in &canon.doc_ids {
            let d = c.documents.iter().find(|d| &d.id == id).unwrap();
            let slot = want
                .entry(d.bureau.as_ref().map(|b| b.name.clone()))
                .or_default();
            if let Some(date) = &d.date {
                if slot.as_ref().is_none_or(|f| date < f) {
                    *slot = Some(date.clone());
                }
            }
        }
        assert_eq!(got.len(), want.len(), "group {g} {}", canon.key);
        for r in &got {
            assert_eq!(
                r.first.as_ref().map(|f| &f.0),
                want[&r.bureau].as_ref(),
                "{}",
                canon.key
            );
        }
        // Dated first, ascending; undated after.
        let firsts: Vec<Option<&String>> =
            got.iter().map(|r| r.first.as_ref().map(|f| &f.0)).collect();
        let dated: Vec<&String> = firsts.iter().flatten().copied().collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{firsts:?}");
        assert!(
            firsts
                .iter()
                .skip_while(|f| f.is_some())
                .all(|f| f.is_none()),
            "{firsts:?}"
        );
    }
    let all = apply(e, &Selection::default(), None, Sort::Relevance).results;
    for (g, n) in spread::widest(e, &all, 10) {
        assert!(n >= 2);
        let named = spread::reach(e, g)
            .iter()
            .filter(|r| r.bureau.is_some())
            .count();
        assert_eq!(n, named);
    }
}

#[test]
fn figures_group_by_kind_and_unit_and_never_mix() {
    let e = ds();
    let all = apply(e, &Selection::default(), None, Sort::Relevance).results;
    let figs = figures::of_results(e, &all);
    assert!(!figs.is_empty());
    let groups = figures::groups(&figs);
    assert_eq!(
        groups.iter().map(|g| g.1).sum::<usize>(),
        figs.len(),
        "a partition"
    );
    for (g, n) in &groups {
        let members = figures::in_group(&figs, g, figures::Sort::ValueDesc);
        assert_eq!(members.len(), *n);
        for m in &members {
            assert_eq!(m.category, g.category);
            assert_eq!(m.normalized.map_or(m.unit, |x| x.1), g.unit);
        }
        assert!(members
            .windows(2)
            .all(|w| w[0].comparable() >= w[1].comparable()));
        assert_eq!(figures::Group::from_key(&g.key()).as_ref(), Some(g));
    }
    // Counts of different units are different groups.
    let count_units: BTreeSet<&str> = figs
        .iter()
        .filter(|m| m.category == corpus::model::MetricCategory::Count)
        .map(|m| m.normalized.map_or(m.unit, |x| x.1))
        .collect();
    let count_groups = groups
        .iter()
        .filter(|(g, _)| g.category == corpus::model::MetricCategory::Count)
        .count();
    assert_eq!(count_groups, count_units.len());
}

#[test]
fn kwic_lists_every_occurrence_with_its_context() {
    let e = ds();
    for q in ["纳税人", "办税 | 服务厅", "学堂 -不存在"] {
        let m = query_match(e, q).unwrap();
        let docs: Vec<usize> = m.documents.iter().map(|&d| d as usize).collect();
        let (lines, total) = kwic::lines(e, &m.query, &docs, usize::MAX);
        assert_eq!(lines.len(), total);
        // Brute force: non-overlapping occurrences of each sought term in each folded text.
        let terms = parse(q);
        let mut want = 0;
        let loaded = e.loaded.borrow();
        for &d in &docs {
            let t = loaded.texts[d].as_deref().unwrap();
            for term in terms.positive_terms() {
                want += t.matches(term).count();
            }
        }
        drop(loaded);
        assert_eq!(total, want, "{q}");
        for l in &lines {
            assert!(
                terms.positive_terms().contains(&l.keyword.as_str()),
                "{q}: {}",
                l.keyword
            );
            let (left, key, right) = kwic::original(e, l).expect("seed details are loaded");
            assert_eq!(fold(&key), l.keyword);
            assert_eq!(fold(&left).replace('\n', " ⏎ "), l.left, "{q}");
            assert_eq!(fold(&right).replace('\n', " ⏎ "), l.right, "{q}");
        }
        // Hits are numbered per document in text order.
        let mut per_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for l in &lines {
            per_doc.entry(l.doc).or_default().push(l.hit);
        }
        for hits in per_doc.values() {
            assert_eq!(*hits, (0..hits.len()).collect::<Vec<_>>());
        }
        let mut sorted = lines.clone();
        kwic::sort(e, &mut sorted, KwicOrder::Right);
        assert!(sorted.windows(2).all(|w| w[0].right <= w[1].right));
        let csv = kwic::csv(e, &sorted, q, "2026-12-04");
        assert_eq!(csv.lines().count(), lines.len() + 1);
    }
}
