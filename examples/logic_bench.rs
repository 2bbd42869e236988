//! Times the app's pure logic natively on a pack folder: search, filter + facet counts, sort.
//! Usage: cargo run --release --example logic_bench -- DIST/data
//! (The browser benchmark measures the same steps end to end in wasm, with rendering.)

use std::time::Instant;
use tax_explorer::data::Explorer;
use tax_explorer::filter::{apply, query_match, Facet, Selection, Sort};

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
    let ex = Explorer::from_pack(&files).expect("pack loads");
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
        let t = Instant::now();
        let qm = query_match(&ex, q).unwrap();
        let t1 = t.elapsed();
        let out = apply(&ex, &Selection::default(), Some(&qm), Sort::Relevance);
        let t2 = t.elapsed();
        println!(
            "{q}: match {:.2} ms, apply {:.2} ms, {} results",
            t1.as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            out.results.len()
        );
    }
    let mut sel = Selection::default();
    sel.toggle(Facet::Theme, "digital");
    for sort in [Sort::Relevance, Sort::Date, Sort::Bureau] {
        let t = Instant::now();
        let out = apply(&ex, &sel, None, sort);
        println!(
            "toggle theme, {sort:?}: {:.2} ms, {} results",
            t.elapsed().as_secs_f64() * 1e3,
            out.results.len()
        );
    }
}
