//! The pack round trip: every initiative, figure and document reads back as the corpus has it.

use crate::{corpus, ds, pack_files, ref_facets};
use tax_explorer::data::Dataset;
use tax_explorer::data::Facet;

#[test]
fn rows_read_back_as_the_corpus_has_them() {
    let (c, e) = (corpus(), ds());
    assert_eq!(e.n_initiatives(), c.initiatives.len());
    assert_eq!(e.n_metrics(), c.metrics.len());
    assert_eq!(e.docs().len(), c.documents.len());
    for (i, init) in c.initiatives.iter().enumerate() {
        assert_eq!(e.initiative_id(i), init.id);
        assert_eq!(e.initiative_by_id(&init.id), Some(i));
        assert_eq!(e.name(i), init.name);
        assert_eq!(e.doc_of_initiative(i).id, init.doc_id);
        let mut themes = e.themes_of(i);
        let mut want = init.themes.clone();
        themes.sort();
        want.sort();
        assert_eq!(themes, want, "{}", init.id);
        assert_eq!(
            e.canonical_of(i).map(|(_, r)| r.key.as_str()),
            Some(init.canonical.as_str())
        );
        let raws: Vec<&str> = e.metrics_of(i).map(|m| m.raw).collect();
        let want: Vec<&str> = init
            .metric_ids
            .iter()
            .map(|id| c.metrics.iter().find(|m| &m.id == id).unwrap().raw.as_str())
            .collect();
        assert_eq!(raws, want, "{}", init.id);
        assert_eq!(e.summary_of(i).as_deref(), Some(init.summary.as_str()));
        for f in Facet::ALL {
            let mut got: Vec<String> = e
                .facet_values_of(i, f)
                .iter()
                .map(|s| s.to_string())
                .collect();
            let mut want = ref_facets(i)[f as usize].clone();
            got.sort();
            want.sort();
            assert_eq!(got, want, "{f:?} of {}", init.id);
        }
    }
    for (k, m) in c.metrics.iter().enumerate() {
        let r = e.metric(k);
        assert_eq!(e.metric_id(k), m.id);
        assert_eq!(
            (r.raw, r.unit, r.label, r.category),
            (
                m.raw.as_str(),
                m.unit.as_str(),
                m.label.as_str(),
                m.category
            )
        );
        assert_eq!(r.value, m.value);
        assert_eq!(
            r.normalized.map(|(v, u)| (v, u.to_string())),
            m.normalized.as_ref().map(|n| (n.value, n.unit.clone()))
        );
        assert_eq!(r.initiative.map(|i| e.initiative_id(i)), m.initiative_id);
    }
    // The document chunks are compact rows (no ids, summaries as spans): they must still
    // rebuild the corpus model exactly, object for object.
    let mut inits = c.initiatives.iter();
    let mut mets = c.metrics.iter();
    for (d, doc) in c.documents.iter().enumerate() {
        let detail = e.detail(d).unwrap();
        assert_eq!(detail.document, *doc);
        assert_eq!(e.doc(d).title, doc.title);
        for i in &detail.initiatives {
            assert_eq!(Some(i), inits.next());
        }
        for m in &detail.metrics {
            assert_eq!(Some(m), mets.next());
        }
    }
    assert_eq!((inits.next(), mets.next()), (None, None));
}

/// A summary or figure that is not where the record says, or a reference past the end of
/// the document's lists, is an error naming the document, not a wrong card.
#[test]
fn damaged_document_records_are_errors() {
    let chunk = &pack_files()
        .iter()
        .find(|(n, _)| n == &corpus::pack::detail_file(0))
        .unwrap()
        .1;
    let good: serde_json::Value = serde_json::from_slice(chunk).unwrap();
    assert!(corpus::pack::decode_details(chunk).is_ok());
    let damage = |f: &dyn Fn(&mut serde_json::Value)| {
        let mut v = good.clone();
        f(&mut v);
        corpus::pack::decode_details(&serde_json::to_vec(&v).unwrap())
            .unwrap_err()
            .to_string()
    };
    let doc_id = good[0]["document"]["id"].as_str().unwrap().to_string();
    // Summary span past the end of its text.
    let err = damage(&|v| v[0]["initiatives"][0][4] = serde_json::json!([0, 1_000_000]));
    assert!(err.contains(&doc_id) && err.contains("summary"), "{err}");
    // A figure whose location is off its text and whose raw text is not stated.
    let err = damage(&|v| {
        v[0]["metrics"][0][2] = serde_json::Value::Null;
        v[0]["metrics"][0][9] = serde_json::json!([999, 0, 0, 1]);
    });
    assert!(err.contains("figure 1"), "{err}");
    // A figure naming an initiative the document does not have.
    let err = damage(&|v| v[0]["metrics"][0][8] = serde_json::json!(100_000));
    assert!(err.contains("names initiative"), "{err}");
    // Ids that do not add up.
    let err = damage(&|v| {
        v[0]["document"]["initiative_ids"]
            .as_array_mut()
            .unwrap()
            .pop();
    });
    assert!(err.contains("ids"), "{err}");
    assert!(corpus::pack::decode_details(b"<!doctype html>").is_err());
}

#[test]
fn damage_to_the_index_is_an_error() {
    let mut files = pack_files().clone();
    let index = files.iter_mut().find(|(n, _)| n == "index.bin").unwrap();
    index.1.truncate(index.1.len() / 2);
    assert!(Dataset::from_pack(&files).is_err());
    assert!(Dataset::from_index(b"<!doctype html><title>404</title>").is_err());
}
