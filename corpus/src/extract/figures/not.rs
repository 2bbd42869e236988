//! What is not a figure: a longer number, a code, a date, an ordinal, a fraction, a name's
//! number, a Chinese numeral that only enumerates.

use super::super::block::regex;
use super::{ceil, floor, Parts};
use crate::ingest::text::char_len;

macro_rules! regex {
    ($p:expr) => {{
        static CELL: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        regex(&CELL, $p)
    }};
}

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
/// Whether the number at `s` is part of something that is not a figure: a longer number, a
/// code, a date, an ordinal (第三), a fraction (三分之一), a name's number (7×24小时).
pub(super) fn not_a_figure(t: &str, p: &Parts, chinese: bool) -> bool {
    let prev = t[..p.start].chars().next_back();
    let next = t[p.end..].chars().next();
    if prev.is_some_and(|c| {
        c.is_ascii_alphanumeric() || matches!(c, '-' | '×' | '*' | '/' | '+' | '第' | '_')
    }) {
        return true;
    }
    // A decimal point (3.5), not a full stop written in ASCII (引导.两天时间里).
    if prev == Some('.') && t[..p.start - 1].ends_with(|c: char| c.is_ascii_digit()) {
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
        // (为期一年 measures; 星期一, 学期 do not.)
        if prev.is_some_and(|c| "一二两三四五六七八九十百千第每周星其之初礼".contains(c))
            || prev == Some('期') && !t[..p.start].ends_with("为期")
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
pub(super) fn enumerates(t: &str, value: f64, p: &Parts) -> bool {
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
pub(super) fn part_of_a_name(t: &str, p: &Parts) -> bool {
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

/// Set phrases with numerals in them (千家万户, 三番五次): words, not quantities.
const IDIOMS: &[&str] = &[
    "千家万户",
    "千方百计",
    "三番五次",
    "千万家",
    "万家灯火",
    "百家争鸣",
];

/// Measure words after which a count that matches the list before it only enumerates that list.
const LIST_COUNTERS: &[&str] = &[
    "个", "项", "家", "类", "种", "名", "条", "所", "支", "大类", "位", "处", "座", "批", "件",
];

/// A figure that reports nothing about the work: it counts the items listed right before it
/// (A、B和C 3个单位, “优服务”和“亲切服务”两项活动), counts aspects (从5个方面), names a point in
/// time (三年前), is vague (几十元), sits in a set phrase (千家万户), numbers a meeting (六十七次常务
/// 会议) or a page (本文共3页), is the one trip of a slogan (最多跑一次, 跑一趟), or counts a
/// company's 员工.
pub(super) fn reports_nothing(t: &str, p: &Parts, value: f64) -> bool {
    let unit = p.unit.unwrap_or("");
    let before = &t[floor(t, p.start.saturating_sub(240))..p.start];
    let after = &t[p.end..ceil(t, (p.end + 30).min(t.len()))];
    if IDIOMS.iter().any(|w| t[p.start..].starts_with(w)) {
        return true;
    }
    if p.before.is_none() && before.ends_with('几') {
        return true;
    }
    if matches!(unit, "年" | "天" | "个月" | "周") && after.starts_with('前') {
        return true;
    }
    if unit == "个" && (after.starts_with("方面") || after.starts_with("层面")) {
        return true;
    }
    if unit == "次"
        && regex!(r"^(?:常务|全体|常委|党委|局务|扩大)?(?:会议|会|全会)").is_match(after)
    {
        return true;
    }
    if unit == "页" && (before.ends_with("本文共") || after.trim_start().starts_with("当前"))
    {
        return true;
    }
    if value == 1.0 && matches!(unit, "次" | "趟") && before.ends_with('跑') {
        return true;
    }
    // A company's staff (员工; a bureau's are 干部, 职工, 税务人员): its own business.
    if matches!(unit, "名" | "人" | "位") && (before.ends_with("员工") || after.starts_with("员工"))
    {
        return true;
    }
    p.before.is_none_or(|b| b == "共")
        && LIST_COUNTERS.contains(&unit)
        && value >= 2.0
        && list_items_before(before) == Some(value as usize)
}

/// How many items the clause before a count lists (A、B和C → 3), when it ends with a list that
/// the count could total: at least two items, none with a number of its own, not closed by 等
/// (which says the list goes on) and not ended by a verb.
fn list_items_before(before: &str) -> Option<usize> {
    let before = before.strip_suffix('共').unwrap_or(before);
    if before.ends_with('等') {
        return None;
    }
    let start = before
        .rfind(|c: char| "，,。；;：:！？!?（(\n".contains(c))
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let clause = &before[start..];
    // Separators outside quotation marks; the last item may be joined by 和/及/与/以及.
    let mut depth = 0i32;
    let mut items = 1;
    let mut last_sep = 0;
    for (i, c) in clause.char_indices() {
        match c {
            '“' | '《' | '「' => depth += 1,
            '”' | '》' | '」' => depth -= 1,
            '、' if depth <= 0 => {
                items += 1;
                last_sep = i + c.len_utf8();
            }
            _ => {}
        }
    }
    let tail = &clause[last_sep..];
    let joined = ["以及", "和", "及", "与"].iter().find_map(|w| {
        let at = tail.rfind(w)?;
        // Inside quotation marks the word is part of a name.
        let inside = tail[..at].matches('“').count() > tail[..at].matches('”').count();
        (!inside && at > 0 && at + w.len() < tail.len()).then_some(at + w.len())
    });
    if let Some(j) = joined {
        items += 1;
        last_sep += j;
    }
    let last = &clause[last_sep..];
    let numbered = |s: &str| {
        s.chars()
            .any(|c| c.is_ascii_digit() || "一二两三四五六七八九十百千万".contains(c))
    };
    let verb_end = super::super::vocab::Vocab::get()
        .verb_ac
        .find_iter(last)
        .any(|m| m.end() == last.len());
    (items >= 2 && char_len(last) <= 16 && !numbered(last) && !verb_end).then_some(items)
}
