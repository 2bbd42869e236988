//! Driving the import worker: start it, send it the files (and the bundled corpus when adding),
//! follow its progress, keep what it built and load it; cancel by terminating it. Downloads of
//! the imported pack (zip) and corpus JSON ask a worker of their own.

use super::host::{self, describe};
use super::session::{self, Phase, Picked, Stage};
use crate::import::progress::Progress;
use crate::import::report::{Mode, Stored};
use corpus::model::InputStatus;
use corpus::pack::{self, BuildReport, ImportSummary};
use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{MessageEvent, Worker};

type OnMessage = Closure<dyn FnMut(MessageEvent)>;

/// A running worker with its handlers; dropping it terminates the worker (never from inside
/// one of its handlers: they hand over to a task first).
pub struct Running {
    worker: Worker,
    _on_message: OnMessage,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn object(fields: &[(&str, &JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &(*k).into(), v);
    }
    o
}

fn now() -> f64 {
    js_sys::Date::now()
}

/// `YYYY-MM-DD HH:MM`, local time.
fn stamp() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Ends the import with an error (in a task: the worker's handler may be the caller).
fn fail(message: String) {
    spawn_local(async move {
        session::update(|s| {
            s.worker = None;
            s.phase = Phase::Failed { message };
        });
    });
}

/// Starts importing the picked files.
pub fn start(picked: Rc<Picked>, mode: Mode) {
    let worker = match host::new_worker() {
        Ok(w) => w,
        Err(e) => return fail(describe(&e)),
    };
    let progress = Progress {
        files: picked.plan.len(),
        done: 0,
        bytes: picked.bytes,
        bytes_done: 0,
        elapsed_ms: 0.0,
    };
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| handle(e.data()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|e: web_sys::Event| {
        e.prevent_default();
        let msg = get(&e, "message")
            .as_string()
            .unwrap_or_else(|| "the import worker stopped".into());
        fail(msg);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    session::update(|s| {
        s.worker = Some(Running {
            worker,
            _on_message: on_message,
            _on_error: on_error,
        });
        s.phase = Phase::Running {
            picked,
            mode,
            stage: Stage::Starting,
            progress,
            current: String::new(),
            started: now(),
        };
    });
}

/// Stops the import: nothing is kept.
pub fn cancel() {
    session::update(|s| {
        s.worker = None;
        s.phase = Phase::Cancelled;
    });
}

fn set_stage(stage: Stage) {
    session::update(|s| {
        if let Phase::Running { stage: st, .. } = &mut s.phase {
            *st = stage;
        }
    });
}

fn handle(msg: JsValue) {
    match get(&msg, "type").as_string().as_deref() {
        Some("ready") => spawn_local(send_build()),
        Some("stage") => match get(&msg, "stage").as_string().as_deref() {
            Some("base") => set_stage(Stage::Base),
            _ => set_stage(Stage::Finishing),
        },
        Some("progress") => {
            let done = get(&msg, "done").as_f64().unwrap_or(0.0) as usize;
            let path = get(&msg, "path").as_string().unwrap_or_default();
            session::update_soon(|s| {
                if let Phase::Running {
                    picked,
                    stage,
                    progress,
                    current,
                    started,
                    ..
                } = &mut s.phase
                {
                    *stage = Stage::Files;
                    progress.done = done;
                    progress.bytes_done = picked.prefix[done.min(picked.plan.len())];
                    progress.elapsed_ms = now() - *started;
                    *current = path;
                }
            });
        }
        Some("done") => spawn_local(finish(msg)),
        Some("error") => fail(
            get(&msg, "message")
                .as_string()
                .unwrap_or_else(|| "unknown error".into()),
        ),
        _ => {}
    }
}

/// The bundled corpus for the worker: `report.json`, then its document chunks in order.
async fn bundled_base() -> Result<Array, String> {
    let report = host::read_bundled(pack::REPORT_FILE).await?;
    let r: BuildReport =
        serde_json::from_slice(&report.to_vec()).map_err(|e| format!("report.json: {e}"))?;
    let docs = r
        .inputs
        .iter()
        .filter(|i| {
            matches!(
                i.status,
                InputStatus::Built | InputStatus::BuiltWithWarnings
            )
        })
        .count();
    let out = Array::of1(&report);
    for c in 0..docs.div_ceil(pack::DETAIL_CHUNK) {
        let chunk = host::read_bundled(&pack::detail_file(c)).await?;
        out.push(&chunk);
    }
    Ok(out)
}

async fn send_build() {
    let Some((picked, mode)) = session::with(|s| match &s.phase {
        Phase::Running { picked, mode, .. } => Some((picked.clone(), *mode)),
        _ => None,
    }) else {
        return;
    };
    let base = if mode == Mode::Add {
        set_stage(Stage::Base);
        match bundled_base().await {
            Ok(a) => a,
            Err(e) => return fail(e),
        }
    } else {
        Array::new()
    };
    let (paths, files) = (Array::new(), Array::new());
    for p in &picked.plan {
        paths.push(&p.path.as_str().into());
        files.push(&get(&picked.entries.get(p.index as u32), "file"));
    }
    let transfer = Array::new();
    for b in base.iter() {
        transfer.push(&b.unchecked_into::<Uint8Array>().buffer());
    }
    let base_value: JsValue = if mode == Mode::Add {
        base.into()
    } else {
        JsValue::NULL
    };
    let msg = object(&[
        ("type", &"build".into()),
        ("paths", &paths),
        ("files", &files),
        ("base", &base_value),
    ]);
    let sent = session::with(|s| {
        s.worker
            .as_ref()
            .map(|r| r.worker.post_message_with_transfer(&msg, &transfer))
    });
    match sent {
        Some(Ok(())) => session::update(|s| {
            if let Phase::Running { started, .. } = &mut s.phase {
                *started = now();
            }
        }),
        Some(Err(e)) => fail(describe(&e)),
        None => {} // cancelled meanwhile
    }
}

async fn finish(msg: JsValue) {
    let mode = session::with(|s| match &s.phase {
        Phase::Running { mode, .. } => Some(*mode),
        _ => None,
    });
    let Some(mode) = mode else { return };
    set_stage(Stage::Saving);
    // The worker is done: end it (this task runs after its handler returned).
    session::update(|s| s.worker = None);
    let summary: ImportSummary = match get(&msg, "summary")
        .as_string()
        .map(|j| serde_json::from_str(&j))
    {
        Some(Ok(s)) => s,
        Some(Err(e)) => return fail(e.to_string()),
        None => return fail("the worker sent no summary".into()),
    };
    // For benchmarks: the worker's peak memory (its wasm memory only grows).
    if let Some(m) = get(&msg, "memory").as_f64() {
        crate::ui::dom::set_root_data("import-memory", &format!("{m}"));
    }
    let mut stored = Stored::new(mode, &summary, stamp());
    let json = serde_json::to_string(&stored).unwrap_or_default();
    let names: Array = get(&msg, "names").unchecked_into();
    let buffers: Array = get(&msg, "buffers").unchecked_into();
    match host::save(&json, &names, &buffers).await {
        Ok(kept) => stored.persistent = kept,
        Err(e) => return fail(e),
    }
    stored.names = names.iter().filter_map(|n| n.as_string()).collect();
    session::update(|s| {
        s.phase = Phase::Done {
            summary: Rc::new(summary),
            stored,
        };
    });
    // Kept: the explorer loads it (the dialog stays, with the report).
    session::reload();
}

/// Removes the imported corpus and loads the bundled one.
pub async fn remove() -> Result<(), String> {
    host::remove().await?;
    session::update(|s| {
        if matches!(s.phase, Phase::Done { .. }) {
            s.phase = Phase::Idle;
            s.open = false;
        }
    });
    session::reload();
    Ok(())
}

/// Asks a worker of its own for one answer (`zip`, `corpus`), handing it the buffers.
async fn ask(request: Object, buffers: &Array) -> Result<JsValue, String> {
    let worker = host::new_worker().map_err(|e| describe(&e))?;
    let handler: Rc<RefCell<Option<OnMessage>>> = Rc::default();
    let transfer = Array::new();
    for b in buffers.iter() {
        transfer.push(&b.unchecked_into::<Uint8Array>().buffer());
    }
    let (w, h) = (worker.clone(), handler.clone());
    let promise = Promise::new(&mut |resolve, reject| {
        let (w, request, transfer) = (w.clone(), request.clone(), transfer.clone());
        let on = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let d = e.data();
            match get(&d, "type").as_string().as_deref() {
                Some("ready") => {
                    if let Err(e) = w.post_message_with_transfer(&request, &transfer) {
                        let _ = reject.call1(&JsValue::NULL, &e);
                    }
                }
                Some("error") => {
                    let _ = reject.call1(&JsValue::NULL, &get(&d, "message"));
                }
                _ => {
                    let _ = resolve.call1(&JsValue::NULL, &d);
                }
            }
        });
        worker.set_onmessage(Some(on.as_ref().unchecked_ref()));
        *h.borrow_mut() = Some(on);
    });
    let r = JsFuture::from(promise).await.map_err(|e| describe(&e));
    worker.terminate();
    drop(handler);
    r
}

async fn files(names: &[String]) -> Result<Array, String> {
    let out = Array::new();
    for n in names {
        let b = host::read_array(n).await?;
        out.push(&b);
    }
    Ok(out)
}

/// Downloads the imported corpus's pack as a zip of `data/…`, to put next to a `dist/`.
pub async fn download_pack(stored: &Stored) -> Result<(), String> {
    let mut names = stored.names.clone();
    names.sort();
    let buffers = files(&names).await?;
    let zipped: Array = names
        .iter()
        .map(|n| JsValue::from(format!("data/{n}")))
        .collect();
    let answer = ask(
        object(&[
            ("type", &"zip".into()),
            ("names", &zipped),
            ("buffers", &buffers),
        ]),
        &buffers,
    )
    .await?;
    let name = format!(
        "tax-explorer-data-{}.zip",
        crate::import::report::short_hash(&stored.content_hash)
    );
    host::download(&name, "application/zip", &get(&answer, "bytes"));
    Ok(())
}

/// Downloads the imported corpus as the corpus JSON `corpus build --out` writes.
pub async fn download_corpus(stored: &Stored) -> Result<(), String> {
    let mut names: Vec<String> = stored
        .names
        .iter()
        .filter(|n| n.starts_with("doc-"))
        .cloned()
        .collect();
    names.sort();
    names.insert(0, pack::REPORT_FILE.to_string());
    let buffers = files(&names).await?;
    let answer = ask(
        object(&[("type", &"corpus".into()), ("buffers", &buffers)]),
        &buffers,
    )
    .await?;
    let name = format!(
        "corpus-{}.json",
        crate::import::report::short_hash(&stored.content_hash)
    );
    host::download(&name, "application/json", &get(&answer, "bytes"));
    Ok(())
}
