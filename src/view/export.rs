//! CSV (UTF-8 with BOM, so Excel shows Chinese) and JSON exports of the filtered initiatives
//! and of the keyword-in-context lines, with provenance: document, bureau, date, URL, where in
//! the document, the filter they were taken under and the corpus hash.
//!
//! Where an initiative is: `section_heading` (the heading of its section, empty before the
//! first heading), `paragraph` (1-based within that section; 0 = the heading itself) and
//! `char_start`/`char_end` (character offsets of its first mention within that paragraph).

use crate::data::{Dataset, Facet};
use crate::state::{Lang, UrlState};
use crate::view::i18n::value_label;
use serde::Serialize;

/// What the location fields mean, stated in the JSON export.
pub const LOCATION_NOTE: &str = "section_heading: the heading of the section the initiative is in (empty before the first heading); paragraph: its paragraph within that section, from 1 (0: the heading itself); char_start/char_end: character offsets of its first mention within that paragraph.";

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    pub raw: String,
    pub value: f64,
    pub unit: String,
    pub normalized: Option<f64>,
    pub normalized_unit: Option<String>,
    pub kind: String,
    pub label: String,
}

#[derive(Debug, Serialize)]
pub struct Row<'a> {
    pub initiative_id: String,
    pub name: &'a str,
    pub canonical: &'a str,
    pub themes: Vec<Theme>,
    /// The sentence; empty when the document's chunk is not loaded (the UI loads them first).
    pub summary: String,
    pub figures: Vec<Figure>,
    pub document_id: &'a str,
    pub document_title: &'a str,
    pub bureau: &'a str,
    pub province: &'a str,
    pub city: &'a str,
    pub district: &'a str,
    pub date: &'a str,
    pub publisher: &'a str,
    pub url: &'a str,
    pub section_heading: String,
    pub paragraph: Option<usize>,
    pub char_start: Option<usize>,
    pub char_end: Option<usize>,
    pub source_file: &'a str,
}

/// Documents whose chunks an export of these results needs.
pub fn needed_docs(ds: &Dataset, results: &[usize]) -> Vec<usize> {
    crate::query::documents_of(ds, results)
}

/// The figures of initiative `i`, as exported.
pub fn figures(ds: &Dataset, i: usize) -> Vec<Figure> {
    ds.metrics_of(i)
        .map(|m| Figure {
            raw: m.raw.to_string(),
            value: m.value,
            unit: m.unit.to_string(),
            normalized: m.normalized.map(|n| n.0),
            normalized_unit: m.normalized.map(|n| n.1.to_string()),
            kind: m.category.id().to_string(),
            label: m.label.to_string(),
        })
        .collect()
}

pub fn rows<'a>(ds: &'a Dataset, results: &[usize], lang: Lang) -> Vec<Row<'a>> {
    results
        .iter()
        .map(|&i| {
            let d = ds.doc_of_initiative(i);
            let detail = ds.detail(ds.doc_of(i));
            let init = detail
                .as_ref()
                .and_then(|x| x.initiatives.get(i - ds.inits_of_doc(ds.doc_of(i)).start));
            let at = init.zip(detail.as_ref()).map(|(x, det)| {
                let l = x.location;
                let section = det.document.sections.get(l.section);
                let heading = section.and_then(|s| s.heading.clone()).unwrap_or_default();
                let block = section.and_then(|s| match l.paragraph {
                    None => s.heading.as_deref(),
                    Some(p) => s.paragraphs.get(p).map(String::as_str),
                });
                let chars = |b: usize| block.and_then(|t| t.get(..b)).map(|t| t.chars().count());
                (
                    heading,
                    l.paragraph.map_or(0, |p| p + 1),
                    chars(l.start),
                    chars(l.end),
                )
            });
            Row {
                initiative_id: ds.initiative_id(i),
                name: ds.name(i),
                canonical: ds.canonical_of(i).map_or("", |(_, c)| c.key.as_str()),
                themes: ds
                    .themes_of(i)
                    .into_iter()
                    .map(|t| Theme {
                        name: ds.theme_name(&t, lang == Lang::En),
                        id: t,
                    })
                    .collect(),
                summary: init.map(|x| x.summary.clone()).unwrap_or_default(),
                figures: figures(ds, i),
                document_id: &d.id,
                document_title: &d.title,
                bureau: d.bureau.as_ref().map_or("", |b| b.name.as_str()),
                province: d.province.as_ref().map_or("", |p| p.name.as_str()),
                city: d.city.as_ref().map_or("", |p| p.name.as_str()),
                district: d.district.as_ref().map_or("", |p| p.name.as_str()),
                date: d.date.as_deref().unwrap_or(""),
                publisher: d.publisher.as_deref().unwrap_or(""),
                url: d.url.as_deref().unwrap_or(""),
                section_heading: at.as_ref().map(|a| a.0.clone()).unwrap_or_default(),
                paragraph: at.as_ref().map(|a| a.1),
                char_start: at.as_ref().and_then(|a| a.2),
                char_end: at.as_ref().and_then(|a| a.3),
                source_file: &d.source_file,
            }
        })
        .collect()
}

/// Column names; the location columns say what they count, since a CSV carries no notes
/// ([`LOCATION_NOTE`] says the same in the JSON export).
const HEADER: [&str; 24] = [
    "initiative_id",
    "name",
    "canonical",
    "theme_ids",
    "themes",
    "summary",
    "figures",
    "document_id",
    "document_title",
    "bureau",
    "province",
    "city",
    "district",
    "date",
    "publisher",
    "url",
    "section_heading",
    "paragraph_in_section (0 = heading)",
    "char_start_in_paragraph",
    "char_end_in_paragraph",
    "source_file",
    "filter",
    "corpus_hash",
    "exported",
];

/// RFC 4180 quoting; cells that a spreadsheet would run as a formula get a leading quote.
pub fn cell(s: &str) -> String {
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

/// One figure in a cell: `87% = 87 % → 87 % (percent; 时长 缩短)`.
fn figure_text(f: &Figure) -> String {
    let norm = match (&f.normalized, &f.normalized_unit) {
        (Some(v), Some(u)) => format!(" → {v} {u}"),
        _ => String::new(),
    };
    format!(
        "{} = {} {}{norm} ({}; {})",
        f.raw, f.value, f.unit, f.kind, f.label
    )
}

/// What an export records about how it was made.
pub struct Context<'a> {
    /// The filter in words ([`filter_text`]).
    pub filter: &'a str,
    /// The day of the export, `YYYY-MM-DD`.
    pub date: &'a str,
    pub lang: Lang,
}

pub fn csv(ds: &Dataset, results: &[usize], cx: &Context) -> String {
    let mut out = String::from("\u{FEFF}");
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for r in rows(ds, results, cx.lang) {
        let ids: Vec<&str> = r.themes.iter().map(|t| t.id.as_str()).collect();
        let names: Vec<&str> = r.themes.iter().map(|t| t.name.as_str()).collect();
        let figs: Vec<String> = r.figures.iter().map(figure_text).collect();
        let opt = |x: Option<usize>| x.map(|v| v.to_string()).unwrap_or_default();
        let cells = [
            r.initiative_id.clone(),
            r.name.to_string(),
            r.canonical.to_string(),
            ids.join(";"),
            names.join(";"),
            r.summary.clone(),
            figs.join("; "),
            r.document_id.to_string(),
            r.document_title.to_string(),
            r.bureau.to_string(),
            r.province.to_string(),
            r.city.to_string(),
            r.district.to_string(),
            r.date.to_string(),
            r.publisher.to_string(),
            r.url.to_string(),
            r.section_heading.clone(),
            opt(r.paragraph),
            opt(r.char_start),
            opt(r.char_end),
            r.source_file.to_string(),
            cx.filter.to_string(),
            ds.content_hash().to_string(),
            cx.date.to_string(),
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
    filter: &'a str,
    exported: &'a str,
    location: &'static str,
    count: usize,
    initiatives: Vec<Row<'a>>,
}

pub fn json(ds: &Dataset, results: &[usize], cx: &Context) -> String {
    let rows = rows(ds, results, cx.lang);
    serde_json::to_string_pretty(&JsonExport {
        corpus_hash: ds.content_hash(),
        schema_version: ds.ix.meta.schema_version,
        filter: cx.filter,
        exported: cx.date,
        location: LOCATION_NOTE,
        count: rows.len(),
        initiatives: rows,
    })
    .unwrap_or_else(|_| "{}".to_string())
}

/// The filter in words, facet by facet (values joined by `+`), the query first:
/// `纳税人学堂_智慧办税_四川+贵州`. Empty without a filter.
pub fn filter_text(ds: &Dataset, url: &UrlState) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !url.query.trim().is_empty() {
        parts.push(url.query.trim().to_string());
    }
    for f in Facet::ALL {
        let vs = url.selection.values(f);
        if !vs.is_empty() {
            let labels: Vec<String> = vs.iter().map(|v| value_label(ds, url.lang, f, v)).collect();
            parts.push(labels.join("+"));
        }
    }
    parts.join("_")
}

/// A file name that says what is in the file: `举措_智慧办税_四川+贵州_2026-12-04.csv`.
/// Characters no file system takes become `-`; long filters are cut.
pub fn file_name(what: &str, filter: &str, date: &str, ext: &str) -> String {
    let clean: String = filter
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() || c.is_whitespace() {
                '-'
            } else {
                c
            }
        })
        .take(60)
        .collect();
    let mut name = what.to_string();
    if !clean.is_empty() {
        name.push('_');
        name.push_str(&clean);
    }
    format!("{name}_{date}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::{cell, file_name};

    #[test]
    fn quoting() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=cmd()"), "'=cmd()");
        assert_eq!(cell("纳税人学堂"), "纳税人学堂");
    }

    #[test]
    fn file_names_say_the_filter() {
        assert_eq!(
            file_name("举措", "智慧办税_四川+贵州", "2026-12-04", "csv"),
            "举措_智慧办税_四川+贵州_2026-12-04.csv"
        );
        assert_eq!(
            file_name("举措", "", "2026-12-04", "json"),
            "举措_2026-12-04.json"
        );
        assert_eq!(
            file_name("kwic", "a/b c:d", "2026-12-04", "csv"),
            "kwic_a-b-c-d_2026-12-04.csv"
        );
    }
}
