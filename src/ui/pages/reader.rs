//! The reader: clean text with every initiative and figure highlighted in place, a metadata
//! panel with provenance, details of the focused initiative, and a copy-citation action.

use crate::data::Facet;
use crate::state::{Action, Lang, UrlState, View};
use crate::ui::components::focus::{FigurePanel, FocusPanel};
use crate::ui::components::href;
use crate::ui::{dom, use_env};
use crate::view::highlight::{query_ranges, segments, Mark};
use crate::view::i18n::provenance_label;
use corpus::model::{Document, Place};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub doc: String,
    pub focus: Option<String>,
    pub url: UrlState,
    pub on_action: Callback<Action>,
}

/// `{bureau}：《title》，publisher，date。URL` — what a report footnote needs.
pub fn citation(d: &Document, lang: Lang, hash: &str) -> String {
    let unknown = match lang {
        Lang::Zh => "日期未注明",
        Lang::En => "n.d.",
    };
    let mut s = String::new();
    if let Some(b) = &d.bureau {
        s.push_str(&b.name);
        s.push('：');
    }
    s.push_str(&format!("《{}》", d.title));
    if let Some(p) = &d.publisher {
        s.push_str(&format!("，{p}"));
    }
    s.push_str(&format!("，{}", d.date.as_deref().unwrap_or(unknown)));
    s.push('。');
    if let Some(u) = &d.url {
        s.push_str(&format!(" {u}"));
    }
    s.push_str(&match lang {
        Lang::Zh => format!(
            "（税费服务举措浏览器，语料 {}，文件 {}）",
            &hash[..hash.len().min(12)],
            d.source_file
        ),
        Lang::En => format!(
            " (Tax Service Initiatives Dataset, corpus {}, file {})",
            &hash[..hash.len().min(12)],
            d.source_file
        ),
    });
    s
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let env = use_env();
    let copied = use_state(|| None::<bool>);
    let ds = &env.ds;
    let di = ds.doc_by_id(&props.doc);
    let detail = di.and_then(|d| ds.detail(d));
    {
        let env = env.clone();
        use_effect_with(di, move |di| env.want_details(*di));
    }
    {
        let focus = props.focus.clone();
        use_effect_with(
            (props.doc.clone(), focus, props.url.hit, detail.is_some()),
            |(_, focus, hit, _)| match (focus, hit) {
                (_, Some(h)) => dom::scroll_to_selector(&format!("[data-hit=\"{h}\"]")),
                (Some(f), None) => dom::scroll_to_selector(&format!(
                    "[data-ini=\"{}\"], [data-met=\"{}\"]",
                    css_escape(f),
                    css_escape(f)
                )),
                (None, None) => dom::scroll_top(),
            },
        );
    }
    // Query hits in text order (title first), each block's first number, and the total.
    let (bases, total_hits) = {
        let mut bases = std::collections::HashMap::new();
        let mut n = 0;
        if let Some(det) = &detail {
            let d = &det.document;
            bases.insert((usize::MAX, None), 0);
            n += query_ranges(&d.title, &props.url.query).len();
            for (si, s) in d.sections.iter().enumerate() {
                if let Some(h) = &s.heading {
                    bases.insert((si, None), n);
                    n += query_ranges(h, &props.url.query).len();
                }
                for (pi, p) in s.paragraphs.iter().enumerate() {
                    bases.insert((si, Some(pi)), n);
                    n += query_ranges(p, &props.url.query).len();
                }
            }
        }
        (bases, n)
    };
    // n / p: the next and previous hit.
    {
        let (on_action, hit) = (props.on_action.clone(), props.url.hit);
        use_effect_with((hit, total_hits), move |&(hit, total)| {
            let listener = (total > 0).then(|| {
                dom::on_plain_key(move |k| match k {
                    "n" => on_action.emit(Action::SetHit(Some(hit.map_or(0, |h| (h + 1) % total)))),
                    "p" => on_action.emit(Action::SetHit(Some(
                        hit.map_or(total - 1, |h| (h + total - 1) % total),
                    ))),
                    _ => {}
                })
            });
            move || drop(listener)
        });
    }
    let url = &props.url;
    let lang = env.lang;
    let Some(di) = di else {
        let back = UrlState {
            view: View::Documents,
            ..url.clone()
        };
        return html! {
            <div class="single empty" data-testid="not-found">
                <p>{ env.t("找不到这篇文档，可能链接来自另一版本的语料。", "This document is not in the corpus (the link may come from another corpus version).") }</p>
                <p><a href={href(&back)}>{ env.t("查看全部文档", "See all documents") }</a></p>
            </div>
        };
    };
    let Some(detail) = detail else {
        // The index has the metadata; the text is in a document chunk on its way.
        let d = ds.doc(di);
        return html! {
            <div class="reader">
                <article class="doc-pending" aria-busy="true">
                    <h1 id="view-title" tabindex="-1">{ &d.title }</h1>
                    if ds.detail_failed(di) {
                        <p class="fatal" role="alert" data-testid="text-failed">{ env.t("正文无法载入（数据文件缺失或损坏），请检查站点上的 data/ 文件夹。", "The text could not be loaded (a data file is missing or damaged); check the site's data/ folder.") }</p>
                    } else {
                        <p class="muted" role="status">{ env.t("正在载入正文…", "Loading the text…") }</p>
                    }
                </article>
            </div>
        };
    };
    let d = &detail.document;
    let focus_init = props
        .focus
        .as_deref()
        .and_then(|f| detail.initiatives.iter().find(|i| i.id == f));
    let focus_met = props
        .focus
        .as_deref()
        .and_then(|f| detail.metrics.iter().find(|m| m.id == f));
    let inits: Vec<_> = detail.initiatives.iter().collect();
    let mets: Vec<_> = detail.metrics.iter().collect();

    // Marks per block: initiatives (every mention), metrics, query hits.
    let block = |si: usize, pi: Option<usize>, text: &str| -> Html {
        let mut marks: Vec<(usize, usize, Mark)> = Vec::new();
        for i in &inits {
            for l in i
                .mentions
                .iter()
                .filter(|l| l.section == si && l.paragraph == pi)
            {
                marks.push((l.start, l.end, Mark::Initiative(i.id.clone())));
            }
        }
        for m in mets
            .iter()
            .filter(|m| m.location.section == si && m.location.paragraph == pi)
        {
            marks.push((m.location.start, m.location.end, Mark::Metric(m.id.clone())));
        }
        let base = bases.get(&(si, pi)).copied().unwrap_or(0);
        for (k, (s, e)) in query_ranges(text, &url.query).into_iter().enumerate() {
            marks.push((s, e, Mark::Hit(base + k)));
        }
        html! { <>{ for segments(text, &marks).into_iter().map(|seg| {
            if seg.marks.is_empty() { return html! { { seg.text } }; }
            let mut class = Classes::new();
            let mut ini = None;
            let mut met = None;
            let mut hit = None;
            for &k in &seg.marks {
                match &marks[k].2 {
                    Mark::Initiative(id) => { class.push("ini"); ini.get_or_insert(id.clone()); }
                    Mark::Metric(id) => { class.push("met"); met.get_or_insert(id.clone()); }
                    Mark::Query => class.push("q"),
                    Mark::Hit(h) => {
                        class.push("q");
                        if url.hit == Some(*h) { class.push("cur"); }
                        hit.get_or_insert(h.to_string());
                    }
                }
            }
            let is_focus = props.focus.is_some()
                && (ini.as_deref() == props.focus.as_deref() || met.as_deref() == props.focus.as_deref());
            if is_focus { class.push("focus"); }
            match ini.clone() {
                Some(id) => {
                    let target = UrlState { view: View::Reader { doc: d.id.clone(), focus: Some(id.clone()) }, ..url.clone() };
                    let name = inits.iter().find(|i| i.id == id).map(|i| i.name.clone()).unwrap_or_default();
                    html! { <a class={class} href={href(&target)} data-ini={id} data-met={met} data-hit={hit}
                               title={format!("{}：{name}", env.t("举措", "Initiative"))}>{ seg.text }</a> }
                }
                None => html! { <mark class={class} data-met={met} data-hit={hit}>{ seg.text }</mark> },
            }
        }) }</> }
    };

    let url_hit = url.hit;
    let copy = {
        let copied = copied.clone();
        let text = citation(d, lang, ds.content_hash());
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                copied.set(Some(dom::copy_text(&text).await));
            });
        })
    };
    let place = |p: &Option<Place>| -> Html {
        match p {
            Some(p) => {
                html! { <>{ &p.name }<span class="prov">{ format!("（{}）", provenance_label(lang, p.provenance)) }</span></> }
            }
            None => html! { <span class="muted">{ env.t("未注明", "not stated") }</span> },
        }
    };
    let back = UrlState {
        view: View::Initiatives,
        ..url.clone()
    };
    html! {
        <div class="reader">
            <article class="doc" aria-labelledby="view-title">
                <p class="crumbs"><a href={href(&back)}>{ env.t("← 返回举措列表", "← Back to initiatives") }</a></p>
                <h1 id="view-title" tabindex="-1">{ block(usize::MAX, None, &d.title) }</h1>
                if total_hits > 0 {
                    <nav class="hitbar" aria-label={env.t("检索词命中", "Query hits")} data-testid="hitbar">
                        <span data-testid="hit-count">{ match (lang, url.hit) {
                            (Lang::Zh, Some(h)) => format!("命中 {total_hits} 处 · 第 {} 处", h + 1),
                            (Lang::Zh, None) => format!("命中 {total_hits} 处"),
                            (Lang::En, Some(h)) => format!("{total_hits} hits · hit {}", h + 1),
                            (Lang::En, None) => format!("{total_hits} hits"),
                        } }</span>
                        <button type="button" data-testid="hit-prev" aria-keyshortcuts="p"
                            onclick={props.on_action.reform(move |_: MouseEvent| Action::SetHit(Some(url_hit.map_or(total_hits - 1, |h| (h + total_hits - 1) % total_hits))))}>
                            { env.t("上一处 (p)", "Previous (p)") }</button>
                        <button type="button" data-testid="hit-next" aria-keyshortcuts="n"
                            onclick={props.on_action.reform(move |_: MouseEvent| Action::SetHit(Some(url_hit.map_or(0, |h| (h + 1) % total_hits))))}>
                            { env.t("下一处 (n)", "Next (n)") }</button>
                    </nav>
                }
                { for d.sections.iter().enumerate().map(|(si, s)| html! {
                    <section>
                        if let Some(h) = &s.heading { <h2>{ block(si, None, h) }</h2> }
                        { for s.paragraphs.iter().enumerate().map(|(pi, p)| html! { <p>{ block(si, Some(pi), p) }</p> }) }
                    </section>
                }) }
                if !d.images.is_empty() {
                    <section class="images">
                        <h2>{ env.t("图片（未加载，仅列出说明与地址）", "Images (not loaded: caption and address only)") }</h2>
                        <ul>{ for d.images.iter().map(|im| html! {
                            <li>{ im.caption.clone().unwrap_or_else(|| env.t("（无说明）", "(no caption)").to_string()) }
                                if let Some(src) = &im.src { <br /><code class="url">{ src }</code> }</li>
                        }) }</ul>
                    </section>
                }
            </article>
            <aside class="side">
                <section class="meta-panel" aria-label={env.t("文档信息", "Document details")} data-testid="doc-meta">
                    <h2>{ env.t("文档信息", "Document") }</h2>
                    <dl>
                        <dt>{ env.t("发布者", "Publisher") }</dt>
                        <dd>{ d.publisher.clone().unwrap_or_else(|| env.t("未注明", "not stated").to_string()) }</dd>
                        <dt>{ env.t("日期", "Date") }</dt>
                        <dd data-testid="doc-date">{ d.date.clone().unwrap_or_else(|| env.t("日期未注明", "Date not stated").to_string()) }
                            if let Some(p) = d.date_source { <span class="prov">{ format!("（{}）", provenance_label(lang, p)) }</span> }</dd>
                        <dt>{ env.t("税务局", "Bureau") }</dt>
                        <dd>{ d.bureau.as_ref().map(|b| b.name.clone()).unwrap_or_else(|| env.t("未注明", "not stated").to_string()) }
                            if d.bureau.as_ref().is_some_and(|b| b.anonymized) { <span class="prov">{ env.t("（原文已匿名）", " (anonymized in the source)") }</span> }</dd>
                        <dt>{ env.t("省份", "Province") }</dt><dd>{ place(&d.province) }</dd>
                        <dt>{ env.t("城市", "City") }</dt><dd>{ place(&d.city) }</dd>
                        <dt>{ env.t("区县", "District") }</dt><dd>{ place(&d.district) }</dd>
                        if !d.authors.is_empty() {
                            <dt>{ env.t("作者", "Authors") }</dt>
                            <dd>{ d.authors.iter().map(|a| format!("{} {}", a.role, a.name)).collect::<Vec<_>>().join("，") }</dd>
                        }
                        <dt>{ env.t("原文链接", "Original URL") }</dt>
                        <dd>{ match &d.url {
                            // Shown as text: following it is the reader's choice, outside the app.
                            Some(u) => html! { <code class="url" data-testid="doc-url">{ u }</code> },
                            None => html! { <span class="muted">{ env.t("未注明", "not stated") }</span> },
                        } }</dd>
                        <dt>{ env.t("文件", "File") }</dt><dd><code>{ &d.source_file }</code></dd>
                    </dl>
                    if let Some(target) = compare_target(ds, di, url) {
                        <p><a href={href(&target)} data-testid="compare-link">{ env.t("与做法相近的税务局并排对比 →", "Compare with bureaus doing the same →") }</a></p>
                    }
                    <button type="button" onclick={copy} data-testid="copy-citation">{ env.t("复制引用", "Copy citation") }</button>
                    <span class="copied" role="status" aria-live="polite">{ match *copied {
                        Some(true) => env.t("已复制", "Copied"),
                        Some(false) => env.t("无法访问剪贴板，请手动复制下方文字", "Clipboard unavailable; copy the text below"),
                        None => "",
                    } }</span>
                    if *copied == Some(false) { <textarea readonly=true class="cite" value={citation(d, lang, ds.content_hash())} /> }
                </section>
                { match (focus_init, focus_met) {
                    (Some(i), _) => html! { <FocusPanel id={i.id.clone()} url={url.clone()} on_action={props.on_action.clone()} /> },
                    (None, Some(m)) => html! { <FigurePanel id={m.id.clone()} url={url.clone()} on_action={props.on_action.clone()} /> },
                    (None, None) => html! {
                    <section class="focus-panel muted"><p>{ env.t("点击文中高亮的举措查看详情。", "Click a highlighted initiative for details.") }</p>
                    <p>{ match lang { Lang::Zh => format!("本文 {} 项举措，{} 个数据。", inits.len(), mets.len()), Lang::En => format!("{} initiatives and {} figures in this document.", inits.len(), mets.len()) } }</p></section>
                } } }
                <section class="legend">
                    <span><a class="ini sample" href="#main" tabindex="-1">{ env.t("举措", "initiative") }</a></span>
                    <span><mark class="met">{ env.t("数据", "figure") }</mark></span>
                    <span><mark class="q">{ env.t("检索词", "query") }</mark></span>
                </section>
            </aside>
        </div>
    }
}

/// The compare view of this document's bureau beside the (up to three) bureaus that share
/// the most of its initiatives; none when it names no bureau or shares nothing.
fn compare_target(ds: &crate::data::Dataset, di: usize, url: &UrlState) -> Option<UrlState> {
    let own = ds.doc(di).bureau.as_ref()?.name.clone();
    let mut shared: std::collections::BTreeMap<String, usize> = Default::default();
    for i in ds.inits_of_doc(di) {
        let Some((c, _)) = ds.canonical_of(i) else {
            continue;
        };
        let mut seen = std::collections::BTreeSet::new();
        for &o in &ds.canon_members[c] {
            if let Some(b) = &ds.doc_of_initiative(o as usize).bureau {
                if b.name != own && seen.insert(b.name.clone()) {
                    *shared.entry(b.name.clone()).or_default() += 1;
                }
            }
        }
    }
    let mut others: Vec<(String, usize)> = shared.into_iter().collect();
    others.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    if others.is_empty() {
        return None;
    }
    let mut selection = crate::state::Selection::default();
    selection.toggle(Facet::Bureau, &own);
    for (b, _) in others.into_iter().take(3) {
        selection.toggle(Facet::Bureau, &b);
    }
    Some(UrlState {
        view: View::Compare,
        selection,
        query: String::new(),
        ..url.clone()
    })
}

/// Ids are ASCII-ish slugs, but a hostile corpus could put quotes in them.
fn css_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                vec![c]
            } else {
                vec!['\\', c]
            }
        })
        .collect()
}
