//! A `doc-NNNN.json` chunk: a JSON array of records, one per document in corpus order, each
//! the document (the model's own JSON, text and all) with its initiatives and figures as
//! positional rows ([`Record`]). [`decode_details`] rebuilds the corpus model exactly; the
//! corpus content hash is SHA-256 over these records, each followed by a newline.

use super::PackError;
#[cfg(feature = "ingest")]
use crate::model::{id_position, INITIATIVE_TAG, METRIC_TAG};
use crate::model::{
    Bound, Direction, Document, Initiative, InitiativeKind, Location, Metric, MetricCategory,
    Normalized,
};
use serde::{Deserialize, Serialize};

/// A document with its initiatives and figures, as the corpus model has them: what
/// [`decode_details`] rebuilds from one entry of a `doc-NNNN.json` chunk.
#[derive(Debug, Clone, PartialEq)]
pub struct DocDetail {
    pub document: Document,
    pub initiatives: Vec<Initiative>,
    pub metrics: Vec<Metric>,
}

/// A location as `[section, paragraph, start, end]` (`paragraph` null = the heading).
type Loc = (usize, Option<usize>, usize, usize);

#[cfg(feature = "ingest")]
fn loc(l: &Location) -> Loc {
    (l.section, l.paragraph, l.start, l.end)
}

fn location(l: Loc) -> Location {
    Location {
        section: l.0,
        paragraph: l.1,
        start: l.2,
        end: l.3,
    }
}

/// One entry of a `doc-NNNN.json` chunk. The document is the model's, text and all; its
/// initiatives and figures are positional rows without what the document already says: no ids
/// (they are the document's `initiative_ids` / `metric_ids`, in order), no document id, the
/// summary as a span of the text at the initiative's location, a figure's `raw` only when it is
/// not exactly the text at its location, cross references as positions in this record. That is
/// about 40 % of the bytes of the model's objects, to write at build time and to download
/// and parse in the browser. `S` is `&str` when writing and `String` when reading.
#[derive(Serialize, Deserialize)]
struct Record<D, S, L> {
    document: D,
    initiatives: Vec<InitRow<S, L>>,
    metrics: Vec<MetricRow<S>>,
}

/// `[name, canonical (null = the name), kind, themes, summary span in the location's text
/// (null = see the text), summary text (null = see the span), location, mentions, figures
/// (positions in the record)]`.
#[derive(Serialize, Deserialize)]
struct InitRow<S, L>(
    S,
    Option<S>,
    InitiativeKind,
    L,
    Option<(usize, usize)>,
    Option<S>,
    Loc,
    Vec<Loc>,
    Vec<u32>,
);

/// `[value, unit, raw (null = the text at the location), qualifier, bound, normalized
/// ([value, unit] or null), label, category, initiative (position in the record or null),
/// location, written in Chinese numerals, direction (null when not stated)]`.
#[derive(Serialize, Deserialize)]
struct MetricRow<S>(
    f64,
    S,
    Option<S>,
    Option<S>,
    Bound,
    Option<(f64, S)>,
    S,
    MetricCategory,
    Option<u32>,
    Loc,
    bool,
    Option<Direction>,
);

/// The position of `id` among a document's `count` initiatives or figures (`tag`), when it
/// names one of them.
#[cfg(feature = "ingest")]
pub(crate) fn position(id: &str, doc: &str, tag: &str, count: usize) -> Option<u32> {
    id_position(id, doc, tag)
        .filter(|&k| k < count)
        .map(|k| k as u32)
}

/// The first occurrence of `needle` in `hay`, as `str::find` gives it. A summary is a sentence
/// of its own paragraph, so the candidates are few: trying each place its first character
/// occurs skips building a substring searcher for every initiative (the largest single cost
/// of writing a record). Many failed candidates fall back to the searcher.
#[cfg(feature = "ingest")]
fn find_text(hay: &str, needle: &str) -> Option<usize> {
    let Some(first) = needle.chars().next() else {
        return Some(0);
    };
    for (tries, (at, _)) in hay.match_indices(first).enumerate() {
        if hay[at..].starts_with(needle) {
            return Some(at);
        }
        if tries == 32 {
            return hay[at..].find(needle).map(|k| at + k);
        }
    }
    None
}

/// Writes one record (see [`Record`]).
#[cfg(feature = "ingest")]
pub(crate) fn record(
    document: &Document,
    initiatives: &[&Initiative],
    metrics: &[&Metric],
    out: &mut Vec<u8>,
) -> Result<(), PackError> {
    let d = document.id.as_str();
    let mut inits = Vec::with_capacity(initiatives.len());
    for i in initiatives {
        let span = document
            .block_at(i.location.section, i.location.paragraph)
            .and_then(|b| find_text(b, &i.summary))
            .map(|a| (a, a + i.summary.len()));
        let figures = i
            .metric_ids
            .iter()
            .map(|m| {
                position(m, d, METRIC_TAG, metrics.len()).ok_or_else(|| {
                    PackError::Input(format!("initiative {} names unknown figure {m}", i.id))
                })
            })
            .collect::<Result<Vec<u32>, PackError>>()?;
        inits.push(InitRow(
            i.name.as_str(),
            (i.canonical != i.name).then_some(i.canonical.as_str()),
            i.kind,
            i.themes.as_slice(),
            span,
            span.is_none().then_some(i.summary.as_str()),
            loc(&i.location),
            i.mentions.iter().map(loc).collect(),
            figures,
        ));
    }
    let mut mets = Vec::with_capacity(metrics.len());
    for m in metrics {
        let init = match &m.initiative_id {
            None => None,
            Some(id) => Some(
                position(id, d, INITIATIVE_TAG, initiatives.len()).ok_or_else(|| {
                    PackError::Input(format!("figure {} names unknown initiative {id}", m.id))
                })?,
            ),
        };
        mets.push(MetricRow(
            m.value,
            m.unit.as_str(),
            (document.text_at(&m.location) != Some(m.raw.as_str())).then_some(m.raw.as_str()),
            m.qualifier.as_deref(),
            m.bound,
            m.normalized.as_ref().map(|n| (n.value, n.unit.as_str())),
            m.label.as_str(),
            m.category,
            init,
            loc(&m.location),
            m.chinese_numeral,
            m.direction,
        ));
    }
    let r: Record<&Document, &str, &[String]> = Record {
        document,
        initiatives: inits,
        metrics: mets,
    };
    serde_json::to_writer(out, &r).map_err(|e| PackError::Input(e.to_string()))
}

/// Reads a `doc-NNNN.json` chunk back into the corpus model. A record that contradicts its
/// document (a span off its text, a reference past the end, ids that do not add up) is an
/// error, never a guess.
pub fn decode_details(bytes: &[u8]) -> Result<Vec<DocDetail>, PackError> {
    let records: Vec<Record<Document, String, Vec<String>>> = serde_json::from_slice(bytes)
        .map_err(|e| PackError::Format(format!("document chunk: {e}")))?;
    records.into_iter().map(detail_of).collect()
}

fn detail_of(r: Record<Document, String, Vec<String>>) -> Result<DocDetail, PackError> {
    let doc = r.document;
    let bad = |what: String| PackError::Inconsistent(format!("document chunk, {}: {what}", doc.id));
    if doc.initiative_ids.len() != r.initiatives.len() || doc.metric_ids.len() != r.metrics.len() {
        return Err(bad(format!(
            "{} initiative and {} figure ids for {} initiatives and {} figures",
            doc.initiative_ids.len(),
            doc.metric_ids.len(),
            r.initiatives.len(),
            r.metrics.len()
        )));
    }
    let mut initiatives = Vec::with_capacity(r.initiatives.len());
    for (k, InitRow(name, canonical, kind, themes, span, text, at, mentions, figures)) in
        r.initiatives.into_iter().enumerate()
    {
        let location = location(at);
        let summary = match (text, span) {
            (Some(t), _) => t,
            (None, Some((a, b))) => doc
                .block_at(location.section, location.paragraph)
                .and_then(|t| t.get(a..b))
                .ok_or_else(|| {
                    bad(format!(
                        "summary {a}..{b} of initiative {} is off its text",
                        k + 1
                    ))
                })?
                .to_string(),
            (None, None) => return Err(bad(format!("initiative {} has no summary", k + 1))),
        };
        let metric_ids = figures
            .iter()
            .map(|&m| {
                doc.metric_ids
                    .get(m as usize)
                    .cloned()
                    .ok_or_else(|| bad(format!("initiative {} names figure {}", k + 1, m + 1)))
            })
            .collect::<Result<Vec<String>, PackError>>()?;
        initiatives.push(Initiative {
            id: doc.initiative_ids[k].clone(),
            doc_id: doc.id.clone(),
            canonical: canonical.unwrap_or_else(|| name.clone()),
            name,
            kind,
            summary,
            themes,
            location,
            mentions: mentions.into_iter().map(self::location).collect(),
            metric_ids,
        });
    }
    let mut metrics = Vec::with_capacity(r.metrics.len());
    for (
        k,
        MetricRow(
            value,
            unit,
            raw,
            qualifier,
            bound,
            normalized,
            label,
            category,
            init,
            at,
            chinese_numeral,
            direction,
        ),
    ) in r.metrics.into_iter().enumerate()
    {
        let location = location(at);
        let raw = match raw {
            Some(raw) => raw,
            None => doc
                .text_at(&location)
                .ok_or_else(|| bad(format!("figure {} is off its text", k + 1)))?
                .to_string(),
        };
        let initiative_id = match init {
            None => None,
            Some(i) => Some(
                doc.initiative_ids
                    .get(i as usize)
                    .cloned()
                    .ok_or_else(|| bad(format!("figure {} names initiative {}", k + 1, i + 1)))?,
            ),
        };
        metrics.push(Metric {
            id: doc.metric_ids[k].clone(),
            doc_id: doc.id.clone(),
            value,
            unit,
            raw,
            qualifier,
            bound,
            normalized: normalized.map(|(value, unit)| Normalized { value, unit }),
            label,
            category,
            initiative_id,
            location,
            chinese_numeral,
            direction,
        });
    }
    Ok(DocDetail {
        document: doc,
        initiatives,
        metrics,
    })
}

/// The corpus content hash, taken over the document records as they are written: SHA-256 of
/// every record followed by a newline, in corpus order, as lowercase hex.
#[cfg(feature = "ingest")]
#[derive(Default)]
pub struct ContentHash(sha2::Sha256);

#[cfg(feature = "ingest")]
impl ContentHash {
    pub fn add(&mut self, record: &[u8]) {
        use sha2::Digest;
        self.0.update(record);
        self.0.update(b"\n");
    }

    pub fn finish(self) -> String {
        use sha2::Digest;
        use std::fmt::Write;
        self.0.finalize().iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    }
}

#[cfg(all(test, feature = "ingest"))]
mod tests {
    use super::*;

    #[test]
    fn find_text_is_str_find() {
        let cases = [
            ("纳税人学堂开讲。纳税人学堂", "纳税人学堂"),
            ("税税税税税税税税", "税税a"),
            ("abc", ""),
            ("", "a"),
            ("a。b。c", "b。c"),
        ];
        for (hay, needle) in cases {
            assert_eq!(find_text(hay, needle), hay.find(needle), "{hay} / {needle}");
        }
        // Past 32 failed candidates it hands over to the searcher and still finds the first.
        let hay = format!("{}税务局", "税".repeat(100));
        assert_eq!(find_text(&hay, "税务局"), hay.find("税务局"));
        assert_eq!(find_text(&hay, "税务所"), None);
    }

    proptest::proptest! {
        #[test]
        fn find_text_agrees_with_str_find(hay in "[税务局a。]{0,60}", needle in "[税务局a。]{0,4}") {
            proptest::prop_assert_eq!(find_text(&hay, &needle), hay.find(needle.as_str()));
        }
    }
}
