//! The entity index pane (`I`) and the diff pane's export (`x`), through the keymap and
//! `App::update`: the index built as background work from the cached analyses, an entity's
//! articles listed, an article opened at its mentions for n/N; the export's two files in the data
//! directory, and its failure in the status bar. The pane's screen is an insta snapshot.

use copydesk::article;
use copydesk::entities::Label;
use copydesk::entities::index::{EntityIndex, index};
use copydesk::tui::analysis;
use copydesk::tui::app::{JumpKind, PaneId};
use copydesk::tui::panes::index::Row;
use copydesk::tui::{App, Msg, Options, draw, persist};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn demo() -> App {
    let mut app = App::new(article::demo::articles(), Options::default());
    app.update(Msg::Resize(120, 40));
    app
}

/// Characters, or `<Enter>`, `<Esc>`, `<Down>` for named keys.
fn keys(app: &mut App, s: &str) {
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let (code, len) = if c == '<'
            && let Some(end) = rest.find('>')
        {
            let code = match &rest[1..end] {
                "Enter" => KeyCode::Enter,
                "Esc" => KeyCode::Esc,
                "Down" => KeyCode::Down,
                other => panic!("unknown key {other}"),
            };
            (code, end + 1)
        } else {
            (KeyCode::Char(c), c.len_utf8())
        };
        let mods = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        app.handle_key(KeyEvent::new(code, mods));
        rest = &rest[len..];
    }
}

/// Runs analyses and background work until nothing is left (the event loop's part).
fn settle(app: &mut App) {
    for _ in 0..10 {
        analysis::run_now(app);
        if app.work.is_empty() {
            break;
        }
        app.run_work();
    }
}

fn screen(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Msg::Resize(w, h));
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t.backend().buffer().clone()
}

fn text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The index the pane holds.
fn built(app: &App) -> &EntityIndex {
    &app.index.built.as_ref().expect("index built").index
}

/// Moves the cursor to the entity named `name`.
fn go_to(app: &mut App, name: &str) {
    let at = copydesk::tui::panes::index::rows(app)
        .iter()
        .position(|r| matches!(r, Row::Entry(i) if built(app).entries[*i].name == name))
        .unwrap_or_else(|| panic!("{name} not in the index"));
    keys(app, "g");
    for _ in 0..at {
        keys(app, "j");
    }
    assert_eq!(app.index.cursor, at);
}

#[test]
fn the_index_waits_for_analyses_and_is_built_as_background_work() {
    let mut app = demo();
    keys(&mut app, "I");
    assert!(app.index.open);
    assert_eq!(app.focus, PaneId::Index);
    assert!(app.index.built.is_none(), "nothing is built on the UI thread");
    assert!(text(&screen(&mut app, 120, 40)).contains("Building the index…"));
    settle(&mut app);
    // The same index the core makes from the same analyses.
    let analyses: Vec<_> = app
        .articles
        .iter()
        .map(|a| app.analyses.get(&a.id).unwrap().analysis.clone())
        .collect();
    let core = index(&app.articles, &analyses);
    assert_eq!(*built(&app), core);
    assert!(built(&app).entries.len() > 10);
    // Nothing changed: no second build.
    keys(&mut app, "j");
    assert!(app.work.is_empty());
    keys(&mut app, "I");
    assert!(!app.index.open);
    assert_ne!(app.focus, PaneId::Index);
}

#[test]
fn brink_lists_exactly_the_articles_naming_her_and_opens_at_her_mentions() {
    let mut app = demo();
    keys(&mut app, "I");
    settle(&mut app);
    let e = built(&app)
        .entries
        .iter()
        .find(|e| e.name == "Bridget Brink")
        .expect("Brink in the index")
        .clone();
    assert_eq!(e.label, Label::Person);
    let ids = &app.index.built.as_ref().unwrap().ids;
    let listed: Vec<String> = e
        .articles
        .iter()
        .map(|o| {
            let id = &ids[o.article];
            app.articles.iter().find(|a| a.id == *id).unwrap().path.clone()
        })
        .collect();
    // Exactly the articles whose text names her (by surname, as "Brink" too).
    let naming: Vec<String> = app
        .articles
        .iter()
        .filter(|a| a.text.contains("Brink"))
        .map(|a| a.path.clone())
        .collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(sorted, naming);
    assert!(
        !naming.is_empty() && naming.len() < app.articles.len(),
        "some versions, not all"
    );

    go_to(&mut app, "Bridget Brink");
    let before = copydesk::tui::panes::index::rows(&app).len();
    keys(&mut app, "<Enter>");
    let rows = copydesk::tui::panes::index::rows(&app);
    assert_eq!(rows.len(), before + e.articles.len(), "Enter lists her articles");
    let shown = text(&screen(&mut app, 120, 40));
    assert!(
        shown.contains(&listed[0]),
        "{} {} {shown}",
        app.index.cursor,
        app.index.offset
    );

    keys(&mut app, "j<Enter>");
    assert!(!app.index.open);
    assert_eq!(app.focus, PaneId::Reader);
    let a = app.current_article().unwrap().clone();
    assert_eq!(a.path, listed[0]);
    let j = app.jumps.clone().expect("mentions highlighted");
    assert!(matches!(&j.kind, JumpKind::Entity { name, .. } if name == "Bridget Brink"));
    assert_eq!(j.ranges.len(), e.articles[0].count());
    assert!(j.ranges.iter().all(|r| a.text[r.clone()].contains("Brink")));
    assert_eq!(j.current, Some(0), "at the first mention");
    let top = app.reader.top_byte();
    assert!(top <= j.ranges[0].start, "the first mention is in view");
    keys(&mut app, "n");
    let j = app.jumps.as_ref().unwrap();
    assert_eq!(j.current, Some(1 % j.ranges.len()), "n follows her mentions");
}

#[test]
fn the_filter_keeps_the_names_typed_and_esc_clears_it() {
    let mut app = demo();
    keys(&mut app, "I");
    settle(&mut app);
    let all = copydesk::tui::panes::index::rows(&app).len();
    keys(&mut app, "fBRINK");
    let names = |app: &App| -> Vec<String> {
        copydesk::tui::panes::index::rows(app)
            .iter()
            .filter_map(|r| match r {
                Row::Entry(i) => Some(built(app).entries[*i].name.clone()),
                Row::Article(..) => None,
            })
            .collect()
    };
    assert_eq!(names(&app), ["Bridget Brink"], "filtered as typed, case ignored");
    keys(&mut app, "<Enter>");
    assert!(text(&screen(&mut app, 120, 40)).contains("“BRINK”: 1 shown"));
    keys(&mut app, "<Enter><Down><Enter>");
    assert_eq!(app.focus, PaneId::Reader, "the filtered row opens its article");
    keys(&mut app, "I");
    assert_eq!(
        names(&app),
        ["Bridget Brink"],
        "the filter stays while the pane was away"
    );
    keys(&mut app, "<Esc>");
    assert_eq!(
        copydesk::tui::panes::index::rows(&app).len(),
        all + 1,
        "Esc clears it"
    );
    assert!(app.index.open);
    keys(&mut app, "<Esc>");
    assert!(!app.index.open);
}

#[test]
fn the_index_is_rebuilt_when_the_articles_change() {
    let mut arts = article::demo::articles();
    let last = arts.pop().unwrap();
    let mut app = App::new(arts, Options::default());
    app.update(Msg::Resize(120, 40));
    keys(&mut app, "I");
    settle(&mut app);
    let n = app.index.built.as_ref().unwrap().ids.len();
    app.update(Msg::Load(article::LoadEvent::Loaded(vec![last])));
    settle(&mut app);
    assert_eq!(app.index.built.as_ref().unwrap().ids.len(), n + 1);
}

#[test]
fn index_pane() {
    let mut app = demo();
    keys(&mut app, "I");
    settle(&mut app);
    go_to(&mut app, "Bridget Brink");
    keys(&mut app, "<Enter>");
    keys(&mut app, "g");
    let buf = screen(&mut app, 120, 40);
    insta::assert_snapshot!("index_pane", text(&buf));
}

/// The demo with the diff open on 002 and notes (and exports) in `dir`.
fn diff_with_data_dir(dir: &std::path::Path) -> App {
    let mut app = demo();
    app.notes = persist::open(Some(dir));
    app.run_work();
    let i = app
        .articles
        .iter()
        .position(|a| a.file_name().starts_with("002"))
        .unwrap();
    assert!(app.select_article(i));
    app.update(Msg::Resize(120, 40));
    keys(&mut app, "D");
    assert!(app.diff.open);
    app
}

#[test]
fn x_in_the_diff_pane_exports_markdown_and_html_to_the_data_dir() {
    let d = tempfile::tempdir().unwrap();
    let mut app = diff_with_data_dir(d.path());
    app.message = None;
    let hints = text(&screen(&mut app, 120, 40));
    assert!(hints.lines().last().unwrap().contains("x export"), "{hints}");
    keys(&mut app, "x");
    assert!(!d.path().join("exports").exists(), "update writes nothing itself");
    app.run_work();
    let m = app.message.clone().unwrap();
    assert!(!m.error, "{}", m.text);
    let exports = d.path().join("exports");
    let base = app.articles.iter().find(|a| a.path == app.diff.base).unwrap();
    let other = app.articles.iter().find(|a| a.path == app.diff.other).unwrap();
    let stem = copydesk::tui::export::file_stem(base, other);
    assert!(stem.starts_with("002") && stem.contains("-vs-"), "{stem}");
    let md = std::fs::read_to_string(exports.join(format!("{stem}.md"))).unwrap();
    let html = std::fs::read_to_string(exports.join(format!("{stem}.html"))).unwrap();
    let c = app.diff.comparison(base, other).unwrap();
    assert_eq!(md, copydesk::compare::export::markdown(base, other, c));
    assert!(md.to_lowercase().contains("summary"), "{md}");
    assert!(html.starts_with("<!DOCTYPE html>") || html.starts_with("<!doctype html>"));
    assert!(html.contains("<style"), "self-contained");
    // The message names the file and its folder, whole in the status bar.
    assert!(
        m.text.contains("exports") && m.text.contains(".html and .md") && m.text.starts_with("Exported 002"),
        "{}",
        m.text
    );
    let status = text(&screen(&mut app, 120, 40));
    assert!(status.lines().last().unwrap().contains(&m.text), "{status}");
    // On a narrower screen a long name is shortened in its middle, never cut at the edge.
    app.update(Msg::Resize(80, 30));
    keys(&mut app, "x");
    app.run_work();
    let m = app.message.clone().unwrap();
    assert!(m.text.contains(".html and .md"), "{}", m.text);
    let status = text(&screen(&mut app, 80, 30));
    assert!(status.lines().last().unwrap().contains(&m.text), "{status}");
    // No temporary file left behind.
    let names: Vec<_> = std::fs::read_dir(&exports)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn an_export_that_cannot_be_written_says_why() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("not-a-dir");
    std::fs::write(&file, "x").unwrap();
    let mut app = diff_with_data_dir(&file.join("data"));
    keys(&mut app, "x");
    app.run_work();
    let m = app.message.clone().unwrap();
    assert!(m.error, "{}", m.text);
    assert!(m.text.starts_with("Could not export to"), "{}", m.text);
    assert!(m.text.contains("not-a-dir"), "{}", m.text);
    assert!(app.diff.open, "the diff pane stays");
}

#[test]
fn x_outside_the_diff_pane_does_nothing() {
    let mut app = demo();
    app.run_work();
    keys(&mut app, "x");
    assert!(app.work.is_empty());
}
