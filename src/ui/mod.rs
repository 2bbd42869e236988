//! Yew pages and components. The root ([`Explorer`]) owns the store and the derived results
//! and hands each page what it shows as props, with `on_<verb>` callbacks for what it changes
//! (the shape of yew's function_todomvc); the context ([`Env`]) carries only what is global:
//! the dataset, the interface language, and the service that loads document chunks.

mod components;
mod dom;
mod env;
mod import;
mod load;
mod pages;

pub use env::{use_env, Env};

use crate::data::Dataset;
use crate::query::{apply, query_match};
use crate::state::{Action, Lang, Store, View};
use crate::view::i18n::tr;
use std::rc::Rc;
use yew::prelude::*;

/// Mounts the app. A panic anywhere shows a message instead of a blank page.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        web_sys::console::error_1(&format!("panic: {msg}").into());
        dom::show_fatal(&msg);
    }));
    match dom::element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => dom::show_fatal("missing #app element"),
    }
}

/// Yew's reducer over the pure [`Store`].
#[derive(Clone, PartialEq)]
struct Reduced(Store);

impl Reducible for Reduced {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Reduced(self.0.reduce(action)))
    }
}

#[function_component(App)]
fn app() -> Html {
    let loaded = use_state(|| None::<Result<Rc<Dataset>, String>>);
    // Bumped to load the corpus anew: an import finished or was removed (ui::import).
    let generation = use_state(|| 0u32);
    {
        let loaded = loaded.clone();
        use_effect_with(*generation, move |_| {
            yew::platform::spawn_local(async move {
                let r = load::load_index().await.map(Rc::new);
                loaded.set(Some(r));
            });
        });
    }
    let on_reload = Callback::from(move |_| generation.set(*generation + 1));
    match &*loaded {
        None => html! {
            <div class="loading" role="status">{ "正在载入语料… · Loading the corpus…" }</div>
        },
        // A new dataset mounts the explorer anew (its loading effects run once per mount).
        Some(Ok(ds)) => html! { <Explorer key={identity(ds)} ds={ds.clone()} {on_reload} /> },
        Some(Err(e)) => html! { <>
            <div class="fatal" role="alert">{ format!("语料无法读取 · The corpus could not be read: {e}") }</div>
            <import::Recover {on_reload} />
        </> },
    }
}

#[derive(Properties)]
struct ExplorerProps {
    ds: Rc<Dataset>,
    on_reload: Callback<()>,
}

impl PartialEq for ExplorerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ds, &other.ds)
    }
}

#[function_component(Explorer)]
fn explorer(props: &ExplorerProps) -> Html {
    let ds = props.ds.clone();
    let store = use_reducer(|| Reduced(Store::new(&dom::current_hash())));
    let s = &store.0;
    BENCH_DATASET.with(|cell| *cell.borrow_mut() = Some(ds.clone()));
    let on_action = {
        let d = store.dispatcher();
        Callback::from(move |a: Action| d.dispatch(a))
    };

    // Postings and texts load after the first render.
    {
        let ds = ds.clone();
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            dom::set_root_data("corpus", "ready");
            load::load_search(ds, move || on_action.emit(Action::DataArrived));
        });
    }
    // Back/forward and edited links: follow the hash.
    {
        let on_action = on_action.clone();
        use_effect_with((), move |_| {
            let listeners =
                dom::on_hash_change(move || on_action.emit(Action::FromHash(dom::current_hash())));
            move || drop(listeners)
        });
    }
    // State → address bar.
    {
        let url = s.state.url.clone();
        let history = s.history;
        use_effect_with((url, s.arrivals), move |(url, _)| {
            dom::set_hash(&url.to_hash(), history);
        });
        // The document's language and title follow the interface language only: setting the
        // title on every keystroke costs the browser a title update each time.
        use_effect_with(s.state.url.lang, |lang| match lang {
            Lang::Zh => dom::set_document_lang("zh-CN", "税费服务举措浏览器"),
            Lang::En => dom::set_document_lang("en", "Tax Service Initiatives Explorer"),
        });
    }

    let url = &s.state.url;
    let query = url.query.clone();
    // Arriving postings and texts change only query answers: without a query, nothing to redo
    // (at 50,000 documents that would be a full filter pass per text chunk while loading).
    let search_gen = if query.trim().is_empty() {
        0
    } else {
        ds.search_generation()
    };
    let qm = {
        let ds = ds.clone();
        use_memo((query, search_gen), move |(q, _)| query_match(&ds, q))
    };
    let outcome = {
        let ds = ds.clone();
        let qm2 = qm.clone();
        let deps = (
            url.selection.clone(),
            url.sort,
            url.query.clone(),
            search_gen,
        );
        use_memo(deps, move |(sel, sort, _, _)| {
            apply(&ds, sel, (*qm2).as_ref(), *sort)
        })
    };
    let request_details = {
        let ds = ds.clone();
        let on_action = on_action.clone();
        Callback::from(move |docs: Vec<usize>| {
            load::request_details(&ds, docs, on_action.clone());
        })
    };
    let env = Env {
        ds: ds.clone(),
        lang: url.lang,
        data_gen: s.data_gen,
        request_details,
    };
    let body = match &url.view {
        View::Initiatives => html! {
            <pages::initiatives::InitiativesPage url={url.clone()} outcome={outcome.clone()} qm={qm.clone()} on_action={on_action.clone()} />
        },
        View::Documents => html! {
            <pages::documents::DocumentsPage url={url.clone()} outcome={outcome.clone()} qm={qm.clone()} on_action={on_action.clone()} />
        },
        View::Charts => html! {
            <pages::charts::ChartsPage url={url.clone()} outcome={outcome.clone()} on_action={on_action.clone()} />
        },
        View::Reader { doc, focus } => html! {
            <pages::reader::Reader doc={doc.clone()} focus={focus.clone()} url={url.clone()} on_action={on_action.clone()} />
        },
        View::Canonical { key } => html! {
            <pages::canonical::CanonicalPage key_={key.clone()} url={url.clone()} on_action={on_action.clone()} />
        },
        View::Kwic => html! {
            <pages::kwic::KwicPage url={url.clone()} qm={qm.clone()} results={outcome.results.len()} on_action={on_action.clone()} />
        },
        View::Compare => html! {
            <pages::compare::ComparePage url={url.clone()} outcome={outcome.clone()} on_action={on_action.clone()} />
        },
        View::Spread => html! {
            <pages::spread::SpreadPage url={url.clone()} outcome={outcome.clone()} on_action={on_action.clone()} />
        },
        View::Figures => html! {
            <pages::figures::FiguresPage url={url.clone()} outcome={outcome.clone()} on_action={on_action.clone()} />
        },
        View::About => html! { <pages::about::AboutPage /> },
        View::Saved => html! { <pages::saved::SavedPage /> },
    };
    // A new view: the keyboard focus goes to its heading (screen readers announce it). Not on
    // the first render: a page that has just loaded starts at its top, skip links first.
    {
        let kind = std::mem::discriminant(&url.view);
        let first = use_mut_ref(|| true);
        use_effect_with(kind, move |_| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dom::focus_id("view-title");
            }
        });
    }
    let on_lang = {
        let on_action = on_action.clone();
        Callback::from(move |l: Lang| on_action.emit(Action::SetLang(l)))
    };
    let on_dismiss = {
        let on_action = on_action.clone();
        Callback::from(move |_| on_action.emit(Action::DismissNotice))
    };
    html! {
        <ContextProvider<Env> context={env}>
            <a class="skip" href="#q" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); dom::focus_id("q"); })}>{ tr(url.lang, "跳到搜索框", "Skip to search") }</a>
            <a class="skip" href="#main" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); dom::focus_id("main"); })}>{ tr(url.lang, "跳到主要内容", "Skip to content") }</a>
            <components::header::Header url={url.clone()} {on_lang} />
            <components::header::Notice notice={s.state.notice.clone()} {on_dismiss} />
            <import::ImportBar on_reload={props.on_reload.clone()} />
            <main id="main" tabindex="-1">{ body }</main>
            <components::header::Footer />
        </ContextProvider<Env>>
    }
}

thread_local! {
    /// The loaded dataset, for the benchmark hooks below.
    static BENCH_DATASET: std::cell::RefCell<Option<Rc<Dataset>>> = const { std::cell::RefCell::new(None) };
}

/// Benchmark hook: how many records (initiatives whose name contains `q`, documents whose
/// text contains it) match — the same unit the comparison engines report. Pure search, no
/// rendering.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn search_count(q: &str) -> u32 {
    BENCH_DATASET.with(|cell| {
        let Some(ds) = cell.borrow().clone() else {
            return 0;
        };
        let names: usize = crate::query::search::search_names(&ds, q)
            .iter()
            .map(|&n| ds.name_members[n as usize].len())
            .sum();
        (names + crate::query::search::search_docs(&ds, q).docs.len()) as u32
    })
}

/// Benchmark hook: records a brute-force scan finds (names and loaded texts), for recall.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn brute_force_count(q: &str) -> u32 {
    BENCH_DATASET.with(|cell| {
        let Some(ds) = cell.borrow().clone() else {
            return 0;
        };
        let f = crate::query::search::fold(q.trim());
        let names: usize = ds
            .names_folded
            .iter()
            .enumerate()
            .filter(|(_, n)| !f.is_empty() && n.contains(f.as_str()))
            .map(|(k, _)| ds.name_members[k].len())
            .sum();
        (names + crate::query::search::brute_force_docs(&ds, q).len()) as u32
    })
}

/// Benchmark hook: size of the wasm linear memory in bytes.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buf: js_sys::ArrayBuffer = mem.buffer().unchecked_into();
    buf.byte_length() as f64
}

/// An effect dependency that changes when a derived value is recomputed: comparing the
/// pointer, not 300,000 results (`Rc<T: Eq>` compares contents when the pointers differ).
pub fn identity<T>(rc: &Rc<T>) -> usize {
    Rc::as_ptr(rc) as usize
}
