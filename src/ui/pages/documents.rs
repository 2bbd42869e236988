//! The documents list and the index of initiatives shared by several documents.

use crate::data::Facet;
use crate::query::filter::documents_in_filter;
use crate::query::{Outcome, QueryMatch};
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::facets::ActiveFilters;
use crate::ui::components::href;
use crate::ui::components::search::SearchBox;
use crate::ui::components::text::highlight;
use crate::ui::{identity, use_env};
use crate::view::i18n::value_label;
use std::rc::Rc;
use yew::prelude::*;

const PAGE: usize = 100;
const SHARED: usize = 200;

#[derive(Properties, PartialEq)]
pub struct DocumentsPageProps {
    pub url: UrlState,
    pub outcome: Rc<Outcome>,
    pub qm: Rc<Option<QueryMatch>>,
    pub on_action: Callback<Action>,
}

#[function_component(DocumentsPage)]
pub fn documents_page(p: &DocumentsPageProps) -> Html {
    let env = use_env();
    let shown = use_state_eq(|| PAGE);
    {
        let shown = shown.clone();
        use_effect_with(identity(&p.outcome), move |_| shown.set(PAGE));
    }
    let ds = &env.ds;
    let url = &p.url;
    let docs = {
        let (ds, sel, qm) = (ds.clone(), url.selection.clone(), p.qm.clone());
        use_memo((sel, identity(&p.qm)), move |(sel, _)| {
            documents_in_filter(&ds, sel, (*qm).as_ref())
        })
    };
    // Long lists render a page at a time.
    let shown_docs = *shown;
    let mut shared: Vec<&corpus::pack::CanonRow> = ds
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
            <h1 id="view-title" class="sr-only" tabindex="-1">{ env.t("文档列表", "Documents") }</h1>
            <SearchBox query={url.query.clone()} on_query={p.on_action.reform(Action::SetQuery)} />
            <div class="toolbar"><ActiveFilters url={url.clone()} count={p.outcome.results.len()} on_action={p.on_action.clone()} /></div>
            <p class="count">{ match env.lang { Lang::Zh => format!("{} 篇文档", docs.len()), Lang::En => format!("{} documents", docs.len()) } }</p>
            if docs.is_empty() {
                <div class="empty"><p>{ env.t("没有符合条件的文档。试试清除筛选条件。", "No document matches. Try clearing the filters.") }</p></div>
            }
            <ol class="doclist" data-testid="documents">
            { for docs.iter().take(shown_docs).map(|&di| {
                let d = ds.doc(di);
                let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: None }, ..url.clone() };
                let n = ds.inits_of_doc(di).len();
                let nm = ds.metrics_of_doc(di).len();
                html! {
                    <li class="docrow">
                        <h2><a href={href(&target)}>{ highlight(&d.title, &url.query) }</a></h2>
                        <p class="meta">
                            <span>{ d.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| env.t("税务局未注明", "Bureau not stated").to_string()) }</span>
                            <span>{ d.date.clone().unwrap_or_else(|| env.t("日期未注明", "Date not stated").to_string()) }</span>
                            <span>{ d.publisher.clone().unwrap_or_else(|| env.t("发布者未注明", "Publisher not stated").to_string()) }</span>
                            <span>{ value_label(ds, env.lang, Facet::Kind, d.kind.id()) }</span>
                            <span>{ match env.lang { Lang::Zh => format!("{n} 项举措 · {nm} 个数据"), Lang::En => format!("{n} initiatives · {nm} figures") } }</span>
                            if let Some(h) = (*p.qm).as_ref().and_then(|m| m.hits_in(ds, di)) {
                                <span class="hits" data-testid="hits">{ match env.lang { Lang::Zh => format!("命中 {h} 处"), Lang::En => format!("{h} hit(s)") } }</span>
                            }
                        </p>
                    </li>
                }
            }) }
            </ol>
            if docs.len() > shown_docs {
                <button type="button" class="more" onclick={more}>
                    { match env.lang { Lang::Zh => format!("显示更多（还有 {} 篇）", docs.len() - shown_docs), Lang::En => format!("Show more ({} left)", docs.len() - shown_docs) } }
                </button>
            }
            <section class="shared">
                <h2>{ env.t("多篇文档共有的举措", "Initiatives found in several documents") }</h2>
                <ul>
                { for shared.iter().map(|c| {
                    let target = UrlState { view: View::Canonical { key: c.key.clone() }, ..url.clone() };
                    html! { <li><a href={href(&target)}>{ c.name() }</a>{ format!(" · {} / {}", c.bureaus, c.documents) }</li> }
                }) }
                </ul>
                if shared_total > SHARED {
                    <p class="muted">{ match env.lang { Lang::Zh => format!("按文档数列出前 {SHARED} 项，共 {shared_total} 项。", ), Lang::En => format!("The {SHARED} most widespread of {shared_total}.") } }</p>
                }
                <p class="muted">{ env.t("数字：税务局数 / 文档数", "Numbers: bureaus / documents") }</p>
            </section>
        </div>
    }
}
