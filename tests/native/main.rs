//! Native tests of the app's pure logic (one test binary), grouped by feature. The seed corpus
//! is built in-process from `data/raw` through the corpus library's build path (the one
//! `corpus build --pack` uses) and loaded back with the app's reader; reference answers come
//! from the corpus model itself, so the pack round trip is checked along the way.

mod analyses;
mod charts;
mod filtering;
mod pack;
mod querying;
mod searching;
mod structure;
mod urls;

use corpus::build::PackFiles;
use corpus::model::Corpus;
use std::sync::OnceLock;
use tax_explorer::data::Dataset;
use tax_explorer::data::{Facet, UNKNOWN};

fn read_dir(dir: &std::path::Path, root: &std::path::Path, out: &mut Vec<(String, Vec<u8>)>) {
    for e in std::fs::read_dir(dir).expect("data/raw exists").flatten() {
        let p = e.path();
        if p.is_dir() {
            read_dir(&p, root, out);
        } else {
            let rel = p.strip_prefix(root).unwrap().to_string_lossy().to_string();
            out.push((rel, std::fs::read(&p).unwrap()));
        }
    }
}

/// The seed corpus and its pack, built in-process through the corpus crate's one build path.
fn seed() -> &'static (Corpus, PackFiles) {
    static C: OnceLock<(Corpus, PackFiles)> = OnceLock::new();
    C.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/raw");
        let mut files = Vec::new();
        read_dir(&root, &root, &mut files);
        corpus::pack_of(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
            .expect("seed corpus packs")
    })
}

pub fn corpus() -> &'static Corpus {
    &seed().0
}

pub fn pack_files() -> &'static PackFiles {
    &seed().1
}

thread_local! {
    // The explorer holds lazily filled parts in a RefCell: one per test thread.
    static EX: &'static Dataset =
        Box::leak(Box::new(Dataset::from_pack(pack_files()).expect("seed pack loads")));
}

pub fn ds() -> &'static Dataset {
    EX.with(|e| *e)
}

/// Reference facet values of initiative `i`, straight from the corpus model.
pub fn ref_facets(i: usize) -> [Vec<String>; Facet::COUNT] {
    let c = corpus();
    let init = &c.initiatives[i];
    let d = c.documents.iter().find(|d| d.id == init.doc_id).unwrap();
    let one = |v: Option<String>| vec![v.unwrap_or_else(|| UNKNOWN.to_string())];
    let mut out: [Vec<String>; Facet::COUNT] = Default::default();
    for f in Facet::ALL {
        out[f as usize] = match f {
            Facet::Theme => init.themes.clone(),
            Facet::Province => one(d.province.as_ref().map(|p| p.short.clone())),
            Facet::City => one(d.city.as_ref().map(|p| p.short.clone())),
            Facet::Bureau => one(d.bureau.as_ref().map(|b| b.name.clone())),
            Facet::Publisher => one(d.publisher.clone()),
            Facet::Kind => vec![d.kind.id().to_string()],
            Facet::Year => one(d.year().map(str::to_string)),
        };
    }
    out
}
