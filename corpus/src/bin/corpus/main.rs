//! `corpus build INPUT_DIR [--out FILE.json] [--pack DIR]` and `corpus generate`: the I/O
//! shell around the library's one build path ([`corpus::Build`]). Exit status is non-zero
//! only when nothing could be built, or with `--strict` when any file was skipped, duplicated
//! or built with warnings.

mod eval;
mod generate;
mod report;
mod train;
mod walk;

use clap::{Parser, Subcommand};
use corpus::{Build, BuildOptions, FileResult};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

// The build step makes millions of small allocations (the model's strings); mimalloc serves
// them in fewer instructions than glibc's malloc and keeps the footprint smaller (huge pages
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
    /// Read every file under INPUT_DIR and write one corpus JSON and/or the data pack.
    Build(BuildArgs),
    /// Build DIR in memory and score it against hand-written gold (corpus::eval): initiative and
    /// figure precision and recall, metadata accuracy, per field and per document.
    Eval {
        dir: PathBuf,
        #[arg(long)]
        gold: PathBuf,
        /// Which documents of the gold to score: dev, test or all.
        #[arg(long, default_value = "dev")]
        split: String,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
        /// List every document, not only those with a miss.
        #[arg(long)]
        all: bool,
        /// Exit non-zero when the split misses a target.
        #[arg(long)]
        check: bool,
    },
    /// Fit the initiative scorer to a split of the gold and write its weights (data/scorer.json).
    Train {
        dir: PathBuf,
        #[arg(long)]
        gold: PathBuf,
        #[arg(long, default_value = "dev")]
        split: String,
        #[arg(long, default_value = "corpus/data/scorer.json")]
        out: PathBuf,
        /// L2 regularization.
        #[arg(long, default_value_t = 0.002)]
        l2: f32,
        #[arg(long, default_value_t = 1500)]
        rounds: usize,
        /// Also learn from the seed documents in this folder, labelled by --seed-gold's keys.
        #[arg(long, requires = "seed_gold")]
        seeds: Option<PathBuf>,
        /// The seeds' gold (tests/fixtures/seed-gold.json).
        #[arg(long)]
        seed_gold: Option<PathBuf>,
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

#[derive(clap::Args)]
struct BuildArgs {
    input_dir: PathBuf,
    /// Where to write the corpus JSON.
    #[arg(long, required_unless_present = "pack")]
    out: Option<PathBuf>,
    /// Also (or only) write the explorer's data pack (index, search postings, text and
    /// document chunks) into this folder; see `corpus/src/pack/reader.rs`.
    #[arg(long)]
    pack: Option<PathBuf>,
    /// Fail on any warning, skipped or duplicate file.
    #[arg(long)]
    strict: bool,
    /// Files read and processed in parallel (default: one per core). With more than one,
    /// this thread assembles the documents and writes them out as they come.
    #[arg(long)]
    jobs: Option<usize>,
    /// Indent the JSON.
    #[arg(long)]
    pretty: bool,
    /// Print only the summary, not a line per file. Long builds still report progress on
    /// stderr (from 200 files when it is a terminal, from 5,000 otherwise).
    #[arg(long, short)]
    quiet: bool,
}

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Build(args) => run_build(&args),
        Command::Generate { count, seed, out } => generate::write(count, seed, &out),
        Command::Train {
            dir,
            gold,
            split,
            out,
            l2,
            rounds,
            seeds,
            seed_gold,
        } => train::run(&train::TrainArgs {
            dir: &dir,
            gold: &gold,
            split: &split,
            out: &out,
            l2,
            rounds,
            seeds: seeds.as_deref().zip(seed_gold.as_deref()),
        }),
        Command::Eval {
            dir,
            gold,
            split,
            json,
            all,
            check,
        } => eval::run(&eval::EvalArgs {
            dir: &dir,
            gold: &gold,
            split: &split,
            json,
            all_documents: all,
            check,
        }),
    };
    result.unwrap_or_else(|e| {
        eprintln!("corpus: {e}");
        ExitCode::from(2)
    })
}

/// Files per batch when several workers process them: enough to keep every worker busy, few
/// enough that a batch of documents is a few MB.
const BATCH: usize = 256;

fn run_build(args: &BuildArgs) -> Result<ExitCode, String> {
    let input_dir = args.input_dir.as_path();
    if !input_dir.is_dir() {
        return Err(format!("{} is not a folder", input_dir.display()));
    }
    let files = walk::input_files(input_dir, args.out.as_deref(), args.pack.as_deref())?;
    let total = files.len();
    let workers = args
        .jobs
        .filter(|&j| j > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    // The workers share the cores with this thread, which assembles and writes: it waits for
    // them much of the time, and a core of its own would sit partly idle.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(workers)
        .build()
        .map_err(|e| format!("cannot start workers: {e}"))?;
    let done = AtomicUsize::new(0);
    let show_progress = total >= 200 && std::io::stderr().is_terminal() || total >= 5000;
    let step = (total / 20).max(100);
    let started = std::time::Instant::now();
    let process_one = |(path, rel): &(PathBuf, String)| {
        let result = walk::read_and_process(path, rel);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if show_progress && (n.is_multiple_of(step) || n == total) {
            eprintln!(
                "[corpus] {n}/{total} files ({:.1}s)",
                started.elapsed().as_secs_f64()
            );
        }
        result
    };

    let (mut pack_files, mut pack_bytes) = (0usize, 0usize);
    if let Some(dir) = &args.pack {
        walk::clear_pack(dir)?;
    }
    let pack_dir = args.pack.clone();
    let sink = pack_dir.map(|dir| {
        let (files, bytes) = (&mut pack_files, &mut pack_bytes);
        Box::new(move |name: &str, b: &[u8]| -> Result<(), String> {
            let path = dir.join(name);
            std::fs::write(&path, b)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            *files += 1;
            *bytes += b.len();
            Ok(())
        }) as Box<dyn corpus::pack::PackSink + '_>
    });
    let mut build = Build::new(BuildOptions {
        corpus: args.out.is_some(),
        pack: sink,
    })
    .map_err(|e| e.to_string())?;
    if workers == 1 {
        // `--jobs 1` stays on one core throughout.
        for f in &files {
            build
                .add_processed(process_one(f))
                .map_err(|e| e.to_string())?;
        }
    } else {
        // The workers process one batch while this thread adds the one before; dropping the
        // receiver (an error here) stops them after their batch.
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
                    build.add_processed(r).map_err(|e| e.to_string())?;
                }
            }
            Ok(())
        })?;
    }
    let mut outcome = build.finish().map_err(|e| e.to_string())?;
    let mut written = Vec::new();
    if let (Some(out), Some(corpus)) = (&args.out, outcome.corpus.take()) {
        written.push(write_json(out, &corpus, args.pretty)?);
        // The process ends soon: freeing hundreds of MB of small allocations one by one would
        // only delay the exit.
        std::mem::forget(corpus);
    }
    if let Some(dir) = &args.pack {
        written.push(format!(
            "pack {} ({pack_files} files, {pack_bytes} bytes)",
            dir.display()
        ));
    }
    report::print(&outcome, &written.join(", "), started.elapsed(), args.quiet);
    Ok(if outcome.totals.documents == 0 {
        eprintln!("corpus: nothing could be built");
        ExitCode::FAILURE
    } else if args.strict && !outcome.clean() {
        eprintln!("corpus: --strict: some files were skipped, duplicated or built with warnings");
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes the corpus JSON; returns what the report says about it.
fn write_json(out: &Path, corpus: &corpus::Corpus, pretty: bool) -> Result<String, String> {
    let json = if pretty {
        serde_json::to_string_pretty(corpus)
    } else {
        serde_json::to_string(corpus)
    }
    .map_err(|e| format!("cannot serialize corpus: {e}"))?;
    if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::write(out, json.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    Ok(format!("{} ({} bytes)", out.display(), json.len()))
}
