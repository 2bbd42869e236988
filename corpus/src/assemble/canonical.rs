//! Canonical initiatives: every initiative grouped by its canonical key across documents,
//! with the bureaus and documents that run it and the earliest date it is seen.

use crate::model::{CanonicalInitiative, Document, Initiative};
use rustc_hash::FxHashMap;

/// What canonical grouping reads, as small integers: the same whether it comes from a corpus
/// ([`canonical_groups`]) or from a pack written document by document
/// ([`crate::pack::PackWriter`]), so both group alike.
pub struct CanonInput<'a> {
    /// Per initiative: its key, name and document, as positions in `keys`, `names` and the
    /// per-document lists below.
    pub init_key: Vec<u32>,
    pub init_name: Vec<u32>,
    pub init_doc: Vec<u32>,
    /// Initiative `k`'s themes are `init_themes[first_theme[k]..first_theme[k + 1]]`
    /// (positions in `theme_ids`).
    pub init_themes: Vec<u32>,
    pub first_theme: Vec<u32>,
    pub keys: Vec<&'a str>,
    pub names: Vec<&'a str>,
    pub theme_ids: Vec<&'a str>,
    pub doc_date: Vec<Option<&'a str>>,
    /// Each document's bureau, as a position in `bureau_names`.
    pub doc_bureau: Vec<Option<u32>>,
    pub bureau_names: Vec<&'a str>,
}

/// One canonical initiative, as positions in its [`CanonInput`].
pub struct Group<'a> {
    pub key: &'a str,
    pub name: &'a str,
    /// Documents and bureaus in first-seen order.
    pub docs: Vec<u32>,
    pub bureaus: Vec<u32>,
    /// Its initiatives, in order.
    pub members: Vec<u32>,
    /// Most frequent first, ties in theme id order.
    pub themes: Vec<&'a str>,
    pub first_date: Option<&'a str>,
}

/// Groups initiatives by key: most widespread first, then by key.
pub fn group<'a>(input: &CanonInput<'a>) -> Vec<Group<'a>> {
    let mut members_of: Vec<Vec<u32>> = vec![Vec::new(); input.keys.len()];
    for (k, &key) in input.init_key.iter().enumerate() {
        members_of[key as usize].push(k as u32);
    }
    let mut order: Vec<u32> = (0..input.keys.len() as u32)
        .filter(|&c| !members_of[c as usize].is_empty())
        .collect();
    order.sort_unstable_by(|&a, &b| input.keys[a as usize].cmp(input.keys[b as usize]));
    let mut theme_counts = vec![0usize; input.theme_ids.len()];
    let mut name_counts = vec![0usize; input.names.len()];
    let mut names_touched: Vec<u32> = Vec::new();
    // "Seen in this group?" for documents and bureaus, as the number of the last group that saw
    // them: no hashing of ids per initiative (1.5 million at 50,000 documents).
    let mut doc_seen = vec![u32::MAX; input.doc_date.len()];
    let mut bureau_seen = vec![u32::MAX; input.bureau_names.len()];
    let mut out: Vec<Group> = order
        .into_iter()
        .enumerate()
        .map(|(g, code)| {
            let g = g as u32;
            let members = std::mem::take(&mut members_of[code as usize]);
            // A table, not a list scanned per initiative: a widespread group of 100,000
            // initiatives can have hundreds of spellings.
            let mut touched: Vec<usize> = Vec::new();
            let mut docs: Vec<u32> = Vec::new();
            let mut bureaus: Vec<u32> = Vec::new();
            let mut first_date: Option<&str> = None;
            for &k in &members {
                let k = k as usize;
                let n = input.init_name[k] as usize;
                if name_counts[n] == 0 {
                    names_touched.push(n as u32);
                }
                name_counts[n] += 1;
                let ts = input.first_theme[k] as usize..input.first_theme[k + 1] as usize;
                for &t in &input.init_themes[ts] {
                    let t = t as usize;
                    if theme_counts[t] == 0 {
                        touched.push(t);
                    }
                    theme_counts[t] += 1;
                }
                let d = input.init_doc[k] as usize;
                // First-seen order is kept; the marks only answer "seen before?" (a
                // widespread initiative has thousands of documents: a list scan each time
                // is quadratic).
                if std::mem::replace(&mut doc_seen[d], g) != g {
                    docs.push(d as u32);
                    if let Some(date) = input.doc_date[d] {
                        if first_date.is_none_or(|f| date < f) {
                            first_date = Some(date);
                        }
                    }
                }
                if let Some(b) = input.doc_bureau[d] {
                    if std::mem::replace(&mut bureau_seen[b as usize], g) != g {
                        bureaus.push(b);
                    }
                }
            }
            // Ties go as they did with name-ordered tallies: the most frequent name, then the
            // shortest, then the last in name order.
            let mut names: Vec<(&str, usize)> = names_touched
                .drain(..)
                .map(|n| {
                    let n = n as usize;
                    (input.names[n], std::mem::take(&mut name_counts[n]))
                })
                .collect();
            names.sort_unstable_by(|a, b| a.0.cmp(b.0));
            let name = names
                .iter()
                .max_by_key(|(n, c)| (*c, std::cmp::Reverse(n.len())))
                .map_or("", |(n, _)| *n);
            let mut themes: Vec<(&str, usize)> = touched
                .iter()
                .map(|&t| (input.theme_ids[t], std::mem::take(&mut theme_counts[t])))
                .collect();
            themes.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            Group {
                key: input.keys[code as usize],
                name,
                docs,
                bureaus,
                members,
                themes: themes.into_iter().map(|(t, _)| t).collect(),
                first_date,
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.docs
            .len()
            .cmp(&a.docs.len())
            .then_with(|| a.key.cmp(b.key))
    });
    out
}

/// `init_doc[k]` is the position in `documents` of initiative `k`'s document.
pub(super) fn canonical_groups(
    documents: &[Document],
    initiatives: &[Initiative],
    init_doc: &[u32],
) -> Vec<CanonicalInitiative> {
    // Keys, names, theme ids and bureaus as small integers, each string hashed once.
    fn code<'a>(codes: &mut FxHashMap<&'a str, u32>, list: &mut Vec<&'a str>, s: &'a str) -> u32 {
        *codes.entry(s).or_insert_with(|| {
            list.push(s);
            list.len() as u32 - 1
        })
    }
    let mut input = CanonInput {
        init_key: Vec::with_capacity(initiatives.len()),
        init_name: Vec::with_capacity(initiatives.len()),
        init_doc: init_doc.to_vec(),
        init_themes: Vec::with_capacity(initiatives.len() * 2),
        first_theme: Vec::with_capacity(initiatives.len() + 1),
        keys: Vec::new(),
        names: Vec::new(),
        theme_ids: Vec::new(),
        doc_date: documents.iter().map(|d| d.date.as_deref()).collect(),
        doc_bureau: Vec::with_capacity(documents.len()),
        bureau_names: Vec::new(),
    };
    let (mut keys, mut names, mut themes, mut bureaus) = Default::default();
    for i in initiatives {
        input
            .init_key
            .push(code(&mut keys, &mut input.keys, &i.canonical));
        input
            .init_name
            .push(code(&mut names, &mut input.names, &i.name));
        input.first_theme.push(input.init_themes.len() as u32);
        for t in &i.themes {
            let c = code(&mut themes, &mut input.theme_ids, t);
            input.init_themes.push(c);
        }
    }
    input.first_theme.push(input.init_themes.len() as u32);
    for d in documents {
        let b = d.bureau.as_ref();
        let c = b.map(|b| code(&mut bureaus, &mut input.bureau_names, &b.name));
        input.doc_bureau.push(c);
    }
    drop((keys, names, themes, bureaus));
    group(&input)
        .into_iter()
        .map(|g| CanonicalInitiative {
            key: g.key.to_string(),
            name: g.name.to_string(),
            doc_ids: g
                .docs
                .iter()
                .map(|&d| documents[d as usize].id.clone())
                .collect(),
            bureaus: g
                .bureaus
                .iter()
                .map(|&b| input.bureau_names[b as usize].to_string())
                .collect(),
            initiative_ids: g
                .members
                .iter()
                .map(|&k| initiatives[k as usize].id.clone())
                .collect(),
            themes: g.themes.iter().map(|t| t.to_string()).collect(),
            first_date: g.first_date.map(str::to_string),
        })
        .collect()
}
