//! Linking: each figure to the initiative named closest to it in its own sentence. Mentions
//! are indexed by block and sorted, so each figure looks only at the mentions of its sentence
//! and a long document stays linear.

use crate::model::{metric_id, Initiative, Metric};
use rustc_hash::FxHashMap;

/// Gives every figure its id and links figures and initiatives both ways. `sentences[m]` is
/// the byte range of figure `m`'s sentence in its block.
pub(super) fn link(
    doc_id: &str,
    initiatives: &mut [Initiative],
    metrics: &mut [Metric],
    sentences: &[(usize, usize)],
) {
    type BlockKey = (usize, Option<usize>);
    // Per block, every mention as (start, end, initiative), by start.
    let mut mentions: FxHashMap<BlockKey, Vec<(usize, usize, usize)>> = FxHashMap::default();
    for (ii, init) in initiatives.iter().enumerate() {
        for l in &init.mentions {
            mentions
                .entry((l.section, l.paragraph))
                .or_default()
                .push((l.start, l.end, ii));
        }
    }
    for list in mentions.values_mut() {
        list.sort_unstable();
    }
    for (k, m) in metrics.iter_mut().enumerate() {
        m.id = metric_id(doc_id, k);
        let (ss, se) = sentences[k];
        let Some(list) = mentions.get(&(m.location.section, m.location.paragraph)) else {
            continue;
        };
        let from = list.partition_point(|&(s, _, _)| s < ss);
        let mut best: Option<(usize, usize)> = None; // (distance, initiative index)
        for &(ls, le, ii) in list[from..].iter().take_while(|&&(s, _, _)| s < se) {
            if le > se {
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
        if let Some((_, ii)) = best {
            m.initiative_id = Some(initiatives[ii].id.clone());
            initiatives[ii].metric_ids.push(m.id.clone());
        }
    }
}
