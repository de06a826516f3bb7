//! The terminal UI: state, actions, keymap, panes. Renders from state; never parses files.
//!
//! Data flows one way: keys, mouse and loading events become [`app::Msg`]s, [`app::App::update`]
//! changes the state, [`draw::draw`] paints the state. The keymap is the single table of keys:
//! dispatch, the help screen and the status-bar hints all read it.

pub mod action;
pub mod app;
pub mod draw;
pub mod keymap;
pub mod panes;
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
    let loads = if paths.is_empty() {
        None
    } else {
        let (tx, rx) = std::sync::mpsc::channel();
        let paths = paths.to_vec();
        std::thread::spawn(move || article::load_streaming(&paths, &tx));
        app.start_loading();
        Some(rx)
    };
    let result = terminal::run(&mut app, loads);
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
