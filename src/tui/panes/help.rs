//! The help screen, written from the keymap itself: whatever the table binds is what it lists.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Context, Key, Keymap};
use crate::tui::wrap::{str_width, wrap_str};

/// Width of the keys column.
const KEYS_WIDTH: usize = 22;

/// How a pane closes, for its section of the help: the action that toggles it (its keys
/// there close it too) and what closing does.
fn closing(ctx: Context) -> Option<(Option<Action>, &'static str)> {
    Some(match ctx {
        Context::Notes => (None, "Close the notes pane"),
        Context::Entities => (Some(Action::ToggleEntityPanel), "Close the entity panel"),
        Context::Results => (None, "Close the results"),
        Context::Diff => (
            Some(Action::OpenDiff),
            "Close the diff pane (the reader shows what it did)",
        ),
        Context::Index => (
            Some(Action::ToggleIndex),
            "Clear the filter, else close the index",
        ),
        _ => return None,
    })
}

/// The keys that close the pane of `ctx`: Esc (Cancel, wherever it is bound) and its toggle.
fn closing_keys(keymap: &Keymap, ctx: Context, toggle: Option<Action>) -> Vec<Key> {
    let mut keys = keymap.keys_for(ctx, Action::Cancel);
    if let Some(t) = toggle {
        for k in keymap.keys_for(ctx, t) {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

/// Where descriptions start when the help is wide enough for a keys column.
const DESC_COLUMN: usize = 2 + KEYS_WIDTH;

/// One help row, wrapped to `width` cells: the keys, then the description in its column,
/// continued on the lines below in the same column. Keys too wide for their column get a line
/// of their own; a box too narrow for the column puts descriptions under the keys, indented.
fn push_row(out: &mut Vec<Line<'static>>, keys: String, what: &str, width: usize, key_style: Style) {
    let kw = str_width(&keys);
    let col = if width >= DESC_COLUMN + 20 { DESC_COLUMN } else { 4 };
    let own_line = 2 + kw + 1 > col;
    let desc = wrap_str(what, width.saturating_sub(col).max(1));
    let mut first = vec![Span::raw("  "), Span::styled(keys, key_style)];
    let mut rest = desc.into_iter();
    if !own_line && let Some(d) = rest.next() {
        first.push(Span::raw(" ".repeat(col - 2 - kw)));
        first.push(Span::raw(d));
    }
    out.push(Line::from(first));
    for d in rest {
        out.push(Line::from(vec![Span::raw(" ".repeat(col)), Span::raw(d)]));
    }
}

/// The help text, wrapped to `width` cells: a heading per context, then one row per action with
/// all its keys, and for a pane, the keys that close it.
pub fn lines(keymap: &Keymap, heading: Style, key_style: Style, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        let entries = keymap.entries(*ctx);
        if entries.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        for l in wrap_str(ctx.title(), width) {
            out.push(Line::styled(l, heading));
        }
        let mut rows: Vec<(Vec<Key>, &'static str)> = entries
            .into_iter()
            .map(|(action, keys)| (keys, action.describe_in(*ctx)))
            .collect();
        if let Some((toggle, what)) = closing(*ctx) {
            let keys = closing_keys(keymap, *ctx, toggle);
            if !keys.is_empty() {
                rows.push((keys, what));
            }
        }
        for (keys, what) in rows {
            let keys = keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
            push_row(&mut out, keys, what, width, key_style);
        }
        if *ctx == Context::Sidebar {
            // The sidebar's marks, which no key names.
            for (mark, meaning) in [
                ("★", "the story's original: the version the others derive from"),
                ("≈", "an independent report of the event: a version of none"),
            ] {
                push_row(&mut out, mark.to_string(), meaning, width, key_style);
            }
        }
    }
    out
}

/// The width help text is wrapped to in a popup over `screen`: inside the border, with a cell
/// of margin each side.
pub fn text_width(screen: Rect) -> usize {
    (area(screen).width as usize).saturating_sub(4).max(1)
}

/// The popup's area: centred, at most 84×(height-2).
pub fn area(screen: Rect) -> Rect {
    let w = screen.width.min(84);
    let h = screen.height.saturating_sub(2).max(screen.height.min(3));
    Rect {
        x: screen.x + (screen.width - w) / 2,
        y: screen.y + (screen.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Rows of help text visible in a popup over `screen`.
pub fn visible_rows(screen: Rect) -> usize {
    area(screen).height.saturating_sub(2) as usize
}

pub fn draw(buf: &mut Buffer, screen: Rect, app: &App, scroll: usize) {
    let theme = &app.theme;
    let popup = area(screen);
    Clear.render(popup, buf);
    let lines = lines(&app.keymap, theme.heading, theme.hint_key, text_width(screen));
    let rows = visible_rows(screen);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let more = if scroll + rows < lines.len() {
        " ↓ more "
    } else {
        ""
    };
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Span::styled(" Help — keys ", theme.title_focused))
        .title_bottom(Line::from(format!("{more} Esc closes ")).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    for (row, line) in lines.iter().skip(scroll).take(rows).enumerate() {
        buf.set_line(
            inner.x + 1,
            inner.y + row as u16,
            line,
            inner.width.saturating_sub(1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(keymap: &Keymap) -> String {
        lines(keymap, Style::new(), Style::new(), 200)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn every_binding_is_listed_with_its_description() {
        let km = Keymap::default();
        let help = text(&km);
        for ctx in Context::ALL {
            for (action, keys) in km.entries(*ctx) {
                let keys = keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
                let row = help
                    .lines()
                    .find(|l| l.trim_start().starts_with(&keys) && l.contains(action.describe_in(*ctx)));
                assert!(row.is_some(), "{ctx:?}: {keys} {action:?} missing from help");
            }
        }
    }

    /// The row under `heading` whose keys start with `keys`.
    fn row<'a>(help: &'a str, heading: &str, keys: &str) -> Option<&'a str> {
        help.split("\n\n")
            .find(|s| s.starts_with(heading))?
            .lines()
            .find(|l| l.trim_start().starts_with(keys))
    }

    #[test]
    fn each_pane_says_how_it_closes() {
        let help = text(&Keymap::default());
        for (heading, keys, what) in [
            ("Notes pane", "Esc ", "Close the notes pane"),
            ("Entity panel", "Esc, E ", "Close the entity panel"),
            ("Results of a search", "Esc ", "Close the results"),
            ("Compare versions", "Esc, D ", "Close the diff pane"),
            ("Entity index", "Esc, I ", "else close the index"),
            ("Help", "q, ?", "Close the help"),
        ] {
            let r = row(&help, heading, keys);
            assert!(r.is_some_and(|r| r.contains(what)), "{heading}: {r:?}");
        }
        // The note editor's Esc says what it does there, not what it does elsewhere.
        let r = row(&help, "Note editor", "Esc").unwrap();
        assert!(r.contains("Close the editor without saving"), "{r}");
        // Everywhere: the topmost pane.
        let r = row(&help, "Everywhere", "Esc").unwrap();
        assert!(r.contains("topmost pane"), "{r}");
    }

    #[test]
    fn the_sidebar_marks_are_explained() {
        let t = text(&Keymap::default());
        assert!(
            t.contains("★") && t.contains("the version the others derive from"),
            "{t}"
        );
        assert!(
            t.contains("≈") && t.contains("an independent report of the event"),
            "{t}"
        );
    }

    #[test]
    fn a_rebound_key_shows_and_the_old_one_goes() {
        let mut km = Keymap::default();
        km.bind(Context::Article, Key::char('/'), Action::Help);
        km.bind(Context::Article, Key::char('s'), Action::Search);
        let help = text(&km);
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with("s ") && l.contains("Search the article"))
        );
        assert!(
            !help
                .lines()
                .any(|l| l.trim_start().starts_with("/ ") && l.contains("Search the article"))
        );
    }
}
