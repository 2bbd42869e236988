//! Chinese first, English on request. Strings sit next to their use as `tr(lang, zh, en)`;
//! labels for data values (facets, kinds, provenance, themes) live here.

use crate::data::{Dataset, Facet, UNKNOWN};
use crate::state::Lang;
use corpus::model::{DocKind, Provenance};

pub fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub fn facet_label(lang: Lang, f: Facet) -> &'static str {
    match f {
        Facet::Theme => tr(lang, "主题", "Theme"),
        Facet::Province => tr(lang, "省份", "Province"),
        Facet::City => tr(lang, "城市", "City"),
        Facet::Bureau => tr(lang, "税务局", "Bureau"),
        Facet::Publisher => tr(lang, "发布者", "Publisher"),
        Facet::Kind => tr(lang, "文档类型", "Document type"),
        Facet::Year => tr(lang, "年份", "Year"),
    }
}

/// Display text of a facet value (theme ids and kinds translated, unknown spelled out).
pub fn value_label(ds: &Dataset, lang: Lang, f: Facet, v: &str) -> String {
    if v == UNKNOWN {
        return match f {
            Facet::Year => tr(lang, "日期未注明", "Date not stated"),
            _ => tr(lang, "未注明", "Not stated"),
        }
        .to_string();
    }
    match f {
        Facet::Theme => ds.theme_name(v, lang == Lang::En),
        Facet::Kind => DocKind::ALL
            .into_iter()
            .find(|k| k.id() == v)
            .map(|k| if lang == Lang::En { k.en() } else { k.zh() }.to_string())
            .unwrap_or_else(|| v.to_string()),
        Facet::Province | Facet::City => place_label(ds, lang, v),
        _ => v.to_string(),
    }
}

/// A place's name in the interface language: pinyin from the build step in English
/// (四川 → Sichuan, 锦江区 → Jinjiang District), the Chinese name otherwise or when unknown.
pub fn place_label(ds: &Dataset, lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => ds
            .places_en
            .get(name)
            .cloned()
            .unwrap_or_else(|| name.to_string()),
        Lang::Zh => name.to_string(),
    }
}

pub fn provenance_label(lang: Lang, p: Provenance) -> &'static str {
    match p {
        Provenance::FrontMatter => tr(lang, "文件元数据", "file front matter"),
        Provenance::Body => tr(lang, "正文注明", "stated in the article"),
        Provenance::Bureau => tr(lang, "见于税务局名称", "stated in the bureau's name"),
        Provenance::Inferred => tr(
            lang,
            "据正文提及推断",
            "inferred from a mention in the text",
        ),
        Provenance::FirstLine => tr(lang, "首行标题", "first line"),
        Provenance::FileName => tr(
            lang,
            "原文无标题，以文件名代替",
            "no title: the file's name",
        ),
        Provenance::FeedCode => tr(lang, "来源代码映射", "mapped from the feed code"),
    }
}
