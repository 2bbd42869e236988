//! Initiatives, recognitions, themes and metrics from a normalized document.
//!
//! Rules, in the order a reader would apply them:
//! - **Named**: a quotation “…” or 《…》 that is introduced by an action verb (打造, 推出 …),
//!   followed by a measure word (“镇合意”服务品牌), defined (“三率一度”：即 …) or itself ends with
//!   one. Quotations followed by 问题/理念/的 …, speech, slogans of three or more parts and
//!   honours are not initiatives.
//! - **Measure**: an unquoted phrase ending with a measure word (…通道, …专窗, …系统), its left
//!   edge at the last action verb, function word or counted number.
//! - **Programme**: a nationally used programme name from the lexicon (留抵退税, 纳税人学堂).
//! - **Item**: an enumerated item 一是…二是…; its text is the summary.
//! - **List**: `推行A、B等服务` gives A and B.
//!
//! Mentions with the same canonical key are merged per document. All vocabulary is data
//! (`data/lexicon.json`, `data/themes.json`).

mod block;
mod candidates;
mod figures;
mod link;
mod merge;
mod themes;
pub mod vocab;

pub use merge::canonical;

use block::{BlockCtx, Cand, Spans};
use candidates::{items, lists, measures, named, programmes, recognitions};
use figures::metrics_in;
use link::link;
use merge::merge;
use themes::DocThemes;

use crate::ingest::text::{char_len, sentences};
use crate::model::{Document, Initiative, InitiativeKind, Metric, Recognition};

#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub initiatives: Vec<Initiative>,
    pub metrics: Vec<Metric>,
    pub recognitions: Vec<Recognition>,
}

/// Every initiative, recognition and figure of a document. Never panics (fuzzed), and costs
/// time linear in the document's size.
pub fn extract(doc: &Document) -> Extracted {
    // Sized from the text so the large records are not copied as the vectors grow: the
    // generated corpora run to ~24 initiatives and ~27 figures per 1,000 characters, real
    // articles (the seeds: 15 and 6) to fewer; an estimate off costs a doubling or idle capacity.
    let mut cands: Vec<Cand> = Vec::with_capacity(doc.chars / 32 + 8);
    let mut recog: Vec<Recognition> = Vec::new();
    let mut metrics: Vec<Metric> = Vec::with_capacity(doc.chars / 32 + 4);
    // The sentence of each figure, for linking.
    let mut metric_sentences: Vec<(usize, usize)> = Vec::with_capacity(metrics.capacity());

    for (si, section) in doc.sections.iter().enumerate() {
        let blocks = section.heading.iter().map(|h| (None, h.as_str())).chain(
            section
                .paragraphs
                .iter()
                .enumerate()
                .map(|(pi, p)| (Some(pi), p.as_str())),
        );
        for (pi, text) in blocks {
            let b = BlockCtx {
                text,
                section: si,
                paragraph: pi,
                sentences: sentences(text),
            };
            let mut taken: Vec<(usize, usize)> = Vec::new();
            let before = recog.len();
            let block_first = cands.len();
            named(&b, &mut cands, &mut recog, &mut taken);
            let quote_ends: Vec<usize> = taken.iter().map(|&(_, e)| e).collect();
            let mut recog_spans: Vec<(usize, usize)> = recog[before..]
                .iter()
                .map(|r| (r.location.start, r.location.end))
                .collect();
            recognitions(&b, &mut recog, &mut recog_spans);
            let mut block_taken = taken.clone();
            block_taken.extend(recog_spans.iter().copied());
            let block_taken = Spans::new(block_taken);
            let recog_index = Spans::new(recog_spans);
            let mut block_cands = Vec::new();
            measures(&b, &mut block_cands, &block_taken, &quote_ends);
            lists(&b, &mut block_cands, &block_taken);
            block_cands.retain(|c| !recog_index.overlaps(c.loc.start, c.loc.end));
            // Drop a measure inside a longer measure: sweep by start, widest first.
            block_cands.sort_by_key(|c| (c.loc.start, std::cmp::Reverse(c.loc.end)));
            let mut keep = Vec::with_capacity(block_cands.len());
            let mut widest: Option<(usize, usize)> = None;
            for c in block_cands {
                let (s, e) = (c.loc.start, c.loc.end);
                let inside_longer = widest.is_some_and(|(ws, we)| we >= e && (we - ws) > (e - s));
                if widest.is_none_or(|(_, we)| e > we) {
                    widest = Some((s, e));
                }
                if !inside_longer {
                    keep.push(c);
                }
            }
            cands.extend(keep);
            programmes(&b, &mut cands, &recog_index);
            items(&b, &mut cands);
            // A numbered heading (一、…) is an enumerated item of its own.
            if pi.is_none() && section.number.is_some() && (2..=40).contains(&char_len(text)) {
                cands.push(Cand {
                    name: text.to_string(),
                    kind: InitiativeKind::Item,
                    loc: b.loc(0, text.len()),
                    context: (0, text.len()),
                });
            }
            // Numbers inside a name (24小时自助办税厅) are part of the name, not metrics.
            let name_spans: Vec<(usize, usize)> = cands[block_first..]
                .iter()
                .filter(|c| c.kind != InitiativeKind::Item)
                .map(|c| (c.loc.start, c.loc.end))
                .collect();
            let n_before = metrics.len();
            metrics_in(&b, &doc.id, &Spans::new(name_spans), &mut metrics);
            for m in &metrics[n_before..] {
                metric_sentences.push(b.sentence_of(m.location.start));
            }
        }
    }

    let mut themes = DocThemes::new(doc);
    let (mut initiatives, groups) = merge(doc, cands, &mut themes);
    link(
        &doc.id,
        &mut initiatives,
        &groups,
        &mut metrics,
        &metric_sentences,
    );
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
        assert!(n.contains(&"优化服务"), "{n:?}");
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
    fn numbered_headings_are_items() {
        let mut d = doc(&["开设纳税人学堂12场。"]);
        d.sections[0].heading = Some("细心感受，持续优化纳税服务环境".into());
        d.sections[0].number = Some("一".into());
        let e = extract(&d);
        let item = e
            .initiatives
            .iter()
            .find(|i| i.name == "细心感受，持续优化纳税服务环境")
            .expect("heading item");
        assert_eq!(item.kind, InitiativeKind::Item);
        assert_eq!(item.location.paragraph, None);
        assert!(
            item.themes.contains(&"outreach".to_string()),
            "{:?}",
            item.themes
        );
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
