//! The `corpus` command line: the report accounts for every file, exit codes, the pack it
//! writes (the library's, replacing an earlier build), its own outputs never read back, and
//! the same bytes whatever the number of workers.

use crate::util::{cli, fixtures, read_dir, repo_root, temp_dir};
use corpus::model::Corpus;

#[test]
fn cli_reports_every_file_and_exit_codes() {
    let dir = temp_dir("cli");
    std::fs::create_dir_all(dir.join("many")).unwrap();
    for (name, bytes) in read_dir(&fixtures()) {
        std::fs::write(dir.join(&name), bytes).unwrap();
    }
    // 10,000 tiny files.
    for i in 0..10_000 {
        std::fs::write(
            dir.join("many").join(format!("t{i:05}.txt")),
            format!("简报{i}\n第{i}号：某某税务局推出延时服务。\n"),
        )
        .unwrap();
    }
    // The output inside the input folder: the CLI must not read it back as a document.
    let out = dir.join("out.json");
    let run = |strict: bool| {
        let mut args = vec![
            "build".into(),
            dir.clone().into_os_string(),
            "--out".into(),
            out.clone().into_os_string(),
        ];
        if strict {
            args.push("--strict".into());
        }
        cli(args)
    };
    let o = run(false);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    for line in [
        "skipped    empty.txt",
        "skipped    image.png",
        "duplicate  dup-b.txt",
        "file with spaces 税务.txt",
    ] {
        assert!(stdout.contains(line), "report lacks {line:?}");
    }
    let c: Corpus = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(c.build.inputs.len(), 10_000 + read_dir(&fixtures()).len());
    assert!(!c.build.inputs.iter().any(|i| i.file == "out.json"));
    let first = std::fs::read(&out).unwrap();
    assert!(run(false).status.success());
    assert_eq!(
        std::fs::read(&out).unwrap(),
        first,
        "byte-identical rebuild"
    );
    assert!(!run(true).status.success(), "--strict fails on warnings");
    // Nothing buildable: non-zero exit.
    let empty = dir.join("nothing");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join("a.png"), b"\x89PNG\r\n\x1a\n0000").unwrap();
    let o = cli([
        "build".into(),
        empty.into_os_string(),
        "--out".into(),
        dir.join("e.json").into_os_string(),
    ]);
    assert!(!o.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--pack` writes the library's pack ([`corpus::pack_of`]), the same content hash as
/// `--out`, and nothing is left of an earlier build in the folder (a stale chunk or index
/// would name documents this build does not have); files that are not the pack's stay.
#[test]
fn cli_pack_is_the_librarys_and_replaces_an_earlier_build() {
    let dir = temp_dir("cli-pack");
    let pack_dir = dir.join("pack");
    std::fs::create_dir_all(&pack_dir).unwrap();
    std::fs::write(pack_dir.join("doc-9999.json"), b"[]").unwrap();
    std::fs::write(pack_dir.join("text-9999.bin"), b"stale").unwrap();
    std::fs::write(pack_dir.join("index.bin"), b"stale").unwrap();
    std::fs::write(pack_dir.join("notes.txt"), b"not ours").unwrap();
    let o = cli([
        "build".into(),
        repo_root().join("data/raw").into_os_string(),
        "--pack".into(),
        pack_dir.clone().into_os_string(),
        "--out".into(),
        dir.join("corpus.json").into_os_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let seeds = crate::util::seed_files();
    let (corpus, mut expected) =
        corpus::pack_of(seeds.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
    expected.push(("notes.txt".into(), b"not ours".to_vec()));
    expected.sort();
    assert!(read_dir(&pack_dir) == expected, "the CLI's pack differs");
    let json = std::fs::read(dir.join("corpus.json")).unwrap();
    assert_eq!(json, serde_json::to_vec(&corpus).unwrap());
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(report.contains(&corpus.build.content_hash), "{report}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The build's own outputs inside its input folder are never read back as documents: not the
/// pack folder, not the corpus JSON, not a symlink to it, not when the paths are spelled with
/// `..` or the input is reached through a symlinked folder. (The CLI decides this without
/// resolving every file's path; this pins that shortcut to the slow answer.)
#[cfg(unix)]
#[test]
fn cli_never_reads_its_own_outputs() {
    let dir = temp_dir("own");
    let input = dir.join("in");
    std::fs::create_dir_all(input.join("sub")).unwrap();
    let (name, bytes) = read_dir(&fixtures())
        .into_iter()
        .find(|(n, _)| n.ends_with(".txt") && n != "empty.txt")
        .unwrap();
    std::fs::write(input.join(&name), bytes).unwrap();
    std::os::unix::fs::symlink(&input, dir.join("via")).unwrap();
    std::os::unix::fs::symlink(input.join("out.json"), input.join("sub").join("link.json"))
        .unwrap();
    for _ in 0..2 {
        let o = cli([
            "build".into(),
            dir.join("via").into_os_string(),
            "--out".into(),
            input
                .join("sub")
                .join("..")
                .join("out.json")
                .into_os_string(),
            "--pack".into(),
            input.join("pack").into_os_string(),
            "--quiet".into(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let c: Corpus =
        serde_json::from_slice(&std::fs::read(input.join("out.json")).unwrap()).unwrap();
    let files: Vec<&str> = c.build.inputs.iter().map(|i| i.file.as_str()).collect();
    assert_eq!(files, [name.as_str()], "only the document is an input");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The CLI writes the same pack whatever the number of workers, over more files than one
/// batch, in corpus order (by relative path as text: `a-c/…` before `a/…`), and it is the
/// library's pack of those files.
#[test]
fn cli_pack_is_the_same_with_any_number_of_workers() {
    let dir = temp_dir("jobs");
    let generated = dir.join("generated");
    let o = cli([
        "generate".into(),
        "--count".into(),
        "600".into(),
        "--seed".into(),
        "11".into(),
        "--out".into(),
        generated.clone().into_os_string(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let input = dir.join("in");
    let mut files = Vec::new();
    for (name, bytes) in read_dir(&generated) {
        // Two folders whose names sort differently as paths and as text.
        let sub = if name.len() % 2 == 0 { "a" } else { "a-c" };
        std::fs::create_dir_all(input.join(sub)).unwrap();
        std::fs::write(input.join(sub).join(&name), &bytes).unwrap();
        files.push((format!("{sub}/{name}"), bytes));
    }
    let (_, mut expected) =
        corpus::pack_of(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
    expected.sort();
    for jobs in ["1", "2", "3"] {
        let pack = dir.join(format!("pack-{jobs}"));
        let o = cli([
            "build".into(),
            "--quiet".into(),
            "--jobs".into(),
            jobs.into(),
            "--pack".into(),
            pack.clone().into_os_string(),
            input.clone().into_os_string(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            read_dir(&pack) == expected,
            "--jobs {jobs}: the pack differs from the library's"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}
