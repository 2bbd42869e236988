//! Figures: the number grammar (qualifier, number, scale, 余/多, unit, qualifier), its kind
//! and normalized value, and the label that says what a figure measures.

use super::block::{first_chars, is_segment_break, last_chars, regex, BlockCtx, Spans};
use crate::ingest::text::{chinese_number, is_han};
use crate::model::{Bound, Metric, MetricCategory, Normalized};
use regex::Regex;
use std::sync::OnceLock;

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
pub(super) fn metrics_in(b: &BlockCtx, doc_id: &str, skip: &Spans, out: &mut Vec<Metric>) {
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
        "%" => MetricCategory::Percent,
        "元" => MetricCategory::Money,
        "分钟" | "小时" | "天" | "秒" | "个工作日" => MetricCategory::Duration,
        "公分" | "厘米" | "米" | "公里" | "平方米" => MetricCategory::Length,
        _ => MetricCategory::Count,
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
        category,
        initiative_id: None,
        location: b.loc(s, e),
        chinese_numeral,
    }
}

/// What a number measures: the end of the clause before it and the start of the text after.
pub(super) fn label(t: &str, s: usize, e: usize) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The hand parse of a figure gives the regex's own captures, on texts made of the
        /// pattern's words, digits (ASCII and others), points and other characters.
        #[test]
        fn figure_groups_are_the_captures(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(FIG_BEFORE.to_vec()),
                    proptest::sample::select(FIG_SCALE.to_vec()),
                    proptest::sample::select(FIG_MORE.to_vec()),
                    proptest::sample::select(FIG_UNITS.to_vec()),
                    proptest::sample::select(FIG_AFTER.to_vec()),
                    proptest::sample::select(vec!["1", "23", "4.5", ".", "٣", "１", "万元", "亿", "个", "x", "，"]),
                ],
                0..10,
            ),
        ) {
            let text: String = parts.concat();
            let re = regex::Regex::new(&figure_pattern()).unwrap();
            for c in re.captures_iter(&text) {
                let m = c.get(0).unwrap().as_str();
                let g = figure_groups(m);
                proptest::prop_assert!(g.is_some(), "{m}");
                let g = g.unwrap();
                let text = |k: usize| c.get(k).map(|g| g.as_str());
                proptest::prop_assert_eq!(
                    g,
                    FigureGroups {
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
        let re = regex::Regex::new(&figure_pattern()).unwrap();
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
                let g = figure_groups(m).unwrap_or_else(|| panic!("{m}"));
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
}
