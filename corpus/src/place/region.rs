//! Where a bureau is: the divisions named in its name, resolved in the gazetteer, else a
//! province named in the running text (inferred).

use super::bureau::{specificity, BureauMatch, Token};
use super::gazetteer::Gazetteer;
use crate::model::{Place, Provenance};
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::OnceLock;

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Region {
    pub province: Option<Place>,
    pub city: Option<Place>,
    pub district: Option<Place>,
}

fn place(idx: usize, provenance: Provenance) -> Place {
    let d = &Gazetteer::get().divisions[idx];
    Place {
        code: d.code.clone(),
        name: d.name.clone(),
        short: d.short.clone(),
        provenance,
    }
}

/// The place chain to resolve a bureau's region with: the most specific form of the same
/// bureau named anywhere (江苏镇江经济技术开发区税务局 for 镇江经济技术开发区税务局).
pub fn region_source<'a>(chosen: &'a BureauMatch, all: &'a [BureauMatch]) -> &'a BureauMatch {
    all.iter()
        .filter(|b| b.name.ends_with(&chosen.name))
        .max_by_key(|b| (specificity(b), b.name.len()))
        .filter(|b| specificity(b) > specificity(chosen))
        .unwrap_or(chosen)
}

/// Resolves the divisions named in a bureau, keeping parent/child consistency (锦江区 is
/// looked for under 成都市 when 成都市 precedes it). A name shared by several divisions is
/// taken inside `hint` (a province the text names) when that decides it; otherwise it stays
/// unknown rather than guessed.
pub fn region_of_bureau(m: &BureauMatch, hint: Option<usize>) -> Region {
    let g = Gazetteer::get();
    let mut resolved: Option<usize> = None;
    for t in &m.tokens {
        let Token::Division { idx, short } = *t else {
            continue;
        };
        let d = &g.divisions[idx];
        // Every division this token may name.
        let mut same: Vec<usize> = if short {
            g.by_short_name(&d.short)
                .iter()
                .chain(g.by_short_name(&d.name))
                .copied()
                .collect()
        } else {
            g.by_full_name(&d.name).to_vec()
        };
        same.push(idx);
        same.sort_unstable();
        same.dedup();
        let chosen = match resolved {
            // A name that is not inside what precedes it is ignored, not guessed.
            Some(r) => same.iter().copied().find(|&i| g.is_within(i, r)),
            None => {
                // A municipality is a province and a city of one name: the province, unless
                // a district follows (it is then found inside either).
                let ancestor = same
                    .iter()
                    .copied()
                    .find(|&a| same.iter().all(|&i| g.is_within(i, a)));
                let hinted: Vec<usize> = match hint {
                    Some(h) => same
                        .iter()
                        .copied()
                        .filter(|&i| g.is_within(i, h))
                        .collect(),
                    None => vec![],
                };
                if same.len() == 1 {
                    Some(same[0])
                } else if let Some(a) = ancestor {
                    Some(a)
                } else if hinted.len() == 1 {
                    Some(hinted[0])
                } else {
                    None
                }
            }
        };
        if let Some(c) = chosen {
            resolved = Some(c);
        }
    }
    let Some(mut r) = resolved else {
        return Region::default();
    };
    // A zone or unit of a municipality is below its city level (天津港保税区税务局: city 天津).
    if g.divisions[r].level == 1 && m.tokens.iter().any(|t| matches!(t, Token::Zone)) {
        if let Some(city) = g
            .by_full_name(&g.divisions[r].name)
            .iter()
            .copied()
            .find(|&c| g.divisions[c].level == 2 && g.divisions[c].parent == Some(r))
        {
            r = city;
        }
    }
    let prov = g.ancestor_at(r, 1).map(|i| place(i, Provenance::Bureau));
    let city = g.ancestor_at(r, 2).map(|i| place(i, Provenance::Bureau));
    let district = g.ancestor_at(r, 3).map(|i| place(i, Provenance::Bureau));
    Region {
        province: prov,
        city,
        district,
    }
}

/// The city-level entry of a municipality (北京市 → its 北京市 city), for a bureau below the
/// province level there (县税务局 of 重庆, a zone of 天津): `None` for other provinces.
pub fn municipality_city(province: &Place) -> Option<Place> {
    let g = Gazetteer::get();
    let p = g
        .by_full_name(&province.name)
        .iter()
        .copied()
        .find(|&i| g.divisions[i].level == 1)?;
    g.by_full_name(&province.name)
        .iter()
        .copied()
        .find(|&c| g.divisions[c].level == 2 && g.divisions[c].parent == Some(p))
        .map(|c| place(c, province.provenance))
}

/// Whether a bureau's name says it is below the province level: a zone, a county or district
/// (written, anonymized or bare: 县税务局, **区税务局). A unit is where its bureau is (重庆市税务局
/// 第三税务分局 is a unit of the provincial bureau).
pub fn below_province(m: &BureauMatch) -> bool {
    let g = Gazetteer::get();
    m.tokens.iter().any(|t| match t {
        Token::Zone => true,
        Token::Division { idx, .. } => g.divisions[*idx].level >= 2,
        Token::Anonymized | Token::Generic => m
            .name
            .trim_start_matches(['X', 'x', '×', '*', '＊', 'Ｘ', '某'])
            .starts_with(['区', '县', '旗']),
        Token::National => false,
    })
}

/// A province named in the running text, when exactly one is named.
pub fn infer_province(text: &str) -> Option<Place> {
    // One pass over the text for every province's full and short name (a `contains` per name
    // was 68 scans of each document whose bureau states no province). Overlapping matching
    // reports every name that occurs anywhere, so the set found is the same; a second
    // province ends the search, since the answer is then none.
    static NAMES: OnceLock<(AhoCorasick, Vec<usize>)> = OnceLock::new();
    let (ac, province_of) = NAMES.get_or_init(|| {
        let g = Gazetteer::get();
        let mut names: Vec<&str> = Vec::new();
        let mut province_of = Vec::new();
        for p in g.provinces() {
            let d = &g.divisions[p];
            names.push(d.name.as_str());
            province_of.push(p);
            if d.short.chars().count() >= 2 {
                names.push(d.short.as_str());
                province_of.push(p);
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&names)
            .expect("province names build an automaton");
        (ac, province_of)
    });
    let mut found: Option<usize> = None;
    for m in ac.find_overlapping_iter(text) {
        let p = province_of[m.pattern().as_usize()];
        match found {
            None => found = Some(p),
            Some(q) if q != p => return None,
            Some(_) => {}
        }
    }
    found.map(|p| place(p, Provenance::Inferred))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::bureau::{bureau_of, choose_bureau, find_bureaus};

    #[test]
    fn repeated_names_are_found_at_each_place() {
        // The second and third spans repeat the first: answered from the memo, at their own
        // offsets; a different left context still parses on its own.
        let text = "成都市天府新区税务局推行；锦江区税务局开展；锦江区税务局走访。\
                    国家税务总局成都市锦江区税务局";
        let found = find_bureaus(text, false);
        let names: Vec<&str> = found.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "成都市天府新区税务局",
                "锦江区税务局",
                "锦江区税务局",
                "国家税务总局成都市锦江区税务局"
            ]
        );
        for b in &found {
            assert!(text[b.start..].starts_with(&b.name));
        }
        assert_eq!(
            choose_bureau(&[], &find_bureaus("XX省某县税务局", false)).map(|b| b.name),
            Some("XX省某县税务局".into())
        );
    }

    #[test]
    fn resolves_regions() {
        let b = &find_bureaus("国家税务总局成都市锦江区税务局", false)[0];
        let r = region_of_bureau(b, None);
        assert_eq!(r.province.unwrap().short, "四川");
        assert_eq!(r.city.unwrap().short, "成都");
        assert_eq!(r.district.unwrap().name, "锦江区");
        let b = &find_bureaus("江苏镇江经济技术开发区税务局", false)[0];
        let r = region_of_bureau(b, None);
        assert_eq!(r.province.unwrap().short, "江苏");
        assert_eq!(r.city.unwrap().short, "镇江");
        assert!(r.district.is_none());
        let b = &find_bureaus("XX市税务局", false)[0];
        assert!(bureau_of(b).anonymized);
        assert_eq!(region_of_bureau(b, None), Region::default());
        let b = &find_bureaus("北京市地税局", false)[0];
        let r = region_of_bureau(b, None);
        assert_eq!(r.province.unwrap().short, "北京");
        assert!(r.city.is_none(), "the municipality's own bureau");
        let b = &find_bureaus("北京市门头沟区地税局", false)[0];
        let r = region_of_bureau(b, None);
        assert_eq!(r.city.unwrap().short, "北京");
        assert_eq!(r.district.unwrap().name, "门头沟区");
        let b = &find_bureaus("国家税务总局黔东南州税务局", false)[0];
        assert_eq!(region_of_bureau(b, None).city.unwrap().short, "黔东南");
        // A county's former name: 茌平县 became 茌平区 of 聊城 in 2019.
        let b = &find_bureaus("今年起，茌平县国税局推行", false)[0];
        assert_eq!(b.name, "茌平县国税局");
        let r = region_of_bureau(b, None);
        assert_eq!(r.province.unwrap().short, "山东");
        assert_eq!(r.city.unwrap().short, "聊城");
        assert_eq!(r.district.unwrap().name, "茌平区");
    }

    #[test]
    fn infers_single_province_only() {
        assert_eq!(
            infer_province("对湖北工作的重要指示").unwrap().short,
            "湖北"
        );
        assert!(infer_province("湖北和湖南").is_none());
        assert!(infer_province("没有地名").is_none());
    }

    #[test]
    fn one_pass_province_search_agrees_with_a_scan_per_name() {
        // The rule as first written: one `contains` per full and (2+ character) short name.
        let reference = |text: &str| {
            let g = Gazetteer::get();
            let found: Vec<usize> = g
                .provinces()
                .filter(|&p| {
                    let d = &g.divisions[p];
                    text.contains(d.name.as_str())
                        || (d.short.chars().count() >= 2 && text.contains(d.short.as_str()))
                })
                .collect();
            (found.len() == 1).then(|| place(found[0], Provenance::Inferred).code)
        };
        let g = Gazetteer::get();
        let mut texts: Vec<String> = vec![String::new(), "没有地名".into(), "内蒙".into()];
        let provinces: Vec<usize> = g.provinces().collect();
        for (k, &p) in provinces.iter().enumerate() {
            let d = &g.divisions[p];
            let next = &g.divisions[provinces[(k + 1) % provinces.len()]];
            texts.push(format!("来自{}的报道", d.name));
            texts.push(format!("{}税务：{}，再说{}", d.short, d.name, d.short));
            texts.push(format!("{}与{}联动", d.short, next.short));
            texts.push(format!("{}{}", d.name, next.name));
        }
        for seed in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../data/raw"))
            .expect("seed folder")
        {
            texts.push(
                String::from_utf8_lossy(&std::fs::read(seed.unwrap().path()).unwrap()).into(),
            );
        }
        for t in &texts {
            assert_eq!(
                infer_province(t).map(|p| p.code),
                reference(t),
                "{}",
                t.chars().take(40).collect::<String>()
            );
        }
    }

    #[test]
    fn a_county_or_zone_of_a_municipality_is_in_its_city() {
        let chongqing = infer_province("重庆市的一个县").unwrap();
        let city = municipality_city(&chongqing).unwrap();
        assert_eq!(city.short, "重庆");
        assert_ne!(city.code, chongqing.code, "the city-level entry");
        assert!(municipality_city(&infer_province("四川省").unwrap()).is_none());
        let below = |t: &str| below_province(&find_bureaus(t, false)[0]);
        assert!(below("县税务局开展"));
        assert!(below("**区税务局开展"));
        assert!(below("国家税务总局天津港保税区税务局"));
        assert!(!below("国家税务总局重庆市税务局第三税务分局"));
        assert!(!below("市税务局开展"));
    }
}
