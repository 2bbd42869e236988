//! `corpus build <INPUT_DIR> --out <FILE.json>`: the I/O shell around the pure library.
//! Walks the folder, reads and processes files in parallel, prints a report that accounts for
//! every file, writes the JSON. Exit status is non-zero only when nothing could be built, or
//! with `--strict` when any file was skipped, duplicated or built with warnings.

use clap::{Parser, Subcommand};
use corpus::assemble::{Accepted, Assembler, Collected};
use corpus::model::{Initiative, InputRecord, InputStatus, Metric};
use corpus::pack::PackWriter;
use corpus::FileResult;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Files larger than this are reported and skipped: no tax article is 64 MB of text.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

// The build step makes millions of small allocations (the model's strings); mimalloc serves
// them in fewer instructions than glibc's malloc and keeps the footprint a third smaller, and
// every new page costs a kernel page fault (measured: ARCHITECTURE.md, "Sixth round"; huge pages
// are off, see corpus/Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "corpus",
    version,
    about = "Build the tax-service initiatives corpus from raw documents"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read every file under INPUT_DIR and write one corpus JSON.
    Build {
        input_dir: PathBuf,
        /// Where to write the corpus JSON.
        #[arg(long, required_unless_present = "pack")]
        out: Option<PathBuf>,
        /// Also (or only) write the explorer's data pack (index, search postings, text and
        /// document chunks) into this folder; see `corpus/src/pack.rs`.
        #[arg(long)]
        pack: Option<PathBuf>,
        /// Fail on any warning, skipped or duplicate file.
        #[arg(long)]
        strict: bool,
        /// Files read and processed in parallel (default: one per core). With more than one,
        /// a further thread assembles the documents and writes them out as they come.
        #[arg(long)]
        jobs: Option<usize>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// Print only the summary, not a line per file. Long builds still report progress on
        /// stderr (from 200 files when it is a terminal, from 5,000 otherwise).
        #[arg(long, short)]
        quiet: bool,
    },
    /// Write COUNT synthetic raw documents (deterministic for a seed) for benchmarks.
    Generate {
        #[arg(long)]
        count: usize,
        #[arg(long, default_value_t = 20261122)]
        seed: u64,
        #[arg(long)]
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            input_dir,
            out,
            pack,
            strict,
            jobs,
            pretty,
            quiet,
        } => match run_build(
            &input_dir,
            out.as_deref(),
            pack.as_deref(),
            strict,
            jobs,
            pretty,
            quiet,
        ) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("corpus: {e}");
                ExitCode::from(2)
            }
        },
        Command::Generate { count, seed, out } => {
            let files = corpus::generate::generate(count, seed);
            let mut bytes = 0;
            for f in &files {
                let path = out.join(&f.name);
                if let Err(e) =
                    std::fs::create_dir_all(&out).and_then(|_| std::fs::write(&path, &f.bytes))
                {
                    eprintln!("corpus: cannot write {}: {e}", path.display());
                    return ExitCode::from(2);
                }
                bytes += f.bytes.len();
            }
            println!(
                "{} documents, {bytes} bytes → {}",
                files.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
    }
}

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

fn run_build(
    input_dir: &Path,
    out: Option<&Path>,
    pack: Option<&Path>,
    strict: bool,
    jobs: Option<usize>,
    pretty: bool,
    quiet: bool,
) -> Result<ExitCode, String> {
    if !input_dir.is_dir() {
        return Err(format!("{} is not a folder", input_dir.display()));
    }
    let mut found =
        walk(input_dir).map_err(|e| format!("cannot read {}: {e}", input_dir.display()))?;
    // Writing the corpus into the folder it is built from must not feed it back in next time.
    // `walk` follows no directory symlink, so a file that is not a symlink itself lies where
    // its path under the canonical input folder says: one `canonicalize` per build, not per
    // file (each walks every component of the path; 2 % of a 10,000-file build).
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
    // In the order the corpus lists them (by relative path as text, which is not always the
    // walk's order: `a-c` sorts before `a/b`), since documents are assembled as they come.
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
    let total = files.len();
    let workers = jobs
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // With more than one worker, this thread assembles and writes the pack while the workers
    // process files. Processing is about two thirds of a build, so the writer waits much of
    // the time: given a core of its own (N - 1 workers), that core sat a third idle, and a 10k
    // build on two cores took a median 4.06 s against 3.71 s with N workers sharing the cores.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()
        .map_err(|e| format!("cannot start workers: {e}"))?;
    let done = AtomicUsize::new(0);
    let show_progress = total >= 200 && std::io::stderr().is_terminal() || total >= 5000;
    let step = (total / 20).max(100);
    let started = std::time::Instant::now();
    let process_one = |(path, rel): &(PathBuf, String)| {
        let result = read_and_process(path, rel);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if show_progress && (n.is_multiple_of(step) || n == total) {
            eprintln!(
                "[corpus] {n}/{total} files ({:.1}s)",
                started.elapsed().as_secs_f64()
            );
        }
        result
    };

    // Each file is assembled and written into the pack as soon as it is processed, so the
    // build holds one batch of documents, not the corpus: only `--out` keeps them all.
    let (mut pack_files, mut pack_bytes) = (0, 0);
    let mut write_file = |dir: &Path, name: &str, b: &[u8]| -> Result<(), String> {
        let path = dir.join(name);
        std::fs::write(&path, b).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        pack_files += 1;
        pack_bytes += b.len();
        Ok(())
    };
    let mut sink = |name: &str, b: &[u8]| match pack {
        Some(dir) => write_file(dir, name, b),
        None => Ok(()),
    };
    if let Some(dir) = pack {
        clear_pack(dir)?;
    }
    let mut writer = match pack {
        Some(_) => Some(
            PackWriter::new(
                corpus::assemble::generator(),
                corpus::assemble::vocab_themes(),
                &mut sink,
            )
            .map_err(|e| format!("cannot pack corpus: {e}"))?,
        ),
        None => None,
    };
    let mut assembler = Assembler::default();
    let mut collected = out.map(|_| Collected::with_capacity(total, 0, 0));
    let mut tally = Tally::default();
    let mut absorb = |r: FileResult| -> Result<(), String> {
        let Some(a) = assembler.add(r) else {
            return Ok(());
        };
        tally.add(&a, !quiet);
        if let Some(w) = writer.as_mut() {
            let inits: Vec<&Initiative> = a.initiatives.iter().collect();
            let mets: Vec<&Metric> = a.metrics.iter().collect();
            w.add(&a.document, &inits, &mets)
                .map_err(|e| format!("cannot pack corpus: {e}"))?;
        }
        if let Some(c) = collected.as_mut() {
            c.push(a);
        }
        Ok(())
    };
    if workers == 1 {
        // `--jobs 1` stays on one core throughout.
        for f in &files {
            absorb(process_one(f))?;
        }
    } else {
        // The workers process one batch while this thread assembles and writes the one
        // before; dropping the receiver (an error here) stops them after their batch.
        std::thread::scope(|s| -> Result<(), String> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<FileResult>>(1);
            let (files, pool, process_one) = (&files, &pool, &process_one);
            s.spawn(move || {
                for batch in files.chunks(BATCH) {
                    let results = pool.install(|| batch.par_iter().map(process_one).collect());
                    if tx.send(results).is_err() {
                        break;
                    }
                }
            });
            for results in rx {
                for r in results {
                    absorb(r)?;
                }
            }
            Ok(())
        })?;
    }
    let t_process = started.elapsed();
    let rss_process = rss_mb();

    let mut written = Vec::new();
    let mut content_hash = String::new();
    if let Some(w) = writer {
        content_hash = w
            .finish(None, "")
            .map_err(|e| format!("cannot pack corpus: {e}"))?;
    }
    if let Some(dir) = pack {
        written.push(format!(
            "pack {} ({pack_files} files, {pack_bytes} bytes)",
            dir.display()
        ));
    }
    let inputs = assembler.inputs;
    let clean = inputs.iter().all(|i| i.status == InputStatus::Built);
    if let (Some(out), Some(collected)) = (out, collected) {
        let mut corpus = collected.finish(inputs.clone());
        corpus.build.content_hash = if pack.is_some() {
            content_hash.clone()
        } else {
            corpus::pack::content_hash(&corpus).map_err(|e| format!("cannot hash corpus: {e}"))?
        };
        content_hash = corpus.build.content_hash.clone();
        let json = if pretty {
            serde_json::to_string_pretty(&corpus)
        } else {
            serde_json::to_string(&corpus)
        }
        .map_err(|e| format!("cannot serialize corpus: {e}"))?;
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(out, json.as_bytes())
            .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
        written.insert(0, format!("{} ({} bytes)", out.display(), json.len()));
        // The process ends soon: freeing hundreds of MB of small allocations one by one would
        // only delay the exit (about 4 % of a 10,000-document build).
        std::mem::forget(corpus);
    }
    if std::env::var_os("CORPUS_TIMINGS").is_some() {
        let total = started.elapsed();
        eprintln!(
            "[corpus] read+extract+pack {:.2}s · finish {:.2}s (resident after each: {rss_process} / {} MB)",
            t_process.as_secs_f64(),
            (total - t_process).as_secs_f64(),
            rss_mb()
        );
    }
    let built = tally.documents;
    print_report(
        &inputs,
        &tally,
        &content_hash,
        &written.join(", "),
        started.elapsed(),
        quiet,
    );
    Ok(if built == 0 {
        eprintln!("corpus: nothing could be built");
        ExitCode::FAILURE
    } else if strict && !clean {
        eprintln!("corpus: --strict: some files were skipped, duplicated or built with warnings");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Files per batch when several workers process them: enough to keep every worker busy, few
/// enough that a batch of documents is a few MB.
const BATCH: usize = 256;

/// What the report says about the documents built.
#[derive(Default)]
struct Tally {
    documents: usize,
    initiatives: usize,
    metrics: usize,
    /// Per document id, its initiatives and figures (for the line per file).
    per_doc: FxHashMap<String, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, a: &Accepted, per_doc: bool) {
        self.documents += 1;
        self.initiatives += a.initiatives.len();
        self.metrics += a.metrics.len();
        if per_doc {
            self.per_doc.insert(
                a.document.id.clone(),
                (a.initiatives.len(), a.metrics.len()),
            );
        }
    }
}

/// Removes the files of a previous pack build from `dir` (a larger one leaves chunks the new
/// index does not name), creating the folder if needed.
fn clear_pack(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().to_string();
            // The index too: a build that fails half-way leaves no index that names chunks
            // of another build.
            let ours = (name.starts_with("text-") && name.ends_with(".bin"))
                || (name.starts_with("doc-") && name.ends_with(".json"))
                || name == "index.bin"
                || name == "search.bin";
            if ours {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
    Ok(())
}

/// Resident memory in MB (Linux; 0 elsewhere), for the phase timings.
fn rss_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?;
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        })
        .map_or(0, |kb| kb / 1024)
}

fn read_and_process(path: &Path, rel: &str) -> FileResult {
    let skipped = |bytes: u64, msg: String| FileResult {
        path: rel.to_string(),
        bytes,
        outcome: Err(corpus::ingest::IngestError::Unreadable(msg)),
    };
    use std::io::Read;
    // Opened once and sized from the open file: a separate `metadata(path)` looked the path
    // up a second time.
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return skipped(0, format!("cannot read: {e}")),
    };
    let len = match file.metadata() {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return skipped(m.len(), format!("larger than {MAX_FILE_BYTES} bytes"))
        }
        Ok(m) => m.len(),
        Err(e) => return skipped(0, format!("cannot read: {e}")),
    };
    // Through `take`, which also bounds a file that grows while it is read; `File`'s own
    // `read_to_end` would ask the file for its size and position again (two more syscalls).
    let mut bytes = Vec::with_capacity(len as usize + 1);
    match file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes) {
        Ok(n) if n as u64 > MAX_FILE_BYTES => {
            skipped(n as u64, format!("larger than {MAX_FILE_BYTES} bytes"))
        }
        Ok(_) => corpus::process(rel, &bytes),
        Err(e) => skipped(0, format!("cannot read: {e}")),
    }
}

fn print_report(
    inputs: &[InputRecord],
    tally: &Tally,
    content_hash: &str,
    written: &str,
    elapsed: std::time::Duration,
    quiet: bool,
) {
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    let count = |s: InputStatus| inputs.iter().filter(|i| i.status == s).count();
    if !quiet {
        let _ = writeln!(w, "Build report");
        for i in inputs {
            let status = match i.status {
                InputStatus::Built => "built",
                InputStatus::BuiltWithWarnings => "built*",
                InputStatus::Duplicate => "duplicate",
                InputStatus::Skipped => "skipped",
            };
            let detail = match (&i.doc_id, i.status) {
                (Some(id), InputStatus::Built | InputStatus::BuiltWithWarnings) => {
                    let (inits, mets) = tally.per_doc.get(id.as_str()).copied().unwrap_or_default();
                    format!(
                        "{} · {inits} initiatives · {mets} metrics",
                        i.encoding.as_deref().unwrap_or("?")
                    )
                }
                _ => String::new(),
            };
            let _ = writeln!(w, "  {status:<10} {}  {detail}", i.file);
            for m in &i.messages {
                let _ = writeln!(w, "  {:<10}   ↳ {m}", "");
            }
        }
    }
    let _ = writeln!(
        w,
        "{} files: {} built, {} built with warnings, {} duplicates, {} skipped → {} ({} documents, {} initiatives, {} metrics, {:.2}s)",
        inputs.len(),
        count(InputStatus::Built),
        count(InputStatus::BuiltWithWarnings),
        count(InputStatus::Duplicate),
        count(InputStatus::Skipped),
        written,
        tally.documents,
        tally.initiatives,
        tally.metrics,
        elapsed.as_secs_f64(),
    );
    let _ = writeln!(w, "content hash {content_hash}");
}
