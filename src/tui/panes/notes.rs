//! Notes in the reader: the passage cursor (sentence, paragraph or search match), adding, editing,
//! deleting (with undo) notes, the reader's note marks (gutter signs and an underline layer), and
//! the notes pane listing this article's notes or all of them.
//!
//! The store is in memory here; writing it to disk happens outside `App::update`, in
//! [`crate::tui::persist`], called by the event loop.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::Widget;

use crate::article::Article;
use crate::notes::{Disk, Note, NoteStore, Placement, Status};
use crate::tui::action::Action;
use crate::tui::app::{App, Message, Mode, PaneId};
use crate::tui::draw::{clean, empty_paragraph, pane_block, truncate};
use crate::tui::panes::editor::NoteEditor;
use crate::tui::theme::Theme;
use crate::tui::wrap::{Wrapped, str_width};

/// Actions the status bar suggests while the notes pane has focus.
pub const HINTS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::GoToNote,
    Action::EditNote,
    Action::DeleteNote,
    Action::AllNotes,
    Action::ToggleNotes,
    Action::Help,
];

/// Gutter sign of a line holding a passage with a note written on this article.
pub const SIGN_OWN: &str = "✎";
/// Gutter sign of a line holding a passage with a note carried over from another version.
pub const SIGN_CARRIED: &str = "↪";
/// Gutter mark of the lines of the selected passage.
pub const SIGN_SELECTED: &str = "▐";
/// Columns left of the text kept for the signs.
pub const GUTTER: u16 = 2;

/// What the selected passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassageKind {
    Sentence,
    Paragraph,
    /// The current search match.
    Match,
    /// A note's passage, chosen in the notes pane.
    Note,
}

/// The passage a new note will be about: a byte range of the open article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub kind: PassageKind,
    pub range: Range<usize>,
}

/// Which notes the pane lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Article,
    All,
}

/// One row of the notes pane: a note and where it is.
#[derive(Debug, Clone)]
pub struct Item {
    pub note: Note,
    /// The article it is placed in (index into `App::articles`); `None` when detached from all.
    pub article: Option<usize>,
    pub placement: Placement,
}

impl Item {
    /// "attached", "moved", "detached", "carried over".
    pub fn status(&self) -> &'static str {
        if self.placement.carried_over {
            "carried over"
        } else {
            self.placement.status.as_str()
        }
    }
}

/// The styles of note marks, made from the theme's colour setting. Kept here rather than in
/// `Theme` so the notes UI and theme configuration can change apart; each meaning has a
/// modifier (underline, italic, bold) as well as a colour.
#[derive(Debug, Clone, Copy)]
pub struct NoteStyles {
    pub passage: Style,
    pub carried: Style,
    pub selected: Style,
    pub sign: Style,
    pub sign_carried: Style,
    pub quote: Style,
}

impl NoteStyles {
    pub fn new(theme: &Theme) -> NoteStyles {
        let m = Style::new();
        let c = |style, colored| theme.with_color(style, colored);
        NoteStyles {
            passage: c(
                m.add_modifier(Modifier::UNDERLINED),
                m.underline_color(Color::Yellow),
            ),
            carried: c(
                m.add_modifier(Modifier::UNDERLINED | Modifier::ITALIC),
                m.underline_color(Color::DarkGray),
            ),
            selected: c(m.add_modifier(Modifier::BOLD), m.bg(Color::Indexed(236))),
            sign: c(m.add_modifier(Modifier::BOLD), m.fg(Color::Yellow)),
            sign_carried: c(
                m.add_modifier(Modifier::DIM | Modifier::ITALIC),
                m.fg(Color::Gray),
            ),
            quote: c(m.add_modifier(Modifier::ITALIC), m.fg(Color::Gray)),
        }
    }
}

/// The filesystem of a store with no data directory: nothing on disk, every write refused.
#[derive(Debug, Clone, Copy)]
struct NoDisk;
impl Disk for NoDisk {
    fn create_dir_all(&self, _: &std::path::Path) -> std::io::Result<()> {
        Err(std::io::Error::other("no data directory"))
    }
    fn read(&self, _: &std::path::Path) -> std::io::Result<Vec<u8>> {
        Err(std::io::ErrorKind::NotFound.into())
    }
    // Never reached after `create_dir_all` fails, but a store with no directory must not make
    // files relative to wherever copydesk was started.
    fn lock(&self, _: &std::path::Path) -> std::io::Result<std::fs::File> {
        Err(std::io::Error::other("no data directory"))
    }
    fn temp_in(&self, _: &std::path::Path) -> std::io::Result<tempfile::NamedTempFile> {
        Err(std::io::Error::other("no data directory"))
    }
    fn move_aside(&self, _: &std::path::Path, _: &std::path::Path) -> std::io::Result<()> {
        Err(std::io::Error::other("no data directory"))
    }
}

/// The notes of the open session: the store, the passage cursor, the pane, undo, caches.
#[derive(Debug)]
pub struct NotesState {
    pub store: NoteStore,
    /// Why notes are kept in memory only (no data directory), if they are.
    pub memory_only: Option<String>,
    /// Counts changes to the store (ours, or merged in by a save), so caches know when to redo.
    pub rev: u64,
    pub selection: Option<Passage>,
    /// The article the selection is in.
    selection_article: Option<String>,
    /// The search match last seen as current: when n/N move it, it becomes the selection.
    last_match: Option<Range<usize>>,
    /// A jump into another article, done once that article is open and wrapped.
    pending: Option<(String, Range<usize>)>,
    pub shown: bool,
    pub scope: Scope,
    pub list_selected: usize,
    pub list_offset: usize,
    /// Deleted notes, newest last, for undo.
    pub deleted: Vec<Note>,
    /// The last save error, while saving keeps failing.
    pub save_error: Option<String>,
    /// Messages about the notes file (damaged file moved aside, ...), repeated on exit.
    pub notices: Vec<String>,
    /// `persist`'s retry state.
    pub retry: crate::tui::persist::Retry,
    placed_key: Option<(String, u64)>,
    /// The open article's notes (own, then carried over), placed.
    pub placed: Vec<(Note, Placement)>,
    own_ranges: Vec<Range<usize>>,
    carried_ranges: Vec<Range<usize>>,
    items_key: Option<(Scope, u64, String, usize)>,
    /// What the pane lists.
    pub items: Vec<Item>,
}

impl NotesState {
    pub fn new(store: NoteStore, memory_only: Option<String>) -> NotesState {
        NotesState {
            store,
            memory_only,
            rev: 0,
            selection: None,
            selection_article: None,
            last_match: None,
            pending: None,
            shown: false,
            scope: Scope::Article,
            list_selected: 0,
            list_offset: 0,
            deleted: Vec::new(),
            save_error: None,
            notices: Vec::new(),
            retry: Default::default(),
            placed_key: None,
            placed: Vec::new(),
            own_ranges: Vec::new(),
            carried_ranges: Vec::new(),
            items_key: None,
            items: Vec::new(),
        }
    }

    /// A store that lives in memory only, for `reason`.
    pub fn in_memory(reason: impl Into<String>) -> NotesState {
        let (store, _) = NoteStore::open_with(std::path::Path::new(""), std::sync::Arc::new(NoDisk));
        NotesState::new(store, Some(reason.into()))
    }

    /// Byte ranges of the open article's passages with their own notes (merged, sorted).
    pub fn own_ranges(&self) -> &[Range<usize>] {
        &self.own_ranges
    }

    /// Byte ranges of passages with notes carried over from other versions (merged, sorted).
    pub fn carried_ranges(&self) -> &[Range<usize>] {
        &self.carried_ranges
    }

    /// The selection as a one-range slice, for a reader layer.
    /// The selected passage, when it is in the article with id `article_id`.
    pub fn selection_in(&self, article_id: &str) -> Option<&Range<usize>> {
        let p = self.selection.as_ref()?;
        (self.selection_article.as_deref() == Some(article_id)).then_some(&p.range)
    }

    pub fn selection_ranges(&self) -> &[Range<usize>] {
        self.selection
            .as_ref()
            .map_or(&[], |p| std::slice::from_ref(&p.range))
    }

    /// True while there are changes not on disk and saving cannot (yet) put them there.
    pub fn unsaved(&self) -> bool {
        self.store.is_dirty() && (self.memory_only.is_some() || self.save_error.is_some())
    }
}

impl Default for NotesState {
    fn default() -> NotesState {
        NotesState::in_memory("no data directory was opened")
    }
}

/// Sorted, overlapping or touching ranges merged into one list a reader layer can take.
pub fn merge_ranges(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.retain(|r| r.start < r.end);
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

fn say(app: &mut App, text: impl Into<String>) {
    app.message = Some(Message {
        text: text.into(),
        error: false,
    });
}

fn complain(app: &mut App, text: impl Into<String>) {
    app.message = Some(Message {
        text: text.into(),
        error: true,
    });
}

/// " (press k)" for the key bound to `action` where the user is, or nothing when it is unbound.
fn key_hint(app: &App, action: Action, verb: &str) -> String {
    app.keymap
        .hint_key(app.context(), action)
        .map(|k| format!(" ({k} {verb})"))
        .unwrap_or_default()
}

fn body_height(app: &App) -> usize {
    app.geometry().map_or(1, |g| g.body.height as usize)
}

/// Scrolls so the passage is in view: its start, and its end too when it fits.
fn reveal(app: &mut App, range: &Range<usize>) {
    let h = body_height(app);
    app.reader.reveal(range.start, h);
    let (Some(g), Some(a)) = (app.geometry(), app.current_article()) else {
        return;
    };
    let w = app.reader.wrapped(&app.wrap_key(g.body.width), a);
    let first = w.line_of_byte(range.start);
    let last = w.line_of_byte(range.end.saturating_sub(1).max(range.start));
    drop(w);
    if last >= app.reader.scroll + h && last + 1 - first <= h {
        app.reader
            .scroll_by((last + 1 - h) as isize - app.reader.scroll as isize, h);
    }
}

/// Brings caches, the selection and a pending jump in line with the store and the open article.
/// Called at the end of every `App::update`.
pub fn refresh(app: &mut App) {
    let current = app.current_article().map(|a| a.id.clone());
    let current_index = app.current_index();
    let n = &mut app.notes;
    if n.selection.is_some() && n.selection_article != current {
        n.selection = None;
    }
    // A search match that n/N (or typing a search) made current becomes the selected passage.
    let current_match = app
        .jumps
        .as_ref()
        .and_then(|j| j.current.and_then(|i| j.ranges.get(i).cloned()));
    if current_match != n.last_match {
        match &current_match {
            Some(r) => {
                n.selection = Some(Passage {
                    kind: PassageKind::Match,
                    range: r.clone(),
                });
                n.selection_article = current.clone();
            }
            None if n.selection.as_ref().is_some_and(|p| p.kind == PassageKind::Match) => {
                n.selection = None;
            }
            None => {}
        }
        n.last_match = current_match;
    }
    if let Some(a) = current_index.and_then(|i| app.articles.get(i)) {
        let key = (a.id.clone(), n.rev);
        if n.placed_key.as_ref() != Some(&key) {
            n.placed = n.store.notes_for(a);
            let ranges = |carried: bool| {
                merge_ranges(
                    n.placed
                        .iter()
                        .filter(|(_, p)| p.carried_over == carried)
                        .filter_map(|(_, p)| p.range.clone())
                        .collect(),
                )
            };
            n.own_ranges = ranges(false);
            n.carried_ranges = ranges(true);
            n.placed_key = Some(key);
        }
    } else {
        n.placed.clear();
        n.own_ranges.clear();
        n.carried_ranges.clear();
        n.placed_key = None;
    }
    if n.shown {
        // Placing every note among thousands of articles is not redone for each file a load
        // brings in: once while loading, and again when it is done.
        let count = if app.loading.active {
            usize::MAX
        } else {
            app.articles.len()
        };
        let key = (n.scope, n.rev, current.clone().unwrap_or_default(), count);
        if n.items_key.as_ref() != Some(&key) {
            n.items = match n.scope {
                Scope::Article => n
                    .placed
                    .iter()
                    .map(|(note, p)| Item {
                        note: note.clone(),
                        article: current_index.filter(|_| p.status != Status::Detached),
                        placement: p.clone(),
                    })
                    .collect(),
                Scope::All => n
                    .store
                    .resolve(&app.articles)
                    .into_iter()
                    .map(|(note, home)| Item {
                        note,
                        article: home.article,
                        placement: home.placement,
                    })
                    .collect(),
            };
            n.items_key = Some(key);
            n.list_selected = n.list_selected.min(n.items.len().saturating_sub(1));
        }
    }
    if let Some((id, range)) = n.pending.clone()
        && current.as_deref() == Some(id.as_str())
    {
        n.pending = None;
        n.selection = Some(Passage {
            kind: PassageKind::Note,
            range: range.clone(),
        });
        n.selection_article = current;
        reveal(app, &range);
    }
}

/// Applies a notes action in normal mode.
pub fn action(app: &mut App, action: Action) {
    match action {
        Action::NextSentence | Action::PrevSentence | Action::NextParagraph | Action::PrevParagraph => {
            move_passage(app, action)
        }
        Action::AddNote => add(app, false),
        Action::AddArticleNote => add(app, true),
        Action::EditNote => edit(app),
        Action::DeleteNote => delete(app),
        Action::UndoDelete => undo_delete(app),
        Action::ToggleNotes => toggle_pane(app, Scope::Article),
        Action::AllNotes => toggle_pane(app, Scope::All),
        Action::GoToNote => go_to(app),
        _ => {}
    }
}

/// Movement keys while the notes pane has focus.
pub fn list_action(app: &mut App, action: Action) {
    let len = app.notes.items.len();
    let visible = app
        .geometry()
        .and_then(|g| g.notes)
        .map_or(1, |r| visible_items(r, app.notes.scope));
    let n = &mut app.notes;
    let page = visible.max(1);
    n.list_selected = match action {
        Action::Down => n.list_selected + 1,
        Action::Up => n.list_selected.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => n.list_selected + page,
        Action::PageUp | Action::HalfPageUp => n.list_selected.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        _ => n.list_selected,
    }
    .min(len.saturating_sub(1));
    n.list_offset = first_shown(n, visible);
}

/// A click on row `y` of the notes pane at `area` chooses the note drawn there.
pub fn click(app: &mut App, area: Rect, y: u16) {
    let n = &mut app.notes;
    let inner_y = area.y + 1;
    if y < inner_y || y + 1 >= area.bottom() {
        return;
    }
    let i = first_shown(n, visible_items(area, n.scope)) + ((y - inner_y) / item_height(n.scope)) as usize;
    if i < n.items.len() {
        n.list_selected = i;
    }
}

/// The first note shown in a pane with room for `visible`, keeping the chosen one in view.
fn first_shown(n: &NotesState, visible: usize) -> usize {
    let mut o = n.list_offset.min(n.items.len().saturating_sub(visible));
    if n.list_selected < o {
        o = n.list_selected;
    } else if n.list_selected >= o + visible {
        o = n.list_selected + 1 - visible;
    }
    o
}

/// Moves the passage cursor by a sentence or paragraph, from the selection or, with none, from
/// the first one in view. Boilerplate hidden from view is skipped.
fn move_passage(app: &mut App, action: Action) {
    let Some(a) = app.current_article() else {
        return complain(app, "No article open");
    };
    let (kind, ranges, forward) = match action {
        Action::NextSentence => (PassageKind::Sentence, &a.sentences, true),
        Action::PrevSentence => (PassageKind::Sentence, &a.sentences, false),
        Action::NextParagraph => (PassageKind::Paragraph, &a.paragraphs, true),
        _ => (PassageKind::Paragraph, &a.paragraphs, false),
    };
    let hide = !app.show_boilerplate;
    let shown = |r: &Range<usize>| {
        r.start < r.end && !(hide && a.is_boilerplate(r.start) && a.is_boilerplate(r.end - 1))
    };
    let from = app.notes.selection.as_ref();
    let found = step(ranges, from, kind, forward, app.reader.top_byte(), shown);
    let what = if kind == PassageKind::Sentence {
        "sentence"
    } else {
        "paragraph"
    };
    match found {
        Some(i) => {
            let range = ranges[i].clone();
            let id = a.id.clone();
            app.notes.selection = Some(Passage {
                kind,
                range: range.clone(),
            });
            app.notes.selection_article = Some(id);
            reveal(app, &range);
        }
        None if ranges.is_empty() => complain(app, format!("This article has no {what}s")),
        None if forward => say(app, format!("Last {what}")),
        None => say(app, format!("First {what}")),
    }
}

/// The index of the range to select: from a selection of the same kind, the next or previous
/// one; from another kind of selection (a search match), the one holding it; with none, the
/// first that starts in view (`top` is the first byte shown).
pub fn step(
    ranges: &[Range<usize>],
    from: Option<&Passage>,
    kind: PassageKind,
    forward: bool,
    top: usize,
    shown: impl Fn(&Range<usize>) -> bool,
) -> Option<usize> {
    let ok = |i: &usize| shown(&ranges[*i]);
    match from {
        Some(p) if p.kind == kind => {
            if forward {
                (0..ranges.len())
                    .filter(|&i| ranges[i].start > p.range.start)
                    .find(ok)
            } else {
                (0..ranges.len())
                    .rev()
                    .filter(|&i| ranges[i].start < p.range.start)
                    .find(ok)
            }
        }
        Some(p) => {
            let pos = p.range.start;
            (0..ranges.len())
                .filter(|&i| ranges[i].end > pos)
                .find(ok)
                .or_else(|| (0..ranges.len()).rev().find(ok))
        }
        None => (0..ranges.len())
            .filter(|&i| ranges[i].start >= top)
            .find(ok)
            .or_else(|| (0..ranges.len()).filter(|&i| ranges[i].end > top).find(ok)),
    }
}

fn add(app: &mut App, whole: bool) {
    let Some(a) = app.current_article() else {
        return complain(app, "No article open to write a note on");
    };
    let note = match (&app.notes.selection, whole) {
        (_, true) => Note::on_article(a, ""),
        (Some(p), false) => Note::on_passage(a, p.range.clone(), ""),
        (None, false) => {
            let keys = [
                (Action::NextSentence, "a sentence"),
                (Action::NextParagraph, "a paragraph"),
                (Action::Search, "a search match"),
            ];
            let how: Vec<String> = keys
                .iter()
                .filter_map(|(act, what)| {
                    app.keymap
                        .hint_key(crate::tui::keymap::Context::Reader, *act)
                        .map(|k| format!("{k} {what}"))
                })
                .collect();
            let whole = key_hint(app, Action::AddArticleNote, "for the whole article");
            return say(app, format!("Select a passage first ({}){whole}", how.join(", ")));
        }
    };
    let label = article_label(a);
    app.mode = Mode::Note(Box::new(NoteEditor::new_note(note, label)));
    app.message = None;
}

/// "Title — path" for the editor's heading.
pub fn article_label(a: &Article) -> String {
    match &a.title {
        Some(t) => format!("{} — {}", clean(t), a.path),
        None => a.path.clone(),
    }
}

/// The note the edit and delete keys act on: the one chosen in the pane when it has focus, else
/// the one on the selected passage (the most overlapping; own notes before carried ones).
fn target(app: &App) -> Result<Note, String> {
    if app.focus == PaneId::Notes {
        return app
            .notes
            .items
            .get(app.notes.list_selected)
            .map(|i| i.note.clone())
            .ok_or_else(|| "No note chosen".to_string());
    }
    let Some(sel) = &app.notes.selection else {
        let m = key_hint(app, Action::ToggleNotes, "lists this article's notes");
        return Err(format!("Select a passage with a note first{m}"));
    };
    let overlap = |r: &Range<usize>| {
        r.end
            .min(sel.range.end)
            .saturating_sub(r.start.max(sel.range.start))
    };
    app.notes
        .placed
        .iter()
        .filter_map(|(n, p)| p.range.as_ref().map(|r| (n, p, overlap(r))))
        .filter(|(_, _, o)| *o > 0)
        .max_by_key(|(_, p, o)| (!p.carried_over, *o))
        .map(|(n, _, _)| n.clone())
        .ok_or_else(|| {
            let a = key_hint(app, Action::AddNote, "adds one");
            format!("No note on the selected passage{a}")
        })
}

fn edit(app: &mut App) {
    match target(app) {
        Ok(note) => {
            let label = note_label(app, &note);
            app.mode = Mode::Note(Box::new(NoteEditor::edit_note(note, label)));
            app.message = None;
        }
        Err(e) => say(app, e),
    }
}

/// The heading for a note: its article if open, else the path it was written on.
fn note_label(app: &App, note: &Note) -> String {
    app.articles
        .iter()
        .find(|a| a.id == note.article_id)
        .or_else(|| app.articles.iter().find(|a| a.path == note.path))
        .map(|a| &**a)
        .map_or_else(|| note.path.clone(), article_label)
}

fn delete(app: &mut App) {
    let note = match target(app) {
        Ok(n) => n,
        Err(e) => return say(app, e),
    };
    match app.notes.store.delete(&note.id) {
        Ok(gone) => {
            app.notes.deleted.push(gone);
            app.notes.rev += 1;
            let u = key_hint(app, Action::UndoDelete, "to undo");
            say(app, format!("Note deleted{u}"));
        }
        Err(e) => complain(app, e.to_string()),
    }
}

fn undo_delete(app: &mut App) {
    match app.notes.deleted.pop() {
        Some(note) => {
            app.notes.store.add(note);
            app.notes.rev += 1;
            say(app, "Note brought back");
        }
        None => say(app, "No deleted note to bring back"),
    }
}

fn toggle_pane(app: &mut App, scope: Scope) {
    let n = &mut app.notes;
    if n.shown && n.scope == scope && app.focus == PaneId::Notes {
        n.shown = false;
        app.focus = PaneId::Reader;
        return;
    }
    if !n.shown || n.scope != scope {
        n.list_selected = 0;
        n.list_offset = 0;
    }
    n.shown = true;
    n.scope = scope;
    app.focus = PaneId::Notes;
}

fn go_to(app: &mut App) {
    let Some(item) = app.notes.items.get(app.notes.list_selected).cloned() else {
        return say(app, "No note chosen");
    };
    let e = key_hint(app, Action::EditNote, "edits it");
    let Some(i) = item.article.filter(|&i| i < app.articles.len()) else {
        return say(
            app,
            format!("This note is detached: its passage is in none of the open articles{e}"),
        );
    };
    app.select_article(i);
    app.focus = PaneId::Reader;
    match item.placement.range {
        Some(r) => {
            let id = app.articles[i].id.clone();
            app.notes.pending = Some((id, r));
        }
        None if item.placement.status == Status::Detached => say(
            app,
            format!("Detached: the quoted passage is no longer in this article{e}"),
        ),
        None => say(app, "A note on the whole article"),
    }
}

/// Where the notes pane goes: the lower part of the reader column, or all of it when the column
/// is too short to share.
pub fn split(reader: Rect) -> (Rect, Rect) {
    let h = reader.height;
    let notes_h = (h * 2 / 5).max(8).min(h.saturating_sub(10));
    if notes_h < 5 {
        return (Rect { height: 0, ..reader }, reader);
    }
    let top = Rect {
        height: h - notes_h,
        ..reader
    };
    let bottom = Rect {
        y: reader.y + h - notes_h,
        height: notes_h,
        ..reader
    };
    (top, bottom)
}

/// Rows per note in the pane: all notes also name their article.
pub fn item_height(scope: Scope) -> u16 {
    match scope {
        Scope::Article => 2,
        Scope::All => 3,
    }
}

pub fn visible_items(area: Rect, scope: Scope) -> usize {
    (area.height.saturating_sub(2) / item_height(scope)).max(1) as usize
}

/// The note's first line of text, or a placeholder.
fn first_line(note: &Note) -> String {
    let t = note.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if t.is_empty() {
        "(no text)".to_string()
    } else {
        clean(t.trim())
    }
}

fn quote_text(note: &Note) -> String {
    if note.is_whole_article() {
        "(the whole article)".to_string()
    } else {
        let q: String = note.quote.split_whitespace().collect::<Vec<_>>().join(" ");
        format!("“{}”", clean(&q))
    }
}

/// `left` then `right` kept whole at the right edge of `w` cells.
fn two_sided(left: &str, right: &str, w: usize) -> String {
    let rw = str_width(right);
    let room = w.saturating_sub(rw + 1);
    let left = truncate(left, room);
    let gap = w.saturating_sub(str_width(&left) + rw).max(1);
    truncate(&format!("{left}{}{right}", " ".repeat(gap)), w)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let styles = NoteStyles::new(theme);
    let n = &app.notes;
    let title = match n.scope {
        Scope::Article => format!("Notes — this article ({})", n.items.len()),
        Scope::All => format!("Notes — all ({})", n.items.len()),
    };
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let w = inner.width.saturating_sub(1) as usize;
    if n.items.is_empty() {
        let ctx = crate::tui::keymap::Context::Reader;
        let k = |a| {
            app.keymap
                .hint_key(ctx, a)
                .map(|k| k.to_string())
                .unwrap_or_default()
        };
        let msg = match n.scope {
            Scope::Article => format!(
                "No notes on this article. Select a passage ({} sentence, {} paragraph, {} search) and press {}.",
                k(Action::NextSentence),
                k(Action::NextParagraph),
                k(Action::Search),
                k(Action::AddNote)
            ),
            Scope::All => "No notes yet.".to_string(),
        };
        empty_paragraph(buf, inner, &msg, theme);
        return;
    }
    let ih = item_height(n.scope);
    let visible = visible_items(area, n.scope);
    let offset = first_shown(n, visible);
    for (row, (i, item)) in n.items.iter().enumerate().skip(offset).take(visible).enumerate() {
        let y = inner.y + row as u16 * ih;
        let selected = i == n.list_selected;
        let (mark, style, dim) = match (selected, focused) {
            (true, true) => ("▶ ", theme.selected, theme.selected),
            (true, false) => ("▶ ", theme.selected_unfocused, theme.selected_unfocused),
            (false, _) => ("  ", Style::new(), theme.dim),
        };
        let sign = if item.placement.carried_over {
            SIGN_CARRIED
        } else if item.placement.status == Status::Detached {
            "?"
        } else {
            SIGN_OWN
        };
        let date = item
            .note
            .created
            .with_timezone(&chrono::Local)
            .format("%Y-%m-%d")
            .to_string();
        let right = format!("{} · {date}", item.status());
        let mut rows = Vec::new();
        if n.scope == Scope::All {
            let about = match item.article.and_then(|i| app.articles.get(i)) {
                Some(a) => a.title.as_deref().map_or(a.path.clone(), clean),
                None => item.note.path.clone(),
            };
            rows.push((two_sided(&format!("{mark}{sign} {about}"), &right, w), style));
            rows.push((truncate(&format!("    {}", quote_text(&item.note)), w), dim));
        } else {
            rows.push((
                two_sided(&format!("{mark}{sign} {}", quote_text(&item.note)), &right, w),
                style,
            ));
        }
        rows.push((truncate(&format!("    {}", first_line(&item.note)), w), dim));
        for (dy, (text, st)) in rows.into_iter().enumerate() {
            let ry = y + dy as u16;
            if ry >= inner.bottom() {
                break;
            }
            if selected {
                buf.set_style(Rect::new(inner.x, ry, inner.width, 1), st);
            }
            buf.set_stringn(inner.x, ry, &text, w, st);
        }
        // The sign keeps its own style, so carried-over notes read differently without colour.
        let sign_style = if item.placement.carried_over {
            styles.sign_carried
        } else {
            styles.sign
        };
        if let Some(cell) = buf.cell_mut((inner.x + 2, y)) {
            cell.set_style(sign_style);
        }
    }
}

/// The reader's gutter: a sign on lines holding a noted passage (✎ own, ↪ carried over, the
/// latter dim and italic) and a bar beside the lines of the selected passage.
pub fn draw_gutter(buf: &mut Buffer, body: Rect, app: &App, wrapped: &Wrapped, scroll: usize, left: u16) {
    if body.x < left + GUTTER {
        return;
    }
    let styles = NoteStyles::new(&app.theme);
    let n = &app.notes;
    let hits = |ranges: &[Range<usize>], runs: &[Range<usize>]| {
        runs.iter().any(|run| {
            let k = ranges.partition_point(|r| r.end <= run.start);
            ranges.get(k).is_some_and(|r| r.start < run.end)
        })
    };
    for row in 0..body.height as usize {
        let i = scroll + row;
        if i >= wrapped.len() {
            break;
        }
        let runs = wrapped.runs(i);
        let y = body.y + row as u16;
        if hits(&n.own_ranges, runs) {
            buf.set_string(body.x - 2, y, SIGN_OWN, styles.sign);
        } else if hits(&n.carried_ranges, runs) {
            buf.set_string(body.x - 2, y, SIGN_CARRIED, styles.sign_carried);
        }
        if hits(n.selection_ranges(), runs) {
            buf.set_string(body.x - 1, y, SIGN_SELECTED, styles.sign);
        }
    }
}

/// " ✎ 2 notes · 1 carried over " for the reader's frame, so notes on the whole article (which
/// have no passage to mark) are seen too; `None` when the article has none.
pub fn reader_count(app: &App) -> Option<String> {
    let (own, carried) = own_and_carried(app)?;
    let mut parts = Vec::new();
    if own > 0 {
        parts.push(format!(
            "{SIGN_OWN} {own} note{}",
            if own == 1 { "" } else { "s" }
        ));
    }
    if carried > 0 {
        parts.push(format!("{SIGN_CARRIED} {carried} carried over"));
    }
    Some(format!(" {} ", parts.join(" · ")))
}

/// The open article's own notes and those carried over from another version; `None` when it
/// has none.
fn own_and_carried(app: &App) -> Option<(usize, usize)> {
    let placed = &app.notes.placed;
    if placed.is_empty() {
        return None;
    }
    let carried = placed.iter().filter(|(_, p)| p.carried_over).count();
    Some((placed.len() - carried, carried))
}

/// [`reader_count`] in fewer columns, " ✎ 1 · ↪ 2 ", for a frame that has the entity legend to
/// show as well.
pub fn reader_count_short(app: &App) -> Option<String> {
    let (own, carried) = own_and_carried(app)?;
    let mut parts = Vec::new();
    if own > 0 {
        parts.push(format!("{SIGN_OWN} {own}"));
    }
    if carried > 0 {
        parts.push(format!("{SIGN_CARRIED} {carried}"));
    }
    Some(format!(" {} ", parts.join(" · ")))
}

/// The status bar's word on notes that are not on disk, or `None`.
pub fn status_badge(app: &App) -> Option<String> {
    let n = &app.notes;
    if !n.unsaved() {
        return None;
    }
    Some(if n.memory_only.is_some() {
        "notes in memory only".to_string()
    } else {
        "notes not saved".to_string()
    })
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_sorted() {
        assert_eq!(
            merge_ranges(vec![5..9, 0..3, 2..4, 9..10, 7..7]),
            vec![0..4, 5..10]
        );
        assert!(merge_ranges(vec![]).is_empty());
    }

    #[test]
    fn passage_steps() {
        let s = [0..10, 11..20, 21..30, 31..40];
        let all = |_: &Range<usize>| true;
        let sel = |r: Range<usize>, kind| Passage { kind, range: r };
        let sent = PassageKind::Sentence;
        // From nothing: the first in view.
        assert_eq!(step(&s, None, sent, true, 15, all), Some(2));
        assert_eq!(step(&s, None, sent, false, 0, all), Some(0));
        // Past the last starting in view: the one holding the top.
        assert_eq!(step(&s, None, sent, true, 35, all), Some(3));
        // From the same kind: next and previous, stopping at the ends.
        let p = sel(11..20, sent);
        assert_eq!(step(&s, Some(&p), sent, true, 0, all), Some(2));
        assert_eq!(step(&s, Some(&p), sent, false, 0, all), Some(0));
        assert_eq!(step(&s, Some(&sel(31..40, sent)), sent, true, 0, all), None);
        assert_eq!(step(&s, Some(&sel(0..10, sent)), sent, false, 0, all), None);
        // From a match: the sentence holding it, both ways.
        let m = sel(24..27, PassageKind::Match);
        assert_eq!(step(&s, Some(&m), sent, true, 0, all), Some(2));
        assert_eq!(step(&s, Some(&m), sent, false, 0, all), Some(2));
        // Hidden ranges are skipped.
        let not_second = |r: &Range<usize>| r.start != 11;
        assert_eq!(
            step(&s, Some(&sel(0..10, sent)), sent, true, 0, not_second),
            Some(2)
        );
    }

    #[test]
    fn split_leaves_the_reader_room() {
        let (r, n) = split(Rect::new(30, 0, 70, 29));
        assert_eq!(r.height + n.height, 29);
        assert!(r.height >= 10 && n.height >= 8, "{r:?} {n:?}");
        let (r, n) = split(Rect::new(30, 0, 70, 9));
        assert_eq!(
            (r.height, n.height),
            (0, 9),
            "too short to share: the pane takes it"
        );
    }

    #[test]
    fn memory_only_store_refuses_to_save_but_keeps_notes() {
        let mut s = NotesState::in_memory("test");
        let a = crate::article::build(
            "a.txt",
            "Hello there.".into(),
            "UTF-8",
            Default::default(),
            vec![],
        );
        s.store.add(Note::on_article(&a, "x"));
        assert!(s.store.save().is_err());
        assert_eq!(s.store.all().len(), 1);
        assert!(s.unsaved());
        assert!(s.store.reload().is_empty());
        assert_eq!(s.store.all().len(), 1);
    }
}
