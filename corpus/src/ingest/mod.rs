//! One raw file → one normalized [`Document`]: text, sections and the metadata the file
//! states (without bureau and places, which [`crate::place`] adds, and without initiatives
//! and figures, which [`crate::extract`] adds). Pure: takes bytes, returns data and warnings.
//!
//! | module | stage |
//! |---|---|
//! | [`decode`] | bytes → text: BOM, UTF-16, UTF-8, GBK/GB18030 |
//! | [`frontmatter`] | YAML front matter |
//! | `html` | HTML → text blocks (html5ever) |
//! | [`text`] | clean-text rules, sentences |
//! | `lines` | body lines that are metadata (来源, bylines, 发布时间, links) |
//! | `sections` | pieces → headline, images, captions, sections |
//! | [`meta`] | title, date, publisher, kind, id |

mod chrome;
pub mod decode;
pub mod frontmatter;
mod html;
#[macro_use]
mod lines;
pub mod meta;
mod sections;
pub mod text;

use crate::model::Document;
use decode::{decode, DecodeError};
use sections::{pieces_from_blocks, plain_pieces};
use text::char_len;

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

impl Format {
    /// By extension, else by content: any block tag makes a file HTML, front matter Markdown.
    fn detect(path: &str, body: &str, has_front: bool) -> Format {
        let lower = path.to_ascii_lowercase();
        if lower.ends_with(".html") || lower.ends_with(".htm") || has_html(body) {
            Format::Html
        } else if lower.ends_with(".md") || lower.ends_with(".markdown") || has_front {
            Format::Markdown
        } else {
            Format::Plain
        }
    }
}

fn has_html(body: &str) -> bool {
    regex!(
        r"(?i)</?(p|div|h[1-6]|br|span|strong|b|i|em|img|table|section|article|ul|ol|li|html|body|head|a|script|style|iframe|font|center|meta|link)\b[^>]*>"
    )
    .is_match(body)
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
    let format = Format::detect(path, split.body, split.front.is_some());
    let mut urls: Vec<String> = Vec::new();
    let body = lines::strip_markdown_link_lines(split.body, &mut urls);
    let (pieces, html_meta, page_title) = match format {
        Format::Html => {
            // Text with a stray tag but no block structure: its lines are its paragraphs.
            let body = if regex!(r"(?i)<(p|div|br|h[1-6]|li|tr|table|section|article)\b")
                .is_match(&body)
            {
                body
            } else {
                body.lines().map(|l| format!("<p>{l}</p>\n")).collect()
            };
            let h = html::extract(&body);
            (pieces_from_blocks(h.blocks), h.meta, h.page_title)
        }
        Format::Markdown => {
            let mut html_out = String::new();
            pulldown_cmark::html::push_html(&mut html_out, pulldown_cmark::Parser::new(&body));
            let h = html::extract(&html_out);
            (pieces_from_blocks(h.blocks), h.meta, None)
        }
        Format::Plain => (plain_pieces(&body), Vec::new(), None),
    };
    let plain = format == Format::Plain;
    let mut body = sections::read(pieces, &html_meta, front.title.is_some(), urls);
    body.page_title = page_title.as_deref().and_then(chrome::page_title);
    if body.sections.is_empty() && body.headline.is_none() && body.first_line_title.is_none() {
        return Err(IngestError::NoText);
    }
    let (title, title_source) = meta::title(&mut body, &front, path, &mut warnings);
    let (date, date_source) = meta::date(&front, body.date.take(), &mut warnings);
    let (publisher, publisher_source) = meta::publisher(body.source.take(), &front);
    let text = crate::model::joined_blocks(&body.sections);
    let chars = char_len(&text);
    let kind = meta::kind(&title, &text, plain, publisher.is_some());
    body.urls.extend(front.url.iter().cloned());
    let url = body
        .urls
        .into_iter()
        .find(|u| u.starts_with("http://") || u.starts_with("https://"));
    body.authors.dedup();
    let doc = Document {
        id: meta::doc_id(path),
        source_file: path.to_string(),
        title,
        title_source,
        date,
        date_source,
        publisher,
        publisher_source,
        kind,
        authors: body.authors,
        bureau: None,
        province: None,
        city: None,
        district: None,
        url,
        sections: body.sections,
        images: body.images,
        credits: body.credits,
        recognitions: vec![],
        initiative_ids: vec![],
        metric_ids: vec![],
        flags: vec![],
        chars,
    };
    Ok(Ingested {
        doc,
        warnings,
        encoding: decoded.encoding,
    })
}

#[cfg(test)]
mod tests {
    use super::meta::{doc_id, parse_date};
    use super::*;
    use crate::model::Person;
    use crate::model::Provenance;

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
