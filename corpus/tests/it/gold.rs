//! Acceptance against tests/fixtures/seed-gold.json (the project's copy of the spec fixture).

use crate::util::{repo_root, seed_corpus};
use corpus::model::{Corpus, Document, Place, Provenance};
use serde_json::Value;

fn gold() -> Value {
    let path = repo_root().join("tests/fixtures/seed-gold.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("gold fixture")).expect("gold JSON")
}

/// Keys are matched after folding fullwidth letters and digits (the gold says so).
fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap()
            }
            c => c,
        })
        .collect()
}

fn doc_for<'a>(c: &'a Corpus, file: &str) -> &'a Document {
    c.documents
        .iter()
        .find(|d| d.source_file.ends_with(file))
        .unwrap_or_else(|| panic!("{file} not built"))
}

fn place_matches(p: &Option<Place>, want: &Value, inferred_ok: bool) -> bool {
    match (p, want) {
        (None, Value::Null) => true,
        (None, Value::String(_)) => inferred_ok,
        (Some(_), Value::Null) => false,
        (Some(p), Value::String(w)) => {
            (p.short == *w || p.name == *w)
                && (!inferred_ok || p.provenance == Provenance::Inferred)
        }
        _ => false,
    }
}

#[test]
fn metadata_matches_gold() {
    let c = seed_corpus();
    let g = gold();
    let mut failures = Vec::new();
    for gd in g["documents"].as_array().unwrap() {
        let file = gd["file"].as_str().unwrap();
        let d = doc_for(&c, file);
        let inferred: Vec<&str> = gd
            .get("inferred")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut check = |field: &str, ok: bool, got: String| {
            if !ok {
                failures.push(format!(
                    "{file} {field}: got {got}, want {}",
                    gd.get(field).unwrap_or(&Value::Null)
                ));
            }
        };
        check(
            "title",
            d.title == gd["title"].as_str().unwrap(),
            d.title.clone(),
        );
        check(
            "date",
            d.date.as_deref() == gd["date"].as_str(),
            format!("{:?}", d.date),
        );
        check(
            "publisher",
            d.publisher.as_deref() == gd["publisher"].as_str(),
            format!("{:?}", d.publisher),
        );
        check(
            "kind",
            d.kind.id() == gd["kind"].as_str().unwrap(),
            d.kind.id().to_string(),
        );
        check(
            "bureau",
            d.bureau.as_ref().map(|b| b.name.as_str()) == gd["bureau"].as_str(),
            format!("{:?}", d.bureau),
        );
        check(
            "url",
            d.url.as_deref() == gd["url"].as_str(),
            format!("{:?}", d.url),
        );
        for field in ["province", "city", "district"] {
            let want = gd.get(field).cloned().unwrap_or(Value::Null);
            let got = match field {
                "province" => &d.province,
                "city" => &d.city,
                _ => &d.district,
            };
            let inferred_field = inferred.contains(&field);
            check(
                field,
                place_matches(got, &want, inferred_field),
                format!("{got:?}"),
            );
            if !inferred_field {
                if let Some(p) = got {
                    check(
                        &format!("{field} provenance"),
                        p.provenance == Provenance::Bureau,
                        format!("{:?}", p.provenance),
                    );
                }
            }
        }
        // Date provenance: never guessed.
        check(
            "date_source",
            d.date.is_some() == d.date_source.is_some(),
            format!("{:?}", d.date_source),
        );
        let headings: Vec<&str> = d
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        let want: Vec<&str> = gd["headings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap())
            .collect();
        check("headings", headings == want, format!("{headings:?}"));
    }
    assert!(
        failures.is_empty(),
        "metadata mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn initiatives_found_with_gold_themes() {
    let c = seed_corpus();
    let text = std::fs::read_to_string(repo_root().join("tests/fixtures/seed-gold.json")).unwrap();
    let (mut total, mut found) = (0, 0);
    let mut misses = Vec::new();
    for (file, keys) in corpus::eval::read_seed_keys(&text).unwrap() {
        let d = doc_for(&c, &file);
        let inits: Vec<_> = c.initiatives.iter().filter(|i| i.doc_id == d.id).collect();
        let m = corpus::eval::seed_misses(&keys, &inits);
        total += keys.len();
        found += keys.len() - m.len();
        misses.extend(m.into_iter().map(|m| format!("{}: {m}", d.id)));
    }
    let ratio = found as f64 / total as f64;
    eprintln!(
        "initiatives: {found}/{total} = {ratio:.3}\n{}",
        misses.join("\n")
    );
    assert!(
        ratio >= 0.90,
        "only {found}/{total} gold initiatives found with their theme:\n{}",
        misses.join("\n")
    );
}

/// Expected (value, unit) from a gold raw string, read independently of the extractor:
/// strip a leading 近/约/超/逾, read the number, drop 余/多 and 以上/左右.
fn expected_value_unit(raw: &str) -> (f64, String) {
    let s = raw.trim_start_matches(['近', '约', '超', '逾']);
    let num: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let unit: String = s[num.len()..]
        .chars()
        .filter(|c| !matches!(c, '余' | '多'))
        .collect();
    let unit = unit
        .trim_end_matches("以上")
        .trim_end_matches("左右")
        .to_string();
    (num.parse().unwrap(), unit)
}

#[test]
fn metrics_found_with_value_and_unit() {
    let c = seed_corpus();
    let g = gold();
    let (mut total, mut found) = (0, 0);
    let mut misses = Vec::new();
    for gd in g["documents"].as_array().unwrap() {
        let d = doc_for(&c, gd["file"].as_str().unwrap());
        for gm in gd["metrics"].as_array().unwrap() {
            total += 1;
            let raw = fold(gm["raw"].as_str().unwrap());
            let (value, unit) = expected_value_unit(&raw);
            let ok = c
                .metrics
                .iter()
                .any(|m| m.doc_id == d.id && m.raw == raw && m.value == value && m.unit == unit);
            if ok {
                found += 1;
            } else {
                misses.push(format!("{}: {raw}", d.id));
            }
        }
    }
    let ratio = found as f64 / total as f64;
    assert!(
        ratio >= 0.95,
        "only {found}/{total} metrics: missing {misses:?}"
    );
}

#[test]
fn forbidden_strings_never_in_text() {
    let c = seed_corpus();
    let g = gold();
    for gd in g["documents"].as_array().unwrap() {
        let d = doc_for(&c, gd["file"].as_str().unwrap());
        let texts: Vec<&str> = std::iter::once(d.title.as_str())
            .chain(
                d.sections
                    .iter()
                    .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter()))
                    .map(String::as_str),
            )
            .collect();
        for bad in gd["must_not_appear_in_text"].as_array().unwrap() {
            let bad = bad.as_str().unwrap();
            for t in &texts {
                assert!(!t.contains(bad), "{}: {bad:?} appears in {t:?}", d.id);
            }
        }
    }
}

#[test]
fn spans_point_at_their_text() {
    let c = seed_corpus();
    for m in &c.metrics {
        let d = c.documents.iter().find(|d| d.id == m.doc_id).unwrap();
        assert_eq!(d.text_at(&m.location), Some(m.raw.as_str()), "{}", m.id);
    }
    for i in &c.initiatives {
        let d = c.documents.iter().find(|d| d.id == i.doc_id).unwrap();
        for l in &i.mentions {
            assert!(d.text_at(l).is_some(), "{} {:?}", i.id, l);
        }
        assert!(!i.themes.is_empty(), "{} has no theme", i.id);
    }
}

#[test]
fn recognitions_are_not_initiatives() {
    let c = seed_corpus();
    let d = doc_for(&c, "000_9839faa69b8a842d.txt");
    assert!(d
        .recognitions
        .iter()
        .any(|r| r.name.contains("全国工人先锋号")));
    assert!(!c
        .initiatives
        .iter()
        .any(|i| i.name.contains("先锋号") || i.name.contains("文明号")));
    // Grouping across documents.
    let school = c
        .canonical
        .iter()
        .find(|k| k.key == "纳税人学堂")
        .expect("纳税人学堂 grouped");
    assert!(school.doc_ids.len() >= 3, "{:?}", school.doc_ids);
    let spring = c
        .canonical
        .iter()
        .find(|k| k.key == "便民办税春风行动")
        .expect("春风行动 grouped");
    assert!(spring.doc_ids.len() >= 3, "{:?}", spring.doc_ids);
}
