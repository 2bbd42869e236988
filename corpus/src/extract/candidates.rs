//! The candidate rules: each finds names of one shape in a block (see the module list in
//! [`super`]).

use super::block::{
    clause_start, first_chars, in_any, is_clause_break, is_segment_break, last_chars, regex,
    BlockCtx, Cand, Spans,
};
use super::vocab::{self, Vocab};
use crate::ingest::text::{char_len, is_han};
use crate::model::{InitiativeKind, Recognition};
use regex::Regex;
use std::sync::OnceLock;

/// Where the name starts inside `left` (text before a head word): after the last verb,
/// function word or counted number.
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
        r"\d+(?:\.\d+)?[个台家项条支名类场次批套所座户处间]",
    )
    .find_iter(left)
    {
        cut = cut.max(m.end());
    }
    cut
}

pub(super) fn named(
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

pub(super) fn measures(b: &BlockCtx, out: &mut Vec<Cand>, taken: &Spans, quote_ends: &[usize]) {
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

pub(super) fn programmes(b: &BlockCtx, out: &mut Vec<Cand>, recog_spans: &Spans) {
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

pub(super) fn items(b: &BlockCtx, out: &mut Vec<Cand>) {
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

pub(super) fn lists(b: &BlockCtx, out: &mut Vec<Cand>, taken: &Spans) {
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

pub(super) fn recognitions(
    b: &BlockCtx,
    recog: &mut Vec<Recognition>,
    spans: &mut Vec<(usize, usize)>,
) {
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
        let cut = vocab::last_end(&v.honour_cut_ac, left);
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

#[cfg(test)]
mod tests {
    /// `measures` searches a whole block for heads at once and hands each segment its
    /// matches; that equals a search per segment only while no head spans a segment break.
    #[test]
    fn no_head_contains_a_segment_break() {
        let lex: serde_json::Value =
            serde_json::from_str(include_str!("../../data/lexicon.json")).unwrap();
        for h in lex["heads"].as_array().unwrap() {
            let h = h.as_str().unwrap();
            assert!(!h.contains(super::is_segment_break), "{h}");
        }
    }
}
