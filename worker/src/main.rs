//! The worker's message loop (wasm32). The page starts it with `import/import-worker.js`
//! (`static/import-worker-boot.js` loads the module), waits for `ready`, then sends one
//! request at a time:
//!
//! | request | fields | answer |
//! |---|---|---|
//! | `build` | `paths` (path order), `files` (`File`s), `base` (`report.json` then document chunks, or null) | `progress` per file, then `done` with `summary` (JSON [`corpus::pack::ImportSummary`]), `names`, `buffers`, `memory` (the module's peak memory, bytes) |
//! | `zip` | `names`, `buffers` | `zip` with `bytes` |
//! | `corpus` | `buffers` (`report.json` then document chunks) | `corpus` with `bytes` |
//!
//! Any failure answers `error` with a `message`. Cancelling is the page terminating the worker.

#[cfg(target_arch = "wasm32")]
mod wasm {
    use import_worker::job::{corpus_json, Job};
    use import_worker::zip;
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{DedicatedWorkerGlobalScope, File, MessageEvent};

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn message(kind: &str, fields: &[(&str, JsValue)]) -> Object {
        let o = Object::new();
        let _ = Reflect::set(&o, &"type".into(), &kind.into());
        for (k, v) in fields {
            let _ = Reflect::set(&o, &(*k).into(), v);
        }
        o
    }

    fn post(kind: &str, fields: &[(&str, JsValue)]) {
        let _ = scope().post_message(&message(kind, fields));
    }

    /// Posts byte arrays, handing their buffers over instead of copying them again.
    fn post_transfer(kind: &str, fields: &[(&str, JsValue)], buffers: &[Uint8Array]) {
        let transfer = Array::new();
        for b in buffers {
            transfer.push(&b.buffer());
        }
        let _ = scope().post_message_with_transfer(&message(kind, fields), &transfer);
    }

    fn get(v: &JsValue, key: &str) -> JsValue {
        Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
    }

    fn bytes_of(v: &JsValue) -> Vec<u8> {
        Uint8Array::new(v).to_vec()
    }

    fn buffers(v: &JsValue) -> Vec<Vec<u8>> {
        Array::from(v).iter().map(|b| bytes_of(&b)).collect()
    }

    fn out(files: &[(String, Vec<u8>)]) -> (Array, Vec<Uint8Array>) {
        let names = Array::new();
        let arrays: Vec<Uint8Array> = files
            .iter()
            .map(|(n, b)| {
                names.push(&n.into());
                Uint8Array::from(b.as_slice())
            })
            .collect();
        (names, arrays)
    }

    fn now() -> f64 {
        js_sys::Date::now()
    }

    async fn build(req: JsValue) -> Result<(), String> {
        let started = now();
        let paths: Vec<String> = Array::from(&get(&req, "paths"))
            .iter()
            .map(|p| p.as_string().unwrap_or_default())
            .collect();
        let files = Array::from(&get(&req, "files"));
        let mut job = Job::new()?;
        let base = get(&req, "base");
        if !base.is_null() && !base.is_undefined() {
            post("stage", &[("stage", "base".into())]);
            let parts = buffers(&base);
            let (report, chunks) = parts.split_first().ok_or("the base has no report")?;
            job.add_base(report, chunks.iter().map(|c| c.as_slice()))?;
        }
        let total = paths.len();
        // Progress at most every 50 ms: the page re-renders on its own clock anyway, and
        // 2,000 small files need not wake it 2,000 times.
        let mut last_post = f64::NEG_INFINITY;
        for (k, path) in paths.iter().enumerate() {
            if now() - last_post >= 50.0 {
                last_post = now();
                post(
                    "progress",
                    &[("done", (k as u32).into()), ("path", path.into())],
                );
            }
            let file: File = files.get(k as u32).unchecked_into();
            if let Some(r) = job.refuse_if_too_large(path, file.size() as u64) {
                r?;
                continue;
            }
            // Read only now, and dropped before the next file.
            match JsFuture::from(file.array_buffer()).await {
                Ok(ab) => job.add_file(path, &bytes_of(&ab))?,
                Err(e) => {
                    let why = format!("cannot read: {}", describe(&e));
                    job.add_refused(path, file.size() as u64, why)?
                }
            };
        }
        post(
            "stage",
            &[("stage", "finish".into()), ("done", (total as u32).into())],
        );
        let (files, summary) = job.finish((now() - started) / 1000.0)?;
        let summary = serde_json::to_string(&summary).map_err(|e| e.to_string())?;
        let (names, arrays) = out(&files);
        drop(files);
        let list = Array::new();
        arrays.iter().for_each(|a| {
            list.push(a);
        });
        post_transfer(
            "done",
            &[
                ("summary", summary.into()),
                ("names", names.into()),
                ("buffers", list.into()),
                ("memory", memory_bytes().into()),
            ],
            &arrays,
        );
        Ok(())
    }

    /// The module's linear memory: it only grows, so this is the peak of the import.
    fn memory_bytes() -> f64 {
        let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
        mem.buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length() as f64
    }

    fn describe(e: &JsValue) -> String {
        e.as_string()
            .or_else(|| get(e, "message").as_string())
            .unwrap_or_else(|| "unknown error".into())
    }

    async fn handle(req: JsValue) {
        let kind = get(&req, "type").as_string().unwrap_or_default();
        let r = match kind.as_str() {
            "build" => build(req).await,
            "zip" => {
                let names: Vec<String> = Array::from(&get(&req, "names"))
                    .iter()
                    .map(|n| n.as_string().unwrap_or_default())
                    .collect();
                let files: Vec<(String, Vec<u8>)> = names
                    .into_iter()
                    .zip(buffers(&get(&req, "buffers")))
                    .collect();
                zip::write(&files).map(|z| {
                    let a = Uint8Array::from(z.as_slice());
                    post_transfer("zip", &[("bytes", a.clone().into())], &[a]);
                })
            }
            "corpus" => {
                let parts = buffers(&get(&req, "buffers"));
                match parts.split_first() {
                    Some((report, chunks)) => {
                        corpus_json(report, chunks.iter().map(|c| c.as_slice())).map(|j| {
                            let a = Uint8Array::from(j.as_slice());
                            post_transfer("corpus", &[("bytes", a.clone().into())], &[a]);
                        })
                    }
                    None => Err("no report".into()),
                }
            }
            other => Err(format!("unknown request {other:?}")),
        };
        if let Err(message) = r {
            post("error", &[("message", message.into())]);
        }
    }

    pub fn start() {
        std::panic::set_hook(Box::new(|info| {
            post("error", &[("message", format!("panic: {info}").into())]);
        }));
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            wasm_bindgen_futures::spawn_local(handle(e.data()));
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post("ready", &[]);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    wasm::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("The import worker runs in the browser (see README.md); `corpus build` is its command line.");
}
