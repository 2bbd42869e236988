//! Yew components. They read the shared [`Ctx`] and dispatch [`Action`]s; everything they
//! show is computed by the pure modules (filter, search, charts, export).

mod canonical;
mod charts;
mod documents;
pub mod dom;
mod initiatives;
pub mod load;
mod reader;
mod widgets;

use crate::data::Explorer;
use crate::filter::{apply, query_match, Outcome, QueryMatch};
use crate::i18n::tr;
use crate::state::{Action, AppState};
use crate::url::{Lang, View};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Mounts the app. A panic anywhere shows a message instead of a blank page.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        web_sys::console::error_1(&format!("panic: {msg}").into());
        dom::show_fatal(&msg);
    }));
    let root = dom::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => dom::show_fatal("missing #app element"),
    }
}

/// The reducer store: app state plus whether its URL change should replace the history entry.
#[derive(Clone, PartialEq)]
pub struct Store {
    pub state: AppState,
    replace: bool,
    /// Counts hash arrivals, so even a link that parses to the current state is rewritten
    /// into its canonical form.
    arrivals: u64,
    /// Counts corpus parts that arrived after the index (postings, texts, document chunks).
    pub data_gen: u64,
}

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let replace = matches!(
            action,
            Action::SetQuery(_) | Action::FromHash(_) | Action::DismissNotice | Action::Focus(_)
        );
        let mut next = (*self).clone();
        if matches!(action, Action::FromHash(_)) {
            next.arrivals += 1;
        }
        if matches!(action, Action::DataArrived) {
            next.data_gen += 1;
            return Rc::new(next);
        }
        next.state.apply(action);
        next.replace = replace;
        Rc::new(next)
    }
}

/// What every component may read: the corpus, the state, derived results, and `dispatch`.
#[derive(Clone)]
pub struct Ctx {
    pub ex: Rc<Explorer>,
    pub state: Rc<Store>,
    pub qm: Rc<Option<QueryMatch>>,
    pub outcome: Rc<Outcome>,
    pub dispatch: UseReducerDispatcher<Store>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && Rc::ptr_eq(&self.outcome, &other.outcome)
    }
}

impl Ctx {
    pub fn lang(&self) -> Lang {
        self.state.state.url.lang
    }
    pub fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        tr(self.lang(), zh, en)
    }
    /// Starts loading the document chunks of these documents (cards, reader, exports).
    pub fn want_details(&self, docs: impl IntoIterator<Item = usize>) {
        load::request_details(&self.ex, docs, self.dispatch.clone());
    }
    pub fn send(&self, a: Action) -> Callback<()> {
        let d = self.dispatch.clone();
        Callback::from(move |_| d.dispatch(a.clone()))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let loaded = use_state(|| None::<Result<Rc<Explorer>, String>>);
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let r = load::load_index().await.map(Rc::new);
                loaded.set(Some(r));
            });
        });
    }
    match &*loaded {
        None => html! {
            <div class="loading" role="status">{ "正在载入语料… · Loading the corpus…" }</div>
        },
        Some(Ok(ex)) => html! { <Explorerer ex={ex.clone()} /> },
        Some(Err(e)) => html! {
            <div class="fatal" role="alert">{ format!("语料无法读取 · The corpus could not be read: {e}") }</div>
        },
    }
}

#[derive(Properties)]
struct ExplorerProps {
    ex: Rc<Explorer>,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ex, &other.ex)
    }
}

#[function_component(Explorerer)]
fn explorer(props: &ExplorerProps) -> Html {
    let ex = props.ex.clone();
    let store = use_reducer(|| Store {
        state: AppState::from_hash(&dom::current_hash()),
        replace: true,
        arrivals: 0,
        data_gen: 0,
    });
    BENCH_EXPLORER.with(|cell| *cell.borrow_mut() = Some(ex.clone()));

    // Postings and texts load after the first render.
    {
        let ex = ex.clone();
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            dom::set_root_data("corpus", "ready");
            load::load_search(ex, move || dispatch.dispatch(Action::DataArrived));
        });
    }

    // Back/forward and edited links: follow the hash.
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |_| {
            let on_change = Closure::<dyn Fn()>::new(move || {
                dispatch.dispatch(Action::FromHash(dom::current_hash()))
            });
            let w = dom::window();
            if let Some(w) = &w {
                let f = on_change.as_ref().unchecked_ref();
                let _ = w.add_event_listener_with_callback("hashchange", f);
                let _ = w.add_event_listener_with_callback("popstate", f);
            }
            move || {
                if let Some(w) = w {
                    let f = on_change.as_ref().unchecked_ref();
                    let _ = w.remove_event_listener_with_callback("hashchange", f);
                    let _ = w.remove_event_listener_with_callback("popstate", f);
                }
            }
        });
    }
    // State → address bar.
    {
        let url = store.state.url.clone();
        let replace = store.replace;
        use_effect_with((url, store.arrivals), move |(url, _)| {
            dom::set_hash_soon(&url.to_hash(), replace);
        });
        // The document's language and title follow the interface language only: setting the
        // title on every keystroke costs the browser a title update each time.
        use_effect_with(store.state.url.lang, |lang| match lang {
            Lang::Zh => dom::set_document_lang("zh-CN", "税费服务举措浏览器"),
            Lang::En => dom::set_document_lang("en", "Tax Service Initiatives Explorer"),
        });
    }

    let query = store.state.url.query.clone();
    // Arriving postings and texts change only query answers: without a query, nothing to redo
    // (at 50,000 documents that would be a full filter pass per text chunk while loading).
    let search_gen = if query.trim().is_empty() {
        0
    } else {
        ex.search_generation()
    };
    let qm = {
        let ex = ex.clone();
        use_memo((query, search_gen), move |(q, _)| query_match(&ex, q))
    };
    let outcome = {
        let ex = ex.clone();
        let qm2 = qm.clone();
        let deps = (
            store.state.url.selection.clone(),
            store.state.url.sort,
            store.state.url.query.clone(),
            search_gen,
        );
        use_memo(deps, move |(sel, sort, _, _)| {
            apply(&ex, sel, (*qm2).as_ref(), *sort)
        })
    };
    let ctx = Ctx {
        ex,
        state: Rc::new((*store).clone()),
        qm,
        outcome,
        dispatch: store.dispatcher(),
    };
    let view = store.state.url.view.clone();
    let body = match &view {
        View::Initiatives => html! { <initiatives::InitiativesPage /> },
        View::Documents => html! { <documents::DocumentsPage /> },
        View::Charts => html! { <charts::ChartsPage /> },
        View::Reader { doc, focus } => {
            html! { <reader::Reader doc={doc.clone()} focus={focus.clone()} /> }
        }
        View::Canonical { key } => html! { <canonical::CanonicalPage key_={key.clone()} /> },
    };
    html! {
        <ContextProvider<Ctx> context={ctx}>
            <a class="skip" href="#main">{ tr(store.state.url.lang, "跳到主要内容", "Skip to content") }</a>
            <widgets::Header />
            <widgets::Notice />
            <main id="main" tabindex="-1">{ body }</main>
            <widgets::Footer />
        </ContextProvider<Ctx>>
    }
}

thread_local! {
    /// The loaded corpus, for the benchmark hooks below.
    static BENCH_EXPLORER: std::cell::RefCell<Option<Rc<Explorer>>> = const { std::cell::RefCell::new(None) };
}

/// Benchmark hook: how many records (initiatives whose name contains `q`, documents whose
/// text contains it) match — the same unit the comparison engines report. Pure search, no
/// rendering.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn search_count(q: &str) -> u32 {
    BENCH_EXPLORER.with(|cell| {
        let Some(ex) = cell.borrow().clone() else {
            return 0;
        };
        let names: usize = crate::search::search_names(&ex, q)
            .iter()
            .map(|&n| ex.name_members[n as usize].len())
            .sum();
        (names + crate::search::search_docs(&ex, q).docs.len()) as u32
    })
}

/// Benchmark hook: records a brute-force scan finds (names and loaded texts), for recall.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn brute_force_count(q: &str) -> u32 {
    BENCH_EXPLORER.with(|cell| {
        let Some(ex) = cell.borrow().clone() else {
            return 0;
        };
        let f = crate::search::fold(q.trim());
        let names: usize = ex
            .names_folded
            .iter()
            .enumerate()
            .filter(|(_, n)| !f.is_empty() && n.contains(f.as_str()))
            .map(|(k, _)| ex.name_members[k].len())
            .sum();
        (names + crate::search::brute_force_docs(&ex, q).len()) as u32
    })
}

/// Benchmark hook: size of the wasm linear memory in bytes.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buf: js_sys::ArrayBuffer = mem.buffer().unchecked_into();
    buf.byte_length() as f64
}

/// An effect dependency that changes when a derived value is recomputed: comparing the
/// pointer, not 300,000 results (`Rc<T: Eq>` compares contents when the pointers differ).
pub fn identity<T>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as usize
}

/// Reads the context; components are only rendered under the provider.
#[hook]
pub fn use_ctx() -> Ctx {
    use_context::<Ctx>().expect("components render inside the Ctx provider")
}
