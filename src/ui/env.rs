//! The context: what every component may read, because it is global to the page.

use crate::data::Dataset;
use crate::state::Lang;
use crate::view::i18n::tr;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Clone)]
pub struct Env {
    pub ds: Rc<Dataset>,
    pub lang: Lang,
    /// Counts corpus parts that arrived after the index: components that show loaded
    /// documents re-render when it changes.
    pub data_gen: u64,
    /// Starts loading the document chunks of these documents (cards, reader, exports).
    pub request_details: Callback<Vec<usize>>,
}

impl PartialEq for Env {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.ds, &other.ds)
            && self.lang == other.lang
            && self.data_gen == other.data_gen
    }
}

impl Env {
    pub fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        tr(self.lang, zh, en)
    }
    pub fn en(&self) -> bool {
        self.lang == Lang::En
    }
    pub fn want_details(&self, docs: impl IntoIterator<Item = usize>) {
        self.request_details.emit(docs.into_iter().collect());
    }
}

/// Reads the context; components are only rendered under the provider.
#[hook]
pub fn use_env() -> Env {
    use_context::<Env>().expect("components render inside the Env provider")
}
