//! Whole-app tests of the reader: key sequences through the keymap and `App::update`, screens
//! through ratatui's `TestBackend` with insta snapshots, and cell styles where meaning is carried
//! by style (search matches, boilerplate, focus) rather than by text.

use copydesk::article::{self, Article, LoadError, LoadEvent};
use copydesk::tui::app::{Mode, PaneId};
use copydesk::tui::{App, Msg, Options};
use crossterm::event::{MouseButton, MouseEventKind};
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

mod common;
use common::{demo_app, keys, mouse, render, row_text, screen_text};

#[test]
fn demo_at_100x30() {
    let mut app = demo_app(false);
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!(t.backend());
}

/// One letter a cell for the modifiers that carry meaning, so a snapshot shows styles too:
/// C current match (reverse+underline), R reverse, i dim+italic (boilerplate), b bold, . plain.
fn style_map(buf: &Buffer) -> String {
    common::style_map(buf, |m| {
        if m.contains(Modifier::REVERSED | Modifier::UNDERLINED) {
            'C'
        } else if m.contains(Modifier::REVERSED) {
            'R'
        } else if m.contains(Modifier::DIM | Modifier::ITALIC) {
            'i'
        } else if m.contains(Modifier::BOLD) {
            'b'
        } else {
            '.'
        }
    })
}

/// The cells of row `y` from `x`, `len` long.
fn cells(buf: &Buffer, x: u16, y: u16, len: u16) -> Vec<&ratatui::buffer::Cell> {
    (x..x + len).map(|x| &buf[(x, y)]).collect()
}

/// Finds `needle` on screen; returns (x, y) of its first cell.
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buf.area.height).find_map(|y| {
        let row = row_text(buf, y);
        row.find(needle).map(|bx| (row[..bx].chars().count() as u16, y))
    })
}

/// An article with boilerplate marked where the loader would mark it: the caption and the
/// video length.
fn article_with_boilerplate() -> Article {
    let text = "Putin: U.S. and NATO have ignored security demands 01:58\n\n\
Russian President Vladimir Putin on Tuesday accused the U.S. of ignoring demands.\n\n\
Russia Hungary\nRussian President Vladimir Putin toasts in Moscow. Alexei Nikolsky / AP\n\n\
Putin argued that it is possible to negotiate an end to the standoff."
        .to_string();
    let mut a = article::build(
        "fixtures/bp.txt",
        text,
        "UTF-8",
        article::Meta::default(),
        Vec::new(),
    );
    let t = a.text.clone();
    let video = t.find("01:58").unwrap();
    let cap = t.find("Russia Hungary").unwrap();
    let cap_end = t.find("/ AP").unwrap() + 4;
    a.boilerplate = vec![video..video + 5, cap..cap_end];
    a.title = Some("Putin accuses U.S. of ignoring demands".into());
    a.source = Some("CBS News".into());
    a
}

#[test]
fn help_is_written_from_the_keymap() {
    let mut app = demo_app(false);
    keys(&mut app, "?");
    assert!(matches!(app.mode, Mode::Help { .. }));
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!(t.backend());
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Search the article"));
    assert!(text.contains("Tab"));

    // Rebinding a key changes what help shows: the screen reads the same table as dispatch.
    let mut app = demo_app(false);
    app.keymap.bind(
        copydesk::tui::keymap::Context::Global,
        "F2".parse().unwrap(),
        copydesk::tui::Action::Quit,
    );
    keys(&mut app, "?");
    let text = screen_text(render(&mut app, 100, 30).backend().buffer());
    assert!(text.contains("q, Ctrl-c, F2"), "{text}");

    // q and Esc close help; q does not quit from it.
    keys(&mut app, "q");
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.quit);
}

#[test]
fn help_scrolls_on_a_short_terminal() {
    let mut app = demo_app(false);
    render(&mut app, 80, 12);
    keys(&mut app, "?G");
    let text = screen_text(render(&mut app, 80, 12).backend().buffer());
    assert!(text.contains("Help"), "{text}");
    assert!(
        text.contains("No (back to the note)"),
        "the last context's rows are reachable: {text}"
    );
}

#[test]
fn search_highlights_every_match_and_n_moves() {
    let mut app = demo_app(false);
    render(&mut app, 100, 30);
    keys(&mut app, "<Tab>/putin");
    assert!(matches!(&app.mode, Mode::Search(p) if p.input == "putin"));
    keys(&mut app, "<Enter>");
    assert_eq!(app.mode, Mode::Normal);
    let text = app.current_article().unwrap().text.clone();
    let expected = text.to_lowercase().matches("putin").count();
    let j = app.jumps.as_ref().unwrap();
    assert_eq!(j.ranges.len(), expected);
    assert!(expected > 3);
    assert!(
        j.ranges
            .iter()
            .all(|r| text[r.clone()].eq_ignore_ascii_case("putin"))
    );
    assert_eq!(j.current, Some(0));
    let status = app.message.as_ref().unwrap().text.clone();
    assert_eq!(status, format!("{expected} matches for “putin”"));

    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    insta::assert_snapshot!("search_text", t.backend());
    insta::assert_snapshot!("search_styles", style_map(buf));
    // Every visible "Putin" in the reader is reversed; the current one also underlined. (The
    // sidebar lists a title with "Putin" too, so look right of it.)
    let side = copydesk::tui::draw::screen(buf.area).unwrap().sidebar.width;
    let (x, y) = (0..buf.area.height)
        .find_map(|y| {
            let row: String = (side..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            row.find("Putin")
                .map(|bx| (side + row[..bx].chars().count() as u16, y))
        })
        .unwrap();
    assert!(
        cells(buf, x, y, 5)
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED))
    );
    let current: Vec<_> = (0..30)
        .flat_map(|y| (0..100).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf[(x, y)]
                .modifier
                .contains(Modifier::UNDERLINED | Modifier::REVERSED)
        })
        .collect();
    assert_eq!(current.len(), 5, "exactly one match is current");

    keys(&mut app, "n");
    assert_eq!(app.jumps.as_ref().unwrap().current, Some(1));
    keys(&mut app, "NN");
    assert_eq!(
        app.jumps.as_ref().unwrap().current,
        Some(expected - 1),
        "N wraps to the last"
    );
    assert_eq!(app.message.as_ref().unwrap().text, "Search wrapped to the bottom");
    // The last match is in view, as the current one, after the jump.
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    assert_eq!(style_map(buf).matches('C').count(), 5);
    assert!(row_text(buf, 29).contains(&format!("match {expected}/{expected}")));

    // Esc clears the highlight.
    keys(&mut app, "<Esc>");
    assert!(app.jumps.is_none());
    let t = render(&mut app, 100, 30);
    assert!(!style_map(t.backend().buffer()).contains('R'));
}

#[test]
fn search_is_case_insensitive_beyond_ascii_and_esc_restores() {
    let text = "Orbán met ORBÁN. Straße and STRASSE.".to_string();
    let a = article::build("x.txt", text, "UTF-8", article::Meta::default(), Vec::new());
    let mut app = App::new(vec![a], Options::default());
    render(&mut app, 100, 30);
    keys(&mut app, "/orbán<Enter>");
    assert_eq!(app.jumps.as_ref().unwrap().ranges.len(), 2);
    keys(&mut app, "/zzz");
    assert!(app.jumps.as_ref().unwrap().ranges.is_empty());
    keys(&mut app, "<Esc>");
    assert_eq!(
        app.jumps.as_ref().unwrap().ranges.len(),
        2,
        "Esc puts back the previous search"
    );
    keys(&mut app, "/zzz<Enter>");
    assert!(app.message.as_ref().unwrap().error);
    assert_eq!(app.message.as_ref().unwrap().text, "No match for “zzz”");
    // Backspace edits, and on an empty prompt leaves it.
    keys(&mut app, "/ab<BS>");
    assert!(matches!(&app.mode, Mode::Search(p) if p.input == "a"));
    keys(&mut app, "<BS><BS>");
    assert_eq!(app.mode, Mode::Normal);
    // Printable keys bound elsewhere (q, j) are text inside the prompt.
    keys(&mut app, "/qj");
    assert!(matches!(&app.mode, Mode::Search(p) if p.input == "qj"));
    assert!(!app.quit);
}

#[test]
fn search_follows_to_the_next_article() {
    let mut app = demo_app(false);
    render(&mut app, 100, 30);
    keys(&mut app, "/nato<Enter>");
    let first = app.jumps.as_ref().unwrap().ranges.clone();
    assert!(app.message.is_some());
    keys(&mut app, "j");
    assert!(app.message.is_none(), "the next key clears the message");
    let second = app.jumps.as_ref().unwrap();
    let text = &app.current_article().unwrap().text;
    assert_eq!(second.ranges.len(), text.to_lowercase().matches("nato").count());
    assert_ne!(second.ranges, first);
    assert_eq!(second.current, None);
}

#[test]
fn keys_scroll_the_reader_and_move_the_selection() {
    let mut app = demo_app(false);
    render(&mut app, 100, 30);
    assert_eq!(app.focus, PaneId::Sidebar);
    keys(&mut app, "jj");
    assert_eq!(app.sidebar.selected, 2);
    keys(&mut app, "k");
    assert_eq!(app.sidebar.selected, 1);
    keys(&mut app, "G");
    assert_eq!(app.sidebar.selected, 4);
    keys(&mut app, "g<Enter>");
    assert_eq!(app.focus, PaneId::Reader);
    assert_eq!(app.sidebar.selected, 0);
    keys(&mut app, "jjj");
    assert_eq!(app.reader.scroll, 3);
    keys(&mut app, "k");
    assert_eq!(app.reader.scroll, 2);
    keys(&mut app, " ");
    let page = app.reader.scroll;
    assert!(page > 10, "Space pages down: {page}");
    keys(&mut app, "g<C-d>");
    assert_eq!(
        app.reader.scroll,
        app.geometry().unwrap().body.height as usize / 2
    );
    keys(&mut app, "<C-u>");
    assert_eq!(app.reader.scroll, 0);
    keys(&mut app, "<End>");
    let total = app.reader.total_lines();
    let bottom = app.reader.scroll;
    let t = render(&mut app, 100, 30);
    assert!(row_text(t.backend().buffer(), 28).contains("100%"));
    keys(&mut app, "j");
    assert_eq!(app.reader.scroll, bottom, "no scrolling past the end");
    assert!(bottom < total);
    keys(&mut app, "g");
    assert_eq!(app.reader.scroll, 0);
    // ] and [ change article from the reader; the position in each is remembered.
    keys(&mut app, "jjjj]");
    assert_eq!(app.sidebar.selected, 1);
    assert_eq!(app.reader.scroll, 0);
    keys(&mut app, "[");
    assert_eq!(app.reader.scroll, 4);
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn focus_is_shown_without_colour() {
    let mut app = demo_app(true);
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    assert_eq!(buf[(0, 0)].symbol(), "┏", "focused sidebar has a thick border");
    assert_eq!(buf[(30, 0)].symbol(), "┌");
    assert!(row_text(buf, 0).contains("▶ Articles"));
    keys(&mut app, "<Tab>");
    assert_eq!(app.focus, PaneId::Reader);
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    assert_eq!(buf[(0, 0)].symbol(), "┌");
    assert_eq!(buf[(30, 0)].symbol(), "┏");
    assert!(row_text(buf, 0).contains("▶ Reader"));
    keys(&mut app, "<S-Tab>");
    assert_eq!(app.focus, PaneId::Sidebar);
}

#[test]
fn no_color_screen_has_no_colour_and_keeps_meaning() {
    let mut app = demo_app(true);
    render(&mut app, 100, 30);
    keys(&mut app, "/russia<Enter>");
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    insta::assert_snapshot!("no_color_styles", style_map(buf));
    let (x, y) = find(buf, "Russia").unwrap();
    assert!(
        cells(buf, x, y, 6)
            .iter()
            .all(|c| c.modifier.contains(Modifier::REVERSED))
    );
    // The selected article is reversed too, not merely coloured.
    assert!(buf[(3, 1)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn boilerplate_is_dimmed_and_can_be_hidden() {
    let mut app = App::new(vec![article_with_boilerplate()], Options::default());
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let (x, y) = find(buf, "01:58").unwrap();
    assert!(
        cells(buf, x, y, 5)
            .iter()
            .all(|c| c.modifier.contains(Modifier::DIM | Modifier::ITALIC))
    );
    let (x, y) = find(buf, "Russian President Vladimir Putin on").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::DIM));
    insta::assert_snapshot!("boilerplate_shown", t.backend());

    keys(&mut app, "b");
    assert!(!app.show_boilerplate);
    let t = render(&mut app, 100, 30);
    let text = screen_text(t.backend().buffer());
    assert!(!text.contains("01:58") && !text.contains("Nikolsky") && !text.contains("Russia Hungary"));
    assert!(text.contains("Boilerplate hidden: 2 passages in this article (b to show)"));
    insta::assert_snapshot!("boilerplate_hidden", t.backend());
    // A search does not land in hidden text.
    keys(&mut app, "/nikolsky<Enter>");
    assert!(app.jumps.as_ref().unwrap().ranges.is_empty());
    keys(&mut app, "b");
    assert_eq!(
        app.jumps.as_ref().unwrap().ranges.len(),
        1,
        "shown again, it is found again"
    );
}

#[test]
fn warnings_show_in_the_still_header() {
    let text = (0..40)
        .map(|i| format!("Paragraph {i}."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let warnings = vec!["3 invalid bytes replaced".to_string()];
    let a = article::build(
        "bad.txt",
        text,
        "windows-1252",
        article::Meta::default(),
        warnings,
    );
    let mut app = App::new(vec![a], Options::default());
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    assert!(
        row_text(buf, 3).contains("⚠ 3 invalid bytes replaced"),
        "{}",
        row_text(buf, 3)
    );
    assert!(row_text(buf, 5).contains("Paragraph 0."));
    // The header stays while the text scrolls.
    keys(&mut app, "<Tab>jj");
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    assert!(row_text(buf, 5).contains("Paragraph 1."), "{}", row_text(buf, 5));
    assert!(row_text(buf, 1).contains("bad.txt") && row_text(buf, 3).contains("⚠"));
}

#[test]
fn tiny_terminal_gets_a_message() {
    let mut app = demo_app(false);
    let t = render(&mut app, 20, 5);
    insta::assert_snapshot!(t.backend());
    assert!(screen_text(t.backend().buffer()).contains("too small"));
    // Keys still work, and q still quits.
    keys(&mut app, "jjG/x<Esc>?<Esc>");
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn no_size_makes_it_panic() {
    for (w, h) in [
        (0, 0),
        (1, 1),
        (20, 5),
        (39, 9),
        (40, 10),
        (41, 11),
        (200, 3),
        (3, 200),
        (500, 200),
    ] {
        let mut app = demo_app(false);
        keys(&mut app, "<Tab>");
        render(&mut app, w, h);
        keys(&mut app, "/putin<Enter>nG?");
        render(&mut app, w, h);
        keys(&mut app, "<Esc>");
        render(&mut app, w, h);
    }
}

#[test]
fn resize_keeps_the_reading_position() {
    let mut app = demo_app(false);
    render(&mut app, 100, 30);
    // Eleven lines down is the first line of a paragraph (the top must be a text line: a blank
    // line between paragraphs keeps its place as the end of the line before it).
    keys(&mut app, "<Tab>jjjjjjjjjjj");
    let before = screen_text(render(&mut app, 100, 30).backend().buffer());
    // The first text row, after the border and the three header rows.
    let top_line: String = before.lines().nth(4).unwrap().chars().skip(32).collect();
    let first_words: Vec<&str> = top_line.split_whitespace().take(2).collect();
    let after = screen_text(render(&mut app, 60, 30).backend().buffer());
    let row = after.lines().nth(4).unwrap();
    let side = copydesk::tui::draw::screen(ratatui::layout::Rect::new(0, 0, 60, 30))
        .unwrap()
        .sidebar
        .width;
    let row: String = row.chars().skip(side as usize + 1).collect();
    let found: Vec<&str> = row.split_whitespace().take(2).collect();
    assert_eq!(
        found, first_words,
        "not at the top after resize:\n{before}\n{after}"
    );
}

#[test]
fn articles_appear_as_they_load() {
    let mut app = App::new(Vec::new(), Options::default());
    app.start_loading();
    render(&mut app, 100, 30);
    app.update(Msg::Load(LoadEvent::Found(3)));
    let mut demo = article::demo::articles();
    let b = demo.remove(1);
    let a = demo.remove(0);
    app.update(Msg::Load(LoadEvent::Loaded(vec![b])));
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    assert!(
        row_text(buf, 29).contains("Loading 1/3…"),
        "{}",
        row_text(buf, 29)
    );
    assert!(screen_text(buf).contains("001_ap-moscow"));
    app.update(Msg::Load(LoadEvent::Problem(LoadError::File {
        path: "broken.txt".into(),
        message: "Permission denied".into(),
    })));
    app.update(Msg::Load(LoadEvent::Loaded(vec![a])));
    let t = render(&mut app, 100, 30);
    let status = row_text(t.backend().buffer(), 29);
    assert!(
        status.contains("Loading 3/3…") && status.contains("1 problem"),
        "{status}"
    );
    assert!(
        status.contains("Could not read broken.txt: Permission denied"),
        "{status}"
    );
    // The user is on the first article to arrive; sorting at the end keeps them there.
    assert_eq!(app.sidebar.selected, 0);
    app.update(Msg::Load(LoadEvent::Done));
    assert!(!app.loading.active);
    assert_eq!(app.articles[0].path, "demo/000_ap-cut_7b16be5f68741545.txt");
    assert_eq!(
        app.current_article().unwrap().path,
        "demo/001_ap-moscow-dateline_b38d0da1d2f2dce8.txt"
    );
    assert_eq!(app.problems, vec!["broken.txt: Permission denied".to_string()]);
    let status = row_text(render(&mut app, 100, 30).backend().buffer(), 29);
    assert!(status.contains("2 articles"), "{status}");
}

#[test]
fn a_loader_that_dies_is_reported() {
    let mut app = App::new(Vec::new(), Options::default());
    app.start_loading();
    app.update(Msg::Load(LoadEvent::Found(10)));
    app.update(Msg::LoadFailed("the loader failed: boom".into()));
    assert!(!app.loading.active);
    let status = row_text(render(&mut app, 100, 30).backend().buffer(), 29);
    assert!(
        status.contains("Loading stopped: the loader failed: boom"),
        "{status}"
    );
    assert!(status.contains("0 articles · 1 problem"), "{status}");
}

#[test]
fn mouse_wheel_scrolls_and_click_selects() {
    let mut app = demo_app(false);
    render(&mut app, 100, 30);
    mouse(&mut app, MouseEventKind::ScrollDown, 60, 10);
    assert_eq!(app.reader.scroll, 3);
    mouse(&mut app, MouseEventKind::ScrollUp, 60, 10);
    assert_eq!(app.reader.scroll, 0);
    // Third article: rows 5-6 inside the sidebar border.
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), 5, 6);
    assert_eq!(app.sidebar.selected, 2);
    mouse(&mut app, MouseEventKind::Down(MouseButton::Left), 60, 10);
    assert_eq!(app.focus, PaneId::Reader);
    mouse(&mut app, MouseEventKind::ScrollDown, 5, 5);
    assert_eq!(app.sidebar.selected, 3);
}

#[test]
fn ctrl_c_quits_even_from_help() {
    let mut app = demo_app(false);
    keys(&mut app, "?<C-c>");
    assert!(app.quit);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "j", "k", "g", "G", " ", "<Tab>", "<S-Tab>", "<Esc>", "<Enter>", "<BS>", "/", "n", "N", "b", "?",
        "]", "[", "a", "<PgDn>", "<End>", "<Down>", "<Up>",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any keys at any size, resized in between, never panic and never leave the state
        /// pointing outside the article list or past the text.
        #[test]
        fn any_keys_at_any_size(
            seq in proptest::collection::vec(0..KEYS.len(), 0..40),
            w in 0u16..140, h in 0u16..50, w2 in 0u16..140, h2 in 0u16..50,
        ) {
            let mut app = demo_app(false);
            render(&mut app, w, h);
            for (i, k) in seq.iter().enumerate() {
                keys(&mut app, KEYS[*k]);
                if i == seq.len() / 2 {
                    render(&mut app, w2, h2);
                }
            }
            render(&mut app, w, h);
            prop_assert!(app.sidebar.selected < app.articles.len());
            prop_assert!(app.reader.scroll <= app.reader.total_lines());
        }
    }
}

#[test]
fn hints_that_do_not_fit_are_left_out_whole_and_help_stays() {
    let labels: Vec<&str> = copydesk::tui::action::Action::ALL
        .iter()
        .map(|a| a.label())
        .collect();
    for w in [60u16, 80, 100, 120] {
        for tab in [false, true] {
            let mut app = demo_app(true);
            if tab {
                keys(&mut app, "<Tab>");
            }
            let t = render(&mut app, w, 30);
            let last = row_text(t.backend().buffer(), 29);
            assert!(last.contains("? help"), "{w}: {last}");
            // The hints end with a whole label, before the article count on the right.
            let left = last.trim_end().trim_end_matches("5 articles").trim_end();
            assert!(
                labels.iter().any(|l| left.ends_with(&format!(" {l}"))),
                "{w}: a hint was cut: {last:?}"
            );
        }
    }
}

/// An article no metadata or chrome names the outlet of: the screens show its file name as a
/// file name (the sidebar's title row, the path in the reader header), never as an outlet, and
/// `y` credits no outlet.
#[test]
fn an_article_without_an_outlet_is_shown_by_its_file_name() {
    let (articles, problems) = article::load_paths(&[
        "tests/fixtures/loader/formats/story.txt".into(),
        "tests/fixtures/loader/formats/meta.json".into(),
        "tests/fixtures/loader/formats/NOTES".into(),
    ]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(articles[0].source, None);
    let mut app = App::new(articles, Options::default());
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!(t.backend());
    let screen = screen_text(t.backend().buffer());
    for outlet_like in [
        "· tests/fixtures/loader/formats/story.txt",
        "story ·",
        " NOTES · ",
    ] {
        assert!(!screen.contains(outlet_like), "{outlet_like:?} on\n{screen}");
    }
    // The reader's header: the path alone under the title.
    assert!(
        screen.contains("│ tests/fixtures/loader/formats/story.txt "),
        "{screen}"
    );
    keys(&mut app, "gy");
    let copied = app.collection.clipboard.clone().unwrap();
    assert!(
        copied.ends_with("\n— “Talks to resume in Geneva” (tests/fixtures/loader/formats/story.txt)"),
        "{copied}"
    );
    let msg = &app.message.as_ref().unwrap().text;
    assert!(msg.ends_with("with attribution to story.txt"), "{msg}");
    // An outlet the metadata names is shown as one.
    keys(&mut app, "j<Enter>");
    let t = render(&mut app, 100, 30);
    let screen = screen_text(t.backend().buffer());
    assert!(
        screen.contains("The Lanvale Courier · tests/fixtures/loader/formats/meta.json"),
        "{screen}"
    );
}

/// A page that breaks its paragraphs mid-sentence into blank-line-separated blocks is drawn as
/// whole paragraphs: "voted on" and "Tuesday" meet on one line, with no blank line between.
#[test]
fn fragmented_paragraph_is_drawn_as_one() {
    let (articles, problems) =
        article::load_paths(&["tests/fixtures/fragments/harbour_fragments.txt".into()]);
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = App::new(articles, Options::default());
    let t = render(&mut app, 120, 30);
    insta::assert_snapshot!(t.backend());
    let screen = screen_text(t.backend().buffer());
    assert!(screen.contains("voted on Tuesday to approve"), "{screen}");
    assert!(screen.contains("who had opposed the plan"), "{screen}");
}

/// The status bar names the furniture the reader is on: at the top of the view, or in the
/// selected passage (a search match becomes the selection).
#[test]
fn status_bar_names_the_kind_of_furniture_in_view() {
    let mut app = common::demo_app_at(true, 120, 40);
    let t = render(&mut app, 120, 40);
    let status = row_text(t.backend().buffer(), 39);
    assert!(
        !status.contains("site chrome"),
        "only while the reader has focus: {status}"
    );
    keys(&mut app, "jj<Tab>");
    let t = render(&mut app, 120, 40);
    let status = row_text(t.backend().buffer(), 39);
    assert!(
        row_text(t.backend().buffer(), 2).contains("CBS News ·"),
        "the CBS copy is open"
    );
    assert!(status.contains("site chrome"), "{status}");
    keys(&mut app, "/Alexei Nikolsky<Enter>");
    let t = render(&mut app, 120, 40);
    let status = row_text(t.backend().buffer(), 39);
    assert!(status.contains("photo caption"), "{status}");
    // Body text: no furniture named.
    keys(&mut app, "<Esc>/top security demands<Enter>");
    let t = render(&mut app, 120, 40);
    let status = row_text(t.backend().buffer(), 39);
    assert!(
        !status.contains("caption") && !status.contains("chrome"),
        "{status}"
    );
}

/// The screen at 120×40, as text.
fn screen_at_120(app: &mut App) -> String {
    screen_text(render(app, 120, 40).backend().buffer())
}

#[test]
fn esc_closes_the_topmost_pane() {
    let mut app = demo_app(false);
    render(&mut app, 120, 40);
    // The entity panel, from itself.
    copydesk::tui::analysis::run_now(&mut app);
    keys(&mut app, "E");
    assert_eq!(app.focus, PaneId::Entities);
    assert!(screen_at_120(&mut app).contains("Entities ("));
    keys(&mut app, "<Esc>");
    assert!(!app.entities.shown);
    assert_eq!(app.focus, PaneId::Reader);
    assert!(!screen_at_120(&mut app).contains("Entities ("));
    // The notes pane, this article's and all.
    for k in ["m", "M"] {
        keys(&mut app, k);
        assert_eq!(app.focus, PaneId::Notes);
        assert!(screen_at_120(&mut app).contains("Notes — "), "{k}");
        keys(&mut app, "<Esc>");
        assert!(!app.notes.shown, "{k}");
        assert_eq!(app.focus, PaneId::Reader);
        assert!(!screen_at_120(&mut app).contains("Notes — "), "{k}");
    }
    // Two open, focus in the reader: the one opened last closes first.
    keys(&mut app, "Em<S-Tab>");
    assert_eq!(app.focus, PaneId::Reader);
    keys(&mut app, "<Esc>");
    assert!(!app.notes.shown && app.entities.shown);
    keys(&mut app, "<Esc>");
    assert!(!app.entities.shown);
    assert_eq!(app.focus, PaneId::Reader);
    // Find-in-all results close without having focus; the highlights go with the next Esc.
    keys(&mut app, "Fsaid<Enter>");
    let mut n = 0;
    while app.busy() && n < 1000 {
        app.update(Msg::Tick);
        n += 1;
    }
    assert!(app.collection.results.is_some());
    keys(&mut app, "<Enter>");
    assert_eq!(app.focus, PaneId::Reader);
    assert!(app.jumps.is_some());
    keys(&mut app, "<Esc>");
    assert!(app.collection.results.is_none());
    assert_eq!(app.focus, PaneId::Reader);
    keys(&mut app, "<Esc>");
    assert!(app.jumps.is_none());
    // A passage selection goes before a pane does.
    keys(&mut app, "m<S-Tab>)");
    assert!(app.notes.selection.is_some());
    keys(&mut app, "<Esc>");
    assert!(app.notes.selection.is_none() && app.notes.shown);
    keys(&mut app, "<Esc>");
    assert!(!app.notes.shown);
}

#[test]
fn problems_are_listed_in_the_reader_not_held_back_until_exit() {
    let mut app = App::new(Vec::new(), Options::default());
    app.start_loading();
    render(&mut app, 100, 30);
    keys(&mut app, "!");
    assert_eq!(app.mode, Mode::Normal, "nothing to list yet");
    let demo = article::demo::articles();
    app.update(Msg::Load(LoadEvent::Found(3)));
    app.update(Msg::Load(LoadEvent::Loaded(demo)));
    let long = format!("{}/broken.txt", "deep/".repeat(30));
    for (path, why) in [
        ("missing.txt", "no such file or directory"),
        (long.as_str(), "permission denied"),
    ] {
        app.update(Msg::Load(LoadEvent::Problem(LoadError::File {
            path: path.into(),
            message: why.into(),
        })));
    }
    app.update(Msg::Load(LoadEvent::Done));
    let status = row_text(render(&mut app, 100, 30).backend().buffer(), 29);
    assert!(status.contains("2 problems (! lists them)"), "{status}");
    keys(&mut app, "!");
    assert!(matches!(app.mode, Mode::Problems { .. }));
    let t = render(&mut app, 100, 30);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Problems loading files (2)"), "{text}");
    assert!(text.contains("missing.txt: no such file or directory"), "{text}");
    // A long problem wraps inside the box: its end is there too.
    assert!(text.contains(".txt: permission denied"), "{text}");
    // Scrolling and tiny screens do not break it; Esc (or ! again) closes it.
    keys(&mut app, "jjGkg");
    for (w, h) in [(40, 10), (20, 5), (1, 1)] {
        render(&mut app, w, h);
    }
    keys(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Normal);
    keys(&mut app, "!!");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn help_wraps_long_descriptions_inside_its_box() {
    use copydesk::tui::keymap::Context;
    for (w, h) in [(120, 40), (100, 30), (60, 20)] {
        let mut app = demo_app(false);
        render(&mut app, w, h);
        keys(&mut app, "?");
        let screen = ratatui::layout::Rect::new(0, 0, w, h);
        let popup = copydesk::tui::panes::help::area(screen);
        let rows = copydesk::tui::panes::help::visible_rows(screen);
        let mut all = String::new();
        let mut scroll = 0;
        loop {
            app.mode = Mode::Help { scroll };
            let t = render(&mut app, w, h);
            let buf = t.backend().buffer();
            for y in popup.y + 1..popup.bottom() - 1 {
                let inside: String = (popup.x + 1..popup.right() - 1)
                    .map(|x| buf[(x, y)].symbol())
                    .collect();
                // Nothing runs into the right border, and nothing is cut with an ellipsis.
                assert!(inside.ends_with(' '), "{w}×{h}: {inside:?}");
                assert!(!inside.contains('…'), "{w}×{h}: {inside:?}");
                all.push_str(inside.trim());
                all.push(' ');
            }
            if scroll + rows >= 400 || !row_text(buf, popup.bottom() - 1).contains("more") {
                break;
            }
            scroll += rows;
        }
        let all = all.split_whitespace().collect::<Vec<_>>().join(" ");
        for ctx in Context::ALL {
            for (action, _) in app.keymap.entries(*ctx) {
                let d = action.describe_in(*ctx);
                assert!(
                    all.contains(d),
                    "{w}×{h}: {ctx:?} {action:?}: {d:?} not whole in the help"
                );
            }
        }
        // The longest, whole.
        assert!(all.contains(
            "Fold the story to its original (+N versions hidden; independent reports stay); again to unfold"
        ));
    }
}
