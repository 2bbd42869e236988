use crate::{ds, ref_facets};
use tax_explorer::data::Facet;
use tax_explorer::query::{apply, query_match};
use tax_explorer::state::{Selection, Sort};

/// Reference: does initiative `i` pass the selection, ignoring facet `skip`?
fn passes(i: usize, sel: &Selection, skip: Option<Facet>) -> bool {
    sel.0
        .iter()
        .filter(|(f, _)| Some(**f) != skip)
        .all(|(f, vs)| ref_facets(i)[*f as usize].iter().any(|v| vs.contains(v)))
}

/// Reference count of facet `f`'s `value`: rows that `hit` and pass every other facet.
fn brute_count(sel: &Selection, f: Facet, value: &str, hit: impl Fn(usize) -> bool) -> usize {
    (0..ds().n_initiatives())
        .filter(|&i| {
            hit(i)
                && passes(i, sel, Some(f))
                && ref_facets(i)[f as usize].iter().any(|v| **v == *value)
        })
        .count()
}

fn selections() -> Vec<Selection> {
    let e = ds();
    let mut out = vec![Selection::default()];
    let mut s = Selection::default();
    s.toggle(Facet::Theme, "outreach");
    out.push(s.clone());
    s.toggle(Facet::Theme, "digital");
    out.push(s.clone());
    s.toggle(Facet::Kind, "speech");
    out.push(s.clone());
    let mut t = Selection::default();
    t.toggle(Facet::Province, "四川");
    t.toggle(Facet::Province, "贵州");
    t.toggle(Facet::Year, "?");
    out.push(t.clone());
    t.toggle(Facet::Theme, "service_hall");
    out.push(t);
    // Every single value of every facet.
    for f in Facet::ALL {
        for v in (0..e.n_initiatives())
            .flat_map(|i| ref_facets(i)[f as usize].clone())
            .collect::<std::collections::BTreeSet<_>>()
        {
            let mut s = Selection::default();
            s.toggle(f, &v);
            out.push(s);
        }
    }
    out
}

#[test]
fn or_within_and_across_matches_brute_force() {
    let e = ds();
    for sel in selections() {
        let got = apply(e, &sel, None, Sort::Relevance);
        let mut want: Vec<usize> = (0..e.n_initiatives())
            .filter(|&i| passes(i, &sel, None))
            .collect();
        let mut got_sorted = got.results.clone();
        got_sorted.sort();
        want.sort();
        assert_eq!(got_sorted, want, "{sel:?}");
    }
}

#[test]
fn or_within_a_facet_widens_and_across_narrows() {
    let e = ds();
    let count = |sel: &Selection| apply(e, sel, None, Sort::Relevance).results.len();
    let mut one = Selection::default();
    one.toggle(Facet::Theme, "outreach");
    let mut two = one.clone();
    two.toggle(Facet::Theme, "digital");
    assert!(count(&two) > count(&one), "OR within a facet adds results");
    let mut across = one.clone();
    across.toggle(Facet::Kind, "speech");
    assert!(
        count(&across) < count(&one),
        "AND across facets removes results"
    );
    assert!(count(&across) > 0);
}

#[test]
fn disjunctive_counts_ignore_own_facet() {
    let e = ds();
    for sel in selections() {
        let got = apply(e, &sel, None, Sort::Relevance);
        for f in Facet::ALL {
            let counts = &got.counts[&f];
            for (value, n) in counts {
                let want = brute_count(&sel, f, value, |_| true);
                assert_eq!(*n, want, "{f:?}={value} under {sel:?}");
            }
            // Every value that would give results is listed.
            let listed: usize = counts.iter().filter(|(_, n)| *n > 0).count();
            let distinct = (0..e.n_initiatives())
                .filter(|&i| passes(i, &sel, Some(f)))
                .flat_map(|i| ref_facets(i)[f as usize].clone())
                .collect::<std::collections::BTreeSet<_>>()
                .len();
            assert_eq!(listed, distinct, "{f:?} under {sel:?}");
        }
    }
}

/// Query and selection together, against brute force: results and every facet count. The
/// queries hit all five documents or only some, and meet a theme selection, a document facet,
/// and both.
#[test]
fn query_and_selection_match_brute_force() {
    let e = ds();
    let queries = ["纳税人", "服务", "学堂", "税银互动", "一次", "自助办税"];
    for q in queries {
        let qm = query_match(e, q).unwrap();
        let hit = |i: usize| qm.tier(i).is_some();
        assert!((0..e.n_initiatives()).any(hit), "{q} matches something");
        for sel in selections().into_iter().take(8) {
            let got = apply(e, &sel, Some(&qm), Sort::Relevance);
            let mut results = got.results.clone();
            results.sort_unstable();
            let want: Vec<usize> = (0..e.n_initiatives())
                .filter(|&i| hit(i) && passes(i, &sel, None))
                .collect();
            assert_eq!(results, want, "{q} under {sel:?}");
            for f in Facet::ALL {
                for (value, n) in &got.counts[&f] {
                    let want = brute_count(&sel, f, value, hit);
                    assert_eq!(*n, want, "{q}: {f:?}={value} under {sel:?}");
                }
            }
        }
    }
}

#[test]
fn query_narrows_and_ranks_name_matches_first() {
    let e = ds();
    let qm = query_match(e, "纳税人学堂").unwrap();
    let out = apply(e, &Selection::default(), Some(&qm), Sort::Relevance);
    assert!(!out.results.is_empty());
    let ordered: Vec<usize> = out.ordered().collect();
    let first = e.name(ordered[0]);
    assert!(first.contains("纳税人学堂"), "{first}");
    // The display order is a permutation of the results, and tiers never go back up along it.
    let mut sorted = ordered.clone();
    sorted.sort_unstable();
    let mut results = out.results.clone();
    results.sort_unstable();
    assert_eq!(sorted, results);
    let tiers: Vec<_> = ordered.iter().map(|&i| qm.tier(i).unwrap()).collect();
    assert!(tiers.windows(2).all(|w| w[0] <= w[1]), "{tiers:?}");
    assert!(tiers.contains(&tax_explorer::query::Tier::Passage));
    // Every result holds the query in its name or its own sentence (not merely somewhere in
    // its document), and every such initiative is a result.
    let c = crate::corpus();
    let want: Vec<usize> = (0..e.n_initiatives())
        .filter(|&i| {
            let x = &c.initiatives[i];
            x.name.contains("纳税人学堂") || x.summary.contains("纳税人学堂")
        })
        .collect();
    assert_eq!(results, want);
    let in_documents = (0..e.n_initiatives())
        .filter(|&i| qm.documents.contains(&(e.doc_of(i) as u32)))
        .count();
    assert!(
        results.len() < in_documents,
        "scoped to passages: {} of {in_documents}",
        results.len()
    );
}

#[test]
fn date_sort_puts_undated_last() {
    let e = ds();
    let out = apply(e, &Selection::default(), None, Sort::Date);
    let dates: Vec<Option<&str>> = out
        .results
        .iter()
        .map(|&i| e.doc_of_initiative(i).date.as_deref())
        .collect();
    let first_none = dates
        .iter()
        .position(Option::is_none)
        .unwrap_or(dates.len());
    assert!(dates[first_none..].iter().all(Option::is_none));
    assert!(dates[..first_none].windows(2).all(|w| w[0] >= w[1]));
}
