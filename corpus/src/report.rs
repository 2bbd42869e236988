//! The build report as text: a line per file (built, built with warnings, duplicate,
//! skipped, with the reasons) and a summary that accounts for every file. The CLI prints it;
//! the browser import offers it for download.

use crate::build::Outcome;
use crate::model::InputStatus;
use std::fmt::Write;

/// The short name of a status, as the report prints it.
pub fn status_word(s: InputStatus) -> &'static str {
    match s {
        InputStatus::Built => "built",
        InputStatus::BuiltWithWarnings => "built*",
        InputStatus::Duplicate => "duplicate",
        InputStatus::Skipped => "skipped",
    }
}

/// The report of `outcome`'s files from the `from`-th on (the ones before are an earlier
/// build's, see [`crate::Build::add_records`]); `written` says where the output went. The
/// summary counts those files, and the documents of the whole output.
pub fn text(
    outcome: &Outcome,
    from: usize,
    written: &str,
    elapsed_secs: f64,
    quiet: bool,
) -> String {
    let mut w = String::new();
    let inputs = &outcome.inputs[from.min(outcome.inputs.len())..];
    let count = |s: InputStatus| inputs.iter().filter(|i| i.status == s).count();
    if !quiet {
        w.push_str("Build report\n");
        for i in inputs {
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
            let _ = writeln!(w, "  {:<10} {}  {detail}", status_word(i.status), i.file);
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
        elapsed_secs,
    );
    let _ = writeln!(w, "content hash {}", outcome.content_hash);
    w
}
