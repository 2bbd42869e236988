//! The browser import's logic on the page's side, pure and tested natively: which files go to
//! the worker under which paths and in which order ([`plan`]), how far along it is and how long
//! is left ([`progress`]), and what the report and the stored corpus say ([`report`]). The
//! build itself runs in the import worker (`worker/`); the Yew side is `ui::import`.
//!
//! | module | what |
//! |---|---|
//! | [`plan`] | picked or dropped files → paths as `corpus build FOLDER` names them, in path order |
//! | [`progress`] | files and bytes done, the fraction, the time left |
//! | [`report`] | the worker's summary as report rows and counts; the stored corpus's description |

pub mod plan;
pub mod progress;
pub mod report;
