//! Highlighted text and theme chips.

use crate::ui::use_env;
use crate::view::highlight::{query_ranges, segments, Mark};
use yew::prelude::*;

/// Text with query hits marked.
pub fn highlight(text: &str, query: &str) -> Html {
    let marks: Vec<(usize, usize, Mark)> = query_ranges(text, query)
        .into_iter()
        .map(|(s, e)| (s, e, Mark::Query))
        .collect();
    marked(text, &marks)
}

/// Text with byte ranges marked as query hits.
pub fn marked(text: &str, marks: &[(usize, usize, Mark)]) -> Html {
    html! {
        <>{ for segments(text, marks).into_iter().map(|seg| {
            if seg.marks.is_empty() { html! { { seg.text } } } else { html! { <mark class="q">{ seg.text }</mark> } }
        }) }</>
    }
}

#[derive(Properties, PartialEq)]
pub struct ThemeChipsProps {
    pub themes: Vec<String>,
    /// Themes currently selected in the theme facet.
    pub selected: Vec<String>,
    pub on_toggle: Callback<String>,
}

/// Theme chips; clicking one filters by that theme.
#[function_component(ThemeChips)]
pub fn theme_chips(p: &ThemeChipsProps) -> Html {
    let env = use_env();
    html! {
        <ul class="themes">
        { for p.themes.iter().map(|t| {
            let on = p.selected.contains(t);
            let id = t.clone();
            let onclick = p.on_toggle.reform(move |_: MouseEvent| id.clone());
            html! {
                <li><button type="button" class={classes!("theme", format!("t-{t}"), on.then_some("on"))}
                    aria-pressed={on.to_string()} {onclick}>{ env.ds.theme_name(t, env.en()) }</button></li>
            }
        }) }
        </ul>
    }
}
