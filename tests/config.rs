//! The config file: a good file applies, wrong values are reported with their lines and keep
//! their defaults while the rest applies, the printed default file reads back to the defaults,
//! and a rebinding changes dispatch, the help screen and the hints together.

use copydesk::article;
use copydesk::tui::app::{Mode, PaneId};
use copydesk::tui::config::{self, Config, Problem};
use copydesk::tui::draw::SidebarWidth;
use copydesk::tui::keymap::{Context, Key};
use copydesk::tui::theme::{Theme, ThemeName};
use copydesk::tui::{Action, App, Msg, Options};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier};

mod common;

fn parse(text: &str) -> (Config, Vec<Problem>) {
    Config::parse(text)
}

/// Checks each problem's line and the start of its message.
fn assert_problems(problems: &[Problem], expected: &[(usize, &str)]) {
    let got: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), expected.len(), "{got:#?}");
    for (p, (line, start)) in problems.iter().zip(expected) {
        assert_eq!(p.line, Some(*line), "{got:#?}");
        assert!(p.message.starts_with(start), "{p} should start with {start:?}");
    }
}

fn assert_same_options(a: &Options, b: &Options) {
    assert_eq!(a.theme, b.theme);
    assert_eq!(a.reading_width, b.reading_width);
    assert_eq!(a.show_boilerplate, b.show_boilerplate);
    assert_eq!(a.sidebar_width, b.sidebar_width);
    // The same keys for the same actions, listed in the same order on the help screen.
    for c in Context::ALL {
        assert_eq!(a.keymap.entries(*c), b.keymap.entries(*c), "{c:?}");
    }
}

#[test]
fn a_good_file_applies_every_setting() {
    let text = r##"
theme = "light"
reading_width = 72
sidebar_width = "25%"
show_boilerplate = false

[colors]
person = "#ff8800"
removed = "bright red"
moved = "default"

[keys.reader]
down = ["x", "ctrl-n"]
half_page_down = "space"

[keys.global]
quit = "Q"
"##;
    let (c, problems) = parse(text);
    assert_eq!(problems, vec![]);
    assert_eq!(c.theme, ThemeName::Light);
    let o = c.options(false);
    assert_eq!(o.reading_width, 72);
    assert_eq!(o.sidebar_width, SidebarWidth::Percent(25));
    assert!(!o.show_boilerplate);
    assert_eq!(o.theme.entity.person.fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
    assert!(o.theme.entity.person.add_modifier.contains(Modifier::BOLD));
    assert_eq!(o.theme.diff.removed.fg, Some(Color::LightRed));
    assert_eq!(o.theme.diff.moved.fg, Some(Color::Reset));
    // Slots the file does not set keep the light theme's colours.
    assert_eq!(
        o.theme.entity.org,
        Theme::named(ThemeName::Light, false).entity.org
    );
    assert_eq!(
        o.theme.border_focused,
        Theme::named(ThemeName::Light, false).border_focused
    );

    let km = &o.keymap;
    assert_eq!(km.lookup(Context::Reader, Key::char('x')), Some(Action::Down));
    assert_eq!(km.lookup(Context::Reader, Key::ctrl('n')), Some(Action::Down));
    // j was down's; setting down's keys replaces them.
    assert_eq!(km.lookup(Context::Reader, Key::char('j')), None);
    // Space moved from page_down to half_page_down; page_down keeps PgDn.
    assert_eq!(
        km.lookup(Context::Reader, Key::char(' ')),
        Some(Action::HalfPageDown)
    );
    assert_eq!(
        km.keys_for(Context::Reader, Action::PageDown),
        vec![Key::plain(KeyCode::PageDown)]
    );
    assert_eq!(km.lookup(Context::Sidebar, Key::char('Q')), Some(Action::Quit));
    assert_eq!(km.lookup(Context::Sidebar, Key::char('q')), None);
    // The sidebar's own j is untouched.
    assert_eq!(km.lookup(Context::Sidebar, Key::char('j')), Some(Action::Down));
}

#[test]
fn wrong_values_are_reported_by_line_and_keep_their_defaults() {
    let text = r#"theme = "blue"
reading_width = "wide"
sidebar_width = 5
show_boilerplate = "no"
colour_scheme = "x"

[colors]
person = "blurple"
date = "green"
label = "red"

[keys.reader]
down = "x"
fly = "f"
up = ["k", "nonsense"]
top = 7

[keys.nowhere]
quit = "z"
"#;
    let (c, problems) = parse(text);
    assert_problems(
        &problems,
        &[
            (1, "theme: expected \"dark\" or \"light\""),
            (2, "reading_width: expected a number of columns from 20 to 500"),
            (3, "sidebar_width: expected \"auto\""),
            (4, "show_boilerplate: expected true or false"),
            (5, "unknown setting `colour_scheme`"),
            (8, "colors.person: expected a colour"),
            (10, "unknown colour `label`"),
            (14, "unknown action `fly`"),
            (15, "keys.reader.up: unknown key \"nonsense\""),
            (
                16,
                "keys.reader.top: expected a key or a list of keys, found an integer",
            ),
            (18, "unknown key context `keys.nowhere`"),
        ],
    );
    // Each message says what was found and which default is used.
    assert!(problems[0].message.contains("found \"blue\"") && problems[0].message.contains("\"dark\""));
    assert!(problems[1].message.contains("using the default, 80"));
    let d = Options::default();
    let o = c.options(false);
    assert_eq!(c.theme, ThemeName::Dark);
    assert_eq!(o.reading_width, d.reading_width);
    assert_eq!(o.sidebar_width, d.sidebar_width);
    assert_eq!(o.show_boilerplate, d.show_boilerplate);
    assert_eq!(o.theme.entity.person, d.theme.entity.person);
    // The good values in the same file still apply.
    assert_eq!(o.theme.entity.date.fg, Some(Color::Green));
    assert_eq!(
        o.keymap.lookup(Context::Reader, Key::char('x')),
        Some(Action::Down)
    );
    // A wrong key list keeps the action's default keys.
    assert_eq!(o.keymap.lookup(Context::Reader, Key::char('k')), Some(Action::Up));
    assert_eq!(
        o.keymap.lookup(Context::Reader, Key::char('g')),
        Some(Action::Top)
    );
}

#[test]
fn a_syntax_error_is_reported_and_the_rest_still_applies() {
    let text = "reading_width = 60\nshow_boilerplate = tru e\n[keys.reader]\ndown = \"x\"\n";
    let (c, problems) = parse(text);
    assert!(!problems.is_empty());
    assert_eq!(problems[0].line, Some(2), "{problems:?}");
    assert_eq!(c.reading_width, 60);
    assert_eq!(
        c.keymap.lookup(Context::Reader, Key::char('x')),
        Some(Action::Down)
    );
}

#[test]
fn one_key_for_two_actions_in_one_context_is_reported() {
    let (c, problems) = parse("[keys.reader]\ndown = \"x\"\ntop = [\"x\", \"t\"]\n");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(3));
    assert!(
        problems[0].message.contains("already bound to down"),
        "{}",
        problems[0]
    );
    assert_eq!(
        c.keymap.lookup(Context::Reader, Key::char('x')),
        Some(Action::Down)
    );
    assert_eq!(
        c.keymap.lookup(Context::Reader, Key::char('t')),
        Some(Action::Top)
    );
}

#[test]
fn an_empty_list_unbinds_and_any_action_can_go_anywhere() {
    let (c, problems) = parse("[keys.article]\nsearch = []\n[keys.sidebar]\nsearch = \"s\"\n");
    assert_eq!(problems, vec![]);
    assert_eq!(c.keymap.lookup(Context::Reader, Key::char('/')), None);
    assert_eq!(
        c.keymap.lookup(Context::Sidebar, Key::char('s')),
        Some(Action::Search)
    );
    assert_eq!(c.keymap.lookup(Context::Reader, Key::char('s')), None);
}

#[test]
fn a_file_cannot_take_away_every_way_to_quit() {
    let (c, problems) = parse("[keys.global]\nhelp = \"?\"\nquit = []\n");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(3));
    assert_eq!(
        c.keymap.lookup(Context::Reader, Key::char('q')),
        Some(Action::Quit)
    );
    // Quitting with another key is fine.
    let (c, problems) = parse("[keys.global]\nquit = \"ctrl-q\"\n");
    assert_eq!(problems, vec![]);
    assert_eq!(c.keymap.lookup(Context::Reader, Key::char('q')), None);
    assert_eq!(
        c.keymap.lookup(Context::Reader, Key::ctrl('q')),
        Some(Action::Quit)
    );
}

#[test]
fn colours_may_be_numbers() {
    let (c, problems) = parse("[colors]\nperson = 208\norg = \"33\"\nplace = 300\n");
    assert_problems(&problems, &[(4, "colors.place: expected a colour")]);
    let t = c.options(false).theme;
    assert_eq!(t.entity.person.fg, Some(Color::Indexed(208)));
    assert_eq!(t.entity.org.fg, Some(Color::Indexed(33)));
}

#[test]
fn the_printed_default_file_reads_back_to_the_defaults() {
    let text = config::default_file();
    let defaults = Config::default().options(false);
    // As printed, everything is commented out.
    let (c, problems) = parse(&text);
    assert_eq!(problems, vec![]);
    assert_same_options(&c.options(false), &defaults);
    // Uncommented, every setting is given its default value explicitly.
    let uncommented: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if rest.split_once(" = ").is_some_and(|(k, _)| !k.contains(' ')) => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let set = uncommented
        .lines()
        .filter(|l| !l.starts_with('#') && l.contains(" = "))
        .count();
    // theme, two widths, boilerplate, 10 colours, and one line per action in each context.
    let actions: usize = Context::ALL
        .iter()
        .map(|c| defaults.keymap.entries(*c).len())
        .sum();
    assert_eq!(set, 4 + 10 + actions, "{uncommented}");
    let (c, problems) = parse(&uncommented);
    assert_eq!(problems, vec![]);
    assert_same_options(&c.options(false), &defaults);
    assert_same_options(&c.options(true), &Config::default().options(true));
    // Uncommented and switched to the light theme, the dark colours listed apply as overrides,
    // so the light theme's entity colours are the dark ones: the file's values really are read.
    let light = uncommented.replace("theme = \"dark\"", "theme = \"light\"");
    let (c, problems) = parse(&light);
    assert_eq!(problems, vec![]);
    assert_eq!(c.options(false).theme.entity, defaults.theme.entity);
    assert_ne!(
        c.options(false).theme.border_focused,
        defaults.theme.border_focused
    );
}

#[test]
fn every_action_and_context_is_named_in_the_default_file() {
    let text = config::default_file();
    for a in Action::ALL {
        let name = serde_json::to_string(a).unwrap();
        assert!(
            text.contains(&format!("#   {}", name.trim_matches('"'))),
            "{name}"
        );
    }
    for c in Context::ALL {
        let name = serde_json::to_string(c).unwrap();
        assert!(
            text.contains(&format!("[keys.{}]", name.trim_matches('"'))),
            "{name}"
        );
    }
}

fn press(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn screen(app: &mut App, w: u16, h: u16) -> String {
    common::screen_text(common::render(app, w, h).backend().buffer())
}

#[test]
fn a_rebinding_changes_dispatch_help_and_hints() {
    let (c, problems) = parse("[keys.article]\nsearch = \"z\"\n[keys.global]\nhelp = \"f1\"\n");
    assert_eq!(problems, vec![]);
    let mut app = App::new(article::demo::articles(), c.options(true));
    // The reader's hints name the search key (the sidebar's name the filter instead).
    press(&mut app, KeyCode::Tab);
    let status = screen(&mut app, 120, 30);
    let last = status.lines().last().unwrap().to_string();
    assert!(last.contains("z search"), "{last}");
    assert!(last.contains("F1 help") && !last.contains("/ search"), "{last}");

    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode, Mode::Normal, "/ no longer searches");
    press(&mut app, KeyCode::Char('z'));
    assert!(matches!(app.mode, Mode::Search(_)));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode, Mode::Normal, "? no longer opens help");
    press(&mut app, KeyCode::F(1));
    assert!(matches!(app.mode, Mode::Help { .. }));
    let help = screen(&mut app, 100, 30);
    let row = help
        .lines()
        .find(|l| l.contains("Search the article"))
        .expect("search listed in help");
    assert!(row.contains(" z ") && !row.contains(" / "), "{row}");
    assert!(
        help.lines()
            .any(|l| l.contains("F1") && l.contains("Show or hide this help"))
    );
}

#[test]
fn reading_width_and_sidebar_width_shape_the_screen() {
    let (c, _) = parse("reading_width = 40\nsidebar_width = 50\n");
    let mut app = App::new(article::demo::articles(), c.options(true));
    app.update(Msg::Action(Action::Open));
    assert_eq!(app.focus, PaneId::Reader);
    let g = {
        app.update(Msg::Resize(120, 40));
        app.geometry().unwrap()
    };
    assert_eq!(g.sidebar.width, 50);
    assert!(g.body.width <= 40, "{:?}", g.body);
    let longest = |app: &mut App| {
        let text = screen(app, 120, 40);
        text.lines()
            .skip(5)
            .take(30)
            .map(|l| l.chars().skip(52).collect::<String>())
            .map(|l| l.trim_matches(|c: char| c == ' ' || c == '┃').chars().count())
            .max()
            .unwrap()
    };
    let narrow = longest(&mut app);
    assert!((30..=40).contains(&narrow), "{narrow}");
    let mut wide = App::new(article::demo::articles(), Options::default());
    wide.update(Msg::Action(Action::Open));
    assert!(longest(&mut wide) > 45);
}

#[test]
fn problems_show_at_start_with_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "reading_width = 3\ntheme = \"x\"\n").unwrap();
    let loaded = config::load(Some(&path));
    assert!(loaded.found);
    let msg = loaded.startup_message().unwrap();
    assert!(msg.starts_with("c.toml line 1: reading_width"), "{msg}");
    let full = &loaded.messages()[0];
    assert!(
        full.starts_with(&format!("{} line 1: reading_width", path.display())),
        "{full}"
    );
    assert!(msg.ends_with("(and 1 more: copydesk config --check)"), "{msg}");

    let missing = dir.path().join("nope.toml");
    let loaded = config::load(Some(&missing));
    assert!(!loaded.found);
    assert!(loaded.startup_message().unwrap().contains("could not be read"));
    assert_same_options(&loaded.config.options(false), &Options::default());

    std::fs::write(&path, b"reading_width = 60\n\xff\xfe").unwrap();
    let loaded = config::load(Some(&path));
    assert!(loaded.startup_message().unwrap().contains("not UTF-8"));
}

proptest::proptest! {
    /// Whatever the file says, reading it never panics and every problem has a line or none.
    #[test]
    fn any_text_reads_without_panic(s in "(\\PC|\n){0,200}") {
        let (_, problems) = Config::parse(&s);
        for p in problems {
            let n = s.lines().count().max(1);
            proptest::prop_assert!(p.line.is_none_or(|l| l >= 1 && l <= n + 1), "{p} in {s:?}");
        }
    }

    #[test]
    fn any_values_in_known_places_read_without_panic(
        v in "\"[a-z#0-9 -]{0,8}\"|-?[0-9]{1,6}|true|\\[\\]|\\[\"[a-z]\"\\]|\\{\\}",
        key in "theme|reading_width|sidebar_width|show_boilerplate",
    ) {
        let text = format!("{key} = {v}\n[colors]\nperson = {v}\n[keys.reader]\ndown = {v}\n");
        let (c, _) = Config::parse(&text);
        let _ = c.options(false);
    }
}
