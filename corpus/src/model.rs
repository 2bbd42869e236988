//! The corpus data model: what the build step writes and the explorer reads.
//!
//! Everything here is plain data with serde derives, so the app can depend on this
//! module alone (`default-features = false`) without pulling the ingest machinery
//! into the wasm bundle. SCHEMA.md documents the JSON form with an example.

use serde::{Deserialize, Serialize};

/// Bumped whenever a field changes meaning or disappears. Adding optional fields is not a bump.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema_version: u32,
    pub build: BuildInfo,
    pub themes: Vec<Theme>,
    pub documents: Vec<Document>,
    pub initiatives: Vec<Initiative>,
    pub metrics: Vec<Metric>,
    pub canonical: Vec<CanonicalInitiative>,
    pub regions: Vec<RegionNode>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BuildInfo {
    /// `corpus <version>`; no timestamps so that two builds are byte-identical.
    pub generator: String,
    /// SHA-256 (hex) of the serialized documents, initiatives and metrics.
    pub content_hash: String,
    /// One record per input file, in path order: nothing is dropped silently.
    pub inputs: Vec<InputRecord>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputStatus {
    Built,
    BuiltWithWarnings,
    Duplicate,
    Skipped,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputRecord {
    pub file: String,
    pub status: InputStatus,
    pub bytes: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_id: Option<String>,
    /// Warnings for built files; the reason for skipped or duplicate ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub id: String,
    pub zh: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// Number of initiatives carrying this theme.
    #[serde(default)]
    pub count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    News,
    Speech,
    Report,
    Other,
}

impl DocKind {
    pub const ALL: [DocKind; 4] = [
        DocKind::News,
        DocKind::Speech,
        DocKind::Report,
        DocKind::Other,
    ];
    pub fn id(self) -> &'static str {
        match self {
            DocKind::News => "news",
            DocKind::Speech => "speech",
            DocKind::Report => "report",
            DocKind::Other => "other",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            DocKind::News => "新闻报道",
            DocKind::Speech => "讲话发言",
            DocKind::Report => "工作材料",
            DocKind::Other => "其他",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            DocKind::News => "News",
            DocKind::Speech => "Speech",
            DocKind::Report => "Report",
            DocKind::Other => "Other",
        }
    }
}

/// Where a metadata value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    /// Front matter of the file.
    FrontMatter,
    /// Stated in the body as metadata (a time element, a 来源 line, an h1).
    Body,
    /// Stated in the bureau's own name.
    Bureau,
    /// Inferred from a mention in the running text; not stated as metadata.
    Inferred,
    /// The first line of a plain-text document.
    FirstLine,
    /// Mapped from a feed code or alias (e.g. `jingjicankaowang`).
    FeedCode,
    /// Nothing else said it: the file's name stands in (a title the document does not have).
    FileName,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Person {
    /// 记者, 编辑, 通讯员 …
    pub role: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bureau {
    /// As written in the document.
    pub name: String,
    /// True for names like `XX市税务局`, `xx县税务局`, `某区税务局`.
    pub anonymized: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// GB/T 2260 six-digit code.
    pub code: String,
    /// Full name, e.g. 成都市.
    pub name: String,
    /// Name without the administrative suffix, e.g. 成都.
    pub short: String,
    pub provenance: Provenance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    #[serde(default)]
    pub heading: Option<String>,
    /// The heading's number as written (一, 二, 3 …) when it was numbered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub paragraphs: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// The source address, kept as text: the explorer never loads it.
    #[serde(default)]
    pub src: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
}

/// A place in a document's clean text. Offsets are UTF-8 byte offsets into the paragraph
/// (or heading) string and always lie on character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    pub section: usize,
    /// `None` means the section heading.
    #[serde(default)]
    pub paragraph: Option<usize>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    pub name: String,
    pub location: Location,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub source_file: String,
    pub title: String,
    pub title_source: Provenance,
    /// ISO `YYYY-MM-DD`; `None` when the document does not state one. Never guessed.
    pub date: Option<String>,
    pub date_source: Option<Provenance>,
    pub publisher: Option<String>,
    pub publisher_source: Option<Provenance>,
    pub kind: DocKind,
    #[serde(default)]
    pub authors: Vec<Person>,
    pub bureau: Option<Bureau>,
    pub province: Option<Place>,
    pub city: Option<Place>,
    pub district: Option<Place>,
    pub url: Option<String>,
    pub sections: Vec<Section>,
    #[serde(default)]
    pub images: Vec<Image>,
    /// Credits such as 封面图片来源 lines, kept out of the body.
    #[serde(default)]
    pub credits: Vec<String>,
    /// Honours (全国工人先锋号, 青年文明号 …): recorded, not counted as initiatives.
    #[serde(default)]
    pub recognitions: Vec<Recognition>,
    #[serde(default)]
    pub initiative_ids: Vec<String>,
    #[serde(default)]
    pub metric_ids: Vec<String>,
    /// `no_initiatives`, `anonymized_bureau`, `no_date` …
    #[serde(default)]
    pub flags: Vec<String>,
    /// Characters of clean text.
    pub chars: usize,
}

impl Document {
    /// The text at a location, if the location is valid for this document.
    pub fn text_at(&self, loc: &Location) -> Option<&str> {
        let section = self.sections.get(loc.section)?;
        let s = match loc.paragraph {
            None => section.heading.as_deref()?,
            Some(p) => section.paragraphs.get(p)?.as_str(),
        };
        s.get(loc.start..loc.end)
    }

    /// The whole paragraph (or heading) a location points into.
    pub fn block_at(&self, section: usize, paragraph: Option<usize>) -> Option<&str> {
        let s = self.sections.get(section)?;
        match paragraph {
            None => s.heading.as_deref(),
            Some(p) => s.paragraphs.get(p).map(String::as_str),
        }
    }

    /// Every heading and paragraph, in reading order, joined by newlines.
    pub fn body_text(&self) -> String {
        joined_blocks(&self.sections)
    }

    /// What the document states about itself that a reader should know is missing or masked:
    /// `anonymized_bureau`, `no_date`, `no_bureau` (in that order).
    pub fn metadata_flags(&self) -> Vec<String> {
        let mut flags = Vec::new();
        if self.bureau.as_ref().is_some_and(|b| b.anonymized) {
            flags.push("anonymized_bureau".to_string());
        }
        if self.date.is_none() {
            flags.push("no_date".to_string());
        }
        if self.bureau.is_none() {
            flags.push("no_bureau".to_string());
        }
        flags
    }

    /// Year of the date, when known.
    pub fn year(&self) -> Option<&str> {
        self.date.as_deref().and_then(|d| d.get(0..4))
    }
}

/// The headings and paragraphs of `sections`, in reading order, joined by newlines.
pub fn joined_blocks(sections: &[Section]) -> String {
    let blocks = || {
        sections
            .iter()
            .flat_map(|s| s.heading.iter().chain(s.paragraphs.iter()))
    };
    let mut out = String::with_capacity(blocks().map(|b| b.len() + 1).sum());
    for (k, b) in blocks().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(b);
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InitiativeKind {
    /// A quoted or bracketed name: “纳税人之家”, 《…办法》.
    Named,
    /// A phrase headed by a measure word: 24小时自助办税厅, 特殊群体绿色通道.
    Measure,
    /// A nationally known programme or practice from the lexicon: 便民办税春风行动, 容缺受理.
    Programme,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: String,
    pub doc_id: String,
    pub name: String,
    /// Groups the same initiative across documents.
    pub canonical: String,
    pub kind: InitiativeKind,
    /// The sentence or item that describes it.
    pub summary: String,
    pub themes: Vec<String>,
    /// The first mention.
    pub location: Location,
    /// Every mention in the document, including the first.
    pub mentions: Vec<Location>,
    #[serde(default)]
    pub metric_ids: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    Exact,
    /// 近, 约, 左右.
    Approximate,
    /// 余, 多, 超, 以上, 逾.
    LowerBound,
}

impl Bound {
    pub const ALL: [Bound; 3] = [Bound::Exact, Bound::Approximate, Bound::LowerBound];
}

/// What kind of quantity a figure is; figures of different kinds never share an axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MetricCategory {
    Percent,
    Money,
    Count,
    Duration,
    Length,
}

impl MetricCategory {
    pub const ALL: [MetricCategory; 5] = [
        MetricCategory::Percent,
        MetricCategory::Money,
        MetricCategory::Count,
        MetricCategory::Duration,
        MetricCategory::Length,
    ];
    /// The id as serialized (`percent`, `money` …).
    pub fn id(self) -> &'static str {
        match self {
            MetricCategory::Percent => "percent",
            MetricCategory::Money => "money",
            MetricCategory::Count => "count",
            MetricCategory::Duration => "duration",
            MetricCategory::Length => "length",
        }
    }
    pub fn from_id(id: &str) -> Option<MetricCategory> {
        MetricCategory::ALL.into_iter().find(|c| c.id() == id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalized {
    pub value: f64,
    pub unit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    pub id: String,
    pub doc_id: String,
    /// The number as written (scale words such as 万 stay in `unit`).
    pub value: f64,
    pub unit: String,
    /// Exactly the text at `location`.
    pub raw: String,
    #[serde(default)]
    pub qualifier: Option<String>,
    pub bound: Bound,
    /// The value in the base unit of its kind: money in 元, durations in minutes, percentages
    /// in %, counts with 万/亿 applied in their own unit (户, 人次 …).
    #[serde(default)]
    pub normalized: Option<Normalized>,
    /// What it measures, e.g. `平均办税申报时长 缩短`.
    pub label: String,
    pub category: MetricCategory,
    #[serde(default)]
    pub initiative_id: Option<String>,
    pub location: Location,
    /// Written in Chinese numerals (三面锦旗).
    #[serde(default)]
    pub chinese_numeral: bool,
    /// Which way the text says the quantity moved (缩短 87%, 提高到 15万元), when it says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
}

/// The way a figure moved, as the text states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 提高, 提升, 增长, 增加, 上升, 扩大.
    Up,
    /// 缩短, 减少, 下降, 降低, 压缩, 节省.
    Down,
}

impl Direction {
    pub const ALL: [Direction; 2] = [Direction::Up, Direction::Down];

    pub fn id(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonicalInitiative {
    pub key: String,
    /// The most common display name.
    pub name: String,
    pub doc_ids: Vec<String>,
    pub bureaus: Vec<String>,
    pub initiative_ids: Vec<String>,
    pub themes: Vec<String>,
    /// Earliest known date among its documents.
    #[serde(default)]
    pub first_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RegionNode {
    pub code: String,
    pub name: String,
    pub short: String,
    /// 1 province, 2 prefecture, 3 county.
    pub level: u8,
    pub doc_count: usize,
    #[serde(default)]
    pub children: Vec<RegionNode>,
}

/// The id of initiative `k` (0-based) of document `doc`: `{doc}-i{k+1}`. Every initiative id
/// is made here, and the pack stores none: it derives them from the document's id and order.
pub fn initiative_id(doc: &str, k: usize) -> String {
    numbered(doc, INITIATIVE_TAG, k + 1)
}

/// The id of figure `k` (0-based) of document `doc`: `{doc}-m{k+1}`.
pub fn metric_id(doc: &str, k: usize) -> String {
    numbered(doc, METRIC_TAG, k + 1)
}

/// What separates a document id from an initiative's or a figure's number.
pub const INITIATIVE_TAG: &str = "-i";
pub const METRIC_TAG: &str = "-m";

/// Whether `id` is the id of initiative `k` of `doc`, without building it.
pub fn is_initiative_id(id: &str, doc: &str, k: usize) -> bool {
    is_numbered(id, doc, INITIATIVE_TAG, k + 1)
}

/// Whether `id` is the id of figure `k` of `doc`.
pub fn is_metric_id(id: &str, doc: &str, k: usize) -> bool {
    is_numbered(id, doc, METRIC_TAG, k + 1)
}

/// The 0-based position `k` that `id` names among `doc`'s items with `tag`, if it is one.
pub fn id_position(id: &str, doc: &str, tag: &str) -> Option<usize> {
    let n: usize = id.strip_prefix(doc)?.strip_prefix(tag)?.parse().ok()?;
    (n >= 1 && is_numbered(id, doc, tag, n)).then(|| n - 1)
}

/// `{doc}{tag}{n}`, built directly: the build step makes one per initiative and figure, and
/// `format!` cost several times the copying.
fn numbered(doc: &str, tag: &str, n: usize) -> String {
    let mut buf = [0u8; 20];
    let digits = decimal(n, &mut buf);
    let mut s = String::with_capacity(doc.len() + tag.len() + digits.len());
    s.push_str(doc);
    s.push_str(tag);
    s.push_str(digits);
    s
}

fn is_numbered(id: &str, doc: &str, tag: &str, n: usize) -> bool {
    let mut buf = [0u8; 20];
    id.strip_prefix(doc).and_then(|r| r.strip_prefix(tag)) == Some(decimal(n, &mut buf))
}

/// `n` in decimal, written into `buf`.
fn decimal(n: usize, buf: &mut [u8; 20]) -> &str {
    let mut at = buf.len();
    let mut v = n;
    loop {
        at -= 1;
        buf[at] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[at..]).expect("ASCII digits")
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Ids are `{doc}-i{n}` / `{doc}-m{n}`, and the checks recognize exactly those.
        #[test]
        fn numbered_ids(doc in "[a-z0-9_-]{0,12}", n in 0usize..100_000, other in "[-a-z0-9]{0,8}") {
            proptest::prop_assert_eq!(initiative_id(&doc, n), format!("{doc}-i{}", n + 1));
            proptest::prop_assert_eq!(metric_id(&doc, n), format!("{doc}-m{}", n + 1));
            proptest::prop_assert!(is_initiative_id(&initiative_id(&doc, n), &doc, n));
            proptest::prop_assert_eq!(id_position(&initiative_id(&doc, n), &doc, INITIATIVE_TAG), Some(n));
            proptest::prop_assert_eq!(
                is_metric_id(&other, &doc, n),
                other == format!("{doc}-m{}", n + 1)
            );
        }
    }

    #[test]
    fn numbered_ids_reject_lookalikes() {
        assert!(is_initiative_id("d1-i12", "d1", 11));
        for id in [
            "d1-i012", "d1-i12x", "d1-i+12", "d1-m12", "d1-i", "d1-i1 2", "d1-i13",
        ] {
            assert!(!is_initiative_id(id, "d1", 11), "{id}");
        }
        assert_eq!(id_position("d1-i012", "d1", INITIATIVE_TAG), None);
        assert_eq!(id_position("d1-i0", "d1", INITIATIVE_TAG), None);
        assert_eq!(
            initiative_id("d", usize::MAX - 1),
            format!("d-i{}", usize::MAX)
        );
    }

    #[test]
    fn categories_round_trip_their_ids() {
        for c in MetricCategory::ALL {
            assert_eq!(MetricCategory::from_id(c.id()), Some(c));
            assert_eq!(
                serde_json::to_string(&c).unwrap(),
                format!("\"{}\"", c.id())
            );
        }
    }
}
