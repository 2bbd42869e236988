//! Which bureau a document is by or about, and where it is: the document's bureau from the
//! names it writes, its province, city and district from the gazetteer of all Chinese
//! administrative divisions, each with its provenance (stated in the bureau's name, or
//! inferred from the running text).
//!
//! | module | what |
//! |---|---|
//! | [`gazetteer`] | GB/T 2260 divisions (`data/divisions.tsv`), full and short names |
//! | [`bureau`] | bureau names read leftwards from 税务局 (`names`), and the choice of the document's one (`choose`) |
//! | [`region`] | the divisions a bureau's name states, else a province the text names |
//! | [`english`] | English names of the divisions (pinyin and conventional names; `tables` of kinds, zones, ethnic groups) |

pub mod bureau;
pub mod english;
pub mod gazetteer;
pub mod region;

use crate::model::Document;

/// Sets the document's bureau, province, city and district from its title and text. Unknown
/// stays unknown: nothing is guessed.
pub fn locate(doc: &mut Document) {
    let body_text = doc.body_text();
    let known = bureau::unknown_places(&doc.title);
    let title_bureaus = bureau::find_bureaus_known(&doc.title, true, &known);
    let body_bureaus = bureau::find_bureaus_known(&body_text, false, &known);
    // Without a bureau in the title or text, the one the page names as its source (a bureau's
    // own site: 来源：国家税务总局辽宁省税务局).
    let chosen = bureau::choose_bureau(&title_bureaus, &body_bureaus).or_else(|| {
        let source = doc.publisher.as_deref().unwrap_or("");
        bureau::choose_bureau(&[], &bureau::find_bureaus(source, false))
    });
    doc.bureau = chosen.as_ref().map(bureau::bureau_of);
    let all: Vec<bureau::BureauMatch> = title_bureaus.into_iter().chain(body_bureaus).collect();
    let whole = format!("{}\n{body_text}", doc.title);
    let named_province = region::infer_province(&whole);
    let hint = named_province.as_ref().and_then(|p| {
        gazetteer::Gazetteer::get()
            .by_full_name(&p.name)
            .first()
            .copied()
    });
    let mut reg = chosen
        .as_ref()
        .map(|c| region::region_of_bureau(region::region_source(c, &all), hint))
        .unwrap_or_default();
    if reg.province.is_none() {
        reg.province = named_province;
    }
    // A county, zone or unit in a municipality: its city is the municipality's (县税务局 of 重庆).
    if reg.city.is_none() && chosen.as_ref().is_some_and(region::below_province) {
        reg.city = reg.province.as_ref().and_then(region::municipality_city);
    }
    doc.province = reg.province;
    doc.city = reg.city;
    doc.district = reg.district;
}
