//! Many processed files → one [`Corpus`]: duplicates reported, ids made unique, themes
//! counted, canonical initiatives grouped, the region tree built, and a content hash.
//! Output depends only on the inputs (sorted by path), so two builds are byte-identical.

use crate::extract::{extract, Extracted};
use crate::ingest::{ingest, IngestError, Ingested};
use crate::model::*;
use crate::vocab::Vocab;
use rustc_hash::{FxHashMap, FxHashSet};
use sha2::{Digest, Sha256};

/// The outcome for one input file. Produced independently per file (in parallel by the CLI).
#[derive(Debug, Clone)]
pub struct FileResult {
    pub path: String,
    pub bytes: u64,
    pub outcome: Result<(Ingested, Extracted), IngestError>,
}

/// Ingest and extract one file. Never panics on any input (fuzzed).
pub fn process(path: &str, bytes: &[u8]) -> FileResult {
    let outcome = ingest(path, bytes).map(|ing| {
        let ex = extract(&ing.doc);
        (ing, ex)
    });
    FileResult {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        outcome,
    }
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

/// [`assemble_unhashed`], then the content hash ([`crate::pack::content_hash`]).
pub fn assemble(results: Vec<FileResult>) -> Corpus {
    let mut corpus = assemble_unhashed(results);
    // The records are built here from consistent ids, so grouping them cannot fail; an empty
    // hash would fail the schema's pattern, not pass silently.
    corpus.build.content_hash = crate::pack::content_hash(&corpus).unwrap_or_default();
    corpus
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
/// decides for a file depends only on the files before it, so the CLI can write the pack
/// document by document as files are processed (nothing else is held in memory) and still get
/// what [`assemble`] gives.
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
        let canonical = canonical_groups(&documents, &initiatives, &init_doc);
        let regions = region_tree(&documents);
        Corpus {
            schema_version: SCHEMA_VERSION,
            build: BuildInfo {
                generator: generator(),
                // Set by the caller (or by the pack writer, which hashes the records it
                // writes anyway).
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

/// Everything but the content hash, which is left empty: [`crate::pack::pack`] computes it
/// from the records it writes, so a pack build need not serialize the corpus twice.
pub fn assemble_unhashed(mut results: Vec<FileResult>) -> Corpus {
    results.sort_by(|a, b| a.path.cmp(&b.path));
    // Sized up front: at 50,000 documents the initiatives alone are ~400 MB, and growing them
    // by doubling copied each generation into freshly zeroed pages.
    let extracted = || results.iter().filter_map(|r| r.outcome.as_ref().ok());
    let mut collected = Collected::with_capacity(
        extracted().count(),
        extracted().map(|(_, x)| x.initiatives.len()).sum(),
        extracted().map(|(_, x)| x.metrics.len()).sum(),
    );
    let mut assembler = Assembler::default();
    assembler.inputs.reserve(results.len());
    for r in results {
        if let Some(a) = assembler.add(r) {
            collected.push(a);
        }
    }
    collected.finish(assembler.inputs)
}

/// What canonical grouping reads, as small integers: the same whether it comes from a corpus
/// ([`canonical_groups`]) or from a pack written document by document
/// (`crate::pack::PackWriter`), so both group alike.
pub(crate) struct CanonInput<'a> {
    /// Per initiative: its key, name and document, as positions in `keys`, `names` and the
    /// per-document lists below.
    pub init_key: Vec<u32>,
    pub init_name: Vec<u32>,
    pub init_doc: Vec<u32>,
    /// Initiative `k`'s themes are `init_themes[first_theme[k]..first_theme[k + 1]]`
    /// (positions in `theme_ids`).
    pub init_themes: Vec<u32>,
    pub first_theme: Vec<u32>,
    pub keys: Vec<&'a str>,
    pub names: Vec<&'a str>,
    pub theme_ids: Vec<&'a str>,
    pub doc_date: Vec<Option<&'a str>>,
    /// Each document's bureau, as a position in `bureau_names`.
    pub doc_bureau: Vec<Option<u32>>,
    pub bureau_names: Vec<&'a str>,
}

/// One canonical initiative, as positions in its [`CanonInput`].
pub(crate) struct Group<'a> {
    pub key: &'a str,
    pub name: &'a str,
    /// Documents and bureaus in first-seen order.
    pub docs: Vec<u32>,
    pub bureaus: Vec<u32>,
    /// Its initiatives, in order.
    pub members: Vec<u32>,
    /// Most frequent first, ties in theme id order.
    pub themes: Vec<&'a str>,
    pub first_date: Option<&'a str>,
}

/// Groups initiatives by key: most widespread first, then by key.
pub(crate) fn group<'a>(input: &CanonInput<'a>) -> Vec<Group<'a>> {
    let mut members_of: Vec<Vec<u32>> = vec![Vec::new(); input.keys.len()];
    for (k, &key) in input.init_key.iter().enumerate() {
        members_of[key as usize].push(k as u32);
    }
    let mut order: Vec<u32> = (0..input.keys.len() as u32)
        .filter(|&c| !members_of[c as usize].is_empty())
        .collect();
    order.sort_unstable_by(|&a, &b| input.keys[a as usize].cmp(input.keys[b as usize]));
    let mut theme_counts = vec![0usize; input.theme_ids.len()];
    let mut name_counts = vec![0usize; input.names.len()];
    let mut names_touched: Vec<u32> = Vec::new();
    // "Seen in this group?" for documents and bureaus, as the number of the last group that saw
    // them: no hashing of ids per initiative (1.5 million at 50,000 documents).
    let mut doc_seen = vec![u32::MAX; input.doc_date.len()];
    let mut bureau_seen = vec![u32::MAX; input.bureau_names.len()];
    let mut out: Vec<Group> = order
        .into_iter()
        .enumerate()
        .map(|(g, code)| {
            let g = g as u32;
            let members = std::mem::take(&mut members_of[code as usize]);
            // A table, not a list scanned per initiative: a widespread group of 100,000
            // initiatives can have hundreds of spellings.
            let mut touched: Vec<usize> = Vec::new();
            let mut docs: Vec<u32> = Vec::new();
            let mut bureaus: Vec<u32> = Vec::new();
            let mut first_date: Option<&str> = None;
            for &k in &members {
                let k = k as usize;
                let n = input.init_name[k] as usize;
                if name_counts[n] == 0 {
                    names_touched.push(n as u32);
                }
                name_counts[n] += 1;
                let ts = input.first_theme[k] as usize..input.first_theme[k + 1] as usize;
                for &t in &input.init_themes[ts] {
                    let t = t as usize;
                    if theme_counts[t] == 0 {
                        touched.push(t);
                    }
                    theme_counts[t] += 1;
                }
                let d = input.init_doc[k] as usize;
                // First-seen order is kept; the marks only answer "seen before?" (a
                // widespread initiative has thousands of documents: a list scan each time
                // is quadratic).
                if std::mem::replace(&mut doc_seen[d], g) != g {
                    docs.push(d as u32);
                    if let Some(date) = input.doc_date[d] {
                        if first_date.is_none_or(|f| date < f) {
                            first_date = Some(date);
                        }
                    }
                }
                if let Some(b) = input.doc_bureau[d] {
                    if std::mem::replace(&mut bureau_seen[b as usize], g) != g {
                        bureaus.push(b);
                    }
                }
            }
            // Ties go as they did with name-ordered tallies: the most frequent name, then the
            // shortest, then the last in name order.
            let mut names: Vec<(&str, usize)> = names_touched
                .drain(..)
                .map(|n| {
                    let n = n as usize;
                    (input.names[n], std::mem::take(&mut name_counts[n]))
                })
                .collect();
            names.sort_unstable_by(|a, b| a.0.cmp(b.0));
            let name = names
                .iter()
                .max_by_key(|(n, c)| (*c, std::cmp::Reverse(n.len())))
                .map_or("", |(n, _)| *n);
            let mut themes: Vec<(&str, usize)> = touched
                .iter()
                .map(|&t| (input.theme_ids[t], std::mem::take(&mut theme_counts[t])))
                .collect();
            themes.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            Group {
                key: input.keys[code as usize],
                name,
                docs,
                bureaus,
                members,
                themes: themes.into_iter().map(|(t, _)| t).collect(),
                first_date,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then_with(|| a.key.cmp(b.key))
    });
    out
}

/// `init_doc[k]` is the position in `documents` of initiative `k`'s document.
fn canonical_groups(
    documents: &[Document],
    initiatives: &[Initiative],
    init_doc: &[u32],
) -> Vec<CanonicalInitiative> {
    // Keys, names, theme ids and bureaus as small integers, each string hashed once.
    fn code<'a>(codes: &mut FxHashMap<&'a str, u32>, list: &mut Vec<&'a str>, s: &'a str) -> u32 {
        *codes.entry(s).or_insert_with(|| {
            list.push(s);
            list.len() as u32 - 1
        })
    }
    let mut input = CanonInput {
        init_key: Vec::with_capacity(initiatives.len()),
        init_name: Vec::with_capacity(initiatives.len()),
        init_doc: init_doc.to_vec(),
        init_themes: Vec::with_capacity(initiatives.len() * 2),
        first_theme: Vec::with_capacity(initiatives.len() + 1),
        keys: Vec::new(),
        names: Vec::new(),
        theme_ids: Vec::new(),
        doc_date: documents.iter().map(|d| d.date.as_deref()).collect(),
        doc_bureau: Vec::with_capacity(documents.len()),
        bureau_names: Vec::new(),
    };
    let (mut keys, mut names, mut themes, mut bureaus) = Default::default();
    for i in initiatives {
        input
            .init_key
            .push(code(&mut keys, &mut input.keys, &i.canonical));
        input
            .init_name
            .push(code(&mut names, &mut input.names, &i.name));
        input.first_theme.push(input.init_themes.len() as u32);
        for t in &i.themes {
            let c = code(&mut themes, &mut input.theme_ids, t);
            input.init_themes.push(c);
        }
    }
    input.first_theme.push(input.init_themes.len() as u32);
    for d in documents {
        let b = d.bureau.as_ref();
        let c = b.map(|b| code(&mut bureaus, &mut input.bureau_names, &b.name));
        input.doc_bureau.push(c);
    }
    drop((keys, names, themes, bureaus));
    group(&input)
        .into_iter()
        .map(|g| CanonicalInitiative {
            key: g.key.to_string(),
            name: g.name.to_string(),
            doc_ids: g
                .docs
                .iter()
                .map(|&d| documents[d as usize].id.clone())
                .collect(),
            bureaus: g
                .bureaus
                .iter()
                .map(|&b| input.bureau_names[b as usize].to_string())
                .collect(),
            initiative_ids: g
                .members
                .iter()
                .map(|&k| initiatives[k as usize].id.clone())
                .collect(),
            themes: g.themes.iter().map(|t| t.to_string()).collect(),
            first_date: g.first_date.map(str::to_string),
        })
        .collect()
}

fn region_tree(documents: &[Document]) -> Vec<RegionNode> {
    let node = |p: &Place, level: u8| RegionNode {
        code: p.code.clone(),
        name: p.name.clone(),
        short: p.short.clone(),
        level,
        doc_count: 0,
        children: vec![],
    };
    let mut roots: Vec<RegionNode> = Vec::new();
    for d in documents {
        let Some(p) = &d.province else { continue };
        let pi = match roots.iter().position(|r| r.code == p.code) {
            Some(i) => i,
            None => {
                roots.push(node(p, 1));
                roots.len() - 1
            }
        };
        roots[pi].doc_count += 1;
        if let Some(c) = &d.city {
            let prov = &mut roots[pi];
            let ci = match prov.children.iter().position(|r| r.code == c.code) {
                Some(i) => i,
                None => {
                    prov.children.push(node(c, 2));
                    prov.children.len() - 1
                }
            };
            prov.children[ci].doc_count += 1;
            if let Some(x) = &d.district {
                let city = &mut prov.children[ci];
                match city.children.iter().position(|r| r.code == x.code) {
                    Some(i) => city.children[i].doc_count += 1,
                    None => {
                        let mut n = node(x, 3);
                        n.doc_count = 1;
                        city.children.push(n);
                    }
                }
            }
        }
    }
    fn sort(nodes: &mut [RegionNode]) {
        nodes.sort_by(|a, b| a.code.cmp(&b.code));
        for n in nodes {
            sort(&mut n.children);
        }
    }
    sort(&mut roots);
    roots
}

/// Build a corpus from in-memory files (path, bytes), sequentially. The CLI does the same in
/// parallel with [`process`] and [`assemble`].
pub fn build<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Corpus {
    assemble(files.into_iter().map(|(p, b)| process(p, b)).collect())
}
