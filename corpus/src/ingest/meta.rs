//! The metadata resolvers: where a document's title, date, publisher, kind and id come from,
//! each in order of trust, with the provenance of the value chosen. Unknown stays unknown.

use super::frontmatter::FrontMatter;
use super::html;
use super::lines::regex;
use super::sections::Body;
use super::text::clean;
use crate::model::{DocKind, Provenance};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A date written as YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYY年M月D日, validated.
pub fn parse_date(s: &str) -> Option<String> {
    // 2023 年/5 月/19 日 (a newspaper's database) writes both a unit and a slash.
    let caps = regex!(r"(\d{4})\s*(?:年\s*/?|[-/.])\s*(\d{1,2})\s*(?:月\s*/?|[-/.])\s*(\d{1,2})")
        .captures(s)?;
    let y: i32 = caps[1].parse().ok()?;
    let m: u32 = caps[2].parse().ok()?;
    let d: u32 = caps[3].parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

/// The title: an `<h1>`, else the front matter's, else the first line that reads as one
/// (after the page's chrome), else the page's `<title>`, else the file name (with a warning).
pub(super) fn title(
    body: &mut Body,
    front: &FrontMatter,
    path: &str,
    warnings: &mut Vec<String>,
) -> (String, Provenance) {
    let front_title = front
        .title
        .as_deref()
        .map(|t| clean(&html::fragment_text(t)))
        .filter(|t| !t.is_empty());
    if let Some(h) = body.headline.take() {
        (h, Provenance::Body)
    } else if let Some(t) = front_title {
        (t, Provenance::FrontMatter)
    } else if let Some(t) = body.first_line_title.take() {
        (t, Provenance::FirstLine)
    } else if let Some(t) = body.page_title.take() {
        (t, Provenance::Body)
    } else {
        warnings.push("no title found; using the file name".to_string());
        (clean(file_stem(path)), Provenance::FileName)
    }
}

/// The date: the front matter's, else one stated in the body, else unknown.
pub(super) fn date(
    front: &FrontMatter,
    body_date: Option<String>,
    warnings: &mut Vec<String>,
) -> (Option<String>, Option<Provenance>) {
    if let Some(raw) = front.date.as_deref() {
        match parse_date(raw) {
            Some(d) => return (Some(d), Some(Provenance::FrontMatter)),
            None if body_date.is_some() => {} // e.g. Hexo's `Invalid Date`, recovered from the body
            None => warnings.push(format!(
                "front-matter date {raw:?} is not a valid date and the body states none"
            )),
        }
    }
    match body_date {
        Some(d) => (Some(d), Some(Provenance::Body)),
        None => (None, None),
    }
}

/// The publisher: a 来源 line or source element, else a feed code, tag or author of the
/// front matter that names one.
pub(super) fn publisher(
    body_source: Option<String>,
    front: &FrontMatter,
) -> (Option<String>, Option<Provenance>) {
    let p = Publishers::get();
    if let Some(s) = body_source {
        return (Some(p.name_for(&s).unwrap_or(s)), Some(Provenance::Body));
    }
    match front
        .categories
        .iter()
        .chain(front.tags.iter())
        .chain(front.author.iter())
        .find_map(|c| p.name_for(c))
    {
        Some(name) => (Some(name), Some(Provenance::FeedCode)),
        None => (None, None),
    }
}

/// News, speech, report or other, from the title and the opening words.
pub(super) fn kind(title: &str, body: &str, plain: bool, has_publisher: bool) -> DocKind {
    let head: String = body.chars().take(200).collect();
    if regex!(r"(发言|讲话|致辞|汇报)").is_match(title)
        || regex!(r"^(尊敬的|各位领导|同志们)").is_match(&head)
    {
        DocKind::Speech
    } else if regex!(r"(总结|报告|材料|做法|经验|方案|汇编|规划)$").is_match(title)
    {
        DocKind::Report
    } else if has_publisher || !plain {
        DocKind::News
    } else {
        DocKind::Other
    }
}

pub(super) fn file_stem(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.rsplit_once('.')
        .map(|(s, _)| s)
        .filter(|s| !s.is_empty())
        .unwrap_or(name)
}

/// A stable id: the file stem when it is a safe slug, else a short hash of the path.
pub fn doc_id(path: &str) -> String {
    let stem = file_stem(path);
    if !stem.is_empty()
        && stem.len() <= 64
        && stem
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return stem.to_string();
    }
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(path.as_bytes());
    format!(
        "d{}",
        h.iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    )
}

/// Publisher names by feed code and alias (`data/publishers.json`).
#[derive(Deserialize)]
struct Publishers {
    codes: HashMap<String, String>,
    aliases: HashMap<String, String>,
}

impl Publishers {
    fn get() -> &'static Publishers {
        static P: OnceLock<Publishers> = OnceLock::new();
        P.get_or_init(|| {
            serde_json::from_str(include_str!("../../data/publishers.json"))
                .expect("data/publishers.json is valid")
        })
    }

    /// A publisher name for a feed code (`jingjicankaowang`), an alias (每经网) or a tag
    /// (经济参考网新闻).
    fn name_for(&self, s: &str) -> Option<String> {
        let s = s.trim();
        if let Some(p) = self.codes.get(&s.to_ascii_lowercase()) {
            return Some(p.clone());
        }
        if let Some(p) = self.aliases.get(s) {
            return Some(p.clone());
        }
        if self.aliases.values().any(|v| v == s) {
            return Some(s.to_string());
        }
        let stripped = s.strip_suffix("新闻").unwrap_or(s);
        if stripped != s {
            if let Some(p) = self.aliases.get(stripped) {
                return Some(p.clone());
            }
            if self.aliases.values().any(|v| v == stripped) {
                return Some(stripped.to_string());
            }
        }
        None
    }
}
