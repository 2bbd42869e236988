//! One integration-test binary (one link step) for the corpus crate, split in modules.

mod gold;
mod util;
