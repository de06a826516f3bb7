//! The results pane: the hits of a search across every article, two rows each (article title
//! and source; the sentence with the match shown), below the reader. Enter opens a hit; n/N in
//! the reader go on through them across articles.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::draw::{clean, empty_message, pane_block, truncate};
use crate::tui::panes::sidebar::format_count;
use crate::tui::wrap::str_width;

pub const HINTS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::Open,
    Action::NextMatch,
    Action::Cancel,
    Action::FocusNext,
    Action::Help,
];

/// Rows per hit.
pub const ITEM_HEIGHT: u16 = 2;

/// The reader's area and, when results are shown, the results pane's: the lower two fifths,
/// at least six rows, leaving the reader at least six.
pub fn split(reader: Rect, app: &App) -> (Rect, Option<Rect>) {
    if app.collection.results.is_none() || reader.height < 12 {
        return (reader, None);
    }
    let h = (reader.height * 2 / 5).max(6);
    let top = Rect {
        height: reader.height - h,
        ..reader
    };
    let bottom = Rect {
        y: reader.y + top.height,
        height: h,
        ..reader
    };
    (top, Some(bottom))
}

pub fn visible_items(inner_height: u16) -> usize {
    (inner_height / ITEM_HEIGHT).max(1) as usize
}

/// The first item to show so that `selected` is visible, moving as little as possible.
pub fn scrolled_offset(offset: usize, selected: usize, len: usize, visible: usize) -> usize {
    let visible = visible.max(1);
    let mut offset = offset.min(len.saturating_sub(visible));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + visible {
        offset = selected + 1 - visible;
    }
    offset
}

/// The sentence cut to `w` cells around the match: a third of the room before it at most.
fn snippet<'a>(before: &str, matched: &str, w: usize, hl: Style) -> Line<'a> {
    let before = clean(before);
    let matched = clean(matched);
    let lead = w / 3;
    let shown_before = if str_width(&before) > lead {
        // Keep the end of what comes before the match.
        let mut s: &str = &before;
        while str_width(s) + 1 > lead && !s.is_empty() {
            let cut = s.chars().next().map_or(1, char::len_utf8);
            s = &s[cut..];
        }
        format!("…{s}")
    } else {
        before
    };
    let used = str_width(&shown_before);
    let m = truncate(&matched, w.saturating_sub(used));
    Line::from(vec![Span::raw(shown_before), Span::styled(m, hl)])
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let Some(r) = &app.collection.results else { return };
    let n = r.job.hits.len();
    let searched = r.job.next.min(app.articles.len());
    let state = if searched < app.articles.len() {
        format!(
            " (searching {}/{}…)",
            format_count(searched),
            format_count(app.articles.len())
        )
    } else {
        String::new()
    };
    let title = format!(
        "“{}”: {} matches{state}",
        clean(r.job.query.text()),
        format_count(n)
    );
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if n == 0 {
        let msg = if state.is_empty() {
            "No match"
        } else {
            "Searching…"
        };
        empty_message(buf, inner, msg, theme);
        return;
    }
    let visible = visible_items(inner.height);
    let offset = scrolled_offset(r.offset, r.selected, n, visible);
    let w = inner.width as usize;
    for (row, (i, hit)) in r
        .job
        .hits
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let Some(a) = app.articles.get(hit.article) else {
            continue;
        };
        let y = inner.y + row as u16 * ITEM_HEIGHT;
        let selected = i == r.selected;
        let mark = if selected { "▶ " } else { "  " };
        let title = a.title.as_deref().unwrap_or(a.file_name());
        let head = match &a.source {
            Some(s) => format!("{mark}{} · {}", clean(title), clean(s)),
            None => format!("{mark}{}", clean(title)),
        };
        let head = truncate(&head, w);
        let (head_style, row_style) = match (selected, focused) {
            (true, true) => (theme.selected, theme.selected),
            (true, false) => (theme.selected_unfocused, Style::new()),
            (false, _) => (theme.heading, Style::new()),
        };
        let row_area = Rect {
            y,
            height: 1,
            ..inner
        };
        if selected {
            buf.set_style(row_area, head_style);
        }
        buf.set_stringn(inner.x, y, &head, w, head_style);
        let t = &a.text;
        let (s, m) = (&hit.sentence, &hit.range);
        let (Some(before), Some(matched), Some(after)) = (
            t.get(s.start..m.start),
            t.get(m.clone()),
            t.get(m.end..s.end.max(m.end)),
        ) else {
            continue;
        };
        // The match is bold and underlined: it must show on the selected (reversed) row too,
        // and not look like the reader's current match.
        let hl = theme.heading.add_modifier(ratatui::style::Modifier::UNDERLINED);
        let mut line = snippet(before, matched, w.saturating_sub(2), hl);
        line.spans.insert(0, Span::raw("  "));
        line.spans.push(Span::raw(clean(after)));
        let line = line.patch_style(row_style);
        buf.set_line(inner.x, y + 1, &line, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_keeps_the_match_in_view() {
        let before = "a".repeat(100);
        let line = snippet(&before, "Brink", 30, Style::new());
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert!(text.starts_with('…'));
        assert!(text.ends_with("Brink"), "{text}");
        assert!(str_width(&text) <= 30);
    }
}
