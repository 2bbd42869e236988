use proptest::prelude::*;
use tax_explorer::filter::{Facet, Sort};
use tax_explorer::url::{Lang, UrlState, View};

fn view() -> impl Strategy<Value = View> {
    prop_oneof![
        Just(View::Initiatives),
        Just(View::Documents),
        Just(View::Charts),
        ("\\PC{1,12}", proptest::option::of("\\PC{1,12}"))
            .prop_map(|(doc, focus)| View::Reader { doc, focus }),
        "\\PC{1,12}".prop_map(|key| View::Canonical { key }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_state_round_trips(
        v in view(),
        q in "\\PC{0,20}",
        facets in proptest::collection::vec((0usize..7, "\\PC{1,10}"), 0..6),
        sort in 0usize..3,
        en in any::<bool>(),
        by_month in any::<bool>(),
    ) {
        let mut st = UrlState {
            view: v,
            query: q.chars().take(200).collect(),
            sort: [Sort::Relevance, Sort::Date, Sort::Bureau][sort],
            lang: if en { Lang::En } else { Lang::Zh },
            by_month,
            ..Default::default()
        };
        for (f, val) in facets {
            if !st.selection.is_selected(Facet::ALL[f], &val) {
                st.selection.toggle(Facet::ALL[f], &val);
            }
        }
        let (back, problems) = UrlState::from_hash(&st.to_hash());
        prop_assert!(problems.is_empty());
        prop_assert_eq!(back, st);
    }

    /// Garbage never panics and always yields a state that serializes.
    #[test]
    fn garbage_hashes_parse(h in "\\PC{0,80}") {
        let (st, _) = UrlState::from_hash(&h);
        let again = UrlState::from_hash(&st.to_hash());
        prop_assert_eq!(again.0, st);
    }
}
