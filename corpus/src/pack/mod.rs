//! The explorer's data pack: the corpus split into files a browser can load quickly.
//!
//! One corpus JSON grows to about 8× the raw text (every initiative repeats its sentence,
//! every id is a string), far too much to download and parse at 10,000 documents. The pack
//! keeps what the list, facets, search and charts need in compact columns, and the rest in
//! small files loaded on demand. [`reader`] opens with the wire layout of every file.
//!
//! | module | what |
//! |---|---|
//! | this one | format version, file names, gram keys, the searchable text, [`PackError`] |
//! | [`blob`] | the length-prefixed blob container of the binary files |
//! | [`detail`] | the rows of a `doc-NNNN.json` chunk, both ways |
//! | [`reader`] | `index.bin`, `search.bin` and `text-NNNN.bin` decoders (the app's side) |
//! | `writer`, `postings` | the streaming writer (`ingest` feature only) |
//! | [`fold`] | traditional → simplified folding; its table travels in `index.bin` |
//!
//! Nothing here does I/O: a writer hands each finished file to a [`PackSink`].

pub mod blob;
pub mod detail;
#[cfg(feature = "ingest")]
mod postings;
pub mod reader;
#[cfg(feature = "ingest")]
mod writer;

pub use detail::{decode_details, DocDetail};
pub use reader::{decode_texts, CanonRow, IndexMeta, IndexPack, Postings, SearchPack};
#[cfg(feature = "ingest")]
pub use writer::{PackSink, PackWriter};

use crate::fold;
use crate::model::Document;

/// `report.json`: what became of every input file of the build.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct BuildReport {
    pub content_hash: String,
    pub inputs: Vec<crate::model::InputRecord>,
}

/// What an import in the browser reports to the page once its pack is written: the record of
/// every file it was given (not those of a corpus it was added to), each built document's
/// initiatives and figures, the whole pack's totals, and the report as text.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ImportSummary {
    pub inputs: Vec<crate::model::InputRecord>,
    /// Initiatives and figures of the document each input became (0, 0 when none).
    pub counts: Vec<(usize, usize)>,
    pub documents: usize,
    pub initiatives: usize,
    pub metrics: usize,
    pub content_hash: String,
    /// The report as `corpus build` prints it, for download.
    pub text: String,
}

/// Bumped whenever the layout of any pack file changes.
pub const PACK_VERSION: u32 = 5;
/// "No value" in an index column.
pub const NONE: u32 = u32::MAX;
/// Documents per text chunk (folded texts are ~3 KB per generated document).
pub const TEXT_CHUNK: usize = 512;
/// Documents per detail chunk (full documents with initiatives are ~12 KB each): small,
/// because a page of cards from many documents waits for all of their chunks.
pub const DETAIL_CHUNK: usize = 16;
/// Granularity of the first-occurrence offsets in the document pair postings, in bytes of
/// folded text. One varint byte per posting covers texts up to 8 KB; a scan that starts at
/// the block reads at most this many bytes before the first occurrence of the pair.
pub const FIRST_BLOCK: u32 = 64;

pub const INDEX_FILE: &str = "index.bin";
pub const SEARCH_FILE: &str = "search.bin";
/// The build report: every input file with what became of it (JSON, loaded by the about page).
pub const REPORT_FILE: &str = "report.json";

/// The name of text chunk `chunk`.
pub fn text_file(chunk: usize) -> String {
    format!("text-{chunk:04}.bin")
}

/// The name of document chunk `chunk`.
pub fn detail_file(chunk: usize) -> String {
    format!("doc-{chunk:04}.json")
}

/// Whether `name` is a file a pack build writes (so a new build may replace it).
pub fn is_pack_file(name: &str) -> bool {
    (name.starts_with("text-") && name.ends_with(".bin"))
        || (name.starts_with("doc-") && name.ends_with(".json"))
        || name == INDEX_FILE
        || name == SEARCH_FILE
}

/// Everything that can go wrong reading or writing a pack.
#[derive(Debug, Clone, PartialEq)]
pub enum PackError {
    /// Not a pack file, or written by another pack or schema version.
    Format(String),
    /// The file is a pack file, but its parts contradict each other or are cut short.
    Inconsistent(String),
    /// What was given to the writer breaks the pack's rules (ids out of order, too many themes,
    /// a content hash that does not match).
    Input(String),
    /// The sink refused a file.
    Sink(String),
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::Format(m)
            | PackError::Inconsistent(m)
            | PackError::Input(m)
            | PackError::Sink(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for PackError {}

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
    folded_text_blocks(d).0
}

/// [`folded_text`] with the byte offset where each block starts in it: the title first, then
/// every section's heading (when it has one) and paragraphs, in reading order.
pub fn folded_text_blocks(d: &Document) -> (String, Vec<usize>) {
    let mut s = String::with_capacity(d.chars * 3 + d.title.len() + 16);
    let mut starts = Vec::new();
    let mut push = |t: &str| {
        starts.push(s.len());
        fold::fold_into(&mut s, t);
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
    (s, starts)
}

/// The block index in [`folded_text_blocks`] of a location's block (section, paragraph or
/// `None` for the heading), if the document has it.
pub fn block_index(d: &Document, section: usize, paragraph: Option<usize>) -> Option<usize> {
    let mut k = 1;
    for (si, sec) in d.sections.iter().enumerate() {
        let heading = usize::from(sec.heading.is_some());
        if si == section {
            return match paragraph {
                None => (heading == 1).then_some(k),
                Some(p) => (p < sec.paragraphs.len()).then_some(k + heading + p),
            };
        }
        k += heading + sec.paragraphs.len();
    }
    None
}

/// Byte offset in the folded text of byte `at` of an original block (folding maps one
/// character to one character, but not always to as many bytes).
pub fn folded_offset(block: &str, at: usize) -> usize {
    block
        .char_indices()
        .take_while(|&(i, _)| i < at)
        .map(|(_, c)| fold::fold_char(c).len_utf8())
        .sum()
}
