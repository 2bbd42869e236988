//! The corpus as the app uses it: parsed once at start-up, with lookups, per-initiative facet
//! values and the search index built alongside.

use crate::filter::{Facet, UNKNOWN};
use crate::search::{Owner, SearchIndex};
use corpus::model::{CanonicalInitiative, Corpus, Document, Initiative, Metric};
use std::collections::{BTreeSet, HashMap};

/// The corpus JSON written by build.rs from `data/raw` (or CORPUS_INPUT_DIR).
pub static CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

pub struct Explorer {
    pub corpus: Corpus,
    pub doc_index: HashMap<String, usize>,
    pub init_index: HashMap<String, usize>,
    pub metric_index: HashMap<String, usize>,
    pub canonical_index: HashMap<String, usize>,
    /// `doc_of[i]`: document index of initiative `i`.
    pub doc_of: Vec<usize>,
    /// `facets[i][f]`: the values initiative `i` has for facet `f` (Facet::ALL order).
    pub facets: Vec<[Vec<String>; Facet::COUNT]>,
    pub search: SearchIndex,
    pub summary: Summary,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub initiatives: usize,
    pub bureaus: usize,
    pub canonical_shared: usize,
    pub date_min: Option<String>,
    pub date_max: Option<String>,
    pub undated: usize,
}

impl Explorer {
    pub fn from_json(json: &str) -> Result<Explorer, String> {
        let corpus: Corpus = serde_json::from_str(json).map_err(|e| format!("corpus JSON: {e}"))?;
        if corpus.schema_version != corpus::model::SCHEMA_VERSION {
            return Err(format!(
                "corpus schema {} but this app reads schema {}",
                corpus.schema_version,
                corpus::model::SCHEMA_VERSION
            ));
        }
        Ok(Explorer::new(corpus))
    }

    pub fn embedded() -> Result<Explorer, String> {
        Explorer::from_json(CORPUS_JSON)
    }

    pub fn new(corpus: Corpus) -> Explorer {
        let doc_index = index_by(&corpus.documents, |d| &d.id);
        let init_index = index_by(&corpus.initiatives, |x| &x.id);
        let metric_index = index_by(&corpus.metrics, |m| &m.id);
        let canonical_index = index_by(&corpus.canonical, |c| &c.key);
        let doc_of: Vec<usize> = corpus
            .initiatives
            .iter()
            .map(|i| doc_index.get(&i.doc_id).copied().unwrap_or(0))
            .collect();
        let facets = corpus
            .initiatives
            .iter()
            .zip(&doc_of)
            .map(|(i, &d)| facet_values(i, &corpus.documents[d]))
            .collect();
        let mut search = SearchIndex::default();
        for (k, i) in corpus.initiatives.iter().enumerate() {
            search.add(Owner::Name(k as u32), &i.name);
            search.add(Owner::Summary(k as u32), &i.summary);
        }
        for (di, d) in corpus.documents.iter().enumerate() {
            search.add(
                Owner::Body {
                    doc: di as u32,
                    section: u32::MAX,
                    paragraph: None,
                },
                &d.title,
            );
            for (si, s) in d.sections.iter().enumerate() {
                if let Some(h) = &s.heading {
                    search.add(
                        Owner::Body {
                            doc: di as u32,
                            section: si as u32,
                            paragraph: None,
                        },
                        h,
                    );
                }
                for (pi, p) in s.paragraphs.iter().enumerate() {
                    search.add(
                        Owner::Body {
                            doc: di as u32,
                            section: si as u32,
                            paragraph: Some(pi as u32),
                        },
                        p,
                    );
                }
            }
        }
        let bureaus: BTreeSet<&str> = corpus
            .documents
            .iter()
            .filter_map(|d| d.bureau.as_ref().map(|b| b.name.as_str()))
            .collect();
        let dates: Vec<&str> = corpus
            .documents
            .iter()
            .filter_map(|d| d.date.as_deref())
            .collect();
        let summary = Summary {
            documents: corpus.documents.len(),
            initiatives: corpus.initiatives.len(),
            bureaus: bureaus.len(),
            canonical_shared: corpus
                .canonical
                .iter()
                .filter(|c| c.doc_ids.len() > 1)
                .count(),
            date_min: dates.iter().min().map(|s| s.to_string()),
            date_max: dates.iter().max().map(|s| s.to_string()),
            undated: corpus.documents.iter().filter(|d| d.date.is_none()).count(),
        };
        Explorer {
            corpus,
            doc_index,
            init_index,
            metric_index,
            canonical_index,
            doc_of,
            facets,
            search,
            summary,
        }
    }

    pub fn doc(&self, id: &str) -> Option<&Document> {
        self.doc_index.get(id).map(|&i| &self.corpus.documents[i])
    }

    pub fn initiative(&self, id: &str) -> Option<&Initiative> {
        self.init_index
            .get(id)
            .map(|&i| &self.corpus.initiatives[i])
    }

    pub fn canonical(&self, key: &str) -> Option<&CanonicalInitiative> {
        self.canonical_index
            .get(key)
            .map(|&i| &self.corpus.canonical[i])
    }

    /// The figures of a document, in text order.
    pub fn metrics_of_doc<'a>(&'a self, d: &'a Document) -> impl Iterator<Item = &'a Metric> + 'a {
        d.metric_ids
            .iter()
            .filter_map(|id| self.metric_index.get(id).map(|&k| &self.corpus.metrics[k]))
    }

    /// The figures attached to an initiative, in document order.
    pub fn metrics_of<'a>(&'a self, init: &'a Initiative) -> impl Iterator<Item = &'a Metric> + 'a {
        init.metric_ids
            .iter()
            .filter_map(|id| self.metric_index.get(id).map(|&k| &self.corpus.metrics[k]))
    }

    pub fn doc_of_initiative(&self, i: usize) -> &Document {
        &self.corpus.documents[self.doc_of[i]]
    }

    pub fn theme_name(&self, id: &str, en: bool) -> String {
        self.corpus
            .themes
            .iter()
            .find(|t| t.id == id)
            .map(|t| if en { t.en.clone() } else { t.zh.clone() })
            .unwrap_or_else(|| id.to_string())
    }
}

/// Position of each item by its id or key.
fn index_by<T>(items: &[T], key: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| (key(x).clone(), i))
        .collect()
}

fn facet_values(i: &Initiative, d: &Document) -> [Vec<String>; Facet::COUNT] {
    let one = |v: Option<String>| vec![v.unwrap_or_else(|| UNKNOWN.to_string())];
    let mut out: [Vec<String>; Facet::COUNT] = Default::default();
    for f in Facet::ALL {
        out[f as usize] = match f {
            Facet::Theme => i.themes.clone(),
            Facet::Province => one(d.province.as_ref().map(|p| p.short.clone())),
            Facet::City => one(d.city.as_ref().map(|p| p.short.clone())),
            Facet::Bureau => one(d.bureau.as_ref().map(|b| b.name.clone())),
            Facet::Publisher => one(d.publisher.clone()),
            Facet::Kind => vec![d.kind.id().to_string()],
            Facet::Year => one(d.year().map(str::to_string)),
        };
    }
    out
}
