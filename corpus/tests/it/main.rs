//! One integration-test binary (one link step) for the corpus crate, split in modules.

mod bad_input;
mod gold;
mod props;
mod schema;
mod util;
