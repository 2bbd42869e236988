use corpus::model::Corpus;
use std::path::PathBuf;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The seed corpus built from the project's copy of the seeds (`data/raw`).
pub fn seed_corpus() -> Corpus {
    let dir = repo_root().join("data/raw");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("data/raw exists")
        .map(|e| e.expect("entry").path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                std::fs::read(&p).expect("readable"),
            )
        })
        .collect();
    files.sort();
    corpus::build(files.iter().map(|(p, b)| (p.as_str(), b.as_slice())))
}
