//! The diff pane, the coverage view and the story-grouped sidebar, driven through the keymap and
//! `App::update` and drawn on ratatui's `TestBackend` (insta snapshots at 120×40).

use copydesk::article;
use copydesk::tui::app::PaneId;
use copydesk::tui::diffrows::RowOp;
use copydesk::tui::panes::diff;
use copydesk::tui::theme::Theme;
use copydesk::tui::{App, Msg, Options, draw};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

fn demo_app(no_color: bool) -> App {
    let options = Options {
        theme: Theme::new(no_color),
        ..Options::default()
    };
    let mut app = App::new(article::demo::articles(), options);
    app.update(Msg::Resize(120, 40));
    app
}

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Msg::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t
}

/// Plain characters, or `<Esc>`, `<Tab>`, `<Down>`, `<PgDn>`.
fn keys(app: &mut App, s: &str) {
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let (key, len) = if c == '<'
            && let Some(end) = rest.find('>')
        {
            let k = match &rest[1..end] {
                "Esc" => KeyCode::Esc,
                "Tab" => KeyCode::Tab,
                "Down" => KeyCode::Down,
                "PgDn" => KeyCode::PageDown,
                other => panic!("unknown key {other}"),
            };
            (KeyEvent::new(k, KeyModifiers::NONE), end + 1)
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

fn row_text(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

fn screen_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| row_text(buf, y))
        .collect::<Vec<_>>()
        .join("\n")
}

fn name(app: &App, path: &str) -> String {
    let _ = app;
    path.rsplit('/').next().unwrap()[..3].to_string()
}

/// Selects the demo article whose file name starts with `prefix`.
fn select(app: &mut App, prefix: &str) {
    let i = app
        .articles
        .iter()
        .position(|a| a.file_name().starts_with(prefix))
        .unwrap();
    app.sidebar.selected = i;
    app.update(Msg::Resize(120, 40));
}

#[test]
fn explore() {
    let mut app = demo_app(false);
    select(&mut app, "002");
    keys(&mut app, "D");
    let t = render(&mut app, 120, 40);
    println!("{}", screen_text(t.backend().buffer()));
    keys(&mut app, "c");
    let t = render(&mut app, 120, 40);
    println!("{}", screen_text(t.backend().buffer()));
    keys(&mut app, "ci");
    let t = render(&mut app, 120, 40);
    println!("{}", screen_text(t.backend().buffer()));
    keys(&mut app, "<Esc>");
    let t = render(&mut app, 120, 40);
    println!("{}", screen_text(t.backend().buffer()));
    let _ = (name(&app, "a/000"), PaneId::Diff, RowOp::Same, Color::Red, Modifier::BOLD, diff::HEADER);
}
