//! The tax-service initiatives corpus: data model, ingest and extraction.
//!
//! - [`model`] is plain serde data, always available (the explorer app uses only this, with
//!   `default-features = false`, so the wasm bundle carries no parser).
//! - With the `ingest` feature: [`ingest`] (bytes → normalized document), [`extract`]
//!   (initiatives, themes, metrics), [`assemble`] (files → corpus). None of it does I/O, so it
//!   also compiles to wasm32; the `corpus` binary adds directory walking and parallelism.

pub mod fold;
pub mod model;
pub mod pack;

#[cfg(feature = "ingest")]
pub mod assemble;
#[cfg(feature = "ingest")]
pub mod decode;
#[cfg(feature = "ingest")]
pub mod extract;
#[cfg(feature = "ingest")]
pub mod frontmatter;
#[cfg(feature = "ingest")]
pub mod gazetteer;
#[cfg(feature = "ingest")]
pub mod generate;
#[cfg(feature = "ingest")]
mod html;
#[cfg(feature = "ingest")]
pub mod ingest;
#[cfg(feature = "ingest")]
pub mod region;
#[cfg(feature = "ingest")]
pub mod text;
#[cfg(feature = "ingest")]
mod vocab;

#[cfg(feature = "ingest")]
pub use assemble::{assemble, build, process, FileResult};
pub use model::*;
