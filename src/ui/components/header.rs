//! The page chrome: header with the corpus summary and navigation, the notice about a link
//! that was not understood, and the footer.

use super::href;
use crate::state::{Lang, UrlState, View};
use crate::ui::use_env;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub url: UrlState,
    pub on_lang: Callback<Lang>,
}

#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let env = use_env();
    let s = &env.ds.summary;
    let url = &p.url;
    let lang = env.lang;
    let nav = |view: View, zh: &'static str, en: &'static str| {
        let current = std::mem::discriminant(&url.view) == std::mem::discriminant(&view);
        let target = UrlState {
            view,
            ..url.clone()
        };
        html! {
            <a href={href(&target)} class={classes!("tab", current.then_some("current"))}
               aria-current={current.then_some("page")}>{ env.t(zh, en) }</a>
        }
    };
    let dates = match (&s.date_min, &s.date_max) {
        (Some(a), Some(b)) => format!("{a} – {b}"),
        _ => env.t("日期未注明", "dates not stated").to_string(),
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
    let on_lang = p.on_lang.reform(move |_: MouseEvent| other);
    html! {
        <header class="top">
            <div class="brand">
                <h1>{ env.t("税费服务举措浏览器", "Tax Service Initiatives Explorer") }</h1>
                <p class="summary" data-testid="corpus-summary">{ summary }</p>
            </div>
            <nav aria-label={env.t("主导航", "Main")}>
                { nav(View::Initiatives, "举措", "Initiatives") }
                { nav(View::Documents, "文档", "Documents") }
                { nav(View::Kwic, "语境", "In context") }
                { nav(View::Charts, "图表", "Charts") }
                { nav(View::Figures, "数据", "Figures") }
                { nav(View::Compare, "对比", "Compare") }
                { nav(View::Spread, "扩散", "Spread") }
                { nav(View::Saved, "已保存", "Saved") }
                { nav(View::About, "方法", "About") }
            </nav>
            <crate::ui::pages::saved::SaveView hash={url.to_hash()} />
            <button class="lang" type="button" onclick={on_lang}
                    lang={if lang == Lang::Zh { "en" } else { "zh-CN" }}>
                { if lang == Lang::Zh { "English" } else { "中文" } }
            </button>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub notice: Option<String>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notice)]
pub fn notice(p: &NoticeProps) -> Html {
    let env = use_env();
    let Some(n) = p.notice.clone() else {
        return html! {};
    };
    let dismiss = p.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" role="status" data-testid="notice">
            <span>{ env.t("链接中有无法识别的部分，已显示最接近的有效视图：", "Parts of the link were not understood; showing the nearest valid view: ") }<code>{ n }</code></span>
            <button type="button" onclick={dismiss}>{ env.t("知道了", "Dismiss") }</button>
        </div>
    }
}

#[function_component(Footer)]
pub fn footer() -> Html {
    let env = use_env();
    let m = &env.ds.ix.meta;
    let hash = &m.content_hash;
    html! {
        <footer class="foot">
            <span>{ env.t("语料版本", "Corpus") }{ " " }<code title={hash.clone()}>{ &hash[..hash.len().min(12)] }</code>
            { format!(" · {} · schema {}", m.generator, m.schema_version) }</span>
            <span>{ env.t("完全离线运行：不向任何其他主机发出请求。", "Runs offline: no request to any other host.") }</span>
        </footer>
    }
}
