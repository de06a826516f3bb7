//! Computations the app asks for but must not run on the UI thread (story grouping over
//! thousands of articles, fetching pages): `App::update` queues a [`Work`], the event loop runs
//! it on a thread and feeds its answer back as a `Msg`. A job may also send progress (`Msg`s
//! that arrive before its answer). Tests run it in place with `App::run_work`.

use std::fmt;

use super::app::Msg;

/// A job: given a way to send progress, it returns its answer.
type Job = Box<dyn FnOnce(&dyn Fn(Msg)) -> Msg + Send>;

pub struct Work {
    pub what: &'static str,
    job: Job,
}

impl Work {
    pub fn new(what: &'static str, job: impl FnOnce() -> Msg + Send + 'static) -> Work {
        Work {
            what,
            job: Box::new(move |_| job()),
        }
    }

    /// A job that reports progress through the function it is given.
    pub fn with_progress(what: &'static str, job: impl FnOnce(&dyn Fn(Msg)) -> Msg + Send + 'static) -> Work {
        Work {
            what,
            job: Box::new(job),
        }
    }

    /// Runs the job, dropping its progress.
    pub fn run(self) -> Msg {
        (self.job)(&|_| {})
    }

    /// Runs the job, handing each progress message to `progress` as it comes.
    pub fn run_with(self, progress: &dyn Fn(Msg)) -> Msg {
        (self.job)(progress)
    }
}

impl fmt::Debug for Work {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Work({})", self.what)
    }
}
