//! The number grammar, normalization, what is not a figure, directions and labels.

use super::*;
use crate::model::Direction;

fn figures(text: &str) -> Vec<Metric> {
    let b = BlockCtx {
        text,
        section: 0,
        paragraph: Some(0),
        sentences: crate::ingest::text::sentences(text),
    };
    let mut out = Vec::new();
    metrics_in(&b, "d", &Spans::new(vec![]), &mut out);
    out
}

fn raws(text: &str) -> Vec<String> {
    figures(text).into_iter().map(|m| m.raw).collect()
}

#[test]
fn arabic_figures_with_qualifiers_and_scales() {
    let f = figures(
        "咨询热线接听量合计4.8万余通，答复近2000条，贷款22.82亿元，覆盖全市80多万企业纳税人。",
    );
    let get = |raw: &str| {
        f.iter()
            .find(|m| m.raw == raw)
            .unwrap_or_else(|| panic!("{raw}: {f:?}"))
    };
    let a = get("4.8万余通");
    assert_eq!(
        (a.value, a.unit.as_str(), a.bound),
        (4.8, "万通", Bound::LowerBound)
    );
    assert_eq!(a.normalized.as_ref().unwrap().value, 48000.0);
    assert_eq!(get("近2000条").bound, Bound::Approximate);
    let c = get("22.82亿元");
    assert_eq!(c.category, MetricCategory::Money);
    assert_eq!(
        c.normalized.as_ref().unwrap(),
        &Normalized {
            value: 2_282_000_000.0,
            unit: "元".into()
        }
    );
    // A scale without a unit is a figure of its own.
    let w = get("80多万");
    assert_eq!((w.value, w.unit.as_str()), (80.0, "万"));
}

#[test]
fn every_kind_is_normalized() {
    let f = figures("缩短3个工作日，提速40秒，等候20分钟，满6个月，连续3年，节省半天，达到九成，提升12个百分点，5200余户");
    let norm = |raw: &str| {
        let m = f
            .iter()
            .find(|m| m.raw == raw)
            .unwrap_or_else(|| panic!("{raw}: {f:?}"));
        let n = m.normalized.as_ref().unwrap();
        (m.category, n.value, n.unit.clone())
    };
    assert_eq!(
        norm("3个工作日"),
        (MetricCategory::Duration, 4320.0, "分钟".into())
    );
    assert_eq!(norm("40秒").1, round6(40.0 / 60.0));
    assert_eq!(norm("20分钟").1, 20.0);
    assert_eq!(norm("6个月").1, 6.0 * 43200.0);
    assert_eq!(norm("3年").1, 3.0 * 525600.0);
    assert_eq!(
        norm("半天"),
        (MetricCategory::Duration, 720.0, "分钟".into())
    );
    assert_eq!(norm("九成"), (MetricCategory::Percent, 90.0, "%".into()));
    assert_eq!(
        norm("12个百分点"),
        (MetricCategory::Percent, 12.0, "百分点".into())
    );
    assert_eq!(
        norm("5200余户"),
        (MetricCategory::Count, 5200.0, "户".into())
    );
}

#[test]
fn what_is_not_a_figure() {
    assert!(raws("2021年，4月10日，第3名，三分之一，一是，7×24小时").is_empty());
    // Chinese numerals that only enumerate.
    assert!(raws("设置两个窗口，采用三种方式，走访两家企业，从三个方面").is_empty());
    // …but durations and counts of ten or more are figures.
    assert_eq!(
        raws("提前一个小时预约，带着三十多名干部，连续七届"),
        ["一个小时", "三十多名", "七届"]
    );
    // A figure in a short quotation is part of a name.
    assert!(raws("打造“15分钟办税缴费圈”，推行“8小时速达”，建成24小时自助办税厅").is_empty());
    // A unit that starts a word is not the unit.
    assert_eq!(raws("近1000万个人纳税人"), ["近1000万"]);
    assert_eq!(raws("一次性告知"), Vec::<String>::new());
}

#[test]
fn directions_are_what_the_text_says() {
    let f = figures("办税时长缩短87%，满意度提高到了98%，退税用时下降3天，办理3万户");
    let dirs: Vec<_> = f.iter().map(|m| m.direction).collect();
    assert_eq!(
        dirs,
        [
            Some(Direction::Down),
            Some(Direction::Up),
            Some(Direction::Down),
            None
        ]
    );
}

#[test]
fn labels_are_whole_words() {
    let t = "全年累计办税时长缩短87%以上，“减免税款”达到3.5亿元的成效。共发放2000笔";
    let at = |raw: &str| {
        let s = t.find(raw).unwrap();
        label(t, s, s + raw.len())
    };
    assert_eq!(at("87%"), "全年累计办税时长 缩短 以上");
    assert_eq!(at("3.5亿元"), "达到 成效");
    assert_eq!(at("2000笔"), "共发放");
    // Whole words at both ends (开发区, not 发区).
    let t = "开发区税务局先后成立了13个纳税人之家";
    let s = t.find("13个").unwrap();
    assert_eq!(
        label(t, s, s + "13个".len()),
        "开发区税务局先后成立 纳税人之家"
    );
    // A long clause is cut where a word starts.
    let t = "小规模纳税人增值税起征点从月销售额10万元提高到了15万元后";
    let s = t.find("10万元").unwrap();
    let l = label(t, s, s + "10万元".len());
    assert!(l.starts_with("月销售额") || l.starts_with("增值税"), "{l}");
    assert!(l.ends_with("15万元后"), "{l}");
    let s = t.find("15万元").unwrap();
    assert_eq!(label(t, s, s + "15万元".len()), "月销售额10万元 提高 后");
}

#[test]
fn figures_that_report_nothing() {
    // Counts of the items listed right before them enumerate.
    assert!(raws("张家口市地税局办税服务厅和蔚县地税局办税服务厅2个单位被评为").is_empty());
    assert!(raws("推动“优服务、促改革”和“亲切服务”两项活动向纵深开展").is_empty());
    assert!(raws("湖塘税务分局、礼嘉税务分局、牛塘税务分局、横山桥税务分局4个分局").is_empty());
    assert!(raws("入驻了行政审批局、税务局和公安分局共3家单位").is_empty());
    // …but not a list that goes on (等), nor a count that is not the list's.
    assert_eq!(raws("推出延时服务、预约服务等12项举措"), ["12项"]);
    assert_eq!(raws("设立征纳互动、自助办税2个专区和15个窗口"), ["15个"]);
    assert_eq!(
        raws("国家级青年文明号1个、省级青年文明号11个"),
        ["1个", "11个"]
    );
    // Aspects, points in time, vague and set phrases, meetings, pages, a slogan's trip.
    assert!(raws("从5个方面着手").is_empty());
    assert!(raws("三年前丈夫下了岗，10年前刚组建").is_empty());
    assert!(raws("为了几十元的税款，蒙受几十万元的损失").is_empty());
    assert!(raws("让税法走进千家万户").is_empty());
    assert!(raws("在十五届六十七次常务会议上").is_empty());
    assert!(raws("(本文共3页 当前第2页)").is_empty());
    assert!(raws("最多跑一次，不用特意跑一趟").is_empty());
    assert!(raws("酒店有员工240余名，新招录了200多名员工").is_empty());
    assert_eq!(raws("组织20余名干部职工，近3年来"), ["20余名", "近3年"]);
}

#[test]
fn an_ascii_full_stop_is_not_a_decimal_point() {
    assert_eq!(raws("有人引导.两天时间里"), ["两天"]);
    assert!(raws("版本3.5").is_empty() || raws("版本3.5") == ["3.5"]);
    assert_eq!(raws("增长3.5%"), ["3.5%"]);
    // 为期 measures; 星期 names a day.
    assert_eq!(raws("到5月结束,为期一年"), ["一年"]);
    assert!(raws("每星期一开放").is_empty());
}
