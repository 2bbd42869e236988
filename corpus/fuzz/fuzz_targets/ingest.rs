//! Fuzzes the ingest-and-extract entry point with arbitrary bytes under three file names (the
//! extension picks Markdown handling), and checks the invariants the app relies on.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.txt", "fuzz.md", "fuzz.html"] {
        let r = corpus::process(name, data);
        let Ok((ing, ex)) = &r.outcome else { continue };
        let d = &ing.doc;
        for s in &d.sections {
            for p in s.heading.iter().chain(s.paragraphs.iter()) {
                assert_eq!(&corpus::ingest::text::clean(p), p, "clean text is a fixed point");
            }
        }
        for m in &ex.metrics {
            assert_eq!(d.text_at(&m.location), Some(m.raw.as_str()), "metric raw at its span");
        }
        for i in &ex.initiatives {
            assert!(!i.themes.is_empty());
            for l in &i.mentions {
                assert!(d.text_at(l).is_some(), "mention span on character boundaries");
            }
        }
    }
});
