//! Keyword in context (`#/kwic?q=…`): one aligned line per occurrence in the documents of the
//! current filter, sortable, paged, each opening the reader at its own occurrence.

use super::super::{dom, load};
use crate::query::filter::documents_in_filter;
use crate::query::QueryMatch;
use crate::state::{Action, KwicOrder, Lang, UrlState, View};
use crate::ui::components::facets::ActiveFilters;
use crate::ui::components::href;
use crate::ui::components::search::{SearchBox, SearchProgress};
use crate::ui::{identity, use_env};
use crate::view::export::{file_name, filter_text};
use crate::view::kwic;
use std::rc::Rc;
use yew::prelude::*;

/// Lines per page.
const PAGE: usize = 100;
/// Lines computed at most (a page of them is rendered).
const LIMIT: usize = 20_000;

#[derive(Properties, PartialEq)]
pub struct KwicPageProps {
    pub url: UrlState,
    pub qm: Rc<Option<QueryMatch>>,
    /// Initiatives under the filter (for the count beside the filters).
    pub results: usize,
    pub on_action: Callback<Action>,
}

#[function_component(KwicPage)]
pub fn kwic_page(p: &KwicPageProps) -> Html {
    let env = use_env();
    let ds = env.ds.clone();
    let url = &p.url;
    let page = use_state_eq(|| 0usize);
    let lines = {
        let (ds, sel, qm, order) = (ds.clone(), url.selection.clone(), p.qm.clone(), url.order);
        use_memo((sel, identity(&p.qm), order), move |(sel, _, order)| {
            let Some(m) = (*qm).as_ref() else {
                return (Vec::new(), 0);
            };
            let docs = documents_in_filter(&ds, sel, Some(m));
            let (mut lines, total) = kwic::lines(&ds, &m.query, &docs, LIMIT);
            kwic::sort(&ds, &mut lines, *order);
            (lines, total)
        })
    };
    {
        let page = page.clone();
        use_effect_with(identity(&lines), move |_| page.set(0));
    }
    let (all, total) = (&lines.0, lines.1);
    let pages = all.len().div_ceil(PAGE).max(1);
    let shown: Vec<&kwic::Line> = all.iter().skip(*page * PAGE).take(PAGE).collect();
    // The original text of the lines on screen: their documents' chunks.
    {
        let env = env.clone();
        let docs: Vec<usize> = shown.iter().map(|l| l.doc).collect();
        use_effect_with(docs, move |docs| env.want_details(docs.iter().copied()));
    }
    let on_order = p.on_action.reform(|e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        Action::SetOrder(KwicOrder::from_key(&s.value()).unwrap_or_default())
    });
    let export = {
        let (ds, lines, url) = (ds.clone(), lines.clone(), url.clone());
        let what = env.t("语境", "kwic");
        Callback::from(move |_: MouseEvent| {
            let (ds, lines, url) = (ds.clone(), lines.clone(), url.clone());
            yew::platform::spawn_local(async move {
                let docs: Vec<usize> = {
                    let mut d: Vec<usize> = lines.0.iter().map(|l| l.doc).collect();
                    d.sort_unstable();
                    d.dedup();
                    d
                };
                load::ensure_details(&ds, docs).await;
                let filter = filter_text(&ds, &url);
                let date = dom::today();
                let body = kwic::csv(&ds, &lines.0, &filter, &date);
                dom::download(
                    &file_name(what, &filter, &date, "csv"),
                    "text/csv;charset=utf-8",
                    &body,
                );
            });
        })
    };
    let go = |k: usize| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(k))
    };
    let order_label = |o: KwicOrder| match o {
        KwicOrder::Text => env.t("按文档顺序", "Document order"),
        KwicOrder::Left => env.t("按左侧语境", "Left context"),
        KwicOrder::Right => env.t("按右侧语境", "Right context"),
        KwicOrder::Bureau => env.t("按税务局", "Bureau"),
        KwicOrder::Date => env.t("按日期（新→旧）", "Date (newest first)"),
    };
    html! {
        <div class="single kwic-page">
            <h1 id="view-title" tabindex="-1">{ env.t("关键词语境", "Keyword in context") }</h1>
            <SearchBox query={url.query.clone()} on_query={p.on_action.reform(Action::SetQuery)} />
            <div class="toolbar">
                <ActiveFilters url={url.clone()} count={p.results} on_action={p.on_action.clone()} />
                <label class="sort">{ env.t("排序 ", "Sort ") }
                    <select onchange={on_order} data-testid="kwic-order">
                    { for KwicOrder::ALL.iter().map(|&o| html! {
                        <option value={o.key()} selected={url.order == o}>{ order_label(o) }</option>
                    }) }
                    </select>
                </label>
                <button type="button" onclick={export} data-testid="kwic-export" disabled={all.is_empty()}>{ env.t("导出 CSV", "Export CSV") }</button>
            </div>
            <SearchProgress qm={p.qm.clone()} />
            if (*p.qm).is_none() {
                <p class="empty">{ env.t("输入检索词，列出它在当前筛选下每一次出现的上下文。", "Type a query to list every occurrence under the current filter, in context.") }</p>
            } else if all.is_empty() {
                <p class="empty" data-testid="empty">{ env.t("当前筛选下没有出现。", "No occurrence under the current filter.") }</p>
            } else {
                <p class="count" data-testid="kwic-count">{ match env.lang {
                    Lang::Zh => format!("共 {total} 处{}", if total > all.len() { format!("，列出前 {}", all.len()) } else { String::new() }),
                    Lang::En => format!("{total} occurrences{}", if total > all.len() { format!(", the first {} listed", all.len()) } else { String::new() }),
                } }</p>
                <div class="scroll-x">
                <table class="kwic" data-testid="kwic">
                    <thead><tr>
                        <th scope="col" class="l">{ env.t("左侧", "Left") }</th>
                        <th scope="col" class="k">{ env.t("检索词", "Keyword") }</th>
                        <th scope="col">{ env.t("右侧", "Right") }</th>
                        <th scope="col">{ env.t("出处", "Source") }</th>
                    </tr></thead>
                    <tbody>
                    { for shown.iter().map(|l| {
                        let d = ds.doc(l.doc);
                        let (left, key, right) = kwic::original(&ds, l).unwrap_or_else(|| (l.left.clone(), l.keyword.clone(), l.right.clone()));
                        let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: None }, hit: Some(l.hit), ..url.clone() };
                        html! { <tr>
                            <td class="l">{ left }</td>
                            <td class="k"><a href={href(&target)}><mark class="q">{ key }</mark></a></td>
                            <td class="r">{ right }</td>
                            <td class="src">{ d.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_default() }{ " · " }{ d.date.clone().unwrap_or_else(|| env.t("日期未注明", "undated").to_string()) }</td>
                        </tr> }
                    }) }
                    </tbody>
                </table>
                </div>
                if pages > 1 {
                    <nav class="pager" aria-label={env.t("分页", "Pages")}>
                        <button type="button" onclick={go(page.saturating_sub(1))} disabled={*page == 0}>{ env.t("上一页", "Previous") }</button>
                        <span>{ format!("{} / {pages}", *page + 1) }</span>
                        <button type="button" onclick={go((*page + 1).min(pages - 1))} disabled={*page + 1 >= pages} data-testid="kwic-next">{ env.t("下一页", "Next") }</button>
                    </nav>
                }
            }
        </div>
    }
}
