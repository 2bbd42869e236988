//! Shared pieces: header with corpus summary and navigation, notice, footer, search box,
//! facets, active-filter chips, highlighted text, export buttons.

use super::{dom, use_ctx};
use crate::export;
use crate::filter::{Facet, Sort};
use crate::i18n::{facet_label, value_label};
use crate::state::Action;
use crate::text::{segments, Mark};
use crate::url::{Lang, UrlState, View};
use yew::prelude::*;

/// A link to another state of the app (a real `href`, so it can be opened in a new tab).
pub fn href(url: &UrlState) -> String {
    url.to_hash()
}

#[function_component(Header)]
pub fn header() -> Html {
    let ctx = use_ctx();
    let s = &ctx.ex.summary;
    let url = &ctx.state.state.url;
    let lang = ctx.lang();
    let nav = |view: View, zh: &'static str, en: &'static str| {
        let current = std::mem::discriminant(&url.view) == std::mem::discriminant(&view);
        let target = UrlState {
            view,
            ..url.clone()
        };
        html! {
            <a href={href(&target)} class={classes!("tab", current.then_some("current"))}
               aria-current={current.then_some("page")}>{ ctx.t(zh, en) }</a>
        }
    };
    let dates = match (&s.date_min, &s.date_max) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => ctx.t("日期未注明", "dates not stated").to_string(),
    };
    let summary = match lang {
        Lang::Zh => format!(
            "{} 篇文档 · {} 项举措 · {} 个税务局 · {}（另有 {} 篇未注明日期）",
            s.documents, s.initiatives, s.bureaus, dates, s.undated
        ),
        Lang::En => format!(
            "{} documents · {} initiatives · {} bureaus · {} ({} undated)",
            s.documents, s.initiatives, s.bureaus, dates, s.undated
        ),
    };
    let other = if lang == Lang::Zh { Lang::En } else { Lang::Zh };
    let on_lang = ctx.send(Action::SetLang(other));
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ ctx.t("税费服务举措浏览器", "Tax Service Initiatives Explorer") }</h1>
                <p class="summary" data-testid="corpus-summary">{ summary }</p>
            </div>
            <nav aria-label={ctx.t("主导航", "Main")}>
                { nav(View::Initiatives, "举措", "Initiatives") }
                { nav(View::Documents, "文档", "Documents") }
                { nav(View::Charts, "图表", "Charts") }
            </nav>
            <button class="lang" type="button" onclick={move |_| on_lang.emit(())}
                    lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}>
                { if lang == Lang::Zh { "English" } else { "中文" } }
            </button>
        </header>
    }
}

#[function_component(Notice)]
pub fn notice() -> Html {
    let ctx = use_ctx();
    let Some(n) = ctx.state.state.notice.clone() else {
        return html! {};
    };
    let dismiss = ctx.send(Action::DismissNotice);
    html! {
        <div class="notice" role="status" data-testid="notice">
            <span>{ ctx.t("链接中有无法识别的部分，已显示最接近的有效视图：", "Parts of the link were not understood; showing the nearest valid view: ") }<code>{ n }</code></span>
            <button type="button" onclick={move |_| dismiss.emit(())}>{ ctx.t("知道了", "Dismiss") }</button>
        </div>
    }
}

#[function_component(Footer)]
pub fn footer() -> Html {
    let ctx = use_ctx();
    let m = &ctx.ex.ix.meta;
    let hash = &m.content_hash;
    html! {
        <footer class="foot">
            <span>{ ctx.t("语料版本", "Corpus") }{ " " }<code title={hash.clone()}>{ &hash[..hash.len().min(12)] }</code>
            { format!(" · {} · schema {}", m.generator, m.schema_version) }</span>
            <span>{ ctx.t("完全离线运行：不向任何其他主机发出请求。", "Runs offline: no request to any other host.") }</span>
        </footer>
    }
}

#[function_component(SearchBox)]
pub fn search_box() -> Html {
    let ctx = use_ctx();
    let d = ctx.dispatch.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        d.dispatch(Action::SetQuery(input.value()));
    });
    html! {
        <div class="search" role="search">
            <label for="q">{ ctx.t("搜索举措与全文", "Search initiatives and full text") }</label>
            <input id="q" type="search" autocomplete="off" spellcheck="false"
                   placeholder={ctx.t("任意中文字词，如 办税厅、纳税人学堂、税银互动", "Any Chinese text, e.g. 办税厅, 纳税人学堂")}
                   value={ctx.state.state.url.query.clone()} {oninput} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    /// Hidden on phones until the user opens it.
    pub open: bool,
}

/// One fieldset of checkboxes per facet, with disjunctive counts.
#[function_component(FacetPanel)]
pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let ctx = use_ctx();
    let expanded = use_state(std::collections::BTreeSet::<Facet>::new);
    let lang = ctx.lang();
    let sel = &ctx.state.state.url.selection;
    html! {
        <aside class={classes!("facets", props.open.then_some("open"))} id="facets" aria-label={ctx.t("筛选", "Filters")}>
        { for Facet::ALL.into_iter().map(|f| {
            let counts: &[(std::rc::Rc<str>, usize)] = ctx.outcome.counts.get(&f).map_or(&[], Vec::as_slice);
            let limit = if expanded.contains(&f) { usize::MAX } else { 8 };
            let more = counts.len() > 8;
            let toggle_more = {
                let expanded = expanded.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut s = (*expanded).clone();
                    if !s.remove(&f) { s.insert(f); }
                    expanded.set(s);
                })
            };
            html! {
                <fieldset class="facet" data-facet={f.key()}>
                    <legend>{ facet_label(lang, f) }</legend>
                    if counts.is_empty() { <p class="muted">{ ctx.t("无", "None") }</p> }
                    <ul>
                    { for counts.iter().take(limit).map(|(v, n)| {
                        let id = format!("f-{}-{}", f.key(), crate::url::encode(v));
                        let checked = sel.is_selected(f, v);
                        let d = ctx.dispatch.clone();
                        let value = v.to_string();
                        let onchange = Callback::from(move |_: Event| d.dispatch(Action::ToggleFacet(f, value.clone())));
                        let label = value_label(&ctx.ex, lang, f, v);
                        html! {
                            <li class={classes!((*n == 0 && !checked).then_some("zero"))}>
                                <input type="checkbox" id={id.clone()} {checked} {onchange} data-value={v.to_string()} />
                                <label for={id}><span class="v">{ label }</span><span class="n">{ n }</span></label>
                            </li>
                        }
                    }) }
                    </ul>
                    if more {
                        <button type="button" class="link" onclick={toggle_more} aria-expanded={expanded.contains(&f).to_string()}>
                            { if expanded.contains(&f) { ctx.t("收起", "Show fewer") } else { ctx.t("显示全部", "Show all") } }
                        </button>
                    }
                </fieldset>
            }
        }) }
        </aside>
    }
}

/// Removable chips for the active filters, a clear-all action and the result count.
#[function_component(ActiveFilters)]
pub fn active_filters() -> Html {
    let ctx = use_ctx();
    let lang = ctx.lang();
    let url = &ctx.state.state.url;
    let chips = url.selection.chips();
    let n = ctx.outcome.results.len();
    let count = match lang {
        Lang::Zh => format!("共 {n} 项举措"),
        Lang::En => format!("{n} initiative{}", if n == 1 { "" } else { "s" }),
    };
    let any = !chips.is_empty() || !url.query.is_empty();
    let clear = ctx.send(Action::ClearAll);
    html! {
        <div class="active">
            <p class="count" role="status" aria-live="polite" data-testid="result-count">{ count }</p>
            <ul class="chips" aria-label={ctx.t("已选筛选条件", "Active filters")}>
                if !url.query.is_empty() {
                    <li class="chip">
                        <span>{ ctx.t("关键词：", "Query: ") }{ &url.query }</span>
                        <button type="button" aria-label={ctx.t("清除关键词", "Clear query")}
                                onclick={ { let c = ctx.send(Action::SetQuery(String::new())); move |_| c.emit(()) } }>{ "×" }</button>
                    </li>
                }
                { for chips.into_iter().map(|(f, v)| {
                    let label = format!("{}：{}", facet_label(lang, f), value_label(&ctx.ex, lang, f, &v));
                    let remove = ctx.send(Action::ToggleFacet(f, v.clone()));
                    html! {
                        <li class="chip" data-facet={f.key()}>
                            <span>{ label.clone() }</span>
                            <button type="button" aria-label={format!("{} {label}", ctx.t("移除", "Remove"))} onclick={move |_| remove.emit(())}>{ "×" }</button>
                        </li>
                    }
                }) }
            </ul>
            if any {
                <button type="button" class="clear" onclick={move |_| clear.emit(())}>{ ctx.t("清除全部", "Clear all") }</button>
            }
        </div>
    }
}

#[function_component(SortSelect)]
pub fn sort_select() -> Html {
    let ctx = use_ctx();
    let d = ctx.dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
        if let Some(sort) = Sort::from_key(&s.value()) {
            d.dispatch(Action::SetSort(sort));
        }
    });
    let cur = ctx.state.state.url.sort;
    let opt = |s: Sort, zh: &'static str, en: &'static str| {
        html! { <option value={s.key()} selected={cur == s}>{ ctx.t(zh, en) }</option> }
    };
    html! {
        <label class="sort">{ ctx.t("排序", "Sort") }
            <select {onchange}>
                { opt(Sort::Relevance, "相关度", "Relevance") }
                { opt(Sort::Date, "日期（新→旧）", "Date (newest)") }
                { opt(Sort::Bureau, "税务局", "Bureau") }
            </select>
        </label>
    }
}

/// While the full-text index is loading, says so: text matches may still be missing.
#[function_component(SearchProgress)]
pub fn search_progress() -> Html {
    let ctx = use_ctx();
    let Some(m) = (*ctx.qm).as_ref() else {
        return html! {};
    };
    let errors = ctx.ex.loaded.borrow().errors.len();
    if m.complete && errors == 0 {
        return html! {};
    }
    let (done, all) = ctx.ex.text_progress();
    let text = if errors > 0 {
        match ctx.lang() {
            Lang::Zh => format!("有 {errors} 个数据文件未能载入，全文检索结果可能不全。"),
            Lang::En => {
                format!("{errors} data file(s) could not be loaded; text matches may be missing.")
            }
        }
    } else {
        match ctx.lang() {
            Lang::Zh => format!("正在载入全文（{done}/{all}），正文匹配可能尚不完整…"),
            Lang::En => {
                format!("Loading full texts ({done}/{all}); text matches may be incomplete…")
            }
        }
    };
    html! { <p class="progress muted" role="status" data-testid="search-progress">{ text }</p> }
}

#[function_component(ExportButtons)]
pub fn export_buttons() -> Html {
    let ctx = use_ctx();
    let busy = use_state(|| false);
    // Exports carry each initiative's sentence, which lives in the document chunks: load the
    // chunks the results need first, then write the file.
    let start = |json: bool| {
        let ctx = ctx.clone();
        let busy = busy.clone();
        Callback::from(move |_: MouseEvent| {
            if *busy {
                return;
            }
            busy.set(true);
            let ctx = ctx.clone();
            let busy = busy.clone();
            yew::platform::spawn_local(async move {
                let results: Vec<usize> = ctx.outcome.ordered().collect();
                super::load::ensure_details(&ctx.ex, export::needed_docs(&ctx.ex, &results)).await;
                if json {
                    let body = export::json(&ctx.ex, &results);
                    dom::download("tax-initiatives.json", "application/json", &body);
                } else {
                    let body = export::csv(&ctx.ex, &results);
                    dom::download("tax-initiatives.csv", "text/csv;charset=utf-8", &body);
                }
                busy.set(false);
            });
        })
    };
    html! {
        <div class="export" aria-busy={busy.to_string()}>
            <button type="button" onclick={start(false)} data-testid="export-csv" disabled={*busy}>{ ctx.t("导出 CSV", "Export CSV") }</button>
            <button type="button" onclick={start(true)} data-testid="export-json" disabled={*busy}>{ ctx.t("导出 JSON", "Export JSON") }</button>
        </div>
    }
}

/// Text with query hits marked.
pub fn highlight(text: &str, query: &str) -> Html {
    let marks: Vec<(usize, usize, Mark)> = crate::text::query_ranges(text, query)
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
}

/// Theme chips; clicking one filters by that theme.
#[function_component(ThemeChips)]
pub fn theme_chips(props: &ThemeChipsProps) -> Html {
    let ctx = use_ctx();
    let en = ctx.lang() == Lang::En;
    html! {
        <ul class="themes">
        { for props.themes.iter().map(|t| {
            let toggle = ctx.send(Action::ToggleFacet(Facet::Theme, t.clone()));
            let on = ctx.state.state.url.selection.is_selected(Facet::Theme, t);
            html! {
                <li><button type="button" class={classes!("theme", format!("t-{t}"), on.then_some("on"))}
                    aria-pressed={on.to_string()} onclick={move |_| toggle.emit(())}>{ ctx.ex.theme_name(t, en) }</button></li>
            }
        }) }
        </ul>
    }
}
