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

//!
//! | module | what |
//! |---|---|
//! | this one | the naming logic: a name's parts, pinyin, the overrides file |
//! | [`tables`] | the kinds by level, development zones, ethnic groups, banners' wings |

mod tables;
#[cfg(test)]
mod tests;

use pinyin::ToPinyin;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::gazetteer::{Division, Gazetteer};
use tables::{
    AUTONOMOUS, COUNTY_KINDS, ETHNIC, POSITIONS, PREFECTURE_KINDS, PROVINCE_KINDS, WINGS, ZONES,
};

static DATA: &str = include_str!("../../../data/place_en.tsv");

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
