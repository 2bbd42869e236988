//! The build report on stdout (its text is the library's, [`corpus::report::text`], which the
//! browser import also offers for download).

use corpus::Outcome;
use std::io::Write;

pub fn print(outcome: &Outcome, written: &str, elapsed: std::time::Duration, quiet: bool) {
    let text = corpus::report::text(outcome, 0, written, elapsed.as_secs_f64(), quiet);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
