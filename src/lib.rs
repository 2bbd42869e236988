//! 税费服务举措浏览器 — the explorer app.
//!
//! Pure logic (native-tested with `cargo test`): [`data`] (the embedded corpus and indexes),
//! [`search`], [`filter`] (facets with disjunctive counts), [`url`] (state ↔ hash),
//! [`charts`] (aggregation), [`export`], [`state`] (the reducer), [`i18n`].
//! The Yew components in `ui` (wasm32 only) stay thin over these.

pub mod charts;
pub mod data;
pub mod export;
pub mod filter;
pub mod i18n;
pub mod search;
pub mod state;
pub mod text;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod ui;
