//! The finished import: what became of the files, where the corpus is kept, downloads, and
//! the report with a row per file (problems first on request, a few hundred rows at a time).

use super::{host, start_download};
use crate::import::report::{rows, status_label, Counts, Stored};
use crate::ui::use_env;
use corpus::pack::ImportSummary;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DoneProps {
    pub summary: Rc<ImportSummary>,
    pub stored: Stored,
}

#[function_component(Done)]
pub fn done(p: &DoneProps) -> Html {
    let env = use_env();
    let en = env.en();
    let c = Counts::of(&p.summary);
    let s = &p.summary;
    let line = if en {
        format!(
            "{} files → {} documents taken in. The corpus now has {} documents, {} initiatives and {} figures.",
            s.inputs.len(),
            c.documents(),
            s.documents,
            s.initiatives,
            s.metrics
        )
    } else {
        format!(
            "{} 个文件 → 收入 {} 篇文档。语料现有 {} 篇文档、{} 项举措、{} 个数据。",
            s.inputs.len(),
            c.documents(),
            s.documents,
            s.initiatives,
            s.metrics
        )
    };
    let kept = if p.stored.persistent {
        html! { <p class="muted">{ env.t("已保存在此浏览器中（IndexedDB）：刷新或重新打开页面后仍会显示。文件没有离开这台电脑。", "Kept in this browser (IndexedDB): it is shown again after a reload or when the page is reopened. The files never left this computer.") }</p> }
    } else {
        html! { <p class="import-note">{ env.t("此浏览器无法保存导入的语料（无 IndexedDB 或空间不足）：关闭页面后需要重新导入。", "This browser cannot keep the imported documents (no IndexedDB, or no space): import them again after closing the page.") }</p> }
    };
    let text = s.text.clone();
    let stamp = p.stored.created.replace([' ', ':'], "-");
    let download_report = Callback::from(move |_: MouseEvent| {
        host::download(
            &format!("import-report-{stamp}.txt"),
            "text/plain;charset=utf-8",
            &text.as_str().into(),
        )
    });
    let (a, b) = (p.stored.clone(), p.stored.clone());
    html! { <>
        <div class="import-summary" role="status" data-testid="import-summary">
            <p>{ line }</p>
            <ul class="counts">
                { for counts_text(&c, en).into_iter().map(|(k, t)| html! { <li class={format!("st-{k}")} data-status={k}>{ t }</li> }) }
            </ul>
        </div>
        { kept }
        <div class="row">
            <button type="button" class="ibtn" onclick={download_report} data-testid="download-report">{ env.t("下载报告", "Download report") }</button>
            <button type="button" class="ibtn" onclick={Callback::from(move |_| start_download(a.clone(), true))}>{ env.t("下载数据包 (.zip)", "Download data pack (.zip)") }</button>
            <button type="button" class="ibtn" onclick={Callback::from(move |_| start_download(b.clone(), false))}>{ env.t("下载语料 JSON", "Download corpus JSON") }</button>
        </div>
        <ReportTable summary={p.summary.clone()} />
    </> }
}

#[derive(Properties, PartialEq)]
pub struct ReportTableProps {
    pub summary: Rc<ImportSummary>,
}

/// Rows shown at first and added per click.
const PAGE: usize = 300;

#[function_component(ReportTable)]
pub fn report_table(p: &ReportTableProps) -> Html {
    let env = use_env();
    let en = env.en();
    let all = use_memo((p.summary.clone(), en), |(s, en)| rows(s, *en));
    let problems = all.iter().filter(|r| r.problem()).count();
    let only_problems = use_state(|| false);
    let limit = use_state(|| PAGE);
    let shown: Vec<_> = all
        .iter()
        .filter(|r| !*only_problems || r.problem())
        .collect();
    let total = shown.len();
    let toggle = {
        let (only, limit) = (only_problems.clone(), limit.clone());
        Callback::from(move |_: Event| {
            only.set(!*only);
            limit.set(PAGE);
        })
    };
    let more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + PAGE))
    };
    html! { <>
        <div class="row">
            <strong>{ env.t("报告", "Report") }</strong>
            <label><input type="checkbox" checked={*only_problems} onchange={toggle} data-testid="only-problems" />
                { if en { format!(" only files with a note ({problems})") } else { format!(" 只看有提示或未收入的文件（{problems}）") } }</label>
        </div>
        <div class="report-wrap" tabindex="0" role="region" aria-label={env.t("导入报告", "Import report")}>
            <table class="report" data-testid="import-report">
                <thead><tr><th>{ env.t("文件", "File") }</th><th>{ env.t("结果", "Result") }</th><th>{ env.t("说明", "Details") }</th></tr></thead>
                <tbody>
                { for shown.iter().take(*limit).map(|r| {
                    let key = crate::import::report::status_key(r.status);
                    html! {
                        <tr data-status={key}>
                            <td class="file">{ &r.file }</td>
                            <td class={classes!("status", format!("st-{key}"))}>{ status_label(r.status, en) }</td>
                            <td>
                                { &r.detail }
                                if !r.messages.is_empty() { <ul>{ for r.messages.iter().map(|m| html! { <li>{ m }</li> }) }</ul> }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </div>
        if total > *limit {
            <button type="button" class="ibtn" onclick={more}>{ if en { format!("Show more ({} left)", total - *limit) } else { format!("显示更多（还有 {} 个）", total - *limit) } }</button>
        }
    </> }
}

/// The counts by status, labelled in the interface language, with their style keys.
pub fn counts_text(c: &Counts, en: bool) -> Vec<(&'static str, String)> {
    let label = |zh: &'static str, e: &'static str| if en { e } else { zh };
    vec![
        ("built", format!("{} {}", label("已导入", "built"), c.built)),
        (
            "built_with_warnings",
            format!("{} {}", label("有提示", "with warnings"), c.warnings),
        ),
        (
            "duplicate",
            format!("{} {}", label("重复", "duplicates"), c.duplicates),
        ),
        (
            "skipped",
            format!("{} {}", label("已跳过", "skipped"), c.skipped),
        ),
    ]
}
