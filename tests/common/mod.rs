//! Helpers shared by the whole-app TUI tests: the demo app, drawing it on ratatui's
//! `TestBackend`, typing keys, and reading the screen back as text or as a style map.
// Each test file compiles this module on its own and uses only some of it.
#![allow(dead_code)]

use copydesk::article;
use copydesk::tui::theme::Theme;
use copydesk::tui::{App, Msg, Options, draw};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The demo articles with default options, in the colourless theme when `no_color` is set.
pub fn demo_app(no_color: bool) -> App {
    let options = Options {
        theme: Theme::new(no_color),
        ..Options::default()
    };
    App::new(article::demo::articles(), options)
}

/// [`demo_app`], already told its screen is `w`×`h`.
pub fn demo_app_at(no_color: bool, w: u16, h: u16) -> App {
    let mut app = demo_app(no_color);
    app.update(Msg::Resize(w, h));
    app
}

/// Draws the app on a `w`×`h` screen (telling the app its size first, as the event loop does).
pub fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Msg::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t
}

/// Types keys: plain characters (upper case ones with Shift, as terminals send them), or
/// `<Name>` for a named key: `<Tab>`, `<S-Tab>`, `<Esc>`, `<Enter>`, `<BS>`, `<Up>`, `<Down>`,
/// `<Left>`, `<Right>`, `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<C-x>` for Ctrl and `<A-x>` for
/// Alt with a letter. A `<` not followed by a name is typed as itself.
pub fn keys(app: &mut App, s: &str) {
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let (key, len) = if c == '<'
            && let Some(end) = rest.find('>')
            && end > 1
        {
            (named_key(&rest[1..end]), end + 1)
        } else {
            let mods = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            (KeyEvent::new(KeyCode::Char(c), mods), c.len_utf8())
        };
        app.handle_key(key);
        rest = &rest[len..];
    }
}

fn named_key(name: &str) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let with = |prefix: &str, mods| {
        let mut rest = name.strip_prefix(prefix)?.chars();
        match (rest.next(), rest.next()) {
            (Some(c), None) => Some(KeyEvent::new(KeyCode::Char(c), mods)),
            _ => None,
        }
    };
    match name {
        "Tab" => plain(KeyCode::Tab),
        "S-Tab" => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        "Esc" => plain(KeyCode::Esc),
        "Enter" => plain(KeyCode::Enter),
        "BS" => plain(KeyCode::Backspace),
        "Up" => plain(KeyCode::Up),
        "Down" => plain(KeyCode::Down),
        "Left" => plain(KeyCode::Left),
        "Right" => plain(KeyCode::Right),
        "PgUp" => plain(KeyCode::PageUp),
        "PgDn" => plain(KeyCode::PageDown),
        "Home" => plain(KeyCode::Home),
        "End" => plain(KeyCode::End),
        _ => with("C-", KeyModifiers::CONTROL)
            .or_else(|| with("A-", KeyModifiers::ALT))
            .unwrap_or_else(|| panic!("unknown key name {name}")),
    }
}

/// Sends a mouse event at (`column`, `row`) with no modifier keys held.
pub fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16) {
    app.update(Msg::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

pub fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

pub fn screen_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One letter a cell, chosen by `letter` from the cell's modifiers, each row ending in a newline:
/// a snapshot of where styles fall. Each test file says which modifiers its letters stand for.
pub fn style_map(buf: &Buffer, letter: impl Fn(Modifier) -> char) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push(letter(buf[(x, y)].modifier));
        }
        out.push('\n');
    }
    out
}
