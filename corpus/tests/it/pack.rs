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
        "3e8754c17dc37aab027f1ecd44b1a1d67cf666cd6dc45c95563db51caee55502",
    ),
    (
        "corpus JSON",
        "8934be6a4ce28c1820889b01f7aeba94e7ca29a7c11315ef43cd826711fe005e",
    ),
    (
        "doc-0000.json",
        "311cf2766042d4d95d72334872bbe2be27aecde0c862251b0d850d9eaf363496",
    ),
    (
        "index.bin",
        "70ab05c6bdf6dbdc23c4aa2819d723267fe47a45f54f0873ffbc54f9c3ced1d5",
    ),
    (
        "search.bin",
        "20746ccf751898b4321f313565d908ea98e700053d85b38d4ff1d706e98c463d",
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
