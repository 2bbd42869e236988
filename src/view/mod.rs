//! View models: what the pages show, computed from the dataset and the current results,
//! pure and tested natively.

pub mod charts;
pub mod compare;
pub mod export;
pub mod figures;
pub mod highlight;
pub mod i18n;
pub mod kwic;
pub mod spread;
