//! The container of every binary pack file: the magic `TXPK`, the pack version (`u32` LE),
//! then blobs, each a `u32` LE byte length followed by that many bytes. A blob is JSON, a
//! column of little-endian `u32`/`u64`/`f64`, or raw bytes; the file's own layout (see
//! [`super::reader`]) says which comes when.

use super::{PackError, PACK_VERSION};
use serde::{Deserialize, Serialize};

const MAGIC: &[u8; 4] = b"TXPK";

pub struct Blobs {
    pub(crate) out: Vec<u8>,
}

impl Default for Blobs {
    fn default() -> Self {
        Blobs::new()
    }
}

impl Blobs {
    pub fn new() -> Blobs {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&PACK_VERSION.to_le_bytes());
        Blobs { out }
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.out.extend_from_slice(&(b.len() as u32).to_le_bytes());
        self.out.extend_from_slice(b);
    }
    /// Serialized in place behind its length, which is filled in afterwards.
    pub fn json<T: Serialize>(&mut self, v: &T) {
        let at = self.out.len();
        self.out.extend_from_slice(&[0; 4]);
        if serde_json::to_writer(&mut self.out, v).is_err() {
            self.out.truncate(at + 4);
        }
        let len = (self.out.len() - at - 4) as u32;
        self.out[at..at + 4].copy_from_slice(&len.to_le_bytes());
    }
    /// A column of fixed-width numbers, little-endian, written straight into the output: a
    /// temporary vector per column would cost fresh pages for each, not instructions.
    fn column<const N: usize, T: Copy>(&mut self, v: &[T], le: impl Fn(T) -> [u8; N]) {
        let len = v.len() * N;
        self.out.extend_from_slice(&(len as u32).to_le_bytes());
        let start = self.out.len();
        self.out.resize(start + len, 0);
        for (dst, &x) in self.out[start..].chunks_exact_mut(N).zip(v) {
            dst.copy_from_slice(&le(x));
        }
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.column(v, u32::to_le_bytes);
    }
    pub fn u64s(&mut self, v: &[u64]) {
        self.column(v, u64::to_le_bytes);
    }
    pub fn f64s(&mut self, v: &[f64]) {
        self.column(v, f64::to_le_bytes);
    }
    pub fn finish(self) -> Vec<u8> {
        self.out
    }
}

pub struct BlobReader<'a> {
    rest: &'a [u8],
}

fn truncated() -> PackError {
    PackError::Inconsistent("pack file is truncated".into())
}

impl<'a> BlobReader<'a> {
    pub fn new(b: &'a [u8]) -> Result<BlobReader<'a>, PackError> {
        if b.len() < 8 || &b[..4] != MAGIC {
            return Err(PackError::Format("not a pack file".into()));
        }
        let v = u32::from_le_bytes([b[4], b[5], b[6], b[7]]);
        if v != PACK_VERSION {
            return Err(PackError::Format(format!(
                "pack version {v} but this app reads version {PACK_VERSION}"
            )));
        }
        Ok(BlobReader { rest: &b[8..] })
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], PackError> {
        if self.rest.len() < 4 {
            return Err(truncated());
        }
        let n =
            u32::from_le_bytes([self.rest[0], self.rest[1], self.rest[2], self.rest[3]]) as usize;
        let body = self.rest.get(4..4 + n).ok_or_else(truncated)?;
        self.rest = &self.rest[4 + n..];
        Ok(body)
    }
    pub fn json<T: for<'de> Deserialize<'de>>(&mut self) -> Result<T, PackError> {
        serde_json::from_slice(self.bytes()?)
            .map_err(|e| PackError::Inconsistent(format!("pack metadata: {e}")))
    }
    fn fixed<const N: usize>(&mut self) -> Result<impl Iterator<Item = [u8; N]> + 'a, PackError> {
        let b = self.bytes()?;
        if b.len() % N != 0 {
            return Err(PackError::Inconsistent(
                "pack column has a partial value".into(),
            ));
        }
        Ok(b.chunks_exact(N)
            .map(|c| <[u8; N]>::try_from(c).unwrap_or([0; N])))
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>, PackError> {
        Ok(self.fixed::<4>()?.map(u32::from_le_bytes).collect())
    }
    pub fn u64s(&mut self) -> Result<Vec<u64>, PackError> {
        Ok(self.fixed::<8>()?.map(u64::from_le_bytes).collect())
    }
    pub fn f64s(&mut self) -> Result<Vec<f64>, PackError> {
        Ok(self.fixed::<8>()?.map(f64::from_le_bytes).collect())
    }
}
