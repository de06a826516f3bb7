//! Notes in the reader, through the keymap and `App::update`: selecting a passage, writing,
//! editing, deleting and bringing back notes, the editor's questions, the notes pane and its
//! jumps, the reader's note marks, and saving (with failures) as the event loop does it. Every
//! store lives in a temporary directory.

use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use copydesk::article;
use copydesk::notes::{Disk, Note, NoteStore};
use copydesk::tui::app::{Mode, PaneId};
use copydesk::tui::panes::notes::{NotesState, PassageKind, Scope};
use copydesk::tui::persist;
use copydesk::tui::{App, Msg, Options};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

mod common;
use common::{demo_app, keys, mouse, render, row_text, screen_text};

/// The demo with its notes in `dir`, in the colourless theme (styles show as modifiers).
fn app_in(dir: &Path) -> App {
    let mut app = demo_app(true);
    let (store, msgs) = NoteStore::open(dir);
    assert!(msgs.is_empty(), "{msgs:?}");
    app.notes = NotesState::new(store, None);
    app.update(Msg::Resize(100, 30));
    app
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A note on `quote` in article `i` of the demo, written at a fixed time (for stable screens).
fn fixed_note(app: &App, i: usize, quote: &str, text: &str) -> Note {
    let a = &app.articles[i];
    let start = a.text.find(quote).unwrap();
    let mut n = Note::on_passage(a, start..start + quote.len(), text);
    n.created = at("2026-01-15T12:00:00Z");
    n.updated = n.created;
    n
}

fn editor_text(app: &App) -> String {
    match &app.mode {
        Mode::Note(ed) => ed.text(),
        other => panic!("not editing: {other:?}"),
    }
}

#[test]
fn a_note_on_the_selected_sentence_keeps_that_sentence_as_its_quote() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    keys(&mut app, "<Tab>))");
    let a = app.current_article().unwrap().clone();
    let sel = app.notes.selection.clone().unwrap();
    assert_eq!(sel.kind, PassageKind::Sentence);
    assert_eq!(sel.range, a.sentences[1], "the second sentence in view");
    keys(&mut app, "aCBS dropped the casualty figure<Enter>second line");
    assert_eq!(editor_text(&app), "CBS dropped the casualty figure\nsecond line");
    keys(&mut app, "<C-s>");
    assert_eq!(app.mode, Mode::Normal);
    let all = app.notes.store.all();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].quote, a.text[a.sentences[1].clone()]);
    assert_eq!(all[0].text, "CBS dropped the casualty figure\nsecond line");
    assert_eq!(all[0].article_id, a.id);
    // The event loop saves it: a fresh store on the same directory has it.
    assert!(persist::tick(&mut app, Instant::now()));
    assert!(!app.notes.store.is_dirty());
    let (again, _) = NoteStore::open(dir.path());
    assert_eq!(
        again.all()[0].text,
        "CBS dropped the casualty figure\nsecond line"
    );
}

#[test]
fn a_without_a_selection_says_how_and_capital_a_notes_the_whole_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    keys(&mut app, "<Tab>a");
    assert_eq!(app.mode, Mode::Normal);
    let m = app.message.clone().unwrap().text;
    assert!(
        m.contains(") a sentence") && m.contains("A for the whole article"),
        "{m}"
    );
    keys(&mut app, "AAbout the whole story<C-s>");
    let all = app.notes.store.all();
    assert_eq!(all.len(), 1);
    assert!(all[0].is_whole_article());
    assert_eq!(all[0].text, "About the whole story");
}

#[test]
fn paragraphs_and_search_matches_are_passages_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    keys(&mut app, "<Tab>}}");
    let a = app.current_article().unwrap().clone();
    assert_eq!(app.notes.selection.as_ref().unwrap().range, a.paragraphs[1]);
    keys(&mut app, "{");
    assert_eq!(app.notes.selection.as_ref().unwrap().range, a.paragraphs[0]);
    // Moving down the article scrolls so the whole paragraph shows, last words included.
    keys(&mut app, "}}}}}}}");
    let p = app.notes.selection.clone().unwrap().range;
    assert_eq!(p, a.paragraphs[7]);
    let last_words: Vec<&str> = a.text[p].split_whitespace().rev().take(2).collect();
    let text = screen_text(render(&mut app, 100, 30).backend().buffer());
    let want = format!("{} {}", last_words[1], last_words[0]);
    assert!(text.contains(&want), "{want} not in view:\n{text}");
    keys(&mut app, "gg{{{{{{{{{{");
    // A search match made current becomes the selection, and a note on it quotes the match.
    keys(&mut app, "/lavrov<Enter>");
    let sel = app.notes.selection.clone().unwrap();
    assert_eq!(sel.kind, PassageKind::Match);
    assert_eq!(&a.text[sel.range.clone()], "Lavrov");
    keys(&mut app, "aforeign minister<C-s>");
    assert_eq!(app.notes.store.all()[0].quote, "Lavrov");
    // From a match, ) selects the sentence holding it.
    keys(&mut app, ")");
    let s = app.notes.selection.clone().unwrap();
    assert_eq!(s.kind, PassageKind::Sentence);
    assert!(a.text[s.range].contains("Lavrov"));
    // Esc clears the selection with the highlights.
    keys(&mut app, "<Esc>");
    assert!(app.notes.selection.is_none());
}

#[test]
fn edit_replaces_the_text_of_the_same_note() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    keys(&mut app, "<Tab>)afirst<C-s>");
    let id = app.notes.store.all()[0].id.clone();
    keys(&mut app, "e");
    assert_eq!(editor_text(&app), "first");
    keys(&mut app, "<BS><BS><BS><BS><BS>second<C-s>");
    let all = app.notes.store.all();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].id.as_str(), all[0].text.as_str()),
        (id.as_str(), "second")
    );
    // Undo and redo in the editor (the textarea undoes a character at a time).
    keys(&mut app, "e more<C-z><C-z><C-z><C-z><C-z>");
    assert_eq!(editor_text(&app), "second");
    keys(&mut app, "<C-r><C-r>");
    assert_eq!(editor_text(&app), "second m");
    keys(&mut app, "ore");
    keys(&mut app, "<C-s>");
    assert_eq!(app.notes.store.all()[0].text, "second more");
    // e where no note is says so.
    keys(&mut app, "))e");
    assert_eq!(app.mode, Mode::Normal);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .starts_with("No note on the selected passage")
    );
}

#[test]
fn delete_then_undo_brings_the_note_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    keys(&mut app, "<Tab>)akeep me<C-s>");
    let note = app.notes.store.all()[0].clone();
    persist::tick(&mut app, Instant::now());
    keys(&mut app, "d");
    assert!(app.notes.store.all().is_empty());
    assert_eq!(app.message.as_ref().unwrap().text, "Note deleted (u to undo)");
    persist::tick(&mut app, Instant::now());
    assert!(
        NoteStore::open(dir.path()).0.all().is_empty(),
        "the delete reached the disk"
    );
    keys(&mut app, "u");
    let back = app.notes.store.all();
    assert_eq!(back.len(), 1);
    assert_eq!(
        (&back[0].id, &back[0].text, &back[0].quote),
        (&note.id, &note.text, &note.quote)
    );
    persist::tick(&mut app, Instant::now());
    assert_eq!(
        NoteStore::open(dir.path()).0.all()[0].id,
        note.id,
        "and so did the undo"
    );
    keys(&mut app, "u");
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "No deleted note to bring back"
    );
}

#[test]
fn esc_with_unsaved_changes_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    // Nothing typed: Esc leaves at once.
    keys(&mut app, "<Tab>)a<Esc>");
    assert_eq!(app.mode, Mode::Normal);
    // Typed: Esc asks; n goes back to the text; y throws it away.
    keys(&mut app, "adraft<Esc>");
    assert!(matches!(&app.mode, Mode::Note(ed) if ed.confirm));
    keys(&mut app, "x"); // not an answer: ignored, not typed
    keys(&mut app, "n");
    assert!(matches!(&app.mode, Mode::Note(ed) if !ed.confirm));
    assert_eq!(editor_text(&app), "draft");
    keys(&mut app, "<Esc>y");
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.notes.store.all().is_empty());
    // Ctrl-S at the question saves instead.
    keys(&mut app, "akept<Esc><C-s>");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.notes.store.all()[0].text, "kept");
    // Keys that are commands elsewhere (q, Tab) are text in the editor.
    keys(&mut app, "eq<Tab>");
    assert!(!app.quit);
    assert!(editor_text(&app).starts_with("keptq"));
}

#[test]
fn editor_screens() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    keys(
        &mut app,
        "<Tab>)aCBS dropped the casualty figure.<Enter>Check NPR's translation.",
    );
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("editor_new_note", t.backend());
    let text = screen_text(t.backend().buffer());
    let quote_start: String = app.current_article().unwrap().text[app.notes.selection.clone().unwrap().range]
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&format!("│ {quote_start}")),
        "the quote is above the text"
    );
    assert!(text.contains("Ctrl-s save"));
    keys(&mut app, "<Esc>");
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("editor_discard_question", t.backend());
    assert!(screen_text(t.backend().buffer()).contains("Discard changes? y yes · n no"));
    // A tiny terminal does not break it.
    render(&mut app, 40, 10);
    render(&mut app, 10, 3);
}

/// Three notes: two on the first article (one a whole-article note), one on the third.
fn with_notes(app: &mut App) {
    let n1 = fixed_note(app, 0, "Russia is expected to respond soon", "Is this in CBS?");
    let mut n2 = Note::on_article(&app.articles[0], "AP cut: shortest version");
    n2.created = at("2026-01-16T12:00:00Z");
    n2.updated = n2.created;
    let mut n3 = fixed_note(app, 2, "Alexei Nikolsky", "photo credit kept");
    n3.created = at("2026-01-17T12:00:00Z");
    n3.updated = n3.created;
    for n in [n1, n2, n3] {
        app.notes.store.add(n);
    }
    app.notes.rev += 1;
    app.update(Msg::Resize(100, 30));
}

#[test]
fn the_notes_pane_lists_this_articles_notes_and_all_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    with_notes(&mut app);
    keys(&mut app, "m");
    assert_eq!(app.focus, PaneId::Notes);
    assert_eq!(app.notes.scope, Scope::Article);
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("notes_pane_article", t.backend());
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Notes — this article (2)"));
    assert!(text.contains("“Russia is expected to respond soon”"));
    assert!(text.contains("attached · 2026-01-15"));
    assert!(text.contains("(the whole article)"));
    assert!(!text.contains("photo credit kept"));

    keys(&mut app, "M");
    assert_eq!(app.notes.scope, Scope::All);
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("notes_pane_all", t.backend());
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Notes — all (3)"));
    assert!(text.contains("photo credit kept"));

    // m again from the pane: this article's notes; m once more closes the pane.
    keys(&mut app, "m");
    assert_eq!(app.notes.scope, Scope::Article);
    keys(&mut app, "m");
    assert!(!app.notes.shown);
    assert_eq!(app.focus, PaneId::Reader);
    assert!(!app.panes().contains(&PaneId::Notes));
}

#[test]
fn enter_in_the_notes_pane_jumps_to_the_passage_in_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    with_notes(&mut app);
    render(&mut app, 100, 30);
    // All notes, oldest first: the third is on article 2.
    keys(&mut app, "MG");
    keys(&mut app, "<Enter>");
    assert_eq!(app.sidebar.selected, 2);
    assert_eq!(app.focus, PaneId::Reader);
    let a = app.current_article().unwrap().clone();
    let sel = app.notes.selection.clone().unwrap();
    assert_eq!(sel.kind, PassageKind::Note);
    assert_eq!(&a.text[sel.range.clone()], "Alexei Nikolsky");
    let t = render(&mut app, 100, 30);
    let text = screen_text(t.backend().buffer());
    assert!(
        text.contains("Alexei Nikolsky"),
        "the passage is in view:\n{text}"
    );
    // Back in the pane the place is kept; the chosen note can be edited from there.
    keys(&mut app, "M");
    assert_eq!(app.notes.list_selected, 2);
    keys(&mut app, "ge");
    assert_eq!(editor_text(&app), "Is this in CBS?");
    keys(&mut app, "<Esc>");
}

#[test]
fn detached_notes_are_listed_and_editable_but_not_jumped_to() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let mut lost = fixed_note(&app, 0, "Russia is expected to respond soon", "orphan");
    lost.article_id = "0".repeat(64);
    lost.path = "gone/elsewhere.txt".into();
    lost.quote = "a sentence that no article has any more, nowhere at all".into();
    app.notes.store.add(lost);
    app.notes.rev += 1;
    keys(&mut app, "M");
    let text = screen_text(render(&mut app, 100, 30).backend().buffer());
    assert!(text.contains("detached"), "{text}");
    assert!(text.contains("gone/elsewhere.txt"), "{text}");
    keys(&mut app, "<Enter>");
    assert!(app.message.as_ref().unwrap().text.contains("detached"));
    assert_eq!(app.focus, PaneId::Notes);
    keys(&mut app, "e");
    assert_eq!(editor_text(&app), "orphan");
}

/// One letter a cell: U underline+italic (carried over), u underline (note), b bold
/// (selection), . other.
fn style_map(buf: &Buffer) -> String {
    common::style_map(buf, |m| {
        if m.contains(Modifier::UNDERLINED | Modifier::ITALIC) {
            'U'
        } else if m.contains(Modifier::UNDERLINED) {
            'u'
        } else if m.contains(Modifier::BOLD) {
            'b'
        } else {
            '.'
        }
    })
}

#[test]
fn the_reader_marks_noted_passages_in_the_gutter_and_underlines_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    // A note on article 1 whose passage article 0 also has: carried over to article 0.
    let shared = "Russia is expected to respond soon";
    assert!(app.articles[1].text.contains(shared));
    let own = fixed_note(&app, 0, "little apparent hope for concessions", "own note");
    let other = fixed_note(&app, 1, shared, "from the Moscow dateline");
    app.notes.store.add(own);
    app.notes.store.add(other);
    app.notes.rev += 1;
    keys(&mut app, "<Tab>)");
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    insta::assert_snapshot!("reader_note_marks", t.backend());
    insta::assert_snapshot!("reader_note_styles", style_map(buf));
    let text = screen_text(buf);
    let line_with = |needle: &str| text.lines().find(|l| l.contains(needle)).unwrap().to_string();
    assert!(line_with("little apparent hope").contains("✎"), "own note sign");
    assert!(line_with("respond soon").contains("↪"), "carried-over sign");
    assert!(line_with("The comments were").contains("▐"), "selection bar");
    assert!(
        text.contains("✎ 1 note · ↪ 1 carried over"),
        "the count in the frame"
    );
    let map = style_map(buf);
    assert!(map.contains('u') && map.contains('U') && map.contains('b'));
    // The carried-over sign is dim and italic; the own sign bold.
    let (x, y) = (0..30)
        .find_map(|y| {
            row_text(buf, y)
                .chars()
                .position(|c| c == '↪')
                .map(|x| (x as u16, y))
        })
        .unwrap();
    assert!(buf[(x, y)].modifier.contains(Modifier::DIM | Modifier::ITALIC));
}

#[test]
fn the_entity_legend_stays_beside_own_and_carried_over_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    let shared = "Russia is expected to respond soon";
    let own = fixed_note(&app, 0, "little apparent hope for concessions", "own note");
    let other = fixed_note(&app, 1, shared, "from the Moscow dateline");
    app.notes.store.add(own);
    app.notes.store.add(other);
    app.notes.rev += 1;
    copydesk::tui::analysis::run_now(&mut app);
    keys(&mut app, "<Tab>");
    for (w, h) in [(100, 30), (120, 40), (160, 40)] {
        let t = render(&mut app, w, h);
        // The reader's bottom border, above the status bar.
        let border = row_text(t.backend().buffer(), h - 2);
        assert!(
            border.contains("person") && border.contains("number"),
            "{w}×{h}: {border}"
        );
        assert!(
            border.contains("✎ 1") && border.contains("↪ 1"),
            "{w}×{h}: {border}"
        );
    }
    // With room, the count is in words.
    let t = render(&mut app, 160, 40);
    let border = row_text(t.backend().buffer(), 38);
    assert!(border.contains("✎ 1 note · ↪ 1 carried over"), "{border}");
    // A narrow screen drops the legend rather than break the frame.
    for w in [40, 60, 70] {
        render(&mut app, w, 20);
    }
}

/// A disk that fails every write while `broken` is set, as a full disk or read-only directory.
struct FlakyDisk {
    broken: AtomicBool,
}

impl Disk for FlakyDisk {
    fn write(&self, file: &mut std::fs::File, bytes: &[u8]) -> io::Result<()> {
        if self.broken.load(Ordering::SeqCst) {
            return Err(io::Error::new(
                io::ErrorKind::StorageFull,
                "no space left on device",
            ));
        }
        use std::io::Write;
        file.write_all(bytes)?;
        file.flush()
    }
}

#[test]
fn a_failed_save_is_shown_kept_in_memory_and_retried() {
    let dir = tempfile::tempdir().unwrap();
    let disk = Arc::new(FlakyDisk {
        broken: AtomicBool::new(true),
    });
    let mut app = app_in(dir.path());
    let (store, _) = NoteStore::open_with(dir.path(), disk.clone());
    app.notes = NotesState::new(store, None);
    keys(&mut app, "<Tab>)akeep me safe<C-s>");
    let t0 = Instant::now();
    assert!(persist::tick(&mut app, t0));
    let m = app.message.clone().unwrap();
    assert!(
        m.error && m.text.contains("no space left") && m.text.contains("next try in 2s"),
        "{m:?}"
    );
    assert!(app.notes.store.is_dirty());
    assert_eq!(app.notes.store.all().len(), 1, "the note stays in memory");
    let text = screen_text(render(&mut app, 100, 30).backend().buffer());
    assert!(text.lines().last().unwrap().contains("notes not saved"), "{text}");
    // Not again before the wait is over; the loop is told when to wake.
    assert!(!persist::tick(&mut app, t0 + Duration::from_secs(1)));
    assert_eq!(persist::wake_in(&app, t0), Some(Duration::from_secs(2)));
    // Still failing: the wait doubles.
    assert!(persist::tick(&mut app, t0 + Duration::from_secs(2)));
    assert!(app.message.as_ref().unwrap().text.contains("next try in 4s"));
    // The disk is fixed: the next try saves, and says so.
    disk.broken.store(false, Ordering::SeqCst);
    assert!(persist::tick(&mut app, t0 + Duration::from_secs(7)));
    assert!(!app.notes.store.is_dirty());
    assert!(app.message.as_ref().unwrap().text.starts_with("Notes saved to"));
    assert_eq!(NoteStore::open(dir.path()).0.all()[0].text, "keep me safe");
    assert_eq!(persist::wake_in(&app, t0), None);
}

#[test]
fn a_damaged_notes_file_is_reported_at_launch() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.json"), b"{ not json").unwrap();
    let mut app = App::new(article::demo::articles(), Options::default());
    app.notes = persist::open(Some(dir.path()));
    persist::announce(&mut app);
    let m = app.message.clone().unwrap();
    assert!(m.error && m.text.contains("damaged"), "{m:?}");
    let mut err = Vec::new();
    persist::finish(&mut app, &mut err);
    assert!(String::from_utf8(err).unwrap().contains("damaged"));
}

#[test]
fn notes_that_cannot_be_saved_are_printed_on_exit() {
    // No data directory: notes live in memory, and the exit hands them over rather than lose them.
    let mut app = App::new(article::demo::articles(), Options::default());
    app.update(Msg::Resize(100, 30));
    assert!(app.notes.memory_only.is_some());
    keys(&mut app, "<Tab>)aonly in memory<C-s>");
    assert!(
        !persist::tick(&mut app, Instant::now()),
        "nothing to try without a directory"
    );
    let text = screen_text(render(&mut app, 100, 30).backend().buffer());
    assert!(text.contains("notes in memory only"));
    let mut err = Vec::new();
    persist::finish(&mut app, &mut err);
    let err = String::from_utf8(err).unwrap();
    assert!(err.contains("could not be saved"), "{err}");
    assert!(err.contains("\"text\": \"only in memory\""), "{err}");
}

#[test]
fn new_keys_are_in_help() {
    let dir = tempfile::tempdir().unwrap();
    let app = app_in(dir.path());
    let style = ratatui::style::Style::new();
    let lines = copydesk::tui::panes::help::lines(&app.keymap, style, style, 200);
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    for want in [
        "Bring back the last deleted note",
        "Undo typing",
        "Yes (discard the changes)",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        ")", "(", "}", "{", "a", "A", "e", "d", "u", "m", "M", "j", "k", "G", "x", "<Enter>", "<Esc>",
        "<C-s>", "<C-z>", "<C-r>", "<A-b>", "<BS>", "y", "n", "<Tab>", "]", "/", "b",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any notes keys at any size never panic, keep the selection inside the article's text,
        /// and lose no note the keys did not delete.
        #[test]
        fn any_note_keys_at_any_size(
            seq in proptest::collection::vec(0..KEYS.len(), 0..60),
            w in 0u16..140, h in 0u16..50, w2 in 0u16..140, h2 in 0u16..50,
        ) {
            let mut app = App::new(article::demo::articles(), Options::default());
            render(&mut app, w, h);
            // Every note is live or on the undo stack: the count of both never goes down.
            let kept = |app: &App| app.notes.store.all().len() + app.notes.deleted.len();
            for (i, k) in seq.iter().enumerate() {
                let before = kept(&app);
                keys(&mut app, KEYS[*k]);
                prop_assert!(kept(&app) >= before, "a note was lost by {}", KEYS[*k]);
                if i == seq.len() / 2 {
                    render(&mut app, w2, h2);
                }
            }
            render(&mut app, w, h);
            if let (Some(sel), Some(a)) = (&app.notes.selection, app.current_article()) {
                prop_assert!(sel.range.end <= a.text.len() && sel.range.start < sel.range.end);
            }
            prop_assert!(app.notes.items.is_empty() || app.notes.list_selected < app.notes.items.len());
        }
    }
}

#[test]
fn the_mouse_chooses_and_scrolls_notes() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_in(dir.path());
    with_notes(&mut app);
    keys(&mut app, "M<Tab>");
    assert_eq!(app.focus, PaneId::Sidebar);
    let pane = app.geometry().unwrap().notes.unwrap();
    // The third note's rows start 1 + 2 × 3 rows into the pane.
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        pane.x + 5,
        pane.y + 7,
    );
    assert_eq!(app.focus, PaneId::Notes);
    assert_eq!(app.notes.list_selected, 2);
    mouse(&mut app, MouseEventKind::ScrollUp, pane.x + 5, pane.y + 3);
    assert_eq!(app.notes.list_selected, 1);
}

#[test]
fn notes_saved_by_another_copydesk_show_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = app_in(dir.path());
    let mut two = app_in(dir.path());
    let t0 = Instant::now();
    assert!(!persist::tick(&mut two, t0), "first look: nothing new");
    keys(&mut one, "<Tab>)afrom the first<C-s>");
    persist::tick(&mut one, t0);
    assert!(two.notes.store.all().is_empty());
    assert!(
        !persist::tick(&mut two, t0 + Duration::from_secs(1)),
        "not looked at again yet"
    );
    assert!(persist::tick(&mut two, t0 + persist::RELOAD_EVERY));
    assert_eq!(two.notes.store.all()[0].text, "from the first");
    // And the reader of the second marks it at once.
    assert_eq!(two.notes.own_ranges().len(), 1);
}
