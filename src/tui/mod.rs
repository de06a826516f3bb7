//! The terminal UI: state, actions, keymap, panes. Renders from state; never parses files.
//!
//! Data flows one way: keys, mouse and loading events become [`app::Msg`]s, [`app::App::update`]
//! changes the state (no I/O), [`draw::draw`] paints the state. [`terminal`] is the only code
//! that touches the terminal.
//!
//! - [`keymap::Keymap`] is the single table of keys, per [`keymap::Context`] (a pane, a prompt,
//!   help) with fallbacks (Reader → Article → Global). Dispatch (`lookup`), the help screen
//!   (`entries`) and the status-bar hints (`hint_key`, from each pane's `HINTS`) all read it, so
//!   a binding changed there — later from `config.toml`, whose values deserialise straight into
//!   [`Action`] and [`keymap::Key`] — changes all three.
//! - The reader never copies or rewrites text: [`wrap`] turns the article into screen lines of
//!   byte ranges (cached per article, width and boilerplate setting, re-made only when one
//!   changes), and styles arrive as [`panes::reader::Layer`]s of byte ranges merged into each
//!   visible line's spans. `App::reader_layers` is where a layer is added: entity labels (one layer
//!   per label, each with its style), quotes, note marks.
//! - n/N follow [`app::Jumps`]: the ranges chosen last and the current one. A search fills it; an
//!   entity chosen in the entity panel fills it the same way (`JumpKind::Entity`).
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
pub mod draw;
pub mod keymap;
pub mod panes;
pub mod persist;
pub mod terminal;
pub mod theme;
pub mod wrap;

use std::path::PathBuf;

pub use action::Action;
pub use app::{App, Msg, Options};
pub use draw::draw;

use crate::article;
use crate::cli::Global;

/// Opens the reader on the demo and/or the given paths, loading the paths in the background.
/// Returns the process exit status; problems met while loading are repeated on stderr on exit.
pub fn launch(global: &Global, paths: &[PathBuf], err: &mut dyn std::io::Write) -> u8 {
    if !global.demo && paths.is_empty() {
        let _ = writeln!(
            err,
            "copydesk: give files or folders of articles to read, or --demo for the bundled story \
             (see copydesk --help)"
        );
        return 2;
    }
    let options = Options {
        theme: theme::Theme::from_env(),
        ..Options::default()
    };
    let articles = if global.demo {
        article::demo::articles()
    } else {
        Vec::new()
    };
    let mut app = App::new(articles, options);
    app.notes = persist::open(global.data_dir.as_deref());
    persist::announce(&mut app);
    let background = if paths.is_empty() {
        None
    } else {
        let paths = paths.to_vec();
        app.start_loading();
        Some(terminal::Background::spawn(move |tx| {
            article::load_streaming(&paths, &tx)
        }))
    };
    let result = terminal::run(&mut app, background);
    persist::finish(&mut app, err);
    for p in &app.problems {
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
