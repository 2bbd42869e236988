//! Charts over the current filter, drawn as SVG by the app. Every bar and cell is a keyboard
//! button that toggles its filter (cross-filtering); every chart has a table alternative.

use crate::data::{Facet, UNKNOWN};
use crate::query::Outcome;
use crate::state::{Action, Lang, UrlState};
use crate::ui::components::charts::{activate, px, BarChart, BarItem};
use crate::ui::components::facets::ActiveFilters;
use crate::ui::components::search::SearchBox;
use crate::ui::use_env;
use crate::view::charts::{per_facet, per_theme, scale, theme_bureau, timeline};
use crate::view::i18n::{facet_label, value_label};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartsPageProps {
    pub url: UrlState,
    pub outcome: Rc<Outcome>,
    pub on_action: Callback<Action>,
}

#[function_component(ChartsPage)]
pub fn charts_page(p: &ChartsPageProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let lang = env.lang;
    let url = &p.url;
    let res = &p.outcome.results;
    let toggle = |f: Facet| {
        p.on_action
            .reform(move |v: String| Action::ToggleFacet(f, v))
    };
    let items = |f: Facet, bars: Vec<crate::view::charts::Bar>| -> Vec<BarItem> {
        bars.into_iter()
            .map(|b| BarItem {
                label: value_label(ds, lang, f, &b.value),
                selected: url.selection.is_selected(f, &b.value),
                value: b.value,
                count: b.count,
            })
            .collect()
    };
    let themes = items(Facet::Theme, per_theme(ds, res));
    let provinces = items(Facet::Province, per_facet(ds, res, Facet::Province));
    let bureaus = items(
        Facet::Bureau,
        per_facet(ds, res, Facet::Bureau)
            .into_iter()
            .take(25)
            .collect(),
    );
    let per = |zh: &'static str, en: &'static str, f: Facet| match lang {
        Lang::Zh => format!("{zh}（按{}）", facet_label(lang, f)),
        Lang::En => format!("{en} by {}", facet_label(lang, f).to_ascii_lowercase()),
    };
    html! {
        <div class="single charts-page">
            <h1 id="view-title" tabindex="-1">{ env.t("图表", "Charts") }</h1>
            <SearchBox query={url.query.clone()} on_query={p.on_action.reform(Action::SetQuery)} />
            <div class="toolbar"><ActiveFilters url={url.clone()} count={res.len()} on_action={p.on_action.clone()} /></div>
            <p class="hint muted">{ env.t("点击条形或方格即可筛选，再点一次取消。", "Click a bar or cell to filter; click again to undo.") }</p>
            <div class="grid">
                <BarChart id="chart-theme" title={per("举措数", "Initiatives", Facet::Theme)} items={themes} on_toggle={toggle(Facet::Theme)} />
                <BarChart id="chart-province" title={per("举措数", "Initiatives", Facet::Province)} items={provinces} on_toggle={toggle(Facet::Province)} />
                <BarChart id="chart-bureau" title={per("举措数", "Initiatives", Facet::Bureau)} items={bureaus} on_toggle={toggle(Facet::Bureau)} />
                <Timeline url={url.clone()} outcome={p.outcome.clone()} on_action={p.on_action.clone()} />
            </div>
            <MatrixChart url={url.clone()} outcome={p.outcome.clone()} on_action={p.on_action.clone()} />
            <p class="more-link"><a href={crate::ui::components::href(&UrlState { view: crate::state::View::Figures, ..url.clone() })}>{ env.t("数据指标：按类别与单位比较 →", "Figures, compared by kind and unit →") }</a></p>
        </div>
    }
}

#[function_component(Timeline)]
fn timeline_chart(p: &ChartsPageProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let url = &p.url;
    let buckets = timeline(ds, &p.outcome.results, url.by_month);
    let max = buckets.iter().map(|b| b.count).max().unwrap_or(0);
    let n = buckets.len().max(1) as f64;
    let (w, h, top) = (600.0, 200.0, 20.0);
    let col = (w - 20.0) / n;
    // Axis labels at a step that keeps them apart (the undated column is always labelled,
    // and it is the last one).
    let widest = buckets
        .iter()
        .map(|b| b.key.chars().count())
        .max()
        .unwrap_or(4);
    let step = crate::view::charts::label_step(col, widest);
    let by_month = !url.by_month;
    let set_month = p
        .on_action
        .reform(move |_: MouseEvent| Action::SetByMonth(by_month));
    let toggle = p
        .on_action
        .reform(|v: String| Action::ToggleFacet(Facet::Year, v));
    let label = |k: &str| {
        if k == UNKNOWN {
            env.t("日期未注明", "Date not stated").to_string()
        } else {
            k.to_string()
        }
    };
    html! {
        <figure class="chart" id="chart-time" data-testid="chart-time">
            <figcaption id="chart-time-title">{ env.t("时间分布（含未注明日期）", "Over time (undated included)") }
                <button type="button" class="link" onclick={set_month} aria-pressed={url.by_month.to_string()}>
                    { if url.by_month { env.t("按年", "By year") } else { env.t("按月", "By month") } }</button>
            </figcaption>
            if buckets.is_empty() { <p class="muted">{ env.t("当前筛选下没有数据。", "No data under the current filter.") }</p> } else {
            <svg viewBox={format!("0 0 {} {}", px(w), px(h + 40.0))} role="group" aria-labelledby="chart-time-title" class="columns">
                { for buckets.iter().enumerate().map(|(k, b)| {
                    let bh = scale(b.count, max, h - top);
                    let x = 10.0 + k as f64 * col;
                    let selected = url.selection.is_selected(Facet::Year, &b.year);
                    let (onclick, onkeydown) = activate(toggle.clone(), b.year.clone());
                    let text = format!("{}：{}", label(&b.key), b.count);
                    let show_label = k % step == 0 || b.key == UNKNOWN;
                    html! {
                        <g class={classes!("bar", selected.then_some("selected"), (b.key == UNKNOWN).then_some("unknown"))} role="button" tabindex="0"
                           aria-pressed={selected.to_string()} aria-label={text.clone()} data-value={b.key.clone()} {onclick} {onkeydown}>
                            <title>{ text }</title>
                            <rect class="hit" x={px(x)} y="0" width={px(col)} height={px(h + 40.0)} />
                            <rect class="fill" x={px(x + col * 0.15)} y={px(h - bh)} width={px(col * 0.7)} height={px(bh)} rx="2" />
                            if b.count > 0 && col >= 18.0 { <text class="num" x={px(x + col / 2.0)} y={px(h - bh - 4.0)} text-anchor="middle">{ b.count }</text> }
                            if show_label { <text x={px(x + col / 2.0)} y={px(h + 18.0)} text-anchor="middle" class="axis">
                                { if b.key == UNKNOWN { env.t("未注明", "n.d.").to_string() } else { b.key.clone() } }</text> }
                        </g>
                    }
                }) }
            </svg>
            }
            <details class="alt"><summary>{ env.t("以表格查看", "View as table") }</summary>
                <table class="table"><tbody>{ for buckets.iter().map(|b| html! { <tr><td>{ label(&b.key) }</td><td>{ b.count }</td></tr> }) }</tbody></table>
            </details>
        </figure>
    }
}

/// Themes × bureaus as an HTML table: full theme and bureau names wrap in their headers (never
/// cut), the table scrolls inside its box on a phone, and each cell is a button that filters by
/// both.
#[function_component(MatrixChart)]
fn matrix_chart(p: &ChartsPageProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let lang = env.lang;
    let url = &p.url;
    let m = theme_bureau(ds, &p.outcome.results, 12);
    if m.themes.is_empty() {
        return html! {};
    }
    let d = p.on_action.clone();
    let sel = url.selection.clone();
    html! {
        <figure class="chart wide" id="chart-matrix" data-testid="chart-matrix">
            <figcaption id="chart-matrix-title">{ env.t("主题 × 税务局（点击方格同时筛选两者）", "Theme × bureau (a cell filters by both)") }</figcaption>
            <div class="scroll-x">
            <table class="matrix" aria-labelledby="chart-matrix-title">
                <thead><tr>
                    <th scope="col">{ facet_label(lang, Facet::Theme) }</th>
                    { for m.bureaus.iter().map(|b| html! { <th scope="col">{ value_label(ds, lang, Facet::Bureau, b) }</th> }) }
                </tr></thead>
                <tbody>
                { for m.themes.iter().enumerate().map(|(ti, t)| html! {
                    <tr>
                        <th scope="row">{ ds.theme_name(t, lang == Lang::En) }</th>
                        { for m.bureaus.iter().enumerate().map(|(bi, b)| {
                            let n = m.cells[ti][bi];
                            let level = if m.max == 0 { 0 } else { (n * 5).div_ceil(m.max) };
                            let selected = sel.is_selected(Facet::Theme, t) && sel.is_selected(Facet::Bureau, b);
                            let text = format!("{} × {}：{n}", ds.theme_name(t, lang == Lang::En), value_label(ds, lang, Facet::Bureau, b));
                            let (t2, b2, d2, s2) = (t.clone(), b.clone(), d.clone(), sel.clone());
                            let onclick = Callback::from(move |_: MouseEvent| {
                                // Select both, or clear both when the cell is already the filter.
                                let both = s2.is_selected(Facet::Theme, &t2) && s2.is_selected(Facet::Bureau, &b2);
                                if both || !s2.is_selected(Facet::Theme, &t2) { d2.emit(Action::ToggleFacet(Facet::Theme, t2.clone())); }
                                if both || !s2.is_selected(Facet::Bureau, &b2) { d2.emit(Action::ToggleFacet(Facet::Bureau, b2.clone())); }
                            });
                            html! {
                                <td>
                                    <button type="button" class={classes!("cell", format!("l{level}"), selected.then_some("selected"))}
                                        aria-pressed={selected.to_string()} aria-label={text.clone()} title={text} {onclick}>{ n }</button>
                                </td>
                            }
                        }) }
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
        </figure>
    }
}
