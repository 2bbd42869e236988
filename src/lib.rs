//! 税费服务举措浏览器 — the explorer app.
//!
//! The folders follow what the app does with the pack, data → state/query → views:
//!
//! | module | what |
//! |---|---|
//! | [`data`] | the pack as the app holds it ([`data::Dataset`]): columns, derived arrays, parts that arrive later |
//! | [`state`] | the reducer, the selection and the URL (all view state lives in the hash) |
//! | [`query`] | search (exact substring over the postings) and faceted filtering |
//! | [`view`] | view models: chart aggregation, exports, highlighting, labels |
//! | `ui` | Yew pages and components (wasm32 only), fed by props |
//!
//! Everything but `ui` is pure and tested natively (`tests/native/`).

pub mod data;
pub mod import;
pub mod query;
pub mod state;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod ui;
