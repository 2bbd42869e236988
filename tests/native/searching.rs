use crate::ex;
use proptest::prelude::*;
use tax_explorer::search::Hit;

fn sorted(mut v: Vec<Hit>) -> Vec<Hit> {
    v.sort_by_key(|h| h.owner);
    v
}

/// Every text the index holds, to draw substrings from.
fn texts() -> Vec<String> {
    let e = ex();
    let mut t: Vec<String> = e
        .corpus
        .initiatives
        .iter()
        .flat_map(|i| [i.name.clone(), i.summary.clone()])
        .collect();
    for d in &e.corpus.documents {
        t.push(d.title.clone());
        for s in &d.sections {
            t.extend(s.heading.clone());
            t.extend(s.paragraphs.iter().cloned());
        }
    }
    t
}

#[test]
fn known_queries() {
    let e = ex();
    assert!(!e.search.search("办税厅").is_empty());
    assert!(!e.search.search("纳税人学堂").is_empty());
    assert!(
        !e.search.search("E站").is_empty(),
        "fullwidth Ｅ folded in the corpus"
    );
    assert_eq!(
        sorted(e.search.search("辦稅服務廳")),
        sorted(e.search.search("办税服务厅"))
    );
    assert!(e.search.search("完全不存在的词语").is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any substring of any indexed text (1–6 characters) is found exactly where a
    /// brute-force scan finds it, and nowhere else.
    #[test]
    fn index_equals_brute_force_on_substrings(pick in 0usize..100_000, start in 0usize..10_000, len in 1usize..7) {
        let all = texts();
        let t: Vec<char> = all[pick % all.len()].chars().collect();
        prop_assume!(!t.is_empty());
        let s = start % t.len();
        let q: String = t[s..(s + len).min(t.len())].iter().collect();
        let e = ex();
        prop_assert_eq!(sorted(e.search.search(&q)), sorted(e.search.brute_force(&q)));
        if !q.trim().is_empty() {
            prop_assert!(!e.search.search(&q).is_empty(), "substring {:?} not found", q);
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
        let e = ex();
        prop_assert_eq!(sorted(e.search.search(&q)), sorted(e.search.brute_force(&q)));
    }
}
