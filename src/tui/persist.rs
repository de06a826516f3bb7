//! Where the reader's notes touch the disk, outside `App::update`: opening the store at launch,
//! saving after each change and retrying on a timer while saving fails (the notes stay in
//! memory and the status bar says why), and a last attempt on exit that, failing, prints the
//! unsaved notes so none is lost.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::notes::{NoteStore, data_dir};
use crate::tui::app::{App, Message};
use crate::tui::panes::notes::NotesState;

/// First wait before retrying a failed save; doubled after each failure up to [`MAX_BACKOFF`].
pub const FIRST_BACKOFF: Duration = Duration::from_secs(2);
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// How often the notes file is looked at for notes another copydesk saved.
pub const RELOAD_EVERY: Duration = Duration::from_secs(3);

/// When to try saving again, and when the file was last looked at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Retry {
    /// The store revision last tried: a newer change is saved at once, without waiting.
    tried_rev: Option<u64>,
    at: Option<Instant>,
    failures: u32,
    checked: Option<Instant>,
    /// The file's modification time when last read or written by us.
    seen: Option<std::time::SystemTime>,
}

/// Opens the notes from `--data-dir`, `COPYDESK_DATA_DIR` or the platform directory. Without a
/// data directory, notes are kept in memory only and the returned state says why. Messages
/// about the notes file (a damaged one moved aside) are in `notices`.
pub fn open(flag: Option<&Path>) -> NotesState {
    match data_dir(flag) {
        Ok(dir) => {
            let (store, messages) = NoteStore::open(&dir);
            let mut state = NotesState::new(store, None);
            state.notices = messages;
            state
        }
        Err(e) => NotesState::in_memory(format!("notes are kept in memory only: {e}")),
    }
}

/// Shows the notes' opening messages in the status bar (called once, at launch).
pub fn announce(app: &mut App) {
    let n = &app.notes;
    let text = match (&n.memory_only, n.notices.last()) {
        (_, Some(m)) => Some(m.clone()),
        (Some(why), None) => Some(format!("Notes: {why}")),
        (None, None) => None,
    };
    if let Some(text) = text {
        app.message = Some(Message { text, error: true });
    }
}

fn backoff(failures: u32) -> Duration {
    FIRST_BACKOFF
        .saturating_mul(1 << failures.saturating_sub(1).min(8))
        .min(MAX_BACKOFF)
}

/// Saves the notes if they changed, or retries a failed save when its time has come. Returns
/// true when the screen should be redrawn (a message, or notes merged in from another process).
pub fn tick(app: &mut App, now: Instant) -> bool {
    let rev = app.notes.rev;
    let redraw = save_or_reload(app, now);
    if app.notes.rev != rev {
        // The marks and the notes pane follow what the save merged in or the reload brought.
        crate::tui::panes::notes::refresh(app);
    }
    redraw
}

fn save_or_reload(app: &mut App, now: Instant) -> bool {
    let n = &mut app.notes;
    if n.memory_only.is_some() {
        return false;
    }
    if !n.store.is_dirty() {
        return reload_if_changed(app, now);
    }
    let fresh_change = n.retry.tried_rev != Some(n.rev);
    if !fresh_change && n.retry.at.is_some_and(|t| now < t) {
        return false;
    }
    n.retry.tried_rev = Some(n.rev);
    let result = n.store.save();
    let notices = n.store.take_messages();
    let (text, error) = match result {
        Ok(()) => {
            n.rev += 1; // the save merged in what other processes wrote
            n.retry = Retry {
                tried_rev: Some(n.rev),
                checked: Some(now),
                seen: modified(&n.store.path()),
                ..Retry::default()
            };
            let was_failing = n.save_error.take().is_some();
            match notices.last() {
                Some(m) => (Some(m.clone()), true),
                None if was_failing => (
                    Some(format!("Notes saved to {}", n.store.path().display())),
                    false,
                ),
                None => (None, false),
            }
        }
        Err(e) => {
            n.retry.failures += 1;
            let wait = backoff(n.retry.failures);
            n.retry.at = Some(now + wait);
            let text = format!("{e} (next try in {}s)", wait.as_secs());
            n.save_error = Some(e.to_string());
            (Some(text), true)
        }
    };
    n.notices.extend(notices);
    match text {
        Some(text) => {
            app.message = Some(Message { text, error });
            true
        }
        None => true,
    }
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Every [`RELOAD_EVERY`], brings in notes another copydesk saved since (the file changed).
fn reload_if_changed(app: &mut App, now: Instant) -> bool {
    let n = &mut app.notes;
    if n.retry
        .checked
        .is_some_and(|t| now.saturating_duration_since(t) < RELOAD_EVERY)
    {
        return false;
    }
    let first = n.retry.checked.is_none();
    n.retry.checked = Some(now);
    let m = modified(&n.store.path());
    if first || m == n.retry.seen {
        n.retry.seen = m;
        return false;
    }
    let messages = n.store.reload();
    n.retry.seen = modified(&n.store.path());
    n.rev += 1;
    if let Some(text) = messages.last() {
        app.message = Some(Message {
            text: text.clone(),
            error: true,
        });
    }
    app.notes.notices.extend(messages);
    true
}

/// How long the event loop may sleep before [`tick`] has work: `None` when nothing waits.
pub fn wake_in(app: &App, now: Instant) -> Option<Duration> {
    let n = &app.notes;
    if n.memory_only.is_some() || !n.store.is_dirty() {
        return None;
    }
    Some(
        n.retry
            .at
            .map_or(Duration::ZERO, |t| t.saturating_duration_since(now)),
    )
}

/// On exit: one more try to save; failing that (or with no data directory), the unsaved notes
/// are printed to `err` as the JSON of a notes file, so no note is lost. Notices about the notes
/// file are repeated too.
pub fn finish(app: &mut App, err: &mut dyn Write) {
    let n = &mut app.notes;
    let result = if n.memory_only.is_some() || !n.store.is_dirty() {
        Ok(())
    } else {
        n.store.save()
    };
    n.notices.extend(n.store.take_messages());
    for m in &n.notices {
        let _ = writeln!(err, "copydesk: {m}");
    }
    let why = match (&n.memory_only, result) {
        _ if !n.store.is_dirty() => return,
        (Some(why), _) => why.clone(),
        (None, Err(e)) => e.to_string(),
        (None, Ok(())) => return,
    };
    let _ = writeln!(
        err,
        "copydesk: your notes could not be saved ({why}); here they are, as a notes file to keep:"
    );
    match serde_json::to_string_pretty(&n.store.to_file()) {
        Ok(json) => {
            let _ = writeln!(err, "{json}");
        }
        Err(e) => {
            let _ = writeln!(err, "copydesk: could not even write them out: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_a_cap() {
        assert_eq!(backoff(1), Duration::from_secs(2));
        assert_eq!(backoff(2), Duration::from_secs(4));
        assert_eq!(backoff(3), Duration::from_secs(8));
        assert_eq!(backoff(10), MAX_BACKOFF);
        assert_eq!(backoff(u32::MAX), MAX_BACKOFF);
    }
}
