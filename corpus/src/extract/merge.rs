//! Merging: a document's candidates grouped by canonical key into initiatives, each with its
//! display name, kind, themes, summary and every mention.

use super::block::{is_clause_break, Cand};
use super::themes::{themes_for, DocThemes, ThemeHits};
use super::vocab::Vocab;
use crate::ingest::text::char_len;
use crate::model::{initiative_id, Document, Initiative, InitiativeKind, Location};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::hash_map::Entry;

/// Canonical key: quotes and spaces removed, the part after 暨, and grouped under a known
/// programme when the name ends with it (移动纳税人学堂 → 纳税人学堂).
pub fn canonical(name: &str) -> String {
    let mut n: String = name
        .chars()
        .filter(|&c| {
            !c.is_whitespace()
                && !matches!(
                    c,
                    '“' | '”' | '‘' | '’' | '"' | '\'' | '《' | '》' | '「' | '」' | '『' | '』'
                )
        })
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if let Some((_, after)) = n.rsplit_once('暨') {
        if char_len(after) >= 2 {
            n = after.to_string();
        }
    }
    // The longest national programme the name ends with: one set lookup per distinct length
    // of a programme name, longest first (not a scan of the programme list per candidate).
    let v = Vocab::get();
    match v.programme_names.longest(&n) {
        Some((l, _)) if l < n.len() => n[n.len() - l..].to_string(),
        _ => n,
    }
}

/// The clause holding `s..e` of `text` (between clause breaks), at most 60 characters each
/// side of it.
fn clause_around(text: &str, s: usize, e: usize) -> (usize, usize) {
    let lo = text[..s]
        .char_indices()
        .rev()
        .take(60)
        .find(|&(_, c)| is_clause_break(c))
        .map_or_else(
            || text[..s].char_indices().rev().nth(59).map_or(0, |(i, _)| i),
            |(i, c)| i + c.len_utf8(),
        );
    let hi = text[e..]
        .char_indices()
        .take(60)
        .find(|&(_, c)| is_clause_break(c))
        .map_or_else(
            || {
                text[e..]
                    .char_indices()
                    .nth(60)
                    .map_or(text.len(), |(i, _)| e + i)
            },
            |(i, _)| e + i,
        );
    (lo, hi.max(e))
}

/// Merges groups whose keys name the same thing in one document: one key holds the other and
/// the shorter is at least 2/3 of the longer (智能导税区 / 智能导税), the way an analyst reads
/// them. Keys of equal programmes or different heads stay apart.
fn merge_near_duplicates(groups: &mut Vec<(String, Vec<Cand>)>) {
    // Keys that can hold one another share their first or their last character: those are
    // the ones compared (and at most a few hundred each), so a long document stays linear.
    let mut by_end: FxHashMap<char, Vec<usize>> = FxHashMap::default();
    let mut into: Vec<Option<usize>> = vec![None; groups.len()];
    for k in 0..groups.len() {
        let key = &groups[k].0;
        let (Some(first), Some(last)) = (key.chars().next(), key.chars().next_back()) else {
            continue;
        };
        let n = key.chars().count();
        let near = |j: &usize| {
            let other = &groups[*j].0;
            let m = other.chars().count();
            let (short, long, ls, ll) = if n <= m {
                (key, other, n, m)
            } else {
                (other, key, m, n)
            };
            ls >= 2 && long.contains(short.as_str()) && ls * 3 >= ll * 2
        };
        let found = [first, last].iter().find_map(|c| {
            by_end
                .get(c)
                .and_then(|js| js.iter().take(300).find(|j| near(j)).copied())
        });
        match found {
            Some(j) => into[k] = Some(j),
            None => {
                by_end.entry(first).or_default().push(k);
                if last != first {
                    by_end.entry(last).or_default().push(k);
                }
            }
        }
    }
    // Move the merged groups into their targets; the longer key names a group.
    let mut merged: Vec<(String, Vec<Cand>)> = Vec::with_capacity(groups.len());
    let mut at: Vec<usize> = vec![usize::MAX; groups.len()];
    for (k, (key, cands)) in std::mem::take(groups).into_iter().enumerate() {
        match into[k] {
            Some(j) => {
                let t = at[j];
                if key.chars().count() > merged[t].0.chars().count() {
                    merged[t].0 = key;
                }
                merged[t].1.extend(cands);
                at[k] = t;
            }
            None => {
                at[k] = merged.len();
                merged.push((key, cands));
            }
        }
    }
    *groups = merged;
}

/// The initiatives of a document from its accepted candidates, in order of first appearance.
pub(super) fn merge(
    doc: &Document,
    mut cands: Vec<Cand>,
    themes: &mut DocThemes,
) -> Vec<Initiative> {
    let v = Vocab::get();
    // Merge mentions by canonical key, in order of first appearance.
    cands.sort_by_key(|c| {
        (
            c.loc.section,
            c.loc.paragraph.map_or(0, |p| p + 1),
            c.loc.start,
            std::cmp::Reverse(c.loc.end),
        )
    });
    // Groups in order of first appearance; `index` finds a key's group, and a mention is
    // recognised as seen by its group's position, so each key is hashed once per candidate.
    let mut groups: Vec<(String, Vec<Cand>)> = Vec::new();
    let mut index: FxHashMap<String, usize> = FxHashMap::default();
    let mut seen: FxHashSet<(usize, Location)> = FxHashSet::default();
    for c in cands {
        let key = canonical(&c.name);
        if char_len(&key) < 2 {
            continue;
        }
        let g = match index.entry(key) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                groups.push((e.key().clone(), Vec::new()));
                *e.insert(groups.len() - 1)
            }
        };
        if seen.insert((g, c.loc)) {
            groups[g].1.push(c);
        }
    }
    drop(index);
    merge_near_duplicates(&mut groups);
    let block_text = |l: &Location| doc.block_at(l.section, l.paragraph).unwrap_or("");
    let mut initiatives: Vec<Initiative> = Vec::with_capacity(groups.len());
    // One buffer for every initiative's context slices.
    let mut contexts: Vec<(usize, usize)> = Vec::new();
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    for (n, (key, group)) in groups.iter_mut().enumerate() {
        let key = std::mem::take(key);
        let group = &*group;
        let primary = group
            .iter()
            .find(|c| c.loc.paragraph.is_some())
            .unwrap_or(&group[0]);
        let kind = group.iter().map(|c| c.rule.kind()).min_by_key(|k| match k {
            InitiativeKind::Named => 0,
            InitiativeKind::Programme => 1,
            InitiativeKind::Measure => 2,
        });
        // Display name: the name written most often; ties to a quoted name, then the longer.
        // Counted once (a name repeated thousands of times in one dump must not be quadratic).
        let mut written: FxHashMap<&str, usize> = FxHashMap::default();
        for c in group {
            *written.entry(c.name.as_str()).or_insert(0) += 1;
        }
        let rank = |c: &Cand| {
            let times = written[c.name.as_str()];
            let quoted = matches!(c.rule.kind(), InitiativeKind::Named);
            (
                std::cmp::Reverse(times),
                !quoted,
                std::cmp::Reverse(c.name.len()),
            )
        };
        let best = group.iter().min_by_key(|c| rank(c));
        let name = best.map(|c| c.name.as_str()).unwrap_or(key.as_str());
        // The theme words in the name: every rule takes a name as the text at its mention's
        // location, so its hits are among the document's and no second search is needed. The
        // comparison keeps that true if a rule ever rewrites a name (then the name is scanned).
        let name_scores = match best {
            Some(c) if block_text(&c.loc).get(c.loc.start..c.loc.end) == Some(name) => {
                let at = themes.block_offset(&c.loc);
                ThemeHits::count(&themes.hits.hits, at + c.loc.start, at + c.loc.end)
            }
            _ => v.theme_scores(name),
        };
        let programme_theme = v
            .programme_names
            .get(key.as_str())
            .map(|p| v.programmes[p].theme.as_str());
        contexts.clear();
        sentences.clear();
        for c in group {
            // Its own words: the clause of each mention, not the whole sentence, so that the
            // initiatives of one sentence do not all take the sentence's themes.
            let bt = block_text(&c.loc);
            let at = themes.block_offset(&c.loc);
            let (cs, ce) = clause_around(bt, c.outer.0, c.outer.1);
            contexts.push((at + cs, at + ce));
            sentences.push((at + c.context.0, at + c.context.1.min(bt.len())));
            if c.loc.paragraph.is_none() {
                // A name in a heading takes the themes of its section (its first paragraphs).
                let section = &doc.sections[c.loc.section];
                for (p, text) in section.paragraphs.iter().enumerate().take(8) {
                    let at = themes.block_offset(&Location {
                        paragraph: Some(p),
                        ..c.loc
                    });
                    contexts.push((at, at + text.len()));
                }
            }
        }
        let theme_idx = themes_for(
            &name_scores,
            programme_theme,
            &contexts,
            &sentences,
            &themes.rank,
            &mut themes.hits,
        );
        let bt = block_text(&primary.loc);
        let summary = bt[primary.context.0..primary.context.1.min(bt.len())]
            .trim()
            .to_string();
        let mut mentions: Vec<Location> = group.iter().map(|c| c.loc).collect();
        mentions.sort();
        initiatives.push(Initiative {
            id: initiative_id(&doc.id, n),
            doc_id: doc.id.clone(),
            name: name.to_string(),
            canonical: key,
            kind: kind.unwrap_or(InitiativeKind::Measure),
            summary,
            themes: theme_idx
                .into_iter()
                .map(|i| v.themes[i].id.clone())
                .collect(),
            location: primary.loc,
            mentions,
            metric_ids: vec![],
        });
    }

    initiatives
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_keys_group_variants() {
        assert_eq!(
            canonical("我为纳税人缴费人办实事暨便民办税春风行动"),
            "便民办税春风行动"
        );
        assert_eq!(canonical("移动纳税人学堂"), "纳税人学堂");
        assert_eq!(canonical("“锦税E家”"), "锦税e家");
    }
}
