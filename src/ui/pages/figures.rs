//! Figures you can compare (`#/figures?fig=money:元`): one group at a time (a kind and its
//! unit), charted on its normalized values, with a table that names the initiative, bureau,
//! date, what is measured and which way it moved. A bar or a row opens the figure in the reader.

use crate::data::MetricRef;
use crate::query::Outcome;
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::charts::{fmt_num, px};
use crate::ui::components::facets::ActiveFilters;
use crate::ui::components::href;
use crate::ui::components::search::SearchBox;
use crate::ui::use_env;
use crate::view::figures::{category_label, groups, in_group, of_results, unit_label, Group, Sort};
use corpus::model::{Bound, Direction};
use std::rc::Rc;
use yew::prelude::*;

/// Rows the table renders at once (the whole set at 10,000 documents is ~300,000).
const TABLE_ROWS: usize = 200;
/// Bars in the chart.
const BARS: usize = 20;

#[derive(Properties, PartialEq)]
pub struct FiguresPageProps {
    pub url: UrlState,
    pub outcome: Rc<Outcome>,
    pub on_action: Callback<Action>,
}

#[function_component(FiguresPage)]
pub fn figures_page(p: &FiguresPageProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let en = env.en();
    let url = &p.url;
    let sort = use_state(|| Sort::ValueDesc);
    let all = of_results(ds, &p.outcome.results);
    let present = groups(&all);
    let current: Option<Group> = url
        .figures
        .as_deref()
        .and_then(Group::from_key)
        .filter(|g| present.iter().any(|(x, _)| x == g))
        .or_else(|| present.first().map(|(g, _)| g.clone()));
    let rows: Vec<MetricRef> = current
        .as_ref()
        .map(|g| in_group(&all, g, *sort))
        .unwrap_or_default();
    let bars: Vec<MetricRef> = current
        .as_ref()
        .map(|g| {
            in_group(&all, g, Sort::ValueDesc)
                .into_iter()
                .take(BARS)
                .collect()
        })
        .unwrap_or_default();
    let max = bars.iter().map(|m| m.comparable()).fold(0.0, f64::max);
    let unit = current
        .as_ref()
        .map(|g| unit_label(&g.unit, en))
        .unwrap_or_default();
    let open = |m: &MetricRef| UrlState {
        view: View::Reader {
            doc: ds.doc(m.doc).id.clone(),
            focus: Some(ds.metric_id(m.index)),
        },
        ..url.clone()
    };
    let sort_btn = |s: Sort, zh: &'static str, en: &'static str| {
        let st = sort.clone();
        let on = *sort == s;
        html! { <button type="button" class={classes!("link", on.then_some("on"))} aria-pressed={on.to_string()} onclick={move |_| st.set(s)}>{ env.t(zh, en) }</button> }
    };
    let direction = |d: Option<Direction>| match d {
        Some(Direction::Up) => env.t("↑ 提高", "↑ up"),
        Some(Direction::Down) => env.t("↓ 减少", "↓ down"),
        None => "",
    };
    html! {
        <div class="single figures-page" data-testid="metrics">
            <h1 id="view-title" tabindex="-1">{ env.t("数据指标", "Figures") }</h1>
            <SearchBox query={url.query.clone()} on_query={p.on_action.reform(Action::SetQuery)} />
            <div class="toolbar"><ActiveFilters url={url.clone()} count={p.outcome.results.len()} on_action={p.on_action.clone()} /></div>
            <p class="muted">{ env.t("同一组内的数据单位相同、可以比较；不同类别与单位分组显示，从不共用一条坐标轴。数值按构建时的换算结果（金额折合为元，时长折合为分钟）。",
                "Figures in one group share a unit and compare; kinds and units are never put on one axis. Values are the build step's normalized ones (amounts in yuan, durations in minutes).") }</p>
            <div class="seg wrap" role="group" aria-label={env.t("数据分组", "Figure groups")} data-testid="figure-groups">
            { for present.iter().map(|(g, n)| {
                let on = current.as_ref() == Some(g);
                let key = g.key();
                let onclick = p.on_action.reform(move |_: MouseEvent| Action::SetFigures(Some(key.clone())));
                html! { <button type="button" class={classes!(on.then_some("on"))} aria-pressed={on.to_string()} data-group={g.key()} {onclick}>
                    { format!("{}（{}）· {n}", category_label(g.category, en), unit_label(&g.unit, en)) }</button> }
            }) }
            </div>
            if !bars.is_empty() {
                <ul class="hbars" data-testid="figure-bars"
                    aria-label={match env.lang { Lang::Zh => format!("最大的 {} 个数据（{unit}），详见下表", bars.len()), Lang::En => format!("The {} largest figures ({unit}); see the table", bars.len()) }}>
                { for bars.iter().map(|m| {
                    let v = m.comparable();
                    let w = if max > 0.0 { (v / max * 100.0).max(0.5) } else { 0.0 };
                    let label = format!("{} · {}", m.raw, m.label);
                    html! { <li>
                        <a href={href(&open(m))} class="bar" title={label.clone()} aria-label={label} data-met={ds.metric_id(m.index)}>
                            <span class="lbl">{ m.label }</span>
                            <svg class="track" aria-hidden="true"><rect class="fill" width={format!("{}%", px(w))} height="100%" rx="2" /></svg>
                            <span class="num">{ format!("{} {unit}", fmt_num(v)) }</span>
                        </a>
                    </li> }
                }) }
                </ul>
            }
            <div class="sorts">{ env.t("排序：", "Sort: ") }
                { sort_btn(Sort::ValueDesc, "数值降序", "Largest first") }
                { sort_btn(Sort::ValueAsc, "数值升序", "Smallest first") }
                { sort_btn(Sort::Document, "按文档", "By document") }
                { sort_btn(Sort::Label, "按说明", "By label") }
            </div>
            <div class="scroll-x">
            <table class="table" data-testid="metrics-table">
                <thead><tr>
                    <th scope="col">{ env.t("原文", "As written") }</th>
                    <th scope="col">{ format!("{}（{unit}）", env.t("换算值", "Value")) }</th>
                    <th scope="col">{ env.t("说明", "Measures") }</th>
                    <th scope="col">{ env.t("方向", "Direction") }</th>
                    <th scope="col">{ env.t("举措", "Initiative") }</th>
                    <th scope="col">{ env.t("税务局", "Bureau") }</th>
                    <th scope="col">{ env.t("日期", "Date") }</th>
                </tr></thead>
                <tbody>{ for rows.iter().take(TABLE_ROWS).map(|m| {
                    let d = ds.doc(m.doc);
                    let target = open(m);
                    html! { <tr data-met={ds.metric_id(m.index)}>
                        <td><a href={href(&target)}>{ m.raw }</a></td>
                        <td class="r">{ fmt_num(m.comparable()) }{ match m.bound { Bound::Approximate => "≈", Bound::LowerBound => "+", Bound::Exact => "" } }</td>
                        <td>{ m.label }</td>
                        <td>{ direction(ds.ix.direction(m.index)) }</td>
                        <td>{ match m.initiative {
                            Some(i) => html! { <a href={href(&UrlState { view: View::Reader { doc: d.id.clone(), focus: Some(ds.initiative_id(i)) }, ..url.clone() })}>{ ds.name(i) }</a> },
                            None => html! { <span class="muted">{ env.t("（未关联）", "(none)") }</span> },
                        } }</td>
                        <td>{ d.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| env.t("未注明", "not stated").to_string()) }</td>
                        <td>{ d.date.clone().unwrap_or_else(|| env.t("未注明", "not stated").to_string()) }</td>
                    </tr> }
                }) }</tbody>
            </table>
            </div>
            if rows.len() > TABLE_ROWS {
                <p class="muted" data-testid="metrics-more">{ match env.lang { Lang::Zh => format!("本组共 {} 个数据，表中列出前 {TABLE_ROWS} 个；缩小筛选范围可查看全部。", rows.len()), Lang::En => format!("{} figures in this group; the table lists the first {TABLE_ROWS}. Narrow the filter to see all.", rows.len()) } }</p>
            }
            if present.is_empty() { <p class="muted">{ env.t("当前筛选下没有数据指标。", "No figures under the current filter.") }</p> }
        </div>
    }
}
