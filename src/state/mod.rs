//! App state as a reducer (the shape of yew's function_todomvc): the URL state plus what is
//! not worth a URL (a notice), and the history policy for each change. Pure, so it is tested
//! natively; `ui` only wraps [`Store`] in Yew's `Reducible`.
//!
//! | module | what |
//! |---|---|
//! | this one | [`AppState`], [`Action`], [`Store`] (state + how the address bar follows it) |
//! | [`selection`] | selected facet values and the sort order |
//! | [`url`] | the state ↔ `#/view?…` hash, which never fails to parse |

pub mod saved;
pub mod selection;
pub mod url;

pub use selection::{KwicOrder, Selection, Sort};
pub use url::{Lang, UrlState, View};

use crate::data::Facet;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    pub url: UrlState,
    /// Shown once after a link could not be fully understood.
    pub notice: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetQuery(String),
    ToggleFacet(Facet, String),
    ClearFacet(Facet),
    ClearAll,
    SetSort(Sort),
    Show(View),
    OpenDoc {
        doc: String,
        focus: Option<String>,
    },
    Focus(Option<String>),
    SetLang(Lang),
    SetByMonth(bool),
    /// The reader moves to another query hit.
    SetHit(Option<usize>),
    SetOrder(KwicOrder),
    /// The figure group to show.
    SetFigures(Option<String>),
    /// The hash changed (load, back/forward, edited link).
    FromHash(String),
    DismissNotice,
    /// Part of the corpus (postings, texts, a document chunk) arrived: views re-render, the
    /// URL state is untouched.
    DataArrived,
}

impl AppState {
    pub fn from_hash(hash: &str) -> AppState {
        let mut s = AppState::default();
        s.apply(Action::FromHash(hash.to_string()));
        s
    }

    pub fn apply(&mut self, action: Action) {
        let u = &mut self.url;
        match action {
            Action::SetQuery(q) => u.query = q.chars().take(200).collect(),
            Action::ToggleFacet(f, v) => {
                u.selection.toggle(f, &v);
                // Filtering happens in the lists: leave the reader and the single-initiative page.
                if matches!(u.view, View::Reader { .. } | View::Canonical { .. }) {
                    u.view = View::Initiatives;
                }
            }
            Action::ClearFacet(f) => u.selection.clear(f),
            Action::ClearAll => {
                u.selection = Default::default();
                u.query.clear();
            }
            Action::SetSort(s) => u.sort = s,
            Action::Show(v) => {
                u.view = v;
                u.hit = None;
            }
            Action::OpenDoc { doc, focus } => {
                u.view = View::Reader { doc, focus };
                u.hit = None;
            }
            Action::SetHit(h) => u.hit = h,
            Action::SetOrder(o) => u.order = o,
            Action::SetFigures(g) => u.figures = g,
            Action::Focus(f) => {
                if let View::Reader { focus, .. } = &mut u.view {
                    *focus = f;
                }
            }
            Action::SetLang(l) => u.lang = l,
            Action::SetByMonth(b) => u.by_month = b,
            Action::FromHash(h) => {
                let (parsed, problems) = UrlState::from_hash(&h);
                // Browsers send both popstate and hashchange for one change; the second one
                // (or our own canonical rewrite) changes nothing and must not clear a notice.
                if problems.is_empty() && parsed == self.url {
                    return;
                }
                self.url = parsed;
                self.notice = (!problems.is_empty())
                    .then(|| problems.join(" · ").chars().take(120).collect());
            }
            Action::DismissNotice => self.notice = None,
            Action::DataArrived => {}
        }
    }
}

/// How the address bar follows a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A new entry: a navigation the user would want Back to undo.
    Push,
    /// The current entry rewritten at once: a link normalized, a notice dismissed, a focus
    /// moved inside the same document.
    Replace,
    /// The current entry rewritten once typing pauses (a rewrite per keystroke costs the
    /// browser milliseconds).
    Typing,
}

impl Action {
    pub fn history(&self) -> History {
        match self {
            Action::SetQuery(_) => History::Typing,
            Action::FromHash(_) | Action::DismissNotice | Action::Focus(_) | Action::SetHit(_) => {
                History::Replace
            }
            _ => History::Push,
        }
    }
}

/// The reducer's store: the app state, how the last change should reach the address bar, and
/// counters that let views re-render when nothing in the state changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Store {
    pub state: AppState,
    pub history: History,
    /// Counts hash arrivals, so even a link that parses to the current state is rewritten
    /// into its canonical form.
    pub arrivals: u64,
    /// Counts corpus parts that arrived after the index (postings, texts, document chunks).
    pub data_gen: u64,
}

impl Store {
    pub fn new(hash: &str) -> Store {
        Store {
            state: AppState::from_hash(hash),
            history: History::Replace,
            arrivals: 0,
            data_gen: 0,
        }
    }

    pub fn reduce(&self, action: Action) -> Store {
        let mut next = self.clone();
        match action {
            Action::DataArrived => next.data_gen += 1,
            action => {
                if matches!(action, Action::FromHash(_)) {
                    next.arrivals += 1;
                }
                next.history = action.history();
                next.state.apply(action);
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reducer_and_hash_agree() {
        let mut s = AppState::default();
        s.apply(Action::SetQuery("纳税人学堂".into()));
        s.apply(Action::ToggleFacet(Facet::Theme, "outreach".into()));
        s.apply(Action::OpenDoc {
            doc: "000".into(),
            focus: Some("000-i1".into()),
        });
        let back = AppState::from_hash(&s.url.to_hash());
        assert_eq!(back.url, s.url);
        assert_eq!(back.notice, None);
        s.apply(Action::ToggleFacet(Facet::Theme, "digital".into()));
        assert_eq!(
            s.url.view,
            View::Initiatives,
            "toggling a facet returns to the list"
        );
        s.apply(Action::ClearAll);
        assert!(s.url.selection.is_empty() && s.url.query.is_empty());
    }

    #[test]
    fn navigations_push_and_rewrites_replace() {
        let s = Store::new("#/initiatives");
        let typed = s.reduce(Action::SetQuery("纳税".into()));
        assert_eq!(
            typed.history,
            History::Typing,
            "typing rewrites the entry, later"
        );
        let toggled = typed.reduce(Action::ToggleFacet(Facet::Theme, "digital".into()));
        assert_eq!(
            toggled.history,
            History::Push,
            "a filter is a step Back undoes"
        );
        let opened = toggled.reduce(Action::OpenDoc {
            doc: "000".into(),
            focus: None,
        });
        assert_eq!(opened.history, History::Push);
        let focused = opened.reduce(Action::Focus(Some("000-i2".into())));
        assert_eq!(focused.history, History::Replace);
        let arrived = focused.reduce(Action::DataArrived);
        assert_eq!(
            arrived.state, focused.state,
            "data arriving changes no state"
        );
        assert_eq!(arrived.history, focused.history);
        assert_eq!(arrived.data_gen, focused.data_gen + 1);
        let back = arrived.reduce(Action::FromHash(toggled.state.url.to_hash()));
        assert_eq!(back.state.url, toggled.state.url);
        assert_eq!(
            back.history,
            History::Replace,
            "following the hash never pushes"
        );
        assert_eq!(back.arrivals, arrived.arrivals + 1);
    }

    #[test]
    fn bad_hash_gives_notice() {
        let mut s = AppState::from_hash("#/whatever?theme=%FF");
        assert_eq!(s.url.view, View::Initiatives);
        assert!(s.notice.is_some());
        // The canonical rewrite arriving as a second event keeps the notice.
        let canonical = s.url.to_hash();
        s.apply(Action::FromHash(canonical));
        assert!(s.notice.is_some());
        // A real navigation clears it.
        s.apply(Action::FromHash("#/charts".into()));
        assert!(s.notice.is_none());
    }
}
