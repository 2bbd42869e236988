//! The corpus as the app holds it: the pack's index columns (loaded at start), plus the parts
//! that arrive later — search postings, folded texts, and full documents on demand.
//!
//! Initiatives are rows `0..n` grouped by document in document order (see
//! `corpus::pack::IndexPack`); facet values are coded as small integers per document so that
//! filtering and counting 300,000 initiatives is a loop over arrays, not over strings.

mod facets;

pub use facets::{doc_value, Facet, UNKNOWN};

use corpus::model::{Bound, Document, MetricCategory, Theme};
use corpus::pack::{self, CanonRow, DocDetail, IndexPack, SearchPack, NONE};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

pub struct Dataset {
    pub ix: IndexPack,
    /// `init_doc[i]`: document of initiative `i`.
    pub init_doc: Vec<u32>,
    pub met_doc: Vec<u32>,
    pub doc_index: HashMap<String, usize>,
    pub canonical_index: HashMap<String, usize>,
    /// Members of each canonical group (initiative rows), in row order.
    pub canon_members: Vec<Vec<u32>>,
    /// Initiatives per distinct name, and the folded names for search.
    pub name_members: Vec<Vec<u32>>,
    pub names_folded: Vec<String>,
    /// Per facet, its distinct values (theme: theme ids in taxonomy order).
    /// Per facet, its values; sorted, except themes (in index order). Shared strings: every
    /// filter pass hands them to the facet counts without copying.
    pub facet_values: [Vec<Rc<str>>; Facet::COUNT],
    /// Per document, the value code of each document facet (`Facet::Theme` slot unused).
    pub doc_codes: Vec<[u32; Facet::COUNT]>,
    /// Documents newest first (undated last), and by bureau name (unknown last).
    pub by_date: Vec<u32>,
    pub by_bureau: Vec<u32>,
    /// Per document, how many of its initiatives carry each theme (`d * themes + t`).
    pub doc_theme_counts: Vec<u32>,
    pub summary: Summary,
    pub loaded: RefCell<Loaded>,
    /// English names of places, by Chinese name (full and short).
    pub places_en: HashMap<String, String>,
}

/// What arrives after the index.
#[derive(Default)]
pub struct Loaded {
    pub search: Option<SearchPack>,
    /// Folded text per document, once its text chunk is in.
    pub texts: Vec<Option<String>>,
    pub text_chunks: usize,
    pub details: HashMap<usize, Rc<DocDetail>>,
    /// Files that could not be loaded, with the reason.
    pub errors: Vec<String>,
    /// Document chunks that could not be loaded.
    pub failed_chunks: std::collections::HashSet<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub initiatives: usize,
    pub bureaus: usize,
    pub canonical_shared: usize,
    pub date_min: Option<String>,
    pub date_max: Option<String>,
    pub undated: usize,
}

/// One figure, read from the columns.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricRef<'a> {
    pub index: usize,
    pub doc: usize,
    pub initiative: Option<usize>,
    pub value: f64,
    pub unit: &'a str,
    pub raw: &'a str,
    pub label: &'a str,
    pub category: MetricCategory,
    pub normalized: Option<(f64, &'a str)>,
    pub bound: Bound,
}

impl MetricRef<'_> {
    /// The value to compare on: normalized when there is one.
    pub fn comparable(&self) -> f64 {
        self.normalized.map_or(self.value, |n| n.0)
    }
}

impl Dataset {
    /// Reads `index.bin`.
    pub fn from_index(bytes: &[u8]) -> Result<Dataset, String> {
        let ix = IndexPack::decode(bytes).map_err(|e| e.to_string())?;
        corpus::fold::install(&ix.meta.fold_table);
        Ok(Dataset::new(ix))
    }

    /// Everything at once from pack files (tests and benchmarks): index, search, texts and
    /// document chunks.
    pub fn from_pack(files: &[(String, Vec<u8>)]) -> Result<Dataset, String> {
        let get = |name: &str| {
            files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, b)| b.as_slice())
                .ok_or_else(|| format!("pack has no {name}"))
        };
        let ds = Dataset::from_index(get("index.bin")?)?;
        let e = |e: corpus::pack::PackError| e.to_string();
        ds.set_search(SearchPack::decode(get("search.bin")?).map_err(e)?);
        for c in 0..ds.text_chunks() {
            ds.add_texts(c, pack::decode_texts(get(&pack::text_file(c))?).map_err(e)?);
        }
        for c in 0..ds.detail_chunks() {
            ds.add_details(
                c,
                pack::decode_details(get(&pack::detail_file(c))?).map_err(e)?,
            );
        }
        Ok(ds)
    }

    pub fn new(ix: IndexPack) -> Dataset {
        let docs = &ix.meta.documents;
        let nd = docs.len();
        let mut init_doc = Vec::with_capacity(ix.init_name.len());
        let mut met_doc = Vec::with_capacity(ix.met_init.len());
        for d in 0..nd {
            let (a, b) = (ix.doc_first_init[d], ix.doc_first_init[d + 1]);
            init_doc.extend(std::iter::repeat_n(d as u32, (b - a) as usize));
            let (a, b) = (ix.doc_first_metric[d], ix.doc_first_metric[d + 1]);
            met_doc.extend(std::iter::repeat_n(d as u32, (b - a) as usize));
        }
        let doc_index = index_by(docs, |d| &d.id);
        let canonical_index = index_by(&ix.meta.canonical, |c| &c.key);
        let mut canon_members = vec![Vec::new(); ix.meta.canonical.len()];
        for (i, &c) in ix.init_canon.iter().enumerate() {
            if c != NONE {
                canon_members[c as usize].push(i as u32);
            }
        }
        let mut name_members = vec![Vec::new(); ix.meta.names.len()];
        for (i, &n) in ix.init_name.iter().enumerate() {
            name_members[n as usize].push(i as u32);
        }
        let names_folded = ix
            .meta
            .names
            .iter()
            .map(|n| corpus::fold::fold(n))
            .collect();

        // Facet value tables: first-seen order, then each table is sorted for stable codes.
        let mut facet_values: [Vec<Rc<str>>; Facet::COUNT] = Default::default();
        facet_values[Facet::Theme as usize] = ix
            .meta
            .themes
            .iter()
            .map(|t| Rc::from(t.id.as_str()))
            .collect();
        let mut doc_codes = vec![[0u32; Facet::COUNT]; nd];
        for f in Facet::ALL.into_iter().filter(|&f| f != Facet::Theme) {
            let vals: Vec<String> = docs.iter().map(|d| doc_value(d, f)).collect();
            let table: Vec<String> = vals
                .iter()
                .cloned()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect();
            let pos: HashMap<&str, u32> = table
                .iter()
                .enumerate()
                .map(|(k, v)| (v.as_str(), k as u32))
                .collect();
            for (d, v) in vals.iter().enumerate() {
                doc_codes[d][f as usize] = pos[v.as_str()];
            }
            facet_values[f as usize] = table.iter().map(|v| Rc::from(v.as_str())).collect();
        }
        let mut by_date: Vec<u32> = (0..nd as u32).collect();
        by_date.sort_by(|&a, &b| {
            let (x, y) = (&docs[a as usize].date, &docs[b as usize].date);
            match (x, y) {
                (Some(x), Some(y)) => y.cmp(x).then(a.cmp(&b)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => a.cmp(&b),
            }
        });
        let mut by_bureau: Vec<u32> = (0..nd as u32).collect();
        by_bureau.sort_by_key(|&d| {
            let b = docs[d as usize].bureau.as_ref().map(|b| b.name.as_str());
            (b.is_none(), b, d)
        });

        let nt = ix.meta.themes.len();
        let mut doc_theme_counts = vec![0u32; nd * nt];
        for (i, &bits) in ix.init_themes.iter().enumerate() {
            let d = init_doc[i] as usize;
            for (t, c) in doc_theme_counts[d * nt..(d + 1) * nt]
                .iter_mut()
                .enumerate()
            {
                *c += (bits >> t) & 1;
            }
        }
        let bureaus: BTreeSet<&str> = docs
            .iter()
            .filter_map(|d| d.bureau.as_ref().map(|b| b.name.as_str()))
            .collect();
        let dates: Vec<&str> = docs.iter().filter_map(|d| d.date.as_deref()).collect();
        let summary = Summary {
            documents: nd,
            initiatives: ix.init_name.len(),
            bureaus: bureaus.len(),
            canonical_shared: ix.meta.canonical.iter().filter(|c| c.documents > 1).count(),
            date_min: dates.iter().min().map(|s| s.to_string()),
            date_max: dates.iter().max().map(|s| s.to_string()),
            undated: docs.iter().filter(|d| d.date.is_none()).count(),
        };
        let loaded = Loaded {
            texts: vec![None; nd],
            ..Loaded::default()
        };
        let places_en = ix.meta.places_en.iter().cloned().collect();
        Dataset {
            places_en,
            init_doc,
            met_doc,
            doc_index,
            canonical_index,
            canon_members,
            name_members,
            names_folded,
            facet_values,
            doc_codes,
            by_date,
            by_bureau,
            doc_theme_counts,
            summary,
            loaded: RefCell::new(loaded),
            ix,
        }
    }

    // ---- later parts ----

    pub fn text_chunks(&self) -> usize {
        self.docs()
            .len()
            .div_ceil(self.ix.meta.text_chunk.max(1) as usize)
    }

    pub fn detail_chunks(&self) -> usize {
        self.docs()
            .len()
            .div_ceil(self.ix.meta.detail_chunk.max(1) as usize)
    }

    /// The detail chunk holding a document.
    pub fn detail_chunk_of(&self, doc: usize) -> usize {
        doc / self.ix.meta.detail_chunk.max(1) as usize
    }

    pub fn set_search(&self, s: SearchPack) {
        self.loaded.borrow_mut().search = Some(s);
    }

    pub fn add_texts(&self, chunk: usize, texts: Vec<String>) {
        let first = chunk * self.ix.meta.text_chunk as usize;
        let mut l = self.loaded.borrow_mut();
        for (k, t) in texts.into_iter().enumerate() {
            if let Some(slot) = l.texts.get_mut(first + k) {
                *slot = Some(t);
            }
        }
        l.text_chunks += 1;
    }

    pub fn add_details(&self, chunk: usize, details: Vec<DocDetail>) {
        let first = chunk * self.ix.meta.detail_chunk as usize;
        let mut l = self.loaded.borrow_mut();
        for (k, d) in details.into_iter().enumerate() {
            // A chunk from another build would attach texts to the wrong documents.
            if self
                .docs()
                .get(first + k)
                .is_some_and(|m| m.id == d.document.id)
            {
                l.details.insert(first + k, Rc::new(d));
            }
        }
    }

    pub fn detail(&self, doc: usize) -> Option<Rc<DocDetail>> {
        self.loaded.borrow().details.get(&doc).cloned()
    }

    /// The document chunk holding this document could not be loaded.
    pub fn detail_failed(&self, doc: usize) -> bool {
        self.loaded
            .borrow()
            .failed_chunks
            .contains(&self.detail_chunk_of(doc))
    }

    pub fn has_detail_chunk(&self, chunk: usize) -> bool {
        let first = chunk * self.ix.meta.detail_chunk as usize;
        self.loaded.borrow().details.contains_key(&first)
    }

    /// Text chunks in, out of all.
    pub fn text_progress(&self) -> (usize, usize) {
        (self.loaded.borrow().text_chunks, self.text_chunks())
    }

    /// Changes whenever search can give a different answer (postings or texts arrived).
    pub fn search_generation(&self) -> usize {
        let l = self.loaded.borrow();
        l.text_chunks * 2 + usize::from(l.search.is_some())
    }

    // ---- documents ----

    pub fn docs(&self) -> &[Document] {
        &self.ix.meta.documents
    }

    pub fn doc(&self, d: usize) -> &Document {
        &self.ix.meta.documents[d]
    }

    pub fn doc_by_id(&self, id: &str) -> Option<usize> {
        self.doc_index.get(id).copied()
    }

    pub fn inits_of_doc(&self, d: usize) -> std::ops::Range<usize> {
        self.ix.doc_first_init[d] as usize..self.ix.doc_first_init[d + 1] as usize
    }

    pub fn metrics_of_doc(&self, d: usize) -> std::ops::Range<usize> {
        self.ix.doc_first_metric[d] as usize..self.ix.doc_first_metric[d + 1] as usize
    }

    pub fn content_hash(&self) -> &str {
        &self.ix.meta.content_hash
    }

    pub fn themes(&self) -> &[Theme] {
        &self.ix.meta.themes
    }

    // ---- initiatives ----

    pub fn n_initiatives(&self) -> usize {
        self.ix.init_name.len()
    }

    pub fn doc_of(&self, i: usize) -> usize {
        self.init_doc[i] as usize
    }

    pub fn doc_of_initiative(&self, i: usize) -> &Document {
        self.doc(self.doc_of(i))
    }

    pub fn name(&self, i: usize) -> &str {
        &self.ix.meta.names[self.ix.init_name[i] as usize]
    }

    pub fn initiative_id(&self, i: usize) -> String {
        let d = self.doc_of(i);
        corpus::model::initiative_id(&self.doc(d).id, i - self.ix.doc_first_init[d] as usize)
    }

    /// Row of an initiative id (`{doc}-i{n}`).
    pub fn initiative_by_id(&self, id: &str) -> Option<usize> {
        let (doc, n) = id.rsplit_once("-i")?;
        let d = self.doc_by_id(doc)?;
        let n: usize = n.parse().ok()?;
        let r = self.inits_of_doc(d);
        (n >= 1 && n <= r.len()).then(|| r.start + n - 1)
    }

    /// Row of a figure id (`{doc}-m{n}`).
    pub fn metric_by_id(&self, id: &str) -> Option<usize> {
        let (doc, n) = id.rsplit_once("-m")?;
        let d = self.doc_by_id(doc)?;
        let n: usize = n.parse().ok()?;
        let r = self.metrics_of_doc(d);
        (n >= 1 && n <= r.len()).then(|| r.start + n - 1)
    }

    /// Theme ids of an initiative, in taxonomy order.
    pub fn themes_of(&self, i: usize) -> Vec<String> {
        self.theme_ids(self.ix.init_themes[i])
    }

    pub fn theme_ids(&self, bits: u32) -> Vec<String> {
        self.themes()
            .iter()
            .enumerate()
            .filter(|(k, _)| bits & (1 << k) != 0)
            .map(|(_, t)| t.id.clone())
            .collect()
    }

    pub fn canonical_of(&self, i: usize) -> Option<(usize, &CanonRow)> {
        let c = self.ix.init_canon[i];
        (c != NONE).then(|| (c as usize, &self.ix.meta.canonical[c as usize]))
    }

    pub fn canonical(&self, key: &str) -> Option<(usize, &CanonRow)> {
        let c = *self.canonical_index.get(key)?;
        Some((c, &self.ix.meta.canonical[c]))
    }

    /// Figures attached to an initiative, in text order.
    pub fn metrics_of(&self, i: usize) -> impl Iterator<Item = MetricRef<'_>> + '_ {
        self.metrics_of_doc(self.doc_of(i))
            .filter(move |&m| self.ix.met_init[m] == i as u32)
            .map(|m| self.metric(m))
    }

    /// The facet values of an initiative (reference for tests; filtering uses codes).
    pub fn facet_values_of(&self, i: usize, f: Facet) -> Vec<&str> {
        if f == Facet::Theme {
            let bits = self.ix.init_themes[i];
            return (0..self.themes().len())
                .filter(|k| bits & (1 << k) != 0)
                .map(|k| self.facet_values[0][k].as_ref())
                .collect();
        }
        let code = self.doc_codes[self.doc_of(i)][f as usize];
        vec![self.facet_values[f as usize][code as usize].as_ref()]
    }

    /// The sentence an initiative appears in, once its document is loaded.
    pub fn summary_of(&self, i: usize) -> Option<String> {
        let d = self.doc_of(i);
        let detail = self.detail(d)?;
        let k = i - self.ix.doc_first_init[d] as usize;
        detail.initiatives.get(k).map(|x| x.summary.clone())
    }

    // ---- figures ----

    pub fn n_metrics(&self) -> usize {
        self.ix.met_init.len()
    }

    pub fn metric(&self, m: usize) -> MetricRef<'_> {
        let s = |k: u32| self.ix.meta.strings[k as usize].as_str();
        let ix = &self.ix;
        let init = ix.met_init[m];
        let norm = ix.met_norm[m];
        MetricRef {
            index: m,
            doc: self.met_doc[m] as usize,
            initiative: (init != NONE).then_some(init as usize),
            value: ix.met_value[m],
            unit: s(ix.met_unit[m]),
            raw: s(ix.met_raw[m]),
            label: s(ix.met_label[m]),
            category: MetricCategory::from_id(s(ix.met_category[m]))
                .unwrap_or(MetricCategory::Count),
            normalized: (!norm.is_nan() && ix.met_norm_unit[m] != NONE)
                .then(|| (norm, s(ix.met_norm_unit[m]))),
            bound: ix.bound(m),
        }
    }

    pub fn metric_id(&self, m: usize) -> String {
        let d = self.met_doc[m] as usize;
        corpus::model::metric_id(&self.doc(d).id, m - self.ix.doc_first_metric[d] as usize)
    }

    pub fn theme_name(&self, id: &str, en: bool) -> String {
        self.themes()
            .iter()
            .find(|t| t.id == id)
            .map(|t| if en { t.en.clone() } else { t.zh.clone() })
            .unwrap_or_else(|| id.to_string())
    }
}

/// Position of each item by its id or key.
fn index_by<T>(items: &[T], key: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(i, x)| (key(x).clone(), i))
        .collect()
}
