//! The search box, and the note that full-text matches may still be missing while the texts
//! load.

use crate::query::parse::parse;
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
    let chips = parse(&p.query).chips();
    html! {
        <div class="search" role="search">
            <label for="q">{ env.t("搜索举措名称及其所在句子", "Search initiative names and their sentences") }</label>
            <input id="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="q-help"
                   placeholder={env.t("如 办税 大厅、春风行动 | 税银互动、-放管服、“自助 办税”", "e.g. 办税 大厅, 春风行动 | 税银互动, -放管服, “自助 办税”")}
                   value={p.query.clone()} {oninput} />
            <p id="q-help" class="hint">{ env.t("空格：同时包含；| ：任一；- ：排除；引号：整词（含空格）。", "Space: all of; | : any of; - : none of; quotes: one term, spaces included.") }</p>
            if !chips.is_empty() {
                <ul class="qchips" aria-label={env.t("检索条件", "Query terms")} data-testid="query-chips">
                { for chips.into_iter().map(|c| {
                    let joined = c.terms.join(env.t(" 或 ", " or "));
                    let label = if c.negated { format!("{}{joined}", env.t("不含 ", "not ")) } else { joined };
                    let without = c.without.clone();
                    let onclick = p.on_query.reform(move |_: MouseEvent| without.clone());
                    html! {
                        <li class={classes!("qchip", c.negated.then_some("neg"))}>
                            <span>{ label.clone() }</span>
                            <button type="button" {onclick} aria-label={format!("{} {label}", env.t("删除条件", "Remove term"))}>{ "×" }</button>
                        </li>
                    }
                }) }
                </ul>
            }
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
