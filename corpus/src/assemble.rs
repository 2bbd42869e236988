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

/// Everything but the content hash, which is left empty: [`crate::pack::pack`] computes it
/// from the records it writes, so a pack build need not serialize the corpus twice.
pub fn assemble_unhashed(mut results: Vec<FileResult>) -> Corpus {
    results.sort_by(|a, b| a.path.cmp(&b.path));
    let vocab = Vocab::get();
    let mut inputs = Vec::with_capacity(results.len());
    // Sized up front: at 50,000 documents the initiatives alone are ~400 MB, and growing them
    // by doubling copied each generation into freshly zeroed pages.
    let extracted = || results.iter().filter_map(|r| r.outcome.as_ref().ok());
    let mut documents: Vec<Document> = Vec::with_capacity(extracted().count());
    let mut initiatives: Vec<Initiative> =
        Vec::with_capacity(extracted().map(|(_, x)| x.initiatives.len()).sum());
    let mut metrics: Vec<Metric> =
        Vec::with_capacity(extracted().map(|(_, x)| x.metrics.len()).sum());
    // The document (position in `documents`) of each initiative.
    let mut init_doc: Vec<u32> = Vec::with_capacity(initiatives.capacity());
    let mut seen: FxHashMap<[u8; 32], String> = FxHashMap::default();
    // Every id given out so far, and per id the last suffix tried for a repeat of it.
    let mut used_ids: FxHashSet<String> = FxHashSet::default();
    let mut last_suffix: FxHashMap<String, usize> = FxHashMap::default();

    for r in results {
        match r.outcome {
            Err(e) => inputs.push(InputRecord {
                file: r.path,
                status: InputStatus::Skipped,
                bytes: r.bytes,
                encoding: None,
                doc_id: None,
                messages: vec![e.to_string()],
            }),
            Ok((ing, ex)) => {
                let key = content_key(&ing.doc);
                if let Some(first) = seen.get(&key) {
                    inputs.push(InputRecord {
                        file: r.path,
                        status: InputStatus::Duplicate,
                        bytes: r.bytes,
                        encoding: Some(ing.encoding),
                        doc_id: Some(first.clone()),
                        messages: vec![format!("same content as {first}; not added again")],
                    });
                    continue;
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
                if !used_ids.insert(doc.id.clone()) {
                    let n = last_suffix.entry(doc.id.clone()).or_insert(1);
                    let new_id = loop {
                        *n += 1;
                        let candidate = format!("{}-{}", doc.id, n);
                        if !used_ids.contains(&candidate) {
                            break candidate;
                        }
                    };
                    used_ids.insert(new_id.clone());
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
                    warnings
                        .push("no initiatives found (is this a tax-service document?)".to_string());
                }
                doc.initiative_ids = inits.iter().map(|i| i.id.clone()).collect();
                doc.metric_ids = mets.iter().map(|m| m.id.clone()).collect();
                doc.recognitions = recognitions;
                seen.insert(key, doc.id.clone());
                inputs.push(InputRecord {
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
                init_doc.extend(std::iter::repeat_n(documents.len() as u32, inits.len()));
                documents.push(doc);
                initiatives.extend(inits);
                metrics.extend(mets);
            }
        }
    }

    // One pass over the initiatives (a theme listed twice on one initiative counts once).
    let mut theme_counts = vec![0usize; vocab.themes.len()];
    for i in &initiatives {
        for (k, t) in i.themes.iter().enumerate() {
            if let Some(x) = vocab.theme_index(t) {
                if !i.themes[..k].contains(t) {
                    theme_counts[x] += 1;
                }
            }
        }
    }
    let themes = vocab
        .themes
        .iter()
        .zip(theme_counts)
        .map(|(t, count)| Theme {
            id: t.id.clone(),
            zh: t.zh.clone(),
            en: t.en.clone(),
            keywords: t.keywords.clone(),
            count,
        })
        .collect();
    let canonical = canonical_groups(&documents, &initiatives, &init_doc);
    let regions = region_tree(&documents);
    Corpus {
        schema_version: SCHEMA_VERSION,
        build: BuildInfo {
            generator: format!("corpus {}", env!("CARGO_PKG_VERSION")),
            // Set below (or by the pack writer, which hashes the records it writes anyway).
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

/// `init_doc[k]` is the position in `documents` of initiative `k`'s document.
fn canonical_groups(
    documents: &[Document],
    initiatives: &[Initiative],
    init_doc: &[u32],
) -> Vec<CanonicalInitiative> {
    // Hashed, then sorted once: a B-tree of 300,000 keys compares strings on every insert.
    let mut by_key: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    for (k, i) in initiatives.iter().enumerate() {
        by_key
            .entry(i.canonical.as_str())
            .or_default()
            .push(k as u32);
    }
    let mut groups: Vec<(&str, Vec<u32>)> = by_key.into_iter().collect();
    groups.sort_unstable_by(|a, b| a.0.cmp(b.0));
    // Theme ids as small integers, counted in one reused table: a widespread group has
    // hundreds of thousands of initiatives at 50,000 documents, and a list of theme strings
    // scanned per initiative was most of this function's time there.
    // Each initiative's codes are kept (`init_themes[first_theme[k]..first_theme[k + 1]]`), so
    // each theme string is hashed once.
    let mut theme_code: FxHashMap<&str, usize> = FxHashMap::default();
    let mut theme_ids: Vec<&str> = Vec::new();
    let mut init_themes: Vec<u32> = Vec::with_capacity(initiatives.len() * 2);
    let mut first_theme: Vec<u32> = Vec::with_capacity(initiatives.len() + 1);
    for i in initiatives {
        first_theme.push(init_themes.len() as u32);
        for t in &i.themes {
            let code = *theme_code.entry(t.as_str()).or_insert_with(|| {
                theme_ids.push(t.as_str());
                theme_ids.len() - 1
            });
            init_themes.push(code as u32);
        }
    }
    first_theme.push(init_themes.len() as u32);
    drop(theme_code);
    let mut theme_counts = vec![0usize; theme_ids.len()];
    // Names as small integers too, tallied per group in one reused table: most groups have one
    // initiative (30,000 of 43,000 at 10,000 documents), and a hash map allocated per group
    // cost more than the tally itself.
    let mut name_code: FxHashMap<&str, u32> = FxHashMap::default();
    let init_name: Vec<u32> = initiatives
        .iter()
        .map(|i| {
            let next = name_code.len() as u32;
            *name_code.entry(i.name.as_str()).or_insert(next)
        })
        .collect();
    let mut name_ids: Vec<&str> = vec![""; name_code.len()];
    for (n, &c) in &name_code {
        name_ids[c as usize] = n;
    }
    drop(name_code);
    let mut name_counts = vec![0usize; name_ids.len()];
    let mut names_touched: Vec<u32> = Vec::new();
    // "Seen in this group?" for documents and bureaus, as the number of the last group that saw
    // them: no hashing of ids per initiative (1.5 million at 50,000 documents).
    let mut bureau_code: FxHashMap<&str, u32> = FxHashMap::default();
    let doc_bureau: Vec<Option<u32>> = documents
        .iter()
        .map(|d| {
            let b = d.bureau.as_ref()?;
            let next = bureau_code.len() as u32;
            Some(*bureau_code.entry(b.name.as_str()).or_insert(next))
        })
        .collect();
    let mut doc_seen = vec![u32::MAX; documents.len()];
    let mut bureau_seen = vec![u32::MAX; bureau_code.len()];
    let mut out: Vec<CanonicalInitiative> = groups
        .into_iter()
        .enumerate()
        .map(|(g, (key, members))| {
            let g = g as u32;
            // A table, not a list scanned per initiative: a widespread group of 100,000
            // initiatives can have hundreds of spellings.
            let mut touched: Vec<usize> = Vec::new();
            let mut doc_ids: Vec<String> = Vec::new();
            let mut bureaus: Vec<String> = Vec::new();
            // First-seen order is kept; the sets only answer "seen before?" (a widespread
            // initiative has thousands of documents: a list scan each time is quadratic).
            let mut first_date: Option<&str> = None;
            for &k in &members {
                let n = init_name[k as usize] as usize;
                if name_counts[n] == 0 {
                    names_touched.push(n as u32);
                }
                name_counts[n] += 1;
                let ts = first_theme[k as usize] as usize..first_theme[k as usize + 1] as usize;
                for &t in &init_themes[ts] {
                    let k = t as usize;
                    if theme_counts[k] == 0 {
                        touched.push(k);
                    }
                    theme_counts[k] += 1;
                }
                let d = init_doc[k as usize] as usize;
                let doc = &documents[d];
                if std::mem::replace(&mut doc_seen[d], g) != g {
                    doc_ids.push(doc.id.clone());
                    if let Some(date) = doc.date.as_deref() {
                        if first_date.is_none_or(|f| date < f) {
                            first_date = Some(date);
                        }
                    }
                }
                if let (Some(b), Some(code)) = (&doc.bureau, doc_bureau[d]) {
                    if std::mem::replace(&mut bureau_seen[code as usize], g) != g {
                        bureaus.push(b.name.clone());
                    }
                }
            }
            // Ties go as they did with name-ordered tallies: the most frequent name, then the
            // shortest, then the last in name order.
            let mut names: Vec<(&str, usize)> = names_touched
                .drain(..)
                .map(|n| {
                    let n = n as usize;
                    (name_ids[n], std::mem::take(&mut name_counts[n]))
                })
                .collect();
            names.sort_unstable_by(|a, b| a.0.cmp(b.0));
            let name = names
                .iter()
                .max_by_key(|(n, c)| (*c, std::cmp::Reverse(n.len())))
                .map(|(n, _)| n.to_string())
                .unwrap_or_default();
            // Most frequent first, ties in theme id order.
            let mut themes: Vec<(&str, usize)> = touched
                .iter()
                .map(|&k| (theme_ids[k], std::mem::take(&mut theme_counts[k])))
                .collect();
            themes.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            CanonicalInitiative {
                key: key.to_string(),
                name,
                doc_ids,
                bureaus,
                initiative_ids: members
                    .iter()
                    .map(|&k| initiatives[k as usize].id.clone())
                    .collect(),
                themes: themes.into_iter().map(|(t, _)| t.to_string()).collect(),
                first_date: first_date.map(str::to_string),
            }
        })
        .collect();
    // Most widespread first, then by key.
    out.sort_by(|a, b| {
        b.doc_ids
            .len()
            .cmp(&a.doc_ids.len())
            .then_with(|| a.key.cmp(&b.key))
    });
    out
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
