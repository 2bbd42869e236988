//! Loading the pack: `index.bin` before the first render, then the search postings and text
//! chunks in the background, and document chunks when a view needs them. Same-origin relative
//! URLs only (`data/…` next to index.html), so the app works under any path and never asks
//! another host for anything.

use super::dom;
use crate::data::Explorer;
use crate::state::Action;
use corpus::pack::{self, SearchPack};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::platform::spawn_local;

pub const DATA: &str = "data/";

thread_local! {
    /// Document chunks being fetched, so that many cards asking at once cause one request.
    static PENDING: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

pub async fn fetch_bytes(name: &str) -> Result<Vec<u8>, String> {
    let url = format!("{DATA}{name}");
    let w = dom::window().ok_or("no window")?;
    let resp = JsFuture::from(w.fetch_with_str(&url))
        .await
        .map_err(|e| format!("{url}: {}", js_err(e)))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| format!("{url}: no response"))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    let buf = JsFuture::from(resp.array_buffer().map_err(js_err)?)
        .await
        .map_err(|e| format!("{url}: {}", js_err(e)))?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

pub async fn load_index() -> Result<Explorer, String> {
    let bytes = fetch_bytes("index.bin").await?;
    Explorer::from_index(&bytes)
}

/// Postings, then every text chunk in order; each arrival re-renders.
pub fn load_search(ex: Rc<Explorer>, notify: impl Fn() + 'static) {
    spawn_local(async move {
        match fetch_bytes("search.bin")
            .await
            .and_then(|b| SearchPack::decode(&b))
        {
            Ok(s) => ex.set_search(s),
            Err(e) => ex.loaded.borrow_mut().errors.push(e),
        }
        notify();
        for c in 0..ex.text_chunks() {
            match fetch_bytes(&pack::text_file(c))
                .await
                .and_then(|b| pack::decode_texts(&b))
            {
                Ok(t) => ex.add_texts(c, t),
                Err(e) => ex.loaded.borrow_mut().errors.push(e),
            }
            notify();
        }
        warm_up(&ex);
        dom::set_root_data("search", "ready");
    });
}

/// Runs the query path once, off the input path: for one to four characters of the first
/// initiative's name (so name matches, their lifting to the front and the 3+ character
/// verification all run) and of the first document's title, including the text helpers the
/// cards use. The engine compiles each wasm function on its first call and runs it on a
/// baseline tier until it is hot; without this the user's first query pays for both (measured
/// at 10,000 documents: the first query ~1.6× slower than the same query again, and the first
/// round of queries ~1.5× slower than later ones).
fn warm_up(ex: &Explorer) {
    use crate::filter::{apply, query_match, Selection, Sort};
    let mut sources: Vec<String> = Vec::new();
    if !ex.ix.init_name.is_empty() {
        sources.push(ex.name(0).to_string());
    }
    if let Some(d) = ex.docs().first() {
        sources.push(d.title.clone());
    }
    for source in sources {
        let chars: Vec<char> = source.chars().filter(|c| !c.is_whitespace()).collect();
        for n in 1..=chars.len().min(4) {
            let q: String = chars[..n].iter().collect();
            let qm = query_match(ex, &q);
            let out = apply(ex, &Selection::default(), qm.as_ref(), Sort::Relevance);
            for i in out.ordered().take(20) {
                let name = ex.name(i);
                std::hint::black_box(crate::text::query_ranges(name, &q));
                std::hint::black_box(crate::text::snippet(name, &q, 24));
            }
            std::hint::black_box(out);
        }
    }
}

async fn fetch_chunk(ex: &Explorer, chunk: usize) {
    let r = fetch_bytes(&pack::detail_file(chunk))
        .await
        .and_then(|b| pack::decode_details(&b));
    let mut l = ex.loaded.borrow_mut();
    match r {
        Ok(d) => {
            l.failed_chunks.remove(&chunk);
            drop(l);
            ex.add_details(chunk, d);
        }
        Err(e) => {
            if l.failed_chunks.insert(chunk) {
                l.errors.push(e);
            }
        }
    }
}

/// Chunks of these documents that are neither loaded nor on their way.
fn missing(ex: &Explorer, docs: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut chunks: Vec<usize> = docs
        .into_iter()
        .map(|d| ex.detail_chunk_of(d))
        .filter(|&c| !ex.has_detail_chunk(c) && !ex.loaded.borrow().failed_chunks.contains(&c))
        .collect();
    chunks.sort_unstable();
    chunks.dedup();
    PENDING.with(|p| chunks.retain(|c| !p.borrow().contains(c)));
    chunks
}

/// Starts loading the document chunks these documents are in; `DataArrived` when each lands.
pub fn request_details(
    ex: &Rc<Explorer>,
    docs: impl IntoIterator<Item = usize>,
    dispatch: yew::UseReducerDispatcher<super::Store>,
) {
    for c in missing(ex, docs) {
        PENDING.with(|p| p.borrow_mut().insert(c));
        let ex = ex.clone();
        let dispatch = dispatch.clone();
        spawn_local(async move {
            fetch_chunk(&ex, c).await;
            PENDING.with(|p| p.borrow_mut().remove(&c));
            dispatch.dispatch(Action::DataArrived);
        });
    }
}

/// Loads every chunk these documents need, one after another (exports).
pub async fn ensure_details(ex: &Explorer, docs: impl IntoIterator<Item = usize>) {
    let mut chunks: Vec<usize> = docs
        .into_iter()
        .map(|d| ex.detail_chunk_of(d))
        .filter(|&c| !ex.has_detail_chunk(c))
        .collect();
    chunks.dedup();
    for c in chunks {
        fetch_chunk(ex, c).await;
    }
}
