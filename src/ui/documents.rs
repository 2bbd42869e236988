//! The documents list and the index of initiatives shared by several documents.

use super::use_ctx;
use super::widgets::{highlight, href, ActiveFilters, SearchBox};
use crate::filter::documents_of;
use crate::url::{Lang, UrlState, View};
use yew::prelude::*;

const PAGE: usize = 100;
const SHARED: usize = 200;

#[function_component(DocumentsPage)]
pub fn documents_page() -> Html {
    let ctx = use_ctx();
    let shown = use_state_eq(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(super::identity(&ctx.outcome), move |_| shown.set(PAGE));
    }
    let ex = &ctx.ex;
    let url = &ctx.state.state.url;
    let filtered = !url.selection.is_empty() || !url.query.trim().is_empty();
    // Unfiltered: every document, also those without initiatives. Filtered: documents of the
    // matching initiatives, plus documents whose text matches the query.
    let docs: Vec<usize> = if filtered {
        let mut d = documents_of(ex, &ctx.outcome.results);
        if url.selection.is_empty() {
            if let Some(m) = (*ctx.qm).as_ref() {
                d.extend(m.documents.iter().map(|&x| x as usize));
                d.sort_unstable();
                d.dedup();
            }
        }
        d
    } else {
        (0..ex.docs().len()).collect()
    };
    // Long lists render a page at a time.
    let shown_docs = *shown;
    let mut shared: Vec<&corpus::pack::CanonRow> = ex
        .ix
        .meta
        .canonical
        .iter()
        .filter(|c| c.documents > 1)
        .collect();
    shared.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then_with(|| a.key.cmp(&b.key))
    });
    let shared_total = shared.len();
    shared.truncate(SHARED);
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <div class="single">
            <SearchBox />
            <div class="toolbar"><ActiveFilters /></div>
            <p class="count">{ match ctx.lang() { Lang::Zh => format!("{} 篇文档", docs.len()), Lang::En => format!("{} documents", docs.len()) } }</p>
            if docs.is_empty() {
                <div class="empty"><p>{ ctx.t("没有符合条件的文档。试试清除筛选条件。", "No document matches. Try clearing the filters.") }</p></div>
            }
            <ol class="doclist" data-testid="documents">
            { for docs.iter().take(shown_docs).map(|&di| {
                let d = ex.doc(di);
                let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: None }, ..url.clone() };
                let n = ex.inits_of_doc(di).len();
                let nm = ex.metrics_of_doc(di).len();
                html! {
                    <li class="docrow">
                        <h2><a href={href(&target)}>{ highlight(&d.title, &url.query) }</a></h2>
                        <p class="meta">
                            <span>{ d.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| ctx.t("税务局未注明", "Bureau not stated").to_string()) }</span>
                            <span>{ d.date.clone().unwrap_or_else(|| ctx.t("日期未注明", "Date not stated").to_string()) }</span>
                            <span>{ d.publisher.clone().unwrap_or_else(|| ctx.t("发布者未注明", "Publisher not stated").to_string()) }</span>
                            <span>{ crate::i18n::value_label(ex, ctx.lang(), crate::filter::Facet::Kind, d.kind.id()) }</span>
                            <span>{ match ctx.lang() { Lang::Zh => format!("{n} 项举措 · {nm} 个数据"), Lang::En => format!("{n} initiatives · {nm} figures") } }</span>
                        </p>
                    </li>
                }
            }) }
            </ol>
            if docs.len() > shown_docs {
                <button type="button" class="more" onclick={more}>
                    { match ctx.lang() { Lang::Zh => format!("显示更多（还有 {} 篇）", docs.len() - shown_docs), Lang::En => format!("Show more ({} left)", docs.len() - shown_docs) } }
                </button>
            }
            <section class="shared">
                <h2>{ ctx.t("多篇文档共有的举措", "Initiatives found in several documents") }</h2>
                <ul>
                { for shared.iter().map(|c| {
                    let target = UrlState { view: View::Canonical { key: c.key.clone() }, ..url.clone() };
                    html! { <li><a href={href(&target)}>{ c.name() }</a>{ format!(" · {} / {}", c.bureaus, c.documents) }</li> }
                }) }
                </ul>
                if shared_total > SHARED {
                    <p class="muted">{ match ctx.lang() { Lang::Zh => format!("按文档数列出前 {SHARED} 项，共 {shared_total} 项。", ), Lang::En => format!("The {SHARED} most widespread of {shared_total}.") } }</p>
                }
                <p class="muted">{ ctx.t("数字：税务局数 / 文档数", "Numbers: bureaus / documents") }</p>
            </section>
        </div>
    }
}
