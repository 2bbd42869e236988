//! Properties over generated input: normalizing twice changes nothing, every span lies on
//! character boundaries, every metric's raw text is found at its span, nothing panics.

use corpus::ingest::text::clean;
use proptest::prelude::*;

/// Text that looks like the real thing: Chinese service vocabulary, numbers with units,
/// quotes, ASCII punctuation, markup fragments, whitespace oddities and control characters.
fn pieces() -> impl Strategy<Value = String> {
    let atoms = prop_oneof![
        Just("国家税务总局成都市锦江区税务局".to_string()),
        Just("“锦税e家”".to_string()),
        Just("《纳税人诉求响应管理办法》".to_string()),
        Just("开设纳税人学堂".to_string()),
        Just("特殊群体绿色通道".to_string()),
        Just("一是".to_string()),
        Just("。".to_string()),
        Just("，".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<strong>".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("&nbsp;".to_string()),
        Just("---\n".to_string()),
        Just("title: 标题\n".to_string()),
        Just("\u{3000}".to_string()),
        Just("\u{202E}".to_string()),
        Just("Ｅ站".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("##paidend##".to_string()),
        (
            1u32..100_000,
            prop_oneof![
                Just("%"),
                Just("万元"),
                Just("亿元"),
                Just("余户"),
                Just("个"),
                Just("人次")
            ]
        )
            .prop_map(|(n, u)| format!("{n}{u}")),
        (1u32..1000, 0u32..100).prop_map(|(a, b)| format!("近{a}.{b}万余通")),
        "\\PC{0,6}",
    ];
    proptest::collection::vec(atoms, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn clean_is_idempotent(s in "\\PC{0,80}|[ \\t\\n\\u{3000}\\u{202A}-\\u{202E}\",;:!?a-zＡ-Ｚ０-９税务局“”]{0,40}") {
        let once = clean(&s);
        prop_assert_eq!(clean(&once), once);
    }

    #[test]
    fn documents_keep_their_invariants(body in pieces(), ext in prop_oneof![Just("txt"), Just("md"), Just("html")]) {
        let r = corpus::process(&format!("p.{ext}"), body.as_bytes());
        if let Ok((ing, ex)) = r.outcome {
            let d = &ing.doc;
            for s in &d.sections {
                for p in s.heading.iter().chain(s.paragraphs.iter()) {
                    prop_assert_eq!(&clean(p), p);
                    prop_assert!(!p.contains("<script"));
                }
            }
            for m in &ex.metrics {
                prop_assert_eq!(d.text_at(&m.location), Some(m.raw.as_str()));
                let block = d.block_at(m.location.section, m.location.paragraph).unwrap();
                prop_assert!(block.is_char_boundary(m.location.start) && block.is_char_boundary(m.location.end));
            }
            for i in &ex.initiatives {
                prop_assert!(!i.themes.is_empty());
                for l in &i.mentions {
                    prop_assert!(d.text_at(l).is_some());
                }
            }
            for r in &ex.recognitions {
                prop_assert!(d.text_at(&r.location).is_some());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = corpus::process("x.txt", &bytes);
        let _ = corpus::process("x.html", &bytes);
    }
}
