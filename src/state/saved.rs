//! Saved views: a name and an ordinary link (the hash), kept in the browser's localStorage as
//! JSON. Reading never fails: a damaged entry is dropped, not an error.

use serde::{Deserialize, Serialize};

/// The localStorage key.
pub const KEY: &str = "tax-explorer.saved-views";
/// At most this many views are kept (oldest dropped first).
pub const MAX: usize = 200;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub name: String,
    /// The view's link, `#/…`.
    pub hash: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SavedViews(pub Vec<Saved>);

impl SavedViews {
    /// From the stored JSON; whatever cannot be read is left out.
    pub fn from_json(s: &str) -> SavedViews {
        SavedViews::from_values(serde_json::from_str(s).unwrap_or_default())
    }

    /// From the stored entries; whatever cannot be read is left out.
    pub fn from_values(raw: Vec<serde_json::Value>) -> SavedViews {
        SavedViews(
            raw.into_iter()
                .filter_map(|v| serde_json::from_value::<Saved>(v).ok())
                .filter(|v| !v.name.trim().is_empty() && v.hash.starts_with('#'))
                .take(MAX)
                .collect(),
        )
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_else(|_| "[]".into())
    }

    /// Keeps a view under `name` (trimmed, at most 80 characters); a view of the same name is
    /// replaced. Returns false for an empty name.
    pub fn save(&mut self, name: &str, hash: &str) -> bool {
        let name: String = name.trim().chars().take(80).collect();
        if name.is_empty() || !hash.starts_with('#') {
            return false;
        }
        self.0.retain(|v| v.name != name);
        self.0.push(Saved {
            name,
            hash: hash.to_string(),
        });
        if self.0.len() > MAX {
            self.0.remove(0);
        }
        true
    }

    /// Renames view `k`; refused when the new name is empty or taken by another view.
    pub fn rename(&mut self, k: usize, name: &str) -> bool {
        let name: String = name.trim().chars().take(80).collect();
        if name.is_empty()
            || self
                .0
                .iter()
                .enumerate()
                .any(|(j, v)| j != k && v.name == name)
        {
            return false;
        }
        match self.0.get_mut(k) {
            Some(v) => {
                v.name = name;
                true
            }
            None => false,
        }
    }

    pub fn delete(&mut self, k: usize) {
        if k < self.0.len() {
            self.0.remove(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_rename_delete_and_damaged_storage() {
        let mut s = SavedViews::default();
        assert!(s.save(
            " 四川智慧办税 ",
            "#/initiatives?theme=digital&province=%E5%9B%9B%E5%B7%9D"
        ));
        assert!(!s.save("  ", "#/charts"));
        assert!(s.save("图表", "#/charts"));
        assert!(s.save("图表", "#/charts?time=month"), "same name replaces");
        assert_eq!(s.0.len(), 2);
        assert_eq!(s.0[1].hash, "#/charts?time=month");
        assert!(!s.rename(0, "图表"), "name taken");
        assert!(s.rename(0, "四川"));
        let back = SavedViews::from_json(&s.to_json());
        assert_eq!(back, s);
        s.delete(0);
        assert_eq!(s.0.len(), 1);
        assert_eq!(SavedViews::from_json("not json").0.len(), 0);
        let mixed =
            r##"[{"name":"a","hash":"#/x"},{"name":1},{"name":"b","hash":"javascript:alert(1)"}]"##;
        assert_eq!(SavedViews::from_json(mixed).0.len(), 1);
    }
}
