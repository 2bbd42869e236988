//! The facets: which document properties (and the initiative's themes) the explorer filters
//! and counts by, and each document's value for them.

use corpus::model::Document;

/// The value used for "not stated" (province unknown, date unknown …).
pub const UNKNOWN: &str = "?";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Theme = 0,
    Province = 1,
    City = 2,
    Bureau = 3,
    Publisher = 4,
    Kind = 5,
    Year = 6,
}

impl Facet {
    pub const COUNT: usize = 7;
    pub const ALL: [Facet; Facet::COUNT] = [
        Facet::Theme,
        Facet::Province,
        Facet::City,
        Facet::Bureau,
        Facet::Publisher,
        Facet::Kind,
        Facet::Year,
    ];

    /// The URL parameter name.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::Province => "province",
            Facet::City => "city",
            Facet::Bureau => "bureau",
            Facet::Publisher => "publisher",
            Facet::Kind => "kind",
            Facet::Year => "year",
        }
    }

    pub fn from_key(k: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == k)
    }
}

/// A document's value for a document facet (theme: none; not stated: [`UNKNOWN`]).
pub fn doc_value(d: &Document, f: Facet) -> String {
    let v = match f {
        Facet::Theme => None,
        Facet::Province => d.province.as_ref().map(|p| p.short.clone()),
        Facet::City => d.city.as_ref().map(|p| p.short.clone()),
        Facet::Bureau => d.bureau.as_ref().map(|b| b.name.clone()),
        Facet::Publisher => d.publisher.clone(),
        Facet::Kind => Some(d.kind.id().to_string()),
        Facet::Year => d.year().map(str::to_string),
    };
    v.unwrap_or_else(|| UNKNOWN.to_string())
}
