//! The diff pane: the selected article (the base) against another version of its story, side by
//! side or inline, with a summary, next/previous change, and a coverage view of all versions.
//! Comparisons are made when first needed and cached per (base, other, boilerplate); their rows
//! are wrapped once per width, so scrolling and drawing never compare again.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::article::Article;
use crate::compare::{Comparison, Options, compare, compare_analysed};
use crate::tui::action::Action;
use crate::tui::app::{App, Message, PaneId};
use crate::tui::diffrows::{self, Cell, Layout, RowOp};
use crate::tui::draw::{self, clean, pane_block, truncate};
use crate::tui::panes::coverage::{self, CoverageView};
use crate::tui::panes::reader::{self, Layer, styled_line};
use crate::tui::stories;
use crate::tui::theme::Theme;

pub const HINTS: &[Action] = &[
    Action::NextChange,
    Action::NextVersion,
    Action::SwapVersions,
    Action::ToggleInline,
    Action::ToggleCoverage,
    Action::DiffBoilerplate,
    Action::ExportComparison,
    Action::Cancel,
    Action::Help,
];

/// Rows above the text: summary, names only in one version, column heads, a rule.
pub const HEADER: u16 = 4;

/// What a layout was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LayoutKey {
    a: String,
    b: String,
    boilerplate: bool,
    inline: bool,
    width: usize,
}

type CompareKey = (String, String, bool);

#[derive(Debug, Default)]
pub struct DiffState {
    pub open: bool,
    /// Paths of the base and the other version.
    pub base: String,
    pub other: String,
    pub inline: bool,
    pub coverage: bool,
    pub include_boilerplate: bool,
    /// First screen line shown, over the aligned rows (both sides scroll together).
    pub scroll: usize,
    /// The row next/previous change moved to.
    pub cursor: usize,
    pub coverage_scroll: usize,
    /// The first version column the coverage view shows (they scroll sideways).
    pub coverage_column: usize,
    /// The other version comes from the base's story (else from all articles).
    pub in_story: bool,
    /// Focus to go back to on closing.
    return_focus: Option<PaneId>,
    /// The article the reader showed when the pane opened, shown again on closing: swapping
    /// base and other is the pane's own business.
    reader_path: Option<String>,
    comparisons: HashMap<CompareKey, Arc<Comparison>>,
    layout: Option<(LayoutKey, Arc<Layout>)>,
    pub coverage_view: Option<CoverageView>,
    /// Comparisons made so far (each pair and setting once).
    pub computed: usize,
}

impl DiffState {
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_ref().map(|(_, l)| l.as_ref())
    }

    pub fn comparison(&self, a: &Article, b: &Article) -> Option<&Comparison> {
        self.comparisons
            .get(&(a.id.clone(), b.id.clone(), self.include_boilerplate))
            .map(Arc::as_ref)
    }
}

fn say(app: &mut App, text: impl Into<String>, error: bool) {
    app.message = Some(Message {
        text: text.into(),
        error,
    });
}

fn index_of(app: &App, path: &str) -> Option<usize> {
    app.articles.iter().position(|a| a.path == path)
}

/// The versions the other may be, for base `i`: the rest of its story, or every other article
/// when it is in none (and whether it was a story).
pub fn candidates(app: &App, i: usize) -> (Vec<usize>, bool) {
    match app.stories.story(i) {
        Some(s) => (s.members.iter().copied().filter(|&j| j != i).collect(), true),
        None => ((0..app.articles.len()).filter(|&j| j != i).collect(), false),
    }
}

/// The pane's area: the width of sidebar and reader together, for two readable columns.
pub fn area(app: &App) -> Option<Rect> {
    let s = draw::screen(Rect::new(0, 0, app.size.0, app.size.1))?;
    Some(Rect {
        width: s.reader.right() - s.sidebar.x,
        ..s.sidebar
    })
}

/// The text rows inside the pane.
pub fn body(app: &App) -> Option<Rect> {
    let inner = pane_block("", false, &app.theme).inner(area(app)?);
    let h = HEADER.min(inner.height);
    Some(Rect {
        y: inner.y + h,
        height: inner.height - h,
        ..inner
    })
}

/// Column widths: side by side, `[▶][sign] left │ [sign] right` and a cell of margin; inline, one column capped at
/// the reading width.
pub fn text_width(app: &App, inner_width: u16) -> usize {
    let w = inner_width as usize;
    if app.diff.inline {
        w.saturating_sub(3).min(app.reading_width as usize).max(1)
    } else {
        (w.saturating_sub(9) / 2).max(1)
    }
}

pub fn open(app: &mut App) {
    if app.diff.open {
        return close(app);
    }
    let Some(path) = app.current_article().map(|a| a.path.clone()) else {
        return say(app, "No article to compare", true);
    };
    if app.articles.len() < 2 {
        return say(app, "Only one article loaded: nothing to compare it with", true);
    }
    if !app.stories.ready && app.articles.len() <= stories::GROUP_IN_PLACE {
        let g = stories::group(&app.articles);
        app.apply_stories(g);
    }
    let Some(i) = index_of(app, &path) else { return };
    let (cands, in_story) = candidates(app, i);
    // The version last chosen for this base (this run or a remembered session) comes back, if
    // it is still loaded and still a candidate; else the story's original.
    let chosen = (app.diff.base == path)
        .then(|| index_of(app, &app.diff.other))
        .flatten()
        .filter(|o| cands.contains(o));
    let other = chosen.or_else(|| {
        app.stories
            .story(i)
            .map(|s| s.original)
            .filter(|&o| o != i)
            .or_else(|| cands.first().copied())
    });
    let Some(other) = other else { return };
    let d = &mut app.diff;
    d.open = true;
    d.reader_path = Some(path.clone());
    d.base = path;
    d.other = app.articles[other].path.clone();
    d.in_story = in_story;
    d.scroll = 0;
    d.cursor = 0;
    d.coverage_scroll = 0;
    d.coverage_column = 0;
    d.return_focus = Some(app.focus);
    app.focus = PaneId::Diff;
    let name = app.articles[other].file_name().to_string();
    let pos = cands.iter().position(|&j| j == other).map_or(1, |p| p + 1);
    if in_story {
        say(
            app,
            format!(
                "Compared with {name} (version {pos} of {} others in this story)",
                cands.len()
            ),
            false,
        );
    } else if app.stories.ready {
        say(
            app,
            "No other version of this story found: cycling through all articles instead",
            false,
        );
    } else {
        say(
            app,
            "Stories not grouped yet: cycling through all articles",
            false,
        );
    }
}

fn close(app: &mut App) {
    app.diff.open = false;
    app.focus = app.diff.return_focus.take().unwrap_or(PaneId::Sidebar);
    // The reader shows what it showed before, whichever way the versions were swapped.
    if let Some(path) = app.diff.reader_path.take()
        && let Some(i) = index_of(app, &path)
        && app.current_index() != Some(i)
    {
        app.select_article(i);
    }
}

fn cycle(app: &mut App, forward: bool) {
    let (Some(i), Some(o)) = (index_of(app, &app.diff.base), index_of(app, &app.diff.other)) else {
        return;
    };
    let (cands, in_story) = candidates(app, i);
    if cands.is_empty() {
        return;
    }
    let n = cands.len();
    let k = cands.iter().position(|&j| j == o).unwrap_or(0);
    let next = if forward { (k + 1) % n } else { (k + n - 1) % n };
    app.diff.other = app.articles[cands[next]].path.clone();
    app.diff.in_story = in_story;
    app.diff.scroll = 0;
    app.diff.cursor = 0;
    let name = app.articles[cands[next]].file_name().to_string();
    let whose = if in_story { "in this story" } else { "articles" };
    say(app, format!("Version {} of {n} {whose}: {name}", next + 1), false);
}

/// Takes the actions the diff pane knows while it has focus; false for the rest.
pub fn handle(app: &mut App, action: Action) -> bool {
    let height = body(app).map_or(1, |b| b.height as usize).max(1);
    match action {
        Action::Cancel | Action::OpenDiff => close(app),
        Action::NextVersion => cycle(app, true),
        Action::PrevVersion => cycle(app, false),
        Action::SwapVersions => {
            let d = &mut app.diff;
            std::mem::swap(&mut d.base, &mut d.other);
            d.scroll = 0;
            d.cursor = 0;
            d.coverage_scroll = 0;
            let msg = format!("Base is now {}", d.base.rsplit(['/', '\\']).next().unwrap_or(""));
            say(app, msg, false);
        }
        Action::ToggleInline => {
            app.diff.inline = !app.diff.inline;
            app.diff.coverage = false;
        }
        Action::ToggleCoverage => {
            app.diff.coverage = !app.diff.coverage;
            app.diff.coverage_scroll = 0;
            app.diff.coverage_column = 0;
        }
        Action::ScrollLeft | Action::ScrollRight => {
            let Some(v) = app.diff.coverage_view.as_ref().filter(|_| app.diff.coverage) else {
                let k = app
                    .keymap
                    .hint_key(crate::tui::keymap::Context::Diff, Action::ToggleCoverage)
                    .map(|k| format!(" ({k})"))
                    .unwrap_or_default();
                return {
                    say(app, format!("Columns scroll in the coverage view{k}"), false);
                    true
                };
            };
            let step = (v.columns / 2).max(1);
            let max = v.max_first_column();
            let c = app.diff.coverage_column.min(max);
            app.diff.coverage_column = if action == Action::ScrollRight {
                (c + step).min(max)
            } else {
                c.saturating_sub(step)
            };
        }
        Action::DiffBoilerplate => {
            app.diff.include_boilerplate = !app.diff.include_boilerplate;
            app.diff.scroll = 0;
            app.diff.cursor = 0;
            let what = if app.diff.include_boilerplate {
                "Boilerplate compared too"
            } else {
                "Boilerplate left out of the comparison"
            };
            say(app, what, false);
        }
        Action::NextChange | Action::PrevChange => change(app, action == Action::NextChange, height),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::HalfPageUp
        | Action::HalfPageDown
        | Action::Top
        | Action::Bottom => {
            let scroll = if app.diff.coverage {
                &mut app.diff.coverage_scroll
            } else {
                &mut app.diff.scroll
            };
            *scroll = reader::scrolled(*scroll, action, height).unwrap_or(*scroll);
            if !app.diff.coverage {
                let up = matches!(
                    action,
                    Action::Up | Action::PageUp | Action::HalfPageUp | Action::Top
                );
                follow_view(app, height, !up || action == Action::Bottom);
            }
        }
        _ => return false,
    }
    true
}

pub fn scroll_by(app: &mut App, delta: isize) {
    let s = if app.diff.coverage {
        &mut app.diff.coverage_scroll
    } else {
        &mut app.diff.scroll
    };
    *s = s.saturating_add_signed(delta);
    if !app.diff.coverage {
        let height = body(app).map_or(1, |b| b.height as usize).max(1);
        follow_view(app, height, delta > 0);
    }
}

/// The screen lines of row `i`'s text: from its first line (after any gap) to the next row.
fn row_span(layout: &Layout, i: usize) -> std::ops::Range<usize> {
    let start = layout.row_line(i);
    let end = layout
        .row_line(i + 1)
        .saturating_sub(layout.rows.get(i + 1).map_or(0, |r| usize::from(r.gap)));
    let end = if i + 1 >= layout.rows.len() {
        layout.total_lines()
    } else {
        end
    };
    start..end.max(start + 1)
}

/// The rows with a line in view at `scroll`, `height` lines tall.
fn rows_in_view(layout: &Layout, scroll: usize, height: usize) -> std::ops::RangeInclusive<usize> {
    let last = layout.rows.len().saturating_sub(1);
    let top = layout.row_at(scroll).map_or(last, |(i, _)| i);
    let bottom = layout.row_at(scroll + height.max(1) - 1).map_or(last, |(i, _)| i);
    top..=bottom
}

/// After scrolling, the change the counter names follows the view: the cursor stays while its
/// row is in view, else goes to the first change in view (the last when going down, as after
/// `G`); with no change in view it stays, and the counter gives the count alone.
fn follow_view(app: &mut App, height: usize, down: bool) {
    let Some(layout) = app.diff.layout() else { return };
    if layout.rows.is_empty() {
        return;
    }
    let max = layout.total_lines().saturating_sub(height);
    let scroll = app.diff.scroll.min(max);
    let view = rows_in_view(layout, scroll, height);
    if view.contains(&app.diff.cursor) && layout.rows[app.diff.cursor].op.is_change() {
        return;
    }
    let mut changes = view.filter(|&i| layout.rows[i].op.is_change());
    let found = if down { changes.next_back() } else { changes.next() };
    if let Some(i) = found {
        app.diff.cursor = i;
    }
}

/// n/N: the next or previous row that is not `same`, from the cursor when it is in view, else
/// from the top of the view.
fn change(app: &mut App, forward: bool, height: usize) {
    if app.diff.coverage {
        return say(app, "Changes are followed in the diff (c leaves coverage)", false);
    }
    let Some(layout) = app.diff.layout() else { return };
    let rows = &layout.rows;
    if rows.is_empty() {
        return;
    }
    let d = &app.diff;
    let top = layout.row_at(d.scroll).map_or(0, |(i, _)| i);
    let bottom = layout
        .row_at(d.scroll + height - 1)
        .map_or(rows.len() - 1, |(i, _)| i);
    let in_view = (top..=bottom).contains(&d.cursor);
    let found = if forward {
        let from = if in_view { d.cursor + 1 } else { top };
        (from..rows.len()).find(|&i| rows[i].op.is_change())
    } else {
        let to = if in_view { d.cursor } else { bottom + 1 };
        (0..to.min(rows.len())).rev().find(|&i| rows[i].op.is_change())
    };
    let total = rows.iter().filter(|r| r.op.is_change()).count();
    match found {
        Some(i) => {
            let span = row_span(layout, i);
            let d = &mut app.diff;
            d.cursor = i;
            // The whole change in view, a third of the way down when it moves; one taller than
            // the view shows its start.
            if span.start < d.scroll || span.end > d.scroll + height {
                let mut s = span.start.saturating_sub(height / 3);
                if span.end > s + height {
                    s = if span.len() <= height {
                        span.end - height
                    } else {
                        span.start
                    };
                }
                d.scroll = s;
            }
            app.message = None;
        }
        None if total == 0 => say(app, "No changes: the two versions are the same", false),
        None if forward => say(app, "No more changes below", false),
        None => say(app, "No more changes above", false),
    }
}

/// Makes what the pane shows: the comparison (once per pair and setting), the rows at the
/// current width, the coverage when shown; keeps scroll and cursor in range.
pub fn sync(app: &mut App) {
    if !app.diff.open {
        return;
    }
    let (Some(i), Some(o)) = (index_of(app, &app.diff.base), index_of(app, &app.diff.other)) else {
        app.diff.open = false;
        app.focus = PaneId::Sidebar;
        return;
    };
    let Some(body) = body(app) else { return };
    let height = body.height as usize;
    let width = text_width(app, body.width);
    let (a, b) = (&app.articles[i], &app.articles[o]);
    let d = &mut app.diff;
    let ckey = (a.id.clone(), b.id.clone(), d.include_boilerplate);
    if !d.comparisons.contains_key(&ckey) {
        let opts = Options {
            include_boilerplate: d.include_boilerplate,
            ..Options::default()
        };
        // The reader's cached analyses spare running the recogniser again for the names and
        // quotes the comparison reports; without them (not analysed yet) compare runs it.
        let c = match (app.analyses.get(&a.id), app.analyses.get(&b.id)) {
            (Some(x), Some(y)) => compare_analysed(a, b, &x.analysis, &y.analysis, &opts),
            _ => compare(a, b, &opts),
        };
        d.comparisons.insert(ckey.clone(), Arc::new(c));
        d.computed += 1;
    }
    let lkey = LayoutKey {
        a: a.path.clone(),
        b: b.path.clone(),
        boilerplate: d.include_boilerplate,
        inline: d.inline,
        width,
    };
    if d.layout.as_ref().is_none_or(|(k, _)| *k != lkey)
        && let Some(c) = d.comparisons.get(&ckey)
    {
        d.layout = Some((lkey, Arc::new(diffrows::layout(a, b, c, d.inline, width))));
    }
    if let Some((_, l)) = &d.layout {
        d.scroll = d.scroll.min(l.total_lines().saturating_sub(height));
        d.cursor = d.cursor.min(l.rows.len().saturating_sub(1));
    }
    if app.diff.coverage {
        // The coverage view has as many header rows as the diff, so the same body height.
        coverage::sync(app, i, body.width);
        if let Some(v) = &app.diff.coverage_view {
            app.diff.coverage_column = app.diff.coverage_column.min(v.max_first_column());
            app.diff.coverage_scroll = app
                .diff
                .coverage_scroll
                .min(v.total_lines().saturating_sub(height));
        }
    }
}

/// "44%".
fn pct(x: f64) -> String {
    format!("{:.0}%", (x * 100.0).clamp(0.0, 100.0))
}

fn names(text: &str, ranges: &[std::ops::Range<usize>]) -> String {
    let mut seen: Vec<String> = Vec::new();
    for r in ranges {
        if let Some(s) = text.get(r.clone()) {
            let s = clean(s);
            if !seen.contains(&s) {
                seen.push(s);
            }
        }
    }
    if seen.is_empty() {
        "none".into()
    } else {
        seen.join(", ")
    }
}

/// The summary line: relation, shares both ways, counts per op with their signs.
pub fn summary_line(c: &Comparison) -> String {
    let s = &c.summary;
    let n = &s.counts;
    format!(
        "{} · {} of base in other · {} of other in base │ {} same · ~{} edited · ↕{} moved · +{} added · −{} removed",
        s.relation.name(),
        pct(s.shared_a),
        pct(s.shared_b),
        n.same,
        n.edited,
        n.moved,
        n.added,
        n.removed
    )
}

fn row_style(op: RowOp, theme: &Theme) -> Style {
    match op {
        RowOp::Same => Style::new(),
        RowOp::Edited => theme.diff.edited,
        RowOp::Removed => theme.diff.removed,
        RowOp::Added => theme.diff.added,
        RowOp::MovedOut | RowOp::MovedIn => theme.diff.moved,
    }
}

/// Draws line `k` of a cell at (x, y), `w` wide, with the row's style under its marks.
fn draw_cell_line(buf: &mut Buffer, at: (u16, u16, u16), cell: &Cell, k: usize, base: Style, theme: &Theme) {
    let (x, y, w) = at;
    let whole = 0..cell.text.len();
    let layers = [
        Layer {
            ranges: std::slice::from_ref(&whole),
            style: base,
        },
        Layer {
            ranges: &cell.notes,
            style: theme.diff.note,
        },
        Layer {
            ranges: &cell.deleted,
            style: theme.diff.deleted_word,
        },
        Layer {
            ranges: &cell.inserted,
            style: theme.diff.inserted_word,
        },
    ];
    if k < cell.wrapped.len() {
        let line = styled_line(&cell.text, cell.wrapped.runs(k), &layers);
        buf.set_line(x, y, &line, w);
    }
}

fn label(a: &Article) -> String {
    let stem = a.file_name();
    match a.source.as_deref() {
        Some(s) if !s.is_empty() && !stem.contains(s) => clean(&format!("{stem} · {s}")),
        _ => clean(stem),
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let d = &app.diff;
    let (Some(i), Some(o)) = (index_of(app, &d.base), index_of(app, &d.other)) else {
        pane_block("Compare", focused, theme).render(area, buf);
        return;
    };
    let (a, b) = (&app.articles[i], &app.articles[o]);
    let mode = if d.coverage {
        "coverage"
    } else if d.inline {
        "inline"
    } else {
        "side by side"
    };
    let bp = if d.include_boilerplate {
        " · boilerplate included"
    } else {
        ""
    };
    let mut block = pane_block(&format!("Compare · {mode}{bp}"), focused, theme);
    let inner = block.inner(area);
    if d.coverage {
        block.render(area, buf);
        coverage::draw(buf, inner, app, i);
        return;
    }
    let Some(c) = d.comparison(a, b) else {
        block.render(area, buf);
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "Comparing…",
            inner.width as usize,
            theme.dim,
        );
        return;
    };
    let width = text_width(app, inner.width);
    let layout = match &d.layout {
        Some((k, l)) if k.width == width && k.inline == d.inline && k.a == a.path && k.b == b.path => {
            std::borrow::Cow::Borrowed(l.as_ref())
        }
        _ => std::borrow::Cow::Owned(diffrows::layout(a, b, c, d.inline, width)),
    };
    let hh = HEADER.min(inner.height);
    let body_h = inner.height - hh;
    let height = body_h as usize;
    let scroll = d.scroll.min(layout.total_lines().saturating_sub(height));
    let changes: Vec<usize> = (0..layout.rows.len())
        .filter(|&r| layout.rows[r].op.is_change())
        .collect();
    // The cursor's change while it is in view; else the count alone.
    let at = changes
        .iter()
        .position(|&r| r == d.cursor)
        .filter(|_| rows_in_view(&layout, scroll, height).contains(&d.cursor));
    let max_scroll = layout.total_lines().saturating_sub(height);
    let pos = (scroll * 100).checked_div(max_scroll).unwrap_or(100);
    let where_ = match at {
        Some(k) => format!(" change {}/{} · {pos}% ", k + 1, changes.len()),
        None => format!(" {} changes · {pos}% ", changes.len()),
    };
    block = block.title_bottom(Line::from(where_).right_aligned());
    block.render(area, buf);

    let w = inner.width as usize;
    let x = inner.x;
    let head = [
        (summary_line(c), theme.heading),
        (
            format!(
                "Only in base: {} · only in other: {}",
                names(&a.text, &c.names_only_a),
                names(&b.text, &c.names_only_b)
            ),
            theme.dim,
        ),
    ];
    for (k, (t, st)) in head.iter().enumerate().take(hh as usize) {
        buf.set_stringn(
            x + 1,
            inner.y + k as u16,
            truncate(t, w.saturating_sub(1)),
            w,
            *st,
        );
    }
    let cw = width as u16;
    // [▶][sign][ ] left [ ][│][ ] [sign][ ] right
    let right_x = x + 3 + cw + 5;
    if hh >= 3 {
        let y = inner.y + 2;
        if d.inline {
            let t = format!("{}  →  {}", label(a), label(b));
            buf.set_stringn(
                x + 3,
                y,
                truncate(&t, w.saturating_sub(3)),
                w,
                theme.title_focused,
            );
        } else {
            buf.set_stringn(
                x + 3,
                y,
                truncate(&format!("− {}", label(a)), cw as usize),
                w,
                theme.title_focused,
            );
            let rw = (inner.right().saturating_sub(right_x)) as usize;
            buf.set_stringn(
                right_x,
                y,
                truncate(&format!("+ {}", label(b)), rw),
                rw,
                theme.title_focused,
            );
        }
    }
    if hh >= 4 {
        let y = inner.y + 3;
        buf.set_stringn(x, y, "─".repeat(w), w, theme.border);
        if !d.inline && x + 3 + cw + 1 < inner.right() {
            buf.set_stringn(x + 3 + cw + 1, y, "┬", 1, theme.border);
        }
    }
    let body_y = inner.y + hh;
    for row in 0..height {
        let y = body_y + row as u16;
        if !d.inline && x + 3 + cw + 1 < inner.right() {
            buf.set_stringn(x + 3 + cw + 1, y, "│", 1, theme.border);
        }
        let Some((ri, k)) = layout.row_at(scroll + row) else {
            continue;
        };
        let r = &layout.rows[ri];
        if r.gap && k == 0 {
            continue;
        }
        let k = k - usize::from(r.gap);
        let style = row_style(r.op, theme);
        if k == 0 {
            if ri == d.cursor {
                buf.set_stringn(x, y, "▶", 1, theme.hint_key);
            }
            let (ls, rs) = match r.op {
                RowOp::Added => (" ", "+"),
                RowOp::Removed => ("−", " "),
                op => (op.sign(), op.sign()),
            };
            buf.set_stringn(x + 1, y, ls, 1, style);
            if !d.inline {
                buf.set_stringn(right_x.saturating_sub(2), y, rs, 1, style);
            } else if r.op == RowOp::Added {
                buf.set_stringn(x + 1, y, "+", 1, style);
            }
        }
        if let Some(cell) = &r.left {
            draw_cell_line(buf, (x + 3, y, cw), cell, k, style, theme);
        }
        if !d.inline
            && let Some(cell) = &r.right
        {
            let rw = inner.right().saturating_sub(right_x);
            draw_cell_line(buf, (right_x, y, rw), cell, k, style, theme);
        }
    }
}

/// Rows shown, for tests: the op of each row and the text of its cells.
pub fn row_texts(app: &App) -> Vec<(RowOp, String, String)> {
    app.diff
        .layout()
        .map(|l| {
            l.rows
                .iter()
                .map(|r| {
                    let t = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                    (r.op, t(&r.left), t(&r.right))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The base and the other version, when the diff is open on two loaded articles.
pub fn current_pair(app: &App) -> Option<(&Article, &Article)> {
    let i = index_of(app, &app.diff.base)?;
    let o = index_of(app, &app.diff.other)?;
    Some((&app.articles[i], &app.articles[o]))
}

/// Wheel scrolling over the pane.
pub fn wheel(app: &mut App, down: bool) {
    scroll_by(app, if down { 3 } else { -3 });
}

impl App {
    /// The other versions the coverage view shows for base `i`: all of its story, or (outside
    /// any story) the first few other articles.
    pub fn coverage_versions(&self, i: usize) -> Vec<usize> {
        let (mut v, in_story) = candidates(self, i);
        // Every version of a story, however many (the columns scroll); outside any story the
        // other articles are no versions of it, so only a few.
        if !in_story {
            v.truncate(8);
        }
        v
    }
}
