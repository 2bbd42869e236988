//! Processed files → one corpus: each file accepted, skipped or reported as a duplicate, ids
//! made unique, themes counted, canonical initiatives grouped, the region tree built. Output
//! depends only on the inputs in path order, so two builds are byte-identical.
//!
//! | module | what |
//! |---|---|
//! | this one | [`Assembler`] (one file at a time), [`Collected`] (the corpus of them) |
//! | [`canonical`] | the same initiative across documents, grouped on small integers |
//! | `regions` | the province → city → district tree with document counts |

pub mod canonical;
mod regions;

use crate::extract::vocab::Vocab;
use crate::extract::Extracted;
use crate::ingest::{IngestError, Ingested};
use crate::model::*;
use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};

/// The outcome for one input file. Produced independently per file (in parallel by the CLI).
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: String,
    pub bytes: u64,
    pub outcome: Result<(Ingested, Extracted), IngestError>,
}

fn content_key(doc: &Document) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(doc.title.as_bytes());
    for s in &doc.sections {
        if let Some(hd) = &s.heading {
            h.update(hd.as_bytes());
        }
        for p in &s.paragraphs {
            h.update(b"\n");
            h.update(p.as_bytes());
        }
    }
    h.finalize().into()
}

/// The generator string a build states (`corpus <version>`; no timestamp, so two builds of
/// the same inputs are byte-identical).
pub fn generator() -> String {
    format!("corpus {}", env!("CARGO_PKG_VERSION"))
}

/// The vocabulary's themes, each with a count of zero.
pub fn vocab_themes() -> Vec<Theme> {
    Vocab::get()
        .themes
        .iter()
        .map(|t| Theme {
            id: t.id.clone(),
            zh: t.zh.clone(),
            en: t.en.clone(),
            keywords: t.keywords.clone(),
            count: 0,
        })
        .collect()
}

/// A document taken into the corpus, with its initiatives and figures; every id is final.
pub struct Accepted {
    pub document: Document,
    pub initiatives: Vec<Initiative>,
    pub metrics: Vec<Metric>,
}

/// Takes processed files one at a time, in path order, and decides what each becomes: skipped,
/// a duplicate of an earlier file, or a document with ids no earlier document has. What it
/// decides for a file depends only on the files before it, so a build can write the pack
/// document by document as files are processed (nothing else is held in memory).
#[derive(Default)]
pub struct Assembler {
    seen: FxHashMap<[u8; 32], String>,
    /// Every id given out so far, and per id the last suffix tried for a repeat of it.
    used_ids: FxHashSet<String>,
    last_suffix: FxHashMap<String, usize>,
    /// One record per file so far, in the order given.
    pub inputs: Vec<InputRecord>,
}

impl Assembler {
    /// Takes note of a document an earlier build accepted (its id kept as it is): files added
    /// after it are checked against it for duplicate content and id clashes, as if they came
    /// after that build's files in one build.
    pub fn reserve(&mut self, doc: &Document) {
        self.used_ids.insert(doc.id.clone());
        self.seen
            .entry(content_key(doc))
            .or_insert_with(|| doc.id.clone());
    }

    pub fn add(&mut self, r: FileResult) -> Option<Accepted> {
        let (ing, ex) = match r.outcome {
            Err(e) => {
                self.inputs.push(InputRecord {
                    file: r.path,
                    status: InputStatus::Skipped,
                    bytes: r.bytes,
                    encoding: None,
                    doc_id: None,
                    messages: vec![e.to_string()],
                });
                return None;
            }
            Ok(x) => x,
        };
        let key = content_key(&ing.doc);
        if let Some(first) = self.seen.get(&key) {
            self.inputs.push(InputRecord {
                file: r.path,
                status: InputStatus::Duplicate,
                bytes: r.bytes,
                encoding: Some(ing.encoding),
                doc_id: Some(first.clone()),
                messages: vec![format!("same content as {first}; not added again")],
            });
            return None;
        }
        let mut doc = ing.doc;
        let mut warnings = ing.warnings;
        let Extracted {
            initiatives: mut inits,
            metrics: mut mets,
            recognitions,
        } = ex;
        // Unique ids even when two folders hold the same file name, and a new id never
        // takes one given out already (a real `a-2.txt` besides two `a.txt`).
        if !self.used_ids.insert(doc.id.clone()) {
            let n = self.last_suffix.entry(doc.id.clone()).or_insert(1);
            let new_id = loop {
                *n += 1;
                let candidate = format!("{}-{}", doc.id, n);
                if !self.used_ids.contains(&candidate) {
                    break candidate;
                }
            };
            self.used_ids.insert(new_id.clone());
            let old = format!("{}-", doc.id);
            warnings.push(format!(
                "document id {} already used; this one is {new_id}",
                doc.id
            ));
            let new = format!("{new_id}-");
            let fix = |s: &mut String| {
                if let Some(rest) = s.strip_prefix(&old) {
                    *s = format!("{new}{rest}");
                }
            };
            for i in &mut inits {
                fix(&mut i.id);
                i.metric_ids.iter_mut().for_each(fix);
                i.doc_id = new_id.clone();
            }
            for m in &mut mets {
                fix(&mut m.id);
                m.initiative_id.iter_mut().for_each(fix);
                m.doc_id = new_id.clone();
            }
            doc.id = new_id;
        }
        if inits.is_empty() {
            doc.flags.push("no_initiatives".to_string());
            warnings.push("no initiatives found (is this a tax-service document?)".to_string());
        }
        doc.initiative_ids = inits.iter().map(|i| i.id.clone()).collect();
        doc.metric_ids = mets.iter().map(|m| m.id.clone()).collect();
        doc.recognitions = recognitions;
        self.seen.insert(key, doc.id.clone());
        self.inputs.push(InputRecord {
            file: r.path,
            status: if warnings.is_empty() {
                InputStatus::Built
            } else {
                InputStatus::BuiltWithWarnings
            },
            bytes: r.bytes,
            encoding: Some(ing.encoding),
            doc_id: Some(doc.id.clone()),
            messages: warnings,
        });
        Some(Accepted {
            document: doc,
            initiatives: inits,
            metrics: mets,
        })
    }
}

/// The accepted documents with their initiatives and figures in flat lists, as a [`Corpus`]
/// holds them.
pub struct Collected {
    documents: Vec<Document>,
    initiatives: Vec<Initiative>,
    metrics: Vec<Metric>,
    /// The document (position in `documents`) of each initiative.
    init_doc: Vec<u32>,
}

impl Collected {
    pub fn with_capacity(documents: usize, initiatives: usize, metrics: usize) -> Collected {
        Collected {
            documents: Vec::with_capacity(documents),
            initiatives: Vec::with_capacity(initiatives),
            metrics: Vec::with_capacity(metrics),
            init_doc: Vec::with_capacity(initiatives),
        }
    }

    pub fn push(&mut self, a: Accepted) {
        self.init_doc.extend(std::iter::repeat_n(
            self.documents.len() as u32,
            a.initiatives.len(),
        ));
        self.documents.push(a.document);
        self.initiatives.extend(a.initiatives);
        self.metrics.extend(a.metrics);
    }

    /// The corpus of everything pushed, with the assembler's input records (content hash
    /// left empty).
    pub fn finish(self, inputs: Vec<InputRecord>) -> Corpus {
        let vocab = Vocab::get();
        let Collected {
            documents,
            initiatives,
            metrics,
            init_doc,
        } = self;
        // One pass over the initiatives (a theme listed twice on one initiative counts once).
        let mut themes = vocab_themes();
        for i in &initiatives {
            for (k, t) in i.themes.iter().enumerate() {
                if let Some(x) = vocab.theme_index(t) {
                    if !i.themes[..k].contains(t) {
                        themes[x].count += 1;
                    }
                }
            }
        }
        let canonical = canonical::canonical_groups(&documents, &initiatives, &init_doc);
        let regions = regions::region_tree(&documents);
        Corpus {
            schema_version: SCHEMA_VERSION,
            build: BuildInfo {
                generator: generator(),
                // Set by the build, which hashes the records as they come.
                content_hash: String::new(),
                inputs,
            },
            themes,
            documents,
            initiatives,
            metrics,
            canonical,
            regions,
        }
    }
}
