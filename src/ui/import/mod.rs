//! The browser import (Yew side): the corpus bar under the header (which corpus is shown,
//! 导入文档 / Import documents, downloads, removal), the dialog (pick or drop files, replace or
//! add, progress, report), and drag-and-drop onto the page. The state lives in [`session`] so
//! the dialog outlives the explorer being mounted anew on the imported corpus; the logic is in
//! `crate::import` (pure) and the worker (`worker/`).

mod dialog;
pub mod host;
mod report;
mod run;
mod session;

use crate::import::plan::plan;
use crate::import::report::{Mode, Stored};
use crate::ui::use_env;
use gloo_events::{EventListener, EventListenerOptions};
use session::{Phase, Picked};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn get(v: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

/// The files the host gave (`[{path, file}]`) with their build plan; none when empty.
pub(crate) fn picked_of(entries: js_sys::Array) -> Option<Rc<Picked>> {
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
pub(crate) fn choose(picked: Option<Rc<Picked>>) {
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

pub(crate) fn set_open(open: bool) {
    session::update(|s| {
        s.open = open;
        if !open && !matches!(s.phase, Phase::Running { .. }) {
            s.phase = Phase::Idle;
        }
    });
    crate::ui::dom::focus_id(if open { "import-title" } else { "import-open" });
}

/// A download of the imported corpus (zip or corpus JSON), one at a time.
pub(crate) fn start_download(stored: Stored, zip: bool) {
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
            if open { <dialog::Dialog imported={imported.is_some()} {version} /> }
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
