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
use crate::model::CanonicalInitiative;
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
/// complete: its documents go through a [`PackWriter`] one by one, with the corpus's own
/// canonical groups and theme counts. Returns the content hash; a corpus that states another
/// one is an error (and no `index.bin` is written).
#[cfg(feature = "ingest")]
pub fn pack_into(corpus: &Corpus, sink: &mut Sink) -> Result<String, String> {
    let (inits_of, mets_of) = by_document(corpus)?;
    let mut w = PackWriter::new(corpus.build.generator.clone(), corpus.themes.clone(), sink)?;
    for (d, doc) in corpus.documents.iter().enumerate() {
        w.add(doc, &inits_of[d], &mets_of[d])?;
    }
    w.finish(Some(&corpus.canonical), &corpus.build.content_hash)
}

/// Writes a pack document by document, in corpus order, handing each file to its sink as soon
/// as it is complete: a document chunk every `DETAIL_CHUNK` documents, a text chunk every
/// `TEXT_CHUNK`, then `search.bin`, then `index.bin`, which states the content hash (taken over
/// the document records as they are written, so nothing is serialized twice) and names every
/// other file, so a failed build never leaves one behind. What it keeps between documents is
/// what the index and the search postings need (ids as small integers, documents without their
/// text): the CLI feeds it each file as soon as it is processed and assembled, and a build
/// holds no more than that, however many documents it reads.
#[cfg(feature = "ingest")]
pub struct PackWriter<'s, 'a> {
    sink: &'s mut Sink<'a>,
    theme_bit: FxHashMap<String, u32>,
    names: Interner,
    strings: Interner,
    /// Canonical keys, and each initiative's (a position in `keys`).
    keys: Interner,
    init_key: Vec<u32>,
    ix: IndexPack,
    hasher: Sha256,
    /// The document chunk being filled, and how many records it has.
    json: Vec<u8>,
    in_json: usize,
    detail_chunks: usize,
    /// The folded texts of the text chunk being filled.
    folded: Vec<String>,
    text_chunks: usize,
    postings: PostingsBuilder,
}

#[cfg(feature = "ingest")]
impl<'s, 'a> PackWriter<'s, 'a> {
    /// `themes` in the order their bits take; their counts are kept as given when
    /// [`PackWriter::finish`] is given the canonical groups, and counted otherwise.
    pub fn new(
        generator: String,
        themes: Vec<Theme>,
        sink: &'s mut Sink<'a>,
    ) -> Result<PackWriter<'s, 'a>, String> {
        if themes.len() > 32 {
            return Err(format!(
                "{} themes; the pack stores themes as a 32-bit set",
                themes.len()
            ));
        }
        let theme_bit = themes
            .iter()
            .enumerate()
            .map(|(k, t)| (t.id.clone(), 1u32 << k))
            .collect();
        Ok(PackWriter {
            sink,
            theme_bit,
            names: Interner::default(),
            strings: Interner::default(),
            keys: Interner::default(),
            init_key: Vec::new(),
            ix: IndexPack {
                meta: IndexMeta {
                    schema_version: SCHEMA_VERSION,
                    pack_version: PACK_VERSION,
                    generator,
                    content_hash: String::new(),
                    themes,
                    documents: Vec::new(),
                    names: vec![],
                    strings: vec![],
                    canonical: vec![],
                    text_chunk: TEXT_CHUNK as u32,
                    detail_chunk: DETAIL_CHUNK as u32,
                    fold_table: crate::fold::TABLE_TEXT.to_string(),
                },
                doc_first_init: vec![],
                doc_first_metric: vec![],
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
            },
            hasher: Sha256::new(),
            json: Vec::new(),
            in_json: 0,
            detail_chunks: 0,
            folded: Vec::with_capacity(TEXT_CHUNK),
            text_chunks: 0,
            postings: PostingsBuilder::new(true),
        })
    }

    fn theme_bits(&self, themes: &[String]) -> u32 {
        themes
            .iter()
            .filter_map(|t| self.theme_bit.get(t.as_str()))
            .fold(0, |a, b| a | b)
    }

    /// Adds the next document with its initiatives and figures, whose ids must be the
    /// document's id numbered in order (`{doc}-i1`, `{doc}-m1` …).
    pub fn add(
        &mut self,
        doc: &Document,
        initiatives: &[&Initiative],
        metrics: &[&Metric],
    ) -> Result<(), String> {
        let ix = &mut self.ix;
        let first_init = ix.init_name.len();
        ix.doc_first_init.push(first_init as u32);
        ix.doc_first_metric.push(ix.met_init.len() as u32);
        let init_ids: Vec<&str> = initiatives.iter().map(|i| i.id.as_str()).collect();
        for (k, i) in initiatives.iter().enumerate() {
            if !is_numbered(&i.id, &doc.id, "-i", k + 1) {
                return Err(format!(
                    "initiative {} is number {} of {}: ids must follow document order",
                    i.id,
                    k + 1,
                    doc.id
                ));
            }
            ix.init_name.push(self.names.get(&i.name));
            self.init_key.push(self.keys.get(&i.canonical));
            let bits = i
                .themes
                .iter()
                .filter_map(|t| self.theme_bit.get(t.as_str()))
                .fold(0, |a, b| a | b);
            ix.init_themes.push(bits);
        }
        for (k, m) in metrics.iter().enumerate() {
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
            let s = &mut self.strings;
            ix.met_unit.push(s.get(&m.unit));
            ix.met_norm_unit
                .push(m.normalized.as_ref().map_or(NONE, |n| s.get(&n.unit)));
            ix.met_category.push(s.get(&m.category));
            ix.met_raw.push(s.get(&m.raw));
            ix.met_label.push(s.get(&m.label));
            ix.met_bound.push(match m.bound {
                Bound::Exact => 0,
                Bound::Approximate => 1,
                Bound::LowerBound => 2,
            });
        }
        ix.meta.documents.push(light(doc));

        // The document chunk: the corpus model, per document; the content hash is taken over
        // the same record bytes (see [`content_hash`]).
        self.json.push(if self.in_json == 0 { b'[' } else { b',' });
        let at = self.json.len();
        record(doc, initiatives, metrics, &mut self.json)?;
        hash_record(&mut self.hasher, &self.json[at..]);
        self.in_json += 1;
        if self.in_json == DETAIL_CHUNK {
            self.flush_details()?;
        }
        self.folded.push(folded_text(doc));
        if self.folded.len() == TEXT_CHUNK {
            self.flush_texts()?;
        }
        Ok(())
    }

    fn flush_details(&mut self) -> Result<(), String> {
        self.json.push(b']');
        (self.sink)(&detail_file(self.detail_chunks), &self.json)?;
        self.json.clear();
        self.in_json = 0;
        self.detail_chunks += 1;
        Ok(())
    }

    fn flush_texts(&mut self) -> Result<(), String> {
        let mut w = Blobs::new();
        let mut offsets = Vec::with_capacity(self.folded.len() + 1);
        let mut bytes = Vec::new();
        for t in &self.folded {
            // Postings are added here, a chunk of texts at a time, rather than as each
            // document arrives: interleaved with extraction, the postings' tables and the
            // extraction automata pushed each other out of the caches, and a 50k build took
            // 15-25 % more user time than building the postings in one pass at the end.
            self.postings.add(t);
            offsets.push(bytes.len() as u32);
            bytes.extend_from_slice(t.as_bytes());
        }
        offsets.push(bytes.len() as u32);
        w.u32s(&offsets);
        w.bytes(&bytes);
        (self.sink)(&text_file(self.text_chunks), &w.finish())?;
        self.folded.clear();
        self.text_chunks += 1;
        Ok(())
    }

    /// Writes what is left: the last chunks, `search.bin` and `index.bin`. The canonical
    /// groups are `canonical` when given (a corpus's own; its theme counts are kept), and are
    /// grouped here otherwise, exactly as [`crate::assemble`] groups them (the theme counts
    /// too). A non-empty `stated_hash` must be the content hash. Returns the content hash.
    pub fn finish(
        mut self,
        canonical: Option<&[CanonicalInitiative]>,
        stated_hash: &str,
    ) -> Result<String, String> {
        if self.in_json > 0 {
            self.flush_details()?;
        }
        if !self.folded.is_empty() {
            self.flush_texts()?;
        }
        let ndocs = self.ix.meta.documents.len();
        self.ix.doc_first_init.push(self.ix.init_name.len() as u32);
        self.ix.doc_first_metric.push(self.ix.met_init.len() as u32);
        match canonical {
            Some(canonical) => self.given_groups(canonical),
            None => self.grouped_here(),
        }
        let PackWriter {
            sink,
            names,
            strings,
            mut ix,
            hasher,
            postings,
            ..
        } = self;
        ix.meta.names = names.list;
        ix.meta.strings = strings.list;

        let mut search = Blobs::new();
        postings.finish().write(&mut search, ndocs as u32, true);
        let mut names = PostingsBuilder::new(false);
        for n in &ix.meta.names {
            names.add(&crate::fold::fold(n));
        }
        names
            .finish()
            .write(&mut search, ix.meta.names.len() as u32, false);
        sink("search.bin", &search.finish())?;

        let content_hash = hex(&hasher.finalize());
        if !stated_hash.is_empty() && stated_hash != content_hash {
            return Err(format!(
                "the corpus says its content hash is {stated_hash}, its content hashes to {content_hash}"
            ));
        }
        ix.meta.content_hash = content_hash.clone();
        sink("index.bin", &ix.encode())?;
        Ok(content_hash)
    }

    fn given_groups(&mut self, canonical: &[CanonicalInitiative]) {
        let canon_pos: FxHashMap<&str, u32> = canonical
            .iter()
            .enumerate()
            .map(|(k, c)| (c.key.as_str(), k as u32))
            .collect();
        let key_pos: Vec<u32> = (self.keys.list.iter())
            .map(|k| canon_pos.get(k.as_str()).copied().unwrap_or(NONE))
            .collect();
        self.ix.init_canon = self.init_key.iter().map(|&k| key_pos[k as usize]).collect();
        self.ix.meta.canonical = canonical
            .iter()
            .map(|c| CanonRow {
                key: c.key.clone(),
                name: (c.name != c.key).then(|| c.name.clone()),
                themes: self.theme_bits(&c.themes),
                bureaus: c.bureaus.len() as u32,
                documents: c.doc_ids.len() as u32,
                first_date: c.first_date.clone(),
            })
            .collect();
    }

    fn grouped_here(&mut self) {
        let ix = &mut self.ix;
        let docs = &ix.meta.documents;
        let ntheme = ix.meta.themes.len();
        let mut init_doc = Vec::with_capacity(ix.init_name.len());
        for (d, w) in ix.doc_first_init.windows(2).enumerate() {
            init_doc.extend(std::iter::repeat_n(d as u32, (w[1] - w[0]) as usize));
        }
        let mut init_themes = Vec::with_capacity(ix.init_themes.len() * 2);
        let mut first_theme = Vec::with_capacity(ix.init_themes.len() + 1);
        let mut counts = vec![0usize; ntheme];
        for &bits in &ix.init_themes {
            first_theme.push(init_themes.len() as u32);
            for (t, count) in counts.iter_mut().enumerate() {
                if bits & (1 << t) != 0 {
                    init_themes.push(t as u32);
                    *count += 1;
                }
            }
        }
        first_theme.push(init_themes.len() as u32);
        let mut bureau_code: FxHashMap<&str, u32> = FxHashMap::default();
        let mut bureau_names: Vec<&str> = Vec::new();
        let doc_bureau = docs
            .iter()
            .map(|d| {
                let b = d.bureau.as_ref()?;
                Some(*bureau_code.entry(b.name.as_str()).or_insert_with(|| {
                    bureau_names.push(b.name.as_str());
                    bureau_names.len() as u32 - 1
                }))
            })
            .collect();
        let input = crate::assemble::CanonInput {
            init_key: std::mem::take(&mut self.init_key),
            init_name: ix.init_name.clone(),
            init_doc,
            init_themes,
            first_theme,
            keys: self.keys.list.iter().map(String::as_str).collect(),
            names: self.names.list.iter().map(String::as_str).collect(),
            theme_ids: ix.meta.themes.iter().map(|t| t.id.as_str()).collect(),
            doc_date: docs.iter().map(|d| d.date.as_deref()).collect(),
            doc_bureau,
            bureau_names,
        };
        let groups = crate::assemble::group(&input);
        let mut init_canon = vec![NONE; input.init_key.len()];
        let mut rows = Vec::with_capacity(groups.len());
        for (p, g) in groups.iter().enumerate() {
            for &k in &g.members {
                init_canon[k as usize] = p as u32;
            }
            rows.push(CanonRow {
                key: g.key.to_string(),
                name: (g.name != g.key).then(|| g.name.to_string()),
                themes: g
                    .themes
                    .iter()
                    .filter_map(|t| self.theme_bit.get(*t))
                    .fold(0, |a, b| a | b),
                bureaus: g.bureaus.len() as u32,
                documents: g.docs.len() as u32,
                first_date: g.first_date.map(str::to_string),
            });
        }
        drop(groups);
        drop(input);
        for (t, count) in ix.meta.themes.iter_mut().zip(counts) {
            t.count = count;
        }
        ix.init_canon = init_canon;
        ix.meta.canonical = rows;
    }
}

/// Granularity of the first-occurrence offsets in the document pair postings, in bytes of
/// folded text. One varint byte per posting covers texts up to 8 KB; a scan that starts at
/// the block reads at most this many bytes before the first occurrence of the pair.
pub const FIRST_BLOCK: u32 = 64;

/// Sorted gram keys, their posting ranges and the coded postings, as `search.bin` stores them.
#[cfg(feature = "ingest")]
struct Coded {
    keys: Vec<u64>,
    offsets: Vec<u32>,
    bytes: Vec<u8>,
}

#[cfg(feature = "ingest")]
impl Coded {
    /// One table of `search.bin`: postings into `texts` texts (documents, then names).
    fn write(&self, w: &mut Blobs, texts: u32, firsts: bool) {
        w.u32s(&[texts, firsts as u32]);
        w.u64s(&self.keys);
        w.u32s(&self.offsets);
        w.bytes(&self.bytes);
    }
}

/// Per folded character and character pair, the texts containing it (delta + varint coded),
/// over texts added one at a time (text `n` is the `n`-th added). With `firsts`, each pair
/// posting is followed by the block (`FIRST_BLOCK` bytes) of the pair's first occurrence in
/// that text, so a verifying scan can start there.
#[cfg(feature = "ingest")]
struct PostingsBuilder {
    firsts: bool,
    texts: u32,
    index: FxHashMap<u64, usize>,
    /// Single characters of the Basic Multilingual Plane (all of CJK text) are looked up in a
    /// table by code point: half of all lookups, and a hash each was 1–2 % of a build.
    bmp: Vec<u32>,
    lists: Vec<PostingList>,
}

/// Each list is encoded as it grows (delta + varint, one or two bytes a posting) rather than
/// kept as (text, block) pairs: at 50,000 documents that is ~75 million postings, and 8 bytes
/// each were most of the pack writer's memory traffic.
#[cfg(feature = "ingest")]
struct PostingList {
    key: u64,
    /// Last text added, plus one (0: none yet).
    last: u32,
    bytes: Vec<u8>,
}

#[cfg(feature = "ingest")]
impl PostingsBuilder {
    fn new(firsts: bool) -> PostingsBuilder {
        PostingsBuilder {
            firsts,
            texts: 0,
            index: FxHashMap::default(),
            bmp: vec![u32::MAX; 0x10000],
            lists: Vec::new(),
        }
    }

    /// One pass in text order: a key's first sighting in a text is its first occurrence, and
    /// a list whose last posting is this text already has it.
    #[inline]
    fn post(&mut self, k: u64, d: u32, block: u32) {
        let lists = &mut self.lists;
        let mut new_list = || {
            lists.push(PostingList {
                key: k,
                last: 0,
                bytes: Vec::new(),
            });
            lists.len() - 1
        };
        let code = (k & 0x1F_FFFF) as usize;
        let at = if is_unigram(k) && code < self.bmp.len() {
            if self.bmp[code] == u32::MAX {
                self.bmp[code] = new_list() as u32;
            }
            self.bmp[code] as usize
        } else {
            *self.index.entry(k).or_insert_with(new_list)
        };
        let l = &mut self.lists[at];
        if l.last == d + 1 {
            return;
        }
        let delta = if l.last == 0 { d } else { d - (l.last - 1) };
        varint(&mut l.bytes, delta);
        if self.firsts && !is_unigram(k) {
            varint(&mut l.bytes, block);
        }
        l.last = d + 1;
    }

    fn add(&mut self, text: &str) {
        let d = self.texts;
        self.texts += 1;
        let mut prev: Option<(char, usize)> = None;
        for (at, c) in text.char_indices() {
            if c == '\n' {
                prev = None;
                continue;
            }
            self.post(unigram_key(c), d, 0);
            if let Some((p, pat)) = prev {
                self.post(bigram_key(p, c), d, pat as u32 / FIRST_BLOCK);
            }
            prev = Some((c, at));
        }
    }

    fn finish(self) -> Coded {
        let PostingsBuilder {
            index, mut lists, ..
        } = self;
        drop(index);
        lists.sort_unstable_by_key(|l| l.key);
        let mut keys = Vec::with_capacity(lists.len());
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        let mut bytes = Vec::with_capacity(lists.iter().map(|l| l.bytes.len()).sum());
        for l in &lists {
            keys.push(l.key);
            offsets.push(bytes.len() as u32);
            bytes.extend_from_slice(&l.bytes);
        }
        offsets.push(bytes.len() as u32);
        Coded {
            keys,
            offsets,
            bytes,
        }
    }
}

/// [`PostingsBuilder`] over a list of texts.
#[cfg(test)]
fn postings(texts: &[String], firsts: bool) -> (Vec<u64>, Vec<u32>, Vec<u8>) {
    let mut b = PostingsBuilder::new(firsts);
    for t in texts {
        b.add(t);
    }
    let c = b.finish();
    (c.keys, c.offsets, c.bytes)
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
