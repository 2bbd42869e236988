//! App state as a reducer (the shape of yew's function_todomvc): the URL state plus what is
//! not worth sharing (a notice, the panel that is open). Pure, so it is tested natively.

use crate::filter::{Facet, Sort};
use crate::url::{Lang, UrlState, View};

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
            Action::Show(v) => u.view = v,
            Action::OpenDoc { doc, focus } => u.view = View::Reader { doc, focus },
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
