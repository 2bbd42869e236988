//! Bytes → text. Real collections mix UTF-8 (with or without BOM), UTF-16 and GBK/GB18030;
//! a stray PNG or an empty file must be reported, not guessed at.

use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Empty,
    WhitespaceOnly,
    Binary(&'static str),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Empty => write!(f, "empty file"),
            DecodeError::WhitespaceOnly => write!(f, "file contains only whitespace"),
            DecodeError::Binary(kind) => write!(f, "binary file ({kind}), not a text document"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `GBK`, `GB18030` …
    pub encoding: String,
    /// True when malformed sequences had to be replaced.
    pub had_errors: bool,
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "OLE document"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media"),
];

/// Decodes a file's bytes and normalizes line endings to `\n`.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.is_empty() {
        return Err(DecodeError::Empty);
    }
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(DecodeError::Binary(kind));
        }
    }
    let (text, encoding, had_errors) =
        if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
            let (cow, errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            (cow.into_owned(), format!("{} (BOM)", enc.name()), errors)
        } else if looks_like_utf16(bytes) {
            let enc = if utf16_le_guess(bytes) {
                encoding_rs::UTF_16LE
            } else {
                encoding_rs::UTF_16BE
            };
            let (cow, errors) = enc.decode_without_bom_handling(bytes);
            (cow.into_owned(), enc.name().to_string(), errors)
        } else if let Ok(s) = std::str::from_utf8(bytes) {
            (s.to_string(), "UTF-8".to_string(), false)
        } else {
            let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            det.feed(bytes, true);
            // Chinese documents: allow the detector to pick GBK; encoding_rs decodes "GBK" as
            // GB18030, which is a superset, so four-byte GB18030 sequences survive too.
            let enc = det.guess(Some(b"cn"), chardetng::Utf8Detection::Allow);
            let (cow, _, errors) = enc.decode(bytes);
            let name = if enc == encoding_rs::GBK {
                "GBK/GB18030".to_string()
            } else {
                enc.name().to_string()
            };
            (cow.into_owned(), name, errors)
        };
    if text.as_bytes().contains(&0) {
        return Err(DecodeError::Binary("contains NUL bytes"));
    }
    let controls = controls(&text);
    if controls > 0 && controls * 20 > text.chars().count().max(1) {
        return Err(DecodeError::Binary("mostly control characters"));
    }
    let text = normalize_newlines(&text).into_owned();
    if text.trim().is_empty() {
        return Err(DecodeError::WhitespaceOnly);
    }
    Ok(Decoded {
        text,
        encoding,
        had_errors,
    })
}

/// Control characters other than the usual whitespace (`\n`, `\r`, `\t`, form feed).
/// Counted on bytes, in one pass: the C0 controls and DEL are single bytes, the C1 controls
/// (U+0080–U+009F) are 0xC2 then 0x80–0x9F in UTF-8. Every file passes through here, so
/// the character count is only taken when there are controls at all.
fn controls(text: &str) -> usize {
    let b = text.as_bytes();
    // A branch-free count over bytes, which the compiler vectorizes.
    let c0 = b
        .iter()
        .filter(|&&c| (c < 0x20 && !matches!(c, b'\n' | b'\r' | b'\t' | b'\x0c')) || c == 0x7f)
        .count();
    // 0xC2 also leads common characters (· is U+00B7, the no-break space is U+00A0): only
    // the byte after each 0xC2 is looked at, not every pair of the text.
    let c1 = memchr::memchr_iter(0xc2, b)
        .filter(|&i| b.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
        .count();
    c0 + c1
}

fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if s.contains('\r') {
        Cow::Owned(s.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(s)
    }
}

/// UTF-16 without a BOM: many NUL bytes at even or odd positions.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.len() < 4 || !bytes.len().is_multiple_of(2) {
        return false;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros = sample.iter().filter(|&&b| b == 0).count();
    zeros * 5 > sample.len()
}

fn utf16_le_guess(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(4096)];
    let odd_zeros = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let even_zeros = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    odd_zeros >= even_zeros
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn control_count_is_a_char_count(s in "(\\PC|\\pC|[\u{80}-\u{a0}\u{7f}\n\r\t\x0c]){0,40}") {
            let by_char = s
                .chars()
                .filter(|&c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c'))
                .count();
            proptest::prop_assert_eq!(controls(&s), by_char);
        }
    }

    #[test]
    fn utf8_plain_and_bom_and_crlf() {
        let d = decode("标题\r\n正文".as_bytes()).unwrap();
        assert_eq!(d.text, "标题\n正文");
        assert_eq!(d.encoding, "UTF-8");
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("税务".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.text, "税务");
        assert!(d.encoding.contains("BOM"));
    }

    #[test]
    fn gbk_and_gb18030() {
        let src = "国家税务总局成都市锦江区税务局开设纳税人学堂。";
        let (gbk, _, _) = encoding_rs::GBK.encode(src);
        let d = decode(&gbk).unwrap();
        assert_eq!(d.text, src);
        assert!(d.encoding.starts_with("GBK"));
        // A character outside GBK needs GB18030's four-byte form.
        let src4 = "税务局服务𠀀企业，纳税人满意度持续提升。";
        let (gb18030, _, _) = encoding_rs::GB18030.encode(src4);
        let d = decode(&gb18030).unwrap();
        assert_eq!(d.text, src4);
    }

    #[test]
    fn utf16_with_and_without_bom() {
        let src = "办税服务厅";
        let mut le: Vec<u8> = vec![0xFF, 0xFE];
        for u in src.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&le).unwrap().text, src);
        let mut be: Vec<u8> = Vec::new();
        for u in "abc税务".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().text, "abc税务");
    }

    #[test]
    fn rejects_empty_whitespace_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t \r\n"), Err(DecodeError::WhitespaceOnly));
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0IHDR"),
            Err(DecodeError::Binary(_))
        ));
        assert!(matches!(
            decode(&[1u8, 2, 3, 0, 5, 6, 7, 8, 0, 1, 2, 3]),
            Err(DecodeError::Binary(_))
        ));
    }
}
