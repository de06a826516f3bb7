//! Drawing the whole screen from the app's state: layout, pane frames, the status bar, and the
//! message shown instead when the terminal is too small. Nothing here changes state.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

use super::app::{App, Mode, PaneId};
use super::keymap::Context;
use super::panes::{diff, editor, help, notes, reader, results, sidebar};
use super::theme::Theme;
use super::wrap::{grapheme_width, str_width};
use crate::tui::action::Action;

/// The smallest terminal the layout is drawn in; below it a short message is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    pub sidebar: Rect,
    pub reader: Rect,
    pub status: Rect,
    /// The notes pane, when shown (see [`screen_for`]).
    pub notes: Option<Rect>,
    /// The entity panel, when shown.
    pub entities: Option<Rect>,
}

/// How wide the sidebar is (config `sidebar_width`; dragging its border sets `Columns`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SidebarWidth {
    /// 30% of the terminal, between 16 and 40 columns.
    #[default]
    Auto,
    /// A share of the terminal's width.
    Percent(u16),
    Columns(u16),
}

/// The narrowest sidebar and reader a chosen width may leave.
pub const MIN_SIDEBAR: u16 = 10;
pub const MIN_READER: u16 = 20;

impl SidebarWidth {
    /// The sidebar's columns on a terminal `total` columns wide, leaving the reader room.
    pub fn columns(self, total: u16) -> u16 {
        let want = match self {
            SidebarWidth::Auto => ((total as u32 * 3 / 10) as u16).clamp(16, 40),
            SidebarWidth::Percent(p) => (total as u32 * p.min(100) as u32 / 100) as u16,
            SidebarWidth::Columns(c) => c,
        };
        want.min(total.saturating_sub(MIN_READER)).max(MIN_SIDEBAR)
    }
}

/// The layout for a terminal of this size with the default sidebar, or `None` when it is too
/// small for one.
pub fn screen(area: Rect) -> Option<Screen> {
    screen_with(area, SidebarWidth::Auto)
}

/// The layout for a terminal of this size, or `None` when it is too small for one.
pub fn screen_with(area: Rect, sidebar: SidebarWidth) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let main_h = area.height - 1;
    let side_w = sidebar.columns(area.width);
    Some(Screen {
        sidebar: Rect::new(area.x, area.y, side_w, main_h),
        reader: Rect::new(area.x + side_w, area.y, area.width - side_w, main_h),
        status: Rect::new(area.x, area.y + main_h, area.width, 1),
        notes: None,
        entities: None,
    })
}

/// The layout with the panes the app shows now (the notes pane shares the reader's column).
pub fn screen_for(app: &App, area: Rect) -> Option<Screen> {
    let mut s = screen_with(area, app.sidebar_width)?;
    if app.notes.shown {
        let (reader, notes) = notes::split(s.reader);
        s.reader = reader;
        s.notes = Some(notes);
    }
    super::panes::entities::carve(app, &mut s);
    Some(s)
}

/// A one-line, dimmed message in place of a pane's contents (nothing loaded, nothing found),
/// one column in from the pane's left edge.
pub fn empty_message(buf: &mut Buffer, inner: Rect, msg: &str, theme: &Theme) {
    buf.set_stringn(
        inner.x + 1,
        inner.y,
        msg,
        inner.width.saturating_sub(1) as usize,
        theme.dim,
    );
}

/// Like [`empty_message`], for a longer message wrapped over the pane's lines.
pub fn empty_paragraph(buf: &mut Buffer, inner: Rect, msg: &str, theme: &Theme) {
    Paragraph::new(msg)
        .style(theme.dim)
        .wrap(Wrap { trim: true })
        .render(
            Rect {
                x: inner.x + 1,
                width: inner.width.saturating_sub(1),
                ..inner
            },
            buf,
        );
}

/// A pane's frame. The focused pane has a thick border and a ▶ before its title, so focus shows
/// without colour.
pub fn pane_block<'a>(title: &str, focused: bool, theme: &Theme) -> Block<'a> {
    let (border_type, border, title_style, title) = if focused {
        (
            BorderType::Thick,
            theme.border_focused,
            theme.title_focused,
            format!(" ▶ {title} "),
        )
    } else {
        (BorderType::Plain, theme.border, theme.title, format!(" {title} "))
    };
    Block::bordered()
        .border_type(border_type)
        .border_style(border)
        .title(Span::styled(title, title_style))
}

/// Text from a file made safe for one screen line: control characters (newlines, tabs, escapes)
/// become spaces.
pub fn clean(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// `s` cut to `width` cells, with an ellipsis when something was cut.
pub fn truncate(s: &str, width: usize) -> String {
    if str_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(s, true) {
        let gw = grapheme_width(g);
        if w + gw + 1 > width {
            break;
        }
        out.push_str(g);
        w += gw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(s) = screen_for(app, area) else {
        too_small(frame.buffer_mut(), area);
        return;
    };
    let help_open = matches!(
        app.mode,
        Mode::Help { .. } | Mode::Problems { .. } | Mode::Note(_)
    );
    let buf = frame.buffer_mut();
    if app.diff.open
        && let Some(d) = diff::area(app).filter(|d| d.right() <= area.right() && d.bottom() <= area.bottom())
    {
        diff::draw(buf, d, app, app.focus == PaneId::Diff && !help_open);
    } else if app.index.open
        && let Some(d) = diff::area(app).filter(|d| d.right() <= area.right() && d.bottom() <= area.bottom())
    {
        super::panes::index::draw(buf, d, app, app.focus == PaneId::Index && !help_open);
    } else {
        sidebar::draw(buf, s.sidebar, app, app.focus == PaneId::Sidebar && !help_open);
        let (reader_area, results_area) = results::split(s.reader, app);
        if reader_area.height > 0 {
            reader::draw(buf, reader_area, app, app.focus == PaneId::Reader && !help_open);
        }
        if let Some(r) = results_area {
            results::draw(buf, r, app, app.focus == PaneId::Results && !help_open);
        }
        if let Some(r) = s.notes {
            notes::draw(buf, r, app, app.focus == PaneId::Notes && !help_open);
        }
        if let Some(r) = s.entities {
            super::panes::entities::draw(buf, r, app, app.focus == PaneId::Entities && !help_open);
        }
    }
    let cursor = status(buf, s.status, app);
    if let Mode::Help { scroll } = app.mode {
        help::draw(buf, area, app, scroll);
    }
    if let Mode::Problems { scroll } = app.mode {
        super::panes::problems::draw(buf, area, app, scroll);
    }
    if let Mode::Note(ed) = &app.mode {
        editor::draw(buf, area, app, ed);
    }
    if let Some(c) = cursor {
        frame.set_cursor_position(c);
    }
}

fn too_small(buf: &mut Buffer, area: Rect) {
    let msg = format!(
        "Terminal too small ({}×{}): copydesk needs {MIN_WIDTH}×{MIN_HEIGHT}. q quits.",
        area.width, area.height
    );
    Paragraph::new(msg).wrap(Wrap { trim: true }).render(area, buf);
}

/// The right of the status bar: counts, progress, badges.
pub fn status_right(app: &App) -> String {
    let mut right = Vec::new();
    right.extend(furniture_badge(app));
    right.extend(super::panes::entities::status_badge(app));
    if let Some(j) = &app.jumps {
        match j.current {
            Some(i) => right.push(format!("{} {}/{}", j.unit(), i + 1, j.ranges.len())),
            None if j.unit() == "match" => right.push(format!("{} matches", j.ranges.len())),
            None => right.push(plural(j.ranges.len(), j.unit())),
        }
    }
    if let Some(r) = &app.collection.results
        && let Some(c) = r.current
    {
        right.push(format!(
            "hit {}/{}",
            c + 1,
            sidebar::format_count(r.job.hits.len())
        ));
    }
    right.extend(super::fetch::status_badge(app));
    if app.loading.active {
        match app.loading.found {
            Some(n) => right.push(format!(
                "Loading {}/{}…",
                sidebar::format_count(app.loading.files_done.min(n)),
                sidebar::format_count(n)
            )),
            None => right.push("Loading…".to_string()),
        }
    } else {
        right.push(plural(app.articles.len(), "article"));
    }
    if !app.problems.is_empty() {
        right.push(plural(app.problems.len(), "problem"));
    }
    right.extend(notes::status_badge(app));
    format!("{} ", right.join(" · "))
}

/// The status bar: the search prompt, a message, or hints for the focused pane on the left;
/// loading progress and counts on the right. Returns where the cursor goes when typing.
fn status(buf: &mut Buffer, area: Rect, app: &App) -> Option<Position> {
    let theme = &app.theme;
    buf.set_style(area, theme.status);
    let right = status_right(app);
    let rw = str_width(&right) as u16;
    let left_w = area.width.saturating_sub(rw + 1);
    let right_x = area.x + area.width.saturating_sub(rw);
    buf.set_stringn(right_x, area.y, &right, area.width as usize, theme.dim);

    let mut cursor = None;
    let prompt = match &app.mode {
        Mode::Search(p) => Some(("/", p.input.as_str())),
        Mode::Prompt(p) => Some((p.label(), p.input.as_str())),
        _ => None,
    };
    let line = match (&app.mode, &app.message) {
        (Mode::Search(_) | Mode::Prompt(_), _) => {
            let (label, input) = prompt.unwrap_or_default();
            let input = clean(input);
            // Keep the end of a long query in view, where the typing happens.
            let room = (left_w as usize).saturating_sub(2 + str_width(label));
            let mut shown: &str = &input;
            while str_width(shown) > room && !shown.is_empty() {
                let cut = shown.chars().next().map_or(1, char::len_utf8);
                shown = &shown[cut..];
            }
            let x = area.x + 1 + (str_width(label) + str_width(shown)) as u16;
            cursor = Some(Position::new(x.min(area.right().saturating_sub(1)), area.y));
            Line::from(vec![
                Span::styled(label, theme.prompt),
                Span::raw(shown.to_string()),
            ])
        }
        (_, Some(m)) => Line::styled(clean(&m.text), if m.error { theme.error } else { theme.status }),
        (Mode::Help { .. } | Mode::Problems { .. }, None) => hints(
            app,
            Context::Help,
            &[Action::Down, Action::Up, Action::Cancel],
            left_w.saturating_sub(1) as usize,
        ),
        (Mode::Normal, None) => hints(
            app,
            app.focus.context(),
            app.focus.hints(),
            left_w.saturating_sub(1) as usize,
        ),
        (Mode::Note(ed), None) => editor::status_line(app, ed),
    };
    buf.set_line(area.x + 1, area.y, &line, left_w.saturating_sub(1));
    cursor
}

/// The kind of page furniture the reader is on ("photo caption", "byline"): in the selected
/// passage when there is one, else at the top of the view. Only while the reader has focus.
fn furniture_badge(app: &App) -> Option<String> {
    if app.focus != PaneId::Reader {
        return None;
    }
    let article = app.current_article()?;
    let pos = match app.notes.selection_in(&article.id) {
        Some(r) => r.start,
        None => {
            // The first character shown: the top line may start on the white space before it.
            let top = app.reader.top_byte().min(article.text.len());
            let rest = article.text.get(top..).unwrap_or("");
            top + (rest.len() - rest.trim_start().len())
        }
    };
    article.furniture_at(pos).map(|k| k.label().to_string())
}

/// "1 article", "1,200 articles".
pub fn plural(n: usize, noun: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{} {noun}{s}", sidebar::format_count(n))
}

/// "j down  / search  ? help …" from the keymap, so the hints always match the bindings. Hints
/// that do not fit in `width` cells are left out whole (never cut mid-word), except the help
/// key, which is kept so the rest can always be found.
fn hints(app: &App, ctx: Context, actions: &[Action], width: usize) -> Line<'static> {
    let items: Vec<(Action, String)> = actions
        .iter()
        .filter_map(|a| app.keymap.hint_key(ctx, *a).map(|k| (*a, k.to_string())))
        .collect();
    // Each hint costs its width plus two spaces before it; the first needs none, hence the + 2.
    let cost = |(a, k): &(Action, String)| str_width(k) + 1 + str_width(a.label()) + 2;
    let mut budget =
        (width + 2).saturating_sub(items.iter().filter(|(a, _)| *a == Action::Help).map(cost).sum());
    let mut spans = Vec::new();
    for item in &items {
        let keep = if item.0 == Action::Help {
            true
        } else if cost(item) <= budget {
            budget -= cost(item);
            true
        } else {
            false
        };
        if keep {
            if !spans.is_empty() {
                spans.push(Span::raw("  "));
            }
            spans.push(Span::styled(item.1.clone(), app.theme.hint_key));
            spans.push(Span::raw(format!(" {}", item.0.label())));
        }
    }
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_cells() {
        assert_eq!(truncate("hello", 5), "hello");
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("日本語の", 5), "日本…");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn no_layout_below_the_minimum() {
        assert!(screen(Rect::new(0, 0, 39, 30)).is_none());
        assert!(screen(Rect::new(0, 0, 100, 9)).is_none());
        let s = screen(Rect::new(0, 0, 100, 30)).unwrap();
        assert_eq!(s.sidebar.width + s.reader.width, 100);
        assert_eq!(s.status.y, 29);
    }

    #[test]
    fn a_chosen_sidebar_width_leaves_the_reader_room() {
        assert_eq!(SidebarWidth::Auto.columns(100), 30);
        assert_eq!(SidebarWidth::Auto.columns(200), 40);
        assert_eq!(SidebarWidth::Percent(50).columns(100), 50);
        assert_eq!(SidebarWidth::Columns(25).columns(100), 25);
        assert_eq!(SidebarWidth::Columns(95).columns(100), 80);
        assert_eq!(SidebarWidth::Columns(0).columns(100), MIN_SIDEBAR);
        assert_eq!(SidebarWidth::Percent(500).columns(40), 20);
        assert_eq!(SidebarWidth::Auto.columns(u16::MAX), 40);
        let s = screen_with(Rect::new(0, 0, 100, 30), SidebarWidth::Columns(25)).unwrap();
        assert_eq!((s.sidebar.width, s.reader.x, s.reader.width), (25, 25, 75));
    }
}
