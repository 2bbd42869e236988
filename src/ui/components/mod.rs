//! Components shared by the pages. Each takes what it shows and what it changes as props
//! (`XxxProps`, `on_<verb>` callbacks); only the dataset and the language come from [`Env`].
//!
//! [`Env`]: super::Env

pub mod charts;
pub mod export;
pub mod facets;
pub mod focus;
pub mod header;
pub mod search;
pub mod text;

use crate::state::UrlState;

/// A link to another state of the app (a real `href`, so it can be opened in a new tab).
pub fn href(url: &UrlState) -> String {
    url.to_hash()
}
