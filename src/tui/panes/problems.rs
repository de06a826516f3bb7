//! The problems list (`!`): every file that could not be read, in a popup over the reader, so
//! a load that went partly wrong says what went wrong while reading rather than on exit.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Widget};

use crate::tui::app::App;
use crate::tui::panes::help;
use crate::tui::wrap::wrap_str;

/// The popup's text width inside its border (one cell of margin each side).
fn text_width(screen: Rect) -> usize {
    (help::area(screen).width as usize).saturating_sub(4).max(1)
}

/// The list as screen lines: each problem wrapped, continuation lines indented under its text.
pub fn lines(app: &App, screen: Rect) -> Vec<String> {
    let w = text_width(screen);
    let mut out = Vec::new();
    for p in &app.problems {
        let clean = crate::tui::draw::clean(p);
        for (i, l) in wrap_str(&clean, w.saturating_sub(2).max(1))
            .into_iter()
            .enumerate()
        {
            out.push(if i == 0 {
                format!("• {l}")
            } else {
                format!("  {l}")
            });
        }
    }
    out
}

pub fn draw(buf: &mut Buffer, screen: Rect, app: &App, scroll: usize) {
    let theme = &app.theme;
    let popup = help::area(screen);
    Clear.render(popup, buf);
    let lines = lines(app, screen);
    let rows = help::visible_rows(screen);
    let scroll = scroll.min(lines.len().saturating_sub(rows));
    let more = if scroll + rows < lines.len() {
        " ↓ more "
    } else {
        ""
    };
    let title = format!(" Problems loading files ({}) ", app.problems.len());
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.title_focused))
        .title_bottom(Line::from(format!("{more} Esc closes ")).right_aligned());
    let inner = block.inner(popup);
    block.render(popup, buf);
    for (row, line) in lines.iter().skip(scroll).take(rows).enumerate() {
        buf.set_stringn(
            inner.x + 1,
            inner.y + row as u16,
            line,
            inner.width.saturating_sub(1) as usize,
            theme.error,
        );
    }
}
