//! The worker's summary ([`ImportSummary`]) as the page shows it: counts by status, a row per
//! file with what became of it and why, and the description of a stored import.

use corpus::model::InputStatus;
use corpus::pack::ImportSummary;
use serde::{Deserialize, Serialize};

/// Whether an import replaces the bundled corpus or is added to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    #[default]
    Replace,
    Add,
}

/// What the page keeps about the imported corpus next to its pack files (the host stores it
/// as JSON and adds the file names).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Stored {
    pub mode: Mode,
    /// Files given to the import.
    pub files: usize,
    /// Documents, initiatives and figures of the whole pack (the bundled ones too when added).
    pub documents: usize,
    pub initiatives: usize,
    pub metrics: usize,
    pub content_hash: String,
    /// When it was imported, `YYYY-MM-DD HH:MM` in the browser's time zone.
    pub created: String,
    /// The pack's files (set by the host).
    #[serde(default)]
    pub names: Vec<String>,
    /// False when the browser could not keep it (no IndexedDB, or full): it lasts until the
    /// page is closed.
    #[serde(default = "yes")]
    pub persistent: bool,
}

fn yes() -> bool {
    true
}

impl Stored {
    pub fn new(mode: Mode, s: &ImportSummary, created: String) -> Stored {
        Stored {
            mode,
            files: s.inputs.len(),
            documents: s.documents,
            initiatives: s.initiatives,
            metrics: s.metrics,
            content_hash: s.content_hash.clone(),
            created,
            names: Vec::new(),
            persistent: true,
        }
    }
}

/// Files by what became of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub built: usize,
    pub warnings: usize,
    pub duplicates: usize,
    pub skipped: usize,
}

impl Counts {
    pub fn of(s: &ImportSummary) -> Counts {
        let mut c = Counts::default();
        for i in &s.inputs {
            match i.status {
                InputStatus::Built => c.built += 1,
                InputStatus::BuiltWithWarnings => c.warnings += 1,
                InputStatus::Duplicate => c.duplicates += 1,
                InputStatus::Skipped => c.skipped += 1,
            }
        }
        c
    }

    /// Files that became documents.
    pub fn documents(&self) -> usize {
        self.built + self.warnings
    }
}

/// The extensions the build step is made for; other text files are read as plain text, as
/// `corpus build` reads them, and the report says so.
pub const EXTENSIONS: [&str; 5] = ["txt", "md", "markdown", "html", "htm"];

fn usual_extension(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .is_some_and(|(_, e)| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub file: String,
    pub status: InputStatus,
    /// Encoding, initiatives and figures of a built file; the document it repeats for a
    /// duplicate.
    pub detail: String,
    /// Warnings or the reason, in the interface language where it is known.
    pub messages: Vec<String>,
}

impl Row {
    pub fn problem(&self) -> bool {
        self.status != InputStatus::Built
    }
}

/// The rows of the report, in the order the files were built (path order).
pub fn rows(s: &ImportSummary, en: bool) -> Vec<Row> {
    s.inputs
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let (ni, nm) = s.counts.get(k).copied().unwrap_or_default();
            let built = matches!(
                i.status,
                InputStatus::Built | InputStatus::BuiltWithWarnings
            );
            let detail = if built {
                let enc = i.encoding.as_deref().unwrap_or("?");
                if en {
                    format!("{enc} · {ni} initiatives · {nm} figures")
                } else {
                    format!("{enc} · {ni} 项举措 · {nm} 个数据")
                }
            } else {
                String::new()
            };
            let mut messages: Vec<String> = i.messages.iter().map(|m| message(m, en)).collect();
            if built && !usual_extension(&i.file) {
                messages.push(
                    if en {
                        "not a .txt, .md or .html file: read as plain text, as corpus build does"
                    } else {
                        "不是 .txt、.md 或 .html 文件：与命令行工具一样按纯文本读取"
                    }
                    .to_string(),
                );
            }
            Row {
                file: i.file.clone(),
                status: i.status,
                detail,
                messages,
            }
        })
        .collect()
}

/// A build message in the interface language: the common ones in Chinese, the rest as the
/// build states them (English, as `corpus build` prints them).
pub fn message(m: &str, en: bool) -> String {
    if en {
        return m.to_string();
    }
    let known: [(&str, &str); 8] = [
        ("empty file", "空文件"),
        ("file contains only whitespace", "文件只有空白字符"),
        (
            "no readable text after removing markup",
            "去除标记后没有可读的文字",
        ),
        (
            "no title found; using the file name",
            "未找到标题，以文件名作标题",
        ),
        (
            "no initiatives found (is this a tax-service document?)",
            "未找到举措（这是纳税服务方面的文档吗？）",
        ),
        ("larger than ", "文件过大，超过 "),
        ("binary file (", "二进制文件，不是文本文档（"),
        ("same content as ", "与以下文档内容相同，未重复添加："),
    ];
    for (en_text, zh) in known {
        if m == en_text {
            return zh.to_string();
        }
        if let Some(rest) = m.strip_prefix(en_text) {
            if en_text.starts_with("larger") {
                let n = rest.trim_end_matches(" bytes");
                return format!("{zh}{n} 字节");
            }
            if en_text.starts_with("binary") {
                let kind = rest.split(')').next().unwrap_or(rest);
                return format!("{zh}{kind}）");
            }
            if en_text.starts_with("same") {
                let id = rest.split(';').next().unwrap_or(rest);
                return format!("{zh}{id}");
            }
        }
    }
    m.to_string()
}

/// The status in the interface language.
pub fn status_label(s: InputStatus, en: bool) -> &'static str {
    match (s, en) {
        (InputStatus::Built, false) => "已导入",
        (InputStatus::Built, true) => "built",
        (InputStatus::BuiltWithWarnings, false) => "已导入（有提示）",
        (InputStatus::BuiltWithWarnings, true) => "built with warnings",
        (InputStatus::Duplicate, false) => "重复",
        (InputStatus::Duplicate, true) => "duplicate",
        (InputStatus::Skipped, false) => "已跳过",
        (InputStatus::Skipped, true) => "skipped",
    }
}

/// The status as the report's data and style key (`built`, `built_with_warnings`, …).
pub fn status_key(s: InputStatus) -> &'static str {
    match s {
        InputStatus::Built => "built",
        InputStatus::BuiltWithWarnings => "built_with_warnings",
        InputStatus::Duplicate => "duplicate",
        InputStatus::Skipped => "skipped",
    }
}

/// A short id for file names: the first 8 hex digits of the content hash.
pub fn short_hash(hash: &str) -> &str {
    &hash[..hash.len().min(8)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus::model::InputRecord;

    fn rec(file: &str, status: InputStatus, messages: &[&str]) -> InputRecord {
        InputRecord {
            file: file.into(),
            status,
            bytes: 10,
            encoding: Some("GBK".into()),
            doc_id: Some("d".into()),
            messages: messages.iter().map(|m| m.to_string()).collect(),
        }
    }

    fn summary() -> ImportSummary {
        ImportSummary {
            inputs: vec![
                rec("a.txt", InputStatus::Built, &[]),
                rec(
                    "b.png",
                    InputStatus::Skipped,
                    &["binary file (png), not a text document"],
                ),
                rec(
                    "c.txt",
                    InputStatus::Duplicate,
                    &["same content as a; not added again"],
                ),
                rec(
                    "d.csv",
                    InputStatus::BuiltWithWarnings,
                    &["no title found; using the file name"],
                ),
            ],
            counts: vec![(3, 2), (0, 0), (0, 0), (1, 0)],
            documents: 2,
            ..Default::default()
        }
    }

    #[test]
    fn counts_and_rows() {
        let s = summary();
        let c = Counts::of(&s);
        assert_eq!(
            c,
            Counts {
                built: 1,
                warnings: 1,
                duplicates: 1,
                skipped: 1
            }
        );
        assert_eq!(c.documents(), 2);
        let r = rows(&s, false);
        assert_eq!(r[0].detail, "GBK · 3 项举措 · 2 个数据");
        assert!(!r[0].problem() && r[1].problem());
        assert_eq!(r[1].messages, vec!["二进制文件，不是文本文档（png）"]);
        assert_eq!(r[2].messages, vec!["与以下文档内容相同，未重复添加：a"]);
        assert_eq!(r[3].messages.len(), 2, "the unusual extension is noted");
        let r = rows(&s, true);
        assert_eq!(
            r[1].messages,
            vec!["binary file (png), not a text document"]
        );
        assert_eq!(r[0].detail, "GBK · 3 initiatives · 2 figures");
    }

    #[test]
    fn messages_in_chinese() {
        assert_eq!(
            message("larger than 67108864 bytes", false),
            "文件过大，超过 67108864 字节"
        );
        assert_eq!(message("empty file", false), "空文件");
        assert_eq!(message("something new", false), "something new");
    }

    #[test]
    fn stored_round_trip() {
        let s = Stored::new(Mode::Add, &summary(), "2026-12-06 10:00".into());
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains("\"mode\":\"add\""));
        let back: Stored = serde_json::from_str(&json).unwrap();
        assert_eq!(back, s);
        // The host adds names; an old record without them still reads.
        let old: Stored = serde_json::from_str(r#"{"mode":"replace","files":1,"documents":1,"initiatives":0,"metrics":0,"content_hash":"ab","created":""}"#).unwrap();
        assert!(old.persistent && old.names.is_empty());
        assert_eq!(short_hash("0123456789"), "01234567");
    }
}
