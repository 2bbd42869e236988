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
        "20b19bfe5b2a24c29e0f5dbe528c94c2c403ac19c1ca06e0a747c27fe02ab80d",
    ),
    (
        "corpus JSON",
        "7dd683b3a859d5346240b4fae8ebb8a6810f54c8bb63ff0bcd91ac70a0099e6e",
    ),
    (
        "doc-0000.json",
        "d3a4630724ef948dce1d21d5bb9e93909f94bc72c7fe2bb5e06dc4f15430e3d0",
    ),
    (
        "index.bin",
        "e4f6d0e0ceb57cc226b171f6c0727ce75f7d06b1fbdfbee01cc8a92745ddaabf",
    ),
    (
        "search.bin",
        "4a529b54b6e0228b64d788306b8f5bad071bce156349ac88bed83f47b2473c67",
    ),
    (
        "text-0000.bin",
        "ea90fdaf559e44b82144d5a77aadbdf8b1f1a64dadbefc1fc2cc99166ec7e62c",
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
