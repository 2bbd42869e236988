//! A document's cost grows linearly with its size. Not a timed budget (BENCHMARKS.md keeps the
//! 30 MB row): the time of one size is compared with the time of four times that size, which a
//! quadratic step (every mention against every other, a sort of everything so far per block)
//! turns into sixteen times, and a linear one into about four.

use std::path::PathBuf;

/// One build of `text`, in seconds.
fn build_secs(name: &str, text: &str) -> f64 {
    let started = std::time::Instant::now();
    let r = corpus::process(name, text.as_bytes());
    assert!(r.outcome.is_ok(), "{name} builds");
    started.elapsed().as_secs_f64()
}

fn repeat_to(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len() + 1)
}

/// The fastest of five alternating builds of each size: the other tests of this binary run
/// beside these on the same cores, and alternating lets a busy moment slow both sizes, not
/// only the large one; the fastest run of each is the one least disturbed.
fn assert_linear(name: &str, unit: &str, small: usize) {
    let (small_text, large_text) = (repeat_to(unit, small), repeat_to(unit, 4 * small));
    let (mut a, mut b) = (f64::INFINITY, f64::INFINITY);
    for _ in 0..5 {
        a = a.min(build_secs(name, &small_text));
        b = b.min(build_secs(name, &large_text));
    }
    assert!(
        b < 9.0 * a.max(0.01),
        "{name}: {} KB took {a:.3} s, {} KB took {b:.3} s ({:.1}×; linear is about 4×)",
        small / 1024,
        4 * small / 1024,
        b / a
    );
}

/// A compilation of real-looking documents: every plain-text document of the dev set, one
/// after another (headings, paragraphs, bureau names, quotations, figures), as one file.
#[test]
fn a_compilation_costs_linear_time() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut unit = String::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for p in files {
        // The UTF-8 ones (a few are GBK, which one file cannot mix).
        if let Ok(text) = String::from_utf8(std::fs::read(&p).unwrap()) {
            unit.push_str(&text);
            unit.push_str("\n\n");
        }
    }
    assert!(unit.len() > 100_000, "the dev set's text is there");
    assert_linear("compilation.txt", &unit, 512 * 1024);
}

/// A minified dump: one line of megabytes, the same quoted names and bureaus thousands of
/// times in one paragraph.
#[test]
fn one_line_dump_costs_linear_time() {
    let unit = "{\"name\":\"“税银互动”平台\",\"summary\":\"推出延时服务，办理3万余户\",\"honour\":\"荣获“全国文明单位”\",\"bureau\":\"国家税务总局杭州市西湖区税务局\"},";
    assert_linear("dump.json", unit, 256 * 1024);
}

/// Many short paragraphs, each with a name and a figure: a step that walks everything found
/// so far for each paragraph shows here first.
#[test]
fn many_short_paragraphs_cost_linear_time() {
    assert_linear(
        "short.txt",
        "开通“税银互动”专窗，办理3万余户。\n\n",
        512 * 1024,
    );
}
