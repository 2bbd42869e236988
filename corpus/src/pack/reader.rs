//! Decoders for the binary pack files, the app's side of the format (no `ingest` feature).
//!
//! Every binary file is a blob container ([`super::blob`]): `TXPK`, version, then blobs of
//! `len:u32 | bytes`. Numbers are little-endian; "`[u32]`" is a blob holding a column.
//!
//! ```text
//! index.bin   json IndexMeta            documents (no text), themes, name and string tables,
//!                                       canonical rows, chunk sizes, the folding table
//!             [u32] doc_first_init      n_docs + 1 row offsets into the initiative columns
//!             [u32] doc_first_metric    n_docs + 1 row offsets into the figure columns
//!             [u32] init_name           → IndexMeta.names
//!             [u32] init_canon          → IndexMeta.canonical, or NONE
//!             [u32] init_themes         bit t = IndexMeta.themes[t]
//!             [u32] met_init            initiative row, or NONE
//!             [u32] met_unit, met_norm_unit (NONE = no normalized value), met_category,
//!                   met_raw, met_label  → IndexMeta.strings
//!             [u32] met_bound           position in Bound::ALL
//!             [u32] init_pass_start, init_pass_end
//!                                       the initiative's passage (its sentence) as a byte
//!                                       range of its document's folded text (text-NNNN)
//!             [u32] met_direction       position in Direction::ALL, or NONE
//!             [f64] met_value, met_norm (NaN = none)
//!
//! search.bin  two tables, documents' folded texts then folded initiative names:
//!             [u32] texts, firsts       how many texts; 1 when pair postings carry blocks
//!             [u64] keys                sorted gram keys (unigram_key / bigram_key)
//!             [u32] offsets             keys + 1 byte offsets into the postings
//!             bytes postings            per key: text numbers as varint deltas; with firsts,
//!                                       each pair posting is followed by the varint block
//!                                       (FIRST_BLOCK bytes) of the pair's first occurrence
//!
//! text-NNNN   [u32] offsets             texts + 1 byte offsets
//! .bin        bytes texts               TEXT_CHUNK documents' folded texts (folded_text)
//!
//! doc-NNNN.json                         JSON, see super::detail
//!
//! report.json                           JSON BuildReport: every input file, its status
//!                                       and messages (what the about page lists)
//! ```

use super::blob::BlobReader;
use super::{is_unigram, PackError, FIRST_BLOCK, NONE};
use crate::model::{Bound, Direction, Document, Theme, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};

/// The JSON part of `index.bin`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexMeta {
    pub schema_version: u32,
    pub pack_version: u32,
    pub generator: String,
    pub content_hash: String,
    pub themes: Vec<Theme>,
    /// Documents without their text, initiative ids or metric ids.
    pub documents: Vec<Document>,
    /// Distinct initiative names (`init_name` points here).
    pub names: Vec<String>,
    /// Units, categories, raw figures and labels (`met_*` columns point here).
    pub strings: Vec<String>,
    pub canonical: Vec<CanonRow>,
    pub text_chunk: u32,
    pub detail_chunk: u32,
    /// The traditional → simplified table the texts were folded with (`corpus::fold`).
    pub fold_table: String,
    /// English names of the places the documents name, full and short (四川 → Sichuan,
    /// 锦江区 → Jinjiang District), sorted by the Chinese name.
    #[serde(default)]
    pub places_en: Vec<(String, String)>,
}

/// A group of the same initiative across documents; its members are the initiatives whose
/// `init_canon` points at it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CanonRow {
    pub key: String,
    /// The display name when it differs from the key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Theme bit set, as `init_themes`.
    pub themes: u32,
    pub bureaus: u32,
    pub documents: u32,
    pub first_date: Option<String>,
}

/// Everything in `index.bin`. Initiatives are grouped by document in document order, so
/// initiative `k` of document `d` is row `doc_first_init[d] + k` and has id `{doc}-i{k+1}`.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexPack {
    pub meta: IndexMeta,
    /// Per document, its first initiative row; one extra entry closes the last range.
    pub doc_first_init: Vec<u32>,
    pub doc_first_metric: Vec<u32>,
    pub init_name: Vec<u32>,
    pub init_canon: Vec<u32>,
    /// Theme bit set: bit `t` is `meta.themes[t]`.
    pub init_themes: Vec<u32>,
    /// The initiative a figure belongs to, or [`NONE`].
    pub met_init: Vec<u32>,
    pub met_value: Vec<f64>,
    /// Normalized value, NaN when there is none.
    pub met_norm: Vec<f64>,
    pub met_unit: Vec<u32>,
    pub met_norm_unit: Vec<u32>,
    pub met_category: Vec<u32>,
    pub met_raw: Vec<u32>,
    pub met_label: Vec<u32>,
    /// The figure's [`Bound`], as its position in [`Bound::ALL`].
    pub met_bound: Vec<u32>,
    /// The initiative's passage: a byte range of its document's folded text.
    pub init_pass_start: Vec<u32>,
    pub init_pass_end: Vec<u32>,
    /// The figure's [`Direction`] (position in [`Direction::ALL`]), or [`NONE`].
    pub met_direction: Vec<u32>,
}

impl CanonRow {
    pub fn name(&self) -> &str {
        self.name.as_deref().unwrap_or(&self.key)
    }
}

impl IndexPack {
    /// Reads `index.bin`, checking versions and that every column fits the tables.
    pub fn decode(bytes: &[u8]) -> Result<IndexPack, PackError> {
        let mut r = BlobReader::new(bytes)?;
        let meta: IndexMeta = r.json()?;
        if meta.schema_version != SCHEMA_VERSION {
            return Err(PackError::Format(format!(
                "corpus schema {} but this app reads schema {SCHEMA_VERSION}",
                meta.schema_version
            )));
        }
        let mut u = || r.u32s();
        let (doc_first_init, doc_first_metric) = (u()?, u()?);
        let (init_name, init_canon, init_themes) = (u()?, u()?, u()?);
        let (met_init, met_unit, met_norm_unit, met_category, met_raw, met_label, met_bound) =
            (u()?, u()?, u()?, u()?, u()?, u()?, u()?);
        let (init_pass_start, init_pass_end, met_direction) = (u()?, u()?, u()?);
        let met_value = r.f64s()?;
        let met_norm = r.f64s()?;
        let pack = IndexPack {
            meta,
            doc_first_init,
            doc_first_metric,
            init_name,
            init_canon,
            init_themes,
            met_init,
            met_value,
            met_norm,
            met_unit,
            met_norm_unit,
            met_category,
            met_raw,
            met_label,
            met_bound,
            init_pass_start,
            init_pass_end,
            met_direction,
        };
        pack.check()?;
        Ok(pack)
    }

    fn check(&self) -> Result<(), PackError> {
        let nd = self.meta.documents.len();
        let ni = self.init_name.len();
        let nm = self.met_init.len();
        let ranges_ok = |v: &[u32], total: usize| {
            v.len() == nd + 1
                && v.windows(2).all(|w| w[0] <= w[1])
                && v.last().is_some_and(|&l| l as usize == total)
        };
        let within = |v: &[u32], n: usize, none_ok: bool| {
            v.iter()
                .all(|&x| (x as usize) < n || (none_ok && x == NONE))
        };
        let ns = self.meta.strings.len();
        let ok = ranges_ok(&self.doc_first_init, ni)
            && ranges_ok(&self.doc_first_metric, nm)
            && self.init_canon.len() == ni
            && self.init_themes.len() == ni
            && within(&self.init_name, self.meta.names.len(), false)
            && within(&self.init_canon, self.meta.canonical.len(), true)
            && within(&self.met_init, ni, true)
            && [
                &self.met_unit,
                &self.met_category,
                &self.met_raw,
                &self.met_label,
            ]
            .iter()
            .all(|c| c.len() == nm && within(c, ns, false))
            && self.met_norm_unit.len() == nm
            && self.met_bound.len() == nm
            && self
                .met_bound
                .iter()
                .all(|&b| (b as usize) < Bound::ALL.len())
            && within(&self.met_norm_unit, ns, true)
            && self.met_value.len() == nm
            && self.met_norm.len() == nm
            && self.init_pass_start.len() == ni
            && self.init_pass_end.len() == ni
            && self
                .init_pass_start
                .iter()
                .zip(&self.init_pass_end)
                .all(|(s, e)| s <= e)
            && self.met_direction.len() == nm
            && within(&self.met_direction, Direction::ALL.len(), true);
        if ok {
            Ok(())
        } else {
            Err(PackError::Inconsistent(
                "index.bin columns are inconsistent".into(),
            ))
        }
    }

    /// The bound of figure row `m`.
    pub fn bound(&self, m: usize) -> Bound {
        Bound::ALL[self.met_bound[m] as usize]
    }

    /// The direction of figure row `m`, when the text states one.
    pub fn direction(&self, m: usize) -> Option<Direction> {
        Direction::ALL.get(self.met_direction[m] as usize).copied()
    }

    /// The passage of initiative row `i`: a byte range of its document's folded text.
    pub fn passage(&self, i: usize) -> (usize, usize) {
        (
            self.init_pass_start[i] as usize,
            self.init_pass_end[i] as usize,
        )
    }
}

/// Sorted gram keys, their posting ranges, and the coded postings, over some list of texts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Postings {
    /// How many texts (documents or names) the postings point into.
    pub texts: u32,
    /// Pair postings carry first-occurrence blocks (`FIRST_BLOCK`).
    pub firsts: bool,
    pub keys: Vec<u64>,
    pub offsets: Vec<u32>,
    pub postings: Vec<u8>,
}

impl Postings {
    fn read(r: &mut BlobReader) -> Result<Postings, PackError> {
        let head = r.u32s()?;
        let (texts, firsts) = match head[..] {
            [texts, firsts] if firsts <= 1 => (texts, firsts == 1),
            _ => {
                return Err(PackError::Format(
                    "search.bin has an unknown table header".into(),
                ))
            }
        };
        let keys = r.u64s()?;
        let offsets = r.u32s()?;
        let postings = r.bytes()?.to_vec();
        let ok = offsets.len() == keys.len() + 1
            && offsets.windows(2).all(|w| w[0] <= w[1])
            && offsets
                .last()
                .is_some_and(|&l| l as usize == postings.len())
            && keys.windows(2).all(|w| w[0] < w[1]);
        if !ok {
            return Err(PackError::Inconsistent("search.bin is inconsistent".into()));
        }
        Ok(Postings {
            texts,
            firsts,
            keys,
            offsets,
            postings,
        })
    }

    fn coded(&self, key: u64) -> Option<&[u8]> {
        let k = self.keys.binary_search(&key).ok()?;
        Some(&self.postings[self.offsets[k] as usize..self.offsets[k + 1] as usize])
    }

    /// Texts containing a gram, ascending.
    pub fn get(&self, key: u64) -> Vec<u32> {
        match self.coded(key) {
            Some(b) if self.firsts && !is_unigram(key) => decode_postings_with_firsts(b)
                .into_iter()
                .map(|(d, _)| d)
                .collect(),
            Some(b) => decode_postings(b),
            None => vec![],
        }
    }

    /// Texts containing a pair, ascending, each with the byte offset its first occurrence
    /// cannot precede (0 when the table has no offsets).
    pub fn get_with_firsts(&self, key: u64) -> Vec<(u32, u32)> {
        match self.coded(key) {
            Some(b) if self.firsts && !is_unigram(key) => decode_postings_with_firsts(b)
                .into_iter()
                .map(|(d, f)| (d, f.saturating_mul(FIRST_BLOCK)))
                .collect(),
            _ => self.get(key).into_iter().map(|d| (d, 0)).collect(),
        }
    }
}

/// `search.bin`: postings over the documents' folded texts and over the folded names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchPack {
    pub docs: Postings,
    pub names: Postings,
}

impl SearchPack {
    pub fn decode(bytes: &[u8]) -> Result<SearchPack, PackError> {
        let mut r = BlobReader::new(bytes)?;
        Ok(SearchPack {
            docs: Postings::read(&mut r)?,
            names: Postings::read(&mut r)?,
        })
    }
}

/// Reads a `text-NNNN.bin` chunk into its documents' folded texts.
pub fn decode_texts(bytes: &[u8]) -> Result<Vec<String>, PackError> {
    let mut r = BlobReader::new(bytes)?;
    let offsets = r.u32s()?;
    let text = std::str::from_utf8(r.bytes()?)
        .map_err(|e| PackError::Inconsistent(format!("text chunk: {e}")))?;
    offsets
        .windows(2)
        .map(|w| {
            text.get(w[0] as usize..w[1] as usize)
                .map(str::to_string)
                .ok_or_else(|| {
                    PackError::Inconsistent("text chunk offsets are inconsistent".into())
                })
        })
        .collect()
}

/// Decodes varints into `out`.
fn varints(bytes: &[u8], out: &mut Vec<u32>) {
    let (mut acc, mut shift) = (0u32, 0u32);
    for &b in bytes {
        acc |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            out.push(acc);
            acc = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
}

/// Decodes delta + varint coded (document, first-occurrence block) pairs.
pub fn decode_postings_with_firsts(bytes: &[u8]) -> Vec<(u32, u32)> {
    let mut raw = Vec::with_capacity(bytes.len());
    varints(bytes, &mut raw);
    let mut last = 0u32;
    raw.chunks_exact(2)
        .enumerate()
        .map(|(n, p)| {
            last = if n == 0 {
                p[0]
            } else {
                last.wrapping_add(p[0])
            };
            (last, p[1])
        })
        .collect()
}

/// Decodes delta + varint coded document numbers.
pub fn decode_postings(bytes: &[u8]) -> Vec<u32> {
    let mut out = Vec::with_capacity(bytes.len());
    let (mut acc, mut shift, mut last, mut first) = (0u32, 0u32, 0u32, true);
    for &b in bytes {
        acc |= ((b & 0x7f) as u32).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            let d = if first { acc } else { last.wrapping_add(acc) };
            out.push(d);
            last = d;
            first = false;
            acc = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::blob::Blobs;

    #[test]
    fn rejects_foreign_and_truncated_files() {
        assert!(matches!(IndexPack::decode(b""), Err(PackError::Format(_))));
        assert!(IndexPack::decode(b"PK\x03\x04....").is_err());
        let mut w = Blobs::new();
        w.u32s(&[1, 2, 3]);
        let mut f = w.finish();
        f.truncate(f.len() - 2);
        assert!(matches!(
            SearchPack::decode(&f),
            Err(PackError::Inconsistent(_))
        ));
        assert!(decode_texts(&f).is_err());
    }
}
