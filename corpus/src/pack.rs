//! The explorer's data pack: the corpus split into files a browser can load quickly.
//!
//! One corpus JSON grows to about 8× the raw text (every initiative repeats its sentence,
//! every id is a string), which is far too much to download and parse at 10,000 documents.
//! The pack keeps what the list, facets, search and charts need in compact columns, and the
//! rest in small files loaded on demand:
//!
//! | file | loaded | holds |
//! |---|---|---|
//! | `index.bin` | at start | document metadata (no text), initiative and figure columns, name and string tables, canonical groups |
//! | `search.bin` | right after the first render | doc-level postings of every folded character and character pair |
//! | `text-NNNN.bin` | in the background | folded document texts, to verify matches of 3+ characters |
//! | `doc-NNNN.json` | when a document, card or export needs it | full documents with their initiatives and figures as compact rows ([`decode_details`] rebuilds the corpus model) |
//!
//! Binary files are a list of length-prefixed blobs after a magic number and version; a blob
//! is JSON, little-endian `u32`/`u64`/`f64` arrays, or bytes. Nothing here does I/O.

#[cfg(feature = "ingest")]
use crate::model::Corpus;
use crate::model::{
    Bound, Document, Initiative, InitiativeKind, Location, Metric, Normalized, Theme,
    SCHEMA_VERSION,
};
#[cfg(feature = "ingest")]
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ingest")]
use sha2::{Digest, Sha256};

/// Bumped whenever the layout of any pack file changes.
pub const PACK_VERSION: u32 = 3;
const MAGIC: &[u8; 4] = b"TXPK";
/// "No value" in an index column.
pub const NONE: u32 = u32::MAX;
/// Documents per text chunk (folded texts are ~3 KB per generated document).
pub const TEXT_CHUNK: usize = 512;
/// Documents per detail chunk (full documents with initiatives are ~12 KB each): small, because
/// a page of cards from many documents waits for all of their chunks.
pub const DETAIL_CHUNK: usize = 16;

/// The JSON part of `index.bin`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    pub schema_version: u32,
    pub pack_version: u32,
    pub generator: String,
    pub content_hash: String,
    pub themes: Vec<Theme>,
    /// Documents without their text, initiative ids or metric ids.
    pub documents: Vec<Document>,
    /// Distinct initiative names (`init_name` points here).
    pub names: Vec<String>,
    /// Units, categories, raw figures and labels (`met_*` columns point here).
    pub strings: Vec<String>,
    pub canonical: Vec<CanonRow>,
    pub text_chunk: u32,
    pub detail_chunk: u32,
    /// The traditional → simplified table the texts were folded with (`corpus::fold`).
    pub fold_table: String,
}

/// A group of the same initiative across documents; its members are the initiatives whose
/// `init_canon` points at it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonRow {
    pub key: String,
    /// The display name when it differs from the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Theme bit set, as `init_themes`.
    pub themes: u32,
    pub bureaus: u32,
    pub documents: u32,
    pub first_date: Option<String>,
}

/// Everything in `index.bin`. Initiatives are grouped by document in document order, so
/// initiative `k` of document `d` is row `doc_first_init[d] + k` and has id `{doc}-i{k+1}`.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexPack {
    pub meta: IndexMeta,
    /// Per document, its first initiative row; one extra entry closes the last range.
    pub doc_first_init: Vec<u32>,
    pub doc_first_metric: Vec<u32>,
    pub init_name: Vec<u32>,
    pub init_canon: Vec<u32>,
    /// Theme bit set: bit `t` is `meta.themes[t]`.
    pub init_themes: Vec<u32>,
    /// The initiative a figure belongs to, or [`NONE`].
    pub met_init: Vec<u32>,
    pub met_value: Vec<f64>,
    /// Normalized value, NaN when there is none.
    pub met_norm: Vec<f64>,
    pub met_unit: Vec<u32>,
    pub met_norm_unit: Vec<u32>,
    pub met_category: Vec<u32>,
    pub met_raw: Vec<u32>,
    pub met_label: Vec<u32>,
    /// 0 exact, 1 approximate, 2 lower bound.
    pub met_bound: Vec<u32>,
}

/// A document with its initiatives and figures, as the corpus model has them: what
/// [`decode_details`] rebuilds from one entry of a `doc-NNNN.json` chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct DocDetail {
    pub document: Document,
    pub initiatives: Vec<Initiative>,
    pub metrics: Vec<Metric>,
}

/// A location as `[section, paragraph, start, end]` (`paragraph` null = the heading).
type Loc = (usize, Option<usize>, usize, usize);

#[cfg(feature = "ingest")]
fn loc(l: &Location) -> Loc {
    (l.section, l.paragraph, l.start, l.end)
}

fn location(l: Loc) -> Location {
    Location {
        section: l.0,
        paragraph: l.1,
        start: l.2,
        end: l.3,
    }
}

/// One entry of a `doc-NNNN.json` chunk. The document is the model's, text and all; its
/// initiatives and figures are positional rows without what the document already says: no ids
/// (they are the document's `initiative_ids` / `metric_ids`, in order), no document id, the
/// summary as a span of the text at the initiative's location, a figure's `raw` only when it is
/// not exactly the text at its location, cross references as positions in this record. That is
/// about 40 % of the bytes of the model's objects, to write at build time and to download
/// and parse in the browser. `S` is `&str` when writing and `String` when reading.
#[derive(Serialize, Deserialize)]
struct Record<D, S, L> {
    document: D,
    initiatives: Vec<InitRow<S, L>>,
    metrics: Vec<MetricRow<S>>,
}

/// `[name, canonical (null = the name), kind, themes, summary span in the location's text
/// (null = see the text), summary text (null = see the span), location, mentions, figures
/// (positions in the record)]`.
#[derive(Serialize, Deserialize)]
struct InitRow<S, L>(
    S,
    Option<S>,
    InitiativeKind,
    L,
    Option<(usize, usize)>,
    Option<S>,
    Loc,
    Vec<Loc>,
    Vec<u32>,
);

/// `[value, unit, raw (null = the text at the location), qualifier, bound, normalized
/// ([value, unit] or null), label, category, initiative (position in the record or null),
/// location, written in Chinese numerals]`.
#[derive(Serialize, Deserialize)]
struct MetricRow<S>(
    f64,
    S,
    Option<S>,
    Option<S>,
    Bound,
    Option<(f64, S)>,
    S,
    S,
    Option<u32>,
    Loc,
    bool,
);

/// The text a location points into: a section heading or a paragraph.
fn block<'d>(doc: &'d Document, l: &Location) -> Option<&'d str> {
    let s = doc.sections.get(l.section)?;
    match l.paragraph {
        None => s.heading.as_deref(),
        Some(p) => s.paragraphs.get(p).map(String::as_str),
    }
}

/// The text of `l` in `doc`, if `l` is a valid span of it.
fn text_at<'d>(doc: &'d Document, l: &Location) -> Option<&'d str> {
    block(doc, l)?.get(l.start..l.end)
}

/// The position of `id` among `ids`, where `ids[k]` is `{doc}{sep}{k+1}` as the pack requires.
#[cfg(feature = "ingest")]
fn position(ids: &[&str], doc: &str, sep: &str, id: &str) -> Option<u32> {
    let k: usize = id.strip_prefix(doc)?.strip_prefix(sep)?.parse().ok()?;
    (k >= 1 && ids.get(k - 1) == Some(&id)).then(|| (k - 1) as u32)
}

/// The first occurrence of `needle` in `hay`, as `str::find` gives it. A summary is a sentence
/// of its own paragraph, so the candidates are few: trying each place its first character
/// occurs skips building a substring searcher for every initiative (the largest single cost
/// of writing a record). Many failed candidates fall back to the searcher.
#[cfg(feature = "ingest")]
fn find_text(hay: &str, needle: &str) -> Option<usize> {
    let Some(first) = needle.chars().next() else {
        return Some(0);
    };
    for (tries, (at, _)) in hay.match_indices(first).enumerate() {
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        if tries == 32 {
            return hay[at..].find(needle).map(|k| at + k);
        }
    }
    None
}

/// Writes one record (see [`Record`]).
#[cfg(feature = "ingest")]
fn record(
    document: &Document,
    initiatives: &[&Initiative],
    metrics: &[&Metric],
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let init_ids: Vec<&str> = initiatives.iter().map(|i| i.id.as_str()).collect();
    let met_ids: Vec<&str> = metrics.iter().map(|m| m.id.as_str()).collect();
    let d = document.id.as_str();
    let mut inits = Vec::with_capacity(initiatives.len());
    for i in initiatives {
        let span = block(document, &i.location)
            .and_then(|b| find_text(b, &i.summary))
            .map(|a| (a, a + i.summary.len()));
        let figures = i
            .metric_ids
            .iter()
            .map(|m| {
                position(&met_ids, d, "-m", m)
                    .ok_or_else(|| format!("initiative {} names unknown figure {m}", i.id))
            })
            .collect::<Result<Vec<u32>, String>>()?;
        inits.push(InitRow(
            i.name.as_str(),
            (i.canonical != i.name).then_some(i.canonical.as_str()),
            i.kind,
            i.themes.as_slice(),
            span,
            span.is_none().then_some(i.summary.as_str()),
            loc(&i.location),
            i.mentions.iter().map(loc).collect(),
            figures,
        ));
    }
    let mut mets = Vec::with_capacity(metrics.len());
    for m in metrics {
        let init = match &m.initiative_id {
            None => None,
            Some(id) => Some(
                position(&init_ids, d, "-i", id)
                    .ok_or_else(|| format!("figure {} names unknown initiative {id}", m.id))?,
            ),
        };
        mets.push(MetricRow(
            m.value,
            m.unit.as_str(),
            (text_at(document, &m.location) != Some(m.raw.as_str())).then_some(m.raw.as_str()),
            m.qualifier.as_deref(),
            m.bound,
            m.normalized.as_ref().map(|n| (n.value, n.unit.as_str())),
            m.label.as_str(),
            m.category.as_str(),
            init,
            loc(&m.location),
            m.chinese_numeral,
        ));
    }
    let r: Record<&Document, &str, &[String]> = Record {
        document,
        initiatives: inits,
        metrics: mets,
    };
    serde_json::to_writer(out, &r).map_err(|e| e.to_string())
}

/// Reads a `doc-NNNN.json` chunk back into the corpus model. A record that contradicts its
/// document (a span off its text, a reference past the end, ids that do not add up) is an
/// error, never a guess.
pub fn decode_details(bytes: &[u8]) -> Result<Vec<DocDetail>, String> {
    let records: Vec<Record<Document, String, Vec<String>>> =
        serde_json::from_slice(bytes).map_err(|e| format!("document chunk: {e}"))?;
    records.into_iter().map(detail_of).collect()
}

fn detail_of(r: Record<Document, String, Vec<String>>) -> Result<DocDetail, String> {
    let doc = r.document;
    let bad = |what: String| format!("document chunk, {}: {what}", doc.id);
    if doc.initiative_ids.len() != r.initiatives.len() || doc.metric_ids.len() != r.metrics.len() {
        return Err(bad(format!(
            "{} initiative and {} figure ids for {} initiatives and {} figures",
            doc.initiative_ids.len(),
            doc.metric_ids.len(),
            r.initiatives.len(),
            r.metrics.len()
        )));
    }
    let mut initiatives = Vec::with_capacity(r.initiatives.len());
    for (k, InitRow(name, canonical, kind, themes, span, text, at, mentions, figures)) in
        r.initiatives.into_iter().enumerate()
    {
        let location = location(at);
        let summary = match (text, span) {
            (Some(t), _) => t,
            (None, Some((a, b))) => block(&doc, &location)
                .and_then(|t| t.get(a..b))
                .ok_or_else(|| {
                    bad(format!(
                        "summary {a}..{b} of initiative {} is off its text",
                        k + 1
                    ))
                })?
                .to_string(),
            (None, None) => return Err(bad(format!("initiative {} has no summary", k + 1))),
        };
        let metric_ids = figures
            .iter()
            .map(|&m| {
                doc.metric_ids
                    .get(m as usize)
                    .cloned()
                    .ok_or_else(|| bad(format!("initiative {} names figure {}", k + 1, m + 1)))
            })
            .collect::<Result<Vec<String>, String>>()?;
        initiatives.push(Initiative {
            id: doc.initiative_ids[k].clone(),
            doc_id: doc.id.clone(),
            canonical: canonical.unwrap_or_else(|| name.clone()),
            name,
            kind,
            summary,
            themes,
            location,
            mentions: mentions.into_iter().map(self::location).collect(),
            metric_ids,
        });
    }
    let mut metrics = Vec::with_capacity(r.metrics.len());
    for (
        k,
        MetricRow(
            value,
            unit,
            raw,
            qualifier,
            bound,
            normalized,
            label,
            category,
            init,
            at,
            chinese_numeral,
        ),
    ) in r.metrics.into_iter().enumerate()
    {
        let location = location(at);
        let raw = match raw {
            Some(raw) => raw,
            None => text_at(&doc, &location)
                .ok_or_else(|| bad(format!("figure {} is off its text", k + 1)))?
                .to_string(),
        };
        let initiative_id = match init {
            None => None,
            Some(i) => Some(
                doc.initiative_ids
                    .get(i as usize)
                    .cloned()
                    .ok_or_else(|| bad(format!("figure {} names initiative {}", k + 1, i + 1)))?,
            ),
        };
        metrics.push(Metric {
            id: doc.metric_ids[k].clone(),
            doc_id: doc.id.clone(),
            value,
            unit,
            raw,
            qualifier,
            bound,
            normalized: normalized.map(|(value, unit)| Normalized { value, unit }),
            label,
            category,
            initiative_id,
            location,
            chinese_numeral,
        });
    }
    Ok(DocDetail {
        document: doc,
        initiatives,
        metrics,
    })
}

/// Each document's initiatives and figures, in corpus order.
#[cfg(feature = "ingest")]
#[allow(clippy::type_complexity)]
fn by_document(corpus: &Corpus) -> Result<(Vec<Vec<&Initiative>>, Vec<Vec<&Metric>>), String> {
    let docs = &corpus.documents;
    let doc_pos: FxHashMap<&str, usize> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut inits_of: Vec<Vec<&Initiative>> = vec![Vec::new(); docs.len()];
    for i in &corpus.initiatives {
        let d = *doc_pos
            .get(i.doc_id.as_str())
            .ok_or_else(|| format!("initiative {} names unknown document {}", i.id, i.doc_id))?;
        inits_of[d].push(i);
    }
    let mut mets_of: Vec<Vec<&Metric>> = vec![Vec::new(); docs.len()];
    for m in &corpus.metrics {
        let d = *doc_pos
            .get(m.doc_id.as_str())
            .ok_or_else(|| format!("figure {} names unknown document {}", m.id, m.doc_id))?;
        mets_of[d].push(m);
    }
    Ok((inits_of, mets_of))
}

/// The corpus content hash: SHA-256 over every document's record (the document with its
/// initiatives and figures, serialized as in a `doc-NNNN.json` chunk), in corpus order, each
/// followed by a newline. [`pack`] computes the same value while it writes the chunks, so a
/// pack build serializes the corpus once.
#[cfg(feature = "ingest")]
pub fn content_hash(corpus: &Corpus) -> Result<String, String> {
    let (inits_of, mets_of) = by_document(corpus)?;
    let mut h = Sha256::new();
    let mut buf = Vec::new();
    for (d, doc) in corpus.documents.iter().enumerate() {
        buf.clear();
        record(doc, &inits_of[d], &mets_of[d], &mut buf)?;
        hash_record(&mut h, &buf);
    }
    Ok(hex(&h.finalize()))
}

/// Adds one serialized record to a content hash (the one place that says how).
#[cfg(feature = "ingest")]
fn hash_record(h: &mut Sha256, record: &[u8]) {
    h.update(record);
    h.update(b"\n");
}

#[cfg(feature = "ingest")]
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// A document's metadata without its text and id lists (those are in the other files).
#[cfg(feature = "ingest")]
fn light(doc: &Document) -> Document {
    Document {
        id: doc.id.clone(),
        source_file: doc.source_file.clone(),
        title: doc.title.clone(),
        title_source: doc.title_source,
        date: doc.date.clone(),
        date_source: doc.date_source,
        publisher: doc.publisher.clone(),
        publisher_source: doc.publisher_source,
        kind: doc.kind,
        authors: doc.authors.clone(),
        bureau: doc.bureau.clone(),
        province: doc.province.clone(),
        city: doc.city.clone(),
        district: doc.district.clone(),
        url: doc.url.clone(),
        sections: vec![],
        images: doc.images.clone(),
        credits: doc.credits.clone(),
        recognitions: doc.recognitions.clone(),
        initiative_ids: vec![],
        metric_ids: vec![],
        flags: doc.flags.clone(),
        chars: doc.chars,
    }
}

/// The files of a pack, by name.
pub struct Pack {
    pub files: Vec<(String, Vec<u8>)>,
    /// The corpus content hash, computed from the document records written.
    pub content_hash: String,
}

pub fn text_file(chunk: usize) -> String {
    format!("text-{chunk:04}.bin")
}

pub fn detail_file(chunk: usize) -> String {
    format!("doc-{chunk:04}.json")
}

/// The id of initiative `k` (0-based) of a document.
pub fn initiative_id(doc: &str, k: usize) -> String {
    numbered(doc, "-i", k + 1)
}

pub fn metric_id(doc: &str, k: usize) -> String {
    numbered(doc, "-m", k + 1)
}

/// `{doc}{tag}{n}`, built directly: the build step makes one per initiative and figure, and
/// `format!` cost several times the copying.
fn numbered(doc: &str, tag: &str, n: usize) -> String {
    let mut buf = [0u8; 20];
    let digits = decimal(n, &mut buf);
    let mut s = String::with_capacity(doc.len() + tag.len() + digits.len());
    s.push_str(doc);
    s.push_str(tag);
    s.push_str(digits);
    s
}

/// `n` in decimal, written into `buf`.
fn decimal(n: usize, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    let mut v = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).expect("ASCII digits")
}

/// Whether `id` is `{doc}{tag}{n}`, without building it.
#[cfg(feature = "ingest")]
fn is_numbered(id: &str, doc: &str, tag: &str, n: usize) -> bool {
    let mut buf = [0u8; 20];
    id.strip_prefix(doc).and_then(|r| r.strip_prefix(tag)) == Some(decimal(n, &mut buf))
}

/// Key of a single folded character in the search postings.
pub fn unigram_key(c: char) -> u64 {
    (1u64 << 42) | c as u64
}

pub fn is_unigram(key: u64) -> bool {
    key >> 42 == 1
}

/// Key of a pair of folded characters.
pub fn bigram_key(a: char, b: char) -> u64 {
    ((a as u64) << 21) | b as u64
}

/// The searchable text of a document, folded: title, then headings and paragraphs, one per
/// line. A query never contains a line break, so no match spans two blocks.
pub fn folded_text(d: &Document) -> String {
    let mut s = String::with_capacity(d.chars * 3 + d.title.len() + 16);
    let mut push = |t: &str| {
        crate::fold::fold_into(&mut s, t);
        s.push('\n');
    };
    push(&d.title);
    for sec in &d.sections {
        if let Some(h) = &sec.heading {
            push(h);
        }
        for p in &sec.paragraphs {
            push(p);
        }
    }
    s
}

/// Splits a corpus into pack files, in memory (`index.bin` first). See [`pack_into`].
#[cfg(feature = "ingest")]
pub fn pack(corpus: &Corpus) -> Result<Pack, String> {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let content_hash = pack_into(corpus, &mut |name, bytes| {
        files.push((name.to_string(), bytes.to_vec()));
        Ok(())
    })?;
    // The index first: it is what the app loads before its first render.
    if let Some(k) = files.iter().position(|(n, _)| n == "index.bin") {
        let index = files.remove(k);
        files.insert(0, index);
    }
    Ok(Pack {
        files,
        content_hash,
    })
}

/// Receives each pack file (name, bytes); an error stops the pack.
#[cfg(feature = "ingest")]
pub type Sink<'a> = dyn FnMut(&str, &[u8]) -> Result<(), String> + 'a;

/// Splits a corpus into pack files and hands each to `sink` (name, bytes) as soon as it is
/// complete, reusing one buffer per kind: a 50,000-document build need not hold 1.8 GB of
/// files at once. `index.bin` comes last, since it states the content hash, which is taken
/// over the document records as they are written. Returns that hash. Single-threaded: see
/// [`pack_into_threads`].
#[cfg(feature = "ingest")]
pub fn pack_into(corpus: &Corpus, sink: &mut Sink) -> Result<String, String> {
    pack_into_threads(corpus, sink, false)
}

/// [`pack_into`], with the search postings built on a second thread while this one writes the
/// document chunks when `two_threads` is set (same files, same bytes). The two are the larger
/// parts of writing a pack and share nothing but the corpus: at 50,000 documents the postings
/// took 2.1 s and the document chunks 3.2 s, one after the other. Only for native callers that
/// were given more than one core: wasm32 has no threads.
#[cfg(feature = "ingest")]
pub fn pack_into_threads(
    corpus: &Corpus,
    sink: &mut Sink,
    two_threads: bool,
) -> Result<String, String> {
    if corpus.themes.len() > 32 {
        return Err(format!(
            "{} themes; the pack stores themes as a 32-bit set",
            corpus.themes.len()
        ));
    }
    let docs = &corpus.documents;
    let (inits_of, mets_of) = by_document(corpus)?;
    let theme_bit: FxHashMap<&str, u32> = corpus
        .themes
        .iter()
        .enumerate()
        .map(|(k, t)| (t.id.as_str(), 1u32 << k))
        .collect();
    let canon_pos: FxHashMap<&str, usize> = corpus
        .canonical
        .iter()
        .enumerate()
        .map(|(k, c)| (c.key.as_str(), k))
        .collect();

    let mut names = Interner::default();
    let mut strings = Interner::default();
    let mut ix = IndexPack {
        meta: IndexMeta {
            schema_version: SCHEMA_VERSION,
            pack_version: PACK_VERSION,
            generator: corpus.build.generator.clone(),
            content_hash: corpus.build.content_hash.clone(),
            themes: corpus.themes.clone(),
            documents: Vec::with_capacity(docs.len()),
            names: vec![],
            strings: vec![],
            canonical: corpus
                .canonical
                .iter()
                .map(|c| CanonRow {
                    key: c.key.clone(),
                    name: (c.name != c.key).then(|| c.name.clone()),
                    themes: c
                        .themes
                        .iter()
                        .filter_map(|t| theme_bit.get(t.as_str()))
                        .fold(0, |a, b| a | b),
                    bureaus: c.bureaus.len() as u32,
                    documents: c.doc_ids.len() as u32,
                    first_date: c.first_date.clone(),
                })
                .collect(),
            text_chunk: TEXT_CHUNK as u32,
            detail_chunk: DETAIL_CHUNK as u32,
            fold_table: crate::fold::TABLE_TEXT.to_string(),
        },
        doc_first_init: Vec::with_capacity(docs.len() + 1),
        doc_first_metric: Vec::with_capacity(docs.len() + 1),
        init_name: vec![],
        init_canon: vec![],
        init_themes: vec![],
        met_init: vec![],
        met_value: vec![],
        met_norm: vec![],
        met_unit: vec![],
        met_norm_unit: vec![],
        met_category: vec![],
        met_raw: vec![],
        met_label: vec![],
        met_bound: vec![],
    };
    for (d, doc) in docs.iter().enumerate() {
        let first_init = ix.init_name.len();
        ix.doc_first_init.push(first_init as u32);
        ix.doc_first_metric.push(ix.met_init.len() as u32);
        let init_ids: Vec<&str> = inits_of[d].iter().map(|i| i.id.as_str()).collect();
        for (k, i) in inits_of[d].iter().enumerate() {
            if !is_numbered(&i.id, &doc.id, "-i", k + 1) {
                return Err(format!(
                    "initiative {} is number {} of {}: ids must follow document order",
                    i.id,
                    k + 1,
                    doc.id
                ));
            }
            ix.init_name.push(names.get(&i.name));
            ix.init_canon.push(
                canon_pos
                    .get(i.canonical.as_str())
                    .map_or(NONE, |&c| c as u32),
            );
            ix.init_themes.push(
                i.themes
                    .iter()
                    .filter_map(|t| theme_bit.get(t.as_str()))
                    .fold(0, |a, b| a | b),
            );
        }
        for (k, m) in mets_of[d].iter().enumerate() {
            if !is_numbered(&m.id, &doc.id, "-m", k + 1) {
                return Err(format!(
                    "figure {} is number {} of {}: ids must follow document order",
                    m.id,
                    k + 1,
                    doc.id
                ));
            }
            ix.met_init.push(
                m.initiative_id
                    .as_deref()
                    .and_then(|id| position(&init_ids, &doc.id, "-i", id))
                    .map(|k| first_init as u32 + k)
                    .unwrap_or(NONE),
            );
            ix.met_value.push(m.value);
            ix.met_norm
                .push(m.normalized.as_ref().map_or(f64::NAN, |n| n.value));
            ix.met_unit.push(strings.get(&m.unit));
            ix.met_norm_unit
                .push(m.normalized.as_ref().map_or(NONE, |n| strings.get(&n.unit)));
            ix.met_category.push(strings.get(&m.category));
            ix.met_raw.push(strings.get(&m.raw));
            ix.met_label.push(strings.get(&m.label));
            ix.met_bound.push(match m.bound {
                Bound::Exact => 0,
                Bound::Approximate => 1,
                Bound::LowerBound => 2,
            });
        }
        ix.meta.documents.push(light(doc));
    }
    ix.doc_first_init.push(ix.init_name.len() as u32);
    ix.doc_first_metric.push(ix.met_init.len() as u32);
    ix.meta.names = names.list;
    ix.meta.strings = strings.list;

    // Search postings (and the folded texts, which the text chunks hold) on one side, the
    // document chunks on the other.
    let search_part = || {
        let folded: Vec<String> = docs.iter().map(folded_text).collect();
        let folded_names: Vec<String> =
            ix.meta.names.iter().map(|n| crate::fold::fold(n)).collect();
        let search = search_pack(&folded, &folded_names);
        (folded, search)
    };
    // Detail chunks: the corpus model, per document. The content hash is taken over the same
    // record bytes (see [`content_hash`]), so it costs no second serialization.
    let mut hasher = Sha256::new();
    let mut detail_part = |sink: &mut Sink| -> Result<(), String> {
        let mut json = Vec::new();
        for (c, start) in (0..docs.len()).step_by(DETAIL_CHUNK).enumerate() {
            json.clear();
            json.push(b'[');
            for d in start..(start + DETAIL_CHUNK).min(docs.len()) {
                if d > start {
                    json.push(b',');
                }
                let at = json.len();
                record(&docs[d], &inits_of[d], &mets_of[d], &mut json)?;
                hash_record(&mut hasher, &json[at..]);
            }
            json.push(b']');
            sink(&detail_file(c), &json)?;
        }
        Ok(())
    };
    let (folded, search) = if two_threads {
        std::thread::scope(|s| {
            let worker = s.spawn(search_part);
            let details = detail_part(sink);
            let searched = worker
                .join()
                .map_err(|_| "the search postings worker failed".to_string());
            details.and(searched)
        })?
    } else {
        let searched = search_part();
        detail_part(sink)?;
        searched
    };
    sink("search.bin", &search)?;
    drop(search);
    for (c, chunk) in folded.chunks(TEXT_CHUNK).enumerate() {
        let mut w = Blobs::new();
        let mut offsets = Vec::with_capacity(chunk.len() + 1);
        let mut bytes = Vec::new();
        for t in chunk {
            offsets.push(bytes.len() as u32);
            bytes.extend_from_slice(t.as_bytes());
        }
        offsets.push(bytes.len() as u32);
        w.u32s(&offsets);
        w.bytes(&bytes);
        sink(&text_file(c), &w.finish())?;
    }
    drop(folded);
    let content_hash = hex(&hasher.finalize());
    if !corpus.build.content_hash.is_empty() && corpus.build.content_hash != content_hash {
        return Err(format!(
            "the corpus says its content hash is {}, its content hashes to {content_hash}",
            corpus.build.content_hash
        ));
    }
    ix.meta.content_hash = content_hash.clone();
    sink("index.bin", &ix.encode())?;
    Ok(content_hash)
}

/// Granularity of the first-occurrence offsets in the document pair postings, in bytes of
/// folded text. One varint byte per posting covers texts up to 8 KB; a scan that starts at
/// the block reads at most this many bytes before the first occurrence of the pair.
pub const FIRST_BLOCK: u32 = 64;

/// `search.bin`: postings for the document texts (pairs with their first-occurrence block),
/// then for the distinct initiative names (short, so no offsets).
#[cfg(feature = "ingest")]
fn search_pack(folded: &[String], names: &[String]) -> Vec<u8> {
    let mut w = Blobs::new();
    for (texts, firsts) in [(folded, true), (names, false)] {
        let (keys, offsets, bytes) = postings(texts, firsts);
        w.u32s(&[texts.len() as u32, firsts as u32]);
        w.u64s(&keys);
        w.u32s(&offsets);
        w.bytes(&bytes);
    }
    w.finish()
}

/// Per folded character and character pair, the texts containing it (delta + varint coded).
/// With `firsts`, each pair posting is followed by the block (`FIRST_BLOCK` bytes) of the
/// pair's first occurrence in that text, so a verifying scan can start there.
#[cfg(feature = "ingest")]
fn postings(texts: &[String], firsts: bool) -> (Vec<u64>, Vec<u32>, Vec<u8>) {
    // Each list is encoded as it grows (delta + varint, one or two bytes a posting) rather
    // than kept as (text, block) pairs: at 50,000 documents that is ~75 million postings, and
    // 8 bytes each were most of the pack writer's memory traffic.
    struct List {
        key: u64,
        /// Last text added, plus one (0: none yet).
        last: u32,
        bytes: Vec<u8>,
    }
    let mut index: FxHashMap<u64, usize> = FxHashMap::default();
    // Single characters of the Basic Multilingual Plane (all of CJK text) are looked up in a
    // table by code point: half of all lookups, and a hash each was 1–2 % of a build.
    let mut bmp: Vec<u32> = vec![u32::MAX; 0x10000];
    let mut lists: Vec<List> = Vec::new();
    // One pass in text order: a key's first sighting in a text is its first occurrence, and a
    // list whose last posting is this text already has it.
    let mut add = |k: u64, d: u32, block: u32| {
        let new_list = |lists: &mut Vec<List>| {
            lists.push(List {
                key: k,
                last: 0,
                bytes: Vec::new(),
            });
            lists.len() - 1
        };
        let code = (k & 0x1F_FFFF) as usize;
        let at = if is_unigram(k) && code < bmp.len() {
            if bmp[code] == u32::MAX {
                bmp[code] = new_list(&mut lists) as u32;
            }
            bmp[code] as usize
        } else {
            *index.entry(k).or_insert_with(|| new_list(&mut lists))
        };
        let l = &mut lists[at];
        if l.last == d + 1 {
            return;
        }
        let delta = if l.last == 0 { d } else { d - (l.last - 1) };
        varint(&mut l.bytes, delta);
        if firsts && !is_unigram(k) {
            varint(&mut l.bytes, block);
        }
        l.last = d + 1;
    };
    for (d, text) in texts.iter().enumerate() {
        let d = d as u32;
        let mut prev: Option<(char, usize)> = None;
        for (at, c) in text.char_indices() {
            if c == '\n' {
                prev = None;
                continue;
            }
            add(unigram_key(c), d, 0);
            if let Some((p, pat)) = prev {
                add(bigram_key(p, c), d, pat as u32 / FIRST_BLOCK);
            }
            prev = Some((c, at));
        }
    }
    drop(index);
    lists.sort_unstable_by_key(|l| l.key);
    let mut key_col = Vec::with_capacity(lists.len());
    let mut offsets = Vec::with_capacity(lists.len() + 1);
    let mut bytes = Vec::with_capacity(lists.iter().map(|l| l.bytes.len()).sum());
    for l in &lists {
        key_col.push(l.key);
        offsets.push(bytes.len() as u32);
        bytes.extend_from_slice(&l.bytes);
    }
    offsets.push(bytes.len() as u32);
    (key_col, offsets, bytes)
}

#[cfg(any(test, feature = "ingest"))]
fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Decodes varints into `out`.
fn varints(bytes: &[u8], out: &mut Vec<u32>) {
    let (mut acc, mut shift) = (0u32, 0u32);
    for &b in bytes {
        acc |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            out.push(acc);
            acc = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// Decodes delta + varint coded (document, first-occurrence block) pairs.
pub fn decode_postings_with_firsts(bytes: &[u8]) -> Vec<(u32, u32)> {
    let mut raw = Vec::with_capacity(bytes.len());
    varints(bytes, &mut raw);
    let mut last = 0u32;
    raw.chunks_exact(2)
        .enumerate()
        .map(|(n, p)| {
            last = if n == 0 {
                p[0]
            } else {
                last.wrapping_add(p[0])
            };
            (last, p[1])
        })
        .collect()
}

/// Decodes delta + varint coded document numbers.
pub fn decode_postings(bytes: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(bytes.len());
    let (mut acc, mut shift, mut last, mut first) = (0u32, 0u32, 0u32, true);
    for &b in bytes {
        acc |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            let d = if first { acc } else { last.wrapping_add(acc) };
            out.push(d);
            last = d;
            first = false;
            acc = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    out
}

#[cfg(feature = "ingest")]
#[derive(Default)]
struct Interner {
    list: Vec<String>,
    pos: FxHashMap<String, u32>,
}

#[cfg(feature = "ingest")]
impl Interner {
    fn get(&mut self, s: &str) -> u32 {
        if let Some(&p) = self.pos.get(s) {
            return p;
        }
        let p = self.list.len() as u32;
        self.list.push(s.to_string());
        self.pos.insert(s.to_string(), p);
        p
    }
}

impl CanonRow {
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.key)
    }
}

impl IndexPack {
    pub fn encode(&self) -> Vec<u8> {
        let columns = [
            &self.doc_first_init,
            &self.doc_first_metric,
            &self.init_name,
            &self.init_canon,
            &self.init_themes,
            &self.met_init,
            &self.met_unit,
            &self.met_norm_unit,
            &self.met_category,
            &self.met_raw,
            &self.met_label,
            &self.met_bound,
        ];
        // Sized up front: doubling a 30 MB buffer touches twice its pages, and fresh pages are
        // the costly part of writing it (the kernel zeroes each one). The JSON head's size is
        // estimated from its string lists and documents.
        let words: usize = columns.iter().map(|c| c.len() + 1).sum::<usize>()
            + 2 * (self.met_value.len() + self.met_norm.len() + 2);
        let listed: usize = (self.meta.names.iter())
            .chain(&self.meta.strings)
            .map(|s| s.len() + 3)
            .sum();
        let mut w = Blobs::new();
        w.out
            .reserve(words * 4 + listed + self.meta.documents.len() * 512);
        w.json(&self.meta);
        for col in columns {
            w.u32s(col);
        }
        w.f64s(&self.met_value);
        w.f64s(&self.met_norm);
        w.finish()
    }

    /// Reads `index.bin`, checking versions and that every column fits the tables.
    pub fn decode(bytes: &[u8]) -> Result<IndexPack, String> {
        let mut r = BlobReader::new(bytes)?;
        let meta: IndexMeta = r.json()?;
        if meta.schema_version != SCHEMA_VERSION {
            return Err(format!(
                "corpus schema {} but this app reads schema {SCHEMA_VERSION}",
                meta.schema_version
            ));
        }
        let mut u = || r.u32s();
        let (doc_first_init, doc_first_metric) = (u()?, u()?);
        let (init_name, init_canon, init_themes) = (u()?, u()?, u()?);
        let (met_init, met_unit, met_norm_unit, met_category, met_raw, met_label, met_bound) =
            (u()?, u()?, u()?, u()?, u()?, u()?, u()?);
        let met_value = r.f64s()?;
        let met_norm = r.f64s()?;
        let pack = IndexPack {
            meta,
            doc_first_init,
            doc_first_metric,
            init_name,
            init_canon,
            init_themes,
            met_init,
            met_value,
            met_norm,
            met_unit,
            met_norm_unit,
            met_category,
            met_raw,
            met_label,
            met_bound,
        };
        pack.check()?;
        Ok(pack)
    }

    fn check(&self) -> Result<(), String> {
        let nd = self.meta.documents.len();
        let ni = self.init_name.len();
        let nm = self.met_init.len();
        let ranges_ok = |v: &[u32], total: usize| {
            v.len() == nd + 1
                && v.windows(2).all(|w| w[0] <= w[1])
                && v.last().is_some_and(|&l| l as usize == total)
        };
        let within = |v: &[u32], n: usize, none_ok: bool| {
            v.iter()
                .all(|&x| (x as usize) < n || (none_ok && x == NONE))
        };
        let ns = self.meta.strings.len();
        let ok = ranges_ok(&self.doc_first_init, ni)
            && ranges_ok(&self.doc_first_metric, nm)
            && self.init_canon.len() == ni
            && self.init_themes.len() == ni
            && within(&self.init_name, self.meta.names.len(), false)
            && within(&self.init_canon, self.meta.canonical.len(), true)
            && within(&self.met_init, ni, true)
            && [
                &self.met_unit,
                &self.met_category,
                &self.met_raw,
                &self.met_label,
            ]
            .iter()
            .all(|c| c.len() == nm && within(c, ns, false))
            && self.met_norm_unit.len() == nm
            && self.met_bound.len() == nm
            && within(&self.met_norm_unit, ns, true)
            && self.met_value.len() == nm
            && self.met_norm.len() == nm;
        if ok {
            Ok(())
        } else {
            Err("index.bin columns are inconsistent".into())
        }
    }
}

/// Sorted gram keys, their posting ranges, and the coded postings, over some list of texts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Postings {
    /// How many texts (documents or names) the postings point into.
    pub texts: u32,
    /// Pair postings carry first-occurrence blocks (`FIRST_BLOCK`).
    pub firsts: bool,
    pub keys: Vec<u64>,
    pub offsets: Vec<u32>,
    pub postings: Vec<u8>,
}

impl Postings {
    fn read(r: &mut BlobReader) -> Result<Postings, String> {
        let head = r.u32s()?;
        let (texts, firsts) = match head[..] {
            [texts, firsts] if firsts <= 1 => (texts, firsts == 1),
            _ => return Err("search.bin has an unknown table header".into()),
        };
        let keys = r.u64s()?;
        let offsets = r.u32s()?;
        let postings = r.bytes()?.to_vec();
        let ok = offsets.len() == keys.len() + 1
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && offsets
                .last()
                .is_some_and(|&l| l as usize == postings.len())
            && keys.windows(2).all(|w| w[0] < w[1]);
        if !ok {
            return Err("search.bin is inconsistent".into());
        }
        Ok(Postings {
            texts,
            firsts,
            keys,
            offsets,
            postings,
        })
    }

    fn coded(&self, key: u64) -> Option<&[u8]> {
        let k = self.keys.binary_search(&key).ok()?;
        Some(&self.postings[self.offsets[k] as usize..self.offsets[k + 1] as usize])
    }

    /// Texts containing a gram, ascending.
    pub fn get(&self, key: u64) -> Vec<u32> {
        match self.coded(key) {
            Some(b) if self.firsts && !is_unigram(key) => decode_postings_with_firsts(b)
                .into_iter()
                .map(|(d, _)| d)
                .collect(),
            Some(b) => decode_postings(b),
            None => vec![],
        }
    }

    /// Texts containing a pair, ascending, each with the byte offset its first occurrence
    /// cannot precede (0 when the table has no offsets).
    pub fn get_with_firsts(&self, key: u64) -> Vec<(u32, u32)> {
        match self.coded(key) {
            Some(b) if self.firsts && !is_unigram(key) => decode_postings_with_firsts(b)
                .into_iter()
                .map(|(d, f)| (d, f.saturating_mul(FIRST_BLOCK)))
                .collect(),
            _ => self.get(key).into_iter().map(|d| (d, 0)).collect(),
        }
    }
}

/// `search.bin`: postings over the documents' folded texts and over the folded names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchPack {
    pub docs: Postings,
    pub names: Postings,
}

impl SearchPack {
    pub fn decode(bytes: &[u8]) -> Result<SearchPack, String> {
        let mut r = BlobReader::new(bytes)?;
        Ok(SearchPack {
            docs: Postings::read(&mut r)?,
            names: Postings::read(&mut r)?,
        })
    }
}

/// Reads a `text-NNNN.bin` chunk into its documents' folded texts.
pub fn decode_texts(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut r = BlobReader::new(bytes)?;
    let offsets = r.u32s()?;
    let text = std::str::from_utf8(r.bytes()?).map_err(|e| format!("text chunk: {e}"))?;
    offsets
        .windows(2)
        .map(|w| {
            text.get(w[0] as usize..w[1] as usize)
                .map(str::to_string)
                .ok_or_else(|| "text chunk offsets are inconsistent".to_string())
        })
        .collect()
}

struct Blobs {
    out: Vec<u8>,
}

impl Blobs {
    fn new() -> Blobs {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&PACK_VERSION.to_le_bytes());
        Blobs { out }
    }
    #[cfg(feature = "ingest")]
    fn bytes(&mut self, b: &[u8]) {
        self.out.extend_from_slice(&(b.len() as u32).to_le_bytes());
        self.out.extend_from_slice(b);
    }
    /// Serialized in place behind its length, which is filled in afterwards.
    fn json<T: Serialize>(&mut self, v: &T) {
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        if serde_json::to_writer(&mut self.out, v).is_err() {
            self.out.truncate(at + 4);
        }
        let len = (self.out.len() - at - 4) as u32;
        self.out[at..at + 4].copy_from_slice(&len.to_le_bytes());
    }
    /// A column of fixed-width numbers, little-endian, written straight into the output. Each
    /// column used to be collected into a temporary vector first: no more instructions, but
    /// fresh pages for every column (peak memory at 10,000 documents was 60 MB higher).
    fn column<const N: usize, T: Copy>(&mut self, v: &[T], le: impl Fn(T) -> [u8; N]) {
        let len = v.len() * N;
        self.out.extend_from_slice(&(len as u32).to_le_bytes());
        let start = self.out.len();
        self.out.resize(start + len, 0);
        for (dst, &x) in self.out[start..].chunks_exact_mut(N).zip(v) {
            dst.copy_from_slice(&le(x));
        }
    }
    fn u32s(&mut self, v: &[u32]) {
        self.column(v, u32::to_le_bytes);
    }
    #[cfg(feature = "ingest")]
    fn u64s(&mut self, v: &[u64]) {
        self.column(v, u64::to_le_bytes);
    }
    fn f64s(&mut self, v: &[f64]) {
        self.column(v, f64::to_le_bytes);
    }
    fn finish(self) -> Vec<u8> {
        self.out
    }
}

struct BlobReader<'a> {
    rest: &'a [u8],
}

impl<'a> BlobReader<'a> {
    fn new(b: &'a [u8]) -> Result<BlobReader<'a>, String> {
        if b.len() < 8 || &b[..4] != MAGIC {
            return Err("not a pack file".into());
        }
        let v = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
        if v != PACK_VERSION {
            return Err(format!(
                "pack version {v} but this app reads version {PACK_VERSION}"
            ));
        }
        Ok(BlobReader { rest: &b[8..] })
    }
    fn bytes(&mut self) -> Result<&'a [u8], String> {
        if self.rest.len() < 4 {
            return Err("pack file is truncated".into());
        }
        let n =
            u32::from_le_bytes([self.rest[0], self.rest[1], self.rest[2], self.rest[3]]) as usize;
        let body = self
            .rest
            .get(4..4 + n)
            .ok_or_else(|| "pack file is truncated".to_string())?;
        self.rest = &self.rest[4 + n..];
        Ok(body)
    }
    fn json<T: for<'de> Deserialize<'de>>(&mut self) -> Result<T, String> {
        serde_json::from_slice(self.bytes()?).map_err(|e| format!("pack metadata: {e}"))
    }
    fn u32s(&mut self) -> Result<Vec<u32>, String> {
        let b = self.bytes()?;
        if b.len() % 4 != 0 {
            return Err("pack column has a partial value".into());
        }
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    fn u64s(&mut self) -> Result<Vec<u64>, String> {
        let b = self.bytes()?;
        if b.len() % 8 != 0 {
            return Err("pack column has a partial value".into());
        }
        Ok(b.chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
            .collect())
    }
    fn f64s(&mut self) -> Result<Vec<f64>, String> {
        Ok(self.u64s()?.into_iter().map(f64::from_bits).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "ingest")]
    proptest::proptest! {
        /// Ids are `{doc}-i{n}` / `{doc}-m{n}`, and the check recognizes exactly those.
        #[test]
        fn numbered_ids(doc in "[a-z0-9_-]{0,12}", n in 0usize..100_000, other in "[-a-z0-9]{0,8}") {
            proptest::prop_assert_eq!(initiative_id(&doc, n), format!("{doc}-i{}", n + 1));
            proptest::prop_assert_eq!(metric_id(&doc, n), format!("{doc}-m{}", n + 1));
            proptest::prop_assert!(is_numbered(&initiative_id(&doc, n), &doc, "-i", n + 1));
            proptest::prop_assert_eq!(
                is_numbered(&other, &doc, "-m", n + 1),
                other == format!("{doc}-m{}", n + 1)
            );
        }
    }

    #[cfg(feature = "ingest")]
    #[test]
    fn numbered_ids_reject_lookalikes() {
        assert!(is_numbered("d1-i12", "d1", "-i", 12));
        for id in [
            "d1-i012", "d1-i12x", "d1-i+12", "d1-m12", "d1-i", "d1-i1 2", "d1-i13",
        ] {
            assert!(!is_numbered(id, "d1", "-i", 12), "{id}");
        }
        assert_eq!(
            initiative_id("d", usize::MAX - 1),
            format!("d-i{}", usize::MAX)
        );
    }

    #[test]
    fn find_text_is_str_find() {
        let cases = [
            ("纳税人学堂开讲。纳税人学堂", "纳税人学堂"),
            ("税税税税税税税税", "税税a"),
            ("abc", ""),
            ("", "a"),
            ("a。b。c", "b。c"),
        ];
        for (hay, needle) in cases {
            assert_eq!(find_text(hay, needle), hay.find(needle), "{hay} / {needle}");
        }
        // Past 32 failed candidates it hands over to the searcher and still finds the first.
        let hay = format!("{}税务局", "税".repeat(100));
        assert_eq!(find_text(&hay, "税务局"), hay.find("税务局"));
        assert_eq!(find_text(&hay, "税务所"), None);
    }

    proptest::proptest! {
        #[test]
        fn find_text_agrees_with_str_find(hay in "[税务局a。]{0,60}", needle in "[税务局a。]{0,4}") {
            proptest::prop_assert_eq!(find_text(&hay, &needle), hay.find(needle.as_str()));
        }
    }

    #[test]
    fn postings_cover_characters_beyond_the_basic_plane() {
        // 𠀀 (U+20000) goes through the hashed path, 纳 through the table; both are found.
        let texts = ["𠀀纳".to_string(), "纳税".to_string(), "𠀀".to_string()];
        let (keys, offsets, bytes) = postings(&texts, false);
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "keys sorted and unique"
        );
        let list = |k: u64| {
            let i = keys.binary_search(&k).expect("key present");
            decode_postings(&bytes[offsets[i] as usize..offsets[i + 1] as usize])
        };
        assert_eq!(list(unigram_key('𠀀')), [0, 2]);
        assert_eq!(list(unigram_key('纳')), [0, 1]);
        assert_eq!(list(bigram_key('𠀀', '纳')), [0]);
        assert_eq!(list(bigram_key('纳', '税')), [1]);
    }

    #[test]
    fn postings_round_trip() {
        let mut b = Vec::new();
        let docs = [0u32, 1, 5, 130, 20_000, 1_000_000];
        let mut last = 0;
        for (n, &d) in docs.iter().enumerate() {
            varint(&mut b, if n == 0 { d } else { d - last });
            last = d;
        }
        assert_eq!(decode_postings(&b), docs);
    }

    #[test]
    fn pair_postings_carry_first_blocks() {
        let texts = ["纳税人".to_string(), format!("{}纳税", "x".repeat(200))];
        let (keys, offsets, bytes) = postings(&texts, true);
        let p = Postings {
            texts: 2,
            firsts: true,
            keys,
            offsets,
            postings: bytes,
        };
        assert_eq!(
            p.get_with_firsts(bigram_key('纳', '税')),
            vec![(0, 0), (1, 3 * FIRST_BLOCK)]
        );
        assert_eq!(p.get(bigram_key('纳', '税')), vec![0, 1]);
        assert_eq!(p.get(unigram_key('人')), vec![0]);
    }

    #[test]
    fn rejects_foreign_and_truncated_files() {
        assert!(IndexPack::decode(b"").is_err());
        assert!(IndexPack::decode(b"PK\x03\x04....").is_err());
        let mut w = Blobs::new();
        w.u32s(&[1, 2, 3]);
        let mut f = w.finish();
        f.truncate(f.len() - 2);
        assert!(SearchPack::decode(&f).is_err());
        assert!(decode_texts(&f).is_err());
    }
}
