//! Computations the app asks for but must not run on the UI thread (story grouping over
//! thousands of articles): `App::update` queues a [`Work`], the event loop runs it on a thread
//! and feeds its answer back as a `Msg`. Tests run it in place with `App::run_work`.

use std::fmt;

use super::app::Msg;

pub struct Work {
    pub what: &'static str,
    job: Box<dyn FnOnce() -> Msg + Send>,
}

impl Work {
    pub fn new(what: &'static str, job: impl FnOnce() -> Msg + Send + 'static) -> Work {
        Work {
            what,
            job: Box::new(job),
        }
    }

    pub fn run(self) -> Msg {
        (self.job)()
    }
}

impl fmt::Debug for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Work({})", self.what)
    }
}
