//! Merging: a document's candidates grouped by canonical key into initiatives, each with its
//! display name, kind, themes, summary and every mention.

use super::block::Cand;
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

/// The initiatives of a document from its candidates, in order of first appearance, with the
/// candidates each was merged from (parallel to the initiatives).
pub(super) fn merge(
    doc: &Document,
    mut cands: Vec<Cand>,
    themes: &mut DocThemes,
) -> (Vec<Initiative>, Vec<Vec<Cand>>) {
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
    let block_text = |l: &Location| doc.block_at(l.section, l.paragraph).unwrap_or("");
    let mut initiatives: Vec<Initiative> = Vec::with_capacity(groups.len());
    // One buffer for every initiative's context slices.
    let mut contexts: Vec<(usize, usize)> = Vec::new();
    for (n, (key, group)) in groups.iter_mut().enumerate() {
        let key = std::mem::take(key);
        let group = &*group;
        let primary = group
            .iter()
            .find(|c| c.loc.paragraph.is_some())
            .unwrap_or(&group[0]);
        let kind = group.iter().map(|c| c.kind).min_by_key(|k| match k {
            InitiativeKind::Named => 0,
            InitiativeKind::Programme => 1,
            InitiativeKind::Measure => 2,
            InitiativeKind::Item => 3,
        });
        // Display name: a quoted name, else a measure phrase, else an item, else the key.
        let rank = |k: InitiativeKind| match k {
            InitiativeKind::Named => 0,
            InitiativeKind::Measure => 1,
            InitiativeKind::Item => 2,
            InitiativeKind::Programme => 3,
        };
        let best = group.iter().min_by_key(|c| rank(c.kind));
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
        for c in group {
            let bt = block_text(&c.loc);
            let at = themes.block_offset(&c.loc);
            contexts.push((at + c.context.0, at + c.context.1.min(bt.len())));
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

    let groups = groups.into_iter().map(|(_, g)| g).collect();
    (initiatives, groups)
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
