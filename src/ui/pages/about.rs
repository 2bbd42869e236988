//! How the explorer works (`#/about`): what it is, how documents become initiatives, themes
//! and figures, what it cannot do, what 未注明 and 推断 mean, the corpus's build report
//! (`data/report.json`, loaded when the page opens) and the version and corpus hash.

use super::super::load;
use crate::state::Lang;
use crate::ui::use_env;
use corpus::model::InputStatus;
use corpus::pack::BuildReport;
use yew::prelude::*;

/// Files listed per status before "and N more".
const LISTED: usize = 100;

#[function_component(AboutPage)]
pub fn about_page() -> Html {
    let env = use_env();
    let report = use_state(|| None::<Result<BuildReport, String>>);
    {
        let report = report.clone();
        use_effect_with((), move |_| {
            yew::platform::spawn_local(async move {
                let r = load::fetch_bytes(corpus::pack::REPORT_FILE)
                    .await
                    .and_then(|b| {
                        serde_json::from_slice::<BuildReport>(&b).map_err(|e| e.to_string())
                    });
                report.set(Some(r));
            });
        });
    }
    let ds = &env.ds;
    let zh = env.lang == Lang::Zh;
    let p =
        |zh_text: &'static str, en_text: &'static str| html! { <p>{ env.t(zh_text, en_text) }</p> };
    html! {
        <div class="single about" data-testid="about">
            <h1 id="view-title" tabindex="-1">{ env.t("关于本工具与方法", "About the explorer and its method") }</h1>
            <section>
                <h2>{ env.t("这是什么", "What it is") }</h2>
                { p("税费服务举措浏览器把各地税务局关于纳税服务的新闻、汇报发言和经验材料整理成可筛选、可阅读、可作图的举措库：谁、在哪里、什么时候、做了什么、效果如何。它完全在浏览器里运行，不向任何其他网站发送或请求数据。",
                    "The Tax Service Initiatives Explorer turns news reports, speeches and case write-ups of local tax bureaus into a collection of initiatives you can filter, read and chart: who did what, where, when, and with what result. It runs entirely in your browser and never sends or fetches anything from another site.") }
            </section>
            <section>
                <h2>{ env.t("文档如何变成举措、主题与数据", "How documents become initiatives, themes and figures") }</h2>
                { p("构建时，每个文件先被解码（UTF-8、GBK、UTF-16）并去掉网页导航、页脚等杂项，得到标题、日期、发布者和正文段落。税务局名称（包括 2018 年合并前的国税、地税名称及简称）按名称形式识别，省市区县按行政区划表核对。",
                    "At build time each file is decoded (UTF-8, GBK, UTF-16) and stripped of page navigation and footers, leaving its title, date, publisher and paragraphs. The bureau is recognized from the forms its name takes (including the 国税/地税 names before the 2018 merger and short forms), and provinces, cities and counties are checked against the table of administrative divisions.") }
                { p("举措分两步找出：先收集可能的名称（引号和书名号里的名称、以“通道”“平台”“服务队”等中心词结尾的短语、全国通行的举措名称、列举项），再由一个用人工标注的样本训练的评分模型决定哪些是举措。相近的名称（如“智能导税区”与“智能导税”）归为同一项，便于跨税务局比较。",
                    "Initiatives are found in two steps: first every possible name is collected (names in quotation marks and book-title marks, phrases ending in a head word such as 通道, 平台 or 服务队, nationally used programme names, list items); then a scoring model, trained on hand-labelled examples, decides which are initiatives. Near-identical names (智能导税区 / 智能导税) are grouped, so bureaus can be compared.") }
                { p("主题按举措自己的用词（名称及其所在分句）归入 16 个主题。数据是正文中的数字加单位，按类别换算（金额折合为元，时长折合为分钟，计数保留单位），并记录“缩短”“提高”等方向及所属举措。",
                    "Themes are assigned to each initiative from its own words (its name and its clause) among 16 themes. Figures are numbers with units in the text, normalized by kind (amounts in yuan, durations in minutes, counts with their unit), with the direction the text states (缩短, 提高) and the initiative they belong to.") }
                { p("检索是精确的中文子串匹配（繁简、全角半角视为相同）：举措的名称或其所在句子包含检索词才算命中；文档列表按全文匹配。",
                    "Search is exact Chinese substring matching (traditional and simplified, full- and half-width count as the same): an initiative matches when its name or its own sentence holds the term; the documents list matches on the full text.") }
            </section>
            <section>
                <h2>{ env.t("局限", "Limits") }</h2>
                { p("举措与数据由规则和统计模型自动抽取，会有遗漏和误判（在标注样本上的准确率见 BENCHMARKS.md 的 QUALITY 一节）；引用前请点开原文核对。日期、税务局和地区只取文中写明的信息。",
                    "Initiatives and figures are extracted automatically by rules and a statistical model, so some are missed and some are wrong (the precision and recall measured on labelled documents are in the QUALITY section of BENCHMARKS.md); check the original text before you cite. Dates, bureaus and places come only from what the text states.") }
            </section>
            <section>
                <h2>{ env.t("“未注明”与“推断”", "“Not stated” and “inferred”") }</h2>
                <dl>
                    <dt>{ env.t("未注明", "未注明 · not stated") }</dt>
                    <dd>{ env.t("原文没有写明这一项（例如没有日期或没有税务局名称）。工具不会猜测。", "The text does not state it (no date, no bureau name, …). The explorer does not guess.") }</dd>
                    <dt>{ env.t("推断", "推断 · inferred") }</dt>
                    <dd>{ env.t("原文没有直接写明，但正文只提到一个省份等，可据以确定；这类值标为“据正文提及推断”。", "Not stated as such, but determined from the text (e.g. it mentions only one province); such values are marked “inferred from a mention in the text”.") }</dd>
                </dl>
            </section>
            <section data-testid="build-report">
                <h2>{ env.t("语料构建报告", "The corpus's build report") }</h2>
                { match &*report {
                    None => html! { <p class="muted" role="status">{ env.t("正在载入构建报告…", "Loading the build report…") }</p> },
                    Some(Err(e)) => html! { <p class="muted">{ format!("{} {e}", env.t("构建报告无法载入：", "The build report could not be loaded:")) }</p> },
                    Some(Ok(r)) => report_html(&env, r, zh),
                } }
            </section>
            <section>
                <h2>{ env.t("版本", "Version") }</h2>
                <dl>
                    <dt>{ env.t("浏览器版本", "Explorer") }</dt><dd>{ env!("CARGO_PKG_VERSION") }</dd>
                    <dt>{ env.t("构建工具", "Built by") }</dt><dd>{ ds.ix.meta.generator.clone() }</dd>
                    <dt>{ env.t("语料哈希", "Corpus hash") }</dt><dd><code data-testid="corpus-hash">{ ds.content_hash() }</code></dd>
                    <dt>{ env.t("规模", "Size") }</dt><dd>{ match env.lang {
                        Lang::Zh => format!("{} 篇文档，{} 项举措，{} 个数据", ds.docs().len(), ds.n_initiatives(), ds.n_metrics()),
                        Lang::En => format!("{} documents, {} initiatives, {} figures", ds.docs().len(), ds.n_initiatives(), ds.n_metrics()),
                    } }</dd>
                </dl>
            </section>
        </div>
    }
}

fn report_html(env: &crate::ui::Env, r: &BuildReport, zh: bool) -> Html {
    let statuses = [
        (InputStatus::Built, "已构建", "built"),
        (
            InputStatus::BuiltWithWarnings,
            "已构建（有警告）",
            "built with warnings",
        ),
        (
            InputStatus::Duplicate,
            "重复（未收录）",
            "duplicates (left out)",
        ),
        (InputStatus::Skipped, "跳过", "skipped"),
    ];
    html! {
        <>
            <p data-testid="report-counts">{ statuses.iter().map(|(s, z, e)| {
                let n = r.inputs.iter().filter(|i| i.status == *s).count();
                if zh { format!("{z} {n} 个") } else { format!("{n} {e}") }
            }).collect::<Vec<_>>().join(env.t("，", ", ")) }{ env.t("。", ".") }</p>
            { for statuses.iter().map(|(s, z, e)| {
                let files: Vec<_> = r.inputs.iter().filter(|i| i.status == *s).collect();
                if files.is_empty() { return html! {}; }
                html! {
                    <details>
                        <summary>{ if zh { format!("{z}（{}）", files.len()) } else { format!("{} ({})", e, files.len()) } }</summary>
                        <ul class="report">
                        { for files.iter().take(LISTED).map(|f| html! {
                            <li><code>{ &f.file }</code>
                                if !f.messages.is_empty() { { " — " }{ f.messages.join(env.t("；", "; ")) } }</li>
                        }) }
                        </ul>
                        if files.len() > LISTED {
                            <p class="muted">{ if zh { format!("另有 {} 个", files.len() - LISTED) } else { format!("and {} more", files.len() - LISTED) } }</p>
                        }
                    </details>
                }
            }) }
        </>
    }
}
