//! Integration tests of the corpus crate, grouped by feature.

mod cli;
mod gold;
mod inputs;
mod merge;
mod pack;
mod props;
mod quality;
mod scale;
mod schema;
mod util;
