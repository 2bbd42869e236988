//! Every form of bureau name, and the choice of the document's one.

use super::*;

fn one(text: &str) -> Option<String> {
    choose_bureau(&[], &find_bureaus(text, false)).map(|b| b.name)
}

#[test]
fn merged_bureaus() {
    assert_eq!(
        one("近年来，国家税务总局贵阳市花溪区税务局在主动融入"),
        Some("国家税务总局贵阳市花溪区税务局".into())
    );
    assert_eq!(
        one("汇聚实干力量 镇江经济技术开发区税务局用匠心"),
        Some("镇江经济技术开发区税务局".into())
    );
    assert_eq!(one("在省内长江沿线8地税务局联动"), None);
    assert_eq!(one("开发区税务局先后成立"), None);
}

#[test]
fn bureaus_before_the_merger() {
    for (text, name) in [
        ("泸州市地方税务局近日开展", "泸州市地方税务局"),
        ("天津市国家税务局发布公告", "天津市国家税务局"),
        ("据悉，秭归县国税局推出", "秭归县国税局"),
        ("近日，桑植地税局开展", "桑植地税局"),
        ("江苏省泰州市靖江地方税务局", "江苏省泰州市靖江地方税务局"),
        ("成都市武侯區國稅局始終把", "成都市武侯區國稅局"),
    ] {
        assert_eq!(one(text).as_deref(), Some(name), "{text}");
    }
}

#[test]
fn units_below_a_bureau() {
    for (text, name) in [
        (
            "丹东市振安区税务局第一税务所开展。第一税务所还",
            "丹东市振安区税务局第一税务所",
        ),
        (
            "国家税务总局重庆市税务局第三税务分局成立，第三税务分局负责",
            "国家税务总局重庆市税务局第三税务分局",
        ),
        (
            "深圳市龙岗区国税局平湖分局推出。平湖国税分局介绍",
            "深圳市龙岗区国税局平湖分局",
        ),
        (
            "中站区地税局朱村中心税务所获评。朱村中心税务所",
            "中站区地税局朱村中心税务所",
        ),
        ("近日，均安分局开展", "均安分局"),
    ] {
        assert_eq!(one(text).as_deref(), Some(name), "{text}");
    }
    assert_eq!(one("各分局要按照要求"), None);
    assert_eq!(one("到胜坨中心税务所办理"), Some("胜坨中心税务所".into()));
    // Named once in passing, a unit is a place of the story: the bureau is the document's.
    assert_eq!(
        one("五原县税务局把民族文化融入，锦旗送到了国家税务总局五原县税务局天吉泰镇税务所"),
        Some("国家税务总局五原县税务局".into())
    );
    // A unit's title form takes the unit's full name from the text, with its places.
    let title = find_bureaus("平湖国税分局实名办税提速", true);
    let body = find_bureaus("在深圳市龙岗区国税局平湖分局的办税服务厅", false);
    assert_eq!(
        choose_bureau(&title, &body).map(|b| b.name).as_deref(),
        Some("深圳市龙岗区国税局平湖分局")
    );
}

#[test]
fn short_forms_take_the_full_name_when_the_text_has_it() {
    let title = find_bureaus("锦江税务构建税费服务新体系", true);
    assert_eq!(title[0].form, BureauForm::Short);
    let body = find_bureaus(
        "国家税务总局成都市锦江区税务局（以下简称“锦江税务”）",
        false,
    );
    assert_eq!(
        choose_bureau(&title, &body).map(|b| b.name).as_deref(),
        Some("国家税务总局成都市锦江区税务局")
    );
    let title = find_bureaus("高新税务：社区搭起“红色驿站”", true);
    assert_eq!(
        choose_bureau(&title, &[]).map(|b| b.name).as_deref(),
        Some("高新税务")
    );
    assert!(find_bureaus("税务部门和税务干部", false).is_empty());
    let title = find_bureaus("陕西国税局:事项办理“三统一”", true);
    let body = find_bureaus("陕西省国税局一方面用“三个统一”", false);
    assert_eq!(
        choose_bureau(&title, &body).map(|b| b.name).as_deref(),
        Some("陕西省国税局")
    );
    assert!(find_bureaus("《北京地税》杂志编辑部", false).is_empty());
}

#[test]
fn anonymized_and_generic() {
    assert_eq!(one("XX市税务局在第二批主题教育"), Some("XX市税务局".into()));
    assert_eq!(one("以来，xx县税务局深入践行"), Some("xx县税务局".into()));
    assert_eq!(one("***地税局全体干部"), Some("***地税局".into()));
    assert!(find_bureaus("XX市税务局", false)[0].anonymized());
    assert_eq!(
        one("省地税局举办全省地税系统优质规范服务展示赛"),
        Some("省地税局".into())
    );
    // A generic name gives way to a named one.
    assert_eq!(
        one("市税务局党委要求，花溪区税务局推出"),
        Some("花溪区税务局".into())
    );
}

#[test]
fn the_longest_county_wins() {
    // 华县 and 五华县 end 西华县's name.
    assert_eq!(one("西华县税务局推出"), Some("西华县税务局".into()));
}
