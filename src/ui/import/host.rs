//! Bindings to the page's host (`static/host.js`, `taxExplorerHost`): pack files from the
//! imported or inlined corpus, the imported corpus kept in IndexedDB, the import worker, picked
//! and dropped files, downloads. Every call tolerates a page without the host (no import then).

use js_sys::{Array, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = read)]
    fn read_js(name: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = readBundled)]
    fn read_bundled_js(name: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = importedJson)]
    fn imported_json_js() -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = save)]
    fn save_js(json: &str, names: &Array, buffers: &Array) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = remove)]
    fn remove_js() -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = newWorker)]
    pub fn new_worker() -> Result<web_sys::Worker, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = filesOf)]
    fn files_of_js(input: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = collectDrop)]
    fn collect_drop_js(data_transfer: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = taxExplorerHost, js_name = download)]
    fn download_js(name: &str, mime: &str, data: &JsValue) -> Result<(), JsValue>;
}

/// Whether the page has a host (`boot.js` makes one before the app starts).
pub fn available() -> bool {
    Reflect::has(&js_sys::global(), &"taxExplorerHost".into()).unwrap_or(false)
}

/// A JS error as text.
pub fn describe(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            Reflect::get(e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "unknown error".into())
}

async fn bytes(p: Promise) -> Result<Uint8Array, String> {
    JsFuture::from(p)
        .await
        .map(|v| Uint8Array::new(&v))
        .map_err(|e| describe(&e))
}

/// The active pack's file when the host has it (an imported or inlined corpus); `None` when
/// the app is to fetch `data/NAME` itself.
pub async fn read(name: &str) -> Option<Result<Vec<u8>, String>> {
    if !available() {
        return None;
    }
    match read_js(name) {
        Ok(v) if v.is_null() || v.is_undefined() => None,
        Ok(v) => Some(bytes(v.unchecked_into()).await.map(|a| a.to_vec())),
        Err(e) => Some(Err(describe(&e))),
    }
}

/// The active pack's file as the host holds it (for the worker: not copied into the app).
pub async fn read_array(name: &str) -> Result<Uint8Array, String> {
    match read_js(name) {
        Ok(v) if v.is_null() || v.is_undefined() => read_bundled(name).await,
        Ok(v) => bytes(v.unchecked_into()).await,
        Err(e) => Err(describe(&e)),
    }
}

/// The bundled corpus's file, whichever corpus is shown (kept in JS: it goes to the worker).
pub async fn read_bundled(name: &str) -> Result<Uint8Array, String> {
    bytes(read_bundled_js(name).map_err(|e| describe(&e))?).await
}

/// The stored import's description, when there is one.
pub fn imported() -> Option<crate::import::report::Stored> {
    if !available() {
        return None;
    }
    imported_json_js()
        .ok()
        .flatten()
        .and_then(|j| serde_json::from_str(&j).ok())
}

/// Keeps the imported corpus; false when the browser could not (kept for this visit only).
pub async fn save(json: &str, names: &Array, buffers: &Array) -> Result<bool, String> {
    let p = save_js(json, names, buffers).map_err(|e| describe(&e))?;
    JsFuture::from(p)
        .await
        .map(|v| v.as_bool().unwrap_or(false))
        .map_err(|e| describe(&e))
}

pub async fn remove() -> Result<(), String> {
    let p = remove_js().map_err(|e| describe(&e))?;
    JsFuture::from(p)
        .await
        .map(|_| ())
        .map_err(|e| describe(&e))
}

/// The files picked in a file input, as `[{path, file}]`.
pub fn files_of(input: &web_sys::HtmlInputElement) -> Array {
    files_of_js(input).unwrap_or_default()
}

/// The files (folders walked) of a drop, as `[{path, file}]`; call while the event is handled.
pub fn collect_drop(data_transfer: &JsValue) -> Result<Promise, String> {
    collect_drop_js(data_transfer).map_err(|e| describe(&e))
}

pub fn download(name: &str, mime: &str, data: &JsValue) {
    if let Err(e) = download_js(name, mime, data) {
        web_sys::console::warn_1(&e);
    }
}
