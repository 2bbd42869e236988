//! What the browser import needs of the build path: a pack's documents taken in again as they
//! were built (adding files to a bundled corpus), the corpus JSON read back from a pack, and
//! the report text.

use crate::util::seed_files;
use corpus::build::{corpus_from_pack, too_large, Build, BuildError, BuildOptions, PackFiles};
use corpus::model::InputStatus;
use corpus::pack::{self, BuildReport};

fn get<'a>(files: &'a PackFiles, name: &str) -> &'a [u8] {
    &files.iter().find(|(n, _)| n == name).unwrap().1
}

/// The documents of a pack, in order, from its document chunks.
fn details(files: &PackFiles) -> Vec<pack::DocDetail> {
    let mut names: Vec<&String> = files
        .iter()
        .map(|(n, _)| n)
        .filter(|n| n.starts_with("doc-"))
        .collect();
    names.sort();
    names
        .into_iter()
        .flat_map(|n| pack::decode_details(get(files, n)).unwrap())
        .collect()
}

/// New files: one new document, a copy of a seed under another name (a duplicate), a file
/// whose name gives a seed's id (a clash), and an image (skipped); all sorting after the seeds.
fn new_files() -> Vec<(String, Vec<u8>)> {
    let seeds = seed_files();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        (
            "zz/a-new.txt".into(),
            "某县税务局开设纳税人学堂12场，推出“银税互动”贷款3亿元。"
                .as_bytes()
                .to_vec(),
        ),
        ("zz/copy.txt".into(), seeds[1].1.clone()),
        (
            format!("zz/{}", seeds[0].0),
            format!("{}\n另有补充。", String::from_utf8_lossy(&seeds[2].1)).into_bytes(),
        ),
        (
            "zz/logo.png".into(),
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        ),
    ];
    files.sort();
    files
}

fn build_merged(base: &PackFiles, files: &[(String, Vec<u8>)]) -> (PackFiles, usize) {
    let report: BuildReport = serde_json::from_slice(get(base, pack::REPORT_FILE)).unwrap();
    let from = report.inputs.len();
    let mut out: PackFiles = Vec::new();
    {
        let mut b = Build::new(BuildOptions {
            corpus: false,
            pack: Some(Box::new(|name: &str, bytes: &[u8]| {
                out.push((name.to_string(), bytes.to_vec()));
                Ok(())
            })),
        })
        .unwrap();
        b.add_records(report.inputs);
        for d in details(base) {
            b.add_built(d).unwrap();
        }
        for (p, bytes) in files {
            b.add(p, bytes).unwrap();
        }
        b.finish().unwrap();
    }
    (out, from)
}

/// Adding files to a built pack gives, byte for byte, the pack of one build over the earlier
/// files followed by the new ones: the same ids, duplicates and canonical groups.
#[test]
fn adding_to_a_pack_is_one_build_of_both() {
    let seeds = seed_files();
    let extra = new_files();
    let (_, base) = corpus::pack_of(seeds.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
    let (merged, from) = build_merged(&base, &extra);
    let (_, union) = corpus::pack_of(
        seeds
            .iter()
            .chain(extra.iter())
            .map(|(p, b)| (p.as_str(), b.as_slice())),
    )
    .unwrap();
    let (mut merged, mut union) = (merged, union);
    merged.sort();
    union.sort();
    assert_eq!(
        merged.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        union.iter().map(|(n, _)| n).collect::<Vec<_>>()
    );
    for ((n, a), (_, b)) in merged.iter().zip(&union) {
        assert!(a == b, "{n} differs");
    }
    // What became of the new files.
    let report: BuildReport = serde_json::from_slice(get(&merged, pack::REPORT_FILE)).unwrap();
    let statuses: Vec<InputStatus> = report.inputs[from..].iter().map(|i| i.status).collect();
    assert_eq!(
        statuses,
        vec![
            InputStatus::BuiltWithWarnings,
            InputStatus::BuiltWithWarnings,
            InputStatus::Duplicate,
            InputStatus::Skipped
        ]
    );
    let clash = &report.inputs[from];
    assert_eq!(
        clash.doc_id.as_deref(),
        Some(&*format!("{}-2", seeds[0].0.trim_end_matches(".txt")))
    );
}

#[test]
fn earlier_documents_come_first() {
    let seeds = seed_files();
    let (_, base) = corpus::pack_of(seeds.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
    let mut b = Build::new(BuildOptions {
        corpus: false,
        pack: None,
    })
    .unwrap();
    b.add(&seeds[0].0, &seeds[0].1).unwrap();
    let d = details(&base).remove(1);
    assert_eq!(b.add_built(d).unwrap_err(), BuildError::BuiltAfterFiles);
}

/// The corpus JSON read back from a pack is the JSON the build itself makes.
#[test]
fn the_corpus_of_a_pack_is_the_builds() {
    let mut files = seed_files();
    files.extend(new_files());
    let (corpus, pack) =
        corpus::pack_of(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
    let report: BuildReport = serde_json::from_slice(get(&pack, pack::REPORT_FILE)).unwrap();
    let back = corpus_from_pack(report, details(&pack));
    assert_eq!(
        serde_json::to_string(&back).unwrap(),
        serde_json::to_string(&corpus).unwrap()
    );
}

/// The report lists every file of this build (not the earlier build's) with its status and
/// reason, and a summary that counts them.
#[test]
fn the_report_text() {
    let seeds = seed_files();
    let mut b = Build::new(BuildOptions {
        corpus: false,
        pack: None,
    })
    .unwrap();
    b.add_records(vec![corpus::model::InputRecord {
        file: "earlier.txt".into(),
        status: InputStatus::Built,
        bytes: 1,
        encoding: None,
        doc_id: None,
        messages: vec![],
    }]);
    b.add(&seeds[0].0, &seeds[0].1).unwrap();
    b.add("big.txt", b"").unwrap();
    b.add_processed(too_large("huge.txt", 70 << 20)).unwrap();
    let outcome = b.finish().unwrap();
    let text = corpus::report::text(&outcome, 1, "memory", 0.5, false);
    assert!(!text.contains("earlier.txt"), "{text}");
    assert!(
        text.contains(&format!("built      {}  UTF-8 · ", seeds[0].0)),
        "{text}"
    );
    assert!(text.contains("skipped    huge.txt"), "{text}");
    assert!(text.contains("↳ larger than 67108864 bytes"), "{text}");
    assert!(text.contains("3 files: 1 built, 0 built with warnings, 0 duplicates, 2 skipped → memory (1 documents,"), "{text}");
}
