//! Entities in the reader, through the keymap and `App::update`: analysis arriving as a message
//! (never on the render path), label layers and their keys, the legend, the entity panel,
//! choosing an entity and following its mentions with n/N (and a search taking over), quotes and
//! their speakers; screens and style maps as insta snapshots.

use copydesk::article;
use copydesk::entities::Label;
use copydesk::tui::analysis;
use copydesk::tui::app::{JumpKind, PaneId};
use copydesk::tui::panes::entities::EntityStyles;
use copydesk::tui::{App, Msg, Options};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

mod common;
use common::{keys, mouse, render, row_text, screen_text};

fn app_with(no_color: bool) -> App {
    common::demo_app_at(no_color, 120, 40)
}

/// The demo at 120×40 with its analyses done.
fn analysed(no_color: bool) -> App {
    let mut app = app_with(no_color);
    analysis::run_now(&mut app);
    app
}

/// One letter a cell for the modifiers that tell labels apart, so a snapshot shows them:
/// R reverse (search, chosen entity), x crossed out (a label turned off), i dim+italic
/// (boilerplate), N bold+italic (NORP), D italic+underline (DATE), U bold+underline (NUMBER),
/// P bold (PERSON, and headings), O underline (ORG), L italic (PLACE), . plain.
fn style_map(buf: &Buffer) -> String {
    common::style_map(buf, |m| {
        let has = |f| m.contains(f);
        if has(Modifier::REVERSED) {
            'R'
        } else if has(Modifier::CROSSED_OUT) {
            'x'
        } else if has(Modifier::DIM | Modifier::ITALIC) {
            'i'
        } else if has(Modifier::BOLD | Modifier::ITALIC) {
            'N'
        } else if has(Modifier::ITALIC | Modifier::UNDERLINED) {
            'D'
        } else if has(Modifier::BOLD | Modifier::UNDERLINED) {
            'U'
        } else if has(Modifier::BOLD) {
            'P'
        } else if has(Modifier::UNDERLINED) {
            'O'
        } else if has(Modifier::ITALIC) {
            'L'
        } else {
            '.'
        }
    })
}

/// The reader's text column (right of the sidebar and the gutter).
fn reader_x(buf: &Buffer) -> u16 {
    copydesk::tui::draw::screen(buf.area).unwrap().sidebar.width + 3
}

/// Finds `needle` in the reader's part of the screen; returns (x, y) of its first cell.
fn find_in_reader(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    let x0 = reader_x(buf);
    (0..buf.area.height).find_map(|y| {
        let row: String = (x0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
        row.find(needle)
            .map(|bx| (x0 + row[..bx].chars().count() as u16, y))
    })
}

/// The ranges of every layer in the reader, with the style it carries.
fn layer_styles(app: &App) -> Vec<ratatui::style::Style> {
    app.reader_layers().iter().map(|l| l.style).collect()
}

#[test]
fn analysis_arrives_as_a_message_and_only_then_highlights() {
    let mut app = app_with(false);
    let styles = app.theme.entity;
    let id = app.current_article().unwrap().id.clone();
    // Queued, not run: drawing does not wait for it.
    assert!(app.analyses.is_pending(&id));
    assert!(app.analyses.get(&id).is_none());
    assert!(!layer_styles(&app).contains(&styles.person));
    keys(&mut app, "E");
    let t = render(&mut app, 120, 40);
    assert!(screen_text(t.backend().buffer()).contains("Finding entities…"));

    analysis::run_now(&mut app);
    let got = app.analyses.get(&id).expect("analysed");
    assert!(
        got.story,
        "the collection's story-level result replaced the single one"
    );
    assert!(!app.analyses.is_pending(&id));
    assert!(layer_styles(&app).contains(&styles.person));
    let t = render(&mut app, 120, 40);
    assert!(!screen_text(t.backend().buffer()).contains("Finding entities…"));
}

#[test]
fn label_keys_toggle_their_layers() {
    let mut app = analysed(false);
    let s = app.theme.entity;
    let all = [s.person, s.org, s.place, s.norp, s.date, s.number];
    let on = |app: &App| -> Vec<bool> {
        let ls = layer_styles(app);
        all.iter().map(|st| ls.contains(st)).collect()
    };
    assert_eq!(on(&app), vec![true; 6]);
    keys(&mut app, "1");
    assert_eq!(on(&app), vec![false, true, true, true, true, true]);
    assert_eq!(app.message.as_ref().unwrap().text, "People: highlights off");
    keys(&mut app, "35");
    assert_eq!(on(&app), vec![false, true, false, true, false, true]);
    keys(&mut app, "0");
    assert_eq!(
        on(&app),
        vec![false; 6],
        "0 turns every label off while any is on"
    );
    keys(&mut app, "0");
    assert_eq!(on(&app), vec![true; 6], "and all back on");
    // The entity layers sit under search: a search match inside a name is still reversed.
    keys(&mut app, "<Tab>/Putin<Enter>");
    let t = render(&mut app, 120, 40);
    let buf = t.backend().buffer();
    let (x, y) = find_in_reader(buf, "Putin").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED | Modifier::BOLD));
}

#[test]
fn reader_with_highlights_and_legend() {
    let mut app = analysed(false);
    keys(&mut app, "<Tab>");
    let t = render(&mut app, 120, 40);
    let buf = t.backend().buffer();
    insta::assert_snapshot!("reader_entities_text", t.backend());
    insta::assert_snapshot!("reader_entities_styles", style_map(buf));
    // Each label's cells carry its style (colour and modifier).
    let s = app.theme.entity;
    for (word, style) in [
        ("Sergey Lavrov", s.person),
        ("Kremlin", s.org),
        ("Moscow", s.place),
        ("Hungary", s.place),
        ("Russian", s.norp),
        ("last week", s.date),
    ] {
        let (x, y) = find_in_reader(buf, word).unwrap_or_else(|| panic!("{word} on screen"));
        let c = &buf[(x, y)];
        assert_eq!(
            (c.fg, c.modifier),
            (style.fg.unwrap(), style.add_modifier),
            "{word}"
        );
    }
    // Quotations: a bar in the gutter and a pale colour, nothing that hides an entity's look.
    let (x, y) = find_in_reader(buf, "“I hope").unwrap();
    assert_eq!(buf[(x, y)].fg, EntityStyles::new(&app.theme).quote.fg.unwrap());
    assert_eq!(buf[(reader_x(buf) - 2, y)].symbol(), "│");
    // The legend names every label with its key.
    let bottom = row_text(buf, 38);
    assert!(
        bottom.contains("1 person 2 org 3 place 4 norp 5 date 6 number"),
        "{bottom}"
    );
    // A label turned off is struck through in the legend, and its names are plain.
    keys(&mut app, "1");
    let t = render(&mut app, 120, 40);
    let buf = t.backend().buffer();
    let (x, y) = find_in_reader(buf, "person").unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::CROSSED_OUT));
    let (x, y) = find_in_reader(buf, "Sergey Lavrov").unwrap();
    assert!(!buf[(x, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn labels_differ_without_colour() {
    let mut app = analysed(true);
    keys(&mut app, "<Tab>");
    let t = render(&mut app, 120, 40);
    let buf = t.backend().buffer();
    insta::assert_snapshot!("reader_entities_no_color_styles", style_map(buf));
    for y in 0..40 {
        for x in 0..120 {
            assert_eq!(buf[(x, y)].fg, ratatui::style::Color::Reset, "colour at {x},{y}");
        }
    }
    let s = app.theme.entity;
    let mods: Vec<Modifier> = Label::ALL.iter().map(|l| s.label(*l).add_modifier).collect();
    for (i, a) in mods.iter().enumerate() {
        assert!(!a.is_empty());
        for b in &mods[i + 1..] {
            assert_ne!(a, b, "two labels look the same without colour");
        }
    }
    let map = style_map(buf);
    for letter in ['P', 'O', 'L', 'N', 'D', 'U'] {
        assert!(map.contains(letter), "no cell styled {letter}:\n{map}");
    }
}

#[test]
fn the_entity_panel_lists_entities_by_label_with_counts() {
    let mut app = analysed(false);
    keys(&mut app, "E");
    assert_eq!(app.focus, PaneId::Entities);
    let t = render(&mut app, 120, 40);
    insta::assert_snapshot!("entity_panel", t.backend());
    let e = copydesk::tui::panes::entities::current(&app).unwrap();
    // Grouped by label in order, most mentioned first within a label.
    for w in e.groups().windows(2) {
        assert!(
            w[0].label < w[1].label || (w[0].label == w[1].label && w[0].ranges.len() >= w[1].ranges.len())
        );
    }
    // E again hides it and gives focus back to the reader.
    keys(&mut app, "E");
    assert!(!app.entities.shown);
    assert_eq!(app.focus, PaneId::Reader);
    assert!(!app.panes().contains(&PaneId::Entities));
}

#[test]
fn choosing_an_entity_highlights_its_mentions_and_n_follows_them() {
    let mut app = analysed(false);
    keys(&mut app, "Eg");
    let groups = copydesk::tui::panes::entities::current(&app)
        .unwrap()
        .groups()
        .to_vec();
    // The second person in the list.
    keys(&mut app, "j");
    let g = &groups[1];
    assert_eq!(g.label, Label::Person);
    keys(&mut app, "<Enter>");
    let j = app.jumps.clone().unwrap();
    assert!(matches!(&j.kind, JumpKind::Entity { name, label: Label::Person, .. } if *name == g.name));
    assert_eq!(j.ranges, g.ranges);
    assert_eq!(j.current, Some(0));
    assert!(j.ranges.len() >= 2);
    let text = app.current_article().unwrap().text.clone();
    let first = &text[j.ranges[0].clone()];
    let t = render(&mut app, 120, 40);
    let buf = t.backend().buffer();
    assert!(
        find_in_reader(buf, first).is_some(),
        "the first mention is in view"
    );
    assert!(row_text(buf, 39).contains(&format!("mention 1/{}", j.ranges.len())));
    let msg = &app.message.as_ref().unwrap().text;
    assert!(
        msg.starts_with(&format!("{}: {} mentions", g.name, g.ranges.len())),
        "{msg}"
    );
    // Every mention is reversed on screen; the chosen row is marked in the panel.
    let map = style_map(buf);
    assert!(map.contains('R'));
    assert!(screen_text(buf).contains(&format!("◆ {}", g.name)));

    keys(&mut app, "n");
    assert_eq!(app.jumps.as_ref().unwrap().current, Some(1));
    keys(&mut app, "NN");
    let n = j.ranges.len();
    assert_eq!(app.jumps.as_ref().unwrap().current, Some(n - 1));
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Mentions wrapped to the bottom"
    );
}

#[test]
fn a_search_after_an_entity_takes_over_n_and_esc_in_the_prompt_gives_it_back() {
    let mut app = analysed(false);
    keys(&mut app, "E<Enter>");
    let entity = app.jumps.clone().unwrap();
    assert!(matches!(entity.kind, JumpKind::Entity { .. }));
    keys(&mut app, "/said");
    keys(&mut app, "<Esc>");
    assert_eq!(
        app.jumps.as_ref(),
        Some(&entity),
        "Esc in the prompt restores the entity"
    );
    keys(&mut app, "/said<Enter>");
    let j = app.jumps.clone().unwrap();
    assert!(matches!(&j.kind, JumpKind::Search { query } if query == "said"));
    let before = j.current.unwrap();
    keys(&mut app, "n");
    let after = app.jumps.as_ref().unwrap();
    assert_eq!(after.current, Some((before + 1) % j.ranges.len()));
    let text = &app.current_article().unwrap().text;
    assert_eq!(&text[after.ranges[after.current.unwrap()].clone()], "said");
    // And choosing an entity again takes n back.
    keys(&mut app, "<Enter>");
    assert!(matches!(
        app.jumps.as_ref().unwrap().kind,
        JumpKind::Entity { .. }
    ));
}

#[test]
fn a_chosen_entity_is_followed_into_the_next_version() {
    let mut app = analysed(false);
    // The cursor may have followed an entity when the story's analysis replaced the article's:
    // start from the top.
    keys(&mut app, "Eg");
    let e = copydesk::tui::panes::entities::current(&app).unwrap();
    let putin = e.groups().iter().position(|g| g.name.contains("Putin")).unwrap();
    for _ in 0..putin {
        keys(&mut app, "j");
    }
    keys(&mut app, "<Enter>]");
    let a = app.current_article().unwrap();
    let j = app.jumps.as_ref().unwrap();
    assert!(!j.ranges.is_empty());
    assert!(
        j.ranges.iter().all(|r| a.text[r.clone()].contains("Putin")),
        "{:?}",
        j.ranges.iter().map(|r| &a.text[r.clone()]).collect::<Vec<_>>()
    );
    // The full name and the surname are one entity there.
    assert!(j.ranges.iter().any(|r| &a.text[r.clone()] == "Vladimir Putin"));
    assert!(j.ranges.iter().any(|r| &a.text[r.clone()] == "Putin"));
}

#[test]
fn the_status_bar_names_the_speaker_of_the_quote_being_read() {
    let mut app = analysed(false);
    keys(&mut app, "<Tab>/eventually find<Enter>");
    let t = render(&mut app, 120, 40);
    let status = row_text(t.backend().buffer(), 39);
    assert!(status.contains("quote — Putin"), "{status}");
    keys(&mut app, "<Esc>g");
    let t = render(&mut app, 120, 40);
    let status = row_text(t.backend().buffer(), 39);
    assert!(!status.contains("quote"), "{status}");
    // Without a selection or match: the quote the top line of the view is in, or none.
    let mut seen = false;
    for _ in 0..60 {
        let t = render(&mut app, 120, 40);
        let buf = t.backend().buffer();
        let (top, status) = (row_text(buf, 4), row_text(buf, 39));
        if top.contains("interests of all parties") {
            assert!(!status.contains("quote"), "{top}\n{status}");
            keys(&mut app, "j");
            let t = render(&mut app, 120, 40);
            let buf = t.backend().buffer();
            assert!(row_text(buf, 4).contains("account. “I hope"));
            assert!(row_text(buf, 39).contains("quote — Putin"));
            seen = true;
            break;
        }
        keys(&mut app, "j");
    }
    assert!(seen);
}

#[test]
fn the_panel_counts_as_the_index_furniture_left_out() {
    let mut app = analysed(false);
    keys(&mut app, "]]E");
    let e = copydesk::tui::panes::entities::current(&app).unwrap();
    let a = app.current_article().unwrap().clone();
    // The CBS version names people in its captions; the panel does not count those mentions,
    // as the index does not.
    let analysis = &e.analysis;
    assert!(
        analysis
            .entities
            .iter()
            .any(|x| x.label == Label::Person && a.is_boilerplate(x.range.start)),
        "the CBS version has names in its captions"
    );
    assert!(
        e.groups()
            .iter()
            .all(|g| g.ranges.iter().all(|r| !a.is_boilerplate(r.start)))
    );
    let ix = copydesk::entities::index::index(std::slice::from_ref(&a), std::slice::from_ref(analysis));
    for entry in &ix.entries {
        let g = e
            .groups()
            .iter()
            .find(|g| g.label == entry.label && g.name == entry.name)
            .unwrap_or_else(|| panic!("{} is in the index but not the panel", entry.name));
        assert_eq!(g.ranges.len(), entry.total, "{}", entry.name);
    }
    let t = render(&mut app, 120, 40);
    assert!(common::screen_text(t.backend().buffer()).contains("no furniture"));
    // Choosing an entity and hiding boilerplate never leaves a jump into hidden furniture.
    keys(&mut app, "<Enter>b");
    let shown = app.jumps.as_ref().unwrap();
    assert!(shown.ranges.iter().all(|r| !a.is_boilerplate(r.start)));
}

#[test]
fn new_keys_are_in_help_and_hints() {
    let app = analysed(false);
    let style = ratatui::style::Style::new();
    let lines = copydesk::tui::panes::help::lines(&app.keymap, style, style, 200);
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    for want in [
        "Entity panel",
        "Show the article's entities by label",
        "Highlight every mention of the entity",
        "Highlight people (PERSON) or not",
        "Turn every entity highlight off, or all back on",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    let mut app = analysed(false);
    keys(&mut app, "E");
    let t = render(&mut app, 120, 40);
    let status = row_text(t.backend().buffer(), 39);
    assert!(
        status.contains("Enter highlight") && status.contains("E entities"),
        "{status}"
    );
}

#[test]
fn the_mouse_moves_the_panel_cursor() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = analysed(false);
    keys(&mut app, "E<Tab>");
    assert_eq!(app.focus, PaneId::Sidebar);
    let g = app.geometry().unwrap().entities.unwrap();
    // Row 1 is the first heading, row 2 the first entity, row 3 the second.
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        g.x + 3,
        g.y + 3,
    );
    assert_eq!(app.focus, PaneId::Entities);
    assert_eq!(app.entities.cursor, 1);
    mouse(&mut app, MouseEventKind::ScrollDown, g.x + 3, g.y + 3);
    assert_eq!(app.entities.cursor, 2);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "E", "1", "2", "3", "4", "5", "6", "0", "j", "k", "G", "g", "<Enter>", "<Esc>", "n", "N", "<Tab>",
        "]", "[", "/", "b", "<PgDn>", "<End>", "x",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// Any entity keys at any size, with the analysis arriving at any point, never panic and
        /// keep the panel's cursor and the jumps inside what the article has.
        #[test]
        fn any_entity_keys_at_any_size(
            seq in proptest::collection::vec(0..KEYS.len(), 0..50),
            w in 0u16..140, h in 0u16..50, when in 0usize..50,
        ) {
            let mut app = App::new(article::demo::articles(), Options::default());
            render(&mut app, w, h);
            for (i, k) in seq.iter().enumerate() {
                if i == when {
                    analysis::run_now(&mut app);
                }
                keys(&mut app, KEYS[*k]);
            }
            analysis::run_now(&mut app);
            render(&mut app, w, h);
            if let Some(e) = copydesk::tui::panes::entities::current(&app) {
                prop_assert!(e.groups().is_empty() || app.entities.cursor < e.groups().len());
            }
            if let (Some(j), Some(a)) = (&app.jumps, app.current_article()) {
                prop_assert!(j.ranges.iter().all(|r| r.end <= a.text.len()));
                prop_assert!(j.current.is_none_or(|c| c < j.ranges.len()));
            }
        }
    }
}

#[test]
fn a_failed_analysis_is_reported_and_not_retried() {
    let mut app = app_with(false);
    assert!(!app.analyses.take_jobs().is_empty());
    let ids = app.articles.iter().map(|a| a.id.clone()).collect();
    let paths = app.articles.iter().map(|a| a.path.clone()).collect();
    app.update(Msg::Analysed(analysis::Analysed {
        story: true,
        results: Vec::new(),
        failed: Some((ids, paths)),
    }));
    let m = app.message.clone().unwrap();
    assert!(m.error);
    assert_eq!(
        m.text,
        "Could not find entities in 5 articles (the recogniser failed)"
    );
    assert_eq!(app.problems, vec![m.text.clone()]);
    keys(&mut app, "E]");
    assert!(app.analyses.take_jobs().is_empty(), "not asked for again");
    let t = render(&mut app, 120, 40);
    let text = screen_text(t.backend().buffer());
    assert!(
        text.contains("the recogniser") && text.contains("failed on this article"),
        "{text}"
    );
}

#[test]
fn the_panel_cursor_stays_in_view_when_the_terminal_shrinks() {
    let mut app = analysed(false);
    keys(&mut app, "EG");
    let e = copydesk::tui::panes::entities::current(&app).unwrap();
    let last = e.groups().last().unwrap().name.clone();
    assert_eq!(app.entities.cursor, e.groups().len() - 1);
    let t = render(&mut app, 120, 40);
    assert!(screen_text(t.backend().buffer()).contains(&format!("▶  {last}")));
    let t = render(&mut app, 60, 16);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains(&format!("▶  {last}")), "{text}");
    keys(&mut app, "g");
    let t = render(&mut app, 60, 16);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("1 People"), "{text}");
}
