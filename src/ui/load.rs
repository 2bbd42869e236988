//! Loading the pack: `index.bin` before the first render, then the search postings and text
//! chunks in the background, and document chunks when a view needs them. Same-origin relative
//! URLs only (`data/…` next to index.html), so the app works under any path and never asks
//! another host for anything.

use super::dom;
use crate::data::Dataset;
use crate::state::Action;
use corpus::pack::{self, SearchPack};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use yew::platform::spawn_local;
use yew::Callback;

pub const DATA: &str = "data/";

thread_local! {
    /// Document chunks being fetched, so that many cards asking at once cause one request.
    static PENDING: RefCell<HashSet<usize>> = RefCell::new(HashSet::new());
}

pub async fn fetch_bytes(name: &str) -> Result<Vec<u8>, String> {
    // An imported corpus (IndexedDB) or the single file's inlined pack.
    if let Some(r) = super::import::host::read(name).await {
        return r;
    }
    let url = format!("{DATA}{name}");
    let resp = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !resp.ok() {
        return Err(format!("{url}: HTTP {}", resp.status()));
    }
    resp.binary().await.map_err(|e| format!("{url}: {e}"))
}

pub async fn load_index() -> Result<Dataset, String> {
    let bytes = fetch_bytes(pack::INDEX_FILE).await?;
    Dataset::from_index(&bytes)
}

/// Postings, then every text chunk in order; each arrival re-renders.
pub fn load_search(ds: Rc<Dataset>, notify: impl Fn() + 'static) {
    spawn_local(async move {
        match fetch_bytes(pack::SEARCH_FILE)
            .await
            .and_then(|b| SearchPack::decode(&b).map_err(|e| e.to_string()))
        {
            Ok(s) => ds.set_search(s),
            Err(e) => ds.loaded.borrow_mut().errors.push(e),
        }
        notify();
        for c in 0..ds.text_chunks() {
            match fetch_bytes(&pack::text_file(c))
                .await
                .and_then(|b| pack::decode_texts(&b).map_err(|e| e.to_string()))
            {
                Ok(t) => ds.add_texts(c, t),
                Err(e) => ds.loaded.borrow_mut().errors.push(e),
            }
            notify();
        }
        warm_up(&ds);
        dom::set_root_data("search", "ready");
    });
}

/// Runs the query path once, off the input path: for one to four characters of the first
/// initiative's name (so name matches, their lifting to the front and the 3+ character
/// verification all run) and of the first document's title, including the text helpers the
/// cards use. The engine compiles each wasm function on its first call and runs it on a
/// baseline tier until it is hot; without this the user's first query pays for both.
fn warm_up(ds: &Dataset) {
    use crate::query::{apply, query_match};
    use crate::state::{Selection, Sort};
    let mut sources: Vec<String> = Vec::new();
    if !ds.ix.init_name.is_empty() {
        sources.push(ds.name(0).to_string());
    }
    if let Some(d) = ds.docs().first() {
        sources.push(d.title.clone());
    }
    for source in sources {
        let chars: Vec<char> = source.chars().filter(|c| !c.is_whitespace()).collect();
        for n in 1..=chars.len().min(4) {
            let q: String = chars[..n].iter().collect();
            let qm = query_match(ds, &q);
            let out = apply(ds, &Selection::default(), qm.as_ref(), Sort::Relevance);
            for i in out.ordered().take(20) {
                let name = ds.name(i);
                std::hint::black_box(crate::view::highlight::query_ranges(name, &q));
                std::hint::black_box(crate::view::highlight::snippet(name, &q, 24));
            }
            std::hint::black_box(out);
        }
    }
}

async fn fetch_chunk(ds: &Dataset, chunk: usize) {
    let r = fetch_bytes(&pack::detail_file(chunk))
        .await
        .and_then(|b| pack::decode_details(&b).map_err(|e| e.to_string()));
    let mut l = ds.loaded.borrow_mut();
    match r {
        Ok(d) => {
            l.failed_chunks.remove(&chunk);
            drop(l);
            ds.add_details(chunk, d);
        }
        Err(e) => {
            if l.failed_chunks.insert(chunk) {
                l.errors.push(e);
            }
        }
    }
}

/// Chunks of these documents that are neither loaded nor on their way.
fn missing(ds: &Dataset, docs: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut chunks: Vec<usize> = docs
        .into_iter()
        .map(|d| ds.detail_chunk_of(d))
        .filter(|&c| !ds.has_detail_chunk(c) && !ds.loaded.borrow().failed_chunks.contains(&c))
        .collect();
    chunks.sort_unstable();
    chunks.dedup();
    PENDING.with(|p| chunks.retain(|c| !p.borrow().contains(c)));
    chunks
}

/// Starts loading the document chunks these documents are in; `DataArrived` when each lands.
pub fn request_details(
    ds: &Rc<Dataset>,
    docs: impl IntoIterator<Item = usize>,
    on_action: Callback<Action>,
) {
    for c in missing(ds, docs) {
        PENDING.with(|p| p.borrow_mut().insert(c));
        let ds = ds.clone();
        let on_action = on_action.clone();
        spawn_local(async move {
            fetch_chunk(&ds, c).await;
            PENDING.with(|p| p.borrow_mut().remove(&c));
            on_action.emit(Action::DataArrived);
        });
    }
}

/// Loads every chunk these documents need, one after another (exports).
pub async fn ensure_details(ds: &Dataset, docs: impl IntoIterator<Item = usize>) {
    let mut chunks: Vec<usize> = docs
        .into_iter()
        .map(|d| ds.detail_chunk_of(d))
        .filter(|&c| !ds.has_detail_chunk(c))
        .collect();
    chunks.dedup();
    for c in chunks {
        fetch_chunk(ds, c).await;
    }
}
