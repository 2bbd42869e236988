//! Search over the pack against brute force over the corpus model's own texts.

use crate::{corpus, ds};
use proptest::prelude::*;
use tax_explorer::query::query_match;
use tax_explorer::query::search::{brute_force_docs, fold, search_docs, search_names};

/// Reference: documents whose title, headings or paragraphs contain the folded query, straight
/// from the corpus model (not from the pack's folded texts).
fn reference_docs(q: &str) -> Vec<u32> {
    let f = fold(q.trim());
    if f.is_empty() {
        return vec![];
    }
    corpus()
        .documents
        .iter()
        .enumerate()
        .filter(|(_, d)| {
            std::iter::once(&d.title)
                .chain(
                    d.sections
                        .iter()
                        .flat_map(|s| s.heading.iter().chain(&s.paragraphs)),
                )
                .any(|t| fold(t).contains(&f))
        })
        .map(|(k, _)| k as u32)
        .collect()
}

fn reference_names(q: &str) -> usize {
    let f = fold(q.trim());
    corpus()
        .initiatives
        .iter()
        .filter(|i| !f.is_empty() && fold(&i.name).contains(&f))
        .count()
}

/// Every text the corpus holds, to draw substrings from.
fn texts() -> Vec<String> {
    let mut t: Vec<String> = corpus()
        .initiatives
        .iter()
        .map(|i| i.name.clone())
        .collect();
    for d in &corpus().documents {
        t.push(d.title.clone());
        for s in &d.sections {
            t.extend(s.heading.clone());
            t.extend(s.paragraphs.iter().cloned());
        }
    }
    t
}

fn name_rows(q: &str) -> usize {
    search_names(ds(), q)
        .iter()
        .map(|&n| ds().name_members[n as usize].len())
        .sum()
}

#[test]
fn known_queries() {
    let e = ds();
    for q in ["办税厅", "纳税人学堂", "E站", "税", "服务"] {
        let m = search_docs(e, q);
        assert!(m.complete && !m.docs.is_empty(), "{q}");
        assert_eq!(m.docs, reference_docs(q), "{q}");
    }
    assert_eq!(search_docs(e, "辦稅服務廳"), search_docs(e, "办税服务厅"));
    assert!(search_docs(e, "完全不存在的词语").docs.is_empty());
    assert!(search_docs(e, "   ").docs.is_empty());
    assert!(name_rows("纳税人学堂") > 0);
}

#[test]
fn without_texts_long_queries_say_incomplete_instead_of_guessing() {
    let files: Vec<(String, Vec<u8>)> = crate::pack_files()
        .iter()
        .filter(|(n, _)| !n.starts_with("text-"))
        .cloned()
        .collect();
    let e = tax_explorer::data::Dataset::from_index(
        &files.iter().find(|(n, _)| n == "index.bin").unwrap().1,
    )
    .unwrap();
    let m = search_docs(&e, "纳税人");
    assert!(!m.complete, "no postings yet");
    e.set_search(
        corpus::pack::SearchPack::decode(&files.iter().find(|(n, _)| n == "search.bin").unwrap().1)
            .unwrap(),
    );
    // Two characters: answered by the postings alone.
    let two = search_docs(&e, "纳税");
    assert!(two.complete);
    assert_eq!(two.docs, reference_docs("纳税"));
    // Three: candidates need their texts, which are not loaded.
    let three = search_docs(&e, "纳税人");
    assert!(!three.complete && three.docs.is_empty());
    let qm = query_match(&e, "纳税人").unwrap();
    assert!(!qm.complete);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any substring of any text (1–6 characters) is found exactly where a brute-force scan of
    /// the corpus finds it, and nowhere else.
    #[test]
    fn index_equals_brute_force_on_substrings(pick in 0usize..100_000, start in 0usize..10_000, len in 1usize..7) {
        let all = texts();
        let t: Vec<char> = all[pick % all.len()].chars().collect();
        prop_assume!(!t.is_empty());
        let s = start % t.len();
        let q: String = t[s..(s + len).min(t.len())].iter().collect();
        let e = ds();
        let got = search_docs(e, &q);
        prop_assert!(got.complete);
        prop_assert_eq!(&got.docs, &reference_docs(&q));
        prop_assert_eq!(&got.docs, &brute_force_docs(e, &q));
        prop_assert_eq!(name_rows(&q), reference_names(&q));
        if !q.trim().is_empty() {
            prop_assert!(!got.docs.is_empty() || name_rows(&q) > 0, "substring {:?} not found", q);
        }
    }

    /// Random strings over the corpus alphabet: same answer as brute force (mostly empty).
    #[test]
    fn index_equals_brute_force_on_random(chars in proptest::collection::vec(0usize..5000, 1..5)) {
        let alphabet: Vec<char> = {
            let mut a: Vec<char> = texts().concat().chars().collect();
            a.sort_unstable();
            a.dedup();
            a
        };
        let q: String = chars.iter().map(|&i| alphabet[i % alphabet.len()]).collect();
        let e = ds();
        prop_assert_eq!(search_docs(e, &q).docs, reference_docs(&q));
        prop_assert_eq!(name_rows(&q), reference_names(&q));
    }
}
