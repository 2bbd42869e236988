//! The import's state, kept outside the component tree: the explorer is mounted anew when the
//! imported corpus replaces the dataset, and the dialog (with its report) must stay open
//! across that. The mounted bar listens; progress re-renders at most every 100 ms.

use crate::import::plan::Planned;
use crate::import::progress::Progress;
use crate::import::report::{Mode, Stored};
use corpus::pack::ImportSummary;
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// Files picked or dropped, as the host gave them (`[{path, file}]`), and the build plan.
pub struct Picked {
    pub entries: js_sys::Array,
    pub plan: Vec<Planned>,
    pub bytes: u64,
    /// Bytes of the first k files of the plan, for k = 0..=files.
    pub prefix: Vec<u64>,
}

impl Picked {
    pub fn new(entries: js_sys::Array, plan: Vec<Planned>) -> Picked {
        let mut prefix = Vec::with_capacity(plan.len() + 1);
        let mut sum = 0;
        prefix.push(0);
        for p in &plan {
            sum += p.size;
            prefix.push(sum);
        }
        Picked {
            entries,
            plan,
            bytes: sum,
            prefix,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Starting,
    /// Reading the bundled corpus (adding to it).
    Base,
    Files,
    /// Writing the pack's index and postings.
    Finishing,
    /// Keeping it in the browser, then loading it.
    Saving,
}

pub enum Phase {
    Idle,
    Choosing {
        picked: Option<Rc<Picked>>,
        mode: Mode,
    },
    Running {
        picked: Rc<Picked>,
        mode: Mode,
        stage: Stage,
        progress: Progress,
        current: String,
        /// When the files were sent (ms since the epoch).
        started: f64,
    },
    Done {
        summary: Rc<ImportSummary>,
        stored: Stored,
    },
    Failed {
        message: String,
    },
    Cancelled,
}

pub struct Session {
    pub phase: Phase,
    /// The dialog is shown.
    pub open: bool,
    /// A download being prepared (data pack, corpus JSON), or the last one's error.
    pub busy: bool,
    pub error: Option<String>,
    /// The running worker, kept with its message handler; dropped when it ends.
    pub worker: Option<super::run::Running>,
    /// Counts changes: components that read the session take it as a prop to re-render.
    pub version: u64,
}

thread_local! {
    static SESSION: RefCell<Session> = const { RefCell::new(Session {
        phase: Phase::Idle,
        open: false,
        busy: false,
        error: None,
        worker: None,
        version: 0,
    }) };
    static LISTENER: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
    static RELOAD: RefCell<Option<Callback<()>>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    static SCHEDULED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Reads the session.
pub fn with<R>(f: impl FnOnce(&Session) -> R) -> R {
    SESSION.with(|s| f(&s.borrow()))
}

/// Changes the session and re-renders the bar now.
pub fn update(f: impl FnOnce(&mut Session)) {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        f(&mut s);
        s.version += 1;
    });
    SCHEDULED.with(|c| c.set(false));
    notify();
}

/// Changes the session and re-renders the bar within 100 ms (progress).
pub fn update_soon(f: impl FnOnce(&mut Session)) {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        f(&mut s);
        s.version += 1;
    });
    if SCHEDULED.with(|c| c.replace(true)) {
        return;
    }
    // Replacing the timer drops the one before, which has fired by then (a fired timer stays in
    // the cell: it may not be dropped from inside its own callback).
    let t = Timeout::new(100, || {
        if SCHEDULED.with(|c| c.replace(false)) {
            notify();
        }
    });
    PENDING.with(|p| *p.borrow_mut() = Some(t));
}

fn notify() {
    if let Some(cb) = LISTENER.with(|l| l.borrow().clone()) {
        cb.emit(());
    }
}

/// The mounted bar: re-rendered on every change, and how to load the corpus anew.
pub fn listen(on_change: Callback<()>, on_reload: Callback<()>) {
    LISTENER.with(|l| *l.borrow_mut() = Some(on_change));
    RELOAD.with(|r| *r.borrow_mut() = Some(on_reload));
}

/// Loads the corpus anew (after an import or a removal).
pub fn reload() {
    if let Some(cb) = RELOAD.with(|r| r.borrow().clone()) {
        cb.emit(());
    }
}
