//! The views: one page per `#/…` route, each fed by the root with props.

pub mod about;
pub mod canonical;
pub mod charts;
pub mod compare;
pub mod documents;
pub mod figures;
pub mod initiatives;
pub mod kwic;
pub mod reader;
pub mod saved;
pub mod spread;
