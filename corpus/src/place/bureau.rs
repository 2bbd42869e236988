//! Bureau names: read leftwards from each `税务局`: `国家税务总局`, division names from the
//! gazetteer (full, or short for provinces and prefectures), development zones and anonymized
//! units (`XX市`, `xx县`, `某区`). The title's bureau wins; otherwise the most specific one in
//! the body.

use super::gazetteer::Gazetteer;
use crate::model::Bureau;

const ZONES: &[&str] = &[
    "经济技术开发区",
    "高新技术产业开发区",
    "高新技术开发区",
    "经济开发区",
    "综合保税区",
    "工业园区",
    "高新区",
    "开发区",
    "保税区",
    "新区",
    "自贸区",
    "管委会",
];
const ANON_UNITS: &[char] = &['省', '市', '区', '县', '州', '旗'];

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token {
    National,
    Division { idx: usize },
    Zone,
    Anonymized,
}

/// Parses `s` completely as a chain of place tokens. Backtracking over a few candidates per
/// position; inputs are at most a few dozen characters.
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
    for (len, idx, _) in g.names_at(s) {
        options.push((len, Token::Division { idx }));
    }
    // Anonymized: one to three X/x/某 and a unit.
    let anon_chars = s
        .chars()
        .take_while(|c| matches!(c, 'X' | 'x' | '某' | '*' | '×'))
        .count();
    if (1..=3).contains(&anon_chars) {
        let anon_len: usize = s.chars().take(anon_chars).map(char::len_utf8).sum();
        if let Some(u) = s[anon_len..]
            .chars()
            .next()
            .filter(|c| ANON_UNITS.contains(c))
        {
            options.push((anon_len + u.len_utf8(), Token::Anonymized));
        }
    }
    // Byte ends of the first two to four Han characters, for named zones (天府新区); found once
    // rather than per zone word, since this runs for every candidate start of every bureau.
    let mut han_ends = [0usize; 5];
    let mut han = 0;
    for (i, c) in s.char_indices().take(4) {
        if !crate::ingest::text::is_han(c) {
            break;
        }
        han += 1;
        han_ends[han] = i + c.len_utf8();
    }
    for z in ZONES {
        if s.starts_with(z) {
            options.push((z.len(), Token::Zone));
        }
        if !first {
            for &end in &han_ends[2.min(han + 1)..=han] {
                if s[end..].starts_with(z) {
                    options.push((end + z.len(), Token::Zone));
                }
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

#[derive(Debug, Clone, PartialEq)]
pub struct BureauMatch {
    pub name: String,
    pub(super) tokens: Vec<Token>,
    pub in_title: bool,
    pub start: usize,
}

/// Every bureau name in `text`.
pub fn find_bureaus(text: &str, in_title: bool) -> Vec<BureauMatch> {
    let mut out = Vec::new();
    // A document names its bureau many times: the parse of each distinct span is done once.
    let mut memo: rustc_hash::FxHashMap<&str, Option<(usize, Vec<Token>)>> =
        rustc_hash::FxHashMap::default();
    // memmem's vectorized search (a document names its bureau dozens of times), and one
    // candidate list reused for every occurrence.
    let mut starts: Vec<usize> = Vec::new();
    for pos in memchr::memmem::find_iter(text.as_bytes(), "税务局") {
        // Candidate starts: up to 24 characters back, not across punctuation or spaces.
        let before = &text[..pos];
        starts.clear();
        for (i, c) in before.char_indices().rev().take(24) {
            if !(crate::ingest::text::is_han(c) || c.is_ascii_alphanumeric()) {
                break;
            }
            starts.push(i);
        }
        let Some(&far) = starts.last() else { continue };
        let found = memo
            .entry(&text[far..pos])
            .or_insert_with(|| longest_chain(text, &starts, pos))
            .clone();
        if let Some((offset, tokens)) = found {
            let s = far + offset;
            out.push(BureauMatch {
                name: text[s..pos + "税务局".len()].to_string(),
                tokens,
                in_title,
                start: s,
            });
        }
    }
    out
}

/// The longest place chain ending at `pos` that starts at one of `starts` (nearest first), as
/// (offset from the farthest start, tokens).
fn longest_chain(text: &str, starts: &[usize], pos: usize) -> Option<(usize, Vec<Token>)> {
    let far = *starts.last()?;
    for &s in starts.iter().rev() {
        if let Some(tokens) = parse_chain(&text[s..pos], true) {
            let meaningful = tokens
                .iter()
                .any(|t| matches!(t, Token::Division { .. } | Token::Anonymized | Token::Zone));
            let zone_only = tokens.iter().all(|t| matches!(t, Token::Zone));
            if meaningful && !zone_only {
                return Some((s - far, tokens));
            }
        }
    }
    None
}

/// The document's bureau: the title's, else the most specific and frequent one in the body.
/// A title's short form (西湖区税务局) takes the official full name from the body when the body
/// has one (国家税务总局杭州市西湖区税务局).
pub fn choose_bureau(title: &[BureauMatch], body: &[BureauMatch]) -> Option<BureauMatch> {
    if let Some(t) = title.iter().max_by_key(|b| (specificity(b), b.name.len())) {
        let official = body
            .iter()
            .filter(|b| {
                b.name.len() > t.name.len()
                    && b.name.ends_with(&t.name)
                    && b.name.starts_with("国家税务总局")
            })
            .max_by_key(|b| b.name.len());
        return Some(official.unwrap_or(t).clone());
    }
    let count = |name: &str| {
        body.iter()
            .filter(|b| b.name.ends_with(name) || name.ends_with(&b.name))
            .count()
    };
    body.iter()
        .enumerate()
        .max_by_key(|(i, b)| {
            (
                specificity(b),
                count(&b.name),
                b.name.len(),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(_, b)| b.clone())
}

pub(super) fn specificity(b: &BureauMatch) -> u8 {
    let g = Gazetteer::get();
    let national = b.tokens.contains(&Token::National) as u8;
    let deepest = b
        .tokens
        .iter()
        .filter_map(|t| match t {
            Token::Division { idx } => Some(g.divisions[*idx].level),
            Token::Anonymized => Some(1),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    national * 4 + deepest
}

pub fn bureau_of(m: &BureauMatch) -> Bureau {
    Bureau {
        name: m.name.clone(),
        anonymized: m.tokens.contains(&Token::Anonymized),
    }
}
