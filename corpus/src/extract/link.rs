//! Linking: each figure to the initiative named closest to it in the same sentence, else to
//! the enumerated item it lies in. Mentions are indexed by block, so a long document stays
//! linear.

use super::block::Cand;
use crate::model::{metric_id, Initiative, InitiativeKind, Metric};
use rustc_hash::FxHashMap;

/// Gives every figure its id and links figures and initiatives both ways. `groups[k]` are the
/// candidates initiative `k` was merged from; `sentences[m]` is the byte range of figure `m`'s
/// sentence in its block.
pub(super) fn link(
    doc_id: &str,
    initiatives: &mut [Initiative],
    groups: &[Vec<Cand>],
    metrics: &mut [Metric],
    sentences: &[(usize, usize)],
) {
    // Metrics: ids, and the initiative named in the same sentence (else the enclosing item).
    // Mentions are indexed by block so a long document stays linear.
    type BlockKey = (usize, Option<usize>);
    let mut mentions_by_block: FxHashMap<BlockKey, Vec<(usize, usize, usize)>> =
        FxHashMap::default();
    let mut items_by_block: FxHashMap<BlockKey, Vec<(usize, usize, usize)>> = FxHashMap::default();
    for (ii, init) in initiatives.iter().enumerate() {
        if init.kind == InitiativeKind::Item {
            if let Some(c) = groups[ii].first() {
                let l = init.location;
                items_by_block
                    .entry((l.section, l.paragraph))
                    .or_default()
                    .push((c.context.0, c.context.1, ii));
            }
        } else {
            for l in &init.mentions {
                mentions_by_block
                    .entry((l.section, l.paragraph))
                    .or_default()
                    .push((l.start, l.end, ii));
            }
        }
    }
    for (k, m) in metrics.iter_mut().enumerate() {
        m.id = metric_id(doc_id, k);
        let (ss, se) = sentences[k];
        let key = (m.location.section, m.location.paragraph);
        let mut best: Option<(usize, usize)> = None; // (distance, initiative index)
        for &(ls, le, ii) in mentions_by_block.get(&key).into_iter().flatten() {
            if ls < ss || le > se {
                continue;
            }
            let d = if le <= m.location.start {
                m.location.start - le
            } else {
                ls.saturating_sub(m.location.end)
            };
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, ii));
            }
        }
        if best.is_none() {
            for &(cs, ce, ii) in items_by_block.get(&key).into_iter().flatten() {
                if m.location.start >= cs && m.location.end <= ce {
                    best = Some((0, ii));
                }
            }
        }
        if let Some((_, ii)) = best {
            m.initiative_id = Some(initiatives[ii].id.clone());
            initiatives[ii].metric_ids.push(m.id.clone());
        }
    }
}
