//! The reader's detail panel: what the user tapped (an initiative or a figure), shown beside
//! the text on a wide screen and as a bottom sheet on a phone (style.css), so the details
//! appear where the user is, not thousands of pixels further down.

use crate::data::Facet;
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::charts::fmt_num;
use crate::ui::components::href;
use crate::ui::components::text::ThemeChips;
use crate::ui::use_env;
use crate::view::figures::{category_label, unit_label};
use corpus::model::Direction;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FocusPanelProps {
    pub id: String,
    pub url: UrlState,
    pub on_action: Callback<Action>,
}

/// Details of one initiative and where else it appears.
#[function_component(FocusPanel)]
pub fn focus_panel(props: &FocusPanelProps) -> Html {
    const SHOWN: usize = 30;
    let env = use_env();
    let ds = &env.ds;
    let url = &props.url;
    let Some(i) = ds.initiative_by_id(&props.id) else {
        return html! {};
    };
    let canon = ds.canonical_of(i);
    let elsewhere: Vec<usize> = canon
        .map(|(c, _)| {
            ds.canon_members[c]
                .iter()
                .map(|&x| x as usize)
                .filter(|&x| x != i)
                .collect()
        })
        .unwrap_or_default();
    let metrics: Vec<_> = ds.metrics_of(i).collect();
    let close = props.on_action.reform(|_: MouseEvent| Action::Focus(None));
    html! {
        <section class="focus-panel" data-testid="focus-panel" aria-live="polite">
            <h2>{ ds.name(i) }</h2>
            <ThemeChips themes={ds.themes_of(i)} selected={url.selection.values(Facet::Theme)}
                on_toggle={props.on_action.reform(|t: String| Action::ToggleFacet(Facet::Theme, t))} />
            <p>{ ds.summary_of(i).unwrap_or_default() }</p>
            if !metrics.is_empty() {
                <h3>{ env.t("相关数据", "Figures") }</h3>
                <ul>{ for metrics.iter().map(|m| html! {
                    <li><strong>{ m.raw }</strong>{ " " }{ m.label }</li>
                }) }</ul>
            }
            <h3>{ env.t("同一举措的其他文档与税务局", "Same initiative elsewhere") }</h3>
            if elsewhere.is_empty() {
                <p class="muted">{ env.t("目前只见于本文。", "Only in this document so far.") }</p>
            } else {
                <ul>{ for elsewhere.iter().take(SHOWN).map(|&o| {
                    let od = ds.doc_of_initiative(o);
                    let target = UrlState { view: View::Reader { doc: od.id.clone(), focus: Some(ds.initiative_id(o)) }, ..url.clone() };
                    html! { <li><a href={href(&target)}>{ od.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| env.t("税务局未注明", "Bureau not stated").to_string()) }
                        { " · " }{ od.title.clone() }</a></li> }
                }) }</ul>
                if elsewhere.len() > SHOWN {
                    <p class="muted">{ match env.lang { Lang::Zh => format!("另有 {} 处，见下方链接。", elsewhere.len() - SHOWN), Lang::En => format!("{} more: see the link below.", elsewhere.len() - SHOWN) } }</p>
                }
            }
            if let Some((_, c)) = canon {
                <p><a href={href(&UrlState { view: View::Canonical { key: c.key.clone() }, ..url.clone() })}>
                    { match env.lang { Lang::Zh => format!("“{}”在各税务局的情况 →", c.name()), Lang::En => format!("“{}” across bureaus →", c.name()) } }</a></p>
            }
            <button type="button" class="link" onclick={close}>{ env.t("关闭详情", "Close details") }</button>
        </section>
    }
}

/// Details of one figure: as written, what it measures, its normalized value and kind, the
/// way it moved, and the initiative it belongs to.
#[function_component(FigurePanel)]
pub fn figure_panel(props: &FocusPanelProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let Some(m) = ds.metric_by_id(&props.id) else {
        return html! {};
    };
    let m = ds.metric(m);
    let en = env.en();
    let close = props.on_action.reform(|_: MouseEvent| Action::Focus(None));
    html! {
        <section class="focus-panel" data-testid="focus-panel" aria-live="polite">
            <h2>{ m.raw }</h2>
            <dl>
                <dt>{ env.t("说明", "Measures") }</dt><dd>{ m.label }</dd>
                <dt>{ env.t("类别", "Kind") }</dt><dd>{ category_label(m.category, en) }</dd>
                if let Some((v, u)) = m.normalized {
                    <dt>{ env.t("换算值", "Normalized") }</dt><dd>{ format!("{} {}", fmt_num(v), unit_label(u, en)) }</dd>
                }
                if let Some(d) = ds.ix.direction(m.index) {
                    <dt>{ env.t("方向", "Direction") }</dt>
                    <dd>{ match d { Direction::Up => env.t("↑ 提高", "↑ up"), Direction::Down => env.t("↓ 减少", "↓ down") } }</dd>
                }
                <dt>{ env.t("举措", "Initiative") }</dt>
                <dd>{ match m.initiative {
                    Some(i) => {
                        let d = ds.doc_of_initiative(i);
                        let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: Some(ds.initiative_id(i)) }, ..props.url.clone() };
                        html! { <a href={href(&target)}>{ ds.name(i) }</a> }
                    }
                    None => html! { <span class="muted">{ env.t("未关联到举措", "Not linked to an initiative") }</span> },
                } }</dd>
            </dl>
            <p><a href={href(&UrlState { view: View::Figures, figures: Some(crate::view::figures::Group::of(&m).key()), ..props.url.clone() })}>
                { match env.lang { Lang::Zh => "同类数据 →".to_string(), Lang::En => "Figures of the same kind →".to_string() } }</a></p>
            <button type="button" class="link" onclick={close}>{ env.t("关闭详情", "Close details") }</button>
        </section>
    }
}
