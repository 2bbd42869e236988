//! The input folder: every regular file under it, in the order the corpus lists them, never
//! the build's own outputs, each read with a size limit.

use corpus::FileResult;
use std::path::{Path, PathBuf};

use corpus::build::{refused, too_large, MAX_FILE_BYTES};

/// A file found by [`walk`].
struct Found {
    path: PathBuf,
    /// The entry is a symlink (to a file): its real location may be anywhere.
    symlink: bool,
}

/// All regular files under `dir`, sorted; directory symlinks are not followed (no loops).
fn walk(dir: &Path) -> std::io::Result<Vec<Found>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let entry = entry?;
            let ft = entry.file_type()?;
            if ft.is_dir() {
                stack.push(entry.path());
            } else if ft.is_file() || ft.is_symlink() && entry.path().is_file() {
                out.push(Found {
                    path: entry.path(),
                    symlink: ft.is_symlink(),
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// The files to build, as (path, path relative to `input_dir` with `/` separators), in the
/// order the corpus lists them (by relative path as text, which is not always the walk's
/// order: `a-c` sorts before `a/b`). The corpus JSON and the pack folder are left out when
/// they lie inside `input_dir`, so writing into the folder never feeds a build its own output.
pub fn input_files(
    input_dir: &Path,
    out: Option<&Path>,
    pack: Option<&Path>,
) -> Result<Vec<(PathBuf, String)>, String> {
    let mut found =
        walk(input_dir).map_err(|e| format!("cannot read {}: {e}", input_dir.display()))?;
    // `walk` follows no directory symlink, so a file that is not a symlink itself lies where
    // its path under the canonical input folder says: one `canonicalize` per build, not per
    // file.
    let out_abs = out.and_then(|o| std::fs::canonicalize(o).ok());
    let pack_abs = pack.and_then(|p| std::fs::canonicalize(p).ok());
    if out_abs.is_some() || pack_abs.is_some() {
        let input_abs = std::fs::canonicalize(input_dir)
            .map_err(|e| format!("cannot read {}: {e}", input_dir.display()))?;
        found.retain(|f| {
            let real = if f.symlink {
                std::fs::canonicalize(&f.path).ok()
            } else {
                f.path
                    .strip_prefix(input_dir)
                    .ok()
                    .map(|rel| input_abs.join(rel))
            };
            real.is_none_or(|real| {
                out_abs.as_ref() != Some(&real)
                    && pack_abs.as_ref().is_none_or(|p| !real.starts_with(p))
            })
        });
    }
    let mut files: Vec<(PathBuf, String)> = found
        .into_iter()
        .map(|f| {
            let rel = f
                .path
                .strip_prefix(input_dir)
                .unwrap_or(&f.path)
                .to_string_lossy()
                .replace('\\', "/");
            (f.path, rel)
        })
        .collect();
    files.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(files)
}

/// Reads and processes one file; a file that cannot be read, or is too large, is a skipped
/// result with the reason.
pub fn read_and_process(path: &Path, rel: &str) -> FileResult {
    let skipped = |bytes: u64, msg: String| refused(rel, bytes, msg);
    use std::io::Read;
    // Opened once and sized from the open file.
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return skipped(0, format!("cannot read: {e}")),
    };
    let len = match file.metadata() {
        Ok(m) if m.len() > MAX_FILE_BYTES => return too_large(rel, m.len()),
        Ok(m) => m.len(),
        Err(e) => return skipped(0, format!("cannot read: {e}")),
    };
    // Through `take`, which also bounds a file that grows while it is read.
    let mut bytes = Vec::with_capacity(len as usize + 1);
    match file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        Ok(n) if n as u64 > MAX_FILE_BYTES => too_large(rel, n as u64),
        Ok(_) => corpus::process(rel, &bytes),
        Err(e) => skipped(0, format!("cannot read: {e}")),
    }
}

/// Removes the files of a previous pack build from `dir` (a larger one leaves chunks the new
/// index does not name), creating the folder if needed. The index goes too: a build that
/// fails half-way leaves no index that names chunks of another build.
pub fn clear_pack(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if corpus::pack::is_pack_file(&e.file_name().to_string_lossy()) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}
