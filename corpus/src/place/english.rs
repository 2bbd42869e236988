//! English names of the Chinese administrative divisions, for the app's English mode:
//! 四川省 → Sichuan Province, 成都市 → Chengdu, 锦江区 → Jinjiang District, 黔东南苗族侗族自治州 →
//! Qiandongnan Miao and Dong Autonomous Prefecture; and of their short names as the facets show
//! them: 四川 → Sichuan, 内蒙古 → Inner Mongolia, 锦江 → Jinjiang.
//!
//! A name is its specific part plus its kind, and each is put into English on its own:
//!
//! - **The specific part** (成都, 锦江) is looked up in `data/place_en.tsv` (conventional names:
//!   Shaanxi, Inner Mongolia, Tibet, Hong Kong, Macao; minority-language names: Hohhot, Urumqi,
//!   Kashgar, Shigatse; polyphonic characters read otherwise in that place: 六安 Lu'an, 蚌埠
//!   Bengbu, 乐亭 Laoting); anything not listed is its pinyin from the `pinyin` crate: the
//!   toneless syllables joined without spaces, the first letter capitalized, an apostrophe before
//!   a syllable that starts with a, o or e when it is not the first one (Xi'an, Dong'e), and ü
//!   written u (吕梁 Luliang), so the result is plain ASCII. The file also sets a character's
//!   reading where place names never use the crate's first one (长 chang, 都 du).
//! - **The kind** becomes an English word after the name. Provinces: 省 Province, 自治区
//!   Autonomous Region; the municipalities (北京市 Beijing) and the special administrative regions
//!   (香港特别行政区 Hong Kong) have none. Prefectures: the cities have none, as English usage writes
//!   them (成都市 Chengdu, not Chengdu City); 地区 Prefecture, 盟 League, 自治州 Autonomous
//!   Prefecture. Counties: 区 District, 县 County, 市 City (county-level cities, to tell them from
//!   the prefecture-level ones: 都江堰市 Dujiangyan City), 旗 Banner, 自治县 Autonomous County,
//!   自治旗 Autonomous Banner, 联合旗 United Banner, 特区 Special District, 矿区 Mining District,
//!   林区 Forestry District, 新区 New Area; a banner's wing and position are English too
//!   (科尔沁左翼中旗 Horqin Left Middle Banner).
//!   Development zones and the like keep their type in English after the place names they start
//!   with (河北唐山芦台经济开发区 Hebei Tangshan Lutai Economic Development Zone).
//! - **Ethnic groups** of an autonomous area come between the two, by their official English
//!   names, in the order the Chinese gives them (Miao and Dong; Bonan, Dongxiang and Salar); when
//!   the group is the whole name, it is the name (鄂伦春自治旗 Oroqen Autonomous Banner).
//!
//! A full division name listed in the file is taken as it stands (单县 Shan County).

use pinyin::ToPinyin;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::gazetteer::{Division, Gazetteer};

static DATA: &str = include_str!("../../data/place_en.tsv");

/// The English of a full division name; `level` 1 is a province, 2 a prefecture, 3 a county (it
/// decides what 市 means: nothing for a municipality or a prefecture-level city, City below).
pub fn english_name(name: &str, level: u8) -> String {
    let o = overrides();
    if let Some(en) = o.names.get(name) {
        return (*en).to_string();
    }
    parts(name, level).whole()
}

/// The English of a short name as the app shows it in facets (四川 → Sichuan, 锦江 → Jinjiang,
/// 恩施 → Enshi, 沛县 → Pei County): the specific part of the division it is the short name of,
/// with neither kind nor ethnic groups; a development zone's short name keeps its type.
pub fn english_short(short: &str) -> String {
    let o = overrides();
    if let Some(en) = o.names.get(short) {
        return (*en).to_string();
    }
    let g = Gazetteer::get();
    let shorts = g.by_short_name(short);
    if !shorts.is_empty() {
        let mut names = shorts.iter().map(|&i| {
            let d: &Division = &g.divisions[i];
            let p = parts(&d.name, d.level);
            match o.names.get(d.name.as_str()) {
                // A zone listed by its full name: its short name is that name.
                Some(en) if p.zone => (*en).to_string(),
                _ => p.short(),
            }
        });
        let first = names.next().unwrap_or_default();
        // One short name of divisions whose names differ in English (兴安盟 Hinggan, 兴安县
        // Xing'an): its plain pinyin.
        return if names.all(|n| n == first) {
            first
        } else {
            romanize(short)
        };
    }
    if let Some(&i) = g.by_full_name(short).first() {
        return english_name(short, g.divisions[i].level);
    }
    specific(short)
}

/// The pinyin of `hanzi` as one word: toneless syllables joined, first letter capitalized, an
/// apostrophe before a non-initial syllable that starts with a, o or e, ü written u. Characters
/// without a reading are kept if ASCII (a space or punctuation starts a new word), dropped
/// otherwise.
pub fn romanize(hanzi: &str) -> String {
    let readings = &overrides().readings;
    let mut out = String::with_capacity(hanzi.len() * 2);
    let mut word_start = true;
    for c in hanzi.chars() {
        let syllable = readings
            .get(&c)
            .copied()
            .or_else(|| c.to_pinyin().map(|p| p.plain()));
        match syllable {
            Some(s) => {
                if !word_start && s.starts_with(['a', 'o', 'e']) {
                    out.push('\'');
                }
                for ch in s.chars() {
                    let ch = match ch {
                        'ü' => 'u',
                        'ê' => 'e',
                        ch => ch,
                    };
                    if ch.is_ascii() {
                        out.push(if word_start {
                            ch.to_ascii_uppercase()
                        } else {
                            ch
                        });
                        word_start = false;
                    }
                }
            }
            None if c.is_ascii() => {
                out.push(c);
                word_start = !c.is_ascii_alphanumeric();
            }
            None => {}
        }
    }
    out
}

/// The parsed overrides file.
struct Overrides {
    /// Full names and specific parts → their English.
    names: FxHashMap<&'static str, &'static str>,
    /// Characters → their reading in place names.
    readings: FxHashMap<char, &'static str>,
}

fn overrides() -> &'static Overrides {
    static O: OnceLock<Overrides> = OnceLock::new();
    O.get_or_init(|| parse_overrides(DATA))
}

fn parse_overrides(data: &'static str) -> Overrides {
    let mut names = FxHashMap::default();
    let mut readings = FxHashMap::default();
    for line in data.lines() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, en)) = line.split_once('\t') else {
            continue;
        };
        let (key, en) = (key.trim(), en.trim());
        let mut chars = key.chars();
        match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some('['), Some(c), Some(']'), None) => {
                readings.insert(c, en);
            }
            _ => {
                names.insert(key, en);
            }
        }
    }
    Overrides { names, readings }
}

/// A name's English in its three parts.
struct Parts {
    /// The specific part (or, for a zone, the place names it starts with).
    name: String,
    /// The ethnic groups, already joined (Miao and Dong).
    ethnic: String,
    /// The kind in English (District, Autonomous Prefecture, Economic Development Zone).
    kind: &'static str,
    /// A zone: its short name keeps its kind.
    zone: bool,
}

impl Parts {
    fn whole(&self) -> String {
        let mut s = self.name.clone();
        for p in [self.ethnic.as_str(), self.kind] {
            if !p.is_empty() {
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(p);
            }
        }
        s
    }

    fn short(&self) -> String {
        if self.zone {
            self.whole()
        } else if self.name.is_empty() {
            self.ethnic.clone()
        } else {
            self.name.clone()
        }
    }
}

/// Autonomous kinds, for every level.
const AUTONOMOUS: &[(&str, &str)] = &[
    ("自治区", "Autonomous Region"),
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
];

/// Kinds by level: (suffix, English, the fewest characters left before it).
const PROVINCE_KINDS: &[(&str, &str, usize)] =
    &[("特别行政区", "", 2), ("省", "Province", 2), ("市", "", 2)];
const PREFECTURE_KINDS: &[(&str, &str, usize)] = &[
    ("地区", "Prefecture", 2),
    ("盟", "League", 2),
    ("市", "", 2),
];
const COUNTY_KINDS: &[(&str, &str, usize)] = &[
    ("特区", "Special District", 2),
    ("矿区", "Mining District", 2),
    // Not 万柏林区 (Wanbailin District): 神农架林区 only.
    ("林区", "Forestry District", 3),
    ("联合旗", "United Banner", 2),
    ("区", "District", 1),
    ("县", "County", 1),
    ("市", "City", 1),
    ("旗", "Banner", 1),
];

/// Types of development zones and other units named after the places they start with (longest
/// first where one ends another).
const ZONES: &[(&str, &str)] = &[
    ("高新技术产业开发区", "Hi-tech Industrial Development Zone"),
    ("高技术产业开发区", "Hi-tech Industrial Development Zone"),
    (
        "经济技术开发区",
        "Economic and Technological Development Zone",
    ),
    ("高新技术产业园区", "Hi-tech Industrial Park"),
    ("高新技术开发区", "Hi-tech Development Zone"),
    (
        "城乡一体化示范区",
        "Urban-Rural Integration Demonstration Zone",
    ),
    (
        "转型综合改革示范区",
        "Transformation and Comprehensive Reform Demonstration Zone",
    ),
    ("经济综合实验区", "Comprehensive Economic Experimental Zone"),
    (
        "综合物流产业聚集区",
        "Integrated Logistics Industry Cluster",
    ),
    (
        "文化旅游创意园区",
        "Cultural Tourism and Creative Industry Park",
    ),
    ("循环化工园区", "Circular Chemical Industry Park"),
    ("现代产业园区", "Modern Industrial Park"),
    ("风景名胜区", "Scenic Area"),
    ("经济开发区", "Economic Development Zone"),
    ("工业园区", "Industrial Park"),
    ("开发区", "Development Zone"),
    ("示范区", "Demonstration Zone"),
    ("管理区", "Administrative Area"),
    ("食品区", "Food Zone"),
    ("新区", "New Area"),
    ("新城", "New City"),
    ("群岛", "Islands"),
];

/// The 56 ethnic groups as autonomous areas name them (without 族), and their official English
/// names; 各 (各族, of several groups) is "Various Nationalities".
const ETHNIC: &[(&str, &str)] = &[
    ("维吾尔", "Uygur"),
    ("哈萨克", "Kazak"),
    ("柯尔克孜", "Kirgiz"),
    ("塔吉克", "Tajik"),
    ("乌孜别克", "Uzbek"),
    ("塔塔尔", "Tatar"),
    ("锡伯", "Xibe"),
    ("达斡尔", "Daur"),
    ("鄂温克", "Ewenki"),
    ("鄂伦春", "Oroqen"),
    ("俄罗斯", "Russian"),
    ("赫哲", "Hezhen"),
    ("蒙古", "Mongol"),
    ("土家", "Tujia"),
    ("布依", "Bouyei"),
    ("哈尼", "Hani"),
    ("傈僳", "Lisu"),
    ("拉祜", "Lahu"),
    ("纳西", "Naxi"),
    ("景颇", "Jingpo"),
    ("仫佬", "Mulao"),
    ("毛南", "Maonan"),
    ("仡佬", "Gelao"),
    ("撒拉", "Salar"),
    ("东乡", "Dongxiang"),
    ("保安", "Bonan"),
    ("裕固", "Yugur"),
    ("普米", "Pumi"),
    ("独龙", "Derung"),
    ("阿昌", "Achang"),
    ("德昂", "De'ang"),
    ("基诺", "Jino"),
    ("布朗", "Blang"),
    ("门巴", "Monba"),
    ("珞巴", "Lhoba"),
    ("高山", "Gaoshan"),
    ("朝鲜", "Korean"),
    ("壮", "Zhuang"),
    ("回", "Hui"),
    ("藏", "Tibetan"),
    ("苗", "Miao"),
    ("彝", "Yi"),
    ("侗", "Dong"),
    ("瑶", "Yao"),
    ("白", "Bai"),
    ("傣", "Dai"),
    ("黎", "Li"),
    ("佤", "Va"),
    ("羌", "Qiang"),
    ("土", "Tu"),
    ("水", "Sui"),
    ("满", "Manchu"),
    ("畲", "She"),
    ("怒", "Nu"),
    ("京", "Gin"),
    ("汉", "Han"),
    ("各", "Various Nationalities"),
];

/// A banner's position and wing (科尔沁左翼中旗: 科尔沁, Left, Middle), read from the end of a name
/// whose rest is a listed base name.
const POSITIONS: &[(&str, &str)] = &[("前", "Front"), ("中", "Middle"), ("后", "Rear")];
const WINGS: &[(&str, &str)] = &[
    ("左翼", "Left"),
    ("右翼", "Right"),
    ("左", "Left"),
    ("右", "Right"),
];

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn parts(name: &str, level: u8) -> Parts {
    // Zones are county-level only (and known_places, which reads the levels above, relies on it).
    for (suffix, en) in ZONES.iter().filter(|_| level >= 3) {
        if let Some(head) = name.strip_suffix(suffix) {
            if chars(head) >= 2 {
                return Parts {
                    name: segmented(head),
                    ethnic: String::new(),
                    kind: en,
                    zone: true,
                };
            }
        }
    }
    for (suffix, en) in AUTONOMOUS {
        if let Some(rest) = name.strip_suffix(suffix) {
            return with_ethnic(rest, en, true);
        }
    }
    let kinds = match level {
        1 => PROVINCE_KINDS,
        2 => PREFECTURE_KINDS,
        _ => COUNTY_KINDS,
    };
    for (suffix, en, min) in kinds {
        if let Some(rest) = name.strip_suffix(suffix) {
            if chars(rest) >= *min {
                return with_ethnic(rest, en, false);
            }
        }
    }
    Parts {
        name: specific(name),
        ethnic: String::new(),
        kind: "",
        zone: false,
    }
}

/// The ethnic groups at the end of `rest` (with 族; in an autonomous area's name also without it:
/// 巴音郭楞蒙古), and the English of what precedes them.
fn with_ethnic(rest: &str, kind: &'static str, autonomous: bool) -> Parts {
    let mut stem = rest;
    let mut groups: Vec<&'static str> = Vec::new();
    'strip: while !stem.is_empty() {
        for (zh, en) in ETHNIC {
            let before = stem
                .strip_suffix('族')
                .and_then(|s| s.strip_suffix(zh))
                .or_else(|| {
                    (autonomous && chars(zh) >= 2)
                        .then(|| stem.strip_suffix(zh))
                        .flatten()
                });
            if let Some(before) = before {
                // A one-character remainder is part of the name (内蒙古), not a name of its own.
                if before.is_empty() || chars(before) >= 2 {
                    groups.push(en);
                    stem = before;
                    continue 'strip;
                }
            }
        }
        break;
    }
    groups.reverse();
    let ethnic = match groups.as_slice() {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    if stem.is_empty() {
        return Parts {
            name: String::new(),
            ethnic,
            kind,
            zone: false,
        };
    }
    Parts {
        name: specific(stem),
        ethnic,
        kind,
        zone: false,
    }
}

/// The English of a specific part: listed, or a listed base with a banner's wing and position
/// (科尔沁左翼中 → Horqin Left Middle), or its pinyin.
fn specific(stem: &str) -> String {
    let names = &overrides().names;
    if let Some(en) = names.get(stem) {
        return (*en).to_string();
    }
    let mut base = stem;
    let mut position = "";
    let mut wing = "";
    if let Some((b, en)) = strip_any(base, POSITIONS) {
        base = b;
        position = en;
    }
    if let Some((b, en)) = strip_any(base, WINGS) {
        base = b;
        wing = en;
    }
    if base != stem && chars(base) >= 2 {
        if let Some(en) = names.get(base) {
            let mut s = (*en).to_string();
            for p in [wing, position] {
                if !p.is_empty() {
                    s.push(' ');
                    s.push_str(p);
                }
            }
            return s;
        }
    }
    romanize(stem)
}

fn strip_any<'a>(s: &'a str, table: &[(&str, &'static str)]) -> Option<(&'a str, &'static str)> {
    table
        .iter()
        .find_map(|(zh, en)| s.strip_suffix(zh).map(|b| (b, *en)))
}

/// The place names a zone's name starts with, each in English (河北唐山芦台 → Hebei Tangshan
/// Lutai): the longest province or prefecture name (full or short) at each point, the characters
/// between them as one word of pinyin.
fn segmented(head: &str) -> String {
    let (known, longest) = known_places();
    let mut words: Vec<String> = Vec::new();
    let mut pending = String::new();
    let mut rest = head;
    'scan: while let Some(c) = rest.chars().next() {
        let ends: Vec<usize> = rest
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(*longest)
            .collect();
        for &end in ends.iter().rev().filter(|&&e| e > c.len_utf8()) {
            if let Some(en) = known.get(&rest[..end]) {
                if !pending.is_empty() {
                    words.push(specific(&pending));
                    pending.clear();
                }
                words.push(en.clone());
                rest = &rest[end..];
                continue 'scan;
            }
        }
        pending.push(c);
        rest = &rest[c.len_utf8()..];
    }
    if !pending.is_empty() {
        words.push(specific(&pending));
    }
    words.join(" ")
}

/// Province and prefecture names, full and short, with the English of their specific part; and
/// the longest name in characters.
fn known_places() -> &'static (FxHashMap<String, String>, usize) {
    static K: OnceLock<(FxHashMap<String, String>, usize)> = OnceLock::new();
    K.get_or_init(|| {
        let mut map = FxHashMap::default();
        let mut longest = 0;
        for d in Gazetteer::get().divisions.iter().filter(|d| d.level <= 2) {
            let en = parts(&d.name, d.level).short();
            for key in [&d.name, &d.short] {
                longest = longest.max(chars(key));
                map.entry(key.clone()).or_insert_with(|| en.clone());
            }
        }
        (map, longest)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::place::gazetteer::short_name;

    static DIVISIONS: &str = include_str!("../../data/divisions.tsv");

    /// (name, level) of every division in the gazetteer's file.
    fn divisions() -> Vec<(&'static str, u8)> {
        DIVISIONS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[1], f[2].parse().expect("level"))
            })
            .collect()
    }

    #[test]
    fn examples() {
        let cases: &[(&str, u8, &str)] = &[
            ("四川省", 1, "Sichuan Province"),
            ("成都市", 2, "Chengdu"),
            ("锦江区", 3, "Jinjiang District"),
            ("新津区", 3, "Xinjin District"),
            ("都江堰市", 3, "Dujiangyan City"),
            (
                "黔东南苗族侗族自治州",
                2,
                "Qiandongnan Miao and Dong Autonomous Prefecture",
            ),
            (
                "巴音郭楞蒙古自治州",
                2,
                "Bayingolin Mongol Autonomous Prefecture",
            ),
            ("陕西省", 1, "Shaanxi Province"),
            ("山西省", 1, "Shanxi Province"),
            ("内蒙古自治区", 1, "Inner Mongolia Autonomous Region"),
            ("西藏自治区", 1, "Tibet Autonomous Region"),
            ("广西壮族自治区", 1, "Guangxi Zhuang Autonomous Region"),
            ("新疆维吾尔自治区", 1, "Xinjiang Uygur Autonomous Region"),
            ("香港特别行政区", 1, "Hong Kong"),
            ("澳门特别行政区", 1, "Macao"),
            ("台湾省", 1, "Taiwan Province"),
            ("北京市", 1, "Beijing"),
            ("重庆市", 1, "Chongqing"),
            ("六安市", 2, "Lu'an"),
            ("蚌埠市", 2, "Bengbu"),
            ("长沙市", 2, "Changsha"),
            ("厦门市", 2, "Xiamen"),
            ("乐山市", 2, "Leshan"),
            ("西安市", 2, "Xi'an"),
            ("番禺区", 3, "Panyu District"),
            ("莘县", 3, "Shen County"),
            ("茌平区", 3, "Chiping District"),
            ("蔚县", 3, "Yu County"),
            ("铅山县", 3, "Yanshan County"),
            ("东阿县", 3, "Dong'e County"),
            ("单县", 3, "Shan County"),
            ("洪洞县", 3, "Hongtong County"),
            ("行唐县", 3, "Xingtang County"),
            ("长治市", 2, "Changzhi"),
            ("长子县", 3, "Zhangzi County"),
            ("乐亭县", 3, "Laoting County"),
            ("乐清市", 3, "Yueqing City"),
            ("大冶市", 3, "Daye City"),
            ("阿城区", 3, "Acheng District"),
            ("天台县", 3, "Tiantai County"),
            ("吕梁市", 2, "Luliang"),
            ("乌鲁木齐市", 2, "Urumqi"),
            ("喀什地区", 2, "Kashgar Prefecture"),
            ("呼和浩特市", 2, "Hohhot"),
            ("拉萨市", 2, "Lhasa"),
            ("日喀则市", 2, "Shigatse"),
            ("阿克苏地区", 2, "Aksu Prefecture"),
            ("和田地区", 2, "Hotan Prefecture"),
            ("伊犁哈萨克自治州", 2, "Ili Kazak Autonomous Prefecture"),
            ("鄂尔多斯市", 2, "Ordos"),
            ("包头市", 2, "Baotou"),
            ("锡林郭勒盟", 2, "Xilingol League"),
            ("呼伦贝尔市", 2, "Hulunbuir"),
            ("阿勒泰地区", 2, "Altay Prefecture"),
            ("哈密市", 2, "Hami"),
            ("吐鲁番市", 2, "Turpan"),
            ("克拉玛依市", 2, "Karamay"),
            ("石河子市", 3, "Shihezi City"),
            ("鄂温克族自治旗", 3, "Ewenki Autonomous Banner"),
            ("鄂伦春自治旗", 3, "Oroqen Autonomous Banner"),
            ("东乡族自治县", 3, "Dongxiang Autonomous County"),
            ("科尔沁左翼中旗", 3, "Horqin Left Middle Banner"),
            ("察哈尔右翼前旗", 3, "Qahar Right Front Banner"),
            ("杭锦后旗", 3, "Hanggin Rear Banner"),
            ("阿荣旗", 3, "Arun Banner"),
            (
                "积石山保安族东乡族撒拉族自治县",
                3,
                "Jishishan Bonan, Dongxiang and Salar Autonomous County",
            ),
            (
                "龙胜各族自治县",
                3,
                "Longsheng Various Nationalities Autonomous County",
            ),
            ("管城回族区", 3, "Guancheng Hui District"),
            ("六枝特区", 3, "Liuzhi Special District"),
            ("浦东新区", 3, "Pudong New Area"),
            ("清新区", 3, "Qingxin District"),
            ("井陉矿区", 3, "Jingxing Mining District"),
            ("城区", 3, "Cheng District"),
            ("沙市区", 3, "Shashi District"),
            (
                "河北唐山芦台经济开发区",
                3,
                "Hebei Tangshan Lutai Economic Development Zone",
            ),
            ("唐山市汉沽管理区", 3, "Tangshan Hangu Administrative Area"),
            ("苏州工业园区", 3, "Suzhou Industrial Park"),
            (
                "成都高新技术产业开发区",
                3,
                "Chengdu Hi-tech Industrial Development Zone",
            ),
            ("大兴安岭地区", 2, "Da Hinggan Ling Prefecture"),
            ("兴安盟", 2, "Hinggan League"),
            ("兴安县", 3, "Xing'an County"),
            ("神农架林区", 3, "Shennongjia Forestry District"),
            ("万柏林区", 3, "Wanbailin District"),
            ("达尔罕茂明安联合旗", 3, "Darhan Muminggan United Banner"),
            ("镶黄旗", 3, "Bordered Yellow Banner"),
        ];
        for (name, level, want) in cases {
            assert_eq!(english_name(name, *level), *want, "{name}");
        }
    }

    #[test]
    fn short_names() {
        for (short, want) in [
            ("四川", "Sichuan"),
            ("成都", "Chengdu"),
            ("锦江", "Jinjiang"),
            ("内蒙古", "Inner Mongolia"),
            ("西藏", "Tibet"),
            ("陕西", "Shaanxi"),
            ("广西", "Guangxi"),
            ("香港", "Hong Kong"),
            ("澳门", "Macao"),
            ("台湾", "Taiwan"),
            ("重庆", "Chongqing"),
            ("厦门", "Xiamen"),
            ("乐山", "Leshan"),
            ("西安", "Xi'an"),
            ("六安", "Lu'an"),
            ("恩施", "Enshi"),
            ("黔东南", "Qiandongnan"),
            ("巴音郭楞", "Bayingolin"),
            ("鄂伦春", "Oroqen"),
            ("科尔沁左翼中", "Horqin Left Middle"),
            ("沛县", "Pei County"),
            ("莘县", "Shen County"),
            ("城区", "Cheng District"),
            ("芒市", "Mangshi"),
            ("沙市", "Shashi"),
            ("兴安", "Xing'an"),
            ("神农架", "Shennongjia"),
            ("万柏", "Wanbailin"),
            ("镶黄", "Bordered Yellow"),
            ("达尔罕茂明安联合", "Darhan Muminggan"),
            (
                "石家庄高新技术产业开发",
                "Shijiazhuang Hi-tech Industrial Development Zone",
            ),
            (
                "中新苏滁高新技术产业开发",
                "China-Singapore Suzhou-Chuzhou Hi-tech Industrial Development Zone",
            ),
            ("恩施州", "Enshi"),
        ] {
            assert_eq!(english_short(short), want, "{short}");
        }
        // Every division's short name as the gazetteer makes it.
        for (name, level) in divisions() {
            let en = english_short(&short_name(name, level));
            assert!(!en.is_empty() && en.is_ascii(), "{name}: {en:?}");
        }
    }

    #[test]
    fn apostrophes() {
        assert_eq!(romanize("西安"), "Xi'an");
        assert_eq!(romanize("延安"), "Yan'an");
        assert_eq!(romanize("昂昂溪"), "Ang'angxi");
        assert_eq!(romanize("平安"), "Ping'an");
        assert_eq!(romanize("齐齐哈尔"), "Qiqiha'er");
        assert_eq!(romanize("安庆"), "Anqing", "none before the first syllable");
        assert_eq!(romanize("泰安"), "Tai'an");
        assert_eq!(romanize("新干"), "Xingan", "none before a consonant");
        assert_eq!(romanize("吕"), "Lu", "u for ü");
        assert_eq!(romanize("略阳"), "Lueyang");
        assert_eq!(
            romanize("长春"),
            "Changchun",
            "a character's place-name reading"
        );
    }

    #[test]
    fn every_division_has_a_clean_english_name() {
        let all = divisions();
        assert!(all.len() > 3000, "{}", all.len());
        for (name, level) in all {
            let en = english_name(name, level);
            assert!(!en.is_empty(), "{name}");
            assert!(en.is_ascii(), "{name}: {en}");
            assert!(!en.contains("  ") && en.trim() == en, "{name}: {en:?}");
            assert!(
                en.starts_with(|c: char| c.is_ascii_uppercase()),
                "{name}: {en}"
            );
        }
    }

    #[test]
    fn every_province_short_name() {
        let expected = [
            "Beijing",
            "Tianjin",
            "Hebei",
            "Shanxi",
            "Inner Mongolia",
            "Liaoning",
            "Jilin",
            "Heilongjiang",
            "Shanghai",
            "Jiangsu",
            "Zhejiang",
            "Anhui",
            "Fujian",
            "Jiangxi",
            "Shandong",
            "Henan",
            "Hubei",
            "Hunan",
            "Guangdong",
            "Guangxi",
            "Hainan",
            "Chongqing",
            "Sichuan",
            "Guizhou",
            "Yunnan",
            "Tibet",
            "Shaanxi",
            "Gansu",
            "Qinghai",
            "Ningxia",
            "Xinjiang",
            "Taiwan",
            "Hong Kong",
            "Macao",
        ];
        let provinces: Vec<&str> = divisions()
            .into_iter()
            .filter(|(_, level)| *level == 1)
            .map(|(name, _)| name)
            .collect();
        assert_eq!(provinces.len(), 34);
        let mut got: Vec<String> = provinces
            .iter()
            .map(|name| english_short(&short_name(name, 1)))
            .collect();
        for en in &got {
            assert!(expected.contains(&en.as_str()), "{en}");
        }
        got.sort();
        got.dedup();
        assert_eq!(got.len(), 34, "no two provinces share an English name");
    }

    #[test]
    fn overrides_file_is_well_formed() {
        let mut seen = rustc_hash::FxHashSet::default();
        for line in DATA.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, en) = line.split_once('\t').expect("KEY<TAB>ENGLISH");
            assert!(!key.is_empty() && !en.is_empty(), "{line}");
            assert!(!en.contains('\t') && en.trim() == en, "{line}");
            assert!(en.is_ascii() && !en.contains("  "), "{line}");
            assert!(seen.insert(key), "listed twice: {key}");
            if let Some(c) = key.strip_prefix('[').and_then(|k| k.strip_suffix(']')) {
                assert_eq!(c.chars().count(), 1, "{line}");
                assert!(en.chars().all(|c| c.is_ascii_lowercase()), "{line}");
            } else {
                assert!(
                    !key.is_ascii() && en.starts_with(|c: char| c.is_ascii_uppercase()),
                    "{line}"
                );
            }
        }
    }
}
