//! The query language against brute force: random queries (AND, `|`, `-`, quoted phrases)
//! over terms cut from the seed texts, evaluated on the corpus model's own names, sentences
//! and texts, must give exactly the initiatives and documents the app's matcher gives.

use crate::{corpus, ds};
use proptest::prelude::*;
use tax_explorer::query::matching::{brute_force_documents, brute_force_rows};
use tax_explorer::query::parse::parse;
use tax_explorer::query::query_match;
use tax_explorer::query::search::fold;

/// Terms to build queries from: substrings of names and sentences, and a few that occur
/// nowhere.
fn vocabulary() -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for i in &corpus().initiatives {
        let name: Vec<char> = i.name.chars().collect();
        v.push(name.iter().take(2).collect());
        v.push(i.name.clone());
        let s: Vec<char> = i.summary.chars().collect();
        if s.len() > 8 {
            v.push(s[3..6].iter().collect());
            v.push(s[s.len() - 5..s.len() - 1].iter().collect());
        }
    }
    v.extend([
        "不存在的词".to_string(),
        "税".into(),
        "纳税人".into(),
        "办税 大厅".into(),
    ]);
    v.retain(|t| !t.trim().is_empty() && !t.contains(['"', '“', '”', '|', '｜']));
    v.sort();
    v.dedup();
    v
}

/// The model's reference: initiatives whose name or summary holds each term as the query
/// says, folded like the app folds.
fn reference_rows(q: &str) -> Vec<usize> {
    let p = parse(q);
    corpus()
        .initiatives
        .iter()
        .enumerate()
        .filter(|(_, i)| {
            let (name, summary) = (fold(&i.name), fold(&i.summary));
            let hit: Vec<bool> = p
                .terms
                .iter()
                .map(|t| name.contains(t.as_str()) || summary.contains(t.as_str()))
                .collect();
            !p.is_empty() && p.eval(&hit)
        })
        .map(|(k, _)| k)
        .collect()
}

fn written(term: &str, quoted: bool) -> String {
    if quoted || term.contains(char::is_whitespace) {
        format!("“{term}”")
    } else {
        term.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn matcher_equals_brute_force(
        picks in proptest::collection::vec((0usize..100_000, 0u8..4, any::<bool>()), 1..5)
    ) {
        let vocab = vocabulary();
        let mut q = String::new();
        for (k, (pick, op, quoted)) in picks.iter().enumerate() {
            let term = written(&vocab[pick % vocab.len()], *quoted);
            if k > 0 {
                q.push_str(if *op == 1 { " | " } else { " " });
            }
            if *op == 2 {
                q.push('-');
            }
            q.push_str(&term);
        }
        let e = ds();
        let Some(m) = query_match(e, &q) else {
            prop_assert!(parse(&q).is_empty());
            return Ok(());
        };
        prop_assert!(m.complete);
        let rows: Vec<usize> = (0..e.n_initiatives()).filter(|&i| m.matches(i)).collect();
        prop_assert_eq!(&rows, &reference_rows(&q), "{}", q);
        prop_assert_eq!(&rows, &brute_force_rows(e, &q), "{}", q);
        let docs: Vec<usize> = m.documents.iter().map(|&d| d as usize).collect();
        prop_assert_eq!(&docs, &brute_force_documents(e, &q), "{}", q);
        // Ranked first: exactly the matches whose name holds a sought term.
        let terms = parse(&q);
        let sought = terms.positive_terms();
        for &i in &rows {
            let name = fold(e.name(i));
            let by_name = sought.iter().any(|t| name.contains(*t));
            prop_assert_eq!(m.name_rows.binary_search(&(i as u32)).is_ok(), by_name, "{} row {}", q, i);
        }
    }
}

#[test]
fn combined_terms_find_what_one_phrase_cannot() {
    let e = ds();
    // 办税 and 大厅 both in one sentence, not adjacent: the AND finds it, the phrase not.
    let and = query_match(e, "办税 大厅").unwrap();
    let phrase = query_match(e, "“办税 大厅”").unwrap();
    assert!((0..e.n_initiatives()).any(|i| and.matches(i)));
    assert!(!(0..e.n_initiatives()).any(|i| phrase.matches(i)));
    let either = query_match(e, "纳税人学堂 | 税银互动").unwrap();
    let a = query_match(e, "纳税人学堂").unwrap();
    let b = query_match(e, "税银互动").unwrap();
    let count = |m: &tax_explorer::query::QueryMatch| {
        (0..e.n_initiatives()).filter(|&i| m.matches(i)).count()
    };
    assert!(count(&either) >= count(&a).max(count(&b)));
    let without = query_match(e, "纳税人学堂 -学堂").unwrap();
    assert_eq!(count(&without), 0);
    // A hit count per document for the documents list.
    let d = a.documents[0] as usize;
    assert!(a.hits_in(e, d).unwrap() >= 1);
}
