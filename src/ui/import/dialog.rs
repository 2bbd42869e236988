//! The import dialog: choose files or a folder and replace or add, then the progress, then
//! the report ([`super::report`]). Modal: Escape closes it, the focus stays in it.

use super::session::{self, Phase, Picked, Stage};
use super::{choose, host, picked_of, report, run, set_open};
use crate::import::plan::human_bytes;
use crate::import::progress::human_left;
use crate::import::report::Mode;
use crate::ui::use_env;
use gloo_events::EventListener;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    pub imported: bool,
    /// The session's version: the dialog shows the session.
    pub version: u64,
}

#[function_component(Dialog)]
pub fn dialog(p: &DialogProps) -> Html {
    let env = use_env();
    // Escape closes it wherever the focus is (a button that did its job may be gone), and the
    // focus stays in it while it is open (it is modal: the page behind is covered).
    use_effect_with((), |_| {
        let listeners = web_sys::window().map(|w| {
            let keys = EventListener::new(&w, "keydown", |e| {
                if e.dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape")
                {
                    set_open(false);
                }
            });
            let focus = EventListener::new(&w, "focusin", |e| {
                let inside = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.closest(".import-dialog").ok().flatten().is_some());
                if !inside && session::with(|s| s.open) {
                    crate::ui::dom::focus_id("import-title");
                }
            });
            (keys, focus)
        });
        move || drop(listeners)
    });
    // Each step starts at the title, which names it (screen readers announce it).
    let step = session::with(|s| std::mem::discriminant(&s.phase));
    use_effect_with(step, |_| crate::ui::dom::focus_id("import-title"));
    let close = Callback::from(|_: MouseEvent| set_open(false));
    let body = session::with(|s| match &s.phase {
        Phase::Idle | Phase::Cancelled | Phase::Failed { .. } | Phase::Choosing { .. } => {
            let (picked, mode) = match &s.phase {
                Phase::Choosing { picked, mode } => (picked.clone(), *mode),
                _ => (None, Mode::Replace),
            };
            let note = match &s.phase {
                Phase::Cancelled => Some(
                    html! { <p class="import-note" role="status">{ env.t("已取消导入，当前语料没有任何改动。", "The import was cancelled; nothing was changed.") }</p> },
                ),
                Phase::Failed { message } => Some(
                    html! { <p class="import-error" role="alert">{ env.t("导入失败：", "The import failed: ") }{ message }</p> },
                ),
                _ => None,
            };
            html! { <>{ for note }<Choose {picked} {mode} imported={p.imported} /></> }
        }
        Phase::Running {
            stage,
            progress,
            current,
            ..
        } => {
            let en = env.en();
            let stage_text = match stage {
                Stage::Starting => env.t("正在启动导入模块…", "Starting the import module…"),
                Stage::Base => env.t("正在读取附带的语料…", "Reading the bundled corpus…"),
                Stage::Files => env.t("正在处理文件", "Processing files"),
                Stage::Finishing => env.t("正在写入索引…", "Writing the index…"),
                Stage::Saving => env.t("正在保存到此浏览器…", "Keeping it in this browser…"),
            };
            let left = progress
                .seconds_left()
                .map(|s| format!("{}{}", env.t("剩余", "left: "), human_left(s, en)))
                .unwrap_or_default();
            let files = if en {
                format!("{} / {} files", progress.done, progress.files)
            } else {
                format!("{} / {} 个文件", progress.done, progress.files)
            };
            html! { <>
                <p role="status" data-testid="import-stage">{ stage_text }</p>
                <progress class="progress" max="1000" value={format!("{:.0}", progress.fraction() * 1000.0)}
                    aria-label={env.t("导入进度", "Import progress")} data-testid="import-progress"></progress>
                <div class="progress-text"><span data-testid="import-count">{ files }</span><span data-testid="import-left">{ left }</span></div>
                <p class="current">{ if current.is_empty() { String::new() } else { format!("{}{current}", env.t("当前文件：", "Current file: ")) } }</p>
                <div class="row">
                    <button type="button" class="ibtn" data-testid="import-cancel" disabled={*stage == Stage::Saving}
                        onclick={Callback::from(|_| run::cancel())}>{ env.t("取消导入", "Cancel import") }</button>
                    <button type="button" class="ibtn" onclick={close.clone()}>{ env.t("在后台继续", "Continue in the background") }</button>
                </div>
            </> }
        }
        Phase::Done { summary, stored } => html! {
            <report::Done summary={summary.clone()} stored={stored.clone()} />
        },
    });
    let title = session::with(|s| match s.phase {
        Phase::Running { .. } => env.t("正在导入文档", "Importing documents"),
        Phase::Done { .. } => env.t("导入完成", "Import finished"),
        _ => env.t("导入文档", "Import documents"),
    });
    html! {
        <div class="import-backdrop">
            <div class="import-dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-dialog">
                <h2 id="import-title" tabindex="-1">{ title }</h2>
                { body }
                <div class="row"><button type="button" class="ibtn" data-testid="import-close" onclick={close}>{ env.t("关闭", "Close") }</button></div>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ChooseProps {
    picked: Option<Rc<Picked>>,
    mode: Mode,
    imported: bool,
}

impl PartialEq for Picked {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// Step one: files or a folder, and replace or add.
#[function_component(Choose)]
fn choose_step(p: &ChooseProps) -> Html {
    let env = use_env();
    let on_files = Callback::from(|e: Event| {
        if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
            let picked = picked_of(host::files_of(&input));
            input.set_value("");
            if picked.is_some() {
                choose(picked);
            }
        }
    });
    let set_mode = |m: Mode| {
        Callback::from(move |_: Event| {
            session::update(|s| {
                if let Phase::Choosing { mode, .. } = &mut s.phase {
                    *mode = m;
                }
            })
        })
    };
    let picked_text = p.picked.as_ref().map(|pk| {
        let size = human_bytes(pk.bytes);
        if env.en() {
            format!("{} files chosen ({size}).", pk.plan.len())
        } else {
            format!("已选择 {} 个文件（{size}）。", pk.plan.len())
        }
    });
    let start = {
        let (picked, mode) = (p.picked.clone(), p.mode);
        Callback::from(move |_: MouseEvent| {
            if let Some(pk) = picked.clone() {
                run::start(pk, mode);
            }
        })
    };
    html! { <>
        <p class="intro">{ env.t(
            "文件只在此浏览器中处理，不会上传。支持 .txt、.md、.html、.htm（UTF-8、GBK/GB18030 或 UTF-16），与命令行工具 corpus build 的规则相同；图片等其他文件会列入报告并跳过。",
            "Files are processed in this browser and never uploaded. .txt, .md, .html and .htm in UTF-8, GBK/GB18030 or UTF-16, by the same rules as the command-line corpus build; images and other files are listed in the report and skipped.") }</p>
        <div class="row">
            <label class="pick"><input type="file" multiple=true onchange={on_files.clone()} data-testid="pick-files" /><span>{ env.t("选择文件…", "Choose files…") }</span></label>
            <label class="pick"><input type="file" multiple=true webkitdirectory=true onchange={on_files} data-testid="pick-folder" /><span>{ env.t("选择文件夹…", "Choose a folder…") }</span></label>
        </div>
        <p class="dropzone">{ env.t("也可以把文件或文件夹拖放到此页面的任意位置。", "Or drop files or folders anywhere on this page.") }</p>
        if let Some(t) = picked_text { <p class="picked" data-testid="picked">{ t }</p> }
        <fieldset class="mode">
            <legend>{ env.t("导入后", "The imported documents") }</legend>
            <label><input type="radio" name="import-mode" checked={p.mode == Mode::Replace} onchange={set_mode(Mode::Replace)} data-testid="mode-replace" />
                { env.t("替换附带的语料：只浏览导入的文档", "replace the bundled corpus: explore only them") }</label>
            <label><input type="radio" name="import-mode" checked={p.mode == Mode::Add} onchange={set_mode(Mode::Add)} data-testid="mode-add" />
                { env.t("添加到附带的语料：与附带的文档一起浏览", "are added to the bundled corpus: explore both") }</label>
        </fieldset>
        if p.imported { <p class="muted">{ env.t("已导入的语料将被新的导入替换。", "The documents imported before are replaced by this import.") }</p> }
        <div class="row">
            <button type="button" class="ibtn primary" disabled={p.picked.is_none()} onclick={start} data-testid="import-start">{ env.t("开始导入", "Start import") }</button>
        </div>
    </> }
}
