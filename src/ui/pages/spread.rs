//! How initiatives spread (`#/spread`): the canonical initiatives of the current filter that
//! reached the most bureaus, each with the date every bureau first mentions it; and the
//! timeline of one initiative's bureaus, shared with its own page.

use crate::query::Outcome;
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::facets::ActiveFilters;
use crate::ui::components::href;
use crate::ui::use_env;
use crate::view::spread::{positions, reach, widest, Reach};
use std::rc::Rc;
use yew::prelude::*;

/// Initiatives listed.
const TOP: usize = 30;

#[derive(Properties, PartialEq)]
pub struct SpreadPageProps {
    pub url: UrlState,
    pub outcome: Rc<Outcome>,
    pub on_action: Callback<Action>,
}

#[function_component(SpreadPage)]
pub fn spread_page(p: &SpreadPageProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let url = &p.url;
    let top = widest(ds, &p.outcome.results, TOP);
    html! {
        <div class="single spread-page" data-testid="spread">
            <h1 id="view-title" tabindex="-1">{ env.t("举措的扩散", "How initiatives spread") }</h1>
            <div class="toolbar"><ActiveFilters url={url.clone()} count={p.outcome.results.len()} on_action={p.on_action.clone()} /></div>
            <p class="muted">{ env.t("当前筛选下被最多税务局提到的举措，以及各税务局最早提到它的日期（按文档日期；日期未注明的单独列出，不作推测）。",
                "The initiatives of the current filter that the most bureaus mention, with the date each bureau first does (by document date; undated mentions are listed apart, never placed on a guessed date).") }</p>
            if top.is_empty() {
                <p class="empty">{ env.t("当前筛选下没有被两个以上税务局提到的举措。", "No initiative under the current filter is mentioned by two bureaus or more.") }</p>
            }
            <ol class="spread-list">
            { for top.iter().map(|&(c, n)| {
                let row = &ds.ix.meta.canonical[c];
                let target = UrlState { view: View::Canonical { key: row.key.clone() }, ..url.clone() };
                html! {
                    <li>
                        <h2><a href={href(&target)}>{ row.name() }</a>
                            <span class="muted">{ match env.lang { Lang::Zh => format!(" · {n} 个税务局"), Lang::En => format!(" · {n} bureaus") } }</span></h2>
                        <BureauTimeline canon={c} url={url.clone()} />
                    </li>
                }
            }) }
            </ol>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BureauTimelineProps {
    /// The canonical group.
    pub canon: usize,
    pub url: UrlState,
}

/// The bureaus of one initiative on a time axis: one row per bureau (so labels never
/// overlap), a dot at its first dated mention; undated ones in a list after.
#[function_component(BureauTimeline)]
pub fn bureau_timeline(p: &BureauTimelineProps) -> Html {
    let env = use_env();
    let ds = &env.ds;
    let all: Vec<Reach> = reach(ds, p.canon);
    let (dated, undated): (Vec<&Reach>, Vec<&Reach>) = all.iter().partition(|r| r.first.is_some());
    let dates: Vec<&str> = dated
        .iter()
        .filter_map(|r| r.first.as_ref().map(|f| f.0.as_str()))
        .collect();
    let at = positions(&dates);
    let name = |r: &Reach| {
        r.bureau
            .clone()
            .unwrap_or_else(|| env.t("税务局未注明", "Bureau not stated").to_string())
    };
    let open = |d: usize| UrlState {
        view: View::Reader {
            doc: ds.doc(d).id.clone(),
            focus: None,
        },
        ..p.url.clone()
    };
    html! {
        <div class="btimeline" data-testid="bureau-timeline">
            if let (Some(first), Some(last)) = (dates.first(), dates.last()) {
                <p class="axis" aria-hidden="true"><span>{ *first }</span><span>{ *last }</span></p>
            }
            <ol>
            { for dated.iter().zip(&at).map(|(r, x)| {
                let (date, d) = r.first.clone().unwrap_or_default();
                html! {
                    <li>
                        <a href={href(&open(d))} class="row">
                            <span class="who">{ name(r) }</span>
                            <svg class="track" aria-hidden="true"><line x1="0" y1="50%" x2="100%" y2="50%" /><circle class="dot" cx={format!("{:.2}%", x * 100.0)} cy="50%" r="5" /></svg>
                            <time datetime={date.clone()}>{ date.clone() }</time>
                        </a>
                    </li>
                }
            }) }
            </ol>
            if !undated.is_empty() {
                <p class="undated" data-testid="undated">{ env.t("日期未注明：", "Undated: ") }
                    { undated.iter().map(|r| name(r)).collect::<Vec<_>>().join(env.t("、", ", ")) }</p>
            }
        </div>
    }
}
