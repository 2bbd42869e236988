//! The views: one page per `#/…` route, each fed by the root with props.

pub mod canonical;
pub mod charts;
pub mod documents;
pub mod initiatives;
pub mod reader;
