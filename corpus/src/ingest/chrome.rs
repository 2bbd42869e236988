//! Page chrome: the lines a web page (or its plain-text dump) carries around an article —
//! navigation, the site's name, datelines and bylines, 字号 and print links, issue lines of a
//! magazine, and the footer. They are not the article's text, and the title is the first line
//! after them that reads as one.

use super::lines::regex;
use super::meta::parse_date;
use super::text::{char_len, ends_with_sentence_punct};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Chrome {
    /// Breadcrumbs and menus: 首页 > 新闻中心, 首页 | 资讯 | 财经.
    Nav,
    /// A line about the article: its date (when it states one), source, author, 字号, views.
    Dateline(Option<String>),
    /// 中国税务 2013年 第11期: the issue of a magazine.
    Issue,
    /// Copyright, 主办, ICP, addresses and phone numbers, 网站地图.
    Footer,
    /// Print, close, share, previous/next links.
    Tool,
}

/// What a line of the page is, when it is chrome.
pub fn chrome(line: &str) -> Option<Chrome> {
    let s = line.trim();
    let n = char_len(s);
    if n == 0 || n > 120 {
        return None;
    }
    // A document host's lines (文库 pages): the file's name with its extension, the upload's
    // details (its date is the upload's, not the document's), the viewer's buttons.
    if regex!(r"(?i)\.(docx?|pdf|wps|pptx?|xlsx?|txt)(》|_第\d+页|\s|$)").is_match(s)
        || regex!(r"上传人|上传时间|文档编号|由会员分享|资源描述|下载资源|点击查看更多|^正文复制$")
            .is_match(s)
        || regex!(r"^[【\[].{0,12}(会员|资料|下载|VIP).{0,16}[】\]]").is_match(s)
    {
        return Some(Chrome::Tool);
    }
    // A line with the article's date is a dateline even when fields are set off by bars.
    if parse_date(s).is_some() {
        if let Some(d) = dateline(s) {
            return Some(Chrome::Dateline(d));
        }
    }
    let separators = s.matches(['|', '｜']).count();
    // Breadcrumb arrows: `>` set off by spaces, or the full-width and guillemet forms.
    let arrows = s.matches(" > ").count() + s.matches(['＞', '»', '›']).count();
    let short_words = s.split_whitespace().filter(|w| char_len(w) <= 4).count();
    let sentence = ends_with_sentence_punct(s);
    if regex!(r"^(当前位置|您现在的位置|您的位置|位置|本站热词|热门搜索|热词|热门标签|搜索)[:：]")
        .is_match(s)
        || !sentence
            && (short_words >= 5 && short_words * 4 >= s.split_whitespace().count() * 3 && n <= 60
                || (arrows >= 1 && regex!(r"首页|主页|网站首页").is_match(s))
                || arrows >= 2 && n <= 60
                // 厦门新闻 > 社会民生: one arrow between two channel names.
                || arrows == 1 && n <= 24 && s.split([' ', '>', '＞', '»', '›']).filter(|w| !w.is_empty()).all(|w| char_len(w) <= 8)
                || separators >= 2 && n <= 80)
    {
        return Some(Chrome::Nav);
    }
    if regex!(r"版权所有|Copyright|copyright|©|ICP备|ICP证|主办单位|承办单位|技术支持|网站地图|联系我们|网站标识码|公网安备|建议使用.{0,12}浏览器|未经授权禁止转载").is_match(s) {
        return Some(Chrome::Footer);
    }
    if n <= 40
        && regex!(r"^[【\[]?(打印|关闭|打印本页|关闭窗口|收藏|分享|返回顶部|返回|上一篇|下一篇|相关阅读|扫一扫|分享到)").is_match(s)
        && !ends_with_sentence_punct(s)
    {
        return Some(Chrome::Tool);
    }
    if n <= 40 && regex!(r"\d{4}\s*年\s*第\s*\d+\s*期|第\s*\d+\s*期\s*$").is_match(s) {
        return Some(Chrome::Issue);
    }
    if let Some(d) = dateline(s) {
        return Some(Chrome::Dateline(d));
    }
    None
}

/// Whether a dateline states its date with a label of publication (发布时间, 发布日期, 发文
///日期): such a date outranks one a line states without saying what it is.
pub fn labelled_date(s: &str) -> bool {
    regex!(r"(发布|发文|成文|印发)(时间|日期)").is_match(s)
}

/// A line that carries the article's date and little else (a source, a byline, a time, 字号,
/// views, the page of a paper): `Some(date)`; a line of such fields without a date: `None`
/// inside. Not a sentence: no clause punctuation, short.
fn dateline(s: &str) -> Option<Option<String>> {
    let n = char_len(s);
    if n > 90 || s.contains(['，', '。', '；', '！', '？']) {
        return None;
    }
    let labelled = regex!(
        r"(发布时间|发布日期|发文时间|发文日期|成文日期|时间|日期|来源|信息来源|文章来源|作者|编辑|责任编辑|责编|字号|字体|浏览次数|浏览|点击数|点击|阅读|人气|索引号|发布机构|发文字号|文号|本文转自|转自|所属地区)\s*[:：]"
    )
    .is_match(s);
    let date = parse_date(s);
    let fields_only = regex!(r"字号|字体|【大】|\[大\]|大\s*中\s*小|打印|星期[一二三四五六日天]|第\s*[A-Za-z]?\d+\s*版|\d{1,2}:\d{2}").is_match(s);
    if labelled || fields_only {
        return Some(date);
    }
    // A date with a short source beside it: 新浪河北 2014年03月17日09:46, 《中国青年报》(2016年05月08日 05版).
    if let Some(d) = date {
        let rest = regex!(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?").replace(s, "");
        let rest = regex!(r"\d{1,2}:\d{2}(:\d{2})?").replace(&rest, "");
        if char_len(rest.trim()) <= 16 && !ends_with_sentence_punct(s) {
            return Some(Some(d));
        }
    }
    None
}

/// A line that names only the site or the bureau that runs it (国家税务总局辽宁省税务局 at the top
/// of a page), or a column word (法律): not the title.
pub fn site_name(s: &str) -> bool {
    let s = s.trim();
    let n = char_len(s);
    n <= 4
        || n <= 24
            && regex!(r"(税务局|国税局|地税局|国家税务局|地方税务局|网|日报|晚报|时报|税务报|商报)(logo|LOGO)?$")
                .is_match(s)
            // A name, not a phrase about one (打造安全便捷的网上税务局).
            && !regex!(r"的|打造|开展|推出|实现|提升|建设|助力|优化|走进|探访").is_match(s)
}

/// Decorations around a title line: ○ 标题 ○, ★标题.
pub fn trim_decoration(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || "○●◆◇■□★☆▲△▼▽◎※·•-—=~".contains(c))
}

/// A title behind a column word: `法规　国家税务总局…的公告` → the title.
pub fn after_column_word(s: &str) -> &str {
    if let Some(c) =
        regex!(r"^(?:[\p{Han}]{2,4}(?:\u{3000}|\s{2,})(.{8,})|[\p{Han}]{2,3}\s(.{12,}))$")
            .captures(s)
    {
        if let Some(m) = c.get(1).or_else(|| c.get(2)) {
            return &s[m.start()..];
        }
    }
    s
}

/// The page's `<title>` without the site's name after it (方正县税务局…核酸检测_国家税务总局黑龙江省税务局).
pub fn page_title(t: &str) -> Option<String> {
    let t = t.trim();
    let cut = ["_", " - ", " – ", " | ", "｜", "——", "-"]
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|i| (i, sep.len())))
        .filter(|&(i, _)| char_len(&t[..i]) >= 6)
        .min_by_key(|&(i, _)| std::cmp::Reverse(i));
    let head = match cut {
        Some((i, _)) => &t[..i],
        None => t,
    };
    let head = head.trim();
    (char_len(head) >= 4).then(|| head.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_chrome_lines() {
        assert_eq!(chrome("首页 > 新闻动态 > 基层动态"), Some(Chrome::Nav));
        assert_eq!(chrome("当前位置：首页 > 财经 > 正文"), Some(Chrome::Nav));
        assert_eq!(chrome("厦门新闻 > 社会民生"), Some(Chrome::Nav));
        // A document host's header: the file name, the upload, the viewer, a promotion.
        for line in [
            "池州市国家税务局纳税服务工作规程.docx",
            "上传人:l***  文档编号:11821406  上传时间:2022-04-22  格式:DOCX  页数:27",
            "池州市国家税务局纳税服务工作规程.docx_第1页 第1页 / 共27页",
            "《池州市国家税务局纳税服务工作规程.docx》由会员分享,可在线阅读。",
            "正文复制",
            "【会员享300最新资料/每天稳定更新】!",
        ] {
            assert_eq!(chrome(line), Some(Chrome::Tool), "{line}");
        }
        assert_eq!(chrome("池州市国家税务局纳税服务工作规程(试行)"), None);
        assert_eq!(
            chrome("西藏日报(汉)/2023 年/5 月/19 日/第 008 版新城拉萨"),
            Some(Chrome::Dateline(Some("2023-05-19".into())))
        );
        assert_eq!(
            chrome("思明国税办税厅来了\"红马甲\" 税收志愿者上岗服务"),
            None
        );
        assert_eq!(
            chrome("首页 | 本期导读 | 往期回顾 | 投稿指南"),
            Some(Chrome::Nav)
        );
        assert_eq!(
            chrome("发布时间:2021-11-12  来源:国家税务总局辽宁省税务局  字号:大 中 小"),
            Some(Chrome::Dateline(Some("2021-11-12".into())))
        );
        assert_eq!(
            chrome("新浪河北 2014年03月17日09:46"),
            Some(Chrome::Dateline(Some("2014-03-17".into())))
        );
        assert_eq!(
            chrome("《中国青年报》(2016年05月08日 05版)"),
            Some(Chrome::Dateline(Some("2016-05-08".into())))
        );
        assert_eq!(
            chrome("2020年1月8日  星期三  第C01版:要闻"),
            Some(Chrome::Dateline(Some("2020-01-08".into())))
        );
        assert_eq!(
            chrome("来源:黑龙江经济网  编辑:崔冰  2022-12-27"),
            Some(Chrome::Dateline(Some("2022-12-27".into())))
        );
        assert_eq!(chrome("本文转自:新疆日报"), Some(Chrome::Dateline(None)));
        assert_eq!(
            chrome("2018-01-31 11:03:11 | 来源:南京日报 | 编辑:穆菁"),
            Some(Chrome::Dateline(Some("2018-01-31".into())))
        );
        assert_eq!(
            chrome("中国税务 2013年 第11期  特别策划"),
            Some(Chrome::Issue)
        );
        assert_eq!(
            chrome("千龙网版权所有 未经授权禁止转载"),
            Some(Chrome::Footer)
        );
        assert_eq!(chrome("【打印】【关闭窗口】"), Some(Chrome::Tool));
        // Sentences and titles are not chrome.
        assert_eq!(
            chrome("<script>alert(6)</script> 与 </textarea> 都只是文字。"),
            None
        );
        assert_eq!(
            chrome("2021年5月被全国总工会授予“全国工人先锋号”称号。"),
            None
        );
        assert_eq!(chrome("辽西税务干部战风斗雪 “不打烊”服务暖人心"), None);
        assert_eq!(chrome("今年以来，锦江税务持续打造“锦税e家”服务品牌"), None);
    }

    #[test]
    fn titles_without_their_site() {
        assert_eq!(
            page_title("方正县税务局青年志愿者下沉社区助力核酸检测_国家税务总局黑龙江省税务局")
                .as_deref(),
            Some("方正县税务局青年志愿者下沉社区助力核酸检测")
        );
        assert_eq!(
            after_column_word("法规　国家税务总局重庆市税务局关于成立第三税务分局的公告"),
            "国家税务总局重庆市税务局关于成立第三税务分局的公告"
        );
        assert_eq!(
            trim_decoration("○ 我骄傲,我是**地税人 ○"),
            "我骄傲,我是**地税人"
        );
        assert!(site_name("国家税务总局辽宁省税务局"));
        assert!(site_name("法律"));
        assert!(!site_name("滨江区税务局服务简报"));
        assert!(!site_name("辽西税务干部战风斗雪 “不打烊”服务暖人心"));
    }
}
