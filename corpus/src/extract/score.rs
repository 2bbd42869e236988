//! The scoring stage: a logistic model over a candidate's features, its weights data
//! (`data/scorer.json`, written by `corpus train` from the dev split's gold). A candidate is an
//! initiative when its score reaches the threshold.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scorer {
    /// How the weights were made (the training command and its data), for the record.
    #[serde(default)]
    pub about: String,
    pub threshold: f32,
    /// Per feature name, its weight; a feature with no weight counts zero.
    pub weights: std::collections::BTreeMap<String, f32>,
    #[serde(skip)]
    index: FxHashMap<String, f32>,
}

impl Scorer {
    pub fn new(
        threshold: f32,
        weights: std::collections::BTreeMap<String, f32>,
        about: String,
    ) -> Scorer {
        let index = weights.iter().map(|(k, v)| (k.clone(), *v)).collect();
        Scorer {
            about,
            threshold,
            weights,
            index,
        }
    }

    /// The scorer the build uses.
    pub fn get() -> &'static Scorer {
        static S: OnceLock<Scorer> = OnceLock::new();
        S.get_or_init(|| {
            let s: Scorer = serde_json::from_str(include_str!("../../data/scorer.json"))
                .expect("data/scorer.json is valid");
            Scorer::new(s.threshold, s.weights, s.about)
        })
    }

    /// The probability that a candidate with these features is an initiative.
    pub fn score(&self, features: &[&str]) -> f32 {
        let z: f32 = features
            .iter()
            .map(|f| self.index.get(*f).copied().unwrap_or(0.0))
            .sum();
        1.0 / (1.0 + (-z).exp())
    }
}

/// Fits logistic-regression weights to labelled feature sets (full-batch gradient descent
/// with L2 regularization; deterministic). `rows`: (features, is an initiative).
pub fn fit(
    rows: &[(Vec<&'static str>, bool)],
    l2: f32,
    rounds: usize,
) -> std::collections::BTreeMap<String, f32> {
    let mut names: Vec<&str> = rows.iter().flat_map(|(f, _)| f.iter().copied()).collect();
    names.sort_unstable();
    names.dedup();
    let pos: FxHashMap<&str, usize> = names.iter().enumerate().map(|(k, n)| (*n, k)).collect();
    let coded: Vec<(Vec<usize>, f32)> = rows
        .iter()
        .map(|(f, y)| {
            (
                f.iter().map(|x| pos[x]).collect(),
                if *y { 1.0 } else { 0.0 },
            )
        })
        .collect();
    let mut w = vec![0f32; names.len()];
    // Adam on the mean log loss.
    let (mut m, mut v) = (vec![0f32; w.len()], vec![0f32; w.len()]);
    let (lr, b1, b2, eps) = (0.05f32, 0.9f32, 0.999f32, 1e-8f32);
    let n = coded.len().max(1) as f32;
    for step in 1..=rounds {
        let mut g = vec![0f32; w.len()];
        for (f, y) in &coded {
            let z: f32 = f.iter().map(|&k| w[k]).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let d = p - y;
            for &k in f {
                g[k] += d / n;
            }
        }
        for k in 0..w.len() {
            let gk = g[k] + l2 * w[k];
            m[k] = b1 * m[k] + (1.0 - b1) * gk;
            v[k] = b2 * v[k] + (1.0 - b2) * gk * gk;
            let mh = m[k] / (1.0 - b1.powi(step as i32));
            let vh = v[k] / (1.0 - b2.powi(step as i32));
            w[k] -= lr * mh / (vh.sqrt() + eps);
        }
    }
    names
        .iter()
        .zip(w)
        .map(|(n, x)| (n.to_string(), (x * 1000.0).round() / 1000.0))
        .filter(|(_, x)| *x != 0.0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_separable_features() {
        let rows: Vec<(Vec<&'static str>, bool)> = (0..40)
            .map(|k| {
                if k % 2 == 0 {
                    (vec!["bias", "good"], true)
                } else {
                    (vec!["bias", "bad"], false)
                }
            })
            .collect();
        let w = fit(&rows, 0.001, 300);
        let s = Scorer::new(0.5, w, String::new());
        assert!(s.score(&["bias", "good"]) > 0.8);
        assert!(s.score(&["bias", "bad"]) < 0.2);
        // A feature the model never saw weighs nothing.
        assert!((s.score(&["bias", "good", "unseen"]) - s.score(&["bias", "good"])).abs() < 1e-6);
    }

    #[test]
    fn the_shipped_scorer_loads() {
        let s = Scorer::get();
        assert!(s.threshold > 0.0 && s.threshold < 1.0);
        assert!(!s.weights.is_empty());
    }
}
