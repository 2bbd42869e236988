//! Figures you can compare: grouped by what they measure in, so that no chart puts two
//! kinds or two units on one axis. A group is a kind and the unit of its normalized value
//! (`money` in 元, `duration` in minutes, `percent` in % apart from 百分点, and counts by their
//! unit: 户, 条 and 人次 are three groups); values are the build step's normalized ones.

use crate::data::{Dataset, MetricRef};
use corpus::model::MetricCategory;

/// A group of comparable figures.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    pub category: MetricCategory,
    /// The unit every value of the group is in (normalized).
    pub unit: String,
}

impl Group {
    /// `money:元`, `count:户` — how the URL names it.
    pub fn key(&self) -> String {
        format!("{}:{}", self.category.id(), self.unit)
    }

    pub fn from_key(k: &str) -> Option<Group> {
        let (c, u) = k.split_once(':')?;
        Some(Group {
            category: MetricCategory::from_id(c)?,
            unit: u.to_string(),
        })
    }

    pub fn of(m: &MetricRef) -> Group {
        Group {
            category: m.category,
            unit: m.normalized.map_or(m.unit, |n| n.1).to_string(),
        }
    }
}

/// The figures of the results: attached to a result initiative, or unattached in a result
/// document (in document order).
pub fn of_results<'a>(ds: &'a Dataset, results: &[usize]) -> Vec<MetricRef<'a>> {
    let mut in_results = vec![false; ds.n_initiatives()];
    let mut docs = vec![false; ds.docs().len()];
    for &i in results {
        in_results[i] = true;
        docs[ds.init_doc[i] as usize] = true;
    }
    (0..ds.n_metrics())
        .filter(|&m| match ds.ix.met_init[m] {
            corpus::pack::NONE => docs[ds.met_doc[m] as usize],
            i => in_results[i as usize],
        })
        .map(|m| ds.metric(m))
        .collect()
}

/// The groups present, largest first (ties: kind, then unit), with their sizes.
pub fn groups(figures: &[MetricRef]) -> Vec<(Group, usize)> {
    let mut counts: std::collections::BTreeMap<Group, usize> = Default::default();
    for m in figures {
        *counts.entry(Group::of(m)).or_default() += 1;
    }
    let mut v: Vec<(Group, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Document,
    ValueDesc,
    ValueAsc,
    Label,
}

/// The figures of one group, sorted.
pub fn in_group<'a>(figures: &[MetricRef<'a>], g: &Group, sort: Sort) -> Vec<MetricRef<'a>> {
    let mut out: Vec<MetricRef> = figures
        .iter()
        .filter(|m| Group::of(m) == *g)
        .copied()
        .collect();
    match sort {
        Sort::Document => {}
        Sort::ValueDesc => out.sort_by(|a, b| b.comparable().total_cmp(&a.comparable())),
        Sort::ValueAsc => out.sort_by(|a, b| a.comparable().total_cmp(&b.comparable())),
        Sort::Label => out.sort_by(|a, b| a.label.cmp(b.label)),
    }
    out
}

/// Names of kinds for the group buttons.
pub fn category_label(c: MetricCategory, en: bool) -> &'static str {
    match (c, en) {
        (MetricCategory::Percent, false) => "比例",
        (MetricCategory::Percent, true) => "Percentages",
        (MetricCategory::Money, false) => "金额",
        (MetricCategory::Money, true) => "Amounts",
        (MetricCategory::Count, false) => "数量",
        (MetricCategory::Count, true) => "Counts",
        (MetricCategory::Duration, false) => "时长",
        (MetricCategory::Duration, true) => "Durations",
        (MetricCategory::Length, false) => "长度",
        (MetricCategory::Length, true) => "Lengths",
    }
}

/// A unit as a reader expects it (durations are normalized to minutes). In English a count's
/// measure word is named and kept in brackets (households (户)), since it is what the text says.
pub fn unit_label(unit: &str, en: bool) -> String {
    match (unit, en) {
        ("分钟", true) | ("minutes", true) | ("min", true) => "minutes".into(),
        ("minutes", false) | ("min", false) => "分钟".into(),
        ("元", true) => "yuan".into(),
        ("%", _) => "%".into(),
        ("百分点", true) => "percentage points".into(),
        (u, true) => match COUNT_UNITS_EN.iter().find(|(zh, _)| *zh == u) {
            Some((_, e)) => format!("{e} ({u})"),
            None => u.into(),
        },
        (u, false) => u.into(),
    }
}

/// English names of the measure words counts come with.
const COUNT_UNITS_EN: &[(&str, &str)] = &[
    ("户", "households"),
    ("户次", "household visits"),
    ("人", "people"),
    ("名", "people"),
    ("位", "people"),
    ("人次", "person-times"),
    ("家", "firms"),
    ("个", "items"),
    ("项", "items"),
    ("条", "items"),
    ("件", "cases"),
    ("笔", "transactions"),
    ("次", "times"),
    ("场", "sessions"),
    ("场次", "sessions"),
    ("期", "sessions"),
    ("批", "batches"),
    ("台", "machines"),
    ("种", "kinds"),
    ("类", "categories"),
    ("大类", "categories"),
    ("篇", "articles"),
    ("份", "copies"),
    ("张", "sheets"),
    ("支", "teams"),
    ("队", "teams"),
    ("所", "offices"),
    ("处", "places"),
    ("座", "buildings"),
    ("地", "places"),
    ("通", "calls"),
    ("天", "days"),
    ("小时", "hours"),
    ("个月", "months"),
    ("年", "years"),
    ("周", "weeks"),
    ("米", "metres"),
    ("公里", "km"),
    ("平方米", "m²"),
    ("万元", "10,000 yuan"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_read_in_both_languages() {
        assert_eq!(unit_label("户", true), "households (户)");
        assert_eq!(unit_label("户", false), "户");
        assert_eq!(unit_label("分钟", true), "minutes");
        assert_eq!(unit_label("min", false), "分钟");
        assert_eq!(unit_label("%", true), "%");
        // An unknown measure word stays as written.
        assert_eq!(unit_label("锦旗", true), "锦旗");
    }
}
