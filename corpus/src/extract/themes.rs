//! Themes: every theme keyword of a document found in one pass, and an initiative's themes
//! from its programme, its own name, its context and, last, the document.

use super::vocab::{ThemeScores, Vocab, MAX_THEMES};
use crate::model::{Document, Location};
use rustc_hash::FxHashMap;

/// Every theme keyword occurrence in a document's text (all blocks joined, in reading order),
/// found in one overlapping pass: (start, end, theme index), in order of end. A context slice
/// is scored by counting the occurrences that lie inside it, so no sentence is scanned twice
/// (an overlapping search finds every occurrence, so those are exactly the slice's own hits).
pub(super) struct ThemeHits {
    pub hits: Vec<(u32, u32, u8)>,
    /// Scores of slices already counted, by their range in the joined text: a sentence naming
    /// several initiatives, and a section's paragraphs that every initiative in its heading
    /// takes as context, are counted once.
    memo: FxHashMap<(usize, usize), ThemeScores>,
}

impl ThemeHits {
    /// The hits inside `s..e` of `hits` (in order of end): the theme word counts of that slice.
    pub fn count(hits: &[(u32, u32, u8)], s: usize, e: usize) -> ThemeScores {
        let mut scores = Vocab::get().empty_scores();
        let first = hits.partition_point(|h| (h.1 as usize) <= s);
        for &(hs, he, t) in &hits[first..] {
            if he as usize > e {
                break;
            }
            if hs as usize >= s {
                scores.add(t as usize);
            }
        }
        scores
    }

    /// [`ThemeHits::count`], remembered for slices that are scored again.
    pub fn scores(&mut self, s: usize, e: usize) -> ThemeScores {
        let ThemeHits { hits, memo } = self;
        *memo
            .entry((s, e))
            .or_insert_with(|| ThemeHits::count(hits, s, e))
    }
}

/// Theme ids for an initiative: its programme's theme, themes named in its name (`name`: the
/// theme word counts of the name), then the strongest themes of its context.
pub(super) fn themes_for(
    name: &ThemeScores,
    programme_theme: Option<&str>,
    context: &[(usize, usize)],
    wider: &[(usize, usize)],
    fallback: &[usize],
    hits: &mut ThemeHits,
) -> Vec<usize> {
    let v = Vocab::get();
    let mut out: Vec<usize> = Vec::new();
    if let Some(t) = programme_theme.and_then(|t| v.theme_index(t)) {
        out.push(t);
    }
    // Strongest first, ties in theme order (a stable sort of a few indices).
    let mut ranked: Vec<usize> = (0..name.len()).filter(|&i| name[i] > 0).collect();
    ranked.sort_by_key(|&i| std::cmp::Reverse(name[i]));
    for &i in &ranked {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    // Context scores are sums over slices; themes past the scores' length never score.
    // The clauses first; when they name no theme (实行“晚课”制度), the sentences.
    let mut ctx = [0usize; MAX_THEMES];
    let mut top = 0;
    for spans in [context, wider] {
        for &(s, e) in spans {
            let scores = hits.scores(s, e);
            for (i, &s) in scores.iter().enumerate() {
                ctx[i] += s as usize;
            }
        }
        top = ctx.iter().copied().max().unwrap_or(0);
        if top > 0 || !out.is_empty() {
            break;
        }
    }
    if top > 0 {
        ranked.clear();
        ranked.extend((0..ctx.len()).filter(|&i| ctx[i] > 0 && ctx[i] * 2 >= top));
        ranked.sort_by_key(|&i| std::cmp::Reverse(ctx[i]));
        for &i in ranked.iter().take(3) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    if out.is_empty() {
        out.extend(fallback.iter().take(1));
    }
    if out.is_empty() {
        out.push(0);
    }
    out
}

/// A document's theme keyword hits over its blocks joined in reading order, where each block
/// starts in that joined text, and the document's own theme ranking (the last resort for an
/// initiative with no theme words).
pub(super) struct DocThemes<'d> {
    doc: &'d Document,
    block_start: Vec<Vec<usize>>,
    pub hits: ThemeHits,
    /// Themes of the whole document, strongest first.
    pub rank: Vec<usize>,
}

impl<'d> DocThemes<'d> {
    pub fn new(doc: &'d Document) -> DocThemes<'d> {
        let mut all_text = String::new();
        let mut block_start: Vec<Vec<usize>> = Vec::with_capacity(doc.sections.len());
        for s in &doc.sections {
            let mut starts = Vec::with_capacity(s.paragraphs.len() + 1);
            for b in s.heading.iter().chain(s.paragraphs.iter()) {
                starts.push(all_text.len());
                all_text.push_str(b);
            }
            block_start.push(starts);
        }
        let (doc_scores, hits) = Vocab::get().theme_hits(&all_text);
        let mut rank: Vec<usize> = (0..doc_scores.len())
            .filter(|&i| doc_scores[i] > 0)
            .collect();
        rank.sort_by_key(|&i| std::cmp::Reverse(doc_scores[i]));
        DocThemes {
            doc,
            block_start,
            hits: ThemeHits {
                hits,
                memo: FxHashMap::default(),
            },
            rank,
        }
    }

    /// Where a block starts in the joined text (a section's heading, when it has one, first).
    pub fn block_offset(&self, l: &Location) -> usize {
        let s = &self.doc.sections[l.section];
        let i = usize::from(s.heading.is_some());
        self.block_start[l.section][l.paragraph.map_or(0, |p| p + i)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_scores_from_one_pass_equal_scanning_the_slice() {
        let v = Vocab::get();
        let text = "推行“非接触式”办税缴费，纳税人学堂开讲，税银互动助力小微企业融资，\
                    延时服务和预约服务覆盖办税服务厅。";
        let (whole, hits) = v.theme_hits(text);
        assert_eq!(&*whole, &*v.theme_scores(text));
        assert!(whole.iter().any(|&h| h > 0), "the sample names themes");
        let mut th = ThemeHits {
            hits,
            memo: FxHashMap::default(),
        };
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (k, &s) in bounds.iter().enumerate() {
            for &e in &bounds[k..] {
                let scanned = v.theme_scores(&text[s..e]);
                assert_eq!(&*ThemeHits::count(&th.hits, s, e), &*scanned, "{s}..{e}");
                assert_eq!(&*th.scores(s, e), &*scanned, "{s}..{e}");
            }
        }
    }
}
