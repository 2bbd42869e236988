//! One raw file → one normalized [`Document`] (without initiatives and metrics, which
//! `extract` adds). Pure: takes bytes, returns data and warnings.

use crate::decode::{decode, DecodeError};
use crate::frontmatter::{self, FrontMatter};
use crate::html::{self, Block, BlockKind, MetaKind};
use crate::model::{DocKind, Document, Image, Person, Provenance, Section};
use crate::region;
use crate::text::{char_len, clean, ends_with_sentence_punct};
use crate::vocab::Vocab;
use regex::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq)]
pub enum IngestError {
    Decode(DecodeError),
    /// Decoded fine but nothing readable was left after cleaning (markup only).
    NoText,
    /// The file could not be read or was refused before decoding (set by the I/O shell).
    Unreadable(String),
}

impl std::fmt::Display for IngestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IngestError::Decode(e) => e.fmt(f),
            IngestError::NoText => write!(f, "no readable text after removing markup"),
            IngestError::Unreadable(why) => write!(f, "{why}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Ingested {
    pub doc: Document,
    pub warnings: Vec<String>,
    pub encoding: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Html,
    Markdown,
    Plain,
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("static regex"))
}

macro_rules! regex {
    ($p:expr) => {{
        static CELL: OnceLock<Regex> = OnceLock::new();
        re(&CELL, $p)
    }};
}

fn has_html(body: &str) -> bool {
    regex!(
        r"(?i)</?(p|div|h[1-6]|br|span|strong|b|i|em|img|table|section|article|ul|ol|li|html|body|head|a|script|style|iframe|font|center|meta|link)\b[^>]*>"
    )
    .is_match(body)
}

/// A date written as YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYY年M月D日, validated.
pub fn parse_date(s: &str) -> Option<String> {
    let caps = regex!(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})").captures(s)?;
    let y: i32 = caps[1].parse().ok()?;
    let m: u32 = caps[2].parse().ok()?;
    let d: u32 = caps[3].parse().ok()?;
    if !(1900..=2100).contains(&y) {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|d| d.format("%Y-%m-%d").to_string())
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Headline(String),
    Heading(String),
    Para {
        text: String,
        strong_only: bool,
        centered: bool,
        figcaption: bool,
    },
    Image(Vec<Option<String>>),
}

/// Lines of Markdown that carry links only: autolinks `<http…>` give the original URL,
/// navigation links (`[返回首页](…)`) are dropped. Everything else is kept.
fn strip_markdown_link_lines(body: &str, urls: &mut Vec<String>) -> String {
    let autolink = regex!(r"^<(https?://[^>\s]+)>$");
    let md_link = regex!(r"!?\[([^\]]*)\]\(([^)\s]*)\)");
    let mut out = String::with_capacity(body.len());
    for line in body.lines() {
        let t = line.trim();
        if let Some(c) = autolink.captures(t) {
            urls.push(c[1].to_string());
            continue;
        }
        if md_link.is_match(t) {
            let rest = md_link.replace_all(t, "");
            let rest_is_separators = rest
                .chars()
                .all(|c| c.is_whitespace() || "|｜/·-–—>»".contains(c));
            if rest_is_separators {
                // Only links on this line: navigation, not body text.
                continue;
            }
            out.push_str(&md_link.replace_all(line, "$1"));
            out.push('\n');
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn pieces_from_blocks(blocks: Vec<Block>) -> Vec<Piece> {
    blocks
        .into_iter()
        .map(|b| match b.kind {
            BlockKind::Headline => Piece::Headline(b.text),
            BlockKind::Heading => Piece::Heading(b.text),
            BlockKind::Image => Piece::Image(b.images),
            BlockKind::Para => Piece::Para {
                text: b.text,
                strong_only: b.strong_only,
                centered: b.centered,
                figcaption: b.figcaption,
            },
        })
        .collect()
}

fn plain_pieces(body: &str) -> Vec<Piece> {
    body.lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .map(|text| Piece::Para {
            text,
            strong_only: false,
            centered: false,
            figcaption: false,
        })
        .collect()
}

/// `一、` `（一）` `第一部分` `1.` numbering at the start of a line.
fn numbering(s: &str) -> Option<usize> {
    regex!(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}(?:部分|章|节)[、：:\s]?|\d{1,2}[、．]\s*)")
        .find(s)
        .map(|m| m.end())
}

/// `一、` → `一`, `（二）` → `二`, `3.` → `3`.
fn number_label(s: &str) -> String {
    s.trim_matches(|c: char| "、.．（）() ：:部分章节第".contains(c))
        .to_string()
}

/// Body lines that are metadata, not content.
enum LineMeta {
    Source(String),
    Authors(Vec<Person>),
    Credit(String),
    Date(String),
    Url(String),
    Junk,
}

fn line_meta(s: &str) -> Option<LineMeta> {
    let len = char_len(s);
    if len > 80 {
        return None;
    }
    if let Some(c) =
        regex!(r"^[（(]?\s*(?:文章|稿件|信息)?来源[:：]\s*([^）)]{2,30})[）)]?\s*$").captures(s)
    {
        return Some(LineMeta::Source(c[1].trim().to_string()));
    }
    if regex!(r"^(?:封面)?(?:图片|图)(?:来源|提供)[:：]").is_match(s) {
        return Some(LineMeta::Credit(s.to_string()));
    }
    if let Some(c) = regex!(r"^(?:发布|发表)?(?:时间|日期)[:：]\s*(.+)$").captures(s) {
        if let Some(d) = parse_date(&c[1]) {
            return Some(LineMeta::Date(d));
        }
    }
    if let Some(c) =
        regex!(r"^(?:原文)?(?:链接|网址|地址|URL|url)?[:：]?\s*(https?://\S+)$").captures(s)
    {
        return Some(LineMeta::Url(c[1].to_string()));
    }
    if regex!(r"^(点击|扫一扫|分享到|责任编辑已|返回(首页|顶部|列表)|上一篇|下一篇|相关阅读|【打印】|【关闭】)").is_match(s) {
        return Some(LineMeta::Junk);
    }
    let roles = regex!(
        r"([\p{Han}]{0,4}?)(记者|编辑|通讯员|责编|责任编辑|作者|撰稿)[:：\s]*([\p{Han}·]{2,4}(?:[、，,][\p{Han}·]{2,4})*)"
    );
    if len <= 50 && !ends_with_sentence_punct(s) {
        let mut people = Vec::new();
        let mut covered = 0;
        for c in roles.captures_iter(s) {
            covered += char_len(&c[0]);
            let role = if c[2].contains("编") {
                "编辑"
            } else if &c[2] == "记者" {
                "记者"
            } else {
                &c[2]
            };
            for name in c[3].split(['、', '，', ',', ' ']).filter(|n| !n.is_empty()) {
                people.push(Person {
                    role: role.to_string(),
                    name: name.to_string(),
                });
            }
        }
        let non_space = s.chars().filter(|c| !c.is_whitespace()).count();
        if !people.is_empty() && covered * 10 >= non_space * 7 {
            return Some(LineMeta::Authors(people));
        }
    }
    None
}

fn file_stem(path: &str) -> &str {
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

pub fn ingest(path: &str, bytes: &[u8]) -> Result<Ingested, IngestError> {
    let decoded = decode(bytes).map_err(IngestError::Decode)?;
    let mut warnings = Vec::new();
    if decoded.had_errors {
        warnings.push(format!(
            "malformed {} byte sequences were replaced",
            decoded.encoding
        ));
    }
    let split = frontmatter::split(&decoded.text);
    warnings.extend(split.warnings.iter().cloned());
    let front = split.front.clone().unwrap_or_default();
    let lower = path.to_ascii_lowercase();
    let mut urls: Vec<String> = Vec::new();
    let format = if lower.ends_with(".html") || lower.ends_with(".htm") || has_html(split.body) {
        Format::Html
    } else if lower.ends_with(".md") || lower.ends_with(".markdown") || split.front.is_some() {
        Format::Markdown
    } else {
        Format::Plain
    };
    let (pieces, meta) = match format {
        Format::Html => {
            let mut body = strip_markdown_link_lines(split.body, &mut urls);
            // Text with a stray tag but no block structure: its lines are its paragraphs.
            if !regex!(r"(?i)<(p|div|br|h[1-6]|li|tr|table|section|article)\b").is_match(&body) {
                body = body.lines().map(|l| format!("<p>{l}</p>\n")).collect();
            }
            let h = html::extract(&body);
            (pieces_from_blocks(h.blocks), h.meta)
        }
        Format::Markdown => {
            let body = strip_markdown_link_lines(split.body, &mut urls);
            let mut html_out = String::new();
            pulldown_cmark::html::push_html(&mut html_out, pulldown_cmark::Parser::new(&body));
            let h = html::extract(&html_out);
            (pieces_from_blocks(h.blocks), h.meta)
        }
        Format::Plain => {
            let body = strip_markdown_link_lines(split.body, &mut urls);
            (plain_pieces(&body), Vec::new())
        }
    };
    assemble(
        path,
        &front,
        format,
        pieces,
        meta,
        urls,
        warnings,
        decoded.encoding,
    )
}

#[allow(clippy::too_many_arguments)]
fn assemble(
    path: &str,
    front: &FrontMatter,
    format: Format,
    pieces: Vec<Piece>,
    meta: Vec<(MetaKind, String)>,
    mut urls: Vec<String>,
    mut warnings: Vec<String>,
    encoding: String,
) -> Result<Ingested, IngestError> {
    let vocab = Vocab::get();
    let mut headline: Option<String> = None;
    let mut body_source: Option<String> = None;
    let mut body_date: Option<String> = None;
    let mut authors: Vec<Person> = Vec::new();
    let mut credits: Vec<String> = Vec::new();
    let mut images: Vec<Image> = Vec::new();
    for (kind, text) in &meta {
        match kind {
            MetaKind::Time => body_date = body_date.take().or_else(|| parse_date(text)),
            MetaKind::Source => {
                body_source.get_or_insert_with(|| {
                    text.trim_start_matches("来源：")
                        .trim_start_matches("来源:")
                        .to_string()
                });
            }
            MetaKind::Author => {
                if let Some(LineMeta::Authors(p)) = line_meta(text) {
                    authors.extend(p);
                }
            }
        }
    }

    // First pass: metadata lines, headline, images and captions out of the flow.
    let mut flow: Vec<(String, bool, bool)> = Vec::new(); // (text, is_heading, numbered_heading_candidate)
    let mut i = 0;
    let mut first_line_title: Option<String> = None;
    while i < pieces.len() {
        match &pieces[i] {
            Piece::Headline(t) => {
                if headline.is_none() {
                    headline = Some(t.clone());
                } else {
                    flow.push((t.clone(), true, false));
                }
            }
            Piece::Heading(t) => flow.push((t.clone(), true, false)),
            Piece::Image(srcs) => {
                // A short line right after an image, centered or a figcaption, is its caption.
                let caption = match pieces.get(i + 1) {
                    Some(Piece::Para {
                        text,
                        centered,
                        figcaption,
                        ..
                    }) if (*centered || *figcaption)
                        && char_len(text) <= 80
                        && !text.ends_with('。') =>
                    {
                        i += 1;
                        Some(text.clone())
                    }
                    _ => None,
                };
                for (k, src) in srcs.iter().enumerate() {
                    images.push(Image {
                        src: src.clone(),
                        caption: if k == 0 { caption.clone() } else { None },
                    });
                }
            }
            Piece::Para {
                text,
                strong_only,
                figcaption,
                ..
            } => {
                if *figcaption {
                    images.push(Image {
                        src: None,
                        caption: Some(text.clone()),
                    });
                } else {
                    match line_meta(text) {
                        Some(LineMeta::Source(s)) => {
                            body_source.get_or_insert(s);
                        }
                        Some(LineMeta::Authors(p)) => authors.extend(p),
                        Some(LineMeta::Credit(c)) => credits.push(c),
                        Some(LineMeta::Date(d)) => {
                            body_date.get_or_insert(d);
                        }
                        Some(LineMeta::Url(u)) => urls.push(u),
                        Some(LineMeta::Junk) => {}
                        None => {
                            if format == Format::Plain
                                && first_line_title.is_none()
                                && flow.is_empty()
                                && front.title.is_none()
                            {
                                let t = text.as_str();
                                if char_len(t) <= 60 && !ends_with_sentence_punct(t) {
                                    first_line_title = Some(t.to_string());
                                    i += 1;
                                    continue;
                                }
                            }
                            let strong_heading = *strong_only
                                && char_len(text) <= 40
                                && !ends_with_sentence_punct(text);
                            flow.push((text.clone(), strong_heading, false));
                        }
                    }
                }
            }
        }
        i += 1;
    }

    // Second pass: headings and sections.
    let paragraph_count = flow.iter().filter(|(_, h, _)| !h).count();
    let mut sections: Vec<Section> = vec![Section {
        heading: None,
        number: None,
        paragraphs: vec![],
    }];
    for (text, is_heading, _) in flow {
        let mut heading: Option<String> = None;
        let mut number: Option<String> = None;
        let mut rest: Option<String> = None;
        if is_heading {
            heading = Some(text);
        } else if let Some(end) = numbering(&text) {
            number = Some(number_label(&text[..end]));
            let after = text[end..].trim().to_string();
            // `一、标题。正文……` on one line: the heading is the first sentence.
            match after.find('。') {
                Some(p) if char_len(&after[..p]) <= 40 && p + '。'.len_utf8() < after.len() => {
                    heading = Some(after[..p].to_string());
                    let r = after[p + '。'.len_utf8()..].trim().to_string();
                    if !r.is_empty() {
                        rest = Some(r);
                    }
                }
                _ if char_len(&after) <= 40 => heading = Some(after),
                _ => rest = Some(text.clone()),
            }
        } else if paragraph_count >= 3
            && char_len(&text) <= 30
            && char_len(&text) >= 4
            && !ends_with_sentence_punct(&text)
            && !text.ends_with('”')
        {
            heading = Some(text);
        } else {
            rest = Some(text);
        }
        if let Some(h) = heading {
            // The number as written (一, 2 …) is kept apart from the heading text.
            let (number, h) = match numbering(&h) {
                Some(end) => (Some(number_label(&h[..end])), h[end..].trim().to_string()),
                None => (number, h),
            };
            let h = h.trim_end_matches(['。', '；']).to_string();
            sections.push(Section {
                heading: Some(h),
                number,
                paragraphs: vec![],
            });
        }
        if let Some(r) = rest {
            sections
                .last_mut()
                .expect("at least one section")
                .paragraphs
                .push(r);
        }
    }
    sections.retain(|s| s.heading.is_some() || !s.paragraphs.is_empty());
    if sections.is_empty() && headline.is_none() && first_line_title.is_none() {
        return Err(IngestError::NoText);
    }

    // Title.
    let front_title = front
        .title
        .as_deref()
        .map(|t| clean(&html::fragment_text(t)))
        .filter(|t| !t.is_empty());
    let (title, title_source) = if let Some(h) = headline {
        (h, Provenance::Body)
    } else if let Some(t) = front_title {
        (t, Provenance::FrontMatter)
    } else if let Some(t) = first_line_title {
        (t, Provenance::FirstLine)
    } else {
        warnings.push("no title found; using the file name".to_string());
        (clean(file_stem(path)), Provenance::FirstLine)
    };

    // Date: front matter, else stated in the body, else unknown.
    let mut date = None;
    let mut date_source = None;
    if let Some(raw) = front.date.as_deref() {
        match parse_date(raw) {
            Some(d) => {
                date = Some(d);
                date_source = Some(Provenance::FrontMatter);
            }
            None if body_date.is_some() => {} // e.g. Hexo's `Invalid Date`, recovered from the body
            None => warnings.push(format!(
                "front-matter date {raw:?} is not a valid date and the body states none"
            )),
        }
    }
    if date.is_none() {
        if let Some(d) = body_date {
            date = Some(d);
            date_source = Some(Provenance::Body);
        }
    }

    // Publisher: a 来源 line or source element, else feed codes, tags and author.
    let (publisher, publisher_source) = if let Some(s) = body_source {
        (
            Some(vocab.publisher_for(&s).unwrap_or(s)),
            Some(Provenance::Body),
        )
    } else if let Some(p) = front
        .categories
        .iter()
        .chain(front.tags.iter())
        .chain(front.author.iter())
        .find_map(|c| vocab.publisher_for(c))
    {
        (Some(p), Some(Provenance::FeedCode))
    } else {
        (None, None)
    };

    // Bureau and region.
    let body_text: String = sections
        .iter()
        .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter()))
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    let title_bureaus = region::find_bureaus(&title, true);
    let body_bureaus = region::find_bureaus(&body_text, false);
    let chosen = region::choose_bureau(&title_bureaus, &body_bureaus);
    let bureau = chosen.as_ref().map(region::bureau_of);
    let all_bureaus: Vec<region::BureauMatch> = title_bureaus
        .iter()
        .chain(body_bureaus.iter())
        .cloned()
        .collect();
    let mut reg = chosen
        .as_ref()
        .map(|c| region::region_of_bureau(region::region_source(c, &all_bureaus)))
        .unwrap_or_default();
    if reg.province.is_none() {
        reg.province = region::infer_province(&format!("{title}\n{body_text}"));
    }

    let kind = doc_kind(&title, &body_text, format, publisher.is_some());
    let chars = char_len(&body_text);
    let mut flags = Vec::new();
    if bureau.as_ref().is_some_and(|b| b.anonymized) {
        flags.push("anonymized_bureau".to_string());
    }
    if date.is_none() {
        flags.push("no_date".to_string());
    }
    if bureau.is_none() {
        flags.push("no_bureau".to_string());
    }
    urls.extend(front.url.iter().cloned());
    let url = urls
        .into_iter()
        .find(|u| u.starts_with("http://") || u.starts_with("https://"));
    authors.dedup();
    let doc = Document {
        id: doc_id(path),
        source_file: path.to_string(),
        title,
        title_source,
        date,
        date_source,
        publisher,
        publisher_source,
        kind,
        authors,
        bureau,
        province: reg.province,
        city: reg.city,
        district: reg.district,
        url,
        sections,
        images,
        credits,
        recognitions: vec![],
        initiative_ids: vec![],
        metric_ids: vec![],
        flags,
        chars,
    };
    Ok(Ingested {
        doc,
        warnings,
        encoding,
    })
}

fn doc_kind(title: &str, body: &str, format: Format, has_publisher: bool) -> DocKind {
    let head: String = body.chars().take(200).collect();
    if regex!(r"(发言|讲话|致辞|汇报)").is_match(title)
        || regex!(r"^(尊敬的|各位领导|同志们)").is_match(&head)
    {
        DocKind::Speech
    } else if regex!(r"(总结|报告|材料|做法|经验|方案|汇编|规划)$").is_match(title)
    {
        DocKind::Report
    } else if has_publisher || format != Format::Plain {
        DocKind::News
    } else {
        DocKind::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2022-06-14 16:03:06 +0800").as_deref(),
            Some("2022-06-14")
        );
        assert_eq!(parse_date("2021年7月6日").as_deref(), Some("2021-07-06"));
        assert_eq!(parse_date("2022-13-45"), None);
        assert_eq!(parse_date("Invalid Date"), None);
        assert_eq!(parse_date("2021/02/29"), None);
    }

    #[test]
    fn date_fallbacks() {
        let fm = ingest(
            "a.md",
            "---\ntitle: 标题\ndate: 2021-03-04\n---\n正文。\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(fm.doc.date.as_deref(), Some("2021-03-04"));
        assert_eq!(fm.doc.date_source, Some(Provenance::FrontMatter));
        let body = ingest(
            "b.txt",
            "---\ntitle: 标题\ndate: Invalid Date\n---\n<p><span class=\"time\">2021-07-16 09:59:51</span></p><p>正文。</p>"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(body.doc.date.as_deref(), Some("2021-07-16"));
        assert_eq!(body.doc.date_source, Some(Provenance::Body));
        assert!(
            body.warnings.is_empty(),
            "recovered from the body: {:?}",
            body.warnings
        );
        let line = ingest(
            "c.txt",
            "某某标题\n发布时间：2020年1月2日\n正文第一段内容。".as_bytes(),
        )
        .unwrap();
        assert_eq!(line.doc.date.as_deref(), Some("2020-01-02"));
        let none = ingest("d.txt", "标题\n2022年5月被授予称号。\n正文。".as_bytes()).unwrap();
        assert_eq!(none.doc.date, None);
        assert_eq!(none.doc.date_source, None);
        let bad = ingest(
            "e.md",
            "---\ntitle: t\ndate: 2022-13-45\n---\n正文。".as_bytes(),
        )
        .unwrap();
        assert_eq!(bad.doc.date, None);
        assert!(bad.warnings.iter().any(|w| w.contains("2022-13-45")));
    }

    #[test]
    fn plain_text_headings_and_items() {
        let src = "某县税务局经验材料\n\n开头一段。\n一、细心感受，持续优化纳税服务环境\n一是全面升级办税服务厅。严格按照要求。\n二是推进网络智能化办税。\n二、服务大局，护航发展。深入贯彻落实精神，主动融入大局。\n短的独立标题行\n正文内容。\n##paidend##\n";
        let d = ingest("x.txt", src.as_bytes()).unwrap().doc;
        assert_eq!(d.title, "某县税务局经验材料");
        assert_eq!(d.title_source, Provenance::FirstLine);
        let heads: Vec<_> = d
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(
            heads,
            vec![
                "细心感受，持续优化纳税服务环境",
                "服务大局，护航发展",
                "短的独立标题行"
            ]
        );
        assert_eq!(
            d.sections[1].paragraphs[0],
            "一是全面升级办税服务厅。严格按照要求。"
        );
        assert_eq!(
            d.sections[2].paragraphs[0],
            "深入贯彻落实精神，主动融入大局。"
        );
        assert!(d
            .sections
            .iter()
            .all(|s| s.paragraphs.iter().all(|p| !p.contains("paidend"))));
    }

    #[test]
    fn html_headings_captions_meta() {
        let src = "<div><h1>完整标题</h1><p style=\"color:#6d6d6d\">每经记者 张三    每经编辑 李四</p>\
            <p>导语一段，内容比较长，说明情况。</p><h2>二级标题</h2><p>正文一。</p>\
            <p style=\"text-align: center;\"><img src=\"https://img/x.jpg\"></p><p style=\"text-align: center;\">图片说明 来源：某局</p>\
            <p><strong>加粗标题</strong></p><p>正文二。</p><p class=\"em_media\">（文章来源：经济参考网）</p>\
            <p>封面图片来源：某局</p></div>";
        let d = ingest("y.html", src.as_bytes()).unwrap().doc;
        assert_eq!(d.title, "完整标题");
        assert_eq!(d.publisher.as_deref(), Some("经济参考网"));
        assert_eq!(d.authors.len(), 2);
        assert_eq!(
            d.authors[0],
            Person {
                role: "记者".into(),
                name: "张三".into()
            }
        );
        assert_eq!(d.images[0].caption.as_deref(), Some("图片说明 来源：某局"));
        assert_eq!(d.credits, vec!["封面图片来源：某局".to_string()]);
        let heads: Vec<_> = d
            .sections
            .iter()
            .filter_map(|s| s.heading.as_deref())
            .collect();
        assert_eq!(heads, vec!["二级标题", "加粗标题"]);
        let all: String = d
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.clone())
            .collect();
        assert!(!all.contains("图片说明") && !all.contains("文章来源") && !all.contains("记者"));
    }

    #[test]
    fn markdown_body() {
        let src = "---\ntitle: 标题\ncategories: zhongguoshuiwubao\n---\n## 小节\n\n这是**正文**。\n\n[返回首页](//x/)\n\n<https://example.org/a>\n";
        let d = ingest("m.md", src.as_bytes()).unwrap().doc;
        assert_eq!(d.sections[0].heading.as_deref(), Some("小节"));
        assert_eq!(d.sections[0].paragraphs, vec!["这是正文。".to_string()]);
        assert_eq!(d.publisher.as_deref(), Some("中国税务报"));
        assert_eq!(d.url.as_deref(), Some("https://example.org/a"));
    }

    #[test]
    fn ids() {
        assert_eq!(doc_id("data/raw/000_abc.txt"), "000_abc");
        assert!(doc_id("data/raw/税务 新闻.txt").starts_with('d'));
    }
}
