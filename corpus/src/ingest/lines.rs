//! Body lines that are metadata, not content: 来源, bylines, 发布时间, picture credits, the
//! original URL, navigation; and Markdown lines that only carry links.

use super::meta::parse_date;
use super::text::{char_len, ends_with_sentence_punct};
use crate::model::Person;
use regex::Regex;
use std::sync::OnceLock;

pub(super) fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("static regex"))
}

/// A regex compiled once, where it is used.
macro_rules! regex {
    ($p:expr) => {{
        static CELL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        $crate::ingest::lines::re(&CELL, $p)
    }};
}
pub(super) use regex;

/// What a metadata line says.
pub(super) enum LineMeta {
    Source(String),
    Authors(Vec<Person>),
    Credit(String),
    Date(String),
    Url(String),
    Junk,
}

pub(super) fn line_meta(s: &str) -> Option<LineMeta> {
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
    authors(s, len).map(LineMeta::Authors)
}

/// A byline: roles and names cover most of a short line that is not a sentence.
fn authors(s: &str, len: usize) -> Option<Vec<Person>> {
    let roles = regex!(
        r"([\p{Han}]{0,4}?)(记者|编辑|通讯员|责编|责任编辑|作者|撰稿)[:：\s]*([\p{Han}·]{2,4}(?:[、，,][\p{Han}·]{2,4})*)"
    );
    if len > 50 || ends_with_sentence_punct(s) {
        return None;
    }
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
    (!people.is_empty() && covered * 10 >= non_space * 7).then_some(people)
}

/// Lines of Markdown that carry links only: autolinks `<http…>` give the original URL,
/// navigation links (`[返回首页](…)`) are dropped. Everything else is kept.
pub(super) fn strip_markdown_link_lines(body: &str, urls: &mut Vec<String>) -> String {
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
