//! Runs the corpus library over the raw documents and writes the corpus JSON to OUT_DIR,
//! where `src/data.rs` embeds it with `include_str!`. Works the same for `trunk`,
//! `cargo build` and `cargo test`. Set CORPUS_INPUT_DIR to build with another folder.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!(
            "cargo:warning=cannot read corpus input folder {}",
            dir.display()
        );
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(ft) if ft.is_dir() => collect(&path, root, out),
            Ok(ft) if ft.is_file() => match std::fs::read(&path) {
                Ok(bytes) => {
                    let rel = path
                        .strip_prefix(root)
                        .unwrap_or(&path)
                        .to_string_lossy()
                        .replace('\\', "/");
                    out.push((rel, bytes));
                }
                Err(e) => println!("cargo:warning=cannot read {}: {e}", path.display()),
            },
            _ => {}
        }
    }
}

fn main() {
    println!("cargo:rerun-if-env-changed=CORPUS_INPUT_DIR");
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let input = std::env::var("CORPUS_INPUT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("data/raw"));
    let input = if input.is_absolute() {
        input
    } else {
        manifest.join(input)
    };
    println!("cargo:rerun-if-changed={}", input.display());
    let mut files = Vec::new();
    collect(&input, &input, &mut files);
    files.sort();
    let corpus = corpus::build(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())));
    for i in &corpus.build.inputs {
        if i.status == corpus::InputStatus::Skipped {
            println!(
                "cargo:warning=corpus: skipped {}: {}",
                i.file,
                i.messages.join("; ")
            );
        }
    }
    let json = serde_json::to_string(&corpus).expect("corpus serializes");
    let out =
        PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.json");
    std::fs::write(&out, json).expect("write corpus.json");
}
