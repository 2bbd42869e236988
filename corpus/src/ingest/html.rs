//! HTML → a flat list of text blocks, using html5ever (via scraper) for the parsing.
//!
//! The walk is iterative (ego-tree's `traverse`), so 10,000 levels of nesting cannot overflow
//! the stack. Scripts, styles, frames, forms and comments never reach the text; `on*=`
//! attributes and `javascript:`/`data:` URLs are simply never read. Elements whose class says
//! they hold the time, source or author of an article are captured as metadata, not body.

use super::text::clean;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// `<h1>`: the headline.
    Headline,
    /// `<h2>`–`<h6>`.
    Heading,
    Para,
    /// A block that only holds an image.
    Image,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// All visible text sits in `<strong>`/`<b>`.
    pub strong_only: bool,
    /// Centered by inline style or `align`, or a `<figcaption>`.
    pub centered: bool,
    pub figcaption: bool,
    /// Image sources in this block (kept as text, never loaded).
    pub images: Vec<Option<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MetaKind {
    Time,
    Source,
    Author,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct HtmlText {
    pub blocks: Vec<Block>,
    pub meta: Vec<(MetaKind, String)>,
    /// The text of the page's `<title>`.
    pub page_title: Option<String>,
}

const SKIP: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "noscript", "template", "object", "embed",
    "svg", "math", "canvas", "form", "button", "select", "textarea", "input", "head", "title",
    "audio", "video", "nav", "link", "meta", "base",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "td",
    "th",
    "tr",
    "table",
    "dd",
    "dt",
    "dl",
    "pre",
    "figure",
    "figcaption",
    "br",
    "hr",
    "body",
    "html",
    "center",
    "address",
    "caption",
    "tbody",
    "thead",
];

struct Frame {
    tag: String,
    centered: bool,
}

struct Capture {
    kind: MetaKind,
    text: String,
}

#[derive(Default)]
struct Buf {
    text: String,
    strong_chars: usize,
    plain_chars: usize,
    link_chars: usize,
    images: Vec<Option<String>>,
}

fn meta_kind(el: &scraper::node::Element) -> Option<MetaKind> {
    if el.name() == "time" {
        return Some(MetaKind::Time);
    }
    let mut found = None;
    for class in el.classes() {
        let c = class.to_ascii_lowercase();
        if c.contains("time") || c.contains("date") || c == "pubtime" {
            found = Some(MetaKind::Time);
        } else if c == "source" || c.contains("source") || c.contains("origin") {
            found = Some(MetaKind::Source);
        } else if c.contains("author") || c.contains("editor") || c.contains("reporter") {
            found = Some(MetaKind::Author);
        }
    }
    found
}

fn is_centered(el: &scraper::node::Element) -> bool {
    let style = el
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    style.contains("text-align:center")
        || el
            .attr("align")
            .is_some_and(|a| a.eq_ignore_ascii_case("center"))
}

/// A usable image address: plain http(s) or relative; `javascript:`/`data:` are dropped.
fn image_src(el: &scraper::node::Element) -> Option<String> {
    let src = el
        .attr("data-src")
        .or_else(|| el.attr("data-original"))
        .or_else(|| el.attr("src"))?;
    let src = src.trim();
    let lower = src.to_ascii_lowercase();
    if src.is_empty()
        || lower.starts_with("javascript:")
        || lower.starts_with("data:")
        || lower.starts_with("vbscript:")
    {
        return None;
    }
    Some(src.chars().filter(|c| !c.is_control()).take(2000).collect())
}

/// Plain text of a markup fragment (entities decoded, tags dropped), e.g. a front-matter title.
pub fn fragment_text(fragment: &str) -> String {
    if !fragment.contains(['<', '&']) {
        return fragment.to_string();
    }
    let blocks = extract(fragment).blocks;
    blocks
        .into_iter()
        .map(|b| b.text)
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn extract(html: &str) -> HtmlText {
    let doc = Html::parse_document(html);
    let mut out = HtmlText::default();
    let mut frames: Vec<Frame> = Vec::new();
    let mut captures: Vec<Capture> = Vec::new();
    let mut buf = Buf::default();
    let mut skip_depth = 0usize;
    let mut strong_depth = 0usize;
    let mut link_depth = 0usize;
    // Inside the page's <title> (skipped with the head, but its text is kept apart).
    let mut in_title = false;
    let mut title = String::new();

    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let name = el.name();
                    if name == "title" && out.page_title.is_none() {
                        in_title = true;
                    }
                    if skip_depth > 0 || SKIP.contains(&name) {
                        skip_depth += 1;
                        continue;
                    }
                    if BLOCK.contains(&name) {
                        flush(&mut buf, &frames, &mut out);
                        frames.push(Frame {
                            tag: name.to_string(),
                            centered: is_centered(el),
                        });
                    }
                    match name {
                        "strong" | "b" => strong_depth += 1,
                        "a" => link_depth += 1,
                        "img" => buf.images.push(image_src(el)),
                        _ => {}
                    }
                    if let Some(kind) = meta_kind(el) {
                        captures.push(Capture {
                            kind,
                            text: String::new(),
                        });
                    }
                }
                Node::Text(t) if in_title => title.push_str(t),
                Node::Text(t) if skip_depth == 0 => {
                    if let Some(cap) = captures.last_mut() {
                        cap.text.push_str(t);
                        continue;
                    }
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    if strong_depth > 0 {
                        buf.strong_chars += n;
                    } else {
                        buf.plain_chars += n;
                    }
                    if link_depth > 0 {
                        buf.link_chars += n;
                    }
                    buf.text.push_str(t);
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(el) = node.value() {
                    let name = el.name();
                    if name == "title" && in_title {
                        in_title = false;
                        let t = clean(&title);
                        out.page_title = (!t.is_empty()).then_some(t);
                    }
                    if skip_depth > 0 {
                        skip_depth -= 1;
                        continue;
                    }
                    match name {
                        "strong" | "b" => strong_depth = strong_depth.saturating_sub(1),
                        "a" => link_depth = link_depth.saturating_sub(1),
                        _ => {}
                    }
                    if meta_kind(el).is_some() {
                        if let Some(cap) = captures.pop() {
                            let text = clean(&cap.text);
                            if text.chars().count() <= 80 {
                                if !text.is_empty() {
                                    out.meta.push((cap.kind, text));
                                }
                            } else if let Some(outer) = captures.last_mut() {
                                outer.text.push_str(&cap.text);
                            } else {
                                // Too long to be metadata: it was body text after all.
                                buf.plain_chars += text.chars().count();
                                buf.text.push_str(&cap.text);
                            }
                        }
                    }
                    if BLOCK.contains(&name) {
                        flush(&mut buf, &frames, &mut out);
                        frames.pop();
                    }
                }
            }
        }
    }
    flush(&mut buf, &frames, &mut out);
    out
}

fn flush(buf: &mut Buf, frames: &[Frame], out: &mut HtmlText) {
    let taken = std::mem::take(buf);
    let text = clean(&taken.text);
    let tag = frames.last().map(|f| f.tag.as_str()).unwrap_or("");
    let centered = frames.iter().rev().take(2).any(|f| f.centered);
    let figcaption = frames.iter().any(|f| f.tag == "figcaption");
    if text.is_empty() {
        if !taken.images.is_empty() {
            out.blocks.push(Block {
                kind: BlockKind::Image,
                text,
                strong_only: false,
                centered,
                figcaption,
                images: taken.images,
            });
        }
        return;
    }
    // A block made only of link text is navigation ("返回首页", "上一篇"): not body.
    let visible = taken.strong_chars + taken.plain_chars;
    if taken.link_chars > 0 && taken.link_chars * 10 >= visible * 9 && text.chars().count() <= 40 {
        return;
    }
    let kind = match tag {
        "h1" => BlockKind::Headline,
        "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        _ => BlockKind::Para,
    };
    out.blocks.push(Block {
        kind,
        text,
        strong_only: taken.plain_chars == 0 && taken.strong_chars > 0,
        centered,
        figcaption,
        images: taken.images,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_headings_and_strong() {
        let h = extract(
            "<p>第一段&nbsp;文字。</p> <p><strong>小标题</strong></p><h2>二级</h2><p>a<br>b</p>",
        );
        let texts: Vec<_> = h
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str(), b.strong_only))
            .collect();
        assert_eq!(
            texts,
            vec![
                (BlockKind::Para, "第一段 文字。", false),
                (BlockKind::Para, "小标题", true),
                (BlockKind::Heading, "二级", false),
                (BlockKind::Para, "a", false),
                (BlockKind::Para, "b", false),
            ]
        );
    }

    #[test]
    fn drops_scripts_comments_and_captures_meta() {
        let h = extract(
            "<h1><!-- <a>旧标题</a> --> 新标题 </h1><p class=\"u-time\"><span class=\"source\"> 某报 </span>\
             <span class=\"time\">2021-07-16 09:59:51</span></p><script>alert(1)</script>\
             <style>p{}</style><p onclick=\"x()\">正文<iframe src=\"javascript:alert(1)\"></iframe></p>",
        );
        assert_eq!(h.blocks[0].kind, BlockKind::Headline);
        assert_eq!(h.blocks[0].text, "新标题");
        assert_eq!(
            h.meta,
            vec![
                (MetaKind::Source, "某报".into()),
                (MetaKind::Time, "2021-07-16 09:59:51".into())
            ]
        );
        assert_eq!(h.blocks.len(), 2);
        assert_eq!(h.blocks[1].text, "正文");
    }

    #[test]
    fn images_and_navigation() {
        let h = extract(
            "<p style=\"text-align: center;\"><img src=\"https://x/y.jpg\" onerror=\"alert(1)\"></p>\
             <p style=\"text-align: center;\">图说文字</p><p><a href=\"/\">返回首页</a></p>\
             <p><img src=\"javascript:alert(1)\"></p>",
        );
        assert_eq!(h.blocks[0].kind, BlockKind::Image);
        assert_eq!(
            h.blocks[0].images,
            vec![Some("https://x/y.jpg".to_string())]
        );
        assert!(h.blocks[1].centered);
        assert_eq!(h.blocks.len(), 3);
        assert_eq!(h.blocks[2].images, vec![None]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!(
            "{}深处的文字{}",
            "<div>".repeat(10_000),
            "</div>".repeat(10_000)
        );
        let h = extract(&html);
        assert!(h.blocks.iter().any(|b| b.text == "深处的文字"));
    }
}
