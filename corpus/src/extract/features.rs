//! What the scorer knows about a candidate: its shape, its length, its head word, the words
//! around it, where it is, how often the document names it. Every feature is a name (a static
//! string); the scorer's weights are data (`data/scorer.json`), trained on the dev split.

use super::block::{last_chars, BlockCtx, Cand, Rule};
use super::vocab::{HeadClass, Vocab};
use crate::ingest::text::{char_len, is_han};
use rustc_hash::FxHashMap;

/// What the features of every candidate of a document share.
pub(super) struct DocInfo<'a> {
    pub title: &'a str,
    /// Candidates per name (any rule), in the whole document.
    pub counts: FxHashMap<&'a str, usize>,
    /// The short names of the document's places and its bureau's name.
    pub own: Vec<String>,
}

fn len_bucket(n: usize) -> usize {
    match n {
        0..=1 => 0,
        2 => 1,
        3 => 2,
        4..=5 => 3,
        6..=8 => 4,
        9..=12 => 5,
        13..=20 => 6,
        _ => 7,
    }
}

macro_rules! by_rule {
    ($rule:expr, $prefix:literal, [$($b:literal),*]) => {{
        const Q: &[&str] = &[$(concat!("quoted:", $prefix, $b)),*];
        const B: &[&str] = &[$(concat!("book:", $prefix, $b)),*];
        const P: &[&str] = &[$(concat!("phrase:", $prefix, $b)),*];
        const L: &[&str] = &[$(concat!("lexicon:", $prefix, $b)),*];
        const T: &[&str] = &[$(concat!("list:", $prefix, $b)),*];
        match $rule {
            Rule::Quoted => Q,
            Rule::Book => B,
            Rule::Phrase => P,
            Rule::Lexicon => L,
            Rule::List => T,
        }
    }};
}

fn rule_name(r: Rule) -> &'static str {
    match r {
        Rule::Quoted => "rule:quoted",
        Rule::Book => "rule:book",
        Rule::Phrase => "rule:phrase",
        Rule::Lexicon => "rule:lexicon",
        Rule::List => "rule:list",
    }
}

fn head_feature(r: Rule, c: Option<HeadClass>) -> &'static str {
    let k = c.map_or(8, |c| {
        HeadClass::ALL.iter().position(|x| *x == c).unwrap_or(8)
    });
    by_rule!(
        r,
        "head:",
        [
            "facility", "channel", "practice", "team", "event", "document", "product", "brand",
            "none"
        ]
    )[k]
}

/// A numbered formula: 三率一度, 一户一档, 五心, 1+3+1+N, 一窗通办.
fn numbered_formula(name: &str) -> bool {
    let nums = name
        .chars()
        .filter(|c| "一二两三四五六七八九十百千万".contains(*c) || c.is_ascii_digit())
        .count();
    let n = char_len(name);
    (2..=8).contains(&n)
        && nums >= 1
        && (nums * 3 >= n || name.contains('+'))
        && name
            .chars()
            .next()
            .is_some_and(|c| "一二两三四五六七八九十".contains(c) || c.is_ascii_digit())
}

/// The features of candidate `c` of block `b`.
pub(super) fn features(d: &DocInfo, b: &BlockCtx, c: &Cand, out: &mut Vec<&'static str>) {
    let v = Vocab::get();
    let t = b.text;
    let name = c.name.as_str();
    let n = char_len(name);
    out.push("bias");
    out.push(rule_name(c.rule));
    out.push(
        by_rule!(
            c.rule,
            "len:",
            ["1", "2", "3", "4-5", "6-8", "9-12", "13-20", "21+"]
        )[len_bucket(n)],
    );
    out.push(head_feature(c.rule, v.head_class(name)));
    if name.chars().any(|x| x.is_ascii_digit()) {
        out.push("has:digit");
    }
    if name.chars().any(|x| x.is_ascii_alphabetic()) {
        out.push("has:latin");
    }
    if name.contains(['，', ',', '；']) {
        out.push("has:comma");
    }
    let parts = name.split('、').count();
    if parts == 2 {
        out.push("has:two_parts");
    } else if parts >= 3 {
        out.push("has:many_parts");
    }
    if name.contains('+') {
        out.push("has:plus");
    }
    if !name
        .chars()
        .all(|x| is_han(x) || x.is_ascii_alphanumeric() || "、+·-".contains(x))
    {
        out.push("has:punct");
    }
    if numbered_formula(name) {
        out.push("shape:numbered");
    }
    // The lexicon.
    if let Some(k) = v.programme_names.get(name) {
        out.push(match v.programmes[k].class.as_str() {
            "policy" => "lex:policy",
            "slogan" => "lex:slogan",
            "campaign" => "lex:campaign",
            "channel" | "facility" => "lex:channel",
            _ => "lex:practice",
        });
    } else if v.programme_names.longest(name).is_some() {
        out.push("lex:ends_with");
    }
    if v.generic.contains(name) {
        out.push("stop:generic");
    }
    if v.rhetoric_names.contains(name) {
        out.push("stop:rhetoric_name");
    }
    if v.stop_inside_ac.is_match(name) {
        out.push("stop:inside");
    }
    if v.determiners.iter().any(|w| name.starts_with(w.as_str())) {
        out.push("stop:determiner");
    }
    if v.verb_ac.find(name).is_some_and(|m| m.start() == 0) {
        out.push("starts:verb");
    }
    if v.verb_ac
        .find_iter(name)
        .any(|m| m.start() > 0 && m.end() < name.len())
    {
        out.push("has:verb_inside");
    }
    if name.ends_with(['难', '题']) || name.ends_with("问题") {
        out.push("stop:problem");
    }
    // (电子税务局 is a channel, not a bureau.)
    if (v.org_suffix_set.ends(name)
        || name.ends_with("局")
        || name.ends_with("税务所")
        || name.ends_with("分局")
        || name.ends_with("部门"))
        && !name.ends_with("电子税务局")
    {
        out.push("stop:organisation");
    }
    if d.own.iter().any(|p| name.starts_with(p.as_str())) {
        out.push("own:starts_with_place");
    }
    if d.own.iter().any(|p| name.contains(p.as_str())) {
        out.push("own:names_place");
    }
    if d.title.contains(name) {
        out.push("where:title");
    }
    if c.loc.paragraph.is_none() {
        out.push("where:heading");
    }
    match d.counts.get(name).copied().unwrap_or(1) {
        0..=1 => out.push("mentions:1"),
        2 => out.push("mentions:2"),
        _ => out.push("mentions:3+"),
    }

    // The words around it.
    let (os, oe) = c.outer;
    let before = last_chars(&t[super::block::clause_start(t, os)..os], 8);
    let after = first_chars_str(&t[oe..], 6);
    if before.ends_with('的') {
        out.push("before:de");
    }
    if after.starts_with('的') {
        out.push("after:de");
    }
    let verb_before = v.verb_ac.find_iter(before).last().is_some_and(|m| {
        let gap = &before[m.end()..];
        char_len(gap) <= 4 && !gap.contains(['的', '、'])
    });
    if verb_before {
        out.push(by_rule!(c.rule, "before:", ["verb"])[0]);
    }
    if v.rhetoric_before.ends(before)
        || v.rhetoric_before
            .ends(before.trim_end_matches(['了', '着']))
    {
        out.push(by_rule!(c.rule, "before:", ["rhetoric"])[0]);
    }
    if v.honour_verb_set.ends(before) {
        out.push("before:honour");
    }
    if before.ends_with("简称") || before.ends_with("称为") || before.ends_with("被誉为") {
        out.push("before:called");
    }
    if v.rhetoric_after_ac.is_match(after)
        || after.starts_with("为主题")
        || after.starts_with("主题")
    {
        out.push(by_rule!(c.rule, "after:", ["rhetoric"])[0]);
    }
    if after.starts_with("为") {
        out.push("after:wei");
    }
    if after.starts_with('即') || after.starts_with("：即") || after.starts_with("，即") {
        out.push("after:definition");
    }
    if c.rule == Rule::Quoted || c.rule == Rule::Book {
        if v.quote_head_ac.find(after).is_some_and(|m| m.start() == 0) {
            out.push("after:head");
        }
        if v.head_class(first_chars_str(after, 4)).is_some()
            || v.phrase_head_ac.find(after).is_some_and(|m| m.start() == 0)
        {
            out.push("after:head_word");
        }
        if after.starts_with(['，', '。', '、', '；']) || after.is_empty() {
            out.push("after:break");
        }
        // A run of quoted names (“三认”“三亮”“三进”) lists practices.
        if t[..os].ends_with(['”', '》', '」', '、']) || t[oe..].starts_with(['“', '《', '「'])
        {
            out.push("quoted:in_run");
        }
        // …and a run closed by 等 and a head word (“爱心妈妈”“慈善一日捐”等活动) names them.
        if run_closed_by_head(&t[oe..]) {
            out.push("quoted:run_head");
        }
        // “三个同步”：… is followed by what it means.
        if after.starts_with(['：', ':']) {
            out.push("after:colon");
        }
    }
    if c.rule == Rule::Book {
        if v.doc_heads.ends(name) {
            out.push("book:document");
        }
        let higher = v
            .higher_authorities
            .iter()
            .any(|w| name.starts_with(w.as_str()));
        if higher {
            out.push("book:higher_authority");
        } else if v.doc_heads.ends(name) {
            out.push("book:own_document");
        }
        let law = name.ends_with('法')
            && !["办法", "方法", "做法", "工作法", "说法"]
                .iter()
                .any(|w| name.ends_with(w));
        if law || name.ends_with("条例") {
            out.push("book:law");
        }
        if name.ends_with('报') || name.ends_with("杂志") || name.ends_with("日报") {
            out.push("book:newspaper");
        }
    }
    if c.rule == Rule::Phrase {
        let head = v.head_class_set.longest(name).map_or(0, |(l, _)| l);
        let prefix = char_len(&name[..name.len().saturating_sub(head)]);
        out.push(
            [
                "phrase:prefix0",
                "phrase:prefix1",
                "phrase:prefix2",
                "phrase:prefix3-4",
                "phrase:prefix5+",
            ][match prefix {
                0 => 0,
                1 => 1,
                2 => 2,
                3..=4 => 3,
                _ => 4,
            }],
        );
        let edge = t[..c.loc.start].chars().next_back();
        out.push(match edge {
            None => "phrase:edge_start",
            Some(x) if super::block::is_segment_break(x) => "phrase:edge_break",
            Some(x) if x.is_ascii_digit() || "个项支家类种名".contains(x) => {
                "phrase:edge_count"
            }
            Some('的') => "phrase:edge_de",
            _ => "phrase:edge_word",
        });
    }
    // An item of an enumeration (推行延时服务、预约服务和容缺受理).
    let (os, oe) = c.outer;
    if t[..os].ends_with('、') || t[oe..].starts_with('、') {
        out.push(by_rule!(c.rule, "in:", ["list"])[0]);
    }
    // Words of the tax domain (办税, 退税, 发票, 申报, 缴费) in a name: the bureau's own
    // business rather than a general one.
    if name.contains('税') || name.contains('票') || name.contains("申报") || name.contains("缴费")
    {
        out.push(by_rule!(c.rule, "has:", ["tax_word"])[0]);
    }
}

fn first_chars_str(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Whether the quotations that follow (if any) end with 等 and a head word, or a head word:
/// “A”“B”、“C”等活动.
fn run_closed_by_head(mut rest: &str) -> bool {
    let v = Vocab::get();
    for _ in 0..8 {
        rest = rest.trim_start_matches('、');
        let Some(r) = rest.strip_prefix('“') else {
            break;
        };
        match r.find('”') {
            Some(e) if e <= 48 => rest = &r[e + '”'.len_utf8()..],
            _ => return false,
        }
    }
    let Some(r) = rest.strip_prefix('等') else {
        return false;
    };
    let r = r.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二两三四五六七八九十多余项个种类场次".contains(c)
    });
    v.phrase_head_ac
        .find(first_chars_str(r, 6))
        .is_some_and(|m| m.start() == 0)
}

#[cfg(test)]
mod tests {
    use super::run_closed_by_head;

    #[test]
    fn a_run_of_quotations_closed_by_a_head_word() {
        assert!(run_closed_by_head("“慈善一日捐”“温馨关爱活动”等活动6次"));
        assert!(run_closed_by_head("等3项服务"));
        assert!(!run_closed_by_head("“三亮”“三进”，让群众"));
        assert!(!run_closed_by_head("，让纳税人少跑腿"));
    }
}
