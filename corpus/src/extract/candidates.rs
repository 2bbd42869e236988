//! The candidate stage, tuned for recall: every span of a block that might name an initiative,
//! by shape. Whether it does is the scorer's decision ([`super::score`]); here a candidate is
//! only left out when it cannot be a name at all (empty, only punctuation, a whole clause).
//!
//! - **Quoted**: the text inside “…”, 「…」, 『…』 (the convention for names: 锦税e家).
//! - **Book**: the text inside 《…》 (documents the bureau made, or others').
//! - **Phrase**: an unquoted phrase ending with a head word (…绿色通道, …服务队, …工作法), its left
//!   edge at the last verb, function word, counted number or punctuation before the head.
//! - **Lexicon**: a name of the lexicon's programmes and practices (便民办税春风行动, 容缺受理).
//! - **List**: the items of `推行A、B等服务`.
//!
//! Honours (全国工人先锋号) are found here too and recorded as recognitions, never initiatives.

use super::block::{
    clause_start, first_chars, in_any, is_clause_break, is_segment_break, last_chars, regex,
    BlockCtx, Cand, Rule,
};
use super::vocab::{self, Vocab};
use crate::ingest::text::{char_len, is_han};
use crate::model::Recognition;
use regex::Regex;
use std::sync::OnceLock;

/// Where a phrase's name starts inside `left` (the text before its head): after the last verb,
/// function word, counted number or quotation.
fn cut_left(left: &str) -> usize {
    let v = Vocab::get();
    let mut cut = 0;
    for m in v.verb_ac.find_iter(left) {
        cut = cut.max(m.end());
    }
    cut = cut.max(vocab::last_end(&v.cut_ac, left));
    static COUNTED: OnceLock<Regex> = OnceLock::new();
    for m in regex(
        &COUNTED,
        r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:多|余)?[个台家项条支名类场次批套所座户处间种批人张级年]",
    )
    .find_iter(left)
    {
        cut = cut.max(m.end());
    }
    cut
}

/// What the gold rules never list, whatever its context: a generic word (纳税服务, 系列活动),
/// rhetoric (急难愁盼, 非常满意), a slogan or political formula of the lexicon (放管服, 两学一做), a festival (六一), a
/// generation (90后), a quoted clause (激发创业热情，成就创业梦想), a single character, a
/// leading group (减税降费工作领导小组).
pub(super) fn never_a_name(name: &str, rule: Rule) -> bool {
    let v = Vocab::get();
    if v.generic.contains(name) || v.occasions.contains(name) || v.rhetoric_names.contains(name) {
        return true;
    }
    if v.programme_names
        .get(name)
        .is_some_and(|k| v.programmes[k].class == "slogan")
    {
        return true;
    }
    // One character names nothing (“疫”); a leading group is an organ of the bureau.
    if char_len(name) < 2 || name.ends_with("领导小组") {
        return true;
    }
    let generation = char_len(name) == 3
        && name.ends_with('后')
        && name.chars().take(2).all(|c| c.is_ascii_digit());
    generation || rule != Rule::Book && name.contains(['，', ','])
}

/// The whole of `name` is a bureau's name (国家税务总局杭州市西湖区税务局, 眉山地税).
pub(super) fn is_bureau_name(name: &str) -> bool {
    (name.ends_with('局') || name.ends_with('所') || name.ends_with("税务"))
        && crate::place::bureau::find_bureaus(name, false)
            .iter()
            .any(|m| m.start == 0 && m.end == name.len())
}

/// Quoted spans and book titles; honours among them become recognitions.
pub(super) fn quoted(b: &BlockCtx, out: &mut Vec<Cand>, recog: &mut Vec<Recognition>) {
    let v = Vocab::get();
    let t = b.text;
    let mut i = 0;
    while i < t.len() {
        let Some(rel) = t[i..].find(['“', '《', '「', '『']) else {
            break;
        };
        let qs = i + rel;
        let open = t[qs..].chars().next().unwrap_or('“');
        let close = match open {
            '《' => '》',
            '「' => '」',
            '『' => '』',
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
        // A book title may quote a name (办税事项“最多跑一次”清单); a quotation may not nest.
        let nested = if book {
            content.contains(['《', '「', '『'])
        } else {
            content.contains(['“', '《', '「', '『'])
        };
        if n < 1 || n > if book { 60 } else { 24 } || nested {
            continue;
        }
        // A name is written in Chinese (e税通, 12366热线); a bare Latin word (“summary”, “RCEP”)
        // is a key or an acronym, and a bureau is the doer, not what it does.
        if !content.chars().any(is_han) || is_bureau_name(content) {
            continue;
        }
        // A quoted sentence is speech, not a name.
        if !book && content.contains(['。', '！', '？', '!', '?']) {
            continue;
        }
        // Nor is a quoted clause that reports a figure (“推出延时服务，办理3万余户”).
        if !book && content.contains(['，', ',']) && content.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let before = &t[clause_start(t, qs)..qs];
        let after = &t[qe..];
        let honour = v.honour_suffix_set.ends(content)
            || after.starts_with("称号")
            || after.starts_with("荣誉")
            || v.honour_verb_set.ends(last_chars(before, 6));
        if honour {
            recog.push(Recognition {
                name: content.to_string(),
                location: b.loc(cs, ce),
            });
            i = qe;
            continue;
        }
        // “A暨B”: two programmes run together, each its own name.
        let mut start = cs;
        // (Not in a book title: 《关于开展“A暨B”的通知》 is one document.)
        let parts: Vec<&str> = if book {
            vec![content]
        } else {
            content.split('暨').collect()
        };
        for part in parts {
            let (ps, pe) = (start, start + part.len());
            start = pe + '暨'.len_utf8();
            if part.is_empty() {
                continue;
            }
            // The quotation marks belong to the first and the last part.
            let outer = (
                if ps == cs { qs } else { ps },
                if pe == ce { qe } else { pe },
            );
            out.push(Cand {
                name: part.to_string(),
                rule: if book { Rule::Book } else { Rule::Quoted },
                loc: b.loc(ps, pe),
                outer,
                context: b.sentence_of(cs),
            });
        }
        i = qe;
    }
}

/// Unquoted phrases ending with a head word.
pub(super) fn phrases(b: &BlockCtx, out: &mut Vec<Cand>, quotes: &[(usize, usize)]) {
    let v = Vocab::get();
    let t = b.text;
    // One search over the block (no head contains a segment break, so the matches of each
    // segment are those of the block inside it).
    let heads: Vec<(usize, usize)> = v
        .phrase_head_ac
        .find_iter(t)
        .map(|m| (m.start(), m.end()))
        .collect();
    for &(hs, he) in &heads {
        if in_any(quotes, hs, he) {
            continue;
        }
        let seg_start = t[..hs]
            .char_indices()
            .rev()
            .take(24)
            .find(|&(_, c)| is_segment_break(c))
            .map_or_else(
                || t[..hs].char_indices().rev().nth(23).map_or(0, |(i, _)| i),
                |(i, c)| i + c.len_utf8(),
            );
        let left = &t[seg_start..hs];
        let mut cut = cut_left(left);
        // Leading determiners and fillers are not part of a name (这个…, 有…).
        while let Some(j) = v
            .lead_junk
            .iter()
            .find(|j| left[cut..].starts_with(j.as_str()) && char_len(&left[cut + j.len()..]) >= 1)
        {
            cut += j.len();
        }
        let ns = seg_start + cut;
        // A phrase right after a quotation names that quotation's thing (“五心”工作法): the
        // quotation is the name.
        if quotes.binary_search_by_key(&ns, |&(_, qe)| qe).is_ok() {
            continue;
        }
        // A head word alone (服务, 窗口, 办税服务厅) names nothing in particular.
        if ns >= hs {
            continue;
        }
        let name = &t[ns..he];
        let n = char_len(name);
        if !(2..=20).contains(&n) || !name.chars().any(is_han) {
            continue;
        }
        out.push(Cand {
            name: name.to_string(),
            rule: Rule::Phrase,
            loc: b.loc(ns, he),
            outer: (ns, he),
            context: b.sentence_of(ns),
        });
    }
}

/// Names of the lexicon's programmes and practices.
pub(super) fn lexicon(b: &BlockCtx, out: &mut Vec<Cand>, quotes: &[(usize, usize)]) {
    let v = Vocab::get();
    for m in v.programme_ac.find_iter(b.text) {
        // Inside a quotation the quotation is the candidate (a longer name holds it).
        let idx = quotes.partition_point(|&(s, _)| s < m.start());
        if idx > 0 && m.end() < quotes[idx - 1].1 {
            continue;
        }
        out.push(Cand {
            name: b.text[m.start()..m.end()].to_string(),
            rule: Rule::Lexicon,
            loc: b.loc(m.start(), m.end()),
            outer: (m.start(), m.end()),
            context: b.sentence_of(m.start()),
        });
    }
}

/// The items of `推行A、B等服务`: a list after an action verb, closed by 等 and a list head.
pub(super) fn lists(b: &BlockCtx, out: &mut Vec<Cand>) {
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
                && part.chars().all(|c| is_han(c) || c.is_ascii_alphanumeric())
            {
                out.push(Cand {
                    name: part.to_string(),
                    rule: Rule::List,
                    loc: b.loc(s, e),
                    outer: (s, e),
                    context: b.sentence_of(s),
                });
            }
            s = e + '、'.len_utf8();
        }
    }
}

/// Unquoted honours (荣获全国文明单位): recorded, and their spans kept from the other rules.
pub(super) fn recognitions(
    b: &BlockCtx,
    recog: &mut Vec<Recognition>,
    spans: &mut Vec<(usize, usize)>,
) {
    let v = Vocab::get();
    let t = b.text;
    // `spans` holds the quoted honours (in order, disjoint); the unquoted ones found here come
    // in order of their ends, so the last end decides whether the next match overlaps one.
    let quoted = spans.len();
    let mut last_end = 0;
    for m in v.honour_ac.find_iter(t) {
        if in_any(&spans[..quoted], m.start(), m.end()) || m.start() < last_end {
            continue;
        }
        let seg_start = t[..m.start()]
            .char_indices()
            .rev()
            .take(30)
            .find(|&(_, c)| is_segment_break(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let left = &t[seg_start..m.start()];
        let cut = vocab::last_end(&v.honour_cut_ac, left);
        let s = seg_start + cut;
        let name = &t[s..m.end()];
        if char_len(name) < 3 {
            continue;
        }
        spans.push((s, m.end()));
        last_end = m.end();
        recog.push(Recognition {
            name: name.to_string(),
            location: b.loc(s, m.end()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `phrases` searches a whole block for heads at once; that equals a search per segment
    /// only while no head spans a segment break.
    #[test]
    fn no_head_contains_a_segment_break() {
        let lex: serde_json::Value =
            serde_json::from_str(include_str!("../../data/lexicon.json")).unwrap();
        let mut heads: Vec<String> = lex["heads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h.as_str().unwrap().to_string())
            .collect();
        for (_, words) in lex["head_classes"].as_object().unwrap() {
            heads.extend(
                words
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|h| h.as_str().unwrap().to_string()),
            );
        }
        for h in heads {
            assert!(!h.contains(super::is_segment_break), "{h}");
        }
    }

    fn block(text: &str) -> BlockCtx<'_> {
        BlockCtx {
            text,
            section: 0,
            paragraph: Some(0),
            sentences: crate::ingest::text::sentences(text),
        }
    }

    #[test]
    fn every_shape_is_a_candidate() {
        let t = "打造“锦税e家”服务品牌，编制《税收路径指引》，设置特殊群体绿色通道，推行容缺受理，开展预约、延时等服务，被授予“全国工人先锋号”称号。";
        let b = block(t);
        let (mut out, mut recog) = (Vec::new(), Vec::new());
        quoted(&b, &mut out, &mut recog);
        let quotes: Vec<(usize, usize)> = out.iter().map(|c| c.outer).collect();
        phrases(&b, &mut out, &quotes);
        lexicon(&b, &mut out, &quotes);
        lists(&b, &mut out);
        let names: Vec<(&str, Rule)> = out.iter().map(|c| (c.name.as_str(), c.rule)).collect();
        for want in [
            ("锦税e家", Rule::Quoted),
            ("税收路径指引", Rule::Book),
            ("特殊群体绿色通道", Rule::Phrase),
            ("容缺受理", Rule::Lexicon),
            ("预约", Rule::List),
        ] {
            assert!(names.contains(&want), "{want:?} in {names:?}");
        }
        assert_eq!(recog[0].name, "全国工人先锋号");
        assert!(!names.iter().any(|(n, _)| n.contains("先锋号")));
    }

    #[test]
    fn what_is_never_a_name() {
        for name in [
            "纳税服务",
            "系列活动",
            "放管服",
            "两学一做",
            "六一",
            "国庆节",
            "90后",
            "非常满意",
            "激发创业热情，成就创业梦想",
            "疫",
            "不打烊",
            "减税降费工作领导小组",
        ] {
            assert!(never_a_name(name, Rule::Quoted), "{name}");
        }
        for name in [
            "锦税e家",
            "便民办税春风行动",
            "纳税人之家",
            "一次申请、并联审批",
        ] {
            assert!(!never_a_name(name, Rule::Quoted), "{name}");
        }
        // A book title may hold a comma.
        assert!(!never_a_name("关于A，B的通知", Rule::Book));
    }

    #[test]
    fn counted_years_and_levels_are_not_part_of_a_name() {
        let t = "建成省市县三级纳税人服务中心，2022年纳税服务";
        let b = block(t);
        let mut out = Vec::new();
        phrases(&b, &mut out, &[]);
        let names: Vec<&str> = out.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"纳税人服务中心"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("2022")), "{names:?}");
    }
}
