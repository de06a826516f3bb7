//! The sidebar: the loaded articles, two rows each (title or file name; source and word count),
//! in the order and through the filter of `App::collection` (unread ones bold with a •). Only the
//! rows in view are drawn, so ten thousand articles cost no more than ten.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::draw::{clean, empty_message, pane_block, truncate};
use crate::tui::panes::results::scrolled_offset;
use crate::tui::stories::{LEGEND, Role};
use crate::tui::wrap::str_width;

pub const HINTS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::Open,
    Action::Filter,
    Action::CycleSort,
    Action::FindAll,
    Action::FocusNext,
    Action::Help,
    Action::Quit,
];

/// Rows per article.
pub const ITEM_HEIGHT: u16 = 2;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SidebarState {
    pub selected: usize,
    /// First article shown.
    pub offset: usize,
}

impl SidebarState {
    /// Moves the selection for a movement action; returns false for actions it does not take.
    pub fn handle(&mut self, action: Action, len: usize, visible: usize) -> bool {
        let page = visible.max(1);
        match action {
            Action::Down => self.selected += 1,
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::PageDown => self.selected += page,
            Action::PageUp => self.selected = self.selected.saturating_sub(page),
            Action::Top => self.selected = 0,
            Action::Bottom => self.selected = usize::MAX,
            _ => return false,
        }
        self.clamp(len, visible);
        true
    }

    /// Keeps the selection inside the list and in view.
    pub fn clamp(&mut self, len: usize, visible: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = scrolled_offset(self.offset, self.selected, len, visible);
    }
}

/// How many articles fit in a sidebar of this inner height.
pub fn visible_items(inner_height: u16) -> usize {
    (inner_height / ITEM_HEIGHT) as usize
}

pub fn format_count(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "  CBS News        538 words": the word count kept whole at the right, the source cut to
/// fit; no outlet known, no name there (the file name is on the row above when untitled).
fn meta_row(a: &crate::article::Article, w: usize) -> String {
    let words = format!("{} words", format_count(a.words));
    let source = a.source.as_deref().map(clean).unwrap_or_default();
    let room = w.saturating_sub(str_width(&words) + 3);
    let source = truncate(&source, room);
    let gap = w
        .saturating_sub(2 + str_width(&source) + str_width(&words) + 1)
        .max(1);
    truncate(&format!("  {source}{}{words}", " ".repeat(gap)), w)
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let order = &app.collection.listing.order;
    // Versions folded away are not filtered out: they count as shown.
    let folded: usize = order.iter().filter_map(|&i| app.folded_under(i)).sum();
    let listed = order.len() + folded;
    let mut title = if listed == app.articles.len() {
        format!("Articles {}", format_count(app.articles.len()))
    } else {
        format!(
            "Articles {}/{}",
            format_count(listed),
            format_count(app.articles.len())
        )
    };
    let n_stories = app.stories.stories.len();
    if n_stories > 0 {
        title.push_str(&format!(
            " · {}",
            crate::tui::draw::plural(n_stories, "story").replace("storys", "stories")
        ));
    }
    if folded > 0 {
        title.push_str(&format!(" · {folded} folded"));
    }
    let sort = app.collection.sort;
    if sort != crate::collection::SortMode::Path {
        title.push_str(&format!(" · by {}", sort.name()));
    }
    let mut block = pane_block(&title, focused, theme);
    if n_stories > 0 {
        block =
            block.title_bottom(ratatui::text::Line::styled(format!(" {LEGEND} "), theme.dim).left_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    if !app.collection.filter.is_empty() && order.is_empty() && !app.articles.is_empty() {
        let msg = format!("No article matches “{}”", clean(&app.collection.filter));
        empty_message(buf, inner, &msg, theme);
        return;
    }
    if app.articles.is_empty() {
        let msg = if app.loading.active {
            "Loading…"
        } else {
            "No articles"
        };
        empty_message(buf, inner, msg, theme);
        return;
    }
    let visible = visible_items(inner.height);
    let state = &app.sidebar;
    let offset = scrolled_offset(state.offset, state.selected, order.len(), visible);
    let w = inner.width as usize;
    // Story tree marks join versions listed next to each other: in path or story order without
    // a filter, where grouping put them together.
    let tree_marks = app.collection.filter.is_empty()
        && matches!(
            app.collection.sort,
            crate::collection::SortMode::Path | crate::collection::SortMode::Story
        );
    for (row, (i, (k, a))) in order
        .iter()
        .filter_map(|&k| app.articles.get(k).map(|a| (k, a)))
        .enumerate()
        .skip(offset)
        .take(visible)
        .enumerate()
    {
        let y = inner.y + row as u16 * ITEM_HEIGHT;
        let selected = i == state.selected;
        let (mark, mut style, meta_style) = match (selected, focused) {
            (true, true) => ("▶", theme.selected, theme.selected),
            (true, false) => ("▶", theme.selected_unfocused, theme.selected_unfocused),
            (false, _) => (" ", Style::new(), theme.dim),
        };
        // Unread: a mark and bold, so it shows without colour (as newsboat's N and bold).
        let unread = !app.is_read(a);
        if unread {
            style = style.patch(theme.heading);
        }
        let dot = if unread { "•" } else { " " };
        let title = a.title.as_deref().unwrap_or(a.file_name());
        // Versions of one story are listed together, joined by a tree line; ★ marks the one
        // the others most likely derive from.
        let folded = app.folded_under(k);
        let (tree, tree_meta, role) = if tree_marks {
            tree_row(app, order, offset + row, k)
        } else {
            ("", "", Role::None)
        };
        // ★ the original the others derive from, ≈ an independent report (see the legend).
        let star = role.mark();
        let more = folded.map(|n| format!("+{n} ")).unwrap_or_default();
        let first = truncate(&format!("{tree}{mark}{dot}{star}{more}{}", clean(title)), w);
        let tw = crate::tui::wrap::str_width(tree);
        let meta = format!("{tree_meta}{}", meta_row(a, w.saturating_sub(tw)));
        for (dy, (text, st)) in [(first, style), (meta, meta_style)].into_iter().enumerate() {
            let row_area = Rect {
                y: y + dy as u16,
                height: 1,
                ..inner
            };
            if selected {
                buf.set_style(row_area, st);
            }
            buf.set_stringn(inner.x, row_area.y, &text, w, st);
        }
    }
}

/// The tree marks for the article at `pos` in the sidebar's order (`k`), and what it is in its
/// story: a line joins the rows of one story that are listed next to each other, so a folded
/// story (its original, and its independent reports, which do not fold) is joined as shown.
fn tree_row(app: &App, order: &[usize], pos: usize, k: usize) -> (&'static str, &'static str, Role) {
    let (_, _, role) = app.stories.marks(k);
    if app.stories.stories.is_empty() {
        return ("", "", Role::None);
    }
    let Some(s) = app.stories.story_index(k) else {
        return (" ", " ", Role::None);
    };
    let same = |p: Option<usize>| {
        p.and_then(|p| order.get(p))
            .is_some_and(|&j| app.stories.story_index(j) == Some(s))
    };
    let (prev, next) = (same(pos.checked_sub(1)), same(Some(pos + 1)));
    let tree = match (prev, next) {
        (false, false) => "─",
        (false, true) => "┌",
        (true, true) => "├",
        (true, false) => "└",
    };
    (tree, if next { "│" } else { " " }, role)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_in_view() {
        let mut s = SidebarState::default();
        s.handle(Action::Bottom, 100, 10);
        assert_eq!((s.selected, s.offset), (99, 90));
        s.handle(Action::PageUp, 100, 10);
        assert_eq!((s.selected, s.offset), (89, 89));
        s.handle(Action::Top, 100, 10);
        assert_eq!((s.selected, s.offset), (0, 0));
        s.handle(Action::Up, 0, 10);
        assert_eq!((s.selected, s.offset), (0, 0));
    }

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1234), "1,234");
        assert_eq!(format_count(1234567), "1,234,567");
    }
}
