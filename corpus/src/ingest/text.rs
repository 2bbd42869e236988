//! Clean-text rules shared by every format: fold fullwidth Latin letters and digits,
//! normalize whitespace, turn ASCII punctuation inside Chinese text into Chinese punctuation,
//! drop invisible and bidi-control characters and paywall markers.
//! `clean` is idempotent: cleaning clean text changes nothing (a property test checks it).

pub fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3007)
}

/// Chinese punctuation and the closing quotes that may follow a Han character.
fn is_cjk_punct(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '”'
            | '’'
            | '）'
            | '》'
            | '」'
            | '』'
            | '…'
            | '—'
    )
}

fn fold_char(c: char) -> Option<char> {
    match c {
        // Most characters of a document: unchanged, with no Unicode table lookups.
        '\u{4E00}'..='\u{9FFF}' | '，' | '。' => Some(c),
        // Fullwidth digits and Latin letters → ASCII.
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0),
        // Invisible characters and bidi controls: dropped (they can disguise text).
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => None,
        c if c.is_whitespace() => Some(' '),
        c if c.is_control() => None,
        c => Some(c),
    }
}

/// Normalizes one block of text (a paragraph, a heading, a title).
pub fn clean(s: &str) -> String {
    // Removing one thing can join the pieces of another (`##paidend\u{1}##` loses its control
    // character and becomes a marker), so repeat until nothing changes: the result is a fixed
    // point, which ingest and the fuzzer rely on. Every change but punctuation folding (stable
    // after one pass) shortens the text, so this ends; the bound is only a guard.
    let mut cur = clean_once(s);
    // Text that one pass leaves unchanged is already the fixed point (most paragraphs of a
    // page are): no confirming second pass.
    if cur == s {
        return cur;
    }
    for _ in 0..64 {
        let next = clean_once(&cur);
        if next == cur {
            break;
        }
        cur = next;
    }
    cur
}

fn clean_once(s: &str) -> String {
    let stripped;
    let s = if s.contains(['#', '{']) {
        stripped = strip_markers(s);
        stripped.as_str()
    } else {
        s
    };
    let out = fold_spaces(s);
    let trimmed = out.trim();
    // Most text has no ASCII punctuation to convert: no second copy then.
    if !trimmed.contains([',', ';', ':', '!', '?', '"']) {
        if trimmed.len() == out.len() {
            return out;
        }
        return trimmed.to_string();
    }
    ascii_punct_to_chinese(trimmed)
}

/// `fold_char` over `s`, with runs of spaces collapsed to one (and none at the start).
/// Characters that `fold_char` keeps as they are (Han, ，。 and ASCII graphic: nearly all of
/// a document) are copied as whole runs of bytes rather than decoded and pushed one by one.
fn fold_spaces(s: &str) -> String {
    let plain = |c: char| matches!(c, '\u{4E00}'..='\u{9FFF}' | '，' | '。' | '!'..='~');
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    // Start of the run of plain characters not yet copied.
    let mut run = 0;
    for (i, c) in s.char_indices() {
        if plain(c) {
            continue;
        }
        if run < i {
            out.push_str(&s[run..i]);
            last_space = false;
        }
        run = i + c.len_utf8();
        match fold_char(c) {
            None => {}
            Some(' ') => {
                if !last_space {
                    out.push(' ');
                }
                last_space = true;
            }
            Some(f) => {
                out.push(f);
                last_space = false;
            }
        }
    }
    out.push_str(&s[run..]);
    out
}

/// Removes paywall and template markers such as `##paidend##` or `{{ page.title }}`.
fn strip_markers(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    loop {
        let next_hash = rest.find("##");
        let next_tpl = rest.find("{{");
        let (pos, is_hash) = match (next_hash, next_tpl) {
            (None, None) => break,
            (Some(h), None) => (h, true),
            (None, Some(t)) => (t, false),
            (Some(h), Some(t)) => {
                if h < t {
                    (h, true)
                } else {
                    (t, false)
                }
            }
        };
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 2..];
        if is_hash {
            let word_len = after
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                .count();
            if word_len > 0 && after[word_len..].starts_with("##") {
                rest = &after[word_len + 2..];
                continue;
            }
            out.push_str("##");
            rest = after;
        } else if let Some(end) = after.find("}}").filter(|&e| e <= 200) {
            rest = &after[end + 2..];
        } else {
            out.push_str("{{");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `,` `;` `:` `!` `?` right after a Han character become their Chinese forms; straight double
/// quotes in a text with Han characters become paired “ ”.
fn ascii_punct_to_chinese(s: &str) -> String {
    let has_han = s.chars().any(is_han);
    if !has_han {
        return s.to_string();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + 8);
    let mut open_quote = false;
    for (i, &c) in chars.iter().enumerate() {
        // The previous character as already written (a straight quote may have become ”).
        let prev = out.chars().next_back();
        let prev_cn = prev.is_some_and(|p| is_han(p) || is_cjk_punct(p));
        let next = chars.get(i + 1).copied();
        let next_is_digit = next.is_some_and(|n| n.is_ascii_digit());
        let mapped = match c {
            ',' if prev_cn => '，',
            ';' if prev_cn => '；',
            ':' if prev_cn && !next_is_digit => '：',
            '!' if prev_cn => '！',
            '?' if prev_cn => '？',
            '"' => {
                open_quote = !open_quote;
                if open_quote {
                    '“'
                } else {
                    '”'
                }
            }
            c => c,
        };
        out.push(mapped);
    }
    // An unpaired straight quote was not a quotation: leave it as typed.
    if open_quote {
        if let Some(pos) = out.rfind('“') {
            out.replace_range(pos..pos + '“'.len_utf8(), "\"");
        }
    }
    out
}

/// Sentence ranges (byte offsets) in a paragraph: split after 。！？；!? and a following
/// closing quote, so a quoted exclamation stays with its sentence.
pub fn sentences(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    let mut depth: i32 = 0;
    while let Some((i, c)) = iter.next() {
        match c {
            '“' | '《' | '「' => depth += 1,
            '”' | '》' | '」' => depth = (depth - 1).max(0),
            _ => {}
        }
        if matches!(c, '。' | '！' | '？' | '；' | '!' | '?') && depth == 0 {
            let mut end = i + c.len_utf8();
            while let Some(&(j, n)) = iter.peek() {
                if matches!(n, '”' | '’' | '」' | '）') {
                    end = j + n.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            if s[start..end].trim().chars().count() > 1 {
                out.push((start, end));
            }
            start = end;
        }
    }
    if start < s.len() && !s[start..].trim().is_empty() {
        out.push((start, s.len()));
    }
    if out.is_empty() && !s.is_empty() {
        out.push((0, s.len()));
    }
    out
}

/// Ends like a sentence (so a short line ending this way is not a heading).
pub fn ends_with_sentence_punct(s: &str) -> bool {
    s.trim_end().ends_with([
        '。', '！', '？', '；', '：', '!', '?', ';', ':', '，', ',', '、',
    ])
}

pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// Chinese numeral to integer for small counts (一 … 九十九, 两, 百, 千).
pub fn chinese_number(s: &str) -> Option<u64> {
    let digit = |c: char| -> Option<u64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let mut total = 0u64;
    let mut current = 0u64;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = digit(c) {
            current = d;
        } else {
            let mult = match c {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => return None,
            };
            total += if current == 0 { 1 } else { current } * mult;
            current = 0;
        }
    }
    any.then_some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_fullwidth_and_whitespace() {
        assert_eq!(
            clean("  税费服务“Ｅ站”\u{3000}１２３６６ \n 热线 "),
            "税费服务“E站” 12366 热线"
        );
    }

    #[test]
    fn strips_markers_and_bidi() {
        assert_eq!(clean("谢谢。##paidend##"), "谢谢。");
        // Found by the fuzzer: a control character inside a marker.
        let joined = clean("谢谢。##paidend\u{1}##人学堂");
        assert_eq!(joined, "谢谢。人学堂");
        assert_eq!(clean(&joined), joined);
        assert_eq!(clean("a\u{202E}b{{ page.title }}c"), "abc");
        assert_eq!(clean("C# ## notes"), "C# ## notes");
    }

    #[test]
    fn ascii_punctuation_in_chinese() {
        assert_eq!(
            clean("完善纳税人学堂建设,开展培训"),
            "完善纳税人学堂建设，开展培训"
        );
        assert_eq!(
            clean("建立\"手机存放箱制度\",上班时间"),
            "建立“手机存放箱制度”，上班时间"
        );
        assert_eq!(clean("时间 09:59:51"), "时间 09:59:51");
        assert_eq!(clean("a, b"), "a, b");
    }

    proptest::proptest! {
        /// The run-copying `fold_spaces` equals folding and pushing character by character.
        #[test]
        fn fold_spaces_is_per_char_folding(
            s in "\\PC{0,60}|[ \t\n\u{3000}\u{200B}\u{202A}\u{00AD}\u{1}!~a-zＡ-Ｚ０-９税务，。“é]{0,40}"
        ) {
            let mut want = String::new();
            let mut last_space = true;
            for c in s.chars().filter_map(fold_char) {
                if c == ' ' {
                    if !last_space {
                        want.push(' ');
                    }
                    last_space = true;
                } else {
                    want.push(c);
                    last_space = false;
                }
            }
            proptest::prop_assert_eq!(fold_spaces(&s), want);
        }
    }

    #[test]
    fn clean_is_idempotent_on_examples() {
        for s in ["“５A式”服务, 好!", "  a  b  ", "税\"务", "##x## y"] {
            let once = clean(s);
            assert_eq!(clean(&once), once);
        }
    }

    #[test]
    fn splits_sentences_keeping_quotes() {
        let s = "他说：“太快了！”我们很高兴。第二句";
        let parts: Vec<&str> = sentences(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(parts, vec!["他说：“太快了！”我们很高兴。", "第二句"]);
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("三"), Some(3));
        assert_eq!(chinese_number("两"), Some(2));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("一百零五"), Some(105));
        assert_eq!(chinese_number("x"), None);
    }
}
