//! Picked or dropped files → the paths the build sees, in the order it needs them.
//!
//! A folder chosen or dropped arrives as `folder/a.txt`, `folder/sub/b.md`; `corpus build
//! folder` names the same files `a.txt`, `sub/b.md`, so a top folder that every file shares is
//! left out, and the import builds the corpus the CLI builds from that folder. Loose files keep
//! their names. Separators become `/`; the build wants the files sorted by path.

/// One file to build: where it is in the list the page holds, the path the build gives it,
/// and its size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub index: usize,
    pub path: String,
    pub size: u64,
}

/// A path as picked (`webkitRelativePath`, a dropped entry's path, or a file name) with `/`
/// separators and no leading `./` or `/`.
fn normalize(p: &str) -> String {
    let p = p.replace('\\', "/");
    let mut s = p.as_str();
    loop {
        if let Some(r) = s.strip_prefix("./") {
            s = r;
        } else if let Some(r) = s.strip_prefix('/') {
            s = r;
        } else {
            break;
        }
    }
    s.to_string()
}

/// The files (as picked: path, size) in build order with their build paths.
pub fn plan(files: &[(String, u64)]) -> Vec<Planned> {
    let paths: Vec<String> = files.iter().map(|(p, _)| normalize(p)).collect();
    // The top folder every file is in, if there is one.
    let top = paths
        .first()
        .and_then(|p| p.split_once('/'))
        .map(|(t, _)| format!("{t}/"))
        .filter(|t| {
            paths
                .iter()
                .all(|p| p.starts_with(t.as_str()) && p.len() > t.len())
        });
    let mut out: Vec<Planned> = paths
        .into_iter()
        .zip(files)
        .enumerate()
        .map(|(index, (p, (_, size)))| Planned {
            index,
            path: match &top {
                Some(t) => p[t.len()..].to_string(),
                None => p,
            },
            size: *size,
        })
        .collect();
    // Stable: two files with one path (dropped from two places) keep the order they came in;
    // the build gives the second document another id.
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Total bytes of a plan.
pub fn total_bytes(plan: &[Planned]) -> u64 {
    plan.iter().map(|p| p.size).sum()
}

/// A size for people: `812 B`, `3.4 KB`, `12.0 MB`.
pub fn human_bytes(n: u64) -> String {
    const KB: f64 = 1024.0;
    let f = n as f64;
    if f < KB {
        format!("{n} B")
    } else if f < KB * KB {
        format!("{:.1} KB", f / KB)
    } else if f < KB * KB * KB {
        format!("{:.1} MB", f / KB / KB)
    } else {
        format!("{:.2} GB", f / KB / KB / KB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(files: &[(&str, u64)]) -> Vec<String> {
        let owned: Vec<(String, u64)> = files.iter().map(|(p, s)| (p.to_string(), *s)).collect();
        plan(&owned).into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn a_chosen_folder_is_named_as_the_cli_names_it() {
        assert_eq!(
            paths(&[("docs/b.txt", 1), ("docs/sub/a.md", 1), ("docs/a-c.txt", 1)]),
            vec!["a-c.txt", "b.txt", "sub/a.md"]
        );
    }

    #[test]
    fn loose_files_and_mixed_folders_keep_their_paths() {
        assert_eq!(paths(&[("b.txt", 1), ("a.txt", 1)]), vec!["a.txt", "b.txt"]);
        assert_eq!(
            paths(&[("x/a.txt", 1), ("y/a.txt", 1)]),
            vec!["x/a.txt", "y/a.txt"]
        );
        // A file named like the folder is not inside it.
        assert_eq!(
            paths(&[("docs/a.txt", 1), ("docs", 1)]),
            vec!["docs", "docs/a.txt"]
        );
    }

    #[test]
    fn separators_and_leading_dots() {
        assert_eq!(
            paths(&[("C:\\x\\a.txt", 1), ("D:\\b.txt", 1)]),
            vec!["C:/x/a.txt", "D:/b.txt"]
        );
        assert_eq!(
            paths(&[("./d/a.txt", 1), ("/d/b.txt", 1)]),
            vec!["a.txt", "b.txt"]
        );
    }

    #[test]
    fn order_indices_and_sizes() {
        let files = vec![
            ("f/b".to_string(), 5),
            ("f/a".to_string(), 7),
            ("f/a".to_string(), 9),
        ];
        let p = plan(&files);
        assert_eq!(
            p.iter().map(|x| (x.index, x.size)).collect::<Vec<_>>(),
            vec![(1, 7), (2, 9), (0, 5)]
        );
        assert_eq!(total_bytes(&p), 21);
        assert!(plan(&[]).is_empty());
    }

    #[test]
    fn sizes_for_people() {
        assert_eq!(human_bytes(812), "812 B");
        assert_eq!(human_bytes(3500), "3.4 KB");
        assert_eq!(human_bytes(5 << 20), "5.0 MB");
    }
}
