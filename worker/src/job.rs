//! One import: the documents of an earlier pack when the files are added to it, then the files
//! in path order, through the one build path ([`corpus::Build`]) into pack files held in
//! memory. A file is read, processed and dropped before the next one, so what the job holds
//! is the pack being written, not the files.

use corpus::build::{refused, too_large, Build, BuildOptions, PackFiles, MAX_FILE_BYTES};
use corpus::model::InputStatus;
use corpus::pack::{self, BuildReport, ImportSummary};
use std::cell::RefCell;
use std::rc::Rc;

pub struct Job {
    build: Build<'static>,
    files: Rc<RefCell<PackFiles>>,
    /// Records of the earlier build, listed before this job's files.
    from: usize,
}

/// What became of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Added {
    pub status: InputStatus,
}

impl Job {
    pub fn new() -> Result<Job, String> {
        let files: Rc<RefCell<PackFiles>> = Rc::default();
        let sink = files.clone();
        let build = Build::new(BuildOptions {
            corpus: false,
            pack: Some(Box::new(move |name: &str, bytes: &[u8]| {
                sink.borrow_mut().push((name.to_string(), bytes.to_vec()));
                Ok(())
            })),
        })
        .map_err(|e| e.to_string())?;
        Ok(Job {
            build,
            files,
            from: 0,
        })
    }

    /// Takes in an earlier pack (its `report.json`, then its document chunks in order), whose
    /// documents keep their ids and come first; returns how many documents it had.
    pub fn add_base<'b>(
        &mut self,
        report: &[u8],
        chunks: impl IntoIterator<Item = &'b [u8]>,
    ) -> Result<usize, String> {
        let report: BuildReport =
            serde_json::from_slice(report).map_err(|e| format!("{}: {e}", pack::REPORT_FILE))?;
        self.from = report.inputs.len();
        self.build.add_records(report.inputs);
        let mut n = 0;
        for (k, bytes) in chunks.into_iter().enumerate() {
            let details = pack::decode_details(bytes)
                .map_err(|e| format!("{}: {e}", pack::detail_file(k)))?;
            for d in details {
                self.build.add_built(d).map_err(|e| e.to_string())?;
                n += 1;
            }
        }
        Ok(n)
    }

    /// Processes and adds the next file (path order).
    pub fn add_file(&mut self, path: &str, bytes: &[u8]) -> Result<Added, String> {
        let r = if bytes.len() as u64 > MAX_FILE_BYTES {
            self.build
                .add_processed(too_large(path, bytes.len() as u64))
        } else {
            self.build.add(path, bytes)
        };
        r.map(|i| Added { status: i.status })
            .map_err(|e| e.to_string())
    }

    /// Adds a file of `size` bytes without reading it when it is larger than the build
    /// accepts; `None` when it must be read.
    pub fn refuse_if_too_large(&mut self, path: &str, size: u64) -> Option<Result<Added, String>> {
        (size > MAX_FILE_BYTES).then(|| {
            self.build
                .add_processed(too_large(path, size))
                .map(|i| Added { status: i.status })
                .map_err(|e| e.to_string())
        })
    }

    /// Adds a file that could not be read, as skipped with the reason.
    pub fn add_refused(&mut self, path: &str, size: u64, why: String) -> Result<Added, String> {
        self.build
            .add_processed(refused(path, size, why))
            .map(|i| Added { status: i.status })
            .map_err(|e| e.to_string())
    }

    /// Writes the rest of the pack: its files (in the order written; `index.bin` last) and
    /// the summary of this job's files.
    pub fn finish(self, elapsed_secs: f64) -> Result<(PackFiles, ImportSummary), String> {
        let Job { build, files, from } = self;
        let outcome = build.finish().map_err(|e| e.to_string())?;
        let text = corpus::report::text(
            &outcome,
            from,
            "data pack (in the browser)",
            elapsed_secs,
            false,
        );
        let inputs = outcome.inputs[from..].to_vec();
        let counts = inputs
            .iter()
            .map(|i| {
                i.doc_id
                    .as_ref()
                    .filter(|_| {
                        matches!(
                            i.status,
                            InputStatus::Built | InputStatus::BuiltWithWarnings
                        )
                    })
                    .and_then(|id| outcome.per_document.get(id).copied())
                    .unwrap_or_default()
            })
            .collect();
        let summary = ImportSummary {
            inputs,
            counts,
            documents: outcome.totals.documents,
            initiatives: outcome.totals.initiatives,
            metrics: outcome.totals.metrics,
            content_hash: outcome.content_hash,
            text,
        };
        let files = Rc::try_unwrap(files)
            .map(RefCell::into_inner)
            .unwrap_or_else(|rc| rc.borrow().clone());
        Ok((files, summary))
    }
}

/// The corpus JSON (as `corpus build --out` writes it) of a pack: its `report.json` and its
/// document chunks in order.
pub fn corpus_json<'b>(
    report: &[u8],
    chunks: impl IntoIterator<Item = &'b [u8]>,
) -> Result<Vec<u8>, String> {
    let report: BuildReport =
        serde_json::from_slice(report).map_err(|e| format!("{}: {e}", pack::REPORT_FILE))?;
    let mut details = Vec::new();
    for (k, bytes) in chunks.into_iter().enumerate() {
        details.extend(
            pack::decode_details(bytes).map_err(|e| format!("{}: {e}", pack::detail_file(k)))?,
        );
    }
    let corpus = corpus::corpus_from_pack(report, details);
    serde_json::to_vec(&corpus).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Vec<(String, Vec<u8>)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../data/raw");
        let mut v: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().to_string(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    }

    fn get<'a>(files: &'a PackFiles, name: &str) -> &'a [u8] {
        &files.iter().find(|(n, _)| n == name).unwrap().1
    }

    fn chunks(files: &PackFiles) -> Vec<&[u8]> {
        let mut v: Vec<&(String, Vec<u8>)> = files
            .iter()
            .filter(|(n, _)| n.starts_with("doc-"))
            .collect();
        v.sort();
        v.into_iter().map(|(_, b)| b.as_slice()).collect()
    }

    /// A job writes the pack `corpus build` writes for the same files, and reports them.
    #[test]
    fn a_job_is_the_cli_build() {
        let files = seeds();
        let (corpus, want) =
            corpus::pack_of(files.iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
        let mut job = Job::new().unwrap();
        for (p, b) in &files {
            assert!(job.refuse_if_too_large(p, b.len() as u64).is_none());
            job.add_file(p, b).unwrap();
        }
        let too_big = job
            .refuse_if_too_large("zz.txt", MAX_FILE_BYTES + 1)
            .unwrap()
            .unwrap();
        assert_eq!(too_big.status, InputStatus::Skipped);
        let (got, summary) = job.finish(1.0).unwrap();
        for (name, bytes) in &want {
            if name != pack::REPORT_FILE && name != pack::INDEX_FILE {
                assert!(get(&got, name) == bytes.as_slice(), "{name}");
            }
        }
        assert_eq!(summary.inputs.len(), files.len() + 1);
        assert_eq!(summary.documents, corpus.documents.len());
        assert!(summary.counts[0].0 > 0);
        assert!(summary.text.contains("skipped    zz.txt"));
        // The corpus JSON read back from the pack.
        let json = corpus_json(get(&want, pack::REPORT_FILE), chunks(&want)).unwrap();
        assert_eq!(json, serde_json::to_vec(&corpus).unwrap());
    }

    /// Added to an earlier pack, the job's report lists only its own files.
    #[test]
    fn adding_reports_only_the_new_files() {
        let files = seeds();
        let (_, base) =
            corpus::pack_of(files[..3].iter().map(|(p, b)| (p.as_str(), b.as_slice()))).unwrap();
        let mut job = Job::new().unwrap();
        let n = job
            .add_base(get(&base, pack::REPORT_FILE), chunks(&base))
            .unwrap();
        assert_eq!(n, 3);
        for (p, b) in &files[3..] {
            job.add_file(p, b).unwrap();
        }
        job.add_file(&files[0].0, &files[0].1).unwrap_err();
        let (_, summary) = job.finish(0.1).unwrap();
        assert_eq!(summary.inputs.len(), 2);
        assert_eq!(summary.documents, 5);
    }
}
