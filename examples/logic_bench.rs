//! Times the app's pure logic natively on a pack folder: search, filter + facet counts, sort.
//! Usage: cargo run --release --example logic_bench -- DIST/data
//! (The browser benchmark measures the same steps end to end in wasm, with rendering.)

use std::time::Instant;
use tax_explorer::data::Dataset;
use tax_explorer::data::Facet;
use tax_explorer::query::{apply, query_match};
use tax_explorer::state::{Selection, Sort};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: logic_bench PACK_DIR");
    let mut files = Vec::new();
    for e in std::fs::read_dir(&dir).expect("pack folder").flatten() {
        let name = e.file_name().to_string_lossy().to_string();
        files.push((name, std::fs::read(e.path()).expect("read")));
    }
    let t = Instant::now();
    let ds = Dataset::from_pack(&files).expect("pack loads");
    println!("load everything: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let queries = [
        "税",
        "厅",
        "服务",
        "办税",
        "纳税人",
        "办税厅",
        "税务局",
        "绿色通道",
        "税银互动",
    ];
    for q in queries {
        // The first run of each query goes to the page cache and the allocator's fresh pages;
        // the best of a few runs is the figure to compare changes by.
        let (t_match, qm) = best(|| query_match(&ds, q).unwrap());
        let (t_apply, out) = best(|| apply(&ds, &Selection::default(), Some(&qm), Sort::Relevance));
        println!(
            "{q}: match {t_match:.2} ms, apply {t_apply:.2} ms, {} results",
            out.results.len()
        );
    }
    // A theme selection is the one filter decided per initiative, not per document.
    let mut theme = Selection::default();
    theme.toggle(Facet::Theme, "digital");
    for sort in [Sort::Relevance, Sort::Date, Sort::Bureau] {
        let (t, out) = best(|| apply(&ds, &theme, None, sort));
        println!(
            "toggle theme, {sort:?}: {t:.2} ms, {} results",
            out.results.len()
        );
    }
    let qm = query_match(&ds, "服务").unwrap();
    let (t, out) = best(|| apply(&ds, &theme, Some(&qm), Sort::Relevance));
    println!(
        "toggle theme with 服务: {t:.2} ms, {} results",
        out.results.len()
    );
    let mut two = theme.clone();
    two.toggle(Facet::Theme, "credit_finance");
    let (t, out) = best(|| apply(&ds, &two, None, Sort::Relevance));
    println!(
        "toggle two themes: {t:.2} ms, {} results",
        out.results.len()
    );
    if let Some(p) = ds.facet_values[Facet::Province as usize].first() {
        let mut prov = Selection::default();
        prov.toggle(Facet::Province, p);
        let (t, out) = best(|| apply(&ds, &prov, None, Sort::Relevance));
        println!(
            "toggle province, Relevance: {t:.2} ms, {} results",
            out.results.len()
        );
    }
}

/// The best of five runs, in milliseconds, with the last run's result.
fn best<T>(mut f: impl FnMut() -> T) -> (f64, T) {
    let mut ms = f64::MAX;
    let mut out = None;
    for _ in 0..5 {
        let t = Instant::now();
        let r = f();
        ms = ms.min(t.elapsed().as_secs_f64() * 1e3);
        out = Some(r);
    }
    (ms, out.expect("ran at least once"))
}
