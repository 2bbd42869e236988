//! Every bureau name in a text, read leftwards from its suffix (税务局, 国税局, 分局, 税务 …) as a
//! chain of place tokens over text folded to simplified characters.

use super::{BureauForm, BureauMatch, Family, Token};
use crate::fold::fold_char;
use crate::ingest::text::{char_len, is_han};
use crate::place::gazetteer::Gazetteer;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

const ZONES: &[&str] = &[
    "经济技术开发区",
    "高新技术产业开发区",
    "高新技术开发区",
    "经济开发区",
    "综合保税区",
    "工业园区",
    "经开区",
    "高新区",
    "开发区",
    "保税区",
    "新区",
    "自贸区",
    "管委会",
];
const ANON_UNITS: &[char] = &['省', '市', '区', '县', '州', '旗'];
/// Zones as short forms name them (高新税务, 经开税务).
const ZONE_SHORTS: &[&str] = &[
    "高新区",
    "经开区",
    "开发区",
    "保税区",
    "高新",
    "经开",
    "新区",
];
/// Words that never begin a unit's own name (各分局, 所属税务所, 基层分局 …).
const NOT_UNIT_NAMES: &[&str] = &[
    "各",
    "所属",
    "基层",
    "下属",
    "全市",
    "全区",
    "全县",
    "全省",
    "该",
    "这个",
    "派出",
    "相关",
    "有关",
    "其他",
    "本",
    "我",
    "两个",
    "多个",
    "一个",
    "个",
    "等",
    "和",
    "及",
    "与",
    "的",
    "直属",
    "稽查",
    "办税服务",
    "征收",
    "管理",
    "城区",
    "市区",
    "县区",
    "区县",
    "乡镇",
];
/// What may follow a short form (锦江税务): not a noun that makes it part of a longer phrase.
const NOT_AFTER_SHORT: &[char] = &[
    '局', '所', '总', '分', '部', '系', '干', '机', '工', '稽', '征', '登', '人', '服', '事', '文',
    '网', '学', '师', '代', '筹', '法', '知', '管', '风', '政', '业', '信', '大', '厅', '窗', '专',
    '业', '宣', '执', '检', '审',
];

/// The text folded to simplified characters, and where each folded character came from.
struct Folded {
    text: String,
    /// Byte offset in the folded text of each character, then its length: `(folded, original)`.
    starts: Vec<(usize, usize)>,
    orig_len: usize,
}

impl Folded {
    fn new(s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut starts = Vec::with_capacity(s.len() / 3 + 1);
        for (i, c) in s.char_indices() {
            starts.push((text.len(), i));
            // Only the traditional → simplified part of folding: case and width stay, so
            // offsets of ASCII keep their meaning.
            let f = if (c as u32) < 0x2E80 { c } else { fold_char(c) };
            text.push(f);
        }
        Folded {
            text,
            starts,
            orig_len: s.len(),
        }
    }
    /// The original byte offset of a folded byte offset (a character boundary).
    fn orig(&self, folded: usize) -> usize {
        match self.starts.binary_search_by_key(&folded, |&(f, _)| f) {
            Ok(k) => self.starts[k].1,
            Err(_) => self.orig_len,
        }
    }
}

/// The bureau suffixes, longest first for each position.
fn suffixes() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build([
                "国家税务局",
                "地方税务局",
                "税务局",
                "国税局",
                "地税局",
                "税务分局",
                "国税分局",
                "地税分局",
                "税务所",
                "国税所",
                "地税所",
                "分局",
                "税务",
                "国税",
                "地税",
            ])
            .expect("suffix automaton")
    })
}

/// Parses `s` completely as a chain of place tokens (leftmost token first). `last` says the
/// chain ends right before the bureau suffix, where a county may be written short (桑植地税局).
fn parse_chain(s: &str, first: bool) -> Option<Vec<Token>> {
    if s.is_empty() {
        return (!first).then(Vec::new);
    }
    let g = Gazetteer::get();
    let mut options: Vec<(usize, Token)> = Vec::new();
    if first {
        if let Some(rest) = s.strip_prefix("国家税务总局") {
            options.push((s.len() - rest.len(), Token::National));
        }
    }
    for (len, idx, full) in g.names_at(s) {
        options.push((len, Token::Division { idx, short: !full }));
    }
    // A county or district written without its suffix, only as the chain's last token.
    for (len, idx) in g.county_shorts_at(s) {
        if len == s.len() {
            options.push((len, Token::Division { idx, short: true }));
        }
        // A county's former name: 茌平县 for what is now 茌平区 (县 became 区 or 市). The
        // short name is the same, so the division is.
        for suffix in ["县", "区", "市"] {
            let end = len + suffix.len();
            if s[len..].starts_with(suffix) && g.divisions[idx].name != s[..end] {
                options.push((end, Token::Division { idx, short: true }));
            }
        }
    }
    // Anonymized: one to three X/x/某/* and a unit.
    let anon_chars = s
        .chars()
        .take_while(|c| matches!(c, 'X' | 'x' | '某' | '*' | '×' | '＊' | 'Ｘ'))
        .count();
    if (1..=3).contains(&anon_chars) {
        let anon_len: usize = s.chars().take(anon_chars).map(char::len_utf8).sum();
        match s[anon_len..].chars().next() {
            Some(u) if ANON_UNITS.contains(&u) => {
                options.push((anon_len + u.len_utf8(), Token::Anonymized))
            }
            // ***地税局: the mask alone.
            None if !first || anon_chars >= 2 => options.push((anon_len, Token::Anonymized)),
            _ => {}
        }
    }
    // Byte ends of the first two to four Han characters, for named zones (天府新区).
    let mut han_ends = [0usize; 5];
    let mut han = 0;
    for (i, c) in s.char_indices().take(4) {
        if !is_han(c) {
            break;
        }
        han += 1;
        han_ends[han] = i + c.len_utf8();
    }
    for z in ZONES {
        if s.starts_with(z) {
            options.push((z.len(), Token::Zone));
        }
        for &end in &han_ends[2.min(han + 1)..=han] {
            if s[end..].starts_with(z) {
                options.push((end + z.len(), Token::Zone));
            }
        }
    }
    for (len, tok) in options {
        if let Some(mut rest) = parse_chain(&s[len..], false) {
            rest.insert(0, tok);
            return Some(rest);
        }
    }
    None
}

fn meaningful(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| matches!(t, Token::Division { .. } | Token::Anonymized | Token::Zone))
}

/// The longest place chain that ends at byte `end` of `text` and starts at a Han or ASCII
/// run no more than 24 characters back: (start, tokens).
fn chain_before(text: &str, end: usize) -> Option<(usize, Vec<Token>)> {
    let mut starts: Vec<usize> = Vec::new();
    for (i, c) in text[..end].char_indices().rev().take(24) {
        if !(is_han(c) || c.is_ascii_alphanumeric() || matches!(c, '*' | '＊' | '×' | 'Ｘ')) {
            break;
        }
        starts.push(i);
    }
    // Farthest start first: the longest chain wins (西华县 before 华县).
    for &s in starts.iter().rev() {
        if let Some(tokens) = parse_chain(&text[s..end], true) {
            let zone_only = tokens.iter().all(|t| matches!(t, Token::Zone));
            if meaningful(&tokens) && !zone_only {
                return Some((s, tokens));
            }
        }
    }
    None
}

/// A bare unit word right before the suffix (市税务局, 省地税局, 区国税局), at the start of a
/// clause or after a word that cannot be part of a place's name.
fn generic_before(text: &str, end: usize) -> Option<usize> {
    let c = text[..end].chars().next_back()?;
    if !matches!(c, '省' | '市' | '区' | '县' | '州' | '旗') {
        return None;
    }
    let start = end - c.len_utf8();
    let before = text[..start].chars().next_back();
    let boundary =
        before.is_none_or(|b| !is_han(b) || "的和与及在是由向对给为经将据被共".contains(b));
    boundary.then_some(start)
}

/// The name of a unit below a bureau written right after it: 第一税务所, 平湖分局, 朱村中心税务所.
/// Returns the byte length of the unit's name.
fn unit_after(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().take(12).collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    // 第N税务所 / 第N税务分局 / 第N分局
    if chars.first().map(|x| x.1) == Some('第') {
        let digits = chars[1..]
            .iter()
            .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
            .count();
        if digits > 0 {
            let rest = &text[end_of(1 + digits)..];
            for u in ["税务分局", "税务所", "分局"] {
                if rest.starts_with(u) {
                    return Some(end_of(1 + digits) + u.len());
                }
            }
        }
        return None;
    }
    // A name of two to five Han characters, then (中心)税务所 or (税务)分局.
    for n in (2..=5).rev() {
        if chars.len() < n || !chars[..n].iter().all(|(_, c)| is_han(*c)) {
            continue;
        }
        let name = &text[..end_of(n)];
        if NOT_UNIT_NAMES.iter().any(|w| name.starts_with(w)) || name.contains(['的', '和', '与'])
        {
            continue;
        }
        let rest = &text[end_of(n)..];
        for u in ["中心税务所", "税务所", "税务分局", "分局"] {
            if rest.starts_with(u) {
                return Some(end_of(n) + u.len());
            }
        }
    }
    None
}

/// A place chain found before a suffix: how many bytes back it starts, and its tokens.
type Chain = (usize, Vec<Token>);

/// A unit's own name from its written name: 第一税务所 → 第一, 平湖分局 → 平湖.
fn unit_name(s: &str) -> String {
    let mut n = s;
    for suf in [
        "中心税务所",
        "税务分局",
        "国税分局",
        "地税分局",
        "税务所",
        "国税所",
        "地税所",
        "分局",
    ] {
        if let Some(x) = n.strip_suffix(suf) {
            n = x;
            break;
        }
    }
    n.to_string()
}

/// How many bytes of `s` (a place chain then a unit's name) the place chain takes: the
/// longest prefix that parses as one.
fn chain_len(s: &str) -> usize {
    let ends: Vec<usize> = s.char_indices().map(|(i, c)| i + c.len_utf8()).collect();
    for &e in ends.iter().rev() {
        if parse_chain(&s[..e], true).is_some_and(|t| meaningful(&t)) {
            return e;
        }
    }
    0
}

/// Every bureau name in `text`.
pub fn find_bureaus(text: &str, in_title: bool) -> Vec<BureauMatch> {
    find_bureaus_known(text, in_title, &[])
}

/// Names a title gives its bureau by a place the gazetteer does not have (洋浦国税：…): the
/// place, which [`find_bureaus_known`] then takes before a suffix in the text.
pub fn unknown_places(title: &str) -> Vec<String> {
    static RE: OnceLock<regex::Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        regex::Regex::new(r"(?:^|[\s【】])([\p{Han}]{2,4})(?:国税|地税|税务)[：:\s]")
            .expect("static regex")
    });
    re.captures_iter(title)
        .map(|c| c[1].to_string())
        .filter(|p| chain_before(p, p.len()).is_none())
        .collect()
}

/// [`find_bureaus`], also taking the places of `known` (see [`unknown_places`]) before a suffix.
pub fn find_bureaus_known(text: &str, in_title: bool, known: &[String]) -> Vec<BureauMatch> {
    let f = Folded::new(text);
    let t = f.text.as_str();
    let mut out: Vec<BureauMatch> = Vec::new();
    // A document names its bureau many times: the parse of each distinct span is done once.
    let mut memo: rustc_hash::FxHashMap<(&str, &str), Option<Chain>> =
        rustc_hash::FxHashMap::default();
    for m in suffixes().find_iter(t) {
        let (ms, me) = (m.start(), m.end());
        let suffix = &t[ms..me];
        let short_form = matches!(suffix, "税务" | "国税" | "地税");
        let unit_only = matches!(
            suffix,
            "分局" | "税务分局" | "国税分局" | "地税分局" | "税务所" | "国税所" | "地税所"
        );
        let family = if suffix.starts_with("国") {
            Family::Guo
        } else if suffix.starts_with("地") {
            Family::Di
        } else {
            Family::Merged
        };
        // A name inside 《》 is a title (《北京地税》杂志), not the bureau. Looked for nearby
        // only: the cost of a name stays the same however long its line is.
        let back = floor(t, ms.saturating_sub(120));
        let ahead = ceil(t, (me + 120).min(t.len()));
        let open_book = t[back..ms]
            .rfind('《')
            .is_some_and(|o| !t[back + o..ms].contains('》'));
        if open_book
            && t[me..ahead]
                .find('》')
                .is_some_and(|c| !t[me..me + c].contains('《'))
        {
            continue;
        }
        if short_form {
            // 国家税务总局, 税务部门, 税务干部 …: not a short form of a bureau.
            let next = t[me..].chars().next();
            if next.is_some_and(|c| NOT_AFTER_SHORT.contains(&c) || c == '”' || c == '》')
                || t[..ms].ends_with("国家")
            {
                continue;
            }
        }
        let window_start = t[..ms].char_indices().rev().nth(23).map_or(0, |(i, _)| i);
        let key = (&t[window_start..ms], suffix);
        let chain = memo
            .entry(key)
            .or_insert_with(|| chain_before(t, ms).map(|(s, tok)| (ms - s, tok)))
            .clone()
            .map(|(back, tok)| (ms - back, tok));
        let (start, tokens, mut form) = match chain {
            Some((s, tok)) if short_form => {
                // A short form names one place (or zone), not a chain with a suffix.
                let last_is_short = matches!(
                    tok.last(),
                    Some(Token::Division { short: true, .. }) | Some(Token::Zone)
                );
                if tok.len() > 2 || !last_is_short && tok.len() > 1 {
                    continue;
                }
                (s, tok, BureauForm::Short)
            }
            // A county's short name before a unit's suffix is the unit's own name (平湖国税分局
            // in 深圳 is not 平湖市): the unit is then read on its own below.
            Some((s, tok))
                if unit_only
                    && !matches!(tok.last(), Some(Token::Division { short: true, .. })) =>
            {
                (s, tok, BureauForm::Unit)
            }
            None if short_form && known.iter().any(|p| t[..ms].ends_with(p.as_str())) => {
                let p = known
                    .iter()
                    .find(|p| t[..ms].ends_with(p.as_str()))
                    .expect("found");
                (ms - p.len(), vec![], BureauForm::Short)
            }
            None if short_form => match ZONE_SHORTS.iter().find(|z| t[..ms].ends_with(**z)) {
                Some(z)
                    if t[..ms - z.len()]
                        .chars()
                        .next_back()
                        .is_none_or(|c| !is_han(c)) =>
                {
                    (ms - z.len(), vec![Token::Zone], BureauForm::Short)
                }
                _ => continue,
            },
            _ if unit_only => {
                // 均安分局, 胜坨中心税务所: a unit named on its own — the whole run of Han
                // characters before the suffix, or the part after a word that cannot be in a
                // name (到胜坨中心税务所).
                let run: Vec<(usize, char)> = t[..ms]
                    .char_indices()
                    .rev()
                    .take_while(|(_, c)| is_han(*c))
                    .take(12)
                    .collect();
                let cut = run
                    .iter()
                    .position(|(_, c)| {
                        "到在向由从对为与和及去来是把被让给经按据的了着".contains(*c)
                    })
                    .unwrap_or(run.len());
                let named = &run[..cut];
                let mut found = None;
                if (2..=6).contains(&named.len()) && (cut < run.len() || run.len() <= 6) {
                    let s = named[named.len() - 1].0;
                    let name = &t[s..ms];
                    let core = name.strip_suffix("中心").unwrap_or(name);
                    let lead = core.chars().next().unwrap_or(' ');
                    if char_len(core) >= 2
                        && !"一二三四五六七八九十两几多各每这那此该其全本我些个".contains(lead)
                        && !NOT_UNIT_NAMES
                            .iter()
                            .any(|w| core.starts_with(w) || core.ends_with(w))
                    {
                        found = Some(s);
                    }
                }
                let Some(s) = found else { continue };
                (s, vec![], BureauForm::Unit)
            }
            Some((s, tok)) => (s, tok, BureauForm::Bureau),
            None => match known.iter().find(|p| t[..ms].ends_with(p.as_str())) {
                Some(p) => (
                    ms - p.len(),
                    vec![],
                    if short_form {
                        BureauForm::Short
                    } else {
                        BureauForm::Bureau
                    },
                ),
                None => match generic_before(t, ms) {
                    Some(s) => (s, vec![Token::Generic], BureauForm::Generic),
                    None => continue,
                },
            },
        };
        // A unit written after the bureau belongs to the name.
        let mut end = me;
        let mut unit = None;
        if matches!(form, BureauForm::Bureau | BureauForm::Generic) {
            if let Some(n) = unit_after(&t[me..]) {
                end = me + n;
                form = BureauForm::Unit;
                unit = Some(unit_name(&t[me..end]));
            }
        } else if form == BureauForm::Unit {
            let chain_end = match tokens.is_empty() {
                true => start,
                false => start + chain_len(&t[start..ms]),
            };
            unit = Some(unit_name(&t[chain_end..me]));
        }
        let (os, oe) = (f.orig(start), f.orig(end));
        let near_start = floor(t, start.saturating_sub(120));
        let near_end = ceil(t, (end + 120).min(t.len()));
        let line_start = t[near_start..start]
            .rfind('\n')
            .map_or(near_start, |i| near_start + i + 1);
        let line_end = t[end..near_end].find('\n').map_or(near_end, |i| end + i);
        let short_line = (line_start > near_start || line_start == 0)
            && (line_end < near_end || line_end == t.len())
            && t[line_start..line_end].chars().count() < 24;
        out.push(BureauMatch {
            name: text[os..oe].to_string(),
            tokens,
            form,
            family,
            unit,
            in_short_line: !in_title && short_line,
            in_title,
            start: os,
            end: oe,
        });
    }
    // A unit found on its own inside a longer name found from its bureau is the same name:
    // one sweep in order of start (widest first), not a comparison of every pair.
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&k| (out[k].start, std::cmp::Reverse(out[k].end)));
    let mut inside = vec![false; out.len()];
    let mut widest: Option<(usize, usize)> = None;
    for k in order {
        let (s, e) = (out[k].start, out[k].end);
        if let Some((ws, we)) = widest {
            if we >= e && we - ws > e - s {
                inside[k] = true;
            }
        }
        if widest.is_none_or(|(_, we)| e > we) {
            widest = Some((s, e));
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !inside[k - 1]
    });
    out
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
