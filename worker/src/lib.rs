//! The browser import's worker: the corpus build step (the `corpus` crate with its `ingest`
//! feature, the same code as `corpus build`) run in a Web Worker, so the page stays
//! responsive. It is its own wasm module, fetched only when a user imports; the explorer's
//! shell never contains a parser.
//!
//! | module | what |
//! |---|---|
//! | [`job`] | one import: an earlier pack's documents (when adding), then files in path order → pack files and report |
//! | [`zip`] | the pack as one `.zip` download (stored, no compression), to host with `dist/` |
//! | `main` (wasm32) | the message loop: `build`, `zip` and `corpus` requests from the page |
//!
//! Everything but `main` is pure and tested natively.

pub mod job;
pub mod zip;
