//! Entities in the reader: one style per label (a layer each, toggled by key), the legend on the
//! reader's bottom border, quotations (a subtle colour, a bar in the gutter, the speaker in the
//! status bar), and the entity panel listing the article's entities by label with mention counts,
//! where choosing one highlights its mentions for n/N.
//!
//! Label styles (each has a modifier as well as a colour, so they still differ under NO_COLOR;
//! dim is left to boilerplate and reverse to search matches):
//!
//! | label  | modifiers          | colour       |
//! |--------|--------------------|--------------|
//! | PERSON | bold               | light cyan   |
//! | ORG    | underlined         | light magenta|
//! | PLACE  | italic             | light green  |
//! | NORP   | bold + italic      | yellow       |
//! | DATE   | italic + underline | light blue   |
//! | NUMBER | bold + underline   | light red    |
//!
//! The colours are the dark theme's entity slots (16 named ANSI colours only), so a theme's
//! `[colors]` can take them over. Quotations take no modifier (an entity inside one keeps its
//! own look): bright white text, a dim `│` in the gutter on each line they cover, and
//! "quote — speaker" in the status bar.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::entities::Label;
use crate::tui::action::Action;
use crate::tui::analysis::{Analysed, ArticleEntities, Group};
use crate::tui::app::{App, JumpKind, Jumps, Message, PaneId};
use crate::tui::draw::{Screen, clean, empty_message, empty_paragraph, pane_block, truncate};
use crate::tui::keymap::Context;
use crate::tui::panes::reader::Layer;
use crate::tui::theme::Theme;
use crate::tui::wrap::{Wrapped, str_width};

/// Actions the status bar suggests while the entity panel has focus.
pub const HINTS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::ChooseEntity,
    Action::NextMatch,
    Action::TogglePerson,
    Action::ToggleAllLabels,
    Action::ToggleEntityPanel,
    Action::Help,
];

/// Gutter mark of a line inside a quotation.
pub const SIGN_QUOTE: &str = "│";

/// The entity pane's own styles: quotes and labels turned off. The labels' styles are the
/// theme's (`theme.entity`, whose colours a config file sets).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EntityStyles {
    pub quote: Style,
    pub quote_mark: Style,
    /// A label turned off, in the legend and the panel's headings.
    pub off: Style,
}

impl EntityStyles {
    pub fn new(theme: &Theme) -> EntityStyles {
        let m = Style::new();
        let c = |style, colored| theme.with_color(style, colored);
        EntityStyles {
            quote: c(m, m.fg(Color::White)),
            quote_mark: c(m.add_modifier(Modifier::DIM), m.fg(Color::Gray)),
            off: c(
                m.add_modifier(Modifier::DIM | Modifier::CROSSED_OUT),
                m.fg(Color::DarkGray),
            ),
        }
    }
}

/// The label's short name, as in the legend and the theme slots.
pub fn short(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Org => "org",
        Label::Place => "place",
        Label::Norp => "norp",
        Label::Date => "date",
        Label::Number => "number",
    }
}

/// The action that toggles `label`.
pub fn toggle_action(label: Label) -> Action {
    match label {
        Label::Person => Action::TogglePerson,
        Label::Org => Action::ToggleOrg,
        Label::Place => Action::TogglePlace,
        Label::Norp => Action::ToggleNorp,
        Label::Date => Action::ToggleDate,
        Label::Number => Action::ToggleNumber,
    }
}

fn toggled_label(action: Action) -> Option<Label> {
    Label::ALL.into_iter().find(|l| toggle_action(*l) == action)
}

/// Which labels are highlighted, and the panel.
#[derive(Debug, Clone)]
pub struct EntitiesState {
    /// Per label in `Label::ALL` order.
    pub on: [bool; 6],
    pub shown: bool,
    /// Index into the open article's groups.
    pub cursor: usize,
    /// First row (headings count) shown in the panel.
    pub offset: usize,
    /// The article the cursor belongs to.
    article: Option<String>,
}

impl Default for EntitiesState {
    fn default() -> EntitiesState {
        EntitiesState {
            on: [true; 6],
            shown: false,
            cursor: 0,
            offset: 0,
            article: None,
        }
    }
}

/// The open article's entities, once analysed.
pub fn current(app: &App) -> Option<&ArticleEntities> {
    let a = app.current_article()?;
    app.analyses.get(&a.id).map(|x| x.as_ref())
}

/// The reader layers of entity labels that are on, and quotes; lowest first.
pub fn layers(app: &App) -> Vec<Layer<'_>> {
    let Some(e) = current(app) else {
        return Vec::new();
    };
    let styles = EntityStyles::new(&app.theme);
    let mut out = vec![Layer {
        ranges: &e.layers().quotes,
        style: styles.quote,
    }];
    for l in Label::ALL {
        if app.entities.on[l.index()] {
            out.push(Layer {
                ranges: &e.layers().by_label[l.index()],
                style: app.theme.entity.label(l),
            });
        }
    }
    out
}

fn say(app: &mut App, text: impl Into<String>, error: bool) {
    app.message = Some(Message {
        text: text.into(),
        error,
    });
}

/// Applies an entity action in normal mode.
pub fn action(app: &mut App, action: Action) {
    match action {
        Action::ToggleEntityPanel => {
            let e = &mut app.entities;
            e.shown = !e.shown;
            if e.shown {
                app.focus = PaneId::Entities;
            } else if app.focus == PaneId::Entities {
                app.focus = PaneId::Reader;
            }
        }
        Action::ChooseEntity => choose(app),
        Action::ToggleAllLabels => {
            let any = app.entities.on.iter().any(|on| *on);
            app.entities.on = [!any; 6];
            let k = app
                .keymap
                .hint_key(app.context(), Action::ToggleAllLabels)
                .map(|k| format!(" ({k} to turn them {})", if any { "on" } else { "off" }))
                .unwrap_or_default();
            say(
                app,
                format!("Entity highlights {}{k}", if any { "off" } else { "on" }),
                false,
            );
        }
        a => {
            if let Some(l) = toggled_label(a) {
                let on = &mut app.entities.on[l.index()];
                *on = !*on;
                let state = if *on { "on" } else { "off" };
                say(app, format!("{}: highlights {state}", l.title()), false);
            }
        }
    }
}

/// Up/down in the panel.
pub fn list_action(app: &mut App, action: Action) {
    let n = current(app).map_or(0, |e| e.groups().len());
    let visible = panel_rows(app);
    let e = &mut app.entities;
    let page = visible.saturating_sub(1).max(1);
    e.cursor = match action {
        Action::Down => e.cursor + 1,
        Action::Up => e.cursor.saturating_sub(1),
        Action::PageDown => e.cursor + page,
        Action::PageUp => e.cursor.saturating_sub(page),
        Action::Top => 0,
        Action::Bottom => usize::MAX,
        _ => e.cursor,
    }
    .min(n.saturating_sub(1));
    scroll_to_cursor(app);
}

/// Rows of the panel's list: headings and entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Heading(Label, usize),
    Entity(usize),
}

fn rows(groups: &[Group]) -> Vec<Row> {
    let mut out = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        if i == 0 || groups[i - 1].label != g.label {
            let n = groups.iter().filter(|x| x.label == g.label).count();
            out.push(Row::Heading(g.label, n));
        }
        out.push(Row::Entity(i));
    }
    out
}

/// The first row drawn: the remembered offset, moved so the cursor is in view (the panel may
/// have shrunk since the cursor last moved).
fn shown_offset(app: &App, rows: &[Row], visible: usize) -> usize {
    let visible = visible.max(1);
    let mut offset = app.entities.offset.min(rows.len().saturating_sub(visible));
    if let Some(at) = rows.iter().position(|r| *r == Row::Entity(app.entities.cursor)) {
        if at < offset {
            offset = at;
        } else if at >= offset + visible {
            offset = at + 1 - visible;
        }
    }
    offset
}

/// Lines inside the panel's border.
fn panel_rows(app: &App) -> usize {
    app.geometry()
        .and_then(|g| g.entities)
        .map_or(1, |r| r.height.saturating_sub(2) as usize)
}

fn scroll_to_cursor(app: &mut App) {
    let visible = panel_rows(app).max(1);
    let Some(ents) = current(app) else { return };
    let rows = rows(ents.groups());
    let e = &app.entities;
    let mut at = rows.iter().position(|r| *r == Row::Entity(e.cursor)).unwrap_or(0);
    // Keep a label's heading in view with its first entity.
    if at > 0 && matches!(rows[at - 1], Row::Heading(..)) {
        at -= 1;
    }
    let cursor_row = rows.iter().position(|r| *r == Row::Entity(e.cursor)).unwrap_or(0);
    let mut offset = e.offset.min(rows.len().saturating_sub(visible));
    if at < offset {
        offset = at;
    } else if cursor_row >= offset + visible {
        offset = cursor_row + 1 - visible;
    }
    app.entities.offset = offset;
}

/// The mentions of an entity in the open article, as n/N follow them (hidden boilerplate left
/// out, as search does).
pub fn jumps_for(app: &App, label: Label, keys: &[String], name: &str) -> Jumps {
    let mut ranges = Vec::new();
    if let (Some(a), Some(e)) = (app.current_article(), current(app))
        && let Some(g) = e.find(label, keys)
    {
        let hide = !app.show_boilerplate;
        ranges = g
            .ranges
            .iter()
            .filter(|r| !(hide && a.is_boilerplate(r.start)))
            .cloned()
            .collect();
    }
    Jumps {
        kind: JumpKind::Entity {
            label,
            keys: keys.to_vec(),
            name: name.to_string(),
        },
        ranges,
        current: None,
    }
}

fn choose(app: &mut App) {
    let Some(g) = current(app)
        .and_then(|e| e.groups().get(app.entities.cursor))
        .cloned()
    else {
        return say(app, "No entity to choose", true);
    };
    let mut j = jumps_for(app, g.label, &g.keys, &g.name);
    let n = j.ranges.len();
    if n == 0 {
        app.jumps = Some(j);
        return say(
            app,
            format!("{}: every mention is in hidden boilerplate", g.name),
            true,
        );
    }
    j.current = Some(0);
    let first = j.ranges[0].start;
    app.jumps = Some(j);
    let h = app.geometry().map_or(1, |g| g.body.height as usize);
    app.reader.reveal(first, h);
    let k = app
        .keymap
        .hint_key(app.context(), Action::NextMatch)
        .map(|k| format!(" ({k} for the next)"))
        .unwrap_or_default();
    let s = if n == 1 { "" } else { "s" };
    say(app, format!("{}: {n} mention{s}{k}", clean(&g.name)), false);
}

/// Called at the end of every `App::update`: asks for the analyses the reader needs and keeps
/// the panel's cursor on the open article.
pub fn refresh(app: &mut App) {
    let current_id = app.current_article().map(|a| a.id.clone());
    app.analyses
        .want(&app.articles, current_id.as_deref(), app.loading.active);
    if app.entities.article != current_id {
        app.entities.article = current_id;
        app.entities.cursor = 0;
        app.entities.offset = 0;
    }
    let n = current(app).map_or(0, |e| e.groups().len());
    app.entities.cursor = app.entities.cursor.min(n.saturating_sub(1));
}

/// A finished analysis: keep it; if the open article's changed, an entity being followed is
/// found again in it.
pub fn apply(app: &mut App, done: Analysed) {
    let touches_current = app
        .current_article()
        .is_some_and(|a| done.results.iter().any(|(id, _)| *id == a.id));
    // A story-level result may order the panel differently: the cursor stays on its entity.
    let under_cursor = current(app)
        .and_then(|e| e.groups().get(app.entities.cursor))
        .map(|g| (g.label, g.keys.clone()));
    let failed = app.analyses.apply(done, &app.articles);
    if touches_current
        && let Some((label, keys)) = under_cursor
        && let Some(i) = current(app).and_then(|e| {
            e.groups()
                .iter()
                .position(|g| g.label == label && g.keys.iter().any(|k| keys.contains(k)))
        })
    {
        app.entities.cursor = i;
    }
    if !failed.is_empty() {
        let what = match &failed[..] {
            [one] => one.clone(),
            many => format!("{} articles", many.len()),
        };
        let why = format!("Could not find entities in {what} (the recogniser failed)");
        app.problems.push(why.clone());
        say(app, why, true);
    }
    if touches_current
        && let Some(Jumps {
            kind: JumpKind::Entity { label, keys, name },
            current,
            ranges,
        }) = &app.jumps
    {
        let at = current.and_then(|i| ranges.get(i)).map(|r| r.start);
        let mut j = jumps_for(app, *label, keys, name);
        j.current = at.and_then(|s| j.ranges.iter().position(|r| r.start == s));
        app.jumps = Some(j);
    }
}

/// The entity panel takes the lower part of the sidebar's column, so the reader keeps its width.
pub fn carve(app: &App, s: &mut Screen) {
    if !app.entities.shown {
        return;
    }
    let col = s.sidebar;
    let h = col.height;
    let panel_h = if h >= 14 {
        (h / 2).max(8).min(h - 6)
    } else {
        h.saturating_sub(3)
    };
    if panel_h < 3 {
        return;
    }
    s.sidebar = Rect {
        height: h - panel_h,
        ..col
    };
    s.entities = Some(Rect {
        y: col.y + h - panel_h,
        height: panel_h,
        ..col
    });
}

/// A click on row `y` of the panel at `area` moves the cursor there.
pub fn click(app: &mut App, area: Rect, y: u16) {
    let Some(e) = current(app) else { return };
    if y <= area.y || y + 1 >= area.bottom() {
        return;
    }
    let rows = rows(e.groups());
    let i = shown_offset(app, &rows, area.height.saturating_sub(2) as usize) + (y - area.y - 1) as usize;
    match rows.get(i) {
        Some(Row::Entity(g)) => app.entities.cursor = *g,
        Some(Row::Heading(..)) => {
            if let Some(Row::Entity(g)) = rows.get(i + 1) {
                app.entities.cursor = *g;
            }
        }
        None => {}
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let styles = EntityStyles::new(theme);
    let ents = current(app);
    let title = match ents {
        // Counted as the index counts: page furniture (boilerplate) left out, and the title
        // says so in the words that fit.
        Some(e) => {
            let n = e.groups().len();
            let room = (area.width as usize).saturating_sub(6);
            [
                format!("Entities ({n}) · furniture not counted"),
                format!("Entities ({n}) · no furniture"),
                format!("Entities ({n})"),
            ]
            .into_iter()
            .find(|t| str_width(t) <= room)
            .unwrap_or_else(|| format!("Entities ({n})"))
        }
        None => "Entities".to_string(),
    };
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 4 || inner.height == 0 {
        return;
    }
    let w = inner.width as usize;
    let Some(e) = ents else {
        let msg = match app.current_article() {
            None => "No article open",
            Some(a) if app.analyses.is_pending(&a.id) => "Finding entities…",
            Some(_) => "No entities: the recogniser failed on this article",
        };
        empty_paragraph(buf, inner, msg, theme);
        return;
    };
    if e.groups().is_empty() {
        empty_message(buf, inner, "No entities found", theme);
        return;
    }
    let chosen = match &app.jumps {
        Some(Jumps {
            kind: JumpKind::Entity { label, keys, .. },
            ..
        }) => e.find(*label, keys).map(|g| g.key.clone()).map(|k| (*label, k)),
        _ => None,
    };
    let rows = rows(e.groups());
    let visible = inner.height as usize;
    let offset = shown_offset(app, &rows, visible);
    for (dy, row) in rows.iter().skip(offset).take(visible).enumerate() {
        let y = inner.y + dy as u16;
        match *row {
            Row::Heading(l, n) => {
                let on = app.entities.on[l.index()];
                let key = app
                    .keymap
                    .hint_key(Context::Reader, toggle_action(l))
                    .map(|k| format!("{k} "))
                    .unwrap_or_default();
                let style = if on { theme.entity.label(l) } else { styles.off };
                let line = Line::from(vec![
                    Span::styled(key, theme.hint_key),
                    Span::styled(l.title(), style),
                    Span::styled(format!(" {n}"), theme.dim),
                    Span::styled(if on { "" } else { " (hidden)" }, theme.dim),
                ]);
                buf.set_line(inner.x, y, &line, inner.width);
            }
            Row::Entity(i) => {
                let g = &e.groups()[i];
                let selected = i == app.entities.cursor;
                let is_chosen = chosen.as_ref().is_some_and(|(l, k)| *l == g.label && *k == g.key);
                let count = g.ranges.len().to_string();
                let mark = format!(
                    "{}{} ",
                    if selected { "▶" } else { " " },
                    if is_chosen { "◆" } else { " " }
                );
                let room = w.saturating_sub(str_width(&mark) + count.len() + 1);
                let name = truncate(&clean(&g.name), room);
                // The other spellings merged in, dim, where there is room.
                let left = room.saturating_sub(str_width(&name));
                let also = if g.variants.is_empty() || left < 6 {
                    String::new()
                } else {
                    truncate(&format!(" ({})", clean(&g.variants.join(", "))), left)
                };
                let pad =
                    w.saturating_sub(str_width(&mark) + str_width(&name) + str_width(&also) + count.len());
                let row_style = match (selected, focused) {
                    (true, true) => theme.selected,
                    (true, false) => theme.selected_unfocused,
                    _ => Style::new(),
                };
                let name_style = if app.entities.on[g.label.index()] {
                    theme.entity.label(g.label)
                } else {
                    Style::new()
                };
                if selected {
                    buf.set_style(Rect::new(inner.x, y, inner.width, 1), row_style);
                }
                let line = Line::from(vec![
                    Span::raw(mark),
                    Span::styled(name, name_style),
                    Span::styled(also, if selected { row_style } else { theme.dim }),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, if selected { row_style } else { theme.dim }),
                ]);
                buf.set_line(inner.x, y, &line, inner.width);
            }
        }
    }
}

/// The legend for the reader's bottom border, fitted to `room` columns: each label's toggle key
/// and short name in its style (struck through and dim when off), and a quote sample.
pub fn legend(app: &App, room: usize) -> Option<Line<'static>> {
    current(app)?;
    let styles = EntityStyles::new(&app.theme);
    for (with_keys, with_quote) in [(true, true), (true, false), (false, false)] {
        let mut spans = vec![Span::raw(" ")];
        for l in Label::ALL {
            if with_keys && let Some(k) = app.keymap.hint_key(Context::Reader, toggle_action(l)) {
                spans.push(Span::styled(k.to_string(), app.theme.hint_key));
                spans.push(Span::raw(" "));
            }
            let style = if app.entities.on[l.index()] {
                app.theme.entity.label(l)
            } else {
                styles.off
            };
            spans.push(Span::styled(short(l), style));
            spans.push(Span::raw(" "));
        }
        if with_quote {
            spans.push(Span::styled(SIGN_QUOTE, styles.quote_mark));
            spans.push(Span::styled("“quote”", styles.quote));
            spans.push(Span::raw(" "));
        }
        // Drawn on the border: start from a reset style so the focused border's bold does not
        // make every label look like PERSON.
        for sp in &mut spans {
            sp.style = Style::reset().patch(sp.style);
        }
        let line = Line::from(spans);
        if line.width() <= room {
            return Some(line);
        }
    }
    None
}

/// Marks lines inside a quotation in the gutter (left of where note signs go, which win).
pub fn draw_gutter(buf: &mut Buffer, body: Rect, app: &App, wrapped: &Wrapped, scroll: usize, left: u16) {
    let gutter = crate::tui::panes::notes::GUTTER;
    if body.x < left + gutter {
        return;
    }
    let Some(e) = current(app) else { return };
    let style = EntityStyles::new(&app.theme).quote_mark;
    for row in 0..body.height as usize {
        let i = scroll + row;
        if i >= wrapped.len() {
            break;
        }
        let hit = wrapped.runs(i).iter().any(|run| {
            let k = e.layers().quotes.partition_point(|r| r.end <= run.start);
            e.layers().quotes.get(k).is_some_and(|r| r.start < run.end)
        });
        if hit {
            buf.set_string(body.x - gutter, body.y + row as u16, SIGN_QUOTE, style);
        }
    }
}

/// The quotation the reader is on: the selected passage's, else the current match's, else the
/// one at the top of the view.
fn reading_quote(app: &App) -> Option<(&ArticleEntities, &crate::entities::Quote)> {
    let e = current(app)?;
    let a = &e.analysis;
    let selected = app.notes.selection.as_ref().map(|p| p.range.start);
    let matched = app
        .jumps
        .as_ref()
        .and_then(|j| j.current.and_then(|i| j.ranges.get(i)))
        .map(|r| r.start);
    if let Some(pos) = selected.or(matched) {
        return a.quote_at(pos).map(|q| (e, q));
    }
    // The first screen line with text at the top of the view (a blank line between paragraphs
    // does not count): the quotation it is in or opens.
    let art = app.current_article()?;
    let g = app.geometry()?;
    let w = app.reader.wrapped(&app.wrap_key(g.body.width), art);
    let line = (app.reader.scroll..w.len())
        .take(3)
        .map(|i| w.runs(i))
        .find(|runs| runs.iter().any(|r| !r.is_empty()))?;
    let (top, end) = (line.first()?.start, line.last()?.end);
    a.quotes
        .iter()
        .find(|q| q.range.start < end && q.range.end > top)
        .map(|q| (e, q))
}

/// "quote — Putin" for the status bar when the reader is in a quotation.
pub fn status_badge(app: &App) -> Option<String> {
    let (_, q) = reading_quote(app)?;
    let text = &app.current_article()?.text;
    let who = q
        .speaker
        .clone()
        .and_then(|r: Range<usize>| text.get(r))
        .map(|s| truncate(&clean(s), 30));
    Some(match who {
        Some(s) => format!("quote — {s}"),
        None => "quote — speaker not given".to_string(),
    })
}
