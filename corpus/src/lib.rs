//! The tax-service initiatives corpus: data model, the build pipeline and the pack format.
//!
//! The modules follow the pipeline, raw files → ingest → place → extract → assemble → pack:
//!
//! | module | stage |
//! |---|---|
//! | [`model`] | the corpus model: plain serde data, ids |
//! | [`fold`] | search folding (traditional → simplified, fullwidth, case), one character for one |
//! | [`ingest`] | bytes → a normalized document (text, sections, stated metadata) |
//! | [`place`] | the document's bureau, province, city and district |
//! | [`extract`] | initiatives, recognitions, themes and figures |
//! | [`assemble`] | processed files → one corpus (duplicates, ids, canonical groups) |
//! | [`pack`] | the explorer's data pack: format, reader, and the streaming writer |
//! | [`build`] | the one build path over all of them |
//! | [`report`] | the build report as text (the CLI's, and the browser import's download) |
//!
//! The app depends on this crate with `default-features = false`: the model and the pack
//! reader only, so no parser, regex or gazetteer reaches the wasm bundle. With the `ingest`
//! feature everything else is there too; none of it does I/O, so it also compiles to wasm32
//! (the browser import). The `corpus` binary adds directory walking and parallelism.

pub mod fold;
pub mod model;
pub mod pack;

#[cfg(feature = "ingest")]
pub mod assemble;
#[cfg(feature = "ingest")]
pub mod build;
#[cfg(feature = "ingest")]
pub mod eval;
#[cfg(feature = "ingest")]
pub mod extract;
#[cfg(feature = "ingest")]
pub mod ingest;
#[cfg(feature = "ingest")]
pub mod place;
#[cfg(feature = "ingest")]
pub mod report;

#[cfg(feature = "ingest")]
pub use assemble::FileResult;
#[cfg(feature = "ingest")]
pub use build::{corpus_from_pack, corpus_of, pack_of, process, Build, BuildOptions, Outcome};
pub use model::*;
