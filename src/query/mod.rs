//! Answering a query and a selection: the query language ([`parse`]), exact substring search
//! over the pack ([`search`]), which initiatives and documents a query matches ([`matching`]),
//! which initiatives pass the filters and how many each facet value would give ([`filter`]).

pub mod filter;
pub mod matching;
pub mod parse;
pub mod search;

pub use filter::{apply, documents_of, Outcome};
pub use matching::{query_match, QueryMatch, Tier};
