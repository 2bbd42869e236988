//! The document's bureau among the names it writes: grouped by who they name (linear in the
//! number of names), the title's first, and written in the fullest form the document uses.

use super::{BureauForm, BureauMatch, Family, Token};
use crate::fold::fold_char;
use crate::place::gazetteer::Gazetteer;

/// How specific a name is: stated nationally, and the deepest division it names.
pub(in crate::place) fn specificity(b: &BureauMatch) -> u8 {
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
