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
        "2dc545a61ad479cb973aa0435bbd1207203adb038ad12567eca51ca542e129b8",
    ),
    (
        "corpus JSON",
        "8e5a5e0c76fd377e34d23d2f52effb0183f00b5449b0b71893141e75c099fc1c",
    ),
    (
        "doc-0000.json",
        "d14c991f68f2dc9421a2ae90815b61ff708228f9b6a0859817de82ed2d06ce6e",
    ),
    (
        "index.bin",
        "b00e76796910235dab29f78fdf15d9e059b2b49ae85e46f6efdad7a0a1c6a77b",
    ),
    (
        "search.bin",
        "654fb8178b43a11f7eace98b0e097c7e2c0b815040cfd1a74e3d0523fb1adde8",
    ),
    (
        "text-0000.bin",
        "8e4a195560a3cf3eb41155ab059f60e4a86bc72274f17ceb7dcaf7db87f45c4e",
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
