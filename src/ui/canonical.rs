//! One initiative across bureaus: who runs it, since when, with which figures.

use super::use_ctx;
use super::widgets::{href, ThemeChips};
use crate::url::{Lang, UrlState, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CanonicalProps {
    pub key_: String,
}

#[function_component(CanonicalPage)]
pub fn canonical_page(props: &CanonicalProps) -> Html {
    let ctx = use_ctx();
    let ex = &ctx.ex;
    let url = &ctx.state.state.url;
    let Some(c) = ex.canonical(&props.key_) else {
        return html! {
            <div class="single empty" data-testid="not-found">
                <p>{ ctx.t("语料中没有这项举措。", "This initiative is not in the corpus.") }</p>
                <p><a href={href(&UrlState { view: View::Initiatives, ..url.clone() })}>{ ctx.t("返回举措列表", "Back to initiatives") }</a></p>
            </div>
        };
    };
    // Rows by date (undated last), one per document.
    let mut rows: Vec<_> = c
        .initiative_ids
        .iter()
        .filter_map(|id| ex.initiative(id))
        .collect();
    rows.sort_by_key(|i| {
        let d = ex.doc(&i.doc_id).and_then(|d| d.date.clone());
        (d.is_none(), d, i.id.clone())
    });
    let headline = match ctx.lang() {
        Lang::Zh => format!(
            "{} 个税务局 · {} 篇文档 · 最早见于 {}",
            c.bureaus.len(),
            c.doc_ids.len(),
            c.first_date
                .clone()
                .unwrap_or_else(|| "日期未注明的文档".into())
        ),
        Lang::En => format!(
            "{} bureaus · {} documents · earliest {}",
            c.bureaus.len(),
            c.doc_ids.len(),
            c.first_date.clone().unwrap_or_else(|| "undated".into())
        ),
    };
    html! {
        <div class="single canonical" data-testid="canonical">
            <p class="crumbs"><a href={href(&UrlState { view: View::Documents, ..url.clone() })}>{ ctx.t("← 全部文档与共有举措", "← All documents and shared initiatives") }</a></p>
            <h1>{ &c.name }</h1>
            <p class="summary">{ headline }</p>
            <ThemeChips themes={c.themes.clone()} />
            <table class="table">
                <caption>{ ctx.t("各税务局的做法与数据", "What each bureau does, with figures") }</caption>
                <thead><tr>
                    <th scope="col">{ ctx.t("税务局", "Bureau") }</th>
                    <th scope="col">{ ctx.t("日期", "Date") }</th>
                    <th scope="col">{ ctx.t("做法", "Practice") }</th>
                    <th scope="col">{ ctx.t("数据", "Figures") }</th>
                    <th scope="col">{ ctx.t("出处", "Source") }</th>
                </tr></thead>
                <tbody>
                { for rows.iter().map(|i| {
                    let d = ex.doc(&i.doc_id);
                    let target = UrlState { view: View::Reader { doc: i.doc_id.clone(), focus: Some(i.id.clone()) }, ..url.clone() };
                    let figures: Vec<String> = ex.metrics_of(i).map(|m| m.raw.clone()).collect();
                    html! { <tr>
                        <td>{ d.and_then(|d| d.bureau.as_ref()).map(|b| b.name.clone()).unwrap_or_else(|| ctx.t("未注明", "not stated").to_string()) }</td>
                        <td>{ d.and_then(|d| d.date.clone()).unwrap_or_else(|| ctx.t("日期未注明", "not stated").to_string()) }</td>
                        <td>{ &i.summary }</td>
                        <td>{ figures.join("，") }</td>
                        <td><a href={href(&target)}>{ d.map(|d| format!("《{}》", d.title)).unwrap_or_default() }</a></td>
                    </tr> }
                }) }
                </tbody>
            </table>
        </div>
    }
}
