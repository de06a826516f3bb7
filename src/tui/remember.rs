//! Start-up and quit around the event loop for a collection: the saved session put back (a
//! damaged file never stops start-up, it is set aside with a message) and saved on quit, and
//! the folders watched for changes (not for the demo, which is not on disk).

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

use super::app::App;
use crate::cli::Global;
use crate::collection::watch::{self as watching, Watch};
use crate::collection::{SessionStore, WatchEvent, collection_key};

/// Where this collection's session lives.
pub struct SessionPlace {
    store: SessionStore,
    key: Vec<String>,
}

/// Finds and applies the saved session of the collection being opened. Problems become status
/// messages; `None` when there is no data directory to keep a session in.
pub fn open(global: &Global, paths: &[PathBuf], app: &mut App) -> Option<SessionPlace> {
    let dir = match crate::notes::data_dir(global.data_dir.as_deref()) {
        Ok(d) => d,
        Err(e) => {
            app.message = Some(super::app::Message {
                text: format!("Session not kept: {e}"),
                error: true,
            });
            return None;
        }
    };
    let place = SessionPlace {
        store: SessionStore::new(&dir),
        key: collection_key(global.demo, paths),
    };
    let (session, messages) = place.store.load(&place.key);
    if let Some(s) = session {
        app.restore(s);
    }
    if let Some(m) = messages.into_iter().next() {
        app.message = Some(super::app::Message { text: m, error: true });
    }
    Some(place)
}

impl SessionPlace {
    /// Saves while running, when something changed since `last` (errors are left for the save
    /// on quit to report).
    pub fn save_if_changed(&self, app: &App, last: &mut Option<crate::collection::Session>) {
        // While loading, the saved article may not have arrived yet: nothing to save.
        if app.loading.active {
            return;
        }
        let now = app.session();
        if last.as_ref() != Some(&now) && self.store.save(&self.key, &now).is_ok() {
            *last = Some(now);
        }
    }

    /// Saves how the collection is left; a failure is said on `err` (the screen is gone).
    pub fn save(&self, app: &App, err: &mut dyn std::io::Write) {
        if let Err(e) = self.store.save(&self.key, &app.session()) {
            let _ = writeln!(err, "copydesk: {e}");
        }
    }
}

/// Starts watching `paths` (nothing to watch for the demo alone). Problems become a message.
pub fn watch(paths: &[PathBuf], app: &mut App) -> (Option<Watch>, Option<Receiver<WatchEvent>>) {
    if paths.is_empty() {
        return (None, None);
    }
    let (tx, rx) = mpsc::channel();
    match watching::watch(paths, tx) {
        Ok((w, messages)) => {
            if let Some(m) = messages.into_iter().next() {
                app.message = Some(super::app::Message { text: m, error: true });
            }
            (Some(w), Some(rx))
        }
        Err(e) => {
            app.message = Some(super::app::Message { text: e, error: true });
            (None, None)
        }
    }
}
