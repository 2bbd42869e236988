//! What a figure measures (its label, in whole words) and the direction the text states.

use super::super::block::is_segment_break;
use super::super::vocab::Vocab;
use super::{ceil, floor};
use crate::ingest::text::{char_len, is_han};
use crate::model::Direction;

/// The direction a verb right before a figure states (缩短87%, 提高到15万元, 下降了3天).
pub(super) fn direction(t: &str, s: usize) -> Option<Direction> {
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
