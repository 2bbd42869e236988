//! `corpus eval DIR --gold gold.jsonl`: builds DIR in memory and prints how it scores against
//! the gold, per field and per document (the rules are in `corpus::eval`).

use corpus::eval::{read_gold, score, Scores, FIELDS, TARGETS};
use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

pub struct EvalArgs<'a> {
    pub dir: &'a Path,
    pub gold: &'a Path,
    /// `dev`, `test`, or `all`.
    pub split: &'a str,
    pub json: bool,
    /// List every document, not only those with a miss.
    pub all_documents: bool,
    /// Exit non-zero when the split misses a target.
    pub check: bool,
}

pub fn run(a: &EvalArgs) -> Result<ExitCode, String> {
    let text = std::fs::read_to_string(a.gold)
        .map_err(|e| format!("cannot read {}: {e}", a.gold.display()))?;
    let gold = read_gold(&text)?;
    let files = super::walk::input_files(a.dir, None, None)?;
    let mut build = corpus::Build::new(corpus::BuildOptions {
        corpus: true,
        pack: None,
    })
    .map_err(|e| e.to_string())?;
    for (path, rel) in &files {
        build
            .add_processed(super::walk::read_and_process(path, rel))
            .map_err(|e| e.to_string())?;
    }
    let corpus = build
        .finish()
        .map_err(|e| e.to_string())?
        .corpus
        .expect("asked for the corpus");
    let split = (a.split != "all").then_some(a.split);
    let s = score(&corpus, &gold, split);
    let out = if a.json {
        serde_json::to_string_pretty(&s).map_err(|e| e.to_string())? + "\n"
    } else {
        report(&s, a.split, a.all_documents)
    };
    // A closed pipe (`| head`) ends the output, not the program with a panic.
    let mut stdout = std::io::stdout().lock();
    match std::io::Write::write_all(&mut stdout, out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(e.to_string()),
        _ => {}
    }
    let met = s.against(&TARGETS).iter().all(|r| r.3);
    Ok(if a.check && !met {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn pct(x: f64) -> String {
    format!("{:.3}", x)
}

/// The text report: totals, targets, then each document with what it missed or added.
pub fn report(s: &Scores, split: &str, all_documents: bool) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "split {split}: {} documents", s.documents);
    if !s.missing_files.is_empty() {
        let _ = writeln!(o, "not built: {}", s.missing_files.join(", "));
    }
    let i = &s.initiatives;
    let m = &s.metrics;
    let _ = writeln!(
        o,
        "initiatives  P {}  R {}  F1 {}  ({} found, {} gold, {} matched)",
        pct(i.precision()),
        pct(i.recall()),
        pct(i.f1()),
        i.found,
        i.gold,
        i.matched
    );
    let _ = writeln!(
        o,
        "metrics      P {}  R {}  F1 {}  ({} found, {} gold, {} matched)",
        pct(m.precision()),
        pct(m.recall()),
        pct(m.f1()),
        m.found,
        m.gold,
        m.matched
    );
    for (k, f) in FIELDS.iter().take(6).enumerate() {
        let a = s.fields[k];
        let _ = writeln!(
            o,
            "{f:<12} {}  ({} of {} stated; {} guessed where unstated)",
            pct(a.accuracy()),
            a.correct,
            a.stated,
            a.guessed
        );
    }
    let _ = writeln!(o, "targets:");
    for (name, v, t, ok) in s.against(&TARGETS) {
        let _ = writeln!(
            o,
            "  {name:<22} {} (target {}) {}",
            pct(v),
            pct(t),
            if ok { "met" } else { "NOT MET" }
        );
    }
    let _ = writeln!(o, "per document:");
    for d in &s.per_document {
        let clean = d.missed.is_empty()
            && d.extra.is_empty()
            && d.missed_metrics.is_empty()
            && d.extra_metrics.is_empty()
            && d.wrong.is_empty();
        if clean && !all_documents {
            continue;
        }
        let _ = writeln!(
            o,
            "  {}  initiatives {}/{} of {} found · metrics {}/{} of {} found",
            d.file,
            d.initiatives.matched,
            d.initiatives.gold,
            d.initiatives.found,
            d.metrics.matched,
            d.metrics.gold,
            d.metrics.found
        );
        if !d.missed.is_empty() {
            let _ = writeln!(o, "      missed: {}", d.missed.join(" | "));
        }
        if !d.extra.is_empty() {
            let _ = writeln!(o, "      extra:  {}", d.extra.join(" | "));
        }
        if !d.missed_metrics.is_empty() {
            let _ = writeln!(o, "      missed figures: {}", d.missed_metrics.join(" | "));
        }
        if !d.extra_metrics.is_empty() {
            let _ = writeln!(o, "      extra figures:  {}", d.extra_metrics.join(" | "));
        }
        for (f, want, got) in &d.wrong {
            let _ = writeln!(o, "      {f}: gold {want} · got {got}");
        }
    }
    o
}
