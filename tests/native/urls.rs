use proptest::prelude::*;
use tax_explorer::data::Facet;
use tax_explorer::state::Sort;
use tax_explorer::state::{Lang, UrlState, View};

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
    #![proptest_config(ProptestConfig::with_cases(2000))]

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

    /// Links made of the URL's own pieces (routes, keys, separators, broken escapes, huge
    /// values) and random characters: the parse never panics, its state is a fixed point of
    /// printing and parsing, and a link that is not its own canonical form reports a problem
    /// or parses to a state whose canonical form differs only by normalization.
    #[test]
    fn url_shaped_garbage_is_handled(pieces in proptest::collection::vec(piece(), 0..16)) {
        let h: String = pieces.concat();
        let (st, problems) = UrlState::from_hash(&h);
        let canonical = st.to_hash();
        let (again, again_problems) = UrlState::from_hash(&canonical);
        prop_assert!(again_problems.is_empty(), "{canonical}: {again_problems:?}");
        prop_assert_eq!(&again, &st);
        prop_assert!(st.query.chars().count() <= 200);
        for p in &problems {
            prop_assert!(!p.is_empty());
        }
    }
}

/// One piece of a URL-shaped link (the alphabet of the browser test of garbage links).
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        proptest::sample::select(vec![
            "#",
            "/",
            "?",
            "&",
            "=",
            "%",
            "%E4",
            "%ZZ",
            ",",
            "..",
            "doc",
            "charts",
            "initiative",
            "initiatives",
            "documents",
            "theme",
            "province",
            "bureau",
            "year",
            "q",
            "sort",
            "date",
            "lang",
            "en",
            "focus",
            "time",
            "month",
            "税",
            "\u{202e}",
            "<script>",
            "\"",
            "'",
            " ",
            "\\",
            "%00",
            "%FF%FE",
            "year=?",
            "+",
        ])
        .prop_map(str::to_string),
        "\\PC{1,4}",
        Just("x".repeat(300)),
    ]
}
