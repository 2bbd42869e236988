//! The search box, and the note that full-text matches may still be missing while the texts
//! load.

use crate::query::QueryMatch;
use crate::state::Lang;
use crate::ui::use_env;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub query: AttrValue,
    pub on_query: Callback<String>,
}

#[function_component(SearchBox)]
pub fn search_box(p: &SearchBoxProps) -> Html {
    let env = use_env();
    let oninput = p.on_query.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    html! {
        <div class="search" role="search">
            <label for="q">{ env.t("搜索举措与全文", "Search initiatives and full text") }</label>
            <input id="q" type="search" autocomplete="off" spellcheck="false"
                   placeholder={env.t("任意中文字词，如 办税厅、纳税人学堂、税银互动", "Any Chinese text, e.g. 办税厅, 纳税人学堂")}
                   value={p.query.clone()} {oninput} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SearchProgressProps {
    pub qm: Rc<Option<QueryMatch>>,
}

/// While the full-text index is loading, says so: text matches may still be missing.
#[function_component(SearchProgress)]
pub fn search_progress(p: &SearchProgressProps) -> Html {
    let env = use_env();
    let Some(m) = (*p.qm).as_ref() else {
        return html! {};
    };
    let errors = env.ds.loaded.borrow().errors.len();
    if m.complete && errors == 0 {
        return html! {};
    }
    let (done, all) = env.ds.text_progress();
    let text = if errors > 0 {
        match env.lang {
            Lang::Zh => format!("有 {errors} 个数据文件未能载入，全文检索结果可能不全。"),
            Lang::En => {
                format!("{errors} data file(s) could not be loaded; text matches may be missing.")
            }
        }
    } else {
        match env.lang {
            Lang::Zh => format!("正在载入全文（{done}/{all}），正文匹配可能尚不完整…"),
            Lang::En => {
                format!("Loading full texts ({done}/{all}); text matches may be incomplete…")
            }
        }
    };
    html! { <p class="progress muted" role="status" data-testid="search-progress">{ text }</p> }
}
