//! Initiatives, recognitions, themes and figures from a normalized document, in two stages:
//! candidates tuned for recall ([`candidates`]: quoted names, book titles, phrases ending with
//! a head word, the lexicon's names, lists), then a scorer over each candidate's features
//! ([`features`], [`score`]: a logistic model whose weights are data trained on the dev split).
//! Accepted names are merged per document by canonical key (near-duplicates such as 智能导税区 /
//! 智能导税 become one), given themes from their own words, and linked to the figures
//! ([`figures`]) of their sentence. All vocabulary is data (`data/lexicon.json`,
//! `data/themes.json`, `data/scorer.json`).

mod block;
mod candidates;
mod features;
mod figures;
mod link;
mod merge;
pub mod score;
mod themes;
pub mod vocab;

pub use block::Rule;
pub use merge::canonical;

use block::{BlockCtx, Cand, Spans};
use candidates::{lexicon, lists, phrases, quoted, recognitions};
use features::{features, DocInfo};
use figures::metrics_in;
use link::link;
use merge::merge;
use score::Scorer;
use themes::DocThemes;

use crate::ingest::text::sentences;
use crate::model::{Document, Initiative, Metric, Recognition};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub initiatives: Vec<Initiative>,
    pub metrics: Vec<Metric>,
    pub recognitions: Vec<Recognition>,
}

/// Every block of a document (headings and paragraphs), with its position.
fn blocks(doc: &Document) -> impl Iterator<Item = BlockCtx<'_>> {
    doc.sections.iter().enumerate().flat_map(|(si, section)| {
        section
            .heading
            .iter()
            .map(|h| (None, h.as_str()))
            .chain(
                section
                    .paragraphs
                    .iter()
                    .enumerate()
                    .map(|(pi, p)| (Some(pi), p.as_str())),
            )
            .map(move |(pi, text)| BlockCtx {
                text,
                section: si,
                paragraph: pi,
                sentences: sentences(text),
            })
    })
}

/// Of two accepted names one inside the other, the outer one is the name (24小时自助办税厅, not
/// the lexicon's 24小时自助办税 inside it; 移动纳税人学堂, not 纳税人学堂): nested spans are
/// dropped before crossing ones compete on their scores. One sort and one sweep per document.
fn drop_nested(accepted: &mut Vec<(Cand, f32)>) {
    let key = |c: &Cand| (c.loc.section, c.loc.paragraph);
    let mut order: Vec<usize> = (0..accepted.len()).collect();
    order.sort_by_key(|&k| {
        let c = &accepted[k].0;
        (key(c), c.outer.0, std::cmp::Reverse(c.outer.1))
    });
    let mut nested = vec![false; accepted.len()];
    // The block and span of the last outer candidate.
    type Block = (usize, Option<usize>);
    let mut reach: Option<(Block, (usize, usize))> = None;
    for &k in &order {
        let c = &accepted[k].0;
        match reach {
            Some((b, (s, e))) if b == key(c) && c.outer.1 <= e && (s, e) != c.outer => {
                nested[k] = true;
            }
            Some((b, (_, e))) if b == key(c) && c.outer.1 <= e => {}
            _ => reach = Some((key(c), c.outer)),
        }
    }
    let mut k = 0;
    accepted.retain(|_| {
        k += 1;
        !nested[k - 1]
    });
}

/// A scored candidate, as the trainer sees it.
pub struct CandidateRow {
    pub name: String,
    pub rule: Rule,
    pub features: Vec<&'static str>,
    pub score: f32,
}

/// Every candidate of a document with its block position and features.
fn candidates_of(doc: &Document) -> (Vec<(Cand, Vec<&'static str>)>, Vec<Recognition>) {
    let mut cands: Vec<Cand> = Vec::new();
    let mut recog: Vec<Recognition> = Vec::new();
    let mut block_of: Vec<usize> = Vec::new();
    let all_blocks: Vec<BlockCtx> = blocks(doc).collect();
    for (k, b) in all_blocks.iter().enumerate() {
        let first = cands.len();
        let before = recog.len();
        quoted(b, &mut cands, &mut recog);
        let quotes: Vec<(usize, usize)> = cands[first..].iter().map(|c| c.outer).collect();
        let mut spans: Vec<(usize, usize)> = recog[before..]
            .iter()
            .map(|r| (r.location.start, r.location.end))
            .collect();
        recognitions(b, &mut recog, &mut spans);
        phrases(b, &mut cands, &quotes);
        lexicon(b, &mut cands, &quotes);
        lists(b, &mut cands);
        let honours = Spans::new(spans);
        let mut kept: Vec<Cand> = cands.split_off(first);
        kept.retain(|c| {
            !honours.overlaps(c.outer.0, c.outer.1) && !candidates::never_a_name(&c.name, c.rule)
        });
        block_of.extend(std::iter::repeat_n(k, kept.len()));
        cands.extend(kept);
    }
    let mut counts = rustc_hash::FxHashMap::default();
    for c in &cands {
        *counts.entry(c.name.as_str()).or_insert(0usize) += 1;
    }
    let mut own: Vec<String> = [&doc.province, &doc.city, &doc.district]
        .iter()
        .filter_map(|p| p.as_ref().map(|p| p.short.clone()))
        .filter(|s| s.chars().count() >= 2)
        .collect();
    own.extend(doc.bureau.iter().map(|b| b.name.clone()));
    let info = DocInfo {
        title: &doc.title,
        counts,
        own,
    };
    let rows: Vec<Vec<&'static str>> = cands
        .iter()
        .zip(&block_of)
        .map(|(c, &k)| {
            let mut f = Vec::with_capacity(32);
            features(&info, &all_blocks[k], c, &mut f);
            f
        })
        .collect();
    (cands.into_iter().zip(rows).collect(), recog)
}

/// The candidates of a document with their features and scores (for training and inspection).
pub fn candidate_rows(doc: &Document, scorer: &Scorer) -> Vec<CandidateRow> {
    candidates_of(doc)
        .0
        .into_iter()
        .map(|(c, f)| CandidateRow {
            score: scorer.score(&f),
            name: c.name,
            rule: c.rule,
            features: f,
        })
        .collect()
}

/// Every initiative, recognition and figure of a document. Never panics (fuzzed), and costs
/// time linear in the document's size.
pub fn extract(doc: &Document) -> Extracted {
    extract_with(doc, Scorer::get())
}

/// [`extract`] with another scorer (the trainer tries thresholds with it).
pub fn extract_with(doc: &Document, scorer: &Scorer) -> Extracted {
    let (scored, recog) = candidates_of(doc);
    // The accepted candidates: at the threshold, and of overlapping ones the best scored.
    let mut accepted: Vec<(Cand, f32)> = scored
        .into_iter()
        .map(|(c, f)| {
            let s = scorer.score(&f);
            (c, s)
        })
        .filter(|(_, s)| *s >= scorer.threshold)
        .collect();
    drop_nested(&mut accepted);
    accepted.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| {
            (a.0.loc.section, a.0.loc.paragraph, a.0.loc.start).cmp(&(
                b.0.loc.section,
                b.0.loc.paragraph,
                b.0.loc.start,
            ))
        })
    });
    // The taken spans of a block are disjoint, so one ordered map answers "does this overlap"
    // in logarithmic time (a paragraph of megabytes may hold thousands of names).
    let mut taken: rustc_hash::FxHashMap<(usize, Option<usize>), BTreeMap<usize, usize>> =
        rustc_hash::FxHashMap::default();
    let mut cands: Vec<Cand> = Vec::with_capacity(accepted.len());
    for (c, _) in accepted {
        let spans = taken.entry((c.loc.section, c.loc.paragraph)).or_default();
        let (s, e) = c.outer;
        let overlaps = spans
            .range(..e)
            .next_back()
            .is_some_and(|(_, &end)| end > s);
        if overlaps {
            continue;
        }
        spans.insert(s, e);
        cands.push(c);
    }
    // Figures, with the numbers inside accepted names (24小时自助办税厅) left to the names.
    let mut metrics: Vec<Metric> = Vec::with_capacity(doc.chars / 64 + 4);
    let mut metric_sentences: Vec<(usize, usize)> = Vec::with_capacity(metrics.capacity());
    for b in blocks(doc) {
        let names: Vec<(usize, usize)> = taken
            .get(&(b.section, b.paragraph))
            .map(|m| m.iter().map(|(&s, &e)| (s, e)).collect())
            .unwrap_or_default();
        let n_before = metrics.len();
        metrics_in(&b, &doc.id, &Spans::new(names), &mut metrics);
        for m in &metrics[n_before..] {
            metric_sentences.push(b.sentence_of(m.location.start));
        }
    }
    let mut themes = DocThemes::new(doc);
    let mut initiatives = merge(doc, cands, &mut themes);
    link(&doc.id, &mut initiatives, &mut metrics, &metric_sentences);
    Extracted {
        initiatives,
        metrics,
        recognitions: recog,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bound, DocKind, MetricCategory, Normalized, Provenance, Section};

    fn doc(paragraphs: &[&str]) -> Document {
        Document {
            id: "t".into(),
            source_file: "t.txt".into(),
            title: "t".into(),
            title_source: Provenance::FirstLine,
            date: None,
            date_source: None,
            publisher: None,
            publisher_source: None,
            kind: DocKind::Other,
            authors: vec![],
            bureau: None,
            province: None,
            city: None,
            district: None,
            url: None,
            sections: vec![Section {
                heading: None,
                number: None,
                paragraphs: paragraphs.iter().map(|s| s.to_string()).collect(),
            }],
            images: vec![],
            credits: vec![],
            recognitions: vec![],
            initiative_ids: vec![],
            metric_ids: vec![],
            flags: vec![],
            chars: 0,
        }
    }

    fn names(e: &Extracted) -> Vec<&str> {
        e.initiatives.iter().map(|i| i.name.as_str()).collect()
    }

    #[test]
    fn named_measure_programme_item() {
        let d = doc(&[
            "一是优化服务。持续打造“锦税e家”服务品牌，他们设置了特殊群体绿色通道，开展纳税人学堂15次。二是强化保障。",
        ]);
        let e = extract(&d);
        let n = names(&e);
        assert!(n.contains(&"锦税e家"), "{n:?}");
        assert!(n.contains(&"特殊群体绿色通道"), "{n:?}");
        assert!(n.contains(&"纳税人学堂"), "{n:?}");
        // 一是优化服务 is a speech item, not a name.
        assert!(!n.contains(&"优化服务"), "{n:?}");
        let brand = e.initiatives.iter().find(|i| i.name == "锦税e家").unwrap();
        assert!(brand.themes.contains(&"service_hall".to_string()));
        let m = e.metrics.iter().find(|m| m.raw == "15次").unwrap();
        let school = e
            .initiatives
            .iter()
            .find(|i| i.name == "纳税人学堂")
            .unwrap();
        assert_eq!(m.initiative_id.as_ref(), Some(&school.id));
    }

    #[test]
    fn headings_and_speech_items_are_not_names() {
        let mut d = doc(&["开设纳税人学堂12场。"]);
        d.sections[0].heading = Some("细心感受，持续优化纳税服务环境".into());
        d.sections[0].number = Some("一".into());
        let e = extract(&d);
        assert_eq!(names(&e), vec!["纳税人学堂"]);
        let m = e.metrics.iter().find(|m| m.raw == "12场").unwrap();
        assert_eq!(m.initiative_id.as_ref(), Some(&e.initiatives[0].id));
    }

    #[test]
    fn quoted_compound_is_two_programmes() {
        let d = doc(&["全面开展“我为纳税人缴费人办实事暨便民办税春风行动”，推出10项举措。"]);
        let e = extract(&d);
        let n = names(&e);
        assert!(n.contains(&"我为纳税人缴费人办实事"), "{n:?}");
        assert!(n.contains(&"便民办税春风行动"), "{n:?}");
        assert!(!n.iter().any(|x| x.contains('暨')), "{n:?}");
    }

    #[test]
    fn rhetoric_honours_and_companies_are_not_initiatives() {
        let d = doc(&["破解群众“急难愁盼”问题，被授予“全国工人先锋号”称号，“江苏某某有限公司”表示感谢，树立“以人为本”理念，统筹把握的“快进度”。"]);
        let e = extract(&d);
        assert!(names(&e).is_empty(), "{:?}", names(&e));
        assert_eq!(e.recognitions[0].name, "全国工人先锋号");
    }

    #[test]
    fn metrics_with_qualifiers_and_scales() {
        let d = doc(&["咨询热线接听量合计4.8万余通，答复近2000条，贷款22.82亿元，时长缩短87%，获得三面锦旗，2021年，24小时服务。"]);
        let e = extract(&d);
        let get = |raw: &str| {
            e.metrics
                .iter()
                .find(|m| m.raw == raw)
                .unwrap_or_else(|| panic!("{raw} in {:?}", e.metrics))
        };
        let a = get("4.8万余通");
        assert_eq!(
            (a.value, a.unit.as_str(), a.bound),
            (4.8, "万通", Bound::LowerBound)
        );
        assert_eq!(a.normalized.as_ref().unwrap().value, 48000.0);
        let b = get("近2000条");
        assert_eq!((b.value, b.bound), (2000.0, Bound::Approximate));
        let c = get("22.82亿元");
        assert_eq!(
            c.normalized.as_ref().unwrap(),
            &Normalized {
                value: 2_282_000_000.0,
                unit: "元".into()
            }
        );
        assert_eq!(c.category, MetricCategory::Money);
        let p = get("87%");
        assert_eq!(p.label, "时长 缩短");
        let cn = get("三面");
        assert!(cn.chinese_numeral);
        assert_eq!(cn.value, 3.0);
        assert!(!e.metrics.iter().any(|m| m.raw.contains("2021")));
    }
}
