//! The few browser calls the app makes: the URL hash and history, clipboard, downloads,
//! scrolling, and showing a fatal error. Every call tolerates a missing API. Timers and event
//! listeners are gloo's, which unregister themselves when dropped.

use crate::state::History;
use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;

pub fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// Calls `f` on every `hashchange` and `popstate` until the returned listeners are dropped.
pub fn on_hash_change(f: impl Fn() + 'static) -> Vec<EventListener> {
    let Some(w) = window() else { return vec![] };
    let f = std::rc::Rc::new(f);
    ["hashchange", "popstate"]
        .into_iter()
        .map(|event| {
            let f = f.clone();
            EventListener::new(&w, event, move |_| f())
        })
        .collect()
}

pub fn current_hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

thread_local! {
    /// The pending address-bar rewrite while the user is typing (cancelled when dropped).
    static PENDING_HASH: std::cell::RefCell<Option<Timeout>> = const { std::cell::RefCell::new(None) };
}

/// Puts the state's hash in the address bar as `history` says: a new entry, a rewrite, or a
/// rewrite once typing pauses (Chromium's `replaceState` costs milliseconds, too much to pay
/// on every keystroke). Anything but typing drops a pending rewrite.
pub fn set_hash(hash: &str, history: History) {
    PENDING_HASH.with(|p| p.borrow_mut().take());
    match history {
        History::Push => write_hash(hash, false),
        History::Replace => write_hash(hash, true),
        History::Typing => {
            let hash = hash.to_string();
            // A fired timeout stays in the cell until the next call drops it (never from
            // inside its own callback).
            let t = Timeout::new(150, move || write_hash(&hash, true));
            PENDING_HASH.with(|p| *p.borrow_mut() = Some(t));
        }
    }
}

/// Updates the address bar without a `hashchange` event: a push for everything a user would
/// want Back to undo, a replace for the rest.
fn write_hash(hash: &str, replace: bool) {
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

/// Today in the browser's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// Calls `f` with the key of every plain key press (no modifier) that is not typed into a
/// field, until the listener is dropped: single-letter shortcuts (n/p in the reader).
pub fn on_plain_key(f: impl Fn(&str) + 'static) -> Option<EventListener> {
    use wasm_bindgen::JsCast;
    let w = window()?;
    Some(EventListener::new(&w, "keydown", move |e| {
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if k.ctrl_key() || k.meta_key() || k.alt_key() {
            return;
        }
        let typing = k
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        if !typing {
            f(&k.key());
        }
    }))
}

/// Moves the keyboard focus to the element with this id (a new view's heading).
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        // Without scrolling: the reader scrolls to its focused initiative itself.
        let opts = web_sys::FocusOptions::new();
        opts.set_prevent_scroll(true);
        let _ = el.focus_with_options(&opts);
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Calls `f` before the page prints, until the listener is dropped.
pub fn on_before_print(f: impl Fn() + 'static) -> Option<EventListener> {
    let w = window()?;
    Some(EventListener::new(&w, "beforeprint", move |_| f()))
}
