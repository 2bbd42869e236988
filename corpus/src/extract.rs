//! Initiatives, recognitions, themes and metrics from a normalized document.
//!
//! Rules, in the order a reader would apply them:
//! - **Named**: a quotation “…” or 《…》 that is introduced by an action verb (打造, 推出 …),
//!   followed by a measure word (“镇合意”服务品牌), defined (“三率一度”：即 …) or itself ends with
//!   one. Quotations followed by 问题/理念/的 …, speech, slogans of three or more parts and
//!   honours are not initiatives.
//! - **Measure**: an unquoted phrase ending with a measure word (…通道, …专窗, …系统), its left
//!   edge at the last action verb, function word or counted number.
//! - **Programme**: a nationally used programme name from the lexicon (留抵退税, 纳税人学堂).
//! - **Item**: an enumerated item 一是…二是…; its text is the summary.
//! - **List**: `推行A、B等服务` gives A and B.
//!
//! Mentions with the same canonical key are merged per document. All vocabulary is data
//! (`data/lexicon.json`, `data/themes.json`).

use crate::model::{
    Bound, Document, Initiative, InitiativeKind, Location, Metric, Normalized, Recognition,
};
use crate::text::{char_len, chinese_number, is_han, sentences};
use crate::vocab::{ThemeScores, Vocab};
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub initiatives: Vec<Initiative>,
    pub metrics: Vec<Metric>,
    pub recognitions: Vec<Recognition>,
}

#[derive(Debug, Clone)]
struct Cand {
    name: String,
    kind: InitiativeKind,
    loc: Location,
    /// Byte range of the describing sentence or item in the block.
    context: (usize, usize),
}

/// Clause breaks: a `match`, not a slice of chars, because these are tested on every character
/// of every block and a slice pattern compares each character with every entry in turn.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | '!' | '?'
    )
}

/// Segment breaks: clause breaks, the enumeration comma, quotes, brackets and spaces.
fn is_segment_break(c: char) -> bool {
    is_clause_break(c)
        || matches!(
            c,
            '、' | '“'
                | '”'
                | '《'
                | '》'
                | '「'
                | '」'
                | '（'
                | '）'
                | '('
                | ')'
                | ' '
                | '‘'
                | '’'
        )
}

fn regex(cell: &'static OnceLock<Regex>, p: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(p).expect("static regex"))
}

/// Canonical key: quotes and spaces removed, the part after 暨, and grouped under a known
/// programme when the name ends with it (移动纳税人学堂 → 纳税人学堂).
pub fn canonical(name: &str) -> String {
    let mut n: String = name
        .chars()
        .filter(|&c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”' | '‘' | '’' | '"' | '\'' | '《' | '》' | '「' | '」' | '『' | '』'
                )
        })
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if let Some((_, after)) = n.rsplit_once('暨') {
        if char_len(after) >= 2 {
            n = after.to_string();
        }
    }
    // The longest national programme the name ends with: one set lookup per distinct length
    // of a programme name, longest first (not a scan of the programme list per candidate).
    let v = Vocab::get();
    match v.programme_names.longest(&n) {
        Some((l, _)) if l < n.len() => n[n.len() - l..].to_string(),
        _ => n,
    }
}

/// Start of the clause that contains byte `pos` (after the last clause break).
fn clause_start(text: &str, pos: usize) -> usize {
    text[..pos]
        .rfind(is_clause_break)
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0)
}

fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn last_chars(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let skip = count - n;
    let i = s.char_indices().nth(skip).map(|(i, _)| i).unwrap_or(0);
    &s[i..]
}

/// Where the name starts inside `left` (text before a head word): after the last verb,
/// function word or counted number.
fn cut_left(left: &str) -> usize {
    let v = Vocab::get();
    let mut cut = 0;
    for m in v.verb_ac.find_iter(left) {
        cut = cut.max(m.end());
    }
    cut = cut.max(crate::vocab::last_end(&v.cut_ac, left));
    static COUNTED: OnceLock<Regex> = OnceLock::new();
    for m in regex(
        &COUNTED,
        r"\d+(?:\.\d+)?[个台家项条支名类场次批套所座户处间]",
    )
    .find_iter(left)
    {
        cut = cut.max(m.end());
    }
    cut
}

fn in_any(spans: &[(usize, usize)], s: usize, e: usize) -> bool {
    spans.iter().any(|&(a, b)| s < b && a < e)
}

/// Byte spans with a logarithmic overlap test, so a multi-megabyte paragraph with thousands of
/// names stays fast (a hostile single-line file must not take minutes).
struct Spans {
    spans: Vec<(usize, usize)>,
    max_end: Vec<usize>,
}

impl Spans {
    fn new(mut spans: Vec<(usize, usize)>) -> Spans {
        spans.sort_unstable();
        let mut m = 0;
        let max_end = spans
            .iter()
            .map(|&(_, e)| {
                m = m.max(e);
                m
            })
            .collect();
        Spans { spans, max_end }
    }

    fn overlaps(&self, s: usize, e: usize) -> bool {
        let idx = self.spans.partition_point(|&(a, _)| a < e);
        idx > 0 && self.max_end[idx - 1] > s
    }
}

struct BlockCtx<'a> {
    text: &'a str,
    section: usize,
    paragraph: Option<usize>,
    sentences: Vec<(usize, usize)>,
}

impl BlockCtx<'_> {
    fn loc(&self, start: usize, end: usize) -> Location {
        Location {
            section: self.section,
            paragraph: self.paragraph,
            start,
            end,
        }
    }
    fn sentence_of(&self, pos: usize) -> (usize, usize) {
        // Sentences are sorted and disjoint: binary search.
        let idx = self.sentences.partition_point(|&(_, e)| e <= pos);
        let (s, e) = match self.sentences.get(idx) {
            Some(&(s, e)) if pos >= s && pos < e => (s, e),
            _ => (0, self.text.len()),
        };
        // Text without sentence ends (a table dump, a minified page) would make one "sentence"
        // of megabytes: keep a window around the position instead.
        const MAX: usize = 600;
        if e - s <= MAX {
            return (s, e);
        }
        let floor = |mut i: usize| {
            while !self.text.is_char_boundary(i) {
                i -= 1;
            }
            i
        };
        (
            floor(pos.saturating_sub(MAX / 2).max(s)),
            floor((pos + MAX / 2).min(e)),
        )
    }
}

fn named(
    b: &BlockCtx,
    out: &mut Vec<Cand>,
    recog: &mut Vec<Recognition>,
    taken: &mut Vec<(usize, usize)>,
) {
    let v = Vocab::get();
    let t = b.text;
    let mut i = 0;
    while i < t.len() {
        let Some(rel) = t[i..].find(['“', '《', '「']) else {
            break;
        };
        let qs = i + rel;
        let open = t[qs..].chars().next().unwrap_or('“');
        let close = match open {
            '《' => '》',
            '「' => '」',
            _ => '”',
        };
        let cs = qs + open.len_utf8();
        let Some(crel) = t[cs..].find(close) else {
            break;
        };
        let ce = cs + crel;
        let qe = ce + close.len_utf8();
        i = cs;
        let content = &t[cs..ce];
        let n = char_len(content);
        let book = open == '《';
        let max = if book { 40 } else { 20 };
        if n < 2 || n > max || content.contains(['“', '《', '「']) {
            continue;
        }
        if !content
            .chars()
            .any(|c| is_han(c) || c.is_ascii_alphanumeric())
        {
            continue;
        }
        if !book && content.contains(['，', '。', '！', '？', '；', '：', ',', '!', '?']) {
            continue;
        }
        if !book && content.contains('、') {
            let parts: Vec<&str> = content.split('、').collect();
            if parts.len() > 2 || parts.iter().any(|p| char_len(p) < 2) {
                continue;
            }
        }
        let after = &t[qe..];
        let after_seg_end = after.find(is_segment_break).unwrap_or(after.len());
        let after_seg = &after[..after_seg_end];
        let before = &t[clause_start(t, qs)..qs];
        let before_tail = last_chars(before, 6);
        // Honours: recorded, never initiatives.
        let honour = v.honour_suffix_set.ends(content)
            || after.starts_with("称号")
            || after.starts_with("荣誉")
            || v.honour_verb_set.ends(before_tail);
        if honour {
            recog.push(Recognition {
                name: content.to_string(),
                location: b.loc(cs, ce),
            });
            taken.push((qs, qe));
            continue;
        }
        if v.rhetoric_names.iter().any(|r| content == r.as_str())
            || content.ends_with('难')
            || content.ends_with("难题")
            || content.ends_with("问题")
            || !book && v.org_suffix_set.ends(content)
            || before.ends_with("简称")
            || before.ends_with("称为")
        {
            continue;
        }
        if v.rhetoric_after_ac.is_match(first_chars(after_seg, 4)) {
            continue;
        }
        let head_after =
            !after.starts_with('的') && v.quote_head_ac.is_match(first_chars(after_seg, 6));
        let content_head = v.any_head_set.ends(content);
        let document = book
            && [
                "办法",
                "方案",
                "规定",
                "制度",
                "指引",
                "指南",
                "清单",
                "一览表",
                "汇编",
                "手册",
                "措施",
                "细则",
                "规范",
                "意见",
                "通知",
                "规则",
            ]
            .iter()
            .any(|w| content.ends_with(w));
        if book && !document {
            continue;
        }
        // The verb must introduce this quotation: near it, with no 的 or 、 in between.
        let verb_before = v.verb_ac.find_iter(before).last().is_some_and(|m| {
            let gap = &before[m.end()..];
            char_len(gap) <= 8 && !gap.contains(['的', '、'])
        });
        let definition =
            after.starts_with("：即") || after.starts_with("，即") || after.starts_with('即');
        let followed_by_de = after.starts_with('的');
        let preceded_by_de = before.ends_with('的');
        let accept = head_after
            || content_head
            || document
            || definition
            || (verb_before && !followed_by_de && !preceded_by_de);
        if !accept {
            continue;
        }
        taken.push((qs, qe));
        out.push(Cand {
            name: content.to_string(),
            kind: InitiativeKind::Named,
            loc: b.loc(cs, ce),
            context: b.sentence_of(cs),
        });
        i = qe;
    }
}

fn measures(b: &BlockCtx, out: &mut Vec<Cand>, taken: &Spans, quote_ends: &[usize]) {
    let v = Vocab::get();
    let t = b.text;
    let mut seg_start = 0;
    // One search over the block, not one per segment (most segments are a few characters and
    // hold no head; a search's setup cost more than its scan). No head contains a segment
    // break (checked in the tests), so the leftmost-longest matches of the whole text are
    // exactly those of each segment.
    let heads: Vec<(usize, usize)> = v
        .head_ac
        .find_iter(t)
        .map(|m| (m.start(), m.end()))
        .collect();
    let mut next_head = 0;
    let mut push_segment = |s: usize, e: usize, out: &mut Vec<Cand>| {
        let first = next_head;
        while next_head < heads.len() && heads[next_head].0 < e {
            next_head += 1;
        }
        if e <= s || first == next_head {
            return;
        }
        let seg = &t[s..e];
        let mut last_end = 0;
        for &(hs, he) in &heads[first..next_head] {
            let (hs, he) = (hs - s, he - s);
            if hs < last_end {
                continue;
            }
            let left = &seg[last_end.min(hs)..hs];
            let mut cut = cut_left(left);
            // Leading determiners and fillers are not part of a name (这个…, 有…).
            while let Some(j) = v.lead_junk.iter().find(|j| {
                left[cut..].starts_with(j.as_str()) && char_len(&left[cut + j.len()..]) >= 2
            }) {
                cut += j.len();
            }
            let prefix = &left[cut..];
            // "锦江税务办税服务厅": a bureau's own name before a hall is not a new initiative.
            if prefix.ends_with("税务") || prefix.ends_with("税务局") || prefix.contains("税务局")
            {
                continue;
            }
            let pn = char_len(prefix);
            if !(2..=12).contains(&pn) || !prefix.chars().any(is_han) {
                continue;
            }
            let (ns, ne) = (s + last_end.min(hs) + cut, s + he);
            // The head right after an accepted quotation belongs to that name.
            if quote_ends.binary_search(&s).is_ok()
                && char_len(&t[s..ns]) <= 6
                && hs - last_end.min(hs) == prefix.len()
            {
                continue;
            }
            let name = &t[ns..ne];
            if v.generic.iter().any(|g| g == name) || taken.overlaps(ns, ne) {
                continue;
            }
            last_end = he;
            out.push(Cand {
                name: name.to_string(),
                kind: InitiativeKind::Measure,
                loc: b.loc(ns, ne),
                context: b.sentence_of(ns),
            });
        }
    };
    for (i, c) in t.char_indices() {
        if is_segment_break(c) {
            push_segment(seg_start, i, out);
            seg_start = i + c.len_utf8();
        }
    }
    push_segment(seg_start, t.len(), out);
}

fn programmes(b: &BlockCtx, out: &mut Vec<Cand>, recog_spans: &Spans) {
    let v = Vocab::get();
    for m in v.programme_ac.find_iter(b.text) {
        if recog_spans.overlaps(m.start(), m.end()) {
            continue;
        }
        out.push(Cand {
            name: v.programmes[m.pattern().as_usize()].name.clone(),
            kind: InitiativeKind::Programme,
            loc: b.loc(m.start(), m.end()),
            context: b.sentence_of(m.start()),
        });
    }
}

fn items(b: &BlockCtx, out: &mut Vec<Cand>) {
    static ITEM: OnceLock<Regex> = OnceLock::new();
    let re = regex(&ITEM, r"(?:^|[。；！])\s*([一二三四五六七八九十]{1,2})是");
    let starts: Vec<(usize, usize)> = re
        .captures_iter(b.text)
        .filter_map(|c| {
            c.get(0)
                .map(|m| (m.end(), c.get(1).map_or(m.start(), |g| g.start())))
        })
        .collect();
    for (k, &(body_start, marker_start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map(|&(_, ms)| {
            // Back up to the sentence end before the next marker.
            b.text[..ms].trim_end().len()
        });
        let end = end.unwrap_or(b.text.len());
        if end <= body_start {
            continue;
        }
        let item = &b.text[body_start..end];
        let name_end = item.find(['。', '；']).unwrap_or(item.len());
        let mut name = &item[..name_end];
        if char_len(name) > 30 {
            name = &name[..name.find('，').unwrap_or(name.len())];
        }
        if char_len(name) < 2 || char_len(name) > 40 {
            continue;
        }
        out.push(Cand {
            name: name.to_string(),
            kind: InitiativeKind::Item,
            loc: b.loc(body_start, body_start + name.len()),
            context: (marker_start, end),
        });
    }
}

fn lists(b: &BlockCtx, out: &mut Vec<Cand>, taken: &Spans) {
    let v = Vocab::get();
    let t = b.text;
    for (pos, _) in t.match_indices('等') {
        let after = first_chars(&t[pos + '等'.len_utf8()..], 8);
        let after = &after[..after.find(is_clause_break).unwrap_or(after.len())];
        if !v.list_heads.iter().any(|h| after.contains(h.as_str())) {
            continue;
        }
        let cs = clause_start(t, pos);
        let clause = &t[cs..pos];
        if !clause.contains('、') {
            continue;
        }
        // The list starts after the last action verb before its first item.
        let first_sep = clause.find('、').unwrap_or(0);
        let Some(verb_end) = v
            .verb_ac
            .find_iter(&clause[..first_sep])
            .map(|m| m.end())
            .last()
        else {
            continue;
        };
        let mut s = cs + verb_end;
        for part in t[s..pos].split('、') {
            let e = s + part.len();
            let n = char_len(part);
            let quoted = part.contains(['“', '”', '《', '》']);
            if (2..=14).contains(&n)
                && !quoted
                && !taken.overlaps(s, e)
                && part.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
            {
                out.push(Cand {
                    name: part.to_string(),
                    kind: InitiativeKind::Measure,
                    loc: b.loc(s, e),
                    context: b.sentence_of(s),
                });
            }
            s = e + '、'.len_utf8();
        }
    }
}

fn recognitions(b: &BlockCtx, recog: &mut Vec<Recognition>, spans: &mut Vec<(usize, usize)>) {
    let v = Vocab::get();
    let t = b.text;
    for m in v.honour_ac.find_iter(t) {
        if in_any(spans, m.start(), m.end()) {
            continue;
        }
        let seg_start = t[..m.start()]
            .rfind(is_segment_break)
            .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let left = &t[seg_start..m.start()];
        let cut = crate::vocab::last_end(&v.honour_cut_ac, left);
        let s = seg_start + cut;
        let name = &t[s..m.end()];
        if char_len(name) < 3 {
            continue;
        }
        spans.push((s, m.end()));
        recog.push(Recognition {
            name: name.to_string(),
            location: b.loc(s, m.end()),
        });
    }
}

/// The words of the figure pattern's groups, each list in the pattern's order of preference:
/// qualifier before the number, scale, qualifier after the scale, unit, qualifier after the
/// unit. [`figure_pattern`] builds the pattern from them, so the pattern and the hand parse
/// in [`figure_groups`] cannot drift apart.
const FIG_BEFORE: [&str; 5] = ["近", "约", "超过", "超", "逾"];
const FIG_SCALE: [&str; 4] = ["万亿", "亿", "万", "千"];
const FIG_MORE: [&str; 2] = ["余", "多"];
#[rustfmt::skip]
const FIG_UNITS: [&str; 66] = [
    "%", "％", "个工作日", "平方米", "人次", "户次", "场次", "余次", "公分", "厘米", "公里",
    "分钟", "小时", "万元", "亿元", "大类", "元", "个", "次", "类", "条", "场",
    "通", "户", "家", "项", "篇", "支", "地", "种", "期", "名", "人",
    "台", "件", "笔", "张", "份", "批", "所", "座", "间", "套", "本",
    "册", "倍", "天", "秒", "米", "位", "块", "单", "宗", "辆", "吨",
    "面", "处", "趟", "页", "组", "村", "镇", "区", "县", "市", "省",
];
const FIG_AFTER: [&str; 2] = ["以上", "左右"];

fn figure_pattern() -> String {
    format!(
        r"({})?(\d+(?:\.\d+)?)({})?({})?({})({})?",
        FIG_BEFORE.join("|"),
        FIG_SCALE.join("|"),
        FIG_MORE.join("|"),
        FIG_UNITS.join("|"),
        FIG_AFTER.join("|"),
    )
}

/// The groups of a figure match, in the pattern's group order (1–6; 2 and 5 always present).
#[derive(Debug, PartialEq)]
struct FigureGroups<'a> {
    before: Option<&'a str>,
    number: &'a str,
    scale: Option<&'a str>,
    more: Option<&'a str>,
    unit: &'a str,
    after: Option<&'a str>,
}

/// The groups of `m`, a whole match of the figure pattern, found the way the pattern's
/// backtracking finds them (each optional group taken if it can be, alternatives in order),
/// without running a capturing regex engine: its captures were the most expensive step per
/// figure. `None` if the parse does not account for all of `m`, in which case the caller asks
/// the regex (never seen; a guard, and the tests compare the two).
fn figure_groups(m: &str) -> Option<FigureGroups<'_>> {
    fn word(s: &str, words: &[&'static str]) -> Option<&'static str> {
        words.iter().find(|w| s.starts_with(**w)).copied()
    }
    // The number must follow at once, so at most one qualifier fits before it.
    let digit_at = m.find(is_decimal_digit)?;
    let before = (digit_at > 0).then(|| &m[..digit_at]);
    if before.is_some_and(|b| !FIG_BEFORE.contains(&b)) {
        return None;
    }
    // `\d+(?:\.\d+)?`: no later group starts with a digit or a point, so the longest run is it.
    let rest = &m[digit_at..];
    let int_len = rest
        .char_indices()
        .find(|&(_, c)| !is_decimal_digit(c))
        .map_or(rest.len(), |(i, _)| i);
    let mut num_len = int_len;
    if let Some(frac) = rest[int_len..].strip_prefix('.') {
        let frac_len = frac
            .char_indices()
            .find(|&(_, c)| !is_decimal_digit(c))
            .map_or(frac.len(), |(i, _)| i);
        if frac_len > 0 {
            num_len += 1 + frac_len;
        }
    }
    let number = &rest[..num_len];
    let rest = &rest[num_len..];
    // Scale, then 余/多, then the unit: each optional group first taken (by each word that
    // fits, in order), then left out. The first unit that fits ends the search: the last group
    // always matches.
    fn fits<'w>(
        s: &'w str,
        words: &'static [&'static str],
    ) -> impl Iterator<Item = Option<&'static str>> + 'w {
        words
            .iter()
            .filter(move |w| s.starts_with(**w))
            .map(|w| Some(*w))
            .chain([None])
    }
    for scale in fits(rest, &FIG_SCALE) {
        let r1 = &rest[scale.map_or(0, str::len)..];
        for more in fits(r1, &FIG_MORE) {
            let r2 = &r1[more.map_or(0, str::len)..];
            if let Some(unit) = word(r2, &FIG_UNITS) {
                let r3 = &r2[unit.len()..];
                let after = word(r3, &FIG_AFTER);
                let used = m.len() - r3.len() + after.map_or(0, str::len);
                return (used == m.len()).then_some(FigureGroups {
                    before,
                    number,
                    scale,
                    more,
                    unit,
                    after,
                });
            }
        }
    }
    None
}

/// `\d` of the regex crate: a Unicode decimal digit (no Han character is one).
fn is_decimal_digit(c: char) -> bool {
    c.is_ascii_digit() || !c.is_ascii() && !is_han(c) && regex_digit(c)
}

fn regex_digit(c: char) -> bool {
    static D: OnceLock<Regex> = OnceLock::new();
    let mut b = [0u8; 4];
    regex(&D, r"^\d$").is_match(c.encode_utf8(&mut b))
}

/// Arabic-number metrics with units, and small Chinese-numeral counts.
fn metrics_in(b: &BlockCtx, doc_id: &str, skip: &Spans, out: &mut Vec<Metric>) {
    static NUM: OnceLock<Regex> = OnceLock::new();
    static CN: OnceLock<Regex> = OnceLock::new();
    let num = NUM.get_or_init(|| Regex::new(&figure_pattern()).expect("static regex"));
    let t = b.text;
    for m in num.find_iter(t) {
        let (s, e) = (m.start(), m.end());
        // Part of a longer number, a date or a code: not a metric.
        let prev = t[..s].chars().next_back();
        if prev.is_some_and(|p| {
            p.is_ascii_alphanumeric() || p == '.' || p == '-' || p == '×' || p == '第'
        }) {
            continue;
        }
        if skip.overlaps(s, e) {
            continue;
        }
        let g = match figure_groups(m.as_str()) {
            Some(g) => g,
            None => {
                let Some(c) = num.captures(m.as_str()) else {
                    continue;
                };
                let text = |k: usize| c.get(k).map(|g| g.as_str());
                FigureGroups {
                    before: text(1),
                    number: text(2).unwrap_or(""),
                    scale: text(3),
                    more: text(4),
                    unit: text(5).unwrap_or(""),
                    after: text(6),
                }
            }
        };
        let Ok(value) = g.number.parse::<f64>() else {
            continue;
        };
        let scale = g.scale;
        let unit_raw = if g.unit == "％" { "%" } else { g.unit };
        // Single-character place units only after a count (8地 is fine, 5区 is rare): keep.
        let qualifier = g.before.or(g.more).or(g.after);
        let bound = match qualifier {
            Some("近") | Some("约") | Some("左右") => Bound::Approximate,
            Some(_) => Bound::LowerBound,
            None => Bound::Exact,
        };
        let unit = [scale.unwrap_or(""), unit_raw].concat();
        let factor = match scale {
            Some("万") => 1e4,
            Some("亿") => 1e8,
            Some("万亿") => 1e12,
            Some("千") => 1e3,
            _ => 1.0,
        };
        let (base_unit, factor) = match unit_raw {
            "万元" => ("元", factor * 1e4),
            "亿元" => ("元", factor * 1e8),
            u => (u, factor),
        };
        let normalized = if factor != 1.0 || base_unit == "%" {
            Some(Normalized {
                value: round6(value * factor),
                unit: base_unit.to_string(),
            })
        } else {
            None
        };
        out.push(metric(
            b,
            doc_id,
            value,
            unit,
            &t[s..e],
            qualifier,
            bound,
            normalized,
            base_unit,
            s,
            e,
            false,
        ));
    }
    let cn = regex(
        &CN,
        r"([两二三四五六七八九十][十百]?[一二三四五六七八九]?)(面|名|个|位|项|支|家|场|次|条|种|批|所|台|篇|期|大类|类|支)",
    );
    for c in cn.captures_iter(t) {
        let m = c.get(0).expect("whole match");
        let (s, e) = (m.start(), m.end());
        let prev = t[..s].chars().next_back();
        if prev.is_some_and(|p| "一二两三四五六七八九十百千第每".contains(p)) {
            continue;
        }
        let next = t[e..].chars().next();
        if next.is_some_and(|n| "一是体".contains(n)) || skip.overlaps(s, e) {
            continue;
        }
        let Some(value) = chinese_number(&c[1]) else {
            continue;
        };
        if value < 2 {
            continue;
        }
        out.push(metric(
            b,
            doc_id,
            value as f64,
            c[2].to_string(),
            &t[s..e],
            None,
            Bound::Exact,
            None,
            &c[2],
            s,
            e,
            true,
        ));
    }
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

#[allow(clippy::too_many_arguments)]
fn metric(
    b: &BlockCtx,
    doc_id: &str,
    value: f64,
    unit: String,
    raw: &str,
    qualifier: Option<&str>,
    bound: Bound,
    normalized: Option<Normalized>,
    base_unit: &str,
    s: usize,
    e: usize,
    chinese_numeral: bool,
) -> Metric {
    let category = match base_unit {
        "%" => "percent",
        "元" => "money",
        "分钟" | "小时" | "天" | "秒" | "个工作日" => "duration",
        "公分" | "厘米" | "米" | "公里" | "平方米" => "length",
        _ => "count",
    };
    Metric {
        id: String::new(),
        doc_id: doc_id.to_string(),
        value,
        unit,
        raw: raw.to_string(),
        qualifier: qualifier.map(str::to_string),
        bound,
        normalized,
        label: label(b.text, s, e),
        category: category.to_string(),
        initiative_id: None,
        location: b.loc(s, e),
        chinese_numeral,
    }
}

/// What a number measures: the end of the clause before it and the start of the text after.
fn label(t: &str, s: usize, e: usize) -> String {
    // Slices until the one string returned: this runs for every figure.
    const VERBS: [&str; 16] = [
        "缩短", "提高", "提升", "下降", "减少", "增长", "增加", "压缩", "降低", "达到", "超过",
        "节约", "节省", "获得", "减免", "扣除",
    ];
    let cs = t[..s]
        .rfind(is_segment_break)
        .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    let mut before = last_chars(&t[cs..s], 10).trim_end_matches(['了', '共', '的']);
    for w in ["累计", "合计", "共计", "总计", "已", "达"] {
        if let Some(x) = before.strip_suffix(w) {
            if !x.is_empty() {
                before = x;
            }
        }
    }
    // A result verb at the end is set off by a space (办税时长 缩短); the longest one wins.
    let verb_at = VERBS
        .iter()
        .filter(|v| before.ends_with(*v))
        .map(|v| before.len() - v.len())
        .min()
        .filter(|&at| at > 0);
    let rest = &t[e..];
    let ae = rest
        .find(|c: char| is_segment_break(c) && !matches!(c, '“' | '”'))
        .unwrap_or(rest.len());
    let after_raw = first_chars(&rest[..ae], 10);
    let mut after = after_raw
        .chars()
        .filter(|c| !matches!(c, '“' | '”'))
        .peekable();
    while after.next_if_eq(&'的').is_some() {}
    let mut out = String::with_capacity(before.len() + after_raw.len() + 2);
    match verb_at {
        Some(at) => {
            out.push_str(&before[..at]);
            out.push(' ');
            out.push_str(&before[at..]);
        }
        None => out.push_str(before),
    }
    if !before.is_empty() && after.peek().is_some() {
        out.push(' ');
    }
    out.extend(after);
    out
}

/// Every theme keyword occurrence in a document's text (all blocks joined, in reading order),
/// found in one overlapping pass: (start, end, theme index), in order of end. A context slice
/// is scored by counting the occurrences that lie inside it, so no sentence is scanned twice
/// (an overlapping search finds every occurrence, so those are exactly the slice's own hits).
struct ThemeHits {
    hits: Vec<(u32, u32, u8)>,
    /// Scores of slices already counted, by their range in the joined text: a sentence naming
    /// several initiatives, and a section's paragraphs that every initiative in its heading
    /// takes as context, are counted once.
    memo: FxHashMap<(usize, usize), ThemeScores>,
}

impl ThemeHits {
    /// The hits inside `s..e` of `hits` (in order of end): the theme word counts of that slice.
    fn count(hits: &[(u32, u32, u8)], s: usize, e: usize) -> ThemeScores {
        let mut scores = Vocab::get().empty_scores();
        let first = hits.partition_point(|h| (h.1 as usize) <= s);
        for &(hs, he, t) in &hits[first..] {
            if he as usize > e {
                break;
            }
            if hs as usize >= s {
                scores.add(t as usize);
            }
        }
        scores
    }

    /// [`ThemeHits::count`], remembered for slices that are scored again.
    fn scores(&mut self, s: usize, e: usize) -> ThemeScores {
        let ThemeHits { hits, memo } = self;
        *memo
            .entry((s, e))
            .or_insert_with(|| ThemeHits::count(hits, s, e))
    }
}

/// Theme ids for an initiative: its programme's theme, themes named in its name (`name`: the
/// theme word counts of the name), then the strongest themes of its context.
fn themes_for(
    name: &ThemeScores,
    programme_theme: Option<&str>,
    context: &[(usize, usize)],
    fallback: &[usize],
    hits: &mut ThemeHits,
) -> Vec<usize> {
    let v = Vocab::get();
    let mut out: Vec<usize> = Vec::new();
    if let Some(t) = programme_theme.and_then(|t| v.theme_index(t)) {
        out.push(t);
    }
    // Strongest first, ties in theme order (a stable sort of a few indices).
    let mut ranked: Vec<usize> = (0..name.len()).filter(|&i| name[i] > 0).collect();
    ranked.sort_by_key(|&i| std::cmp::Reverse(name[i]));
    for &i in &ranked {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    // Context scores are sums over slices; themes past the scores' length never score.
    let mut ctx = [0usize; crate::vocab::MAX_THEMES];
    for &(s, e) in context {
        let scores = hits.scores(s, e);
        for (i, &s) in scores.iter().enumerate() {
            ctx[i] += s as usize;
        }
    }
    let top = ctx.iter().copied().max().unwrap_or(0);
    if top > 0 {
        ranked.clear();
        ranked.extend((0..ctx.len()).filter(|&i| ctx[i] > 0 && ctx[i] * 2 >= top));
        ranked.sort_by_key(|&i| std::cmp::Reverse(ctx[i]));
        for &i in ranked.iter().take(3) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    if out.is_empty() {
        out.extend(fallback.iter().take(1));
    }
    if out.is_empty() {
        out.push(0);
    }
    out
}

pub fn extract(doc: &Document) -> Extracted {
    let v = Vocab::get();
    // Sized from the text so the large records are not copied as the vectors grow: the
    // generated corpora run to ~24 initiatives and ~27 figures per 1,000 characters, real
    // articles (the seeds: 15 and 6) to fewer; an estimate off costs a doubling or idle capacity.
    let mut cands: Vec<Cand> = Vec::with_capacity(doc.chars / 32 + 8);
    let mut recog: Vec<Recognition> = Vec::new();
    let mut metrics: Vec<Metric> = Vec::with_capacity(doc.chars / 32 + 4);
    let mut metric_blocks: Vec<(Location, (usize, usize))> = Vec::with_capacity(metrics.capacity());

    for (si, section) in doc.sections.iter().enumerate() {
        let blocks = section.heading.iter().map(|h| (None, h.as_str())).chain(
            section
                .paragraphs
                .iter()
                .enumerate()
                .map(|(pi, p)| (Some(pi), p.as_str())),
        );
        for (pi, text) in blocks {
            let b = BlockCtx {
                text,
                section: si,
                paragraph: pi,
                sentences: sentences(text),
            };
            let mut taken: Vec<(usize, usize)> = Vec::new();
            let before = recog.len();
            let block_first = cands.len();
            named(&b, &mut cands, &mut recog, &mut taken);
            let quote_ends: Vec<usize> = taken.iter().map(|&(_, e)| e).collect();
            let mut recog_spans: Vec<(usize, usize)> = recog[before..]
                .iter()
                .map(|r| (r.location.start, r.location.end))
                .collect();
            recognitions(&b, &mut recog, &mut recog_spans);
            let mut block_taken = taken.clone();
            block_taken.extend(recog_spans.iter().copied());
            let block_taken = Spans::new(block_taken);
            let recog_index = Spans::new(recog_spans);
            let mut block_cands = Vec::new();
            measures(&b, &mut block_cands, &block_taken, &quote_ends);
            lists(&b, &mut block_cands, &block_taken);
            block_cands.retain(|c| !recog_index.overlaps(c.loc.start, c.loc.end));
            // Drop a measure inside a longer measure: sweep by start, widest first.
            block_cands.sort_by_key(|c| (c.loc.start, std::cmp::Reverse(c.loc.end)));
            let mut keep = Vec::with_capacity(block_cands.len());
            let mut widest: Option<(usize, usize)> = None;
            for c in block_cands {
                let (s, e) = (c.loc.start, c.loc.end);
                let inside_longer = widest.is_some_and(|(ws, we)| we >= e && (we - ws) > (e - s));
                if widest.is_none_or(|(_, we)| e > we) {
                    widest = Some((s, e));
                }
                if !inside_longer {
                    keep.push(c);
                }
            }
            cands.extend(keep);
            programmes(&b, &mut cands, &recog_index);
            items(&b, &mut cands);
            // A numbered heading (一、…) is an enumerated item of its own.
            if pi.is_none() && section.number.is_some() && (2..=40).contains(&char_len(text)) {
                cands.push(Cand {
                    name: text.to_string(),
                    kind: InitiativeKind::Item,
                    loc: b.loc(0, text.len()),
                    context: (0, text.len()),
                });
            }
            // Numbers inside a name (24小时自助办税厅) are part of the name, not metrics.
            let name_spans: Vec<(usize, usize)> = cands[block_first..]
                .iter()
                .filter(|c| c.kind != InitiativeKind::Item)
                .map(|c| (c.loc.start, c.loc.end))
                .collect();
            let n_before = metrics.len();
            metrics_in(&b, &doc.id, &Spans::new(name_spans), &mut metrics);
            for m in &metrics[n_before..] {
                metric_blocks.push((m.location, b.sentence_of(m.location.start)));
            }
        }
    }

    // Document-level theme ranking, the last resort for an initiative with no theme words.
    // The same pass records where each keyword occurs, for scoring context slices.
    let mut all_text = String::new();
    let mut block_start: Vec<Vec<usize>> = Vec::with_capacity(doc.sections.len());
    for s in &doc.sections {
        let mut starts = Vec::with_capacity(s.paragraphs.len() + 1);
        for b in s.heading.iter().chain(s.paragraphs.iter()) {
            starts.push(all_text.len());
            all_text.push_str(b);
        }
        block_start.push(starts);
    }
    let (doc_scores, hits) = v.theme_hits(&all_text);
    let mut theme_hits = ThemeHits {
        hits,
        memo: FxHashMap::default(),
    };
    // Where a block starts in the joined text (a section's heading, when it has one, first).
    let block_offset = |l: &Location| {
        let s = &doc.sections[l.section];
        let i = usize::from(s.heading.is_some());
        block_start[l.section][l.paragraph.map_or(0, |p| p + i)]
    };
    let mut doc_rank: Vec<usize> = (0..doc_scores.len())
        .filter(|&i| doc_scores[i] > 0)
        .collect();
    doc_rank.sort_by_key(|&i| std::cmp::Reverse(doc_scores[i]));

    // Merge mentions by canonical key, in order of first appearance.
    cands.sort_by_key(|c| {
        (
            c.loc.section,
            c.loc.paragraph.map_or(0, |p| p + 1),
            c.loc.start,
            std::cmp::Reverse(c.loc.end),
        )
    });
    // Groups in order of first appearance; `index` finds a key's group, and a mention is
    // recognised as seen by its group's position, so each key is hashed once per candidate.
    let mut groups: Vec<(String, Vec<Cand>)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut seen: FxHashSet<(usize, Location)> = FxHashSet::default();
    for c in cands {
        let key = canonical(&c.name);
        if char_len(&key) < 2 {
            continue;
        }
        let g = match index.entry(key) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                groups.push((e.key().clone(), Vec::new()));
                *e.insert(groups.len() - 1)
            }
        };
        if seen.insert((g, c.loc)) {
            groups[g].1.push(c);
        }
    }
    drop(index);
    let block_text = |l: &Location| doc.block_at(l.section, l.paragraph).unwrap_or("");
    let mut initiatives: Vec<Initiative> = Vec::with_capacity(groups.len());
    // One buffer for every initiative's context slices.
    let mut contexts: Vec<(usize, usize)> = Vec::new();
    for (n, (key, group)) in groups.iter_mut().enumerate() {
        let key = std::mem::take(key);
        let group = &*group;
        let primary = group
            .iter()
            .find(|c| c.loc.paragraph.is_some())
            .unwrap_or(&group[0]);
        let kind = group.iter().map(|c| c.kind).min_by_key(|k| match k {
            InitiativeKind::Named => 0,
            InitiativeKind::Programme => 1,
            InitiativeKind::Measure => 2,
            InitiativeKind::Item => 3,
        });
        // Display name: a quoted name, else a measure phrase, else an item, else the key.
        let rank = |k: InitiativeKind| match k {
            InitiativeKind::Named => 0,
            InitiativeKind::Measure => 1,
            InitiativeKind::Item => 2,
            InitiativeKind::Programme => 3,
        };
        let best = group.iter().min_by_key(|c| rank(c.kind));
        let name = best.map(|c| c.name.as_str()).unwrap_or(key.as_str());
        // The theme words in the name: every rule takes a name as the text at its mention's
        // location, so its hits are among the document's and no second search is needed. The
        // comparison keeps that true if a rule ever rewrites a name (then the name is scanned).
        let name_scores = match best {
            Some(c) if block_text(&c.loc).get(c.loc.start..c.loc.end) == Some(name) => {
                let at = block_offset(&c.loc);
                ThemeHits::count(&theme_hits.hits, at + c.loc.start, at + c.loc.end)
            }
            _ => v.theme_scores(name),
        };
        let programme_theme = v
            .programme_names
            .get(key.as_str())
            .map(|p| v.programmes[p].theme.as_str());
        contexts.clear();
        for c in group {
            let bt = block_text(&c.loc);
            let at = block_offset(&c.loc);
            contexts.push((at + c.context.0, at + c.context.1.min(bt.len())));
            if c.loc.paragraph.is_none() {
                // A name in a heading takes the themes of its section (its first paragraphs).
                let section = &doc.sections[c.loc.section];
                for (p, text) in section.paragraphs.iter().enumerate().take(8) {
                    let at = block_offset(&Location {
                        paragraph: Some(p),
                        ..c.loc
                    });
                    contexts.push((at, at + text.len()));
                }
            }
        }
        let theme_idx = themes_for(
            &name_scores,
            programme_theme,
            &contexts,
            &doc_rank,
            &mut theme_hits,
        );
        let bt = block_text(&primary.loc);
        let summary = bt[primary.context.0..primary.context.1.min(bt.len())]
            .trim()
            .to_string();
        let mut mentions: Vec<Location> = group.iter().map(|c| c.loc).collect();
        mentions.sort();
        initiatives.push(Initiative {
            id: crate::pack::initiative_id(&doc.id, n),
            doc_id: doc.id.clone(),
            name: name.to_string(),
            canonical: key,
            kind: kind.unwrap_or(InitiativeKind::Measure),
            summary,
            themes: theme_idx
                .into_iter()
                .map(|i| v.themes[i].id.clone())
                .collect(),
            location: primary.loc,
            mentions,
            metric_ids: vec![],
        });
    }

    // Metrics: ids, and the initiative named in the same sentence (else the enclosing item).
    // Mentions are indexed by block so a long document stays linear.
    type BlockKey = (usize, Option<usize>);
    let mut mentions_by_block: FxHashMap<BlockKey, Vec<(usize, usize, usize)>> =
        FxHashMap::default();
    let mut items_by_block: FxHashMap<BlockKey, Vec<(usize, usize, usize)>> = FxHashMap::default();
    for (ii, init) in initiatives.iter().enumerate() {
        if init.kind == InitiativeKind::Item {
            if let Some(c) = groups[ii].1.first() {
                let l = init.location;
                items_by_block
                    .entry((l.section, l.paragraph))
                    .or_default()
                    .push((c.context.0, c.context.1, ii));
            }
        } else {
            for l in &init.mentions {
                mentions_by_block
                    .entry((l.section, l.paragraph))
                    .or_default()
                    .push((l.start, l.end, ii));
            }
        }
    }
    for (k, m) in metrics.iter_mut().enumerate() {
        m.id = crate::pack::metric_id(&doc.id, k);
        let (ss, se) = metric_blocks[k].1;
        let key = (m.location.section, m.location.paragraph);
        let mut best: Option<(usize, usize)> = None; // (distance, initiative index)
        for &(ls, le, ii) in mentions_by_block.get(&key).into_iter().flatten() {
            if ls < ss || le > se {
                continue;
            }
            let d = if le <= m.location.start {
                m.location.start - le
            } else {
                ls.saturating_sub(m.location.end)
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, ii));
            }
        }
        if best.is_none() {
            for &(cs, ce, ii) in items_by_block.get(&key).into_iter().flatten() {
                if m.location.start >= cs && m.location.end <= ce {
                    best = Some((0, ii));
                }
            }
        }
        if let Some((_, ii)) = best {
            m.initiative_id = Some(initiatives[ii].id.clone());
            initiatives[ii].metric_ids.push(m.id.clone());
        }
    }
    Extracted {
        initiatives,
        metrics,
        recognitions: recog,
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The hand parse of a figure gives the regex's own captures, on texts made of the
        /// pattern's words, digits (ASCII and others), points and other characters.
        #[test]
        fn figure_groups_are_the_captures(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(super::FIG_BEFORE.to_vec()),
                    proptest::sample::select(super::FIG_SCALE.to_vec()),
                    proptest::sample::select(super::FIG_MORE.to_vec()),
                    proptest::sample::select(super::FIG_UNITS.to_vec()),
                    proptest::sample::select(super::FIG_AFTER.to_vec()),
                    proptest::sample::select(vec!["1", "23", "4.5", ".", "٣", "１", "万元", "亿", "个", "x", "，"]),
                ],
                0..10,
            ),
        ) {
            let text: String = parts.concat();
            let re = regex::Regex::new(&super::figure_pattern()).unwrap();
            for c in re.captures_iter(&text) {
                let m = c.get(0).unwrap().as_str();
                let g = super::figure_groups(m);
                proptest::prop_assert!(g.is_some(), "{m}");
                let g = g.unwrap();
                let text = |k: usize| c.get(k).map(|g| g.as_str());
                proptest::prop_assert_eq!(
                    g,
                    super::FigureGroups {
                        before: text(1),
                        number: text(2).unwrap(),
                        scale: text(3),
                        more: text(4),
                        unit: text(5).unwrap(),
                        after: text(6),
                    }
                );
            }
        }
    }

    /// Texts where a group could take a word or leave it to the next group: the pattern's
    /// preference decides, and the hand parse must follow it.
    #[test]
    fn figure_groups_follow_the_pattern_on_ambiguous_words() {
        let re = regex::Regex::new(&super::figure_pattern()).unwrap();
        for text in [
            "1万元",
            "5余次",
            "超过3万户次以上",
            "约5.5亿元左右",
            "3千米",
            "12.5%",
            "7万亿元",
            "8万余元",
            "9多个",
            "近10余次",
            "２万元",
            "3.个",
            "4亿元多",
        ] {
            for c in re.captures_iter(text) {
                let m = c.get(0).unwrap().as_str();
                let g = super::figure_groups(m).unwrap_or_else(|| panic!("{m}"));
                let text = |k: usize| c.get(k).map(|g| g.as_str());
                assert_eq!(
                    (g.before, g.number, g.scale, g.more, g.unit, g.after),
                    (
                        text(1),
                        text(2).unwrap(),
                        text(3),
                        text(4),
                        text(5).unwrap(),
                        text(6)
                    ),
                    "{m}"
                );
            }
        }
    }

    /// `measures` searches a whole block for heads at once and hands each segment its
    /// matches; that equals a search per segment only while no head spans a segment break.
    #[test]
    fn no_head_contains_a_segment_break() {
        let lex: serde_json::Value =
            serde_json::from_str(include_str!("../data/lexicon.json")).unwrap();
        for h in lex["heads"].as_array().unwrap() {
            let h = h.as_str().unwrap();
            assert!(!h.contains(super::is_segment_break), "{h}");
        }
    }

    use super::*;
    use crate::model::{DocKind, Provenance, Section};

    fn doc(paragraphs: &[&str]) -> Document {
        Document {
            id: "t".into(),
            source_file: "t.txt".into(),
            title: "t".into(),
            title_source: Provenance::FirstLine,
            date: None,
            date_source: None,
            publisher: None,
            publisher_source: None,
            kind: DocKind::Other,
            authors: vec![],
            bureau: None,
            province: None,
            city: None,
            district: None,
            url: None,
            sections: vec![Section {
                heading: None,
                number: None,
                paragraphs: paragraphs.iter().map(|s| s.to_string()).collect(),
            }],
            images: vec![],
            credits: vec![],
            recognitions: vec![],
            initiative_ids: vec![],
            metric_ids: vec![],
            flags: vec![],
            chars: 0,
        }
    }

    fn names(e: &Extracted) -> Vec<&str> {
        e.initiatives.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn named_measure_programme_item() {
        let d = doc(&[
            "一是优化服务。持续打造“锦税e家”服务品牌，他们设置了特殊群体绿色通道，开展纳税人学堂15次。二是强化保障。",
        ]);
        let e = extract(&d);
        let n = names(&e);
        assert!(n.contains(&"锦税e家"), "{n:?}");
        assert!(n.contains(&"特殊群体绿色通道"), "{n:?}");
        assert!(n.contains(&"纳税人学堂"), "{n:?}");
        assert!(n.contains(&"优化服务"), "{n:?}");
        let brand = e.initiatives.iter().find(|i| i.name == "锦税e家").unwrap();
        assert!(brand.themes.contains(&"service_hall".to_string()));
        let m = e.metrics.iter().find(|m| m.raw == "15次").unwrap();
        let school = e
            .initiatives
            .iter()
            .find(|i| i.name == "纳税人学堂")
            .unwrap();
        assert_eq!(m.initiative_id.as_ref(), Some(&school.id));
    }

    #[test]
    fn numbered_headings_are_items() {
        let mut d = doc(&["开设纳税人学堂12场。"]);
        d.sections[0].heading = Some("细心感受，持续优化纳税服务环境".into());
        d.sections[0].number = Some("一".into());
        let e = extract(&d);
        let item = e
            .initiatives
            .iter()
            .find(|i| i.name == "细心感受，持续优化纳税服务环境")
            .expect("heading item");
        assert_eq!(item.kind, InitiativeKind::Item);
        assert_eq!(item.location.paragraph, None);
        assert!(
            item.themes.contains(&"outreach".to_string()),
            "{:?}",
            item.themes
        );
    }

    #[test]
    fn rhetoric_honours_and_companies_are_not_initiatives() {
        let d = doc(&["破解群众“急难愁盼”问题，被授予“全国工人先锋号”称号，“江苏某某有限公司”表示感谢，树立“以人为本”理念，统筹把握的“快进度”。"]);
        let e = extract(&d);
        assert!(names(&e).is_empty(), "{:?}", names(&e));
        assert_eq!(e.recognitions[0].name, "全国工人先锋号");
    }

    #[test]
    fn metrics_with_qualifiers_and_scales() {
        let d = doc(&["咨询热线接听量合计4.8万余通，答复近2000条，贷款22.82亿元，时长缩短87%，获得三面锦旗，2021年，24小时服务。"]);
        let e = extract(&d);
        let get = |raw: &str| {
            e.metrics
                .iter()
                .find(|m| m.raw == raw)
                .unwrap_or_else(|| panic!("{raw} in {:?}", e.metrics))
        };
        let a = get("4.8万余通");
        assert_eq!(
            (a.value, a.unit.as_str(), a.bound),
            (4.8, "万通", Bound::LowerBound)
        );
        assert_eq!(a.normalized.as_ref().unwrap().value, 48000.0);
        let b = get("近2000条");
        assert_eq!((b.value, b.bound), (2000.0, Bound::Approximate));
        let c = get("22.82亿元");
        assert_eq!(
            c.normalized.as_ref().unwrap(),
            &Normalized {
                value: 2_282_000_000.0,
                unit: "元".into()
            }
        );
        assert_eq!(c.category, "money");
        let p = get("87%");
        assert_eq!(p.label, "时长 缩短");
        let cn = get("三面");
        assert!(cn.chinese_numeral);
        assert_eq!(cn.value, 3.0);
        assert!(!e.metrics.iter().any(|m| m.raw.contains("2021")));
    }

    #[test]
    fn figure_labels_join_the_clause_before_and_the_words_after() {
        let t = "全年累计办税时长缩短87%以上，“减免税款”达到3.5亿元的成效。共发放2000笔";
        let at = |raw: &str| {
            let s = t.find(raw).unwrap();
            label(t, s, s + raw.len())
        };
        // Ten characters before at most; the result verb is set off; the text after is kept.
        assert_eq!(at("87%"), "全年累计办税时长 缩短 以上");
        // The clause starts after the closing quote; a leading 的 after the figure goes.
        assert_eq!(at("3.5亿元"), "达到 成效");
        assert_eq!(label("达到5家", 6, 10), "达到");
        assert_eq!(label("5家", 0, 4), "");
        assert_eq!(at("2000笔"), "共发放");
        // Fillers at the end go (累计, 已 …), quotes in the words after are dropped.
        assert_eq!(label("减税累计5亿元“红利”", 12, 19), "减税 红利");
    }

    #[test]
    fn slice_scores_from_one_pass_equal_scanning_the_slice() {
        let v = Vocab::get();
        let text = "推行“非接触式”办税缴费，纳税人学堂开讲，税银互动助力小微企业融资，\
                    延时服务和预约服务覆盖办税服务厅。";
        let (whole, hits) = v.theme_hits(text);
        assert_eq!(&*whole, &*v.theme_scores(text));
        assert!(whole.iter().any(|&h| h > 0), "the sample names themes");
        let mut th = ThemeHits {
            hits,
            memo: FxHashMap::default(),
        };
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (k, &s) in bounds.iter().enumerate() {
            for &e in &bounds[k..] {
                let scanned = v.theme_scores(&text[s..e]);
                assert_eq!(&*ThemeHits::count(&th.hits, s, e), &*scanned, "{s}..{e}");
                assert_eq!(&*th.scores(s, e), &*scanned, "{s}..{e}");
            }
        }
    }

    #[test]
    fn canonical_keys_group_variants() {
        assert_eq!(
            canonical("我为纳税人缴费人办实事暨便民办税春风行动"),
            "便民办税春风行动"
        );
        assert_eq!(canonical("移动纳税人学堂"), "纳税人学堂");
        assert_eq!(canonical("“锦税E家”"), "锦税e家");
    }
}
