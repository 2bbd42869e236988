//! Answering a query and a selection: which documents contain the query ([`search`]), which
//! initiatives pass the filters and how many each facet value would give ([`filter`]).

pub mod filter;
pub mod search;

pub use filter::{apply, documents_of, query_match, Outcome, QueryMatch, Tier};
