//! The help screen, written from the keymap itself: whatever the table binds is what it lists.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::tui::app::App;
use crate::tui::keymap::{Context, Keymap};

/// Width of the keys column.
const KEYS_WIDTH: usize = 22;

/// The help text: a heading per context, then one row per action with all its keys.
pub fn lines(keymap: &Keymap, heading: Style, key_style: Style) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for ctx in Context::ALL {
        let entries = keymap.entries(*ctx);
        if entries.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(ctx.title().to_string(), heading));
        for (action, keys) in entries {
            let keys = keys.iter().map(|k| k.to_string()).collect::<Vec<_>>().join(", ");
            let pad = KEYS_WIDTH
                .saturating_sub(crate::tui::wrap::str_width(&keys))
                .max(1);
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(keys, key_style),
                Span::raw(" ".repeat(pad)),
                Span::raw(action.describe()),
            ]));
        }
    }
    out
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
    let lines = lines(&app.keymap, theme.heading, theme.hint_key);
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
