//! The terminal UI: state, actions, keymap, panes. Renders from state; never parses files.
//!
//! Data flows one way: keys, mouse and loading events become [`app::Msg`]s, [`app::App::update`]
//! changes the state (no I/O), [`draw::draw`] paints the state. [`terminal`] is the only code
//! that touches the terminal.
//!
//! - [`keymap::Keymap`] is the single table of keys, per [`keymap::Context`] (a pane, a prompt,
//!   help) with fallbacks (Reader → Article → Global). Dispatch (`lookup`), the help screen
//!   (`entries`) and the status-bar hints (`hint_key`, from each pane's `HINTS`) all read it, so
//!   a binding changed there — from `config.toml` ([`config`], which also sets the theme, colours,
//!   widths and boilerplate default) — changes all three.
//! - The reader never copies or rewrites text: [`wrap`] turns the article into screen lines of
//!   byte ranges (cached per article, width and boilerplate setting, re-made only when one
//!   changes), and styles arrive as [`panes::reader::Layer`]s of byte ranges merged into each
//!   visible line's spans. `App::reader_layers` is where a layer is added: entity labels (one layer
//!   per label, each with its style), quotes, note marks.
//! - n/N follow [`app::Jumps`]: the ranges chosen last and the current one. A search fills it; an
//!   entity chosen in the entity panel fills it the same way (`JumpKind::Entity`).
//!
//! - Collection features ([`collection`]) are `App` methods in their own file: the sidebar shows
//!   `collection.listing.order` (filter and sort over folded keys), so `current_article` goes
//!   through it; a search across every article runs a chunk per [`app::Msg::Tick`] (the event
//!   loop ticks while `App::busy`), its hits in [`panes::results`]; the clipboard text waits in
//!   `collection.clipboard` for the event loop to write as OSC 52 ([`clipboard`]); [`remember`]
//!   restores and saves the session and starts the folder watch, whose events are
//!   [`app::Msg::Watch`]. After a file is reloaded its article id changes, so `article_changed`
//!   runs, and `collection.reloads` counts reloads for panes that derive data (notes re-anchor
//!   by asking `NoteStore::notes_for` again).
//!
//! - Work too slow for the UI thread (story grouping over a big folder) is queued by `update`
//!   as a [`work::Work`]; the event loop runs it on a thread and feeds its answer back as a
//!   `Msg` (tests call `App::run_work`). The sidebar lists each story's versions together
//!   ([`stories`]); the diff pane (`D`) compares two of them ([`diffrows`], `panes::diff`,
//!   `panes::coverage`) and takes the width of sidebar and reader while open.
//!
//! Adding a pane (entity panel, diff pane, notes pane): a module in `panes/` with its state, a
//! `handle(action, …) -> bool`, a `draw(buf, area, app, focused)` and its `HINTS`; a `PaneId`
//! variant (with its `Context`), listed in `App::panes` while shown (Tab order); a slot in
//! `draw::screen`; its bindings in `Keymap::default`. An editor (notes) is a `Mode` like the
//! search prompt: its context takes printable keys, and the keymap keeps only its commands.
//!
//! Entities: [`analysis`] queues the recogniser's work in `update` (the open article alone first,
//! then the whole collection so versions of a story share evidence), the event loop runs it on
//! rayon and hands results back as `Msg::Analysed`, so drawing never waits for it;
//! [`panes::entities`] holds the label toggles, the legend, quote marks and the entity panel,
//! whose chosen entity fills [`app::Jumps`] as `JumpKind::Entity`.
//!
//! Notes: [`panes::notes`] holds the store in memory, the passage cursor (sentence, paragraph,
//! search match), the notes pane and the reader's marks (gutter signs, underline layers);
//! [`panes::editor`] is the note editor (`Mode::Note`, tui-textarea). Disk I/O stays out of
//! `update`: [`persist`] opens the store at launch, and the event loop calls `persist::tick`
//! to save after a change, retry a failed save with backoff, and bring in notes another
//! copydesk saved; `persist::finish` makes a last attempt on exit and prints what it could not save.

pub mod action;
pub mod analysis;
pub mod app;
pub mod clipboard;
pub mod collection;
pub mod config;
pub mod diffrows;
pub mod draw;
pub mod export;
pub mod fetch;
pub mod keymap;
pub mod panes;
pub mod persist;
pub mod remember;
pub mod stories;
pub mod terminal;
pub mod theme;
pub mod work;
pub mod wrap;

use std::path::PathBuf;

pub use action::Action;
pub use app::{App, Msg, Options};
pub use draw::draw;

use crate::article;
use crate::cli::Global;

/// Opens the reader on the demo and/or the given paths, loading the paths in the background;
/// with neither, on the library of fetched articles when it has any. Returns the process exit
/// status; problems met while loading are listed in the reader (`!`) and repeated on stderr on
/// exit. When none of the paths can be read, nothing is shown: the problems go to stderr, exit 1.
pub fn launch(global: &Global, paths: &[PathBuf], err: &mut dyn std::io::Write) -> u8 {
    let library = fetch::FetchState::in_data_dir(global.data_dir.as_deref());
    let mut paths = paths.to_vec();
    if !global.demo && paths.is_empty() {
        match library.library.as_ref().ok().filter(|(dir, _)| has_articles(dir)) {
            Some((dir, _)) => paths.push(dir.clone()),
            None => {
                let _ = writeln!(
                    err,
                    "copydesk: give files or folders of articles to read, or --demo for the bundled \
                     story, or fetch pages first with `copydesk fetch URL` (see copydesk --help)"
                );
                return 2;
            }
        }
    }
    let paths = paths.as_slice();
    // Nothing to read at all (every path given is missing or unreadable, and no demo): say so on
    // stderr and stop before the screen is taken, as `less` does. Problems with some paths
    // while others load are listed inside the reader (`!`).
    if !global.demo && !paths.is_empty() {
        let problems: Vec<_> = paths.iter().filter_map(|p| article::reachable(p).err()).collect();
        if problems.len() == paths.len() {
            for p in &problems {
                let _ = writeln!(err, "copydesk: {p}");
            }
            let _ = writeln!(err, "copydesk: nothing to read");
            return crate::cli::EXIT_FAILURE;
        }
    }
    // A config file never stops the reader: its problems show in the status bar and on exit.
    let config = config::load(global.config.as_deref());
    let options = config.config.options(theme::Theme::no_color_from_env());
    let articles = if global.demo {
        article::demo::articles()
    } else {
        Vec::new()
    };
    let mut app = App::new(articles, options);
    app.fetch = library;
    app.notes = persist::open(global.data_dir.as_deref());
    persist::announce(&mut app);
    let config_problems = config.messages();
    if let Some(text) = config.startup_message() {
        app.message = Some(app::Message { text, error: true });
    }
    let background = if paths.is_empty() {
        None
    } else {
        let paths = paths.to_vec();
        app.start_loading();
        Some(terminal::Background::spawn(move |tx| {
            article::load_streaming(&paths, &tx)
        }))
    };
    let session = remember::open(global, paths, &mut app);
    let (watch, watch_rx) = remember::watch(paths, &mut app);
    let mut last = None;
    let mut autosave = |app: &App| {
        if let Some(s) = &session {
            s.save_if_changed(app, &mut last);
        }
    };
    let result = terminal::run_with(&mut app, background, watch_rx, Some(&mut autosave));
    drop(watch);
    if let Some(s) = &session {
        s.save(&app, err);
    }
    persist::finish(&mut app, err);
    for p in config_problems.iter().chain(&app.problems) {
        let _ = writeln!(err, "copydesk: {p}");
    }
    match result {
        Ok(()) => 0,
        Err(e) => {
            let _ = writeln!(err, "copydesk: {e:#}");
            crate::cli::EXIT_FAILURE
        }
    }
}

/// Whether a library folder holds an article file (one the loader would read).
pub fn has_articles(dir: &std::path::Path) -> bool {
    let (sources, _) = article::discover(&[dir.to_path_buf()]);
    !sources.is_empty()
}
