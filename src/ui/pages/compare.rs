//! Side by side (`#/compare?bureau=A,B`, or `province=`): the selected bureaus or provinces in
//! columns; per theme, each column's initiatives with their sentences and figures; what two or
//! more of them share is marked, and how much only one of them does is counted.

use crate::data::Facet;
use crate::query::Outcome;
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::facets::ActiveFilters;
use crate::ui::components::href;
use crate::ui::use_env;
use crate::view::compare::{compare, MAX_COLUMNS, MIN_COLUMNS};
use crate::view::i18n::place_label;
use std::rc::Rc;
use yew::prelude::*;

/// Initiatives listed per cell before "more".
const PER_CELL: usize = 12;

#[derive(Properties, PartialEq)]
pub struct ComparePageProps {
    pub url: UrlState,
    pub outcome: Rc<Outcome>,
    pub on_action: Callback<Action>,
}

/// Which facet a comparison runs over: bureaus when two or more are selected, else provinces.
pub fn compared_facet(url: &UrlState) -> Facet {
    if url.selection.values(Facet::Bureau).len() >= MIN_COLUMNS {
        Facet::Bureau
    } else {
        Facet::Province
    }
}

#[function_component(ComparePage)]
pub fn compare_page(p: &ComparePageProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let url = &p.url;
    let facet = compared_facet(url);
    let values = url.selection.values(facet);
    // The sentences of what is on screen.
    {
        let env = env.clone();
        let docs = crate::query::documents_of(ds, &p.outcome.results);
        use_effect_with(docs, move |docs| {
            env.want_details(docs.iter().copied().take(200))
        });
    }
    if values.len() < MIN_COLUMNS {
        return html! {
            <div class="single compare-page">
                <h1 id="view-title" tabindex="-1">{ env.t("对比", "Compare") }</h1>
                <p class="empty" data-testid="compare-help">{ env.t(
                    "在“税务局”或“省份”筛选中选 2 至 4 项，或在文档页点“与其他税务局对比”，即可并排比较。",
                    "Select 2 to 4 bureaus or provinces in the filters (or use “Compare with other bureaus” on a document) to see them side by side.") }</p>
                <p><a href={href(&UrlState { view: View::Initiatives, ..url.clone() })}>{ env.t("去选择 →", "Choose them →") }</a></p>
            </div>
        };
    }
    let cmp = compare(ds, &p.outcome.results, facet, &values);
    let label = |v: &str| match facet {
        Facet::Province => place_label(ds, env.lang, v),
        _ => v.to_string(),
    };
    let cols = cmp.columns.len();
    html! {
        <div class="single compare-page" data-testid="compare">
            <h1 id="view-title" tabindex="-1">{ env.t("对比", "Compare") }</h1>
            <div class="toolbar"><ActiveFilters url={url.clone()} count={p.outcome.results.len()} on_action={p.on_action.clone()} /></div>
            if values.len() > MAX_COLUMNS {
                <p class="muted">{ match env.lang { Lang::Zh => format!("最多并排 {MAX_COLUMNS} 列，只显示前 {MAX_COLUMNS} 项。"), Lang::En => format!("At most {MAX_COLUMNS} columns: the first {MAX_COLUMNS} are shown.") } }</p>
            }
            <p class="summary" data-testid="compare-summary">{ match env.lang {
                Lang::Zh => format!("共有的举措 {} 项（标 ◆，仅一方有的标 ◇）；{}", cmp.shared.len(),
                    cmp.columns.iter().zip(&cmp.only).map(|(c, n)| format!("仅{}有 {n} 项", label(c))).collect::<Vec<_>>().join("，")),
                Lang::En => format!("{} shared initiatives (marked ◆; ◇: only one has it); {}", cmp.shared.len(),
                    cmp.columns.iter().zip(&cmp.only).map(|(c, n)| format!("{n} only in {}", label(c))).collect::<Vec<_>>().join(", ")),
            } }</p>
            <div class="scroll-x">
            <table class={classes!("compare", format!("cols-{cols}"))}>
                <thead><tr>
                    <th scope="col">{ env.t("主题", "Theme") }</th>
                    { for cmp.columns.iter().map(|c| html! { <th scope="col">{ label(c) }</th> }) }
                </tr></thead>
                <tbody>
                { for cmp.themes.iter().map(|(t, cells)| html! {
                    <tr>
                        <th scope="row" class="theme-name">{ env.ds.theme_name(&ds.themes()[*t].id, env.en()) }</th>
                        { for cells.iter().map(|cell| html! {
                            <td>
                            if cell.is_empty() { <span class="muted">{ "—" }</span> }
                            <ul class="cell">
                            { for cell.iter().take(PER_CELL).map(|&i| {
                                let shared = cmp.is_shared(ds, i);
                                let d = ds.doc_of_initiative(i);
                                let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: Some(ds.initiative_id(i)) }, ..url.clone() };
                                let figures: Vec<&str> = ds.metrics_of(i).map(|m| m.raw).collect();
                                html! {
                                    <li class={classes!(if shared { "shared" } else { "only" })} data-shared={shared.to_string()}>
                                        if shared { <span class="mark" title={env.t("多列共有", "shared")}>{ "◆ " }</span> }
                                        else { <span class="mark" title={env.t("仅此一列", "only here")}>{ "◇ " }</span> }
                                        <a href={href(&target)}>{ ds.name(i) }</a>
                                        if let Some(s) = ds.summary_of(i) { <p class="passage">{ s }</p> }
                                        if !figures.is_empty() { <p class="figs">{ figures.join("，") }</p> }
                                    </li>
                                }
                            }) }
                            </ul>
                            if cell.len() > PER_CELL {
                                <p class="muted">{ match env.lang { Lang::Zh => format!("另有 {} 项", cell.len() - PER_CELL), Lang::En => format!("{} more", cell.len() - PER_CELL) } }</p>
                            }
                            </td>
                        }) }
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </div>
    }
}
