//! How far an import is: files and bytes done, and the time left, estimated from the bytes
//! processed so far (a 5 MB file takes longer than a 5 KB one).

/// The state of a running import, in the plan's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub files: usize,
    pub done: usize,
    pub bytes: u64,
    pub bytes_done: u64,
    /// Milliseconds since the files started (after the worker was ready).
    pub elapsed_ms: f64,
}

impl Progress {
    /// Done as a fraction of the work, by bytes (by files when there are no bytes).
    pub fn fraction(&self) -> f64 {
        let f = if self.bytes > 0 {
            self.bytes_done as f64 / self.bytes as f64
        } else if self.files > 0 {
            self.done as f64 / self.files as f64
        } else {
            1.0
        };
        f.clamp(0.0, 1.0)
    }

    /// Seconds left, once there is enough to go by (a second, or a tenth of the work).
    pub fn seconds_left(&self) -> Option<f64> {
        let f = self.fraction();
        if f <= 0.0 || (self.elapsed_ms < 1000.0 && f < 0.1) {
            return None;
        }
        Some((self.elapsed_ms / f * (1.0 - f) / 1000.0).max(0.0))
    }
}

/// Bytes of the first `done` files of the plan's sizes.
pub fn bytes_done(sizes: &[u64], done: usize) -> u64 {
    sizes.iter().take(done).sum()
}

/// The time left for people, in the interface language: 约 5 秒 / about 5 s, 约 2 分钟 / about 2 min.
pub fn human_left(secs: f64, en: bool) -> String {
    let s = secs.ceil() as u64;
    match (s < 60, en) {
        (true, false) => format!("约 {} 秒", s.max(1)),
        (true, true) => format!("about {} s", s.max(1)),
        (false, false) => format!("约 {} 分钟", s.div_ceil(60)),
        (false, true) => format!("about {} min", s.div_ceil(60)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(done: usize, bytes_done: u64, elapsed_ms: f64) -> Progress {
        Progress {
            files: 10,
            done,
            bytes: 1000,
            bytes_done,
            elapsed_ms,
        }
    }

    #[test]
    fn time_left_goes_by_bytes() {
        assert_eq!(p(0, 0, 0.0).seconds_left(), None);
        assert_eq!(p(1, 50, 500.0).seconds_left(), None, "too early to say");
        assert_eq!(p(5, 500, 2000.0).seconds_left(), Some(2.0));
        assert!((p(2, 800, 4000.0).seconds_left().unwrap() - 1.0).abs() < 1e-9);
        assert_eq!(p(10, 1000, 4000.0).seconds_left(), Some(0.0));
    }

    #[test]
    fn no_bytes_goes_by_files() {
        let q = Progress {
            files: 4,
            done: 1,
            bytes: 0,
            bytes_done: 0,
            elapsed_ms: 3000.0,
        };
        assert_eq!(q.fraction(), 0.25);
        assert_eq!(bytes_done(&[3, 4, 5], 2), 7);
    }

    #[test]
    fn time_for_people() {
        assert_eq!(human_left(0.2, false), "约 1 秒");
        assert_eq!(human_left(4.5, true), "about 5 s");
        assert_eq!(human_left(61.0, false), "约 2 分钟");
    }
}
