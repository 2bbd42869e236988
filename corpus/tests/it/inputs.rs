//! Hostile and broken input (tests/fixtures/bad): every file is accounted for in the report,
//! nothing panics, nothing is silently dropped, and what is built is clean text.

use crate::util::{fixtures, read_dir};
use corpus::model::{Corpus, InputRecord, InputStatus};

fn build_bad() -> Corpus {
    let files = read_dir(&fixtures());
    corpus::corpus_of(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
}

fn record<'a>(c: &'a Corpus, file: &str) -> &'a InputRecord {
    c.build
        .inputs
        .iter()
        .find(|i| i.file == file)
        .unwrap_or_else(|| panic!("{file} not in report"))
}

fn doc_text(c: &Corpus, file: &str) -> String {
    let id = record(c, file).doc_id.clone().expect("built");
    let d = c.documents.iter().find(|d| d.id == id).unwrap();
    let mut t = d.title.clone();
    for s in &d.sections {
        t.extend(s.heading.clone());
        for p in &s.paragraphs {
            t.push('\n');
            t.push_str(p);
        }
    }
    t
}

#[test]
fn every_file_is_accounted_for() {
    let c = build_bad();
    let on_disk = read_dir(&fixtures()).len();
    assert_eq!(c.build.inputs.len(), on_disk, "one report line per file");
    for i in &c.build.inputs {
        if i.status != InputStatus::Built {
            assert!(
                !i.messages.is_empty(),
                "{} is {:?} without a reason",
                i.file,
                i.status
            );
        }
    }
}

#[test]
fn unusable_files_are_skipped_with_reasons() {
    let c = build_bad();
    let cases = [
        ("empty.txt", "empty"),
        ("whitespace.txt", "whitespace"),
        ("image.png", "PNG"),
    ];
    for (file, why) in cases {
        let r = record(&c, file);
        assert_eq!(r.status, InputStatus::Skipped, "{file}");
        assert!(r.messages[0].contains(why), "{file}: {:?}", r.messages);
    }
}

#[test]
fn encodings_decode_correctly() {
    let c = build_bad();
    assert!(doc_text(&c, "gbk.txt").contains("国家税务总局杭州市西湖区税务局开设“西湖税e站”"));
    assert!(record(&c, "gbk.txt")
        .encoding
        .as_deref()
        .unwrap()
        .starts_with("GBK"));
    assert!(doc_text(&c, "gb18030.txt").contains("𠀾税务驿站"));
    assert!(doc_text(&c, "bom.txt").starts_with("滨江区税务局服务简报"));
    assert!(doc_text(&c, "utf16le.txt").contains("拱税通"));
    let crlf = doc_text(&c, "crlf.txt");
    assert!(!crlf.contains('\r') && crlf.contains("优化注销专窗"));
    let d = c
        .documents
        .iter()
        .find(|d| d.source_file == "gbk.txt")
        .unwrap();
    assert_eq!(d.city.as_ref().unwrap().short, "杭州");
    assert_eq!(d.district.as_ref().unwrap().name, "西湖区");
}

#[test]
fn broken_front_matter_and_dates() {
    let c = build_bad();
    let r = record(&c, "unterminated-front-matter.md");
    assert_eq!(r.status, InputStatus::BuiltWithWarnings);
    assert!(r.messages.iter().any(|m| m.contains("not closed")));
    assert!(doc_text(&c, "unterminated-front-matter.md").contains("增设8台自助办税终端"));
    let r = record(&c, "invalid-yaml.md");
    assert!(r.messages.iter().any(|m| m.contains("invalid YAML")));
    let d = c
        .documents
        .iter()
        .find(|d| d.source_file == "invalid-yaml.md")
        .unwrap();
    assert_eq!(
        d.date.as_deref(),
        Some("2023-04-05"),
        "line-by-line fallback keeps the date"
    );
    for f in ["invalid-date.md", "impossible-date.md"] {
        let d = c.documents.iter().find(|d| d.source_file == f).unwrap();
        assert_eq!(d.date, None, "{f}: never guessed");
        assert!(
            record(&c, f)
                .messages
                .iter()
                .any(|m| m.contains("not a valid date")),
            "{f}"
        );
    }
}

#[test]
fn html_problems() {
    let c = build_bad();
    let r = record(&c, "no-title.html");
    assert!(r.messages.iter().any(|m| m.contains("no title")));
    let t = doc_text(&c, "unclosed.html");
    assert!(t.contains("江北税务驿站") && t.contains("500余户"), "{t}");
    let h = doc_text(&c, "hostile.html");
    for bad in [
        "alert(1)",
        "alert(2)",
        "p{color",
        "evil.example",
        "javascript:",
        "onerror",
        "data:image",
    ] {
        assert!(!h.contains(bad), "{bad} in {h}");
    }
    assert!(h.contains("鄞州区税务局简报"), "{h}");
    // Escaped markup in the source is text and stays text (the app renders it inert).
    assert!(
        h.contains("<script>alert(6)</script>") && h.contains("</textarea>"),
        "{h}"
    );
}

#[test]
fn duplicates_are_reported_once_built_once() {
    let c = build_bad();
    let a = record(&c, "dup-a.txt");
    let b = record(&c, "dup-b.txt");
    assert_eq!(a.status, InputStatus::Built);
    assert_eq!(b.status, InputStatus::Duplicate);
    assert_eq!(b.doc_id, a.doc_id);
    let u = record(&c, "same-gbk.txt");
    let g = record(&c, "same-utf8.txt");
    assert!(
        [u.status, g.status].contains(&InputStatus::Duplicate),
        "the same document in two encodings is one document: {u:?} {g:?}"
    );
    assert_eq!(
        c.documents
            .iter()
            .filter(|d| d.title == "奉化区税务局简报")
            .count(),
        1
    );
}

#[test]
fn unrelated_article_is_built_and_flagged() {
    let c = build_bad();
    let r = record(&c, "unrelated.txt");
    assert_eq!(r.status, InputStatus::BuiltWithWarnings);
    assert!(r.messages.iter().any(|m| m.contains("no initiatives")));
    let d = c
        .documents
        .iter()
        .find(|d| d.source_file == "unrelated.txt")
        .unwrap();
    assert!(d.flags.contains(&"no_initiatives".to_string()));
}

#[test]
fn odd_file_names_work() {
    let c = build_bad();
    let r = record(&c, "file with spaces 税务.txt");
    assert_eq!(r.status, InputStatus::Built);
    let id = r.doc_id.as_ref().unwrap();
    assert!(
        id.starts_with('d') && id.chars().all(|c| c.is_ascii_alphanumeric()),
        "{id}"
    );
}

#[test]
fn deep_nesting_and_large_documents() {
    let deep = format!(
        "<p>国家税务总局宁波市北仑区税务局推出“北仑税e站”。</p>{}深处{}",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let r = corpus::process("deep.html", deep.as_bytes());
    let (ing, _) = r.outcome.expect("deep nesting is fine");
    assert!(ing
        .doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .any(|p| p.contains("深处")));
    // 5 MB of real-looking text: built, and the text is all there.
    let para =
        "国家税务总局杭州市西湖区税务局开设纳税人学堂15次，推出延时服务，办税时长缩短30%。\n";
    let big = format!(
        "西湖区税务局年度材料\n{}",
        para.repeat(5 * 1024 * 1024 / para.len())
    );
    let r = corpus::process("big.txt", big.as_bytes());
    let (ing, ex) = r.outcome.expect("5 MB builds");
    assert!(ing.doc.chars > 1_500_000);
    assert!(ex.metrics.len() > 10_000);
}

#[test]
fn single_line_megabytes_build() {
    // A minified dump: megabytes without a sentence end (its cost: `scale.rs`).
    let unit = "{\"name\":\"“税银互动”平台\",\"summary\":\"推出延时服务，办理3万余户\",\"bureau\":\"国家税务总局杭州市西湖区税务局\"},";
    let text = unit.repeat(2 * 1024 * 1024 / unit.len());
    let r = corpus::process("dump.json", text.as_bytes());
    let (_, ex) = r.outcome.expect("builds");
    assert!(ex.metrics.iter().any(|m| m.raw == "3万余户"));
    let names: Vec<&str> = ex.initiatives.iter().map(|i| i.name.as_str()).collect();
    assert!(names.contains(&"税银互动"), "{names:?}");
    // Keys, the bureau and a quoted clause are not initiatives.
    assert!(
        !names
            .iter()
            .any(|n| n.is_ascii() || n.ends_with("税务局") || n.contains('，')),
        "{names:?}"
    );
    assert!(
        ex.initiatives.iter().all(|i| i.summary.len() <= 700),
        "summaries are windows, not megabytes"
    );
}

/// Every paragraph of every fixture is already clean (a fixed point of `clean`): the fuzzer
/// once found a control character inside `##paidend##` that only a second pass removed
/// (`fuzz-marker-joined-by-control-char.txt`).
#[test]
fn clean_text_is_a_fixed_point_on_every_fixture() {
    let c = build_bad();
    for d in &c.documents {
        for s in &d.sections {
            for p in s.heading.iter().chain(&s.paragraphs) {
                assert_eq!(&corpus::ingest::text::clean(p), p, "{}", d.source_file);
                assert!(!p.contains("##paidend##"), "{}", d.source_file);
            }
        }
    }
}

/// Two folders with the same file name get distinct ids, and a renamed id never lands on
/// the id of another file (here a real `a-2.txt`, which sorts before `a.txt`).
#[test]
fn document_ids_stay_unique_when_file_names_repeat() {
    let text = |n: u32| {
        format!("某某县税务局开设纳税人学堂{n}次\n\n一是设立24小时自助办税厅，全年服务{n}户次。\n")
    };
    let files: Vec<(String, String)> = ["a-2.txt", "a.txt", "sub/a.txt", "sub2/a.txt"]
        .iter()
        .zip(1..)
        .map(|(p, n)| (p.to_string(), text(n)))
        .collect();
    let c = corpus::corpus_of(files.iter().map(|(p, t)| (p.as_str(), t.as_bytes())));
    let ids: Vec<&str> = c.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 4, "{ids:?}");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 4, "document ids must be unique: {ids:?}");
    for d in &c.documents {
        let prefix = format!("{}-i", d.id);
        assert!(
            d.initiative_ids.iter().all(|i| i.starts_with(&prefix)),
            "{:?}",
            d.initiative_ids
        );
    }
    let renamed = record(&c, "sub/a.txt");
    assert!(
        renamed.messages.iter().any(|m| m.contains("already used")),
        "{renamed:?}"
    );
    // The pack writer (which checks every id) accepts them, and an empty input.
    assert!(corpus::pack_of(files.iter().map(|(p, t)| (p.as_str(), t.as_bytes()))).is_ok());
    assert!(corpus::pack_of(std::iter::empty()).is_ok());
}
