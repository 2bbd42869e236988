//! CSV (UTF-8 with BOM, so Excel shows Chinese) and JSON exports of the filtered initiatives,
//! with provenance: document, bureau, date, URL, location and the corpus hash.

use crate::data::Dataset;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub initiative_id: String,
    pub name: &'a str,
    pub canonical: &'a str,
    pub themes: String,
    /// The sentence; empty when the document's chunk is not loaded (the UI loads them first).
    pub summary: String,
    pub metrics: String,
    pub document_id: &'a str,
    pub document_title: &'a str,
    pub bureau: &'a str,
    pub province: &'a str,
    pub city: &'a str,
    pub district: &'a str,
    pub date: &'a str,
    pub publisher: &'a str,
    pub url: &'a str,
    /// `section:paragraph:start-end` (paragraph `h` = heading; offsets in UTF-8 bytes).
    pub location: String,
    pub source_file: &'a str,
    pub corpus_hash: &'a str,
}

/// Documents whose chunks an export of these results needs.
pub fn needed_docs(ds: &Dataset, results: &[usize]) -> Vec<usize> {
    crate::query::documents_of(ds, results)
}

pub fn rows<'a>(ds: &'a Dataset, results: &[usize]) -> Vec<Row<'a>> {
    results
        .iter()
        .map(|&i| {
            let d = ds.doc_of_initiative(i);
            let detail = ds.detail(ds.doc_of(i));
            let init = detail
                .as_ref()
                .and_then(|x| x.initiatives.get(i - ds.inits_of_doc(ds.doc_of(i)).start));
            let metrics: Vec<&str> = ds.metrics_of(i).map(|m| m.raw).collect();
            Row {
                initiative_id: ds.initiative_id(i),
                name: ds.name(i),
                canonical: ds.canonical_of(i).map_or("", |(_, c)| c.key.as_str()),
                themes: ds.themes_of(i).join(";"),
                summary: init.map(|x| x.summary.clone()).unwrap_or_default(),
                metrics: metrics.join(";"),
                document_id: &d.id,
                document_title: &d.title,
                bureau: d.bureau.as_ref().map_or("", |b| b.name.as_str()),
                province: d.province.as_ref().map_or("", |p| p.name.as_str()),
                city: d.city.as_ref().map_or("", |p| p.name.as_str()),
                district: d.district.as_ref().map_or("", |p| p.name.as_str()),
                date: d.date.as_deref().unwrap_or(""),
                publisher: d.publisher.as_deref().unwrap_or(""),
                url: d.url.as_deref().unwrap_or(""),
                location: init
                    .map(|x| {
                        let l = x.location;
                        format!(
                            "{}:{}:{}-{}",
                            l.section,
                            l.paragraph.map_or("h".to_string(), |p| p.to_string()),
                            l.start,
                            l.end
                        )
                    })
                    .unwrap_or_default(),
                source_file: &d.source_file,
                corpus_hash: ds.content_hash(),
            }
        })
        .collect()
}

const HEADER: [&str; 18] = [
    "initiative_id",
    "name",
    "canonical",
    "themes",
    "summary",
    "metrics",
    "document_id",
    "document_title",
    "bureau",
    "province",
    "city",
    "district",
    "date",
    "publisher",
    "url",
    "location",
    "source_file",
    "corpus_hash",
];

/// RFC 4180 quoting; cells that a spreadsheet would run as a formula get a leading quote.
fn cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

pub fn csv(ds: &Dataset, results: &[usize]) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for r in rows(ds, results) {
        let cells = [
            r.initiative_id.as_str(),
            r.name,
            r.canonical,
            &r.themes,
            &r.summary,
            &r.metrics,
            r.document_id,
            r.document_title,
            r.bureau,
            r.province,
            r.city,
            r.district,
            r.date,
            r.publisher,
            r.url,
            &r.location,
            r.source_file,
            r.corpus_hash,
        ];
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

#[derive(Serialize)]
struct JsonExport<'a> {
    corpus_hash: &'a str,
    schema_version: u32,
    count: usize,
    initiatives: Vec<Row<'a>>,
}

pub fn json(ds: &Dataset, results: &[usize]) -> String {
    let rows = rows(ds, results);
    serde_json::to_string_pretty(&JsonExport {
        corpus_hash: ds.content_hash(),
        schema_version: ds.ix.meta.schema_version,
        count: rows.len(),
        initiatives: rows,
    })
    .unwrap_or_else(|_| "{}".to_string())
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn quoting() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=cmd()"), "'=cmd()");
        assert_eq!(cell("纳税人学堂"), "纳税人学堂");
    }
}
