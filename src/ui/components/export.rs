//! The export buttons: CSV and JSON of the current results, after loading the document
//! chunks their sentences live in. The file is named after the filter and the day.

use super::super::{dom, load};
use crate::query::Outcome;
use crate::state::UrlState;
use crate::ui::use_env;
use crate::view::export;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ExportButtonsProps {
    pub outcome: Rc<Outcome>,
    pub url: UrlState,
}

#[function_component(ExportButtons)]
pub fn export_buttons(p: &ExportButtonsProps) -> Html {
    let env = use_env();
    let busy = use_state(|| false);
    let start = |json: bool| {
        let ds = env.ds.clone();
        let outcome = p.outcome.clone();
        let url = p.url.clone();
        let busy = busy.clone();
        let what = env.t("举措", "initiatives");
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let (ds, outcome, busy, url) = (ds.clone(), outcome.clone(), busy.clone(), url.clone());
            yew::platform::spawn_local(async move {
                let results: Vec<usize> = outcome.ordered().collect();
                load::ensure_details(&ds, export::needed_docs(&ds, &results)).await;
                let filter = export::filter_text(&ds, &url);
                let date = dom::today();
                let cx = export::Context {
                    filter: &filter,
                    date: &date,
                    lang: url.lang,
                };
                if json {
                    let body = export::json(&ds, &results, &cx);
                    dom::download(
                        &export::file_name(what, &filter, &date, "json"),
                        "application/json",
                        &body,
                    );
                } else {
                    let body = export::csv(&ds, &results, &cx);
                    dom::download(
                        &export::file_name(what, &filter, &date, "csv"),
                        "text/csv;charset=utf-8",
                        &body,
                    );
                }
                busy.set(false);
            });
        })
    };
    html! {
        <div class="export" aria-busy={busy.to_string()}>
            <button type="button" onclick={start(false)} data-testid="export-csv" disabled={*busy}>{ env.t("导出 CSV", "Export CSV") }</button>
            <button type="button" onclick={start(true)} data-testid="export-json" disabled={*busy}>{ env.t("导出 JSON", "Export JSON") }</button>
        </div>
    }
}
