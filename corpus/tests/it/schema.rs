//! The documented schema (corpus/schema/corpus.schema.json) validates what the build writes,
//! and the build is deterministic.

use crate::util::seed_corpus;

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../schema/corpus.schema.json")).unwrap();
    jsonschema::validator_for(&schema).expect("schema compiles")
}

#[test]
fn seed_corpus_validates_against_schema() {
    let json = serde_json::to_value(seed_corpus()).unwrap();
    let v = validator();
    let errors: Vec<String> = v
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .take(20)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn schema_rejects_a_broken_corpus() {
    let mut json = serde_json::to_value(seed_corpus()).unwrap();
    json["documents"][0]["date"] = serde_json::json!("14/06/2022");
    assert!(!validator().is_valid(&json));
}

#[test]
fn two_builds_are_byte_identical() {
    let a = serde_json::to_string(&seed_corpus()).unwrap();
    let b = serde_json::to_string(&seed_corpus()).unwrap();
    assert_eq!(a, b);
}
