//! The English names: examples, every division of the gazetteer, the overrides file.

use super::*;
use crate::place::gazetteer::short_name;

static DIVISIONS: &str = include_str!("../../../data/divisions.tsv");

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
