//! Bureau names in every form a document writes them:
//!
//! - 国家税务总局 + places + 税务局 (since the 2018 merger), places + 税务局;
//! - before it: places + 国家税务局 / 地方税务局 / 国税局 / 地税局;
//! - units below a bureau: …税务局第一税务所, …国税局平湖分局, 朱村中心税务所, 均安分局;
//! - short forms: 锦江税务, 眉山地税, 陕西国税 (a place or zone right before 税务/国税/地税);
//! - anonymized places (XX市, **县, 某区) and, last, a bare 县税务局 or 省地税局.
//!
//! Each name is read leftwards from its suffix as a chain of place tokens (divisions of the
//! gazetteer, full or short, autonomous prefectures by their 州 form, development zones,
//! anonymized units), over text folded to simplified characters so 國稅局 reads as 国税局; the
//! name reported is the text as written.
//!
//! | module | what |
//! |---|---|
//! | [`names`] | every bureau name in a text: suffixes, place chains, units, short forms |
//! | [`choose`] | the document's one bureau, in the fullest form written |

mod choose;
mod names;
#[cfg(test)]
mod tests;

pub use choose::choose_bureau;
pub(super) use choose::specificity;
pub use names::{find_bureaus, find_bureaus_known, unknown_places};

use crate::model::Bureau;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token {
    National,
    /// A division of the gazetteer; `short` when written without its suffix.
    Division {
        idx: usize,
        short: bool,
    },
    Zone,
    Anonymized,
    /// A bare 省/市/区/县 with no name (市税务局).
    Generic,
}

/// What kind of bureau a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BureauForm {
    /// A bare 县税务局 or 省地税局: the least a document can say.
    Generic,
    /// 锦江税务, 陕西国税.
    Short,
    /// A bureau: 税务局, 国税局, 地税局, 国家税务局, 地方税务局.
    Bureau,
    /// A unit below a bureau: 第一税务所, 平湖分局.
    Unit,
}

/// Which administration a name belongs to: before 2018 国税 and 地税 were two bureaus of one
/// place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    Merged,
    Guo,
    Di,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BureauMatch {
    /// As written in the document.
    pub name: String,
    pub(super) tokens: Vec<Token>,
    pub form: BureauForm,
    pub family: Family,
    /// The unit's own name (第一, 平湖, 朱村中心) when the name is a unit's.
    pub unit: Option<String>,
    /// Found in a short line (a site header, a source line), not in running text.
    pub in_short_line: bool,
    pub in_title: bool,
    /// Byte range in the text it was found in.
    pub start: usize,
    pub end: usize,
}

impl BureauMatch {
    pub fn anonymized(&self) -> bool {
        self.tokens.contains(&Token::Anonymized) || self.name.contains(['*', '＊'])
    }
}

pub fn bureau_of(m: &BureauMatch) -> Bureau {
    Bureau {
        name: m.name.clone(),
        anonymized: m.anonymized(),
    }
}
