//! Per-phase timings of the build step on one core, without file I/O, for comparing changes:
//! `cargo run --profile native -p corpus --example phases -- DIR [ROUNDS]`.
//!
//! Every file under DIR is read into memory first; each round then runs ingest, extraction,
//! assembly and packing (into memory) and the fastest round of each phase is printed. The
//! end-to-end figure in BENCHMARKS.md (`scripts/bench.sh`) stays the one that counts; this is
//! the quieter instrument for telling a 5 % change from the noise of whole runs.

use std::time::{Duration, Instant};

fn files(dir: &std::path::Path, out: &mut Vec<(String, Vec<u8>)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable folder")
        .flatten()
        .collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if let Ok(b) = std::fs::read(&p) {
            out.push((p.to_string_lossy().into_owned(), b));
        }
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().expect("usage: phases DIR [ROUNDS]");
    let rounds: usize = args
        .next()
        .map_or(3, |r| r.parse().expect("ROUNDS is a number"));
    let mut input = Vec::new();
    files(std::path::Path::new(&dir), &mut input);
    let bytes: usize = input.iter().map(|(_, b)| b.len()).sum();
    let mut best = [Duration::MAX; 4];
    for _ in 0..rounds {
        let t = Instant::now();
        let ingested: Vec<_> = input
            .iter()
            .map(|(p, b)| corpus::ingest::ingest(p, b))
            .collect();
        let t_ingest = t.elapsed();
        let t = Instant::now();
        let results: Vec<_> = ingested
            .into_iter()
            .zip(&input)
            .map(|(ing, (p, b))| corpus::FileResult {
                path: p.clone(),
                bytes: b.len() as u64,
                outcome: ing.map(|ing| {
                    let ex = corpus::extract::extract(&ing.doc);
                    (ing, ex)
                }),
            })
            .collect();
        let t_extract = t.elapsed();
        let t = Instant::now();
        let corpus = corpus::assemble::assemble_unhashed(results);
        let t_assemble = t.elapsed();
        let t = Instant::now();
        let mut written = 0;
        corpus::pack::pack_into(&corpus, &mut |_, b| {
            written += b.len();
            Ok(())
        })
        .expect("pack");
        let t_pack = t.elapsed();
        std::mem::forget(corpus);
        for (b, t) in best
            .iter_mut()
            .zip([t_ingest, t_extract, t_assemble, t_pack])
        {
            *b = (*b).min(t);
        }
        eprintln!(
            "round: ingest {:.3}s · extract {:.3}s · assemble {:.3}s · pack {:.3}s ({written} bytes)",
            t_ingest.as_secs_f64(),
            t_extract.as_secs_f64(),
            t_assemble.as_secs_f64(),
            t_pack.as_secs_f64()
        );
    }
    let total: f64 = best.iter().map(Duration::as_secs_f64).sum();
    println!(
        "{} files, {:.2} MB · best of {rounds}: ingest {:.3}s · extract {:.3}s · assemble {:.3}s · pack {:.3}s · total {total:.3}s = {:.1} MB/s",
        input.len(),
        bytes as f64 / 1e6,
        best[0].as_secs_f64(),
        best[1].as_secs_f64(),
        best[2].as_secs_f64(),
        best[3].as_secs_f64(),
        bytes as f64 / 1e6 / total
    );
}

// The same allocator as the `corpus` CLI, so the phases measure what the build step runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
