use crate::{corpus, ds, ref_facets};
use tax_explorer::data::Facet;
use tax_explorer::query::apply;
use tax_explorer::state::{Selection, Sort};
use tax_explorer::view::charts::{per_facet, per_theme, theme_bureau, timeline};

fn all() -> Vec<usize> {
    (0..ds().n_initiatives()).collect()
}

#[test]
fn per_theme_counts_each_theme_of_each_initiative() {
    let e = ds();
    let bars = per_theme(e, &all());
    assert_eq!(bars.len(), e.themes().len());
    for b in &bars {
        let want = corpus()
            .initiatives
            .iter()
            .filter(|i| i.themes.contains(&b.value))
            .count();
        assert_eq!(b.count, want, "{}", b.value);
        let t = e.themes().iter().find(|t| t.id == b.value).unwrap();
        assert_eq!(t.count, want, "corpus theme count agrees");
    }
}

#[test]
fn facet_bars_sum_to_results_for_single_valued_facets() {
    let e = ds();
    let mut sel = Selection::default();
    sel.toggle(Facet::Theme, "service_hall");
    let res = apply(e, &sel, None, Sort::Relevance).results;
    for f in [Facet::Province, Facet::Bureau, Facet::Year, Facet::Kind] {
        let bars = per_facet(e, &res, f);
        assert_eq!(
            bars.iter().map(|b| b.count).sum::<usize>(),
            res.len(),
            "{f:?}"
        );
        assert!(bars.windows(2).all(|w| w[0].count >= w[1].count));
    }
}

#[test]
fn timeline_keeps_undated() {
    let e = ds();
    let years = timeline(e, &all(), false);
    let total: usize = years.iter().map(|b| b.count).sum();
    assert_eq!(total, e.n_initiatives(), "no initiative dropped");
    let undated = (0..e.n_initiatives())
        .filter(|&i| e.doc_of_initiative(i).date.is_none())
        .count();
    assert!(undated > 0, "the seeds have undated speeches");
    assert_eq!(years.last().unwrap().key, "?");
    assert_eq!(years.last().unwrap().count, undated);
    let months = timeline(e, &all(), true);
    assert_eq!(months.iter().map(|b| b.count).sum::<usize>(), total);
    assert!(months.iter().any(|b| b.key == "2021-07"));
    // Gaps are filled: consecutive months.
    assert!(months.len() > 3);
}

#[test]
fn matrix_cells_match_counts() {
    let e = ds();
    let m = theme_bureau(e, &all(), 20);
    for (ti, t) in m.themes.iter().enumerate() {
        for (bi, b) in m.bureaus.iter().enumerate() {
            let want = (0..e.n_initiatives())
                .filter(|&i| {
                    let r = ref_facets(i);
                    r[Facet::Theme as usize].contains(t) && r[Facet::Bureau as usize].contains(b)
                })
                .count();
            assert_eq!(m.cells[ti][bi], want);
        }
    }
}

#[test]
fn figures_follow_the_filter() {
    let e = ds();
    let everything = tax_explorer::view::figures::of_results(e, &all());
    assert_eq!(everything.len(), corpus().metrics.len());
    let mut sel = Selection::default();
    sel.toggle(Facet::Theme, "credit_finance");
    let res = apply(e, &sel, None, Sort::Relevance).results;
    let some = tax_explorer::view::figures::of_results(e, &res);
    assert!(!some.is_empty() && some.len() < everything.len());
    assert!(some
        .iter()
        .all(|m| m.initiative.is_none_or(|i| res.contains(&i))));
}
