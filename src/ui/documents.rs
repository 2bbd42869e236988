//! The documents list and the index of initiatives shared by several documents.

use super::use_ctx;
use super::widgets::{highlight, href, ActiveFilters, SearchBox};
use crate::filter::documents_of;
use crate::url::{Lang, UrlState, View};
use yew::prelude::*;

#[function_component(DocumentsPage)]
pub fn documents_page() -> Html {
    let ctx = use_ctx();
    let ex = &ctx.ex;
    let url = &ctx.state.state.url;
    let filtered = !url.selection.is_empty() || !url.query.trim().is_empty();
    // Unfiltered: every document, also those without initiatives. Filtered: documents of the
    // matching initiatives, plus documents whose text matches the query.
    let docs: Vec<usize> = if filtered {
        let mut d = documents_of(ex, &ctx.outcome.results);
        if url.selection.is_empty() {
            if let Some(m) = (*ctx.qm).as_ref() {
                d.extend(m.documents.keys().copied());
                d.sort_unstable();
                d.dedup();
            }
        }
        d
    } else {
        (0..ex.corpus.documents.len()).collect()
    };
    let shared: Vec<_> = ex
        .corpus
        .canonical
        .iter()
        .filter(|c| c.doc_ids.len() > 1)
        .collect();
    html! {
        <div class="single">
            <SearchBox />
            <div class="toolbar"><ActiveFilters /></div>
            <p class="count">{ match ctx.lang() { Lang::Zh => format!("{} 篇文档", docs.len()), Lang::En => format!("{} documents", docs.len()) } }</p>
            if docs.is_empty() {
                <div class="empty"><p>{ ctx.t("没有符合条件的文档。试试清除筛选条件。", "No document matches. Try clearing the filters.") }</p></div>
            }
            <ol class="doclist" data-testid="documents">
            { for docs.iter().map(|&di| {
                let d = &ex.corpus.documents[di];
                let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: None }, ..url.clone() };
                let n = d.initiative_ids.len();
                html! {
                    <li class="docrow">
                        <h2><a href={href(&target)}>{ highlight(&d.title, &url.query) }</a></h2>
                        <p class="meta">
                            <span>{ d.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| ctx.t("税务局未注明", "Bureau not stated").to_string()) }</span>
                            <span>{ d.date.clone().unwrap_or_else(|| ctx.t("日期未注明", "Date not stated").to_string()) }</span>
                            <span>{ d.publisher.clone().unwrap_or_else(|| ctx.t("发布者未注明", "Publisher not stated").to_string()) }</span>
                            <span>{ crate::i18n::value_label(ex, ctx.lang(), crate::filter::Facet::Kind, d.kind.id()) }</span>
                            <span>{ match ctx.lang() { Lang::Zh => format!("{n} 项举措 · {} 个数据", d.metric_ids.len()), Lang::En => format!("{n} initiatives · {} figures", d.metric_ids.len()) } }</span>
                        </p>
                    </li>
                }
            }) }
            </ol>
            <section class="shared">
                <h2>{ ctx.t("多篇文档共有的举措", "Initiatives found in several documents") }</h2>
                <ul>
                { for shared.iter().map(|c| {
                    let target = UrlState { view: View::Canonical { key: c.key.clone() }, ..url.clone() };
                    html! { <li><a href={href(&target)}>{ &c.name }</a>{ format!(" · {} / {}", c.bureaus.len(), c.doc_ids.len()) }</li> }
                }) }
                </ul>
                <p class="muted">{ ctx.t("数字：税务局数 / 文档数", "Numbers: bureaus / documents") }</p>
            </section>
        </div>
    }
}
