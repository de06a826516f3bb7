//! The reader pane: a still header (title, source, path), the article wrapped at the reading
//! width, styles laid over the text by byte range, and the scroll position as a percentage.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::article::Article;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::draw::{clean, empty_message, pane_block, truncate};
use crate::tui::wrap::{self, Wrapped, str_width};

/// Actions the status bar suggests while the reader has focus.
pub const HINTS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::Search,
    Action::NextMatch,
    Action::ToggleBoilerplate,
    Action::FocusNext,
    Action::Help,
    Action::Quit,
];

/// Styles laid over the text, by byte ranges into it. Layers are applied in order, each patched
/// over the ones before: boilerplate, then (later) entity labels and quotes, then search matches.
/// `ranges` must be sorted by start and not overlap one another.
#[derive(Debug, Clone, Copy)]
pub struct Layer<'a> {
    pub ranges: &'a [Range<usize>],
    pub style: Style,
}

impl Layer<'_> {
    fn contains(&self, pos: usize) -> bool {
        let k = self.ranges.partition_point(|r| r.end <= pos);
        self.ranges.get(k).is_some_and(|r| r.start <= pos)
    }

    /// Pushes the edges of this layer's ranges that fall inside `run`.
    fn edges(&self, run: &Range<usize>, out: &mut Vec<usize>) {
        let first = self.ranges.partition_point(|r| r.end <= run.start);
        for r in self.ranges.get(first..).unwrap_or(&[]) {
            if r.start >= run.end {
                break;
            }
            out.extend([r.start.clamp(run.start, run.end), r.end.clamp(run.start, run.end)]);
        }
    }
}

/// What a wrapping was made for; when any part changes, the article is wrapped again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapKey {
    pub article_id: String,
    pub width: usize,
    pub hide_boilerplate: bool,
}

#[derive(Debug, Default)]
pub struct ReaderState {
    /// Index of the first text line shown.
    pub scroll: usize,
    /// The current article wrapped for the current width, kept between frames.
    view: Option<(WrapKey, Wrapped)>,
    /// Where each article was left (byte at the top), to come back to it there.
    positions: HashMap<String, usize>,
}

/// Header rows above the text: title, source and path, warnings if any, and a rule.
pub fn header_height(article: &Article) -> u16 {
    if article.warnings.is_empty() { 3 } else { 4 }
}

/// The reader's areas inside its border: header, and the text column (capped at the reading
/// width and centred in the space left).
pub fn areas(inner: Rect, article: Option<&Article>, reading_width: u16) -> (Rect, Rect) {
    let hh = article.map_or(0, header_height).min(inner.height);
    let header = Rect { height: hh, ..inner };
    let body = Rect {
        y: inner.y + hh,
        height: inner.height - hh,
        ..inner
    };
    // The gutter for note signs on the left (two columns), one column of air on the right.
    let gutter = crate::tui::panes::notes::GUTTER;
    let padded = body.width.saturating_sub(gutter + 1);
    let width = padded.min(reading_width.max(1));
    let x = body.x + ((body.width - width) / 2).max(gutter.min(body.width - width));
    (header, Rect { x, width, ..body })
}

impl ReaderState {
    /// The wrapping for `key`, from the cache when it matches, else made now (used by drawing when
    /// the screen size has not reached `update` yet).
    pub fn wrapped<'a>(&'a self, key: &WrapKey, article: &Article) -> Cow<'a, Wrapped> {
        match &self.view {
            Some((k, w)) if k == key => Cow::Borrowed(w),
            _ => Cow::Owned(wrap_article(article, key)),
        }
    }

    /// Makes sure the cache holds `key`, keeping the line at the top in view across a re-wrap
    /// and remembering where the previous article was left.
    pub fn sync(&mut self, key: WrapKey, article: &Article, height: usize) {
        let stale = self.view.as_ref().is_none_or(|(k, _)| *k != key);
        if stale {
            let anchor = match &self.view {
                Some((old, w)) if old.article_id == key.article_id => w.line(self.scroll).map(|l| l.byte),
                Some((old, w)) => {
                    if let Some(l) = w.line(self.scroll) {
                        self.positions.insert(old.article_id.clone(), l.byte);
                    }
                    self.positions.get(&key.article_id).copied()
                }
                None => self.positions.get(&key.article_id).copied(),
            };
            let w = wrap_article(article, &key);
            self.scroll = anchor.map_or(0, |b| w.line_of_byte(b));
            self.view = Some((key, w));
        }
        self.clamp(height);
    }

    /// Sets where an article is to be shown from (byte at the top) when it is next opened: a
    /// reading position restored from the last session.
    pub fn remember(&mut self, article_id: &str, byte: usize) {
        self.positions.insert(article_id.to_string(), byte);
    }

    /// Forgets the wrapping, e.g. when no article is open.
    pub fn clear(&mut self) {
        if let Some((k, w)) = self.view.take()
            && let Some(l) = w.line(self.scroll)
        {
            self.positions.insert(k.article_id, l.byte);
        }
        self.scroll = 0;
    }

    pub fn total_lines(&self) -> usize {
        self.view.as_ref().map_or(0, |(_, w)| w.len())
    }

    fn clamp(&mut self, height: usize) {
        self.scroll = self.scroll.min(self.total_lines().saturating_sub(height));
    }

    /// Moves the view for a movement action; returns false for actions the reader does not take.
    pub fn handle(&mut self, action: Action, height: usize) -> bool {
        let Some(scroll) = scrolled(self.scroll, action, height) else {
            return false;
        };
        self.scroll = scroll;
        self.clamp(height);
        true
    }

    pub fn scroll_by(&mut self, delta: isize, height: usize) {
        self.scroll = self.scroll.saturating_add_signed(delta);
        self.clamp(height);
    }

    /// Scrolls so that byte `pos` is in view, a third of the way down when it was not.
    pub fn reveal(&mut self, pos: usize, height: usize) {
        let Some((_, w)) = &self.view else { return };
        let line = w.line_of_byte(pos);
        if line < self.scroll || line >= self.scroll + height {
            self.scroll = line.saturating_sub(height / 3);
        }
        self.clamp(height);
    }

    /// The byte at the top of the view, where a forward search starts.
    pub fn top_byte(&self) -> usize {
        self.view
            .as_ref()
            .and_then(|(_, w)| w.line(self.scroll))
            .map_or(0, |l| l.byte)
    }
}

fn wrap_article(article: &Article, key: &WrapKey) -> Wrapped {
    let hidden: &[Range<usize>] = if key.hide_boilerplate {
        &article.boilerplate
    } else {
        &[]
    };
    wrap::wrap(&article.text, &article.paragraphs, hidden, key.width)
}

/// One screen line with every layer's style applied to its pieces.
pub fn styled_line<'t>(text: &'t str, runs: &[Range<usize>], layers: &[Layer<'_>]) -> Line<'t> {
    let mut spans = Vec::new();
    let mut edges = Vec::new();
    for (i, run) in runs.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        edges.clear();
        edges.extend([run.start, run.end]);
        for layer in layers {
            layer.edges(run, &mut edges);
        }
        edges.sort_unstable();
        edges.dedup();
        for pair in edges.windows(2) {
            let Some(piece) = text.get(pair[0]..pair[1]) else {
                continue;
            };
            let style = layers
                .iter()
                .filter(|l| l.contains(pair[0]))
                .fold(Style::new(), |s, l| s.patch(l.style));
            spans.push(Span::styled(piece, style));
        }
    }
    Line::from(spans)
}

/// Where a view `height` lines tall, scrolled to line `scroll`, moves for a movement action
/// (`None` for other actions); the caller clamps it to its text. A page keeps two lines of
/// context. The diff pane scrolls the same way.
pub fn scrolled(scroll: usize, action: Action, height: usize) -> Option<usize> {
    let page = height.saturating_sub(2).max(1);
    let half = (height / 2).max(1);
    Some(match action {
        Action::Down => scroll.saturating_add(1),
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll.saturating_add(page),
        Action::PageUp => scroll.saturating_sub(page),
        Action::HalfPageDown => scroll.saturating_add(half),
        Action::HalfPageUp => scroll.saturating_sub(half),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        _ => return None,
    })
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let article = app.current_article();
    let mut block = pane_block("Reader", focused, theme);
    let inner = block.inner(area);
    let Some(article) = article else {
        block.render(area, buf);
        let msg = if app.loading.active {
            "Loading…"
        } else {
            "No article open"
        };
        empty_message(buf, inner, msg, theme);
        return;
    };
    let (header, body) = areas(inner, Some(article), app.reading_width);
    let key = app.wrap_key(body.width);
    let wrapped = app.reader.wrapped(&key, article);
    let height = body.height as usize;
    let scroll = app.reader.scroll.min(wrapped.len().saturating_sub(height));
    // 0% at the top, 100% once the last line is in view (all of a short article is 100%).
    let max_scroll = wrapped.len().saturating_sub(height);
    let pct = (scroll * 100).checked_div(max_scroll).unwrap_or(100);
    block = block.title_bottom(Line::from(format!(" {pct}% ")).right_aligned());
    // The legend is centred between the notes count and the percentage without touching them;
    // when the count in full leaves it no room, the count is shortened to its signs and numbers.
    let legend_beside = |count: Option<&str>| {
        let sides = count.map_or(0, str_width).max(6) + 2;
        let room = (area.width as usize).saturating_sub(2 * sides + 2);
        crate::tui::panes::entities::legend(app, room)
    };
    let full = crate::tui::panes::notes::reader_count(app);
    let (count, legend) = match legend_beside(full.as_deref()) {
        Some(l) => (full, Some(l)),
        None => {
            let short = crate::tui::panes::notes::reader_count_short(app);
            match legend_beside(short.as_deref()) {
                Some(l) => (short, Some(l)),
                None => (full, None),
            }
        }
    };
    if let Some(legend) = legend {
        block = block.title_bottom(legend.centered());
    }
    if let Some(count) = count {
        block = block.title_bottom(Line::from(count).left_aligned());
    }
    block.render(area, buf);

    // The header stays put while the text scrolls.
    let hx = header.x + 1;
    let hw = header.width.saturating_sub(2) as usize;
    let title = article.title.as_deref().unwrap_or(article.file_name());
    let mut rows = vec![(truncate(&clean(title), hw), theme.heading)];
    // The outlet when one is known, then the path (never the file name as an outlet).
    let meta = match &article.source {
        Some(s) => format!("{s} · {}", article.path),
        None => article.path.clone(),
    };
    rows.push((truncate(&clean(&meta), hw), theme.dim));
    if !article.warnings.is_empty() {
        rows.push((
            truncate(&clean(&format!("⚠ {}", article.warnings.join("; "))), hw),
            theme.error,
        ));
    }
    rows.push(("─".repeat(header.width as usize), theme.border));
    for (i, (text, style)) in rows.into_iter().enumerate().take(header.height as usize) {
        let x = if text.starts_with('─') { header.x } else { hx };
        buf.set_stringn(x, header.y + i as u16, &text, header.width as usize, style);
    }

    let layers = app.reader_layers();
    for row in 0..height {
        let i = scroll + row;
        if i >= wrapped.len() {
            break;
        }
        let line = styled_line(&article.text, wrapped.runs(i), &layers);
        buf.set_line(body.x, body.y + row as u16, &line, body.width);
    }
    crate::tui::panes::entities::draw_gutter(buf, body, app, &wrapped, scroll, inner.x);
    crate::tui::panes::notes::draw_gutter(buf, body, app, &wrapped, scroll, inner.x);
}

#[cfg(test)]
// A list of one range is what these functions take; clippy suspects a misplaced `collect`.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn layers_split_a_run_and_stack() {
        let text = "Vladimir Putin said";
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let rev = Style::new().add_modifier(Modifier::REVERSED);
        let people = [0..14];
        let matches = [9..14];
        let line = styled_line(
            text,
            &[0..19],
            &[
                Layer {
                    ranges: &people,
                    style: bold,
                },
                Layer {
                    ranges: &matches,
                    style: rev,
                },
            ],
        );
        let got: Vec<(&str, Style)> = line.spans.iter().map(|s| (s.content.as_ref(), s.style)).collect();
        assert_eq!(
            got,
            vec![
                ("Vladimir ", bold),
                ("Putin", bold.patch(rev)),
                (" said", Style::new())
            ]
        );
    }
}
