//! Filtering controls: the facet panel with disjunctive counts, the active-filter chips with
//! the result count, and the sort order.

use crate::data::Facet;
use crate::query::Outcome;
use crate::state::{Action, Lang, Selection, Sort, UrlState};
use crate::ui::use_env;
use crate::view::i18n::{facet_label, value_label};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub outcome: Rc<Outcome>,
    pub selection: Selection,
    /// Hidden on phones until the user opens it (then a full-screen sheet).
    pub open: bool,
    pub on_toggle: Callback<(Facet, String)>,
    /// Results under the filter (the sheet shows it live).
    pub count: usize,
    /// The sheet's 完成 button.
    pub on_close: Callback<()>,
}

/// One fieldset of checkboxes per facet, with disjunctive counts.
#[function_component(FacetPanel)]
pub fn facet_panel(p: &FacetPanelProps) -> Html {
    let env = use_env();
    let expanded = use_state(std::collections::BTreeSet::<Facet>::new);
    let lang = env.lang;
    html! {
        <aside class={classes!("facets", p.open.then_some("open"))} id="facets" aria-label={env.t("筛选", "Filters")}>
        <div class="sheet-bar">
            <span role="status" aria-live="polite" data-testid="sheet-count">{ match lang {
                Lang::Zh => format!("{} 项结果", p.count),
                Lang::En => format!("{} results", p.count),
            } }</span>
            <button type="button" data-testid="sheet-done" onclick={p.on_close.reform(|_: MouseEvent| ())}>{ env.t("完成", "Done") }</button>
        </div>
        { for Facet::ALL.into_iter().map(|f| {
            let counts: &[(Rc<str>, usize)] = p.outcome.counts.get(&f).map_or(&[], Vec::as_slice);
            let limit = if expanded.contains(&f) { usize::MAX } else { 8 };
            let more = counts.len() > 8;
            let toggle_more = {
                let expanded = expanded.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut s = (*expanded).clone();
                    if !s.remove(&f) { s.insert(f); }
                    expanded.set(s);
                })
            };
            html! {
                <fieldset class="facet" data-facet={f.key()}>
                    <legend>{ facet_label(lang, f) }</legend>
                    if counts.is_empty() { <p class="muted">{ env.t("无", "None") }</p> }
                    <ul>
                    { for counts.iter().take(limit).map(|(v, n)| {
                        let id = format!("f-{}-{}", f.key(), crate::state::url::encode(v));
                        let checked = p.selection.is_selected(f, v);
                        let value = v.to_string();
                        let onchange = p.on_toggle.reform(move |_: Event| (f, value.clone()));
                        let label = value_label(&env.ds, lang, f, v);
                        html! {
                            <li class={classes!((*n == 0 && !checked).then_some("zero"))}>
                                <input type="checkbox" id={id.clone()} {checked} {onchange} data-value={v.to_string()} />
                                <label for={id}><span class="v">{ label }</span><span class="n">{ n }</span></label>
                            </li>
                        }
                    }) }
                    </ul>
                    if more {
                        <button type="button" class="link" onclick={toggle_more} aria-expanded={expanded.contains(&f).to_string()}>
                            { if expanded.contains(&f) { env.t("收起", "Show fewer") } else { env.t("显示全部", "Show all") } }
                        </button>
                    }
                </fieldset>
            }
        }) }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
pub struct ActiveFiltersProps {
    pub url: UrlState,
    /// How many initiatives the filter gives.
    pub count: usize,
    pub on_action: Callback<Action>,
}

/// Removable chips for the active filters, a clear-all action and the result count.
#[function_component(ActiveFilters)]
pub fn active_filters(p: &ActiveFiltersProps) -> Html {
    let env = use_env();
    let lang = env.lang;
    let url = &p.url;
    let chips = url.selection.chips();
    let n = p.count;
    let count = match lang {
        Lang::Zh => format!("共 {n} 项举措"),
        Lang::En => format!("{n} initiative{}", if n == 1 { "" } else { "s" }),
    };
    let any = !chips.is_empty() || !url.query.is_empty();
    let send = |a: Action| p.on_action.reform(move |_: MouseEvent| a.clone());
    html! {
        <div class="active">
            <p class="count" role="status" aria-live="polite" data-testid="result-count">{ count }</p>
            <ul class="chips" aria-label={env.t("已选筛选条件", "Active filters")}>
                if !url.query.is_empty() {
                    <li class="chip">
                        <span>{ env.t("关键词：", "Query: ") }{ &url.query }</span>
                        <button type="button" aria-label={env.t("清除关键词", "Clear query")}
                                onclick={send(Action::SetQuery(String::new()))}>{ "×" }</button>
                    </li>
                }
                { for chips.into_iter().map(|(f, v)| {
                    let label = format!("{}：{}", facet_label(lang, f), value_label(&env.ds, lang, f, &v));
                    html! {
                        <li class="chip" data-facet={f.key()}>
                            <span>{ label.clone() }</span>
                            <button type="button" aria-label={format!("{} {label}", env.t("移除", "Remove"))}
                                    onclick={send(Action::ToggleFacet(f, v.clone()))}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
            if any {
                <button type="button" class="clear" onclick={send(Action::ClearAll)}>{ env.t("清除全部", "Clear all") }</button>
            }
            if url.view != crate::state::View::Compare
                && (url.selection.values(Facet::Bureau).len() >= 2 || url.selection.values(Facet::Province).len() >= 2) {
                <a class="compare-link" data-testid="to-compare"
                   href={super::href(&UrlState { view: crate::state::View::Compare, ..url.clone() })}>{ env.t("并排对比所选 →", "Compare the selected side by side →") }</a>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SortSelectProps {
    pub sort: Sort,
    pub on_sort: Callback<Sort>,
}

#[function_component(SortSelect)]
pub fn sort_select(p: &SortSelectProps) -> Html {
    let env = use_env();
    let on_sort = p.on_sort.clone();
    let onchange = Callback::from(move |e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(sort) = Sort::from_key(&s.value()) {
            on_sort.emit(sort);
        }
    });
    let opt = |s: Sort, zh: &'static str, en: &'static str| {
        html! { <option value={s.key()} selected={p.sort == s}>{ env.t(zh, en) }</option> }
    };
    html! {
        <label class="sort">{ env.t("排序", "Sort") }
            <select {onchange}>
                { opt(Sort::Relevance, "相关度", "Relevance") }
                { opt(Sort::Date, "日期（新→旧）", "Date (newest)") }
                { opt(Sort::Bureau, "税务局", "Bureau") }
            </select>
        </label>
    }
}
