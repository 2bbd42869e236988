//! The streaming pack writer (`ingest` feature): documents go in one at a time, files come
//! out as soon as they are complete. The layouts it writes are in [`super::reader`] and
//! [`super::detail`].

use super::blob::Blobs;
use super::detail::{position, record, ContentHash};
use super::postings::PostingsBuilder;
use super::{
    block_index, detail_file, folded_text_blocks, text_file, CanonRow, IndexMeta, IndexPack,
    PackError, DETAIL_CHUNK, INDEX_FILE, NONE, PACK_VERSION, REPORT_FILE, SEARCH_FILE, TEXT_CHUNK,
};
use crate::assemble::canonical::{group, CanonInput};
use crate::fold::{fold, TABLE_TEXT};
use crate::model::{
    is_initiative_id, is_metric_id, Bound, Direction, Document, Initiative, InputRecord, Metric,
    Theme, INITIATIVE_TAG, SCHEMA_VERSION,
};
use rustc_hash::FxHashMap;

/// Receives each finished pack file (name, bytes); an error stops the pack, and `index.bin`,
/// which names every other file, is always the last one, so a failed build names no file
/// it did not write.
pub trait PackSink {
    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<(), PackError>;
}

impl<F: FnMut(&str, &[u8]) -> Result<(), String>> PackSink for F {
    fn put(&mut self, name: &str, bytes: &[u8]) -> Result<(), PackError> {
        self(name, bytes).map_err(PackError::Sink)
    }
}

/// Writes a pack document by document, in corpus order, handing each file to its sink as soon
/// as it is complete: a document chunk every `DETAIL_CHUNK` documents, a text chunk every
/// `TEXT_CHUNK`, then `search.bin`, then `index.bin`, which states the content hash (taken over
/// the document records as they are written, so nothing is serialized twice) and names every
/// other file, so a failed build never leaves one behind. What it keeps between documents is
/// what the index and the search postings need (ids as small integers, documents without their
/// text): the CLI feeds it each file as soon as it is processed and assembled, and a build
/// holds no more than that, however many documents it reads.
pub struct PackWriter<'a> {
    sink: Box<dyn PackSink + 'a>,
    theme_bit: FxHashMap<String, u32>,
    names: Interner,
    strings: Interner,
    /// Canonical keys, and each initiative's (a position in `keys`).
    keys: Interner,
    init_key: Vec<u32>,
    ix: IndexPack,
    hash: ContentHash,
    /// The document chunk being filled, and how many records it has.
    json: Vec<u8>,
    in_json: usize,
    detail_chunks: usize,
    /// The folded texts of the text chunk being filled.
    folded: Vec<String>,
    text_chunks: usize,
    postings: PostingsBuilder,
    /// English names of the places seen, by Chinese name.
    places_en: std::collections::BTreeMap<String, String>,
}

impl<'a> PackWriter<'a> {
    /// `themes` in the order their bits take (their counts are made by [`PackWriter::finish`]).
    pub fn new(
        generator: String,
        themes: Vec<Theme>,
        sink: Box<dyn PackSink + 'a>,
    ) -> Result<PackWriter<'a>, PackError> {
        if themes.len() > 32 {
            return Err(PackError::Input(format!(
                "{} themes; the pack stores themes as a 32-bit set",
                themes.len()
            )));
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
                    fold_table: TABLE_TEXT.to_string(),
                    places_en: vec![],
                },
                doc_first_init: vec![],
                doc_first_metric: vec![],
                init_name: vec![],
                init_canon: vec![],
                init_themes: vec![],
                init_pass_start: vec![],
                init_pass_end: vec![],
                met_init: vec![],
                met_value: vec![],
                met_norm: vec![],
                met_unit: vec![],
                met_norm_unit: vec![],
                met_category: vec![],
                met_raw: vec![],
                met_label: vec![],
                met_bound: vec![],
                met_direction: vec![],
            },
            hash: ContentHash::default(),
            json: Vec::new(),
            in_json: 0,
            detail_chunks: 0,
            folded: Vec::with_capacity(TEXT_CHUNK),
            text_chunks: 0,
            postings: PostingsBuilder::new(true),
            places_en: Default::default(),
        })
    }

    /// Adds the next document with its initiatives and figures, whose ids must be the
    /// document's id numbered in order (`{doc}-i1`, `{doc}-m1` …).
    pub fn add(
        &mut self,
        doc: &Document,
        initiatives: &[&Initiative],
        metrics: &[&Metric],
    ) -> Result<(), PackError> {
        let (folded, block_starts) = folded_text_blocks(doc);
        let ix = &mut self.ix;
        let first_init = ix.init_name.len();
        ix.doc_first_init.push(first_init as u32);
        ix.doc_first_metric.push(ix.met_init.len() as u32);
        for (k, i) in initiatives.iter().enumerate() {
            if !is_initiative_id(&i.id, &doc.id, k) {
                return Err(PackError::Input(format!(
                    "initiative {} is number {} of {}: ids must follow document order",
                    i.id,
                    k + 1,
                    doc.id
                )));
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
        passages(doc, initiatives, &block_starts, ix);
        for (k, m) in metrics.iter().enumerate() {
            if !is_metric_id(&m.id, &doc.id, k) {
                return Err(PackError::Input(format!(
                    "figure {} is number {} of {}: ids must follow document order",
                    m.id,
                    k + 1,
                    doc.id
                )));
            }
            ix.met_init.push(
                m.initiative_id
                    .as_deref()
                    .and_then(|id| position(id, &doc.id, INITIATIVE_TAG, initiatives.len()))
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
            ix.met_category.push(s.get(m.category.id()));
            ix.met_raw.push(s.get(&m.raw));
            ix.met_label.push(s.get(&m.label));
            ix.met_bound
                .push(Bound::ALL.iter().position(|&b| b == m.bound).unwrap_or(0) as u32);
            ix.met_direction.push(match m.direction {
                None => NONE,
                Some(d) => Direction::ALL.iter().position(|&x| x == d).unwrap_or(0) as u32,
            });
        }
        for p in [&doc.province, &doc.city, &doc.district]
            .into_iter()
            .flatten()
        {
            if !self.places_en.contains_key(&p.name) {
                let level = level_of_code(&p.code);
                self.places_en.insert(
                    p.name.clone(),
                    crate::place::english::english_name(&p.name, level),
                );
                self.places_en.insert(
                    p.short.clone(),
                    crate::place::english::english_short(&p.short),
                );
            }
        }
        ix.meta.documents.push(light(doc));

        // The document chunk: the corpus model, per document; the content hash is taken over
        // the same record bytes.
        self.json.push(if self.in_json == 0 { b'[' } else { b',' });
        let at = self.json.len();
        record(doc, initiatives, metrics, &mut self.json)?;
        self.hash.add(&self.json[at..]);
        self.in_json += 1;
        if self.in_json == DETAIL_CHUNK {
            self.flush_details()?;
        }
        self.folded.push(folded);
        if self.folded.len() == TEXT_CHUNK {
            self.flush_texts()?;
        }
        Ok(())
    }

    fn flush_details(&mut self) -> Result<(), PackError> {
        self.json.push(b']');
        self.sink
            .put(&detail_file(self.detail_chunks), &self.json)?;
        self.json.clear();
        self.in_json = 0;
        self.detail_chunks += 1;
        Ok(())
    }

    fn flush_texts(&mut self) -> Result<(), PackError> {
        let mut w = Blobs::new();
        let mut offsets = Vec::with_capacity(self.folded.len() + 1);
        let mut bytes = Vec::new();
        for t in &self.folded {
            // Postings are added here, a chunk of texts at a time, rather than as each
            // document arrives: interleaved with extraction, the postings' tables and the
            // extraction automata push each other out of the caches.
            self.postings.add(t);
            offsets.push(bytes.len() as u32);
            bytes.extend_from_slice(t.as_bytes());
        }
        offsets.push(bytes.len() as u32);
        w.u32s(&offsets);
        w.bytes(&bytes);
        self.sink.put(&text_file(self.text_chunks), &w.finish())?;
        self.folded.clear();
        self.text_chunks += 1;
        Ok(())
    }

    /// Writes what is left: the last chunks, `search.bin` and `index.bin`, with the canonical
    /// groups and theme counts made exactly as [`crate::assemble`] makes them. Returns the
    /// content hash.
    pub fn finish(mut self, inputs: &[InputRecord]) -> Result<String, PackError> {
        if self.in_json > 0 {
            self.flush_details()?;
        }
        if !self.folded.is_empty() {
            self.flush_texts()?;
        }
        let ndocs = self.ix.meta.documents.len();
        self.ix.doc_first_init.push(self.ix.init_name.len() as u32);
        self.ix.doc_first_metric.push(self.ix.met_init.len() as u32);
        self.grouped_here();
        let PackWriter {
            mut sink,
            names,
            strings,
            mut ix,
            hash,
            postings,
            places_en: mut self_places_en,
            ..
        } = self;
        ix.meta.names = names.list;
        ix.meta.places_en = std::mem::take(&mut self_places_en).into_iter().collect();
        ix.meta.strings = strings.list;

        let mut search = Blobs::new();
        postings.finish().write(&mut search, ndocs as u32, true);
        let mut names = PostingsBuilder::new(false);
        for n in &ix.meta.names {
            names.add(&fold(n));
        }
        names
            .finish()
            .write(&mut search, ix.meta.names.len() as u32, false);
        sink.put(SEARCH_FILE, &search.finish())?;

        let content_hash = hash.finish();
        ix.meta.content_hash = content_hash.clone();
        let report = serde_json::to_vec(&super::BuildReport {
            content_hash: content_hash.clone(),
            inputs: inputs.to_vec(),
        })
        .map_err(|e| PackError::Input(e.to_string()))?;
        sink.put(REPORT_FILE, &report)?;
        sink.put(INDEX_FILE, &encode_index(&ix))?;
        Ok(content_hash)
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
        let input = CanonInput {
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
        let groups = group(&input);
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

fn encode_index(ix: &IndexPack) -> Vec<u8> {
    let columns = [
        &ix.doc_first_init,
        &ix.doc_first_metric,
        &ix.init_name,
        &ix.init_canon,
        &ix.init_themes,
        &ix.met_init,
        &ix.met_unit,
        &ix.met_norm_unit,
        &ix.met_category,
        &ix.met_raw,
        &ix.met_label,
        &ix.met_bound,
        &ix.init_pass_start,
        &ix.init_pass_end,
        &ix.met_direction,
    ];
    // Sized up front: doubling a large buffer touches twice its pages, and fresh pages are
    // the costly part of writing it (the kernel zeroes each one). The JSON head's size is
    // estimated from its string lists and documents.
    let words: usize = columns.iter().map(|c| c.len() + 1).sum::<usize>()
        + 2 * (ix.met_value.len() + ix.met_norm.len() + 2);
    let listed: usize = (ix.meta.names.iter())
        .chain(&ix.meta.strings)
        .map(|s| s.len() + 3)
        .sum();
    let mut w = Blobs::new();
    w.out
        .reserve(words * 4 + listed + ix.meta.documents.len() * 512);
    w.json(&ix.meta);
    for col in columns {
        w.u32s(col);
    }
    w.f64s(&ix.met_value);
    w.f64s(&ix.met_norm);
    w.finish()
}

/// Each initiative's passage (the sentence it was found in, its summary) as a byte range of
/// the document's folded text, so that the app can tell an occurrence in an initiative's own
/// words from one elsewhere in its document. Blocks are mapped once each, so a paragraph of
/// megabytes with thousands of initiatives stays linear.
fn passages(doc: &Document, initiatives: &[&Initiative], starts: &[usize], ix: &mut IndexPack) {
    let mut maps: FxHashMap<usize, Vec<(usize, usize)>> = FxHashMap::default();
    for i in initiatives {
        let l = &i.location;
        let block = doc.sections.get(l.section).and_then(|s| match l.paragraph {
            None => s.heading.as_deref(),
            Some(p) => s.paragraphs.get(p).map(String::as_str),
        });
        let (Some(text), Some(k)) = (block, block_index(doc, l.section, l.paragraph)) else {
            ix.init_pass_start.push(0);
            ix.init_pass_end.push(0);
            continue;
        };
        // The summary is the sentence around the first mention: the occurrence covering it.
        let summary = i.summary.as_str();
        let (s, e) = (!summary.is_empty())
            .then(|| {
                let from = l.start.saturating_sub(summary.len());
                let from = (0..=from)
                    .rev()
                    .find(|&b| text.is_char_boundary(b))
                    .unwrap_or(0);
                text[from..]
                    .match_indices(summary)
                    .map(|(at, _)| from + at)
                    .find(|&at| at <= l.start && l.end <= at + summary.len())
                    .map(|at| (at, at + summary.len()))
            })
            .flatten()
            .unwrap_or((l.start.min(text.len()), l.end.min(text.len())));
        let map = maps.entry(k).or_insert_with(|| fold_map(text));
        ix.init_pass_start
            .push((starts[k] + folded_at(map, s)) as u32);
        ix.init_pass_end
            .push((starts[k] + folded_at(map, e)) as u32);
    }
}

/// The level of a GB/T 2260 code: 1 province (`510000`), 2 prefecture (`510100`), 3 county.
fn level_of_code(code: &str) -> u8 {
    match (code.get(2..4), code.get(4..6)) {
        (Some("00"), Some("00")) => 1,
        (_, Some("00")) => 2,
        _ => 3,
    }
}

/// Where folding changes a character's byte length: (original byte after it, the folded
/// text's offset there). Most blocks have no entry.
fn fold_map(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut folded = 0;
    for (i, c) in text.char_indices() {
        folded += crate::fold::fold_char(c).len_utf8();
        if crate::fold::fold_char(c).len_utf8() != c.len_utf8() {
            out.push((i + c.len_utf8(), folded));
        }
    }
    out
}

/// The folded offset of original byte `at` of a block mapped by [`fold_map`].
fn folded_at(map: &[(usize, usize)], at: usize) -> usize {
    let k = map.partition_point(|&(orig, _)| orig <= at);
    match k {
        0 => at,
        _ => map[k - 1].1 + (at - map[k - 1].0),
    }
}

/// A document's metadata without its text and id lists (those are in the other files).
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

#[derive(Default)]
struct Interner {
    list: Vec<String>,
    pos: FxHashMap<String, u32>,
}

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
