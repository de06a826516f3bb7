//! The note editor: a tui-textarea popup with the quoted passage above it. A `Mode` of the app:
//! its keymap context keeps only its commands (save, leave, undo, redo) and every other key is
//! the textarea's (typing, Enter for a new line, word movement, Ctrl-U undo).

use crossterm::event::KeyEvent;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use tui_textarea::{TextArea, WrapMode};

use crate::notes::{Note, StoreError};
use crate::tui::action::Action;
use crate::tui::app::{App, Message, Mode};
use crate::tui::draw::{clean, truncate};
use crate::tui::keymap::Context;
use crate::tui::panes::notes::NoteStyles;
use crate::tui::panes::reader::styled_line;

/// What saving does: add a new note, or replace an existing note's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    New(Note),
    Existing(Note),
}

impl Target {
    pub fn note(&self) -> &Note {
        match self {
            Target::New(n) | Target::Existing(n) => n,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NoteEditor {
    pub textarea: TextArea<'static>,
    pub target: Target,
    /// The article the note is on, for the heading.
    pub article: String,
    /// The text when the editor opened: leaving with anything else asks first.
    original: String,
    /// Asking "discard changes?".
    pub confirm: bool,
}

impl PartialEq for NoteEditor {
    fn eq(&self, other: &NoteEditor) -> bool {
        self.target == other.target
            && self.textarea.lines() == other.textarea.lines()
            && self.confirm == other.confirm
    }
}

impl NoteEditor {
    fn with(target: Target, article: String) -> NoteEditor {
        let text = target.note().text.clone();
        let mut textarea = TextArea::from(text.split('\n'));
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.set_cursor_line_style(Style::new());
        textarea.set_placeholder_text("Type the note…");
        textarea.move_cursor(tui_textarea::CursorMove::Bottom);
        textarea.move_cursor(tui_textarea::CursorMove::End);
        NoteEditor {
            textarea,
            target,
            article,
            original: text,
            confirm: false,
        }
    }

    pub fn new_note(note: Note, article: String) -> NoteEditor {
        NoteEditor::with(Target::New(note), article)
    }

    pub fn edit_note(note: Note, article: String) -> NoteEditor {
        NoteEditor::with(Target::Existing(note), article)
    }

    /// The text as typed.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// True when leaving would lose typing.
    pub fn modified(&self) -> bool {
        self.text() != self.original
    }
}

fn message(app: &mut App, text: impl Into<String>, error: bool) {
    app.message = Some(Message {
        text: text.into(),
        error,
    });
}

/// A key the keymap does not bind in the editor: the textarea's.
pub fn key(app: &mut App, key: KeyEvent) {
    if let Mode::Note(ed) = &mut app.mode
        && !ed.confirm
    {
        ed.textarea.input(key);
        app.message = None;
    }
}

/// An editor command from the keymap.
pub fn action(app: &mut App, action: Action) {
    let Mode::Note(ed) = &mut app.mode else { return };
    app.message = None;
    match (ed.confirm, action) {
        (_, Action::SaveNote) => save(app),
        (true, Action::Yes) => app.mode = Mode::Normal,
        (true, Action::No | Action::Cancel) => ed.confirm = false,
        (false, Action::Cancel) => {
            if ed.modified() {
                ed.confirm = true;
            } else {
                app.mode = Mode::Normal;
            }
        }
        (false, Action::UndoEdit) if !ed.textarea.undo() => message(app, "Nothing to undo", false),
        (false, Action::RedoEdit) if !ed.textarea.redo() => message(app, "Nothing to redo", false),
        _ => {}
    }
}

/// Puts the note in the store (in memory; the event loop writes it to disk) and closes.
fn save(app: &mut App) {
    let Mode::Note(ed) = std::mem::replace(&mut app.mode, Mode::Normal) else {
        return;
    };
    let text = ed.text();
    let store = &mut app.notes.store;
    let said = match ed.target {
        Target::New(mut note) => {
            note.text = text;
            store.add(note);
            "Note added"
        }
        Target::Existing(note) => match store.edit(&note.id, &text) {
            Ok(_) => "Note saved",
            Err(StoreError::NoSuchNote(_)) => {
                // Deleted meanwhile (another copydesk, or undo history): keep the writing.
                let mut note = note;
                note.set_text(&text);
                store.add(note);
                "Note saved (it had been deleted; it is back)"
            }
            Err(e) => {
                message(app, e.to_string(), true);
                return;
            }
        },
    };
    app.notes.rev += 1;
    message(app, said, false);
}

/// The popup's area: centred, up to 78 columns and 18 rows.
pub fn area(screen: Rect) -> Rect {
    let w = screen.width.saturating_sub(4).clamp(screen.width.min(20), 78);
    let h = screen.height.saturating_sub(3).clamp(screen.height.min(8), 18);
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height.saturating_sub(1) - h.min(screen.height.saturating_sub(1))) / 2,
        width: w,
        height: h.min(screen.height.saturating_sub(1)),
    }
}

/// Most lines of the quote shown above the text.
const QUOTE_LINES: usize = 4;

pub fn draw(buf: &mut Buffer, screen: Rect, app: &App, ed: &NoteEditor) {
    let theme = &app.theme;
    let styles = NoteStyles::new(theme);
    let popup = area(screen);
    Clear.render(popup, buf);
    let title = match ed.target {
        Target::New(_) => " New note ",
        Target::Existing(_) => " Edit note ",
    };
    let bottom = if ed.confirm {
        let k = |a| {
            app.keymap
                .hint_key(Context::Question, a)
                .map(|k| k.to_string())
                .unwrap_or_default()
        };
        format!(" Discard changes? {} yes · {} no ", k(Action::Yes), k(Action::No))
    } else {
        let parts: Vec<String> = [
            Action::SaveNote,
            Action::Cancel,
            Action::UndoEdit,
            Action::RedoEdit,
        ]
        .iter()
        .filter_map(|a| {
            app.keymap
                .hint_key(Context::NoteEditor, *a)
                .map(|k| format!("{k} {}", a.label()))
        })
        .collect();
        format!(" {} ", parts.join(" · "))
    };
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.title_focused))
        .title_bottom(Line::styled(bottom, if ed.confirm { theme.error } else { theme.dim }).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    if inner.height < 3 || inner.width < 4 {
        return;
    }
    let x = inner.x + 1;
    let w = inner.width.saturating_sub(2);
    let mut y = inner.y;
    buf.set_stringn(
        x,
        y,
        truncate(&clean(&ed.article), w as usize),
        w as usize,
        theme.dim,
    );
    y += 1;
    let note = ed.target.note();
    let room = (inner.height.saturating_sub(4) as usize).min(QUOTE_LINES);
    if note.is_whole_article() {
        buf.set_stringn(x, y, "On the whole article", w as usize, styles.quote);
        y += 1;
    } else {
        // The quote wrapped as the reader wraps text, behind a bar, cut with … past a few lines.
        let quote = note.quote.trim();
        let qw = w.saturating_sub(2) as usize;
        let whole = 0..quote.len();
        let wrapped = crate::tui::wrap::wrap(quote, std::slice::from_ref(&whole), &[], qw.max(1));
        let lines: Vec<usize> = (0..wrapped.len())
            .filter(|&i| !wrapped.runs(i).is_empty())
            .collect();
        for (k, &i) in lines.iter().take(room.max(1)).enumerate() {
            let mut line = styled_line(quote, wrapped.runs(i), &[]);
            if k + 1 == room.max(1) && lines.len() > room.max(1) {
                line.spans.push(Span::raw(" …"));
            }
            buf.set_string(x, y, "│ ", theme.border_focused);
            buf.set_line(x + 2, y, &line.style(styles.quote), w.saturating_sub(2));
            y += 1;
        }
    }
    buf.set_string(inner.x, y, "─".repeat(inner.width as usize), theme.border);
    y += 1;
    let text_area = Rect {
        x,
        y,
        width: w,
        height: inner.bottom().saturating_sub(y),
    };
    (&ed.textarea).render(text_area, buf);
}

/// The status bar while editing: the question, or the editor's keys.
pub fn status_line(app: &App, ed: &NoteEditor) -> Line<'static> {
    let (ctx, actions, lead): (Context, &[Action], &str) = if ed.confirm {
        (
            Context::Question,
            &[Action::Yes, Action::No],
            "Discard changes to this note?  ",
        )
    } else {
        (
            Context::NoteEditor,
            &[
                Action::SaveNote,
                Action::Cancel,
                Action::UndoEdit,
                Action::RedoEdit,
            ],
            "",
        )
    };
    let mut spans = vec![Span::styled(
        lead.to_string(),
        if ed.confirm {
            app.theme.error
        } else {
            app.theme.status
        },
    )];
    for a in actions {
        if let Some(k) = app.keymap.hint_key(ctx, *a) {
            if spans.len() > 1 {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(k.to_string(), app.theme.hint_key));
            spans.push(Span::raw(format!(" {}", a.label())));
        }
    }
    Line::from(spans)
}
