//! A deterministic generator of realistic raw documents for benchmarks: the seed documents'
//! three formats (Jekyll post with HTML body, whole Hexo HTML page, plain-text speech), their
//! vocabulary (programmes, measure words, themes' keywords), bureaus drawn from the gazetteer,
//! varied dates (some undated), numbers and initiative names. Same seed → same bytes.

use corpus::extract::vocab::Vocab;
use corpus::place::gazetteer::Gazetteer;

/// SplitMix64: tiny, fast, good enough for test data, and stable across platforms.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

const BRAND_HEADS: &[&str] = &[
    "税e家",
    "税务驿站",
    "税小二",
    "便民服务站",
    "办税服务厅",
    "税企直通车",
    "纳税人之家",
    "税收服务团队",
    "青年先锋队",
    "智慧办税平台",
    "诉求响应机制",
    "税银互动平台",
    "春风行动",
    "绿色通道",
    "纳税人学堂",
    "训练营",
    "专窗",
    "服务品牌",
];
const VERBS: &[&str] = &[
    "推出", "打造", "开设", "建立", "组建", "设立", "推行", "开展", "创建", "上线",
];
const UNITS: &[&str] = &[
    "户", "户次", "人次", "场", "项", "家", "条", "个", "万元", "亿元", "%",
];
const OPENERS: &[&str] = &[
    "近年来",
    "今年以来",
    "为进一步优化税收营商环境",
    "聚焦纳税人缴费人“急难愁盼”问题",
    "为深入推进便民办税春风行动",
    "围绕“我为纳税人缴费人办实事”",
    "为助力乡村振兴",
    "结合长江经济带绿色发展",
];
const HEADINGS: &[&str] = &[
    "优化服务，打造便民办税新格局",
    "精准施策，政策红利直达快享",
    "数字赋能，智慧办税提质增效",
    "协同共治，部门联动合力攻坚",
    "党建引领，锻造过硬税务铁军",
    "暖心服务，特殊群体有温度",
    "宣传辅导，政策送到家门口",
    "园区服务，护航企业高质量发展",
];
const PUBLISHERS: &[(&str, &str)] = &[
    ("zhongguoshuiwubao", "中国税务报"),
    ("jingjicankaowang", "经济参考网"),
    ("meijingwang", "每日经济新闻"),
];

pub struct GeneratedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

struct Ctx {
    bureau: String,
    short: String,
    date: Option<(u32, u32, u32)>,
}

fn sentence(r: &mut Rng, c: &Ctx, kws: &[&str], progs: &[&str]) -> String {
    let verb = r.pick(VERBS);
    let n = 2 + r.below(5000);
    let unit = r.pick(UNITS);
    let num = if *unit == "%" {
        format!("{}%", 5 + r.below(90))
    } else if unit.contains('元') {
        format!("{}.{}{unit}", 1 + r.below(99), r.below(99))
    } else {
        format!("{n}{}{unit}", if r.below(3) == 0 { "余" } else { "" })
    };
    match r.below(6) {
        0 => format!(
            "{}，{}{}“{}{}”{}，累计服务纳税人缴费人{num}。",
            r.pick(OPENERS),
            c.short,
            verb,
            c.short.chars().take(2).collect::<String>(),
            r.pick(BRAND_HEADS),
            r.pick(&["服务品牌", "专项行动", "工作机制", "服务项目"])
        ),
        1 => format!(
            "{}持续开展{}，{}{}，惠及企业{num}。",
            c.short,
            r.pick(progs),
            r.pick(kws),
            r.pick(kws)
        ),
        2 => format!(
            "针对{}的问题，{}{}“{}”，办税时长缩短{}%，满意度达到{}%。",
            r.pick(kws),
            c.bureau,
            verb,
            r.pick(progs),
            10 + r.below(80),
            90 + r.below(10)
        ),
        3 => format!(
            "截至目前，已{}{}{}，{}{num}。",
            verb,
            r.pick(kws),
            r.pick(BRAND_HEADS),
            r.pick(&["覆盖", "帮助", "走访", "辅导"])
        ),
        4 => format!(
            "“{}”{}负责人介绍，{}与{}部门联合{}“{}{}”，实现{}。",
            r.pick(&["这项服务很贴心", "办事更方便了", "政策红利直达"]),
            c.short,
            c.short,
            r.pick(&["市场监管", "人社", "医保", "银行"]),
            verb,
            r.pick(&["一窗", "一网", "一次"]),
            r.pick(&["通办", "联办", "办结"]),
            r.pick(kws)
        ),
        _ => format!(
            "{}组建{}支“{}”服务团队，开展{}{}次。",
            c.short,
            2 + r.below(30),
            r.pick(&["店小二", "税务管家", "红色先锋", "青年突击"]),
            r.pick(progs),
            1 + r.below(60)
        ),
    }
}

fn paragraphs(r: &mut Rng, c: &Ctx, kws: &[&str], progs: &[&str], n: usize) -> Vec<String> {
    (0..n)
        .map(|_| {
            (0..2 + r.below(3))
                .map(|_| sentence(r, c, kws, progs))
                .collect::<String>()
        })
        .collect()
}

/// `count` documents, a third in each format. Names sort in generation order.
fn generate(count: usize, seed: u64) -> Vec<GeneratedFile> {
    let g = Gazetteer::get();
    let v = Vocab::get();
    let counties: Vec<usize> = g
        .divisions
        .iter()
        .enumerate()
        .filter(|(_, d)| d.level == 3)
        .map(|(i, _)| i)
        .collect();
    let kws: Vec<&str> = v
        .themes
        .iter()
        .flat_map(|t| t.keywords.iter().map(String::as_str))
        .collect();
    let progs: Vec<&str> = v.programmes.iter().map(|p| p.name.as_str()).collect();
    let mut r = Rng::new(seed);
    let mut out = Vec::with_capacity(count);
    for k in 0..count {
        let county = *r.pick(&counties);
        let d = &g.divisions[county];
        let city = d
            .parent
            .map(|p| g.divisions[p].name.clone())
            .unwrap_or_default();
        let city = if city.ends_with("省") || city.ends_with("自治区") {
            String::new()
        } else {
            city
        };
        let bureau = format!("国家税务总局{city}{}税务局", d.name);
        let short = format!("{}税务局", d.name);
        let date = (r.below(8) != 0).then(|| {
            (
                2018 + r.below(7) as u32,
                1 + r.below(12) as u32,
                1 + r.below(28) as u32,
            )
        });
        let c = Ctx {
            bureau,
            short,
            date,
        };
        let title = format!("{}：{}", c.short, r.pick(HEADINGS));
        let n_paras = 6 + r.below(8);
        let paras = paragraphs(&mut r, &c, &kws, &progs, n_paras);
        let heads: Vec<&str> = (0..3).map(|_| *r.pick(HEADINGS)).collect();
        let (name, body) = match k % 3 {
            0 => {
                let (code, _) = r.pick(PUBLISHERS);
                let date = c
                    .date
                    .map(|(y, m, d)| format!("{y}-{m:02}-{d:02} 09:30:00 +0800"))
                    .unwrap_or_else(|| "Invalid Date".into());
                let mut s = format!("---\nlayout: post\ntitle: \"{title}\"\ndate: {date}\ncategories: {code}\n---\n<p>{}</p>", paras[0]);
                for (i, p) in paras[1..].iter().enumerate() {
                    if i % 3 == 0 {
                        s.push_str(&format!(" <p><strong>{}</strong></p>", heads[(i / 3) % 3]));
                    }
                    s.push_str(&format!(" <p>{p}</p>"));
                }
                s.push_str("<p class=\"em_media\">（文章来源：中国税务报）</p>\n\n[返回首页](//example.invalid/)");
                (format!("g{k:06}.txt"), s)
            }
            1 => {
                let time = c
                    .date
                    .map(|(y, m, d)| format!("{y}-{m:02}-{d:02} 10:00:00"))
                    .unwrap_or_default();
                let mut s = format!(
                    "---\ntitle: '{}'\nauthor: 每经网\ndate: Invalid Date\n---\n<div class=\"g-article-top\"><h1>{title}</h1><p class=\"u-time\"><span class=\"source\">每日经济新闻</span><span class=\"time\">{time}</span></p></div>\n<div class=\"g-articl-text\"><p>每经记者 张三 每经编辑 李四</p>\n",
                    title.replace('：', "_")
                );
                for (i, p) in paras.iter().enumerate() {
                    if i % 4 == 3 {
                        s.push_str(&format!("<h2>{}</h2>\n", heads[(i / 4) % 3]));
                    }
                    s.push_str(&format!("<p>{p}</p>\n"));
                }
                s.push_str("<!-- 页数 --></div>");
                (format!("g{k:06}.html"), s)
            }
            _ => {
                let mut s = format!(
                    "{}关于{}的汇报发言\n尊敬的各位领导，同志们：\n{}\n",
                    c.short,
                    r.pick(HEADINGS),
                    paras[0]
                );
                let numerals = ["一", "二", "三", "四", "五"];
                for (i, chunk) in paras[1..].chunks(3).enumerate().take(5) {
                    s.push_str(&format!("{}、{}\n", numerals[i], heads[i % 3]));
                    for (j, p) in chunk.iter().enumerate() {
                        s.push_str(&format!("{}是{p}\n", numerals[j]));
                    }
                }
                s.push_str("汇报完毕，谢谢。\n##paidend##\n");
                (format!("g{k:06}.txt"), s)
            }
        };
        out.push(GeneratedFile {
            name,
            bytes: body.into_bytes(),
        });
    }
    out
}

/// `corpus generate`: writes the documents into `out`.
pub fn write(
    count: usize,
    seed: u64,
    out: &std::path::Path,
) -> Result<std::process::ExitCode, String> {
    let files = generate(count, seed);
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut bytes = 0;
    for f in &files {
        let path = out.join(&f.name);
        std::fs::write(&path, &f.bytes)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += f.bytes.len();
    }
    println!(
        "{} documents, {bytes} bytes → {}",
        files.len(),
        out.display()
    );
    Ok(std::process::ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_buildable() {
        let a = generate(30, 7);
        let b = generate(30, 7);
        assert!(a
            .iter()
            .zip(&b)
            .all(|(x, y)| x.name == y.name && x.bytes == y.bytes));
        let c = corpus::corpus_of(a.iter().map(|f| (f.name.as_str(), f.bytes.as_slice())));
        assert_eq!(c.documents.len(), 30);
        assert!(c.initiatives.len() > 30 * 5);
        assert!(
            c.documents.iter().filter(|d| d.date.is_none()).count() > 0,
            "some undated"
        );
        assert!(
            c.documents.iter().filter(|d| d.city.is_some()).count() > 20,
            "regions resolved"
        );
    }
}
