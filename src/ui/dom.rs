//! The few browser calls the app makes: the URL hash and history, clipboard, downloads,
//! scrolling, and showing a fatal error. Every call tolerates a missing API.

use wasm_bindgen::JsCast;

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn current_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

thread_local! {
    /// The pending address-bar rewrite while the user is typing.
    static PENDING_HASH: std::cell::Cell<Option<i32>> = const { std::cell::Cell::new(None) };
}

/// Like [`set_hash`], but a rewrite (`replace`) waits until typing pauses: Chromium's
/// `replaceState` costs milliseconds, too much to pay on every keystroke. A push (a real
/// navigation) happens at once and drops any pending rewrite.
pub fn set_hash_soon(hash: &str, replace: bool) {
    let Some(w) = window() else { return };
    if let Some(id) = PENDING_HASH.with(|p| p.take()) {
        w.clear_timeout_with_handle(id);
    }
    if !replace {
        set_hash(hash, false);
        return;
    }
    let hash = hash.to_string();
    let f = wasm_bindgen::closure::Closure::once_into_js(move || {
        PENDING_HASH.with(|p| p.set(None));
        set_hash(&hash, true);
    });
    if let Ok(id) = w.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 150)
    {
        PENDING_HASH.with(|p| p.set(Some(id)));
    }
}

/// Updates the address bar without a `hashchange` event. `replace` for typing and for
/// normalizing a link, push for everything a user would want Back to undo.
pub fn set_hash(hash: &str, replace: bool) {
    let Some(w) = window() else { return };
    if current_hash() == hash {
        return;
    }
    let Ok(history) = w.history() else { return };
    let url = if hash.is_empty() {
        "#/".to_string()
    } else {
        hash.to_string()
    };
    let _ = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

pub fn show_fatal(message: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(el) = doc.get_element_by_id("fatal") {
        el.set_text_content(Some(&format!(
            "出错了，请刷新页面或返回上一页。Something went wrong; reload the page or go back. ({message})"
        )));
        let _ = el.remove_attribute("hidden");
    }
}

/// Copies text; false when the clipboard is unavailable or refused.
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let promise = w.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Offers `content` as a file download (UTF-8).
pub fn download(filename: &str, mime: &str, content: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = doc.create_element("a") {
        if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
            a.set_href(&url);
            a.set_download(filename);
            if let Some(body) = doc.body() {
                let _ = body.append_child(&a);
                a.click();
                let _ = body.remove_child(&a);
            }
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

pub fn scroll_to_selector(selector: &str) {
    let Some(doc) = window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(Some(el)) = doc.query_selector(selector) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

pub fn scroll_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

pub fn set_document_lang(lang: &str, title: &str) {
    if let Some(doc) = window().and_then(|w| w.document()) {
        if let Some(el) = doc.document_element() {
            let _ = el.set_attribute("lang", lang);
        }
        doc.set_title(title);
    }
}

/// Sets `data-<key>` on the root element (tests and benchmarks wait on these).
pub fn set_root_data(key: &str, value: &str) {
    if let Some(el) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute(&format!("data-{key}"), value);
    }
}
