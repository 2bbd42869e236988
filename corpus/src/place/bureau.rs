//! Bureau names in every form a document writes them:
//!
//! - 国家税务总局 + places + 税务局 (since the 2018 merger), places + 税务局;
//! - before it: places + 国家税务局 / 地方税务局 / 国税局 / 地税局;
//! - units below a bureau: …税务局第一税务所, …国税局平湖分局, 朱村中心税务所, 均安分局;
//! - short forms: 锦江税务, 眉山地税, 陕西国税 (a place or zone right before 税务/国税/地税);
//! - anonymized places (XX市, **县, 某区) and, last, a bare 县税务局 or 省地税局.
//!
//! Each name is read leftwards from its suffix as a chain of place tokens (divisions of the
//! gazetteer, full or short, autonomous prefectures by their 州 form, development zones,
//! anonymized units), over text folded to simplified characters so 國稅局 reads as 国税局; the
//! name reported is the text as written.

use super::gazetteer::Gazetteer;
use crate::fold::fold_char;
use crate::ingest::text::{char_len, is_han};
use crate::model::Bureau;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token {
    National,
    /// A division of the gazetteer; `short` when written without its suffix.
    Division {
        idx: usize,
        short: bool,
    },
    Zone,
    Anonymized,
    /// A bare 省/市/区/县 with no name (市税务局).
    Generic,
}

/// What kind of bureau a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BureauForm {
    /// A bare 县税务局 or 省地税局: the least a document can say.
    Generic,
    /// 锦江税务, 陕西国税.
    Short,
    /// A bureau: 税务局, 国税局, 地税局, 国家税务局, 地方税务局.
    Bureau,
    /// A unit below a bureau: 第一税务所, 平湖分局.
    Unit,
}

/// Which administration a name belongs to: before 2018 国税 and 地税 were two bureaus of one
/// place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Merged,
    Guo,
    Di,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BureauMatch {
    /// As written in the document.
    pub name: String,
    pub(super) tokens: Vec<Token>,
    pub form: BureauForm,
    pub family: Family,
    /// The unit's own name (第一, 平湖, 朱村中心) when the name is a unit's.
    pub unit: Option<String>,
    /// Found in a short line (a site header, a source line), not in running text.
    pub in_short_line: bool,
    pub in_title: bool,
    /// Byte range in the text it was found in.
    pub start: usize,
    pub end: usize,
}

impl BureauMatch {
    pub fn anonymized(&self) -> bool {
        self.tokens.contains(&Token::Anonymized) || self.name.contains(['*', '＊'])
    }
}

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

/// How specific a name is: stated nationally, and the deepest division it names.
pub(super) fn specificity(b: &BureauMatch) -> u8 {
    let g = Gazetteer::get();
    let national = b.tokens.contains(&Token::National) as u8;
    let deepest = b
        .tokens
        .iter()
        .filter_map(|t| match t {
            Token::Division { idx, .. } => Some(g.divisions[*idx].level),
            Token::Anonymized | Token::Zone => Some(1),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let unit = u8::from(b.form == BureauForm::Unit);
    national * 8 + deepest * 2 + unit
}

/// The last place a name states, by its short name (锦江 for 锦江区), or its zone's text.
fn last_place(m: &BureauMatch) -> Option<String> {
    m.tokens.iter().rev().find_map(|t| match t {
        Token::Division { idx, .. } => Some(Gazetteer::get().divisions[*idx].short.clone()),
        _ => None,
    })
}

/// Whether two names name the same bureau: one ends with the other (国家税务总局成都市锦江区税务局
/// and 锦江区税务局), or they name the same last place in the same administration (陕西国税局 and
/// 陕西省国税局, 锦江税务), or the same unit (平湖国税分局, 深圳市龙岗区国税局平湖分局).
fn same_bureau(a: &BureauMatch, b: &BureauMatch) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .map(|c| if (c as u32) < 0x2E80 { c } else { fold_char(c) })
            .collect()
    };
    let (x, y) = (fold(&a.name), fold(&b.name));
    if x.ends_with(&y) || y.ends_with(&x) {
        return true;
    }
    if a.family != b.family {
        return false;
    }
    if a.unit.is_some() || b.unit.is_some() {
        return a.unit.is_some() && a.unit == b.unit;
    }
    match (last_place(a), last_place(b)) {
        (Some(p), Some(q)) => p == q,
        // A zone's short form (高新税务) and a name holding that zone (…高新技术产业开发区税务局).
        (None, _) if a.form == BureauForm::Short => {
            let z = x.trim_end_matches(['税', '务', '国', '地']);
            z.chars().count() >= 2 && y.contains(z)
        }
        (_, None) if b.form == BureauForm::Short => {
            let z = y.trim_end_matches(['税', '务', '国', '地']);
            z.chars().count() >= 2 && x.contains(z)
        }
        _ => false,
    }
}

/// Who a name names, as a key: administration, last place and unit (国家税务总局成都市锦江区税务局,
/// 锦江区税务局 and 锦江税务 share one). `None` for a name without a place (a zone's short form,
/// an anonymized or unknown place): those are compared by [`same_bureau`].
fn identity(b: &BureauMatch) -> Option<String> {
    let fam = match b.family {
        Family::Merged => 'm',
        Family::Guo => 'g',
        Family::Di => 'd',
    };
    let place = last_place(b)?;
    Some(match &b.unit {
        Some(u) => format!("{fam}|{place}|{u}"),
        None => format!("{fam}|{place}"),
    })
}

/// The names of a document grouped by who they name, with how much each group weighs.
struct Groups {
    /// Per group: weighted mentions (running text 2, a short line 1), and its identity.
    weight: Vec<usize>,
    /// Per match (title first, then body): its group.
    group: Vec<usize>,
}

impl Groups {
    fn new(all: &[&BureauMatch]) -> Groups {
        let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
        let mut weight: Vec<usize> = Vec::new();
        // Per group: its first match, and whether it has an identity.
        let mut rep: Vec<(usize, bool)> = Vec::new();
        let mut group = Vec::with_capacity(all.len());
        for (k, b) in all.iter().enumerate() {
            let id = identity(b);
            let keyed = id.is_some();
            let key = id.unwrap_or_else(|| format!("n|{}", b.name));
            let g = *index.entry(key).or_insert_with(|| {
                weight.push(0);
                rep.push((k, keyed));
                weight.len() - 1
            });
            weight[g] += if b.in_short_line { 1 } else { 2 };
            group.push(g);
        }
        // Names without an identity join a group they name (高新税务 and
        // …高新技术产业开发区税务局, XX市税务局 written twice differently); they are few, and only
        // the first groups are compared, so this stays linear.
        let mut merged: Vec<usize> = (0..weight.len()).collect();
        for g in (0..rep.len()).filter(|&g| !rep[g].1).take(64) {
            if let Some(o) = (0..rep.len())
                .take(256)
                .find(|&o| o != g && same_bureau(all[rep[g].0], all[rep[o].0]))
            {
                merged[g] = merged[o];
            }
        }
        let mut total = vec![0; weight.len()];
        for (g, w) in weight.iter().enumerate() {
            total[merged[g]] += w;
        }
        Groups {
            weight: total,
            group: group.iter().map(|&g| merged[g]).collect(),
        }
    }
}

/// The document's bureau: the title's, else the one the body is most about (named most often,
/// early, and most specifically); written in the fullest form the document uses for it. Time
/// is linear in the number of names: they are grouped by who they name, not compared pairwise.
pub fn choose_bureau(title: &[BureauMatch], body: &[BureauMatch]) -> Option<BureauMatch> {
    let all: Vec<&BureauMatch> = title.iter().chain(body.iter()).collect();
    if all.is_empty() {
        return None;
    }
    let groups = Groups::new(&all);
    let group_of = |k: usize| groups.group[k];
    let lead_end = body
        .iter()
        .find(|b| !b.in_short_line)
        .map_or(0, |b| b.start)
        + 400;
    // Units by name, and the bureaus named on their own.
    let mut unit_count: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut own: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
    for b in &all {
        match (&b.unit, identity(b)) {
            (Some(_), Some(id)) => *unit_count.entry(id).or_default() += 1,
            (None, Some(id)) => {
                own.insert(id);
            }
            _ => {}
        }
    }
    // A unit named once, whose bureau is named on its own elsewhere, is a place of the story
    // (天吉泰镇税务所 of 五原县税务局), not its subject.
    let minor_unit = |b: &BureauMatch| {
        b.form == BureauForm::Unit
            && identity(b).is_some_and(|id| unit_count.get(&id).copied().unwrap_or(0) < 2)
            && bureau_part(b)
                .and_then(|p| identity(&p))
                .is_some_and(|id| own.contains(&id))
    };
    let nt = title.len();
    let chosen_at = (0..nt)
        .filter(|&k| all[k].form != BureauForm::Generic || nt == 1)
        .max_by_key(|&k| {
            let b = all[k];
            (b.form != BureauForm::Generic, specificity(b), b.name.len())
        })
        .or_else(|| {
            let specific = body.iter().any(|b| b.form != BureauForm::Generic);
            let major = body
                .iter()
                .any(|b| b.form != BureauForm::Generic && !minor_unit(b));
            (nt..all.len())
                .filter(|&k| all[k].form != BureauForm::Generic || !specific)
                .filter(|&k| !major || !minor_unit(all[k]))
                .max_by_key(|&k| {
                    let b = all[k];
                    let early = usize::from(b.start < lead_end && !b.in_short_line);
                    (
                        groups.weight[group_of(k)] + 3 * early,
                        specificity(b),
                        b.name.len(),
                        std::cmp::Reverse(k),
                    )
                })
        })?;
    // A roundup: several bureaus named once each, all inside one bureau's place that is named
    // too (怀来县, 蔚县 … of 张家口市地方税务局): that bureau is the document's.
    let chosen_at = if nt == 0 {
        roundup(&all, &groups).unwrap_or(chosen_at)
    } else {
        chosen_at
    };
    let chosen = all[chosen_at];
    // A title's full name stands as written, or with the 国家税务总局 the text puts before it;
    // a title's short, generic or abbreviated form (陕西国税局, 平湖国税分局) takes the fullest
    // form of the same bureau.
    let abbreviated = |b: &BureauMatch| {
        b.tokens.is_empty()
            || b.tokens
                .windows(2)
                .any(|w| matches!(w[0], Token::Division { short: true, .. }) && w[1] != Token::Zone)
            || matches!(b.tokens.last(), Some(Token::Division { short: true, .. }))
    };
    if chosen_at < nt
        && matches!(chosen.form, BureauForm::Bureau | BureauForm::Unit)
        && !abbreviated(chosen)
    {
        let official = body
            .iter()
            .filter(|b| b.name.len() > chosen.name.len() && b.name.ends_with(&chosen.name))
            .filter(|b| b.name.starts_with("国家税务总局") || b.name.starts_with("國家稅務總局"))
            .max_by_key(|b| b.name.len());
        return Some(official.unwrap_or(chosen).clone());
    }
    let target = group_of(chosen_at);
    // The fullest form of the same bureau written anywhere: a unit's name holds its bureau's
    // (国家税务总局五原县税务局 in 国家税务总局五原县税务局天吉泰镇税务所), but is not it.
    let target_id = identity(chosen);
    let mut best: Option<BureauMatch> = None;
    for (k, b) in all.iter().enumerate() {
        let form = match (chosen.form, bureau_part(b)) {
            (BureauForm::Unit, _) | (_, None) => (*b).clone(),
            (_, Some(p)) => p,
        };
        let same = group_of(k) == target
            || target_id.is_some() && identity(&form) == target_id
            || form.name.ends_with(&chosen.name);
        if same
            && form.form != BureauForm::Short
            && (form.form == BureauForm::Unit) == (chosen.form == BureauForm::Unit)
            && specificity(&form) >= specificity(chosen)
            && best.as_ref().is_none_or(|x| {
                (specificity(&form), form.name.chars().count())
                    > (specificity(x), x.name.chars().count())
            })
        {
            best = Some(form);
        }
    }
    Some(best.unwrap_or_else(|| chosen.clone()))
}

/// The bureau whose place holds three or more of the other bureaus, when none of them is named
/// more than once (as an index into `all`).
fn roundup(all: &[&BureauMatch], groups: &Groups) -> Option<usize> {
    let g = Gazetteer::get();
    let place = |b: &BureauMatch| {
        b.tokens.iter().rev().find_map(|t| match t {
            Token::Division { idx, .. } => Some(*idx),
            _ => None,
        })
    };
    let named: Vec<(usize, usize)> = all
        .iter()
        .enumerate()
        .filter_map(|(k, b)| Some((k, place(b)?)))
        .take(200)
        .collect();
    // Named more than once in running text: a bureau the document is about.
    if named
        .iter()
        .any(|&(k, _)| groups.weight[groups.group[k]] > 2)
    {
        return None;
    }
    named
        .iter()
        .filter_map(|&(k, p)| {
            let inside = named
                .iter()
                .filter(|&&(_, q)| q != p && g.is_within(q, p))
                .count();
            (inside >= 3).then_some((inside, k))
        })
        .max_by_key(|&(n, _)| n)
        .map(|(_, k)| k)
}

/// The bureau a unit's written name holds (国家税务总局五原县税务局 of …天吉泰镇税务所), when the
/// name states places before the unit.
fn bureau_part(b: &BureauMatch) -> Option<BureauMatch> {
    let u = b.unit.as_ref()?;
    if b.tokens.is_empty() {
        return None;
    }
    let mut p = b.clone();
    p.name.truncate(p.name.len() - unit_written_len(&p.name, u));
    p.form = BureauForm::Bureau;
    p.unit = None;
    (!p.name.is_empty()).then_some(p)
}

/// The bytes a unit's name and suffix take at the end of a written name.
fn unit_written_len(name: &str, unit: &str) -> usize {
    match name.rfind(unit) {
        Some(at) if at > 0 => name.len() - at,
        _ => 0,
    }
}

pub fn bureau_of(m: &BureauMatch) -> Bureau {
    Bureau {
        name: m.name.clone(),
        anonymized: m.anonymized(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Option<String> {
        choose_bureau(&[], &find_bureaus(text, false)).map(|b| b.name)
    }

    #[test]
    fn merged_bureaus() {
        assert_eq!(
            one("近年来，国家税务总局贵阳市花溪区税务局在主动融入"),
            Some("国家税务总局贵阳市花溪区税务局".into())
        );
        assert_eq!(
            one("汇聚实干力量 镇江经济技术开发区税务局用匠心"),
            Some("镇江经济技术开发区税务局".into())
        );
        assert_eq!(one("在省内长江沿线8地税务局联动"), None);
        assert_eq!(one("开发区税务局先后成立"), None);
    }

    #[test]
    fn bureaus_before_the_merger() {
        for (text, name) in [
            ("泸州市地方税务局近日开展", "泸州市地方税务局"),
            ("天津市国家税务局发布公告", "天津市国家税务局"),
            ("据悉，秭归县国税局推出", "秭归县国税局"),
            ("近日，桑植地税局开展", "桑植地税局"),
            ("江苏省泰州市靖江地方税务局", "江苏省泰州市靖江地方税务局"),
            ("成都市武侯區國稅局始終把", "成都市武侯區國稅局"),
        ] {
            assert_eq!(one(text).as_deref(), Some(name), "{text}");
        }
    }

    #[test]
    fn units_below_a_bureau() {
        for (text, name) in [
            (
                "丹东市振安区税务局第一税务所开展。第一税务所还",
                "丹东市振安区税务局第一税务所",
            ),
            (
                "国家税务总局重庆市税务局第三税务分局成立，第三税务分局负责",
                "国家税务总局重庆市税务局第三税务分局",
            ),
            (
                "深圳市龙岗区国税局平湖分局推出。平湖国税分局介绍",
                "深圳市龙岗区国税局平湖分局",
            ),
            (
                "中站区地税局朱村中心税务所获评。朱村中心税务所",
                "中站区地税局朱村中心税务所",
            ),
            ("近日，均安分局开展", "均安分局"),
        ] {
            assert_eq!(one(text).as_deref(), Some(name), "{text}");
        }
        assert_eq!(one("各分局要按照要求"), None);
        assert_eq!(one("到胜坨中心税务所办理"), Some("胜坨中心税务所".into()));
        // Named once in passing, a unit is a place of the story: the bureau is the document's.
        assert_eq!(
            one("五原县税务局把民族文化融入，锦旗送到了国家税务总局五原县税务局天吉泰镇税务所"),
            Some("国家税务总局五原县税务局".into())
        );
        // A unit's title form takes the unit's full name from the text, with its places.
        let title = find_bureaus("平湖国税分局实名办税提速", true);
        let body = find_bureaus("在深圳市龙岗区国税局平湖分局的办税服务厅", false);
        assert_eq!(
            choose_bureau(&title, &body).map(|b| b.name).as_deref(),
            Some("深圳市龙岗区国税局平湖分局")
        );
    }

    #[test]
    fn short_forms_take_the_full_name_when_the_text_has_it() {
        let title = find_bureaus("锦江税务构建税费服务新体系", true);
        assert_eq!(title[0].form, BureauForm::Short);
        let body = find_bureaus(
            "国家税务总局成都市锦江区税务局（以下简称“锦江税务”）",
            false,
        );
        assert_eq!(
            choose_bureau(&title, &body).map(|b| b.name).as_deref(),
            Some("国家税务总局成都市锦江区税务局")
        );
        let title = find_bureaus("高新税务：社区搭起“红色驿站”", true);
        assert_eq!(
            choose_bureau(&title, &[]).map(|b| b.name).as_deref(),
            Some("高新税务")
        );
        assert!(find_bureaus("税务部门和税务干部", false).is_empty());
        let title = find_bureaus("陕西国税局:事项办理“三统一”", true);
        let body = find_bureaus("陕西省国税局一方面用“三个统一”", false);
        assert_eq!(
            choose_bureau(&title, &body).map(|b| b.name).as_deref(),
            Some("陕西省国税局")
        );
        assert!(find_bureaus("《北京地税》杂志编辑部", false).is_empty());
    }

    #[test]
    fn anonymized_and_generic() {
        assert_eq!(one("XX市税务局在第二批主题教育"), Some("XX市税务局".into()));
        assert_eq!(one("以来，xx县税务局深入践行"), Some("xx县税务局".into()));
        assert_eq!(one("***地税局全体干部"), Some("***地税局".into()));
        assert!(find_bureaus("XX市税务局", false)[0].anonymized());
        assert_eq!(
            one("省地税局举办全省地税系统优质规范服务展示赛"),
            Some("省地税局".into())
        );
        // A generic name gives way to a named one.
        assert_eq!(
            one("市税务局党委要求，花溪区税务局推出"),
            Some("花溪区税务局".into())
        );
    }

    #[test]
    fn the_longest_county_wins() {
        // 华县 and 五华县 end 西华县's name.
        assert_eq!(one("西华县税务局推出"), Some("西华县税务局".into()));
    }
}
