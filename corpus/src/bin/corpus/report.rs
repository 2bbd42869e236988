//! The build report: a line per file (built, built with warnings, duplicate, skipped, with
//! the reasons) and a summary that accounts for every file.

use corpus::model::InputStatus;
use corpus::Outcome;
use std::io::Write;

pub fn print(outcome: &Outcome, written: &str, elapsed: std::time::Duration, quiet: bool) {
    let stdout = std::io::stdout();
    let mut w = stdout.lock();
    let inputs = &outcome.inputs;
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
                    let (inits, mets) = outcome
                        .per_document
                        .get(id.as_str())
                        .copied()
                        .unwrap_or_default();
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
    let t = outcome.totals;
    let _ = writeln!(
        w,
        "{} files: {} built, {} built with warnings, {} duplicates, {} skipped → {} ({} documents, {} initiatives, {} metrics, {:.2}s)",
        inputs.len(),
        count(InputStatus::Built),
        count(InputStatus::BuiltWithWarnings),
        count(InputStatus::Duplicate),
        count(InputStatus::Skipped),
        written,
        t.documents,
        t.initiatives,
        t.metrics,
        elapsed.as_secs_f64(),
    );
    let _ = writeln!(w, "content hash {}", outcome.content_hash);
}
