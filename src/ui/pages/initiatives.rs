//! The initiatives page: search, facets, active filters, sorted result cards.

use crate::data::Facet;
use crate::query::{Outcome, QueryMatch, Tier};
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::export::ExportButtons;
use crate::ui::components::facets::{ActiveFilters, FacetPanel, SortSelect};
use crate::ui::components::href;
use crate::ui::components::search::{SearchBox, SearchProgress};
use crate::ui::components::text::{highlight, ThemeChips};
use crate::ui::{dom, identity, use_env};
use std::rc::Rc;
use yew::prelude::*;

/// Cards per page: each is a dozen DOM nodes to lay out on every keystroke.
const PAGE: usize = 20;

#[derive(Properties, PartialEq)]
pub struct InitiativesPageProps {
    pub url: UrlState,
    pub outcome: Rc<Outcome>,
    pub qm: Rc<Option<QueryMatch>>,
    pub on_action: Callback<Action>,
}

#[function_component(InitiativesPage)]
pub fn initiatives_page(p: &InitiativesPageProps) -> Html {
    let env = use_env();
    let shown = use_state_eq(|| PAGE);
    let filters_open = use_state(|| false);
    // A new result set starts at the top of the list again.
    {
        let shown = shown.clone();
        use_effect_with(identity(&p.outcome), move |_| shown.set(PAGE));
    }
    let results = &p.outcome.results;
    // The cards on screen need their documents' sentences: fetch those chunks.
    {
        let (env, outcome) = (env.clone(), p.outcome.clone());
        use_effect_with((identity(&p.outcome), *shown), move |(_, shown)| {
            env.want_details(outcome.ordered().take(*shown).map(|i| env.ds.doc_of(i)));
        });
    }
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    // Printing lists every result, not the first page: the button shows them all, then
    // prints; the browser's own print command does the same through `beforeprint`.
    let print = {
        let (shown, n) = (shown.clone(), results.len());
        Callback::from(move |_: MouseEvent| {
            shown.set(n.max(PAGE));
            gloo_timers::callback::Timeout::new(50, dom::print).forget();
        })
    };
    {
        let (shown, n) = (shown.clone(), results.len());
        use_effect_with(n, move |&n| {
            let l = dom::on_before_print(move || shown.set(n.max(PAGE)));
            move || drop(l)
        });
    }
    let toggle_filters = {
        let f = filters_open.clone();
        Callback::from(move |_: MouseEvent| f.set(!*f))
    };
    let on_toggle = p
        .on_action
        .reform(|(f, v): (Facet, String)| Action::ToggleFacet(f, v));
    let on_theme = p
        .on_action
        .reform(|t: String| Action::ToggleFacet(Facet::Theme, t));
    let selected_themes = p.url.selection.values(Facet::Theme);
    html! {
        <div class="layout">
            <div class="filters-col">
                <button type="button" class="filters-toggle" id="filters-toggle" onclick={toggle_filters}
                        aria-expanded={filters_open.to_string()} aria-controls="facets">
                    { env.t("筛选", "Filters") }
                </button>
                <FacetPanel outcome={p.outcome.clone()} selection={p.url.selection.clone()} open={*filters_open} {on_toggle}
                    count={results.len()} on_close={{ let f = filters_open.clone(); Callback::from(move |_| { f.set(false); dom::focus_id("filters-toggle"); }) }} />
            </div>
            // `data-query` names the query this list was rendered for: tests and benchmarks wait
            // for it, since a query that matches everything leaves the count unchanged.
            <section class="results" aria-labelledby="view-title" data-query={p.url.query.clone()}>
                <h1 id="view-title" class="sr-only" tabindex="-1">{ env.t("举措列表", "Initiatives") }</h1>
                <SearchBox query={p.url.query.clone()} on_query={p.on_action.reform(Action::SetQuery)} />
                <div class="toolbar">
                    <ActiveFilters url={p.url.clone()} count={results.len()} on_action={p.on_action.clone()} />
                    <SortSelect sort={p.url.sort} on_sort={p.on_action.reform(Action::SetSort)} />
                    <ExportButtons outcome={p.outcome.clone()} url={p.url.clone()} />
                    <button type="button" class="print" onclick={print} data-testid="print">{ env.t("打印全部结果", "Print all results") }</button>
                </div>
                <SearchProgress qm={p.qm.clone()} />
                if results.is_empty() {
                    <div class="empty" data-testid="empty">
                        <p>{ env.t("没有符合条件的举措。", "No initiative matches.") }</p>
                        <p>{ env.t("试试删除一些筛选条件、换一个更短的关键词，或点“清除全部”。", "Remove a filter, try a shorter query, or press “Clear all”.") }</p>
                    </div>
                } else {
                    <ol class="cards" data-testid="results">
                        { for p.outcome.ordered().take(*shown).enumerate().map(|(k, i)| html! {
                            <InitiativeCard key={k} index={i} url={p.url.clone()}
                                tier={(*p.qm).as_ref().and_then(|m| m.tier(i))}
                                selected_themes={selected_themes.clone()} on_theme={on_theme.clone()} />
                        }) }
                    </ol>
                    if results.len() > *shown {
                        <button type="button" class="more" onclick={more}>
                            { match env.lang { Lang::Zh => format!("显示更多（还有 {} 项）", results.len() - *shown), Lang::En => format!("Show more ({} left)", results.len() - *shown) } }
                        </button>
                    }
                }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct InitiativeCardProps {
    pub index: usize,
    pub url: UrlState,
    /// How it matched the query, if there is one.
    pub tier: Option<Tier>,
    pub selected_themes: Vec<String>,
    pub on_theme: Callback<String>,
}

#[function_component(InitiativeCard)]
pub fn initiative_card(p: &InitiativeCardProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let i = p.index;
    let d = ds.doc_of(i);
    let doc = ds.doc(d);
    let url = &p.url;
    let q = url.query.as_str();
    let id = ds.initiative_id(i);
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
    let shared = ds.canonical_of(i).filter(|(_, c)| c.documents > 1);
    let detail = ds.detail(d);
    let summary = detail
        .as_ref()
        .and_then(|x| x.initiatives.get(i - ds.inits_of_doc(d).start))
        .map(|x| x.summary.clone());
    let metrics: Vec<&str> = ds.metrics_of(i).map(|m| m.raw).collect();
    html! {
        <li class="card" data-id={id}>
            <h2 class="name"><a href={href(&reader)}>{ highlight(ds.name(i), q) }</a></h2>
            <ThemeChips themes={ds.themes_of(i)} selected={p.selected_themes.clone()} on_toggle={p.on_theme.clone()} />
            <p class="meta">
                <span class="bureau">{ doc.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| env.t("税务局未注明", "Bureau not stated").to_string()) }</span>
                if !region.is_empty() { <span class="region">{ region.join(" ") }</span> }
                <span class="date">{ doc.date.clone().unwrap_or_else(|| env.t("日期未注明", "Date not stated").to_string()) }</span>
            </p>
            if let Some(s) = summary {
                <p class="summary">{ highlight(&s, q) }</p>
            } else if ds.detail_failed(d) {
                <p class="summary muted">{ env.t("（原文未能载入）", "(text could not be loaded)") }</p>
            } else {
                <p class="summary pending" aria-busy="true">{ "…" }</p>
            }
            if !metrics.is_empty() {
                <ul class="badges" aria-label={env.t("相关数据", "Figures")}>{ for metrics.iter().map(|m| html! { <li class="badge">{ *m }</li> }) }</ul>
            }
            <p class="doc">{ env.t("出自", "From") }{ " " }<a href={href(&reader)}>{ format!("《{}》", doc.title) }</a>
                if let Some((_, c)) = shared {
                    { " · " }
                    <a href={href(&UrlState { view: View::Canonical { key: c.key.clone() }, ..url.clone() })}>
                        { match env.lang { Lang::Zh => format!("另见于 {} 篇文档", c.documents - 1), Lang::En => format!("also in {} other document(s)", c.documents - 1) } }
                    </a>
                }
            </p>
        </li>
    }
}
