//! Native tests of the app's pure logic on the embedded seed corpus (one test binary).

mod charts;
mod filtering;
mod searching;
mod urls;

use std::sync::OnceLock;
use tax_explorer::data::Explorer;

pub fn ex() -> &'static Explorer {
    static EX: OnceLock<Explorer> = OnceLock::new();
    EX.get_or_init(|| Explorer::embedded().expect("embedded corpus parses"))
}
