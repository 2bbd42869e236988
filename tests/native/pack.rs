//! The pack round trip: every initiative, figure and document reads back as the corpus has it.

use crate::{corpus, ex, pack_files, ref_facets};
use tax_explorer::data::Explorer;
use tax_explorer::filter::Facet;

#[test]
fn rows_read_back_as_the_corpus_has_them() {
    let (c, e) = (corpus(), ex());
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
                m.category.as_str()
            )
        );
        assert_eq!(r.value, m.value);
        assert_eq!(
            r.normalized.map(|(v, u)| (v, u.to_string())),
            m.normalized.as_ref().map(|n| (n.value, n.unit.clone()))
        );
        assert_eq!(r.initiative.map(|i| e.initiative_id(i)), m.initiative_id);
    }
    for (d, doc) in c.documents.iter().enumerate() {
        assert_eq!(e.detail(d).unwrap().document, *doc);
        assert_eq!(e.doc(d).title, doc.title);
    }
}

#[test]
fn the_pack_is_deterministic_and_damage_is_an_error() {
    let again = corpus::pack::pack(corpus()).unwrap().files;
    assert_eq!(&again, pack_files());
    let mut files = pack_files().clone();
    let index = files.iter_mut().find(|(n, _)| n == "index.bin").unwrap();
    index.1.truncate(index.1.len() / 2);
    assert!(Explorer::from_pack(&files).is_err());
    assert!(Explorer::from_index(b"<!doctype html><title>404</title>").is_err());
}

#[test]
fn the_pack_computes_the_same_content_hash_and_checks_a_stated_one() {
    let c = corpus();
    assert_eq!(c.build.content_hash.len(), 64);
    let p = corpus::pack::pack(c).unwrap();
    assert_eq!(p.content_hash, c.build.content_hash);
    assert_eq!(corpus::pack::content_hash(c).unwrap(), c.build.content_hash);
    // A pack built from an unhashed corpus states the same hash in its index.
    let mut unhashed = c.clone();
    unhashed.build.content_hash.clear();
    let p2 = corpus::pack::pack(&unhashed).unwrap();
    assert_eq!(p2.files, p.files);
    // Any change to a record changes the hash, and a stale stated hash is an error.
    let mut changed = c.clone();
    changed.metrics[0].raw.push('!');
    assert_ne!(
        corpus::pack::content_hash(&changed).unwrap(),
        c.build.content_hash
    );
    assert!(corpus::pack::pack(&changed).is_err());
}
