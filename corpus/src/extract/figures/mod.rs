//! Figures: the number grammar (qualifier, number, scale, 余/多, unit, qualifier) for Arabic
//! and Chinese numerals, what is not a figure (dates, ordinals, parts of names, enumerations),
//! each figure's kind and value in the base unit of its kind, the direction the text says it
//! moved, and the label that says what it measures.
//!
//! | module | what |
//! |---|---|
//! | this one | the grammar, each figure's kind and normalized value |
//! | [`not`] | what is not a figure: dates, ordinals, names' numbers, enumerations |
//! | [`label`] | the label (whole words) and the direction |

mod label;
mod not;
#[cfg(test)]
mod tests;

use super::block::{BlockCtx, Spans};
use crate::fold::fold_char;
use crate::ingest::text::chinese_number;
use crate::model::{Bound, Metric, MetricCategory, Normalized};
use label::{direction, label};
use not::{enumerates, not_a_figure, part_of_a_name, reports_nothing};
use regex::Regex;
use std::sync::OnceLock;

/// Units, longest first where one begins another (the pattern takes the first that fits).
#[rustfmt::skip]
const UNITS: &[&str] = &[
    "%", "％", "个百分点", "百分点", "个工作日", "工作日", "个小时", "个月", "平方米", "人次",
    "户次", "场次", "件次", "余次", "公分", "厘米", "公里", "分钟", "小时", "万元", "亿元",
    "大类", "小项", "个人", "个多月", "个余月", "个多小时", "元", "个", "次", "类", "条", "场", "通", "户", "家", "项", "篇",
    "支", "地", "种", "期", "名", "人", "台", "件", "笔", "张", "份", "批", "所", "座", "间",
    "套", "本", "册", "倍", "天", "秒", "米", "位", "块", "单", "宗", "辆", "吨", "面", "处",
    "趟", "页", "组", "村", "镇", "区", "县", "市", "省", "年", "周", "封", "届", "章", "成",
    "轮", "岗", "站", "队", "部", "幅", "节", "枚", "亩",
];
const BEFORE: &[&str] = &["近", "约", "超过", "超", "逾", "达", "共"];
const SCALES: &[&str] = &["万亿", "亿", "万", "千"];
const MORE: &[&str] = &["余", "多"];
const AFTER: &[&str] = &["以上", "左右"];

/// A one-character unit that begins a word with the character after it is not the unit
/// (1000万个人纳税人, 一次性, 3年度): the figure is read without it, or is none.
const NOT_UNIT_BEFORE: &[(&str, &str)] = &[
    ("个", "人体税案"),
    ("个人", "纳所信账名"),
    ("名", "单称额"),
    ("台", "账"),
    ("份", "额"),
    ("所", "得属在"),
    ("家", "庭"),
    ("人", "民员工次口们"),
    ("次", "性"),
    ("项", "目"),
    ("条", "件例款"),
    ("期", "间限望"),
    ("年", "度级龄代初底末份"),
    ("周", "年边期"),
    ("市", "场民级"),
    ("区", "域级"),
    ("县", "域级"),
    ("站", "点"),
    ("组", "织"),
    ("队", "伍员"),
    ("部", "门署分"),
    ("节", "点日约省"),
    ("地", "区方址"),
    ("场", "所地景"),
    ("天", "然津"),
    ("成", "立为功本员果"),
    ("本", "地级"),
    ("米", "粮"),
    ("处", "理"),
    ("单", "位"),
    ("面", "向对临"),
];

fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// `(qualifier)? number (scale)? (余|多)? (unit)? (qualifier)?` for Arabic numbers, and the same
/// for Chinese numerals (一万名, 三十多名, 半天).
fn patterns() -> &'static (Regex, Regex) {
    static P: OnceLock<(Regex, Regex)> = OnceLock::new();
    P.get_or_init(|| {
        // 余/多 before the scale (80多万) or after it (4.8万余通).
        let tail = format!(
            r"({more})?({})?({more})?({})?({})?",
            alternation(SCALES),
            alternation(UNITS),
            alternation(AFTER),
            more = alternation(MORE),
        );
        let arabic = format!(r"({})?(\d+(?:\.\d+)?){tail}", alternation(BEFORE));
        let chinese = format!(
            r"({})?([一二两三四五六七八九十百千]+|半){tail}",
            alternation(BEFORE)
        );
        (
            Regex::new(&arabic).expect("figure pattern"),
            Regex::new(&chinese).expect("figure pattern"),
        )
    })
}

/// The text with traditional characters folded to simplified ones where that keeps every
/// byte offset (十一組 reads as 十一组), so units match in either script.
fn folded_same_offsets(t: &str) -> std::borrow::Cow<'_, str> {
    if t.chars().all(|c| (c as u32) < 0x2E80 || fold_char(c) == c) {
        return std::borrow::Cow::Borrowed(t);
    }
    std::borrow::Cow::Owned(
        t.chars()
            .map(|c| {
                let f = if (c as u32) < 0x2E80 { c } else { fold_char(c) };
                if f.len_utf8() == c.len_utf8() {
                    f
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// The parts of one figure as the pattern found them.
pub(super) struct Parts<'a> {
    before: Option<&'a str>,
    number: &'a str,
    scale: Option<&'a str>,
    more: Option<&'a str>,
    unit: Option<&'a str>,
    after: Option<&'a str>,
    /// Byte range in the block.
    start: usize,
    end: usize,
}

fn parts<'a>(c: &regex::Captures<'a>) -> Option<Parts<'a>> {
    let m = c.get(0)?;
    let g = |k: usize| c.get(k).map(|x| x.as_str());
    Some(Parts {
        before: g(1),
        number: g(2)?,
        scale: g(4),
        more: g(3).or(g(5)),
        unit: g(6),
        after: g(7),
        start: m.start(),
        end: m.end(),
    })
}

/// A unit that begins a word with what follows it is given up, with what came after it
/// (`近1000万个人纳税人` is 1000万). Returns whether the figure still stands.
fn drop_word_unit(p: &mut Parts, t: &str) {
    let Some(u) = p.unit else { return };
    let end_of_unit = p.end - p.after.map_or(0, str::len);
    let next = t[end_of_unit..].chars().next();
    let starts_word = NOT_UNIT_BEFORE
        .iter()
        .any(|(unit, nexts)| *unit == u && next.is_some_and(|n| nexts.contains(n)));
    if starts_word {
        p.end = end_of_unit - u.len();
        p.unit = None;
        p.after = None;
    }
}

pub(super) fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

pub(super) fn ceil(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Every figure of a block: Arabic and Chinese numerals with a unit (or a 万/亿 scale), with
/// their kind, normalized value, direction and label. `skip` are spans of names already found.
pub(super) fn metrics_in(b: &BlockCtx, doc_id: &str, skip: &Spans, out: &mut Vec<Metric>) {
    let (arabic, chinese) = patterns();
    let first = out.len();
    let t = b.text;
    let folded = folded_same_offsets(t);
    for (re, is_chinese) in [(arabic, false), (chinese, true)] {
        for c in re.captures_iter(&folded) {
            let Some(mut p) = parts(&c) else { continue };
            // Units as the text writes them (組, not 组), from the same offsets.
            drop_word_unit(&mut p, &folded);
            if p.unit.is_none() && p.scale.is_none() {
                continue;
            }
            if not_a_figure(&folded, &p, is_chinese)
                || skip.overlaps(p.start, p.end)
                || part_of_a_name(t, &p)
            {
                continue;
            }
            let value = if p.number == "半" {
                0.5
            } else if is_chinese {
                match chinese_number(p.number) {
                    Some(v) => v as f64,
                    None => continue,
                }
            } else {
                match p.number.parse::<f64>() {
                    Ok(v) => v,
                    Err(_) => continue,
                }
            };
            if is_chinese && enumerates(&folded, value, &p) || reports_nothing(&folded, &p, value) {
                continue;
            }
            out.push(figure(b, doc_id, &p, value, is_chinese));
        }
    }
    // Arabic first, then Chinese: in reading order. Only this block's figures: sorting all of
    // `out` for every block made a long document quadratic.
    out[first..].sort_by_key(|m| m.location.start);
}

/// What kind a unit is, and the factor to its kind's base unit.
pub(super) fn kind_of(unit: &str) -> (MetricCategory, &'static str, f64) {
    match unit {
        "%" | "％" => (MetricCategory::Percent, "%", 1.0),
        "成" => (MetricCategory::Percent, "%", 10.0),
        "个百分点" | "百分点" => (MetricCategory::Percent, "百分点", 1.0),
        "元" => (MetricCategory::Money, "元", 1.0),
        "万元" => (MetricCategory::Money, "元", 1e4),
        "亿元" => (MetricCategory::Money, "元", 1e8),
        "秒" => (MetricCategory::Duration, "分钟", 1.0 / 60.0),
        "分钟" => (MetricCategory::Duration, "分钟", 1.0),
        "小时" | "个小时" => (MetricCategory::Duration, "分钟", 60.0),
        "天" | "个工作日" | "工作日" => (MetricCategory::Duration, "分钟", 1440.0),
        "周" => (MetricCategory::Duration, "分钟", 10080.0),
        "个月" => (MetricCategory::Duration, "分钟", 43200.0),
        "年" => (MetricCategory::Duration, "分钟", 525600.0),
        "公分" | "厘米" => (MetricCategory::Length, "米", 0.01),
        "米" => (MetricCategory::Length, "米", 1.0),
        "公里" => (MetricCategory::Length, "米", 1000.0),
        "平方米" => (MetricCategory::Length, "平方米", 1.0),
        "个人" => (MetricCategory::Count, "人", 1.0),
        _ => (MetricCategory::Count, "", 1.0),
    }
}

fn scale_factor(scale: Option<&str>) -> f64 {
    match scale {
        Some("万") => 1e4,
        Some("亿") => 1e8,
        Some("万亿") => 1e12,
        Some("千") => 1e3,
        _ => 1.0,
    }
}

fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn figure(b: &BlockCtx, doc_id: &str, p: &Parts, value: f64, chinese: bool) -> Metric {
    let t = b.text;
    // The unit as written (the pattern ran over folded text at the same offsets).
    let unit_written = p.unit.map(|u| {
        let end = p.end - p.after.map_or(0, str::len);
        &t[end - u.len()..end]
    });
    // 5个多月: the unit is 个月, the 多 a qualifier.
    let (unit_key, inner_more) = match p.unit {
        Some("％") => ("%", None),
        Some("个多月") => ("个月", Some("多")),
        Some("个余月") => ("个月", Some("余")),
        Some("个多小时") => ("个小时", Some("多")),
        Some(u) => (u, None),
        None => ("", None),
    };
    let unit_written = match (unit_written, inner_more) {
        (Some(w), Some(m)) => Some(w.replacen(m, "", 1)),
        (w, _) => w.map(str::to_string),
    };
    let unit = [p.scale.unwrap_or(""), unit_written.as_deref().unwrap_or("")].concat();
    let (category, base, factor) = kind_of(unit_key);
    let base = if base.is_empty() { unit_key } else { base };
    let normalized = Some(Normalized {
        value: round6(value * scale_factor(p.scale) * factor),
        unit: base.to_string(),
    });
    let qualifier = p
        .before
        .filter(|q| !matches!(*q, "达" | "共"))
        .or(p.more)
        .or(inner_more)
        .or(p.after);
    let bound = match qualifier {
        Some("近") | Some("约") | Some("左右") => Bound::Approximate,
        Some(_) => Bound::LowerBound,
        None => Bound::Exact,
    };
    // The raw text starts at the number's qualifier, never at 达/共 (a verb of the sentence).
    let start = match p.before {
        Some(q @ ("达" | "共")) => p.start + q.len(),
        _ => p.start,
    };
    Metric {
        id: String::new(),
        doc_id: doc_id.to_string(),
        value,
        unit,
        raw: t[start..p.end].to_string(),
        qualifier: qualifier.map(str::to_string),
        bound,
        normalized,
        label: label(t, start, p.end),
        category,
        initiative_id: None,
        location: b.loc(start, p.end),
        chinese_numeral: chinese,
        direction: direction(t, start),
    }
}
