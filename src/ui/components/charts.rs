//! Chart pieces: horizontal bars whose bars are keyboard buttons, and SVG number helpers.

use crate::ui::use_env;
use crate::view::charts::scale;
use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct BarItem {
    pub value: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Properties, PartialEq)]
pub struct BarChartProps {
    pub id: AttrValue,
    pub title: AttrValue,
    pub items: Vec<BarItem>,
    pub on_toggle: Callback<String>,
    #[prop_or_default]
    pub unit: AttrValue,
}

/// Enter or Space on a focused chart element acts like a click.
pub fn on_key(act: Callback<()>) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Enter" || e.key() == " " {
            e.prevent_default();
            act.emit(());
        }
    })
}

pub fn activate(
    on: Callback<String>,
    value: String,
) -> (Callback<MouseEvent>, Callback<KeyboardEvent>) {
    let act = Callback::from(move |_: ()| on.emit(value.clone()));
    let click = act.clone();
    (Callback::from(move |_| click.emit(())), on_key(act))
}

/// Horizontal bars with labels at the left: HTML, so that long labels (English theme names,
/// bureau names) wrap instead of being cut; each bar is a button that toggles its filter.
#[function_component(BarChart)]
pub fn bar_chart(p: &BarChartProps) -> Html {
    let env = use_env();
    let max = p.items.iter().map(|b| b.count).max().unwrap_or(0);
    let title_id = format!("{}-title", p.id);
    html! {
        <figure class="chart" id={p.id.clone()} data-testid={p.id.clone()}>
            <figcaption id={title_id.clone()}>{ &p.title }</figcaption>
            if p.items.is_empty() {
                <p class="muted">{ env.t("当前筛选下没有数据。", "No data under the current filter.") }</p>
            } else {
                <ul class="hbars" aria-labelledby={title_id}>
                { for p.items.iter().map(|b| {
                    let w = scale(b.count, max, 100.0);
                    let value = b.value.clone();
                    let onclick = p.on_toggle.reform(move |_: MouseEvent| value.clone());
                    let label = format!("{}：{}{}", b.label, b.count, p.unit);
                    html! {
                        <li>
                            <button type="button" class={classes!("bar", b.selected.then_some("selected"))}
                               aria-pressed={b.selected.to_string()} aria-label={label.clone()} title={label} data-value={b.value.clone()} {onclick}>
                                <span class="lbl">{ &b.label }</span>
                                <svg class="track" aria-hidden="true"><rect class="fill" width={format!("{}%", px(w.max(0.5)))} height="100%" rx="2" /></svg>
                                <span class="num">{ b.count }</span>
                            </button>
                        </li>
                    }
                }) }
                </ul>
            }
            <details class="alt">
                <summary>{ env.t("以表格查看", "View as table") }</summary>
                <table class="table"><thead><tr><th scope="col">{ env.t("项目", "Item") }</th><th scope="col">{ env.t("举措数", "Initiatives") }</th></tr></thead>
                <tbody>{ for p.items.iter().map(|b| html! { <tr><td>{ &b.label }</td><td>{ b.count }</td></tr> }) }</tbody></table>
            </details>
        </figure>
    }
}

/// Numbers are formatted through integers (one decimal for coordinates, up to four for
/// figures): the bundle then carries no float-formatting machinery.
pub fn px(v: f64) -> String {
    let t = (v * 10.0).round() as i64;
    let (sign, t) = if t < 0 { ("-", -t) } else { ("", t) };
    if t % 10 == 0 {
        format!("{sign}{}", t / 10)
    } else {
        format!("{sign}{}.{}", t / 10, t % 10)
    }
}

pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "—".to_string();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    if a >= 1e14 || a.fract() == 0.0 {
        return format!("{sign}{}", a.round() as u64);
    }
    let scaled = (a * 10_000.0).round() as u64;
    let frac = format!("{:04}", scaled % 10_000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        format!("{sign}{}", scaled / 10_000)
    } else {
        format!("{sign}{}.{frac}", scaled / 10_000)
    }
}
