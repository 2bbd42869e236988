//! The browser import (Yew side): the corpus bar under the header (which corpus is shown,
//! 导入文档 / Import documents, downloads, removal), the dialog (pick or drop files, replace or
//! add, progress, report), and drag-and-drop onto the page. The state lives in [`session`] so
//! the dialog outlives the explorer being mounted anew on the imported corpus; the logic is in
//! `crate::import` (pure) and the worker (`worker/`).

pub mod host;
mod report;
mod run;
mod session;

use crate::import::plan::{human_bytes, plan};
use crate::import::progress::human_left;
use crate::import::report::{Counts, Mode, Stored};
use crate::ui::use_env;
use gloo_events::{EventListener, EventListenerOptions};
use session::{Phase, Picked, Stage};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn get(v: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// The files the host gave (`[{path, file}]`) with their build plan; none when empty.
fn picked_of(entries: js_sys::Array) -> Option<Rc<Picked>> {
    let files: Vec<(String, u64)> = entries
        .iter()
        .map(|e| {
            let path = get(&e, "path").as_string().unwrap_or_default();
            let size = get(&get(&e, "file"), "size").as_f64().unwrap_or(0.0) as u64;
            (path, size)
        })
        .collect();
    (!files.is_empty()).then(|| Rc::new(Picked::new(entries, plan(&files))))
}

/// Opens the dialog with these files to choose how to import them.
fn choose(picked: Option<Rc<Picked>>) {
    session::update(|s| {
        if matches!(s.phase, Phase::Running { .. }) {
            s.open = true;
            return;
        }
        let mode = match &s.phase {
            Phase::Choosing { mode, .. } => *mode,
            _ => Mode::Replace,
        };
        s.phase = Phase::Choosing { picked, mode };
        s.open = true;
    });
}

fn set_open(open: bool) {
    session::update(|s| {
        s.open = open;
        if !open && !matches!(s.phase, Phase::Running { .. }) {
            s.phase = Phase::Idle;
        }
    });
    crate::ui::dom::focus_id(if open { "import-title" } else { "import-open" });
}

/// A download of the imported corpus (zip or corpus JSON), one at a time.
fn start_download(stored: Stored, zip: bool) {
    if session::with(|s| s.busy) {
        return;
    }
    session::update(|s| {
        s.busy = true;
        s.error = None;
    });
    wasm_bindgen_futures::spawn_local(async move {
        let r = if zip {
            run::download_pack(&stored).await
        } else {
            run::download_corpus(&stored).await
        };
        session::update(|s| {
            s.busy = false;
            s.error = r.err();
        });
    });
}

fn remove_imported() {
    wasm_bindgen_futures::spawn_local(async {
        if let Err(e) = run::remove().await {
            session::update(|s| s.error = Some(e));
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct ImportBarProps {
    /// Loads the corpus anew (the imported one, or the bundled one after a removal).
    pub on_reload: Callback<()>,
}

/// The corpus bar, the dialog and the drop target.
#[function_component(ImportBar)]
pub fn import_bar(p: &ImportBarProps) -> Html {
    let env = use_env();
    let redraw = use_force_update();
    let dragging = use_state(|| false);
    {
        let (on_reload, redraw) = (p.on_reload.clone(), redraw.clone());
        use_effect_with((), move |_| {
            session::listen(Callback::from(move |_| redraw.force_update()), on_reload);
        });
    }
    {
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let listeners = drop_listeners(dragging);
            move || drop(listeners)
        });
    }
    let imported = host::imported();
    let (state, open, busy, error, version) = session::with(|s| {
        let state = match &s.phase {
            Phase::Idle | Phase::Choosing { .. } => "idle",
            Phase::Running { .. } => "running",
            Phase::Done { .. } => "done",
            Phase::Failed { .. } => "failed",
            Phase::Cancelled => "cancelled",
        };
        (state, s.open, s.busy, s.error.clone(), s.version)
    });
    use_effect_with(state, |state| {
        crate::ui::dom::set_root_data("import", state)
    });
    let en = env.en();
    let source = match &imported {
        None => html! {
            <p class="source" data-testid="corpus-source">{ env.t("正在浏览随页面附带的语料。可导入自己的文档，在本机浏览器中处理，不会上传。", "Showing the bundled corpus. You can import your own documents: they are processed in this browser and never uploaded.") }</p>
        },
        Some(st) => {
            let how = match (st.mode, en) {
                (Mode::Replace, false) => "替换了附带的语料",
                (Mode::Replace, true) => "instead of the bundled corpus",
                (Mode::Add, false) => "含附带的语料",
                (Mode::Add, true) => "with the bundled corpus",
            };
            let kept = match (st.persistent, en) {
                (true, false) => "已保存在此浏览器中",
                (true, true) => "kept in this browser",
                (false, false) => "仅本次访问有效",
                (false, true) => "for this visit only",
            };
            let text = if en {
                format!(
                    " {} documents ({how}), imported {} · {kept}",
                    st.documents, st.created
                )
            } else {
                format!(
                    "：{} 篇文档（{how}），{} 导入 · {kept}",
                    st.documents, st.created
                )
            };
            html! {
                <p class="source imported" data-testid="corpus-source"><strong>{ env.t("导入的语料", "Imported documents") }</strong>{ text }</p>
            }
        }
    };
    let running_label = session::with(|s| match &s.phase {
        Phase::Running { progress, .. } => Some(format!(
            "{} {:.0}%",
            env.t("导入中", "Importing"),
            progress.fraction() * 100.0
        )),
        _ => None,
    });
    let actions = imported.clone().map(|st| {
        let (a, b) = (st.clone(), st);
        html! { <>
            <button type="button" class="ibtn" disabled={busy} data-testid="download-pack"
                onclick={Callback::from(move |_| start_download(a.clone(), true))}>{ env.t("下载数据包", "Download data pack") }</button>
            <button type="button" class="ibtn" disabled={busy} data-testid="download-corpus"
                onclick={Callback::from(move |_| start_download(b.clone(), false))}>{ env.t("下载语料 JSON", "Download corpus JSON") }</button>
            <button type="button" class="ibtn danger" data-testid="remove-import"
                onclick={Callback::from(|_| remove_imported())}>{ env.t("移除导入的语料", "Remove imported documents") }</button>
        </> }
    });
    html! {
        <>
            <div class="corpus-bar" data-testid="corpus-bar">
                { source }
                <div class="actions">
                    <button type="button" id="import-open" class="ibtn primary" aria-haspopup="dialog"
                        onclick={Callback::from(|_| choose(None))}>
                        { running_label.unwrap_or_else(|| env.t("导入文档", "Import documents").to_string()) }
                    </button>
                    { for actions }
                </div>
                if busy { <span class="muted" role="status">{ env.t("正在准备下载…", "Preparing the download…") }</span> }
                if let Some(e) = error { <span class="import-error" role="alert">{ e }</span> }
            </div>
            if open { <Dialog imported={imported.is_some()} {version} /> }
            if *dragging {
                <div class="drop-overlay" aria-hidden="true"><span>{ env.t("松开即可导入这些文件", "Drop to import these files") }</span></div>
            }
        </>
    }
}

/// Window listeners for dropping files or folders anywhere on the page.
fn drop_listeners(dragging: UseStateHandle<bool>) -> Vec<EventListener> {
    let Some(w) = web_sys::window() else {
        return vec![];
    };
    let has_files = |e: &web_sys::Event| {
        get(e, "dataTransfer")
            .dyn_into::<js_sys::Object>()
            .ok()
            .map(|dt| get(&dt, "types"))
            .map(|t| js_sys::Array::from(&t).includes(&"Files".into(), 0))
            .unwrap_or(false)
    };
    let opts = EventListenerOptions::enable_prevent_default();
    let d1 = dragging.clone();
    let over = EventListener::new_with_options(&w, "dragover", opts, move |e| {
        if has_files(e) {
            e.prevent_default();
            if !*d1 {
                d1.set(true);
            }
        }
    });
    let d2 = dragging.clone();
    let leave = EventListener::new(&w, "dragleave", move |e| {
        if get(e, "relatedTarget").is_null() {
            d2.set(false);
        }
    });
    let drop_ = EventListener::new_with_options(&w, "drop", opts, move |e| {
        dragging.set(false);
        if !has_files(e) {
            return;
        }
        e.prevent_default();
        match host::collect_drop(&get(e, "dataTransfer")) {
            Ok(p) => wasm_bindgen_futures::spawn_local(async move {
                if let Ok(v) = wasm_bindgen_futures::JsFuture::from(p).await {
                    choose(picked_of(v.unchecked_into()));
                }
            }),
            Err(e) => session::update(|s| s.error = Some(e)),
        }
    });
    vec![over, leave, drop_]
}

#[derive(Properties, PartialEq)]
struct DialogProps {
    imported: bool,
    /// The session's version: the dialog shows the session.
    version: u64,
}

#[function_component(Dialog)]
fn dialog(p: &DialogProps) -> Html {
    let env = use_env();
    // Escape closes it wherever the focus is (a button that did its job may be gone).
    use_effect_with((), |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "keydown", |e| {
                if e.dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape")
                {
                    set_open(false);
                }
            })
        });
        move || drop(listener)
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
                    <button type="button" class="ibtn" data-testid="import-cancel" onclick={Callback::from(|_| run::cancel())}>{ env.t("取消导入", "Cancel import") }</button>
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

/// Shown instead of the explorer when the imported corpus cannot be read (e.g. written by an
/// older version): one action goes back to the bundled corpus.
#[derive(Properties, PartialEq)]
pub struct RecoverProps {
    pub on_reload: Callback<()>,
}

#[function_component(Recover)]
pub fn recover(p: &RecoverProps) -> Html {
    if host::imported().is_none() {
        return html! {};
    }
    let on_reload = p.on_reload.clone();
    let onclick = Callback::from(move |_: MouseEvent| {
        let on_reload = on_reload.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = host::remove().await;
            on_reload.emit(());
        });
    });
    html! {
        <p class="fatal">
            { "导入的语料无法读取。· The imported documents could not be read. " }
            <button type="button" class="ibtn danger" data-testid="recover" {onclick}>{ "移除导入的语料 · Remove them" }</button>
        </p>
    }
}

/// The files of the report, for the dialog (re-exported for the counts' labels).
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
