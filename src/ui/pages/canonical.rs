//! One initiative across bureaus: who runs it, since when, with which figures.

use crate::data::Facet;
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::href;
use crate::ui::components::text::ThemeChips;
use crate::ui::use_env;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CanonicalPageProps {
    pub key_: String,
    pub url: UrlState,
    pub on_action: Callback<Action>,
}

#[function_component(CanonicalPage)]
pub fn canonical_page(props: &CanonicalPageProps) -> Html {
    const PAGE: usize = 100;
    let env = use_env();
    let shown = use_state(|| PAGE);
    let ds = &env.ds;
    let url = &props.url;
    let found = ds.canonical(&props.key_);
    // Rows by date (undated last), one per document.
    let rows: Vec<usize> = found
        .map(|(c, _)| {
            let mut rows: Vec<usize> = ds.canon_members[c].iter().map(|&i| i as usize).collect();
            rows.sort_by_key(|&i| {
                let d = ds.doc_of_initiative(i).date.clone();
                (d.is_none(), d, i)
            });
            rows
        })
        .unwrap_or_default();
    {
        let env = env.clone();
        let docs: Vec<usize> = rows.iter().take(*shown).map(|&i| ds.doc_of(i)).collect();
        use_effect_with(docs, move |docs| env.want_details(docs.iter().copied()));
    }
    let Some((_, c)) = found else {
        return html! {
            <div class="single empty" data-testid="not-found">
                <p>{ env.t("语料中没有这项举措。", "This initiative is not in the corpus.") }</p>
                <p><a href={href(&UrlState { view: View::Initiatives, ..url.clone() })}>{ env.t("返回举措列表", "Back to initiatives") }</a></p>
            </div>
        };
    };
    let headline = match env.lang {
        Lang::Zh => format!(
            "{} 个税务局 · {} 篇文档 · 最早见于 {}",
            c.bureaus,
            c.documents,
            c.first_date
                .clone()
                .unwrap_or_else(|| "日期未注明的文档".into())
        ),
        Lang::En => format!(
            "{} bureaus · {} documents · earliest {}",
            c.bureaus,
            c.documents,
            c.first_date.clone().unwrap_or_else(|| "undated".into())
        ),
    };
    let more = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + PAGE))
    };
    html! {
        <div class="single canonical" data-testid="canonical">
            <p class="crumbs"><a href={href(&UrlState { view: View::Documents, ..url.clone() })}>{ env.t("← 全部文档与共有举措", "← All documents and shared initiatives") }</a></p>
            <h1 id="view-title" tabindex="-1">{ c.name() }</h1>
            <p class="summary">{ headline }</p>
            <ThemeChips themes={ds.theme_ids(c.themes)} selected={url.selection.values(Facet::Theme)}
                on_toggle={props.on_action.reform(|t: String| Action::ToggleFacet(Facet::Theme, t))} />
            <section class="spread-one">
                <h2>{ env.t("各税务局最早提到的时间", "When each bureau first mentions it") }</h2>
                <crate::ui::pages::spread::BureauTimeline canon={found.map(|f| f.0).unwrap_or_default()} url={url.clone()} />
            </section>
            <div class="scroll-x">
            <table class="table">
                <caption>{ env.t("各税务局的做法与数据", "What each bureau does, with figures") }</caption>
                <thead><tr>
                    <th scope="col">{ env.t("税务局", "Bureau") }</th>
                    <th scope="col">{ env.t("日期", "Date") }</th>
                    <th scope="col">{ env.t("做法", "Practice") }</th>
                    <th scope="col">{ env.t("数据", "Figures") }</th>
                    <th scope="col">{ env.t("出处", "Source") }</th>
                </tr></thead>
                <tbody>
                { for rows.iter().take(*shown).map(|&i| {
                    let d = ds.doc_of_initiative(i);
                    let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: Some(ds.initiative_id(i)) }, ..url.clone() };
                    let figures: Vec<&str> = ds.metrics_of(i).map(|m| m.raw).collect();
                    html! { <tr>
                        <td>{ d.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| env.t("未注明", "not stated").to_string()) }</td>
                        <td>{ d.date.clone().unwrap_or_else(|| env.t("日期未注明", "not stated").to_string()) }</td>
                        // Until its document chunk arrives the sentence is pending (and the row
                        // one line high: it grows when the sentence lands).
                        if let Some(s) = ds.summary_of(i) { <td>{ s }</td> } else { <td class="pending" aria-busy="true">{ "…" }</td> }
                        <td>{ figures.join("，") }</td>
                        <td><a href={href(&target)}>{ format!("《{}》", d.title) }</a></td>
                    </tr> }
                }) }
                </tbody>
            </table>
            </div>
            if rows.len() > *shown {
                <button type="button" class="more" onclick={more}>
                    { match env.lang { Lang::Zh => format!("显示更多（还有 {} 项）", rows.len() - *shown), Lang::En => format!("Show more ({} left)", rows.len() - *shown) } }
                </button>
            }
        </div>
    }
}
