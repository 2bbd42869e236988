//! Building `search.bin`'s tables (layout in [`super::reader`]): per folded character and
//! character pair, the texts containing it.

use super::blob::Blobs;
use super::{bigram_key, is_unigram, unigram_key, FIRST_BLOCK};
use rustc_hash::FxHashMap;

/// Sorted gram keys, their posting ranges and the coded postings, as `search.bin` stores them.
pub(super) struct Coded {
    keys: Vec<u64>,
    offsets: Vec<u32>,
    bytes: Vec<u8>,
}

impl Coded {
    /// One table of `search.bin`: postings into `texts` texts (documents, then names).
    pub(super) fn write(&self, w: &mut Blobs, texts: u32, firsts: bool) {
        w.u32s(&[texts, firsts as u32]);
        w.u64s(&self.keys);
        w.u32s(&self.offsets);
        w.bytes(&self.bytes);
    }
}

/// Per folded character and character pair, the texts containing it (delta + varint coded),
/// over texts added one at a time (text `n` is the `n`-th added). With `firsts`, each pair
/// posting is followed by the block (`FIRST_BLOCK` bytes) of the pair's first occurrence in
/// that text, so a verifying scan can start there.
pub(super) struct PostingsBuilder {
    firsts: bool,
    texts: u32,
    index: FxHashMap<u64, usize>,
    /// Single characters of the Basic Multilingual Plane (all of CJK text) are looked up in a
    /// table by code point: they are half of all lookups.
    bmp: Vec<u32>,
    lists: Vec<PostingList>,
}

/// Each list is encoded as it grows (delta + varint, one or two bytes a posting) rather than
/// kept as (text, block) pairs: at 50,000 documents that is ~75 million postings, and 8 bytes
/// each were most of the pack writer's memory traffic.
struct PostingList {
    key: u64,
    /// Last text added, plus one (0: none yet).
    last: u32,
    bytes: Vec<u8>,
}

impl PostingsBuilder {
    pub(super) fn new(firsts: bool) -> PostingsBuilder {
        PostingsBuilder {
            firsts,
            texts: 0,
            index: FxHashMap::default(),
            bmp: vec![u32::MAX; 0x10000],
            lists: Vec::new(),
        }
    }

    /// One pass in text order: a key's first sighting in a text is its first occurrence, and
    /// a list whose last posting is this text already has it.
    #[inline]
    fn post(&mut self, k: u64, d: u32, block: u32) {
        let lists = &mut self.lists;
        let mut new_list = || {
            lists.push(PostingList {
                key: k,
                last: 0,
                bytes: Vec::new(),
            });
            lists.len() - 1
        };
        let code = (k & 0x1F_FFFF) as usize;
        let at = if is_unigram(k) && code < self.bmp.len() {
            if self.bmp[code] == u32::MAX {
                self.bmp[code] = new_list() as u32;
            }
            self.bmp[code] as usize
        } else {
            *self.index.entry(k).or_insert_with(new_list)
        };
        let l = &mut self.lists[at];
        if l.last == d + 1 {
            return;
        }
        let delta = if l.last == 0 { d } else { d - (l.last - 1) };
        varint(&mut l.bytes, delta);
        if self.firsts && !is_unigram(k) {
            varint(&mut l.bytes, block);
        }
        l.last = d + 1;
    }

    pub(super) fn add(&mut self, text: &str) {
        let d = self.texts;
        self.texts += 1;
        let mut prev: Option<(char, usize)> = None;
        for (at, c) in text.char_indices() {
            if c == '\n' {
                prev = None;
                continue;
            }
            self.post(unigram_key(c), d, 0);
            if let Some((p, pat)) = prev {
                self.post(bigram_key(p, c), d, pat as u32 / FIRST_BLOCK);
            }
            prev = Some((c, at));
        }
    }

    pub(super) fn finish(self) -> Coded {
        let PostingsBuilder {
            index, mut lists, ..
        } = self;
        drop(index);
        lists.sort_unstable_by_key(|l| l.key);
        let mut keys = Vec::with_capacity(lists.len());
        let mut offsets = Vec::with_capacity(lists.len() + 1);
        let mut bytes = Vec::with_capacity(lists.iter().map(|l| l.bytes.len()).sum());
        for l in &lists {
            keys.push(l.key);
            offsets.push(bytes.len() as u32);
            bytes.extend_from_slice(&l.bytes);
        }
        offsets.push(bytes.len() as u32);
        Coded {
            keys,
            offsets,
            bytes,
        }
    }
}

/// [`PostingsBuilder`] over a list of texts.
#[cfg(test)]
fn postings(texts: &[String], firsts: bool) -> (Vec<u64>, Vec<u32>, Vec<u8>) {
    let mut b = PostingsBuilder::new(firsts);
    for t in texts {
        b.add(t);
    }
    let c = b.finish();
    (c.keys, c.offsets, c.bytes)
}

pub(crate) fn varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::reader::decode_postings;
    use crate::pack::Postings;

    #[test]
    fn postings_cover_characters_beyond_the_basic_plane() {
        // 𠀀 (U+20000) goes through the hashed path, 纳 through the table; both are found.
        let texts = ["𠀀纳".to_string(), "纳税".to_string(), "𠀀".to_string()];
        let (keys, offsets, bytes) = postings(&texts, false);
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "keys sorted and unique"
        );
        let list = |k: u64| {
            let i = keys.binary_search(&k).expect("key present");
            decode_postings(&bytes[offsets[i] as usize..offsets[i + 1] as usize])
        };
        assert_eq!(list(unigram_key('𠀀')), [0, 2]);
        assert_eq!(list(unigram_key('纳')), [0, 1]);
        assert_eq!(list(bigram_key('𠀀', '纳')), [0]);
        assert_eq!(list(bigram_key('纳', '税')), [1]);
    }

    #[test]
    fn postings_round_trip() {
        let mut b = Vec::new();
        let docs = [0u32, 1, 5, 130, 20_000, 1_000_000];
        let mut last = 0;
        for (n, &d) in docs.iter().enumerate() {
            varint(&mut b, if n == 0 { d } else { d - last });
            last = d;
        }
        assert_eq!(decode_postings(&b), docs);
    }

    #[test]
    fn pair_postings_carry_first_blocks() {
        let texts = ["纳税人".to_string(), format!("{}纳税", "x".repeat(200))];
        let (keys, offsets, bytes) = postings(&texts, true);
        let p = Postings {
            texts: 2,
            firsts: true,
            keys,
            offsets,
            postings: bytes,
        };
        assert_eq!(
            p.get_with_firsts(bigram_key('纳', '税')),
            vec![(0, 0), (1, 3 * FIRST_BLOCK)]
        );
        assert_eq!(p.get(bigram_key('纳', '税')), vec![0, 1]);
        assert_eq!(p.get(unigram_key('人')), vec![0]);
    }
}
