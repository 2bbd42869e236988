//! Figures: the number grammar (qualifier, number, scale, 余/多, unit, qualifier) for Arabic
//! and Chinese numerals, what is not a figure (dates, ordinals, parts of names, enumerations),
//! each figure's kind and value in the base unit of its kind, the direction the text says it
//! moved, and the label that says what it measures.

use super::block::{is_segment_break, regex, BlockCtx, Spans};

macro_rules! regex {
    ($p:expr) => {{
        static CELL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        regex(&CELL, $p)
    }};
}
use super::vocab::Vocab;
use crate::fold::fold_char;
use crate::ingest::text::{char_len, chinese_number, is_han};
use crate::model::{Bound, Direction, Metric, MetricCategory, Normalized};
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

/// Measure words that, after a Chinese numeral below ten, only enumerate (两个窗口, 三种方式,
/// 两家企业): not a figure.
const ENUMERATING: &[&str] = &[
    "个", "种", "类", "家", "位", "条", "面", "名", "次", "批", "所", "台", "篇", "份", "件", "张",
    "处", "支", "场", "地", "人", "本", "块", "大类", "座", "间", "笔", "块", "元",
];
/// Words before a Chinese numeral that make it a measured quantity, not an enumeration:
/// 获得三面锦旗, 为期一年, 超过三次, 等五项制度.
const MEASURING: &[&str] = &[
    "获得", "荣获", "收到", "建成", "成立", "组建", "开设", "设立", "推出", "新增", "累计", "发放",
    "为期", "仅", "只", "不到", "提前", "连续", "历时", "用时", "耗时", "经过", "缩短", "延长",
    "全程", "需要", "只要", "最快", "等", "近", "约", "超过", "超", "逾", "达", "至少", "最少",
    "最多", "至多", "跑", "节省", "节约", "减少", "压缩", "缩减", "提速", "增加", "提高",
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
struct Parts<'a> {
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

/// Whether the number at `s` is part of something that is not a figure: a longer number, a
/// code, a date, an ordinal (第三), a fraction (三分之一), a name's number (7×24小时).
fn not_a_figure(t: &str, p: &Parts, chinese: bool) -> bool {
    let prev = t[..p.start].chars().next_back();
    let next = t[p.end..].chars().next();
    if prev.is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '×' | '*' | '/' | '+' | '第' | '_')
    }) {
        return true;
    }
    if p.unit.is_none() && next.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '/' | '+'))
    {
        return true;
    }
    // Years and dates: 2021年, 2021年度, 4月10日 are not figures.
    if p.unit == Some("年") && p.number.len() == 4 && !chinese {
        return true;
    }
    if p.unit.is_none()
        && next.is_some_and(|c| matches!(c, '月' | '日' | '号' | '时' | '点' | '岁'))
    {
        return true;
    }
    if chinese {
        if prev.is_some_and(|c| "一二两三四五六七八九十百千第每周星期其之初礼".contains(c))
        {
            return true;
        }
        if next.is_some_and(|c| "是体化分之心方".contains(c)) {
            return true;
        }
    }
    false
}

/// A Chinese numeral that only counts, enumerates or names (两个窗口, 一年来, 十九届四中全会,
/// 五千年历史): not a figure, unless a word before it measures (获得三面锦旗, 为期一年).
fn enumerates(t: &str, value: f64, p: &Parts) -> bool {
    let unit = p.unit.unwrap_or("");
    let before = &t[floor(t, p.start.saturating_sub(12))..p.start];
    let measured = p.before.is_some() || MEASURING.iter().any(|w| before.ends_with(w));
    let after = &t[p.end..ceil(t, (p.end + 9).min(t.len()))];
    // Ordinals of congresses and plenums, spans of history.
    if (unit == "届" || unit == "年") && value >= 10.0 {
        return true;
    }
    if unit == "年" && regex!(r"^(来|一度|四季|到头|多来|之计)").is_match(after) {
        return true;
    }
    if measured {
        return false;
    }
    if p.number == "半" || p.number == "一" && p.scale.is_none() {
        return true;
    }
    value < 10.0 && p.scale.is_none() && ENUMERATING.contains(&unit)
}

/// Figures in a short quotation are part of a name (“15分钟办税缴费圈”, “8小时速达”); 24小时
/// before 自助, 不打烊 … names a service, not a quantity.
fn part_of_a_name(t: &str, p: &Parts) -> bool {
    let before = &t[floor(t, p.start.saturating_sub(60))..p.start];
    let after = &t[p.end..ceil(t, (p.end + 60).min(t.len()))];
    let open = before.rfind('“');
    let closed_before = before.rfind('”');
    if let (Some(o), Some(c)) = (open, after.find('”')) {
        let quoted = (&before[o..], &after[..c]);
        if closed_before.is_none_or(|x| x < o)
            && !quoted.1.contains('“')
            && char_len(quoted.0) + char_len(quoted.1) <= 20
            // A quoted clause (“推出延时服务，办理3万余户”) is speech, not a name.
            && !quoted.0.contains(['，', '。', '；']) && !quoted.1.contains(['，', '。', '；'])
        {
            return true;
        }
    }
    matches!(p.unit, Some("小时"))
        && p.number == "24"
        && regex!(r"^(自助|不打烊|服务|在线|营业|办税|值守|热线|全天|智能|无人|便民|政务)")
            .is_match(after)
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
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
            if is_chinese && enumerates(&folded, value, &p) {
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

/// The direction a verb right before a figure states (缩短87%, 提高到15万元, 下降了3天).
fn direction(t: &str, s: usize) -> Option<Direction> {
    let before = &t[floor(t, s.saturating_sub(18))..s];
    let before = before
        .trim_end_matches(['了', '至', '到', '为', '约', '近', '超', '达'])
        .trim_end_matches(['了', '至', '到']);
    const UP: &[&str] = &[
        "提高", "提升", "增长", "增加", "上升", "扩大", "增至", "提速", "翻番",
    ];
    const DOWN: &[&str] = &[
        "缩短", "减少", "下降", "降低", "压缩", "减轻", "节约", "节省", "缩减", "减至", "降至",
        "压减", "精简",
    ];
    if UP.iter().any(|w| before.ends_with(w)) {
        Some(Direction::Up)
    } else if DOWN.iter().any(|w| before.ends_with(w)) {
        Some(Direction::Down)
    } else {
        None
    }
}

/// Where a phrase may start or end: after punctuation, a function word or a verb of the
/// lexicon, so a label never begins or ends inside a word.
fn word_starts(s: &str) -> Vec<usize> {
    let v = Vocab::get();
    let mut cuts = vec![0];
    for (i, c) in s.char_indices() {
        if !is_han(c) && !c.is_alphanumeric()
            || "的了在和与及对为将把被让从向由等或并且还".contains(c)
        {
            cuts.push(i + c.len_utf8());
        }
    }
    for m in v.verb_ac.find_iter(s) {
        cuts.push(m.start());
        cuts.push(m.end());
    }
    cuts.push(s.len());
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// What a figure measures: the words of its clause before it (from the last verb or word
/// boundary, at most 14 characters) and after it (to the clause's end, at most 12), in whole
/// words, with the verb of a change set off (办税时长 缩短).
pub(super) fn label(t: &str, s: usize, e: usize) -> String {
    const CHANGE: &[&str] = &[
        "缩短", "提高", "提升", "下降", "减少", "增长", "增加", "压缩", "降低", "达到", "超过",
        "节约", "节省", "获得", "减免", "扣除", "提速",
    ];
    let window = floor(t, s.saturating_sub(90));
    let cs = t[window..s]
        .rfind(is_segment_break)
        .map(|i| window + i + t[window + i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(window);
    let mut before = t[cs..s].trim_end_matches(['了', '共', '的', '近', '约']);
    for w in ["累计", "合计", "共计", "总计", "已", "达"] {
        if let Some(x) = before.strip_suffix(w) {
            if !x.is_empty() {
                before = x;
            }
        }
    }
    // 提高到了, 缩短至: the change verb ends the words before.
    let bare = before.trim_end_matches(['了', '到', '至']);
    if CHANGE.iter().any(|v| bare.ends_with(v)) {
        before = bare;
    }
    // At most 14 characters, starting where a word starts.
    if char_len(before) > 14 {
        let min_start = before.len()
            - before
                .chars()
                .rev()
                .take(14)
                .map(char::len_utf8)
                .sum::<usize>();
        let start = word_starts(before)
            .into_iter()
            .find(|&c| c >= min_start)
            .unwrap_or(before.len());
        before = &before[start..];
    }
    let verb_at = CHANGE
        .iter()
        .filter(|v| before.ends_with(*v))
        .map(|v| before.len() - v.len())
        .min()
        .filter(|&at| at > 0);
    let rest = &t[e..ceil(t, (e + 90).min(t.len()))];
    let ae = rest
        .find(|c: char| is_segment_break(c) && !matches!(c, '“' | '”'))
        .unwrap_or(rest.len());
    let mut after: &str = &rest[..ae];
    after = after.trim_start_matches('的');
    // At most 12 characters, ending where a word ends.
    if char_len(after) > 12 {
        let max_end: usize = after.chars().take(12).map(char::len_utf8).sum();
        let end = word_starts(after)
            .into_iter()
            .filter(|&c| c > 0 && c <= max_end)
            .max()
            .unwrap_or(0);
        after = &after[..end];
    }
    let after: String = after
        .chars()
        .filter(|c| !matches!(c, '“' | '”'))
        .collect::<String>()
        .trim_end_matches(['的', '了', '和', '与', '及', '在', '对', '为'])
        .to_string();
    let mut out = String::with_capacity(before.len() + after.len() + 2);
    match verb_at {
        Some(at) => {
            out.push_str(&before[..at]);
            out.push(' ');
            out.push_str(&before[at..]);
        }
        None => out.push_str(before),
    }
    if !before.is_empty() && !after.is_empty() {
        out.push(' ');
    }
    out.push_str(&after);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<Metric> {
        let b = BlockCtx {
            text,
            section: 0,
            paragraph: Some(0),
            sentences: crate::ingest::text::sentences(text),
        };
        let mut out = Vec::new();
        metrics_in(&b, "d", &Spans::new(vec![]), &mut out);
        out
    }

    fn raws(text: &str) -> Vec<String> {
        figures(text).into_iter().map(|m| m.raw).collect()
    }

    #[test]
    fn arabic_figures_with_qualifiers_and_scales() {
        let f = figures(
            "咨询热线接听量合计4.8万余通，答复近2000条，贷款22.82亿元，覆盖全市80多万企业纳税人。",
        );
        let get = |raw: &str| {
            f.iter()
                .find(|m| m.raw == raw)
                .unwrap_or_else(|| panic!("{raw}: {f:?}"))
        };
        let a = get("4.8万余通");
        assert_eq!(
            (a.value, a.unit.as_str(), a.bound),
            (4.8, "万通", Bound::LowerBound)
        );
        assert_eq!(a.normalized.as_ref().unwrap().value, 48000.0);
        assert_eq!(get("近2000条").bound, Bound::Approximate);
        let c = get("22.82亿元");
        assert_eq!(c.category, MetricCategory::Money);
        assert_eq!(
            c.normalized.as_ref().unwrap(),
            &Normalized {
                value: 2_282_000_000.0,
                unit: "元".into()
            }
        );
        // A scale without a unit is a figure of its own.
        let w = get("80多万");
        assert_eq!((w.value, w.unit.as_str()), (80.0, "万"));
    }

    #[test]
    fn every_kind_is_normalized() {
        let f = figures("缩短3个工作日，提速40秒，等候20分钟，满6个月，连续3年，节省半天，达到九成，提升12个百分点，5200余户");
        let norm = |raw: &str| {
            let m = f
                .iter()
                .find(|m| m.raw == raw)
                .unwrap_or_else(|| panic!("{raw}: {f:?}"));
            let n = m.normalized.as_ref().unwrap();
            (m.category, n.value, n.unit.clone())
        };
        assert_eq!(
            norm("3个工作日"),
            (MetricCategory::Duration, 4320.0, "分钟".into())
        );
        assert_eq!(norm("40秒").1, round6(40.0 / 60.0));
        assert_eq!(norm("20分钟").1, 20.0);
        assert_eq!(norm("6个月").1, 6.0 * 43200.0);
        assert_eq!(norm("3年").1, 3.0 * 525600.0);
        assert_eq!(
            norm("半天"),
            (MetricCategory::Duration, 720.0, "分钟".into())
        );
        assert_eq!(norm("九成"), (MetricCategory::Percent, 90.0, "%".into()));
        assert_eq!(
            norm("12个百分点"),
            (MetricCategory::Percent, 12.0, "百分点".into())
        );
        assert_eq!(
            norm("5200余户"),
            (MetricCategory::Count, 5200.0, "户".into())
        );
    }

    #[test]
    fn what_is_not_a_figure() {
        assert!(raws("2021年，4月10日，第3名，三分之一，一是，7×24小时").is_empty());
        // Chinese numerals that only enumerate.
        assert!(raws("设置两个窗口，采用三种方式，走访两家企业，从三个方面").is_empty());
        // …but durations and counts of ten or more are figures.
        assert_eq!(
            raws("提前一个小时预约，带着三十多名干部，连续七届"),
            ["一个小时", "三十多名", "七届"]
        );
        // A figure in a short quotation is part of a name.
        assert!(raws("打造“15分钟办税缴费圈”，推行“8小时速达”，建成24小时自助办税厅").is_empty());
        // A unit that starts a word is not the unit.
        assert_eq!(raws("近1000万个人纳税人"), ["近1000万"]);
        assert_eq!(raws("一次性告知"), Vec::<String>::new());
    }

    #[test]
    fn directions_are_what_the_text_says() {
        let f = figures("办税时长缩短87%，满意度提高到了98%，退税用时下降3天，办理3万户");
        let dirs: Vec<_> = f.iter().map(|m| m.direction).collect();
        assert_eq!(
            dirs,
            [
                Some(Direction::Down),
                Some(Direction::Up),
                Some(Direction::Down),
                None
            ]
        );
    }

    #[test]
    fn labels_are_whole_words() {
        let t = "全年累计办税时长缩短87%以上，“减免税款”达到3.5亿元的成效。共发放2000笔";
        let at = |raw: &str| {
            let s = t.find(raw).unwrap();
            label(t, s, s + raw.len())
        };
        assert_eq!(at("87%"), "全年累计办税时长 缩短 以上");
        assert_eq!(at("3.5亿元"), "达到 成效");
        assert_eq!(at("2000笔"), "共发放");
        // Whole words at both ends (开发区, not 发区).
        let t = "开发区税务局先后成立了13个纳税人之家";
        let s = t.find("13个").unwrap();
        assert_eq!(
            label(t, s, s + "13个".len()),
            "开发区税务局先后成立 纳税人之家"
        );
        // A long clause is cut where a word starts.
        let t = "小规模纳税人增值税起征点从月销售额10万元提高到了15万元后";
        let s = t.find("10万元").unwrap();
        let l = label(t, s, s + "10万元".len());
        assert!(l.starts_with("月销售额") || l.starts_with("增值税"), "{l}");
        assert!(l.ends_with("15万元后"), "{l}");
        let s = t.find("15万元").unwrap();
        assert_eq!(label(t, s, s + "15万元".len()), "月销售额10万元 提高 后");
    }
}
