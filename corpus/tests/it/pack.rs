//! The build path and the data pack it writes: pinned seed output, a failing sink, the order
//! files must come in.

use crate::util::seed_files;
use corpus::build::{Build, BuildError, BuildOptions};
use corpus::pack::PackError;

fn sha256(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The seed corpus JSON and every pack file, byte for byte. A change of structure must not
/// move these; a change of what is extracted does, and then the new values go here with it
/// (the failure message prints them).
#[test]
fn seed_outputs_are_pinned() {
    let files = seed_files();
    let (corpus, pack) =
        corpus::pack_of(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
    let mut got: Vec<(String, String)> = vec![
        ("content hash".into(), corpus.build.content_hash.clone()),
        (
            "corpus JSON".into(),
            sha256(&serde_json::to_vec(&corpus).unwrap()),
        ),
    ];
    let mut pack = pack;
    pack.sort();
    got.extend(pack.iter().map(|(n, b)| (n.clone(), sha256(b))));
    let want: Vec<(String, String)> = PINNED
        .iter()
        .map(|(n, h)| (n.to_string(), h.to_string()))
        .collect();
    assert!(
        got == want,
        "seed output changed; if intended, pin:\n{}",
        got.iter()
            .map(|(n, h)| format!("    (\"{n}\", \"{h}\"),"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

const PINNED: &[(&str, &str)] = &[
    (
        "content hash",
        "b9c537a7c6f2e71e48f15ec3d35e211458896759750ea7a581de3ef6cb9c9e4d",
    ),
    (
        "corpus JSON",
        "389e8dcb9288270df896092006ba688bd2ed27354315e843f59b89e1c2bf2dc6",
    ),
    (
        "doc-0000.json",
        "b2f33627c59f773bc9cbb59cf85f34dd25dbbe8777f4dcec54995b7c032e5a0f",
    ),
    (
        "index.bin",
        "ea43838b05f10b6df4b1b2253627e4ddbdc27501a14b2ee3451d2a857ed9683b",
    ),
    (
        "report.json",
        "6e3775fe441f2f09f52303cbcb57075adb239a9ca12b86325d9d7bab673b8ff2",
    ),
    (
        "search.bin",
        "dc5f593ba5a5701e55fa6408916ef882161a52f08628f6356efff706b7482c16",
    ),
    (
        "text-0000.bin",
        "c5846f4758eca67df348b97e13d455a3cebbd1b1372b4de861d296605d2fd956",
    ),
];

/// A sink that fails stops the pack with its error, and the index (which names every other
/// file) is never written after a failure.
#[test]
fn pack_stops_at_a_failing_sink() {
    let mut seen = Vec::new();
    let mut b = Build::new(BuildOptions {
        corpus: false,
        pack: Some(Box::new(|name: &str, _: &[u8]| {
            seen.push(name.to_string());
            if name.starts_with("doc-") {
                Err(format!("disk full at {name}"))
            } else {
                Ok(())
            }
        })),
    })
    .unwrap();
    let result = (|| {
        for (p, bytes) in &seed_files() {
            b.add(p, bytes)?;
        }
        b.finish().map(|_| ())
    })();
    assert_eq!(
        result.unwrap_err(),
        BuildError::Pack(PackError::Sink("disk full at doc-0000.json".into()))
    );
    assert!(!seen.iter().any(|n| n == "index.bin"), "{seen:?}");
}

/// Files come in path order; one out of order is refused, not silently misplaced.
#[test]
fn files_out_of_order_are_refused() {
    let mut b = Build::new(BuildOptions {
        corpus: true,
        pack: None,
    })
    .unwrap();
    b.add("b.txt", "某县税务局开设纳税人学堂。".as_bytes())
        .unwrap();
    assert!(matches!(
        b.add("a.txt", "某县税务局推出延时服务。".as_bytes()),
        Err(BuildError::OutOfOrder { .. })
    ));
}

/// Each initiative's passage in `index.bin` is its sentence (its summary) in the folded text
/// of its document, and `report.json` accounts for every input file.
#[test]
fn passages_and_the_build_report() {
    let files = seed_files();
    let (corpus, pack) =
        corpus::pack_of(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
    let get = |name: &str| &pack.iter().find(|(n, _)| n == name).unwrap().1;
    let ix = corpus::pack::IndexPack::decode(get("index.bin")).unwrap();
    let texts = corpus::pack::decode_texts(get("text-0000.bin")).unwrap();
    assert_eq!(ix.init_pass_start.len(), corpus.initiatives.len());
    let mut checked = 0;
    for (d, doc) in ix.meta.documents.iter().enumerate() {
        let rows = ix.doc_first_init[d] as usize..ix.doc_first_init[d + 1] as usize;
        for r in rows {
            let i = &corpus.initiatives[r];
            assert_eq!(i.doc_id, doc.id);
            let (s, e) = ix.passage(r);
            let passage = &texts[d][s..e];
            assert_eq!(passage, corpus::fold::fold(&i.summary), "{}", i.id);
            assert!(passage.contains(&corpus::fold::fold(&i.name)), "{}", i.id);
            checked += 1;
        }
    }
    assert!(checked > 50, "{checked}");
    let report: corpus::pack::BuildReport = serde_json::from_slice(get("report.json")).unwrap();
    assert_eq!(report.inputs.len(), files.len());
    assert_eq!(report.content_hash, corpus.build.content_hash);
}
