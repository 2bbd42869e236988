//! A body's pieces (HTML blocks or plain lines) → its metadata lines, headline, images and
//! captions, and then its sections: numbered and short unpunctuated lines become headings.

use super::chrome::{after_column_word, chrome, labelled_date, site_name, trim_decoration, Chrome};
use super::html::{Block, BlockKind, MetaKind};
use super::lines::{line_meta, regex, LineMeta};
use super::meta::parse_date;
use super::text::{char_len, clean, ends_with_sentence_punct};
use crate::model::{Image, Person, Section};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
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

pub(super) fn pieces_from_blocks(blocks: Vec<Block>) -> Vec<Piece> {
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

pub(super) fn plain_pieces(body: &str) -> Vec<Piece> {
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

/// What a body holds once its metadata lines are taken out.
#[derive(Debug, Default)]
pub(super) struct Body {
    /// An `<h1>`.
    pub headline: Option<String>,
    /// The first line (or heading) that reads as a title, after the page's chrome.
    pub first_line_title: Option<String>,
    /// The page's `<title>`, without the site's name.
    pub page_title: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    /// The date came from a line that says it is the date of publication.
    date_labelled: bool,
    pub authors: Vec<Person>,
    pub credits: Vec<String>,
    pub images: Vec<Image>,
    pub urls: Vec<String>,
    pub sections: Vec<Section>,
}

/// Reads a body: `meta` are the HTML elements captured as metadata; without a title in the
/// front matter, the first line that reads as a title (after the page's chrome) is the title.
pub(super) fn read(
    pieces: Vec<Piece>,
    meta: &[(MetaKind, String)],
    front_title: bool,
    urls: Vec<String>,
) -> Body {
    let mut body = Body {
        urls,
        ..Body::default()
    };
    for (kind, text) in meta {
        match kind {
            MetaKind::Time => body.date = body.date.take().or_else(|| parse_date(text)),
            MetaKind::Source => {
                body.source.get_or_insert_with(|| {
                    text.trim_start_matches("来源：")
                        .trim_start_matches("来源:")
                        .to_string()
                });
            }
            MetaKind::Author => {
                if let Some(LineMeta::Authors(p)) = line_meta(text) {
                    body.authors.extend(p);
                }
            }
        }
    }
    let flow = body.take_flow(pieces, !front_title);
    body.sections = sections(flow);
    body
}

impl Body {
    /// First pass: page chrome, metadata lines, headline, title line, images and captions out
    /// of the flow. Returns the flow as (text, is a heading). `look_for_title`: no headline or
    /// front-matter title, so the first line that reads as a title is the title.
    fn take_flow(&mut self, pieces: Vec<Piece>, look_for_title: bool) -> Vec<(String, bool)> {
        let mut flow: Vec<(String, bool)> = Vec::new();
        // Until the title is found (or the text has started), chrome and site lines are the
        // page's head, not the article.
        let mut seeking = look_for_title;
        let mut i = 0;
        while i < pieces.len() {
            match &pieces[i] {
                Piece::Headline(t) => {
                    if self.headline.is_none() {
                        self.headline = Some(t.clone());
                        seeking = false;
                    } else {
                        flow.push((t.clone(), true));
                    }
                }
                Piece::Heading(t) => {
                    if seeking && chrome(t).is_none() {
                        if let Some(title) = title_line(t) {
                            self.first_line_title = Some(title);
                            seeking = false;
                            i += 1;
                            continue;
                        }
                    }
                    flow.push((t.clone(), true));
                }
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
                        self.images.push(Image {
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
                        self.images.push(Image {
                            src: None,
                            caption: Some(text.clone()),
                        });
                    } else if self.meta_line(text) {
                    } else if seeking && site_name(trim_decoration(text)) {
                        // The site's or bureau's name at the top of the page.
                    } else if let Some(title) = seeking.then(|| title_line(text)).flatten() {
                        self.first_line_title = Some(title);
                        seeking = false;
                    } else {
                        seeking = false;
                        let strong_heading =
                            *strong_only && char_len(text) <= 40 && !ends_with_sentence_punct(text);
                        flow.push((text.clone(), strong_heading));
                    }
                }
            }
            i += 1;
        }
        flow
    }

    /// The source a dateline names (…来源：国家税务总局辽宁省税务局 字号…), unless one is known.
    fn source_in(&mut self, text: &str) {
        if self.source.is_none() {
            if let Some(c) =
                regex!(r"(?:信息来源|文章来源|来源)[:：]\s*([^\s|｜:：]{2,30})").captures(text)
            {
                self.source = Some(c[1].to_string());
            }
        }
    }

    /// The first date stated, unless a later one is labelled as the date of publication and
    /// the first is not.
    fn set_date(&mut self, d: String, labelled: bool) {
        if self.date.is_none() || labelled && !self.date_labelled {
            self.date = Some(d);
            self.date_labelled = labelled;
        }
    }

    /// Takes a metadata or chrome line out of the flow, keeping what it says (source, authors,
    /// credit, date, URL). Returns whether the line was one.
    fn meta_line(&mut self, text: &str) -> bool {
        match line_meta(text) {
            Some(LineMeta::Source(s)) => {
                self.source.get_or_insert(s);
                // A source line may carry the date too (来源：某报 2022-02-22).
                if let Some(Chrome::Dateline(Some(d))) = chrome(text) {
                    self.set_date(d, labelled_date(text));
                }
                return true;
            }
            Some(LineMeta::Authors(p)) => {
                self.authors.extend(p);
                return true;
            }
            Some(LineMeta::Credit(c)) => {
                self.credits.push(c);
                return true;
            }
            Some(LineMeta::Date(d)) => {
                self.set_date(d, labelled_date(text));
                self.source_in(text);
                return true;
            }
            Some(LineMeta::Url(u)) => {
                self.urls.push(u);
                return true;
            }
            Some(LineMeta::Junk) => return true,
            None => {}
        }
        match chrome(text) {
            Some(Chrome::Dateline(d)) => {
                if let Some(d) = d {
                    self.set_date(d, labelled_date(text));
                }
                self.source_in(text);
                true
            }
            Some(_) => true,
            None => false,
        }
    }
}

/// A line that reads as a title: decorations and a column word trimmed, a length of a title,
/// not a sentence, not the opening of a speech or a letter.
fn title_line(text: &str) -> Option<String> {
    let t = after_column_word(trim_decoration(text));
    let n = char_len(t);
    if !(5..=80).contains(&n)
        || ends_with_sentence_punct(t)
        || t.ends_with(['：', ':'])
        || regex!(r"^(尊敬的|各位|同志们|亲爱的|——|－－|摘要)").is_match(t)
    {
        return None;
    }
    Some(t.to_string())
}

/// Second pass: headings and sections.
fn sections(flow: Vec<(String, bool)>) -> Vec<Section> {
    let paragraph_count = flow.iter().filter(|(_, h)| !h).count();
    let mut sections: Vec<Section> = vec![Section {
        heading: None,
        number: None,
        paragraphs: vec![],
    }];
    for (text, is_heading) in flow {
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
    sections
}
