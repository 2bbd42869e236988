//! The initiatives page: search, facets, active filters, sorted result cards.

use super::use_ctx;
use super::widgets::{
    highlight, href, ActiveFilters, ExportButtons, FacetPanel, SearchBox, SortSelect, ThemeChips,
};
use crate::filter::Tier;
use crate::text::snippet;
use crate::url::{Lang, UrlState, View};
use yew::prelude::*;

/// Cards per page: each is a dozen DOM nodes to lay out on every keystroke.
const PAGE: usize = 20;

#[function_component(InitiativesPage)]
pub fn initiatives_page() -> Html {
    let ctx = use_ctx();
    let shown = use_state_eq(|| PAGE);
    let filters_open = use_state(|| false);
    // A new result set starts at the top of the list again.
    {
        let shown = shown.clone();
        use_effect_with(super::identity(&ctx.outcome), move |_| shown.set(PAGE));
    }
    let results = &ctx.outcome.results;
    // The cards on screen need their documents' sentences: fetch those chunks.
    {
        let ctx2 = ctx.clone();
        use_effect_with(
            (super::identity(&ctx.outcome), *shown),
            move |(_, shown)| {
                let docs: Vec<usize> = ctx2
                    .outcome
                    .ordered()
                    .take(*shown)
                    .map(|i| ctx2.ex.doc_of(i))
                    .collect();
                ctx2.want_details(docs);
            },
        );
    }
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    let toggle_filters = {
        let f = filters_open.clone();
        Callback::from(move |_: MouseEvent| f.set(!*f))
    };
    html! {
        <div class="layout">
            <div class="filters-col">
                <button type="button" class="filters-toggle" onclick={toggle_filters}
                        aria-expanded={filters_open.to_string()} aria-controls="facets">
                    { ctx.t("筛选", "Filters") }
                </button>
                <FacetPanel open={*filters_open} />
            </div>
            // `data-query` names the query this list was rendered for: tests and benchmarks wait
            // for it, since a query that matches everything leaves the count unchanged.
            <section class="results" aria-label={ctx.t("举措列表", "Initiatives")} data-query={ctx.state.state.url.query.clone()}>
                <SearchBox />
                <div class="toolbar"><ActiveFilters /><SortSelect /><ExportButtons /></div>
                <super::widgets::SearchProgress />
                if results.is_empty() {
                    <div class="empty" data-testid="empty">
                        <p>{ ctx.t("没有符合条件的举措。", "No initiative matches.") }</p>
                        <p>{ ctx.t("试试删除一些筛选条件、换一个更短的关键词，或点“清除全部”。", "Remove a filter, try a shorter query, or press “Clear all”.") }</p>
                    </div>
                } else {
                    <ol class="cards" data-testid="results">
                        { for ctx.outcome.ordered().take(*shown).enumerate().map(|(k, i)| html! { <InitiativeCard index={i} key={k} /> }) }
                    </ol>
                    if results.len() > *shown {
                        <button type="button" class="more" onclick={more}>
                            { match ctx.lang() { Lang::Zh => format!("显示更多（还有 {} 项）", results.len() - *shown), Lang::En => format!("Show more ({} left)", results.len() - *shown) } }
                        </button>
                    }
                }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub index: usize,
}

#[function_component(InitiativeCard)]
pub fn initiative_card(props: &CardProps) -> Html {
    let ctx = use_ctx();
    let ex = &ctx.ex;
    let i = props.index;
    let d = ex.doc_of(i);
    let doc = ex.doc(d);
    let url = &ctx.state.state.url;
    let q = url.query.as_str();
    let tier = (*ctx.qm).as_ref().and_then(|m| m.tier(ex, i));
    let id = ex.initiative_id(i);
    let reader = UrlState {
        view: View::Reader {
            doc: doc.id.clone(),
            focus: Some(id.clone()),
        },
        ..url.clone()
    };
    let region: Vec<&str> = [&doc.province, &doc.city, &doc.district]
        .iter()
        .filter_map(|p| p.as_ref().map(|p| p.name.as_str()))
        .collect();
    let shared = ex.canonical_of(i).filter(|(_, c)| c.documents > 1);
    let detail = ex.detail(d);
    let summary = detail
        .as_ref()
        .and_then(|x| x.initiatives.get(i - ex.inits_of_doc(d).start))
        .map(|x| x.summary.clone());
    // A body match shows where the query occurs in the document.
    let body_snippet = (tier == Some(Tier::Body))
        .then(|| {
            detail.as_ref().and_then(|x| {
                x.document
                    .sections
                    .iter()
                    .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter()))
                    .find_map(|p| snippet(p, q, 24))
            })
        })
        .flatten();
    let metrics: Vec<&str> = ex.metrics_of(i).map(|m| m.raw).collect();
    html! {
        <li class="card" data-id={id}>
            <h2 class="name"><a href={href(&reader)}>{ highlight(ex.name(i), q) }</a></h2>
            <ThemeChips themes={ex.themes_of(i)} />
            <p class="meta">
                <span class="bureau">{ doc.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| ctx.t("税务局未注明", "Bureau not stated").to_string()) }</span>
                if !region.is_empty() { <span class="region">{ region.join(" ") }</span> }
                <span class="date">{ doc.date.clone().unwrap_or_else(|| ctx.t("日期未注明", "Date not stated").to_string()) }</span>
            </p>
            if let Some(s) = summary {
                <p class="summary">{ highlight(&s, q) }</p>
            } else if ex.detail_failed(d) {
                <p class="summary muted">{ ctx.t("（原文未能载入）", "(text could not be loaded)") }</p>
            } else {
                <p class="summary pending" aria-busy="true">{ "…" }</p>
            }
            if let Some((s, ranges)) = body_snippet {
                <p class="snippet"><span class="tag">{ ctx.t("正文：", "In text: ") }</span>
                    { super::widgets::marked(&s, &ranges.into_iter().map(|(a, b)| (a, b, crate::text::Mark::Query)).collect::<Vec<_>>()) }</p>
            }
            if !metrics.is_empty() {
                <ul class="badges" aria-label={ctx.t("相关数据", "Figures")}>{ for metrics.iter().map(|m| html! { <li class="badge">{ *m }</li> }) }</ul>
            }
            <p class="doc">{ ctx.t("出自", "From") }{ " " }<a href={href(&reader)}>{ format!("《{}》", doc.title) }</a>
                if let Some((_, c)) = shared {
                    { " · " }
                    <a href={href(&UrlState { view: View::Canonical { key: c.key.clone() }, ..url.clone() })}>
                        { match ctx.lang() { Lang::Zh => format!("另见于 {} 篇文档", c.documents - 1), Lang::En => format!("also in {} other document(s)", c.documents - 1) } }
                    </a>
                }
            </p>
        </li>
    }
}
