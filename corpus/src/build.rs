//! The one build path: files in path order → the assembled corpus (for its JSON) and/or the
//! explorer's data pack, with a record of every file. The CLI, the browser import and every
//! test go through [`Build`]:
//!
//! ```
//! # use corpus::build::{Build, BuildOptions};
//! let mut files = Vec::new();
//! let mut build = Build::new(BuildOptions {
//!     corpus: true,
//!     pack: Some(Box::new(|name: &str, bytes: &[u8]| {
//!         files.push((name.to_string(), bytes.to_vec()));
//!         Ok(())
//!     })),
//! })
//! .unwrap();
//! build.add("a.txt", "某县税务局开设纳税人学堂12场。".as_bytes()).unwrap();
//! let outcome = build.finish().unwrap();
//! assert_eq!(outcome.corpus.unwrap().documents.len(), 1);
//! assert!(files.iter().any(|(n, _)| n == "index.bin"));
//! ```
//!
//! Processing a file ([`process`]: ingest, place, extract) is pure and independent of every
//! other file, so callers may run it in parallel and hand the results to
//! [`Build::add_processed`] in path order; what a file becomes then depends only on the files
//! before it, and the output is byte-identical however the work was spread.

use crate::assemble::{generator, vocab_themes, Accepted, Assembler, Collected, FileResult};
use crate::extract::extract;
use crate::ingest::{ingest, IngestError, Ingested};
use crate::model::{Corpus, InputRecord, InputStatus};
use crate::pack::detail::{record, ContentHash};
use crate::pack::{BuildReport, DocDetail, PackError, PackSink, PackWriter};
use std::collections::HashMap;

/// Ingest and place one file: the document with its metadata, before extraction.
pub fn prepare(path: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    ingest(path, bytes).map(|mut ing| {
        crate::place::locate(&mut ing.doc);
        ing.doc.flags = ing.doc.metadata_flags();
        ing
    })
}

/// Ingest, place and extract one file. Never panics on any input (fuzzed).
pub fn process(path: &str, bytes: &[u8]) -> FileResult {
    let outcome = prepare(path, bytes).map(|ing| {
        let ex = extract(&ing.doc);
        (ing, ex)
    });
    FileResult {
        path: path.to_string(),
        bytes: bytes.len() as u64,
        outcome,
    }
}

/// Files larger than this are reported and skipped unread, by the CLI and the browser import
/// alike: no tax article is 64 MB of text.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A file refused before it was read (too large, unreadable): skipped, with the reason.
pub fn refused(path: &str, bytes: u64, why: String) -> FileResult {
    FileResult {
        path: path.to_string(),
        bytes,
        outcome: Err(IngestError::Unreadable(why)),
    }
}

/// A file of `bytes` bytes that is larger than [`MAX_FILE_BYTES`].
pub fn too_large(path: &str, bytes: u64) -> FileResult {
    refused(path, bytes, format!("larger than {MAX_FILE_BYTES} bytes"))
}

/// What a build produces.
pub struct BuildOptions<'a> {
    /// Keep every document, to return the whole [`Corpus`] (what the corpus JSON holds).
    /// Without it a build holds a batch of documents at a time, however many it reads.
    pub corpus: bool,
    /// Write the data pack into this sink.
    pub pack: Option<Box<dyn PackSink + 'a>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BuildError {
    Pack(PackError),
    /// Files must come in path order (the order the corpus lists them in).
    OutOfOrder {
        previous: String,
        path: String,
    },
    /// Documents of an earlier build come before every file of this one.
    BuiltAfterFiles,
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::Pack(e) => write!(f, "cannot pack corpus: {e}"),
            BuildError::OutOfOrder { previous, path } => {
                write!(
                    f,
                    "{path} comes after {previous}: files must be added in path order"
                )
            }
            BuildError::BuiltAfterFiles => {
                f.write_str("documents of an earlier build must come before the new files")
            }
        }
    }
}

impl std::error::Error for BuildError {}

impl From<PackError> for BuildError {
    fn from(e: PackError) -> Self {
        BuildError::Pack(e)
    }
}

/// Documents, initiatives and figures taken into the corpus so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub documents: usize,
    pub initiatives: usize,
    pub metrics: usize,
}

pub struct Build<'a> {
    assembler: Assembler,
    collected: Option<Collected>,
    writer: Option<PackWriter<'a>>,
    /// The content hash when no pack is written (the writer hashes what it writes).
    hash: ContentHash,
    record: Vec<u8>,
    last_path: Option<String>,
    totals: Totals,
    per_document: HashMap<String, (usize, usize)>,
}

/// A finished build.
pub struct Outcome {
    /// One record per file, in the order added: nothing is dropped silently.
    pub inputs: Vec<InputRecord>,
    pub totals: Totals,
    /// Initiatives and figures of each document taken in, by document id.
    pub per_document: HashMap<String, (usize, usize)>,
    pub content_hash: String,
    /// The corpus, when [`BuildOptions::corpus`] asked for it.
    pub corpus: Option<Corpus>,
}

impl Outcome {
    /// Whether every file was built without a warning.
    pub fn clean(&self) -> bool {
        self.inputs.iter().all(|i| i.status == InputStatus::Built)
    }
}

impl<'a> Build<'a> {
    pub fn new(options: BuildOptions<'a>) -> Result<Build<'a>, BuildError> {
        let writer = match options.pack {
            Some(sink) => Some(PackWriter::new(generator(), vocab_themes(), sink)?),
            None => None,
        };
        Ok(Build {
            assembler: Assembler::default(),
            collected: options.corpus.then(|| Collected::with_capacity(0, 0, 0)),
            writer,
            hash: ContentHash::default(),
            record: Vec::new(),
            last_path: None,
            totals: Totals::default(),
            per_document: HashMap::new(),
        })
    }

    /// Lists the records of an earlier build's files first in this build's record (its
    /// report), as [`Build::add_built`] takes in that build's documents.
    pub fn add_records(&mut self, records: impl IntoIterator<Item = InputRecord>) {
        self.assembler.inputs.extend(records);
    }

    /// Takes in a document of an earlier build as that build made it (ids and all), e.g. read
    /// back from its pack's document chunks, before any new file: the files added after it
    /// are checked against it for duplicates and ids as if they came after the earlier
    /// build's files in one build. With the earlier build's records ([`Build::add_records`])
    /// and documents in order, the output is byte for byte that of one build over the
    /// earlier files followed by the new ones.
    pub fn add_built(&mut self, d: DocDetail) -> Result<(), BuildError> {
        if self.last_path.is_some() {
            return Err(BuildError::BuiltAfterFiles);
        }
        self.assembler.reserve(&d.document);
        self.take(Accepted {
            document: d.document,
            initiatives: d.initiatives,
            metrics: d.metrics,
        })
    }

    /// Processes and adds one file.
    pub fn add(&mut self, path: &str, bytes: &[u8]) -> Result<&InputRecord, BuildError> {
        self.add_processed(process(path, bytes))
    }

    /// Adds a file processed with [`process`]; returns what became of it.
    pub fn add_processed(&mut self, r: FileResult) -> Result<&InputRecord, BuildError> {
        if let Some(previous) = &self.last_path {
            if r.path < *previous {
                return Err(BuildError::OutOfOrder {
                    previous: previous.clone(),
                    path: r.path,
                });
            }
        }
        self.last_path = Some(r.path.clone());
        if let Some(a) = self.assembler.add(r) {
            self.take(a)?;
        }
        Ok(self
            .assembler
            .inputs
            .last()
            .expect("the assembler records every file"))
    }

    /// Writes an accepted document into the pack (or the hash) and the corpus.
    fn take(&mut self, a: Accepted) -> Result<(), BuildError> {
        let (ni, nm) = (a.initiatives.len(), a.metrics.len());
        self.totals.documents += 1;
        self.totals.initiatives += ni;
        self.totals.metrics += nm;
        self.per_document.insert(a.document.id.clone(), (ni, nm));
        let inits: Vec<_> = a.initiatives.iter().collect();
        let mets: Vec<_> = a.metrics.iter().collect();
        match self.writer.as_mut() {
            Some(w) => w.add(&a.document, &inits, &mets)?,
            None => {
                self.record.clear();
                record(&a.document, &inits, &mets, &mut self.record)?;
                self.hash.add(&self.record);
            }
        }
        if let Some(c) = self.collected.as_mut() {
            c.push(a);
        }
        Ok(())
    }

    pub fn totals(&self) -> Totals {
        self.totals
    }

    /// Writes the rest of the pack and assembles the corpus.
    pub fn finish(self) -> Result<Outcome, BuildError> {
        let inputs = self.assembler.inputs;
        let content_hash = match self.writer {
            Some(w) => w.finish(&inputs)?,
            None => self.hash.finish(),
        };
        let corpus = self.collected.map(|c| {
            let mut corpus = c.finish(inputs.clone());
            corpus.build.content_hash = content_hash.clone();
            corpus
        });
        Ok(Outcome {
            inputs,
            totals: self.totals,
            per_document: self.per_document,
            content_hash,
            corpus,
        })
    }
}

/// The corpus of in-memory files (path, bytes), sorted by path first.
pub fn corpus_of<'f>(files: impl IntoIterator<Item = (&'f str, &'f [u8])>) -> Corpus {
    let mut files: Vec<(&str, &[u8])> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut b = Build::new(BuildOptions {
        corpus: true,
        pack: None,
    })
    .expect("a build without a pack cannot fail to start");
    for (p, bytes) in files {
        b.add(p, bytes)
            .expect("sorted, and no pack to refuse a file");
    }
    b.finish()
        .expect("no pack to refuse a file")
        .corpus
        .expect("asked for the corpus")
}

/// Pack files by name, as a sink collects them in memory.
pub type PackFiles = Vec<(String, Vec<u8>)>;

/// The corpus and pack files of in-memory files (path, bytes), sorted by path first.
pub fn pack_of<'f>(
    files: impl IntoIterator<Item = (&'f str, &'f [u8])>,
) -> Result<(Corpus, PackFiles), BuildError> {
    let mut files: Vec<(&str, &[u8])> = files.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(b.0));
    let mut out: PackFiles = Vec::new();
    let outcome = {
        let mut b = Build::new(BuildOptions {
            corpus: true,
            pack: Some(Box::new(|name: &str, bytes: &[u8]| {
                out.push((name.to_string(), bytes.to_vec()));
                Ok(())
            })),
        })?;
        for (p, bytes) in files {
            b.add(p, bytes)?;
        }
        b.finish()?
    };
    Ok((outcome.corpus.expect("asked for the corpus"), out))
}

/// The corpus (what the corpus JSON holds) of a pack, from its build report and its document
/// chunks' documents in order: the same corpus the build that wrote the pack made.
pub fn corpus_from_pack(
    report: BuildReport,
    details: impl IntoIterator<Item = DocDetail>,
) -> Corpus {
    let mut c = Collected::with_capacity(0, 0, 0);
    for d in details {
        c.push(Accepted {
            document: d.document,
            initiatives: d.initiatives,
            metrics: d.metrics,
        });
    }
    let mut corpus = c.finish(report.inputs);
    corpus.build.content_hash = report.content_hash;
    corpus
}
