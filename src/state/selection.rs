//! What the user has selected: facet values (OR within a facet, AND across facets) and the
//! sort order.

use crate::data::Facet;
use std::collections::{BTreeMap, BTreeSet};

/// Selected values per facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection(pub BTreeMap<Facet, BTreeSet<String>>);

impl Selection {
    pub fn toggle(&mut self, f: Facet, value: &str) {
        let set = self.0.entry(f).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
        if set.is_empty() {
            self.0.remove(&f);
        }
    }

    pub fn clear(&mut self, f: Facet) {
        self.0.remove(&f);
    }

    pub fn is_selected(&self, f: Facet, value: &str) -> bool {
        self.0.get(&f).is_some_and(|s| s.contains(value))
    }

    pub fn is_empty(&self) -> bool {
        self.0.values().all(BTreeSet::is_empty)
    }

    /// The selected values of one facet, in order.
    pub fn values(&self, f: Facet) -> Vec<String> {
        self.0
            .get(&f)
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// Active (facet, value) pairs in a stable order.
    pub fn chips(&self) -> Vec<(Facet, String)> {
        self.0
            .iter()
            .flat_map(|(f, vs)| vs.iter().map(move |v| (*f, v.clone())))
            .collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Relevance,
    Date,
    Bureau,
}

impl Sort {
    pub fn key(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::Date => "date",
            Sort::Bureau => "bureau",
        }
    }
    pub fn from_key(k: &str) -> Option<Sort> {
        [Sort::Relevance, Sort::Date, Sort::Bureau]
            .into_iter()
            .find(|s| s.key() == k)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
/// The order of keyword-in-context lines (`order=` in the URL).
pub enum KwicOrder {
    /// Document order (the filter's order), then text order.
    #[default]
    Text,
    /// By the words just left of the hit (read right to left), as concordances sort.
    Left,
    Right,
    Bureau,
    Date,
}

impl KwicOrder {
    pub const ALL: [KwicOrder; 5] = [
        KwicOrder::Text,
        KwicOrder::Left,
        KwicOrder::Right,
        KwicOrder::Bureau,
        KwicOrder::Date,
    ];

    pub fn key(self) -> &'static str {
        match self {
            KwicOrder::Text => "text",
            KwicOrder::Left => "left",
            KwicOrder::Right => "right",
            KwicOrder::Bureau => "bureau",
            KwicOrder::Date => "date",
        }
    }

    pub fn from_key(k: &str) -> Option<KwicOrder> {
        KwicOrder::ALL.into_iter().find(|o| o.key() == k)
    }
}
