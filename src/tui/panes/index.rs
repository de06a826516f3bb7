//! The entity index pane (`I`): every person, organisation, place and group named in the loaded
//! articles, with how many articles name it and how often, most mentioned first. Enter on an
//! entity lists the articles naming it; Enter on one of those opens it in the reader at the first
//! mention, every mention highlighted and followed by n/N (as the entity panel's choice is).
//!
//! The index (`entities::index`) is built from the cached analyses as a background [`Work`]
//! once every article has been analysed, never on the UI thread; it is built again when the
//! articles or their analyses change while the pane is open.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::article::Article;
use crate::entities::index::{EntityIndex, index};
use crate::entities::{Analysis, Label};
use crate::tui::action::Action;
use crate::tui::analysis::{ArticleEntities, mention_key};
use crate::tui::app::{App, JumpKind, Jumps, Message, Msg, PaneId};
use crate::tui::draw::{clean, pane_block, plural, truncate};
use crate::tui::panes::sidebar::format_count;
use crate::tui::work::Work;
use crate::tui::wrap::str_width;

pub const HINTS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::Open,
    Action::Filter,
    Action::ToggleIndex,
    Action::Help,
];

/// An index made on a background thread, with what it was made from.
#[derive(Debug)]
pub struct Built {
    /// The [`signature`] of the articles and analyses it was built from.
    pub sig: u64,
    /// Ids of the articles in the order the index's occurrences count them.
    pub ids: Vec<String>,
    pub index: EntityIndex,
}

/// One row of the pane: an entity, or one article naming it (under an expanded entity).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Entry(usize),
    /// Entry, then the occurrence within it.
    Article(usize, usize),
}

#[derive(Debug, Default)]
pub struct IndexState {
    pub open: bool,
    pub built: Option<Arc<Built>>,
    /// The signature a queued or running build is for.
    building: Option<u64>,
    /// Entities whose articles are listed, by label and name (kept across rebuilds).
    expanded: HashSet<(Label, String)>,
    /// Only entities whose name has this (case and accents ignored), as typed.
    pub filter: String,
    /// Index into [`rows`].
    pub cursor: usize,
    pub offset: usize,
    return_focus: Option<PaneId>,
    /// An article opened from the index: the first mention, to show once the reader has it.
    pending: Option<Pending>,
}

#[derive(Debug, Clone)]
struct Pending {
    start: usize,
    ranges: Vec<std::ops::Range<usize>>,
}

/// A cheap fingerprint of the articles (by id, in any order) and of the analyses the app holds
/// for them, so a change to either asks for a new index. `None` while an analysis is still
/// coming (or articles are loading): the index waits for all of them.
pub fn signature(app: &App) -> Option<u64> {
    if app.loading.active {
        return None;
    }
    let mut sum = app.articles.len() as u64;
    for a in &app.articles {
        if app.analyses.is_pending(&a.id) {
            return None;
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        a.id.hash(&mut h);
        app.analyses.get(&a.id).map(Arc::as_ptr).hash(&mut h);
        // A sum, so the order of the list (story grouping reorders it) does not matter.
        sum = sum.wrapping_add(h.finish());
    }
    Some(sum)
}

/// The build as a background job: the articles and analyses are shared with the app (as story
/// grouping shares them), not copied; an article whose analysis failed counts as naming nothing.
pub fn job(app: &App, sig: u64) -> Work {
    let articles: Vec<Arc<Article>> = app.articles.clone();
    let cached: Vec<Option<Arc<ArticleEntities>>> = articles
        .iter()
        .map(|a| app.analyses.get(&a.id).cloned())
        .collect();
    Work::new("entity index", move || {
        let none = Analysis::default();
        let analyses: Vec<&Analysis> = cached
            .iter()
            .map(|c| c.as_ref().map_or(&none, |e| &e.analysis))
            .collect();
        let index = index(&articles, &analyses);
        Msg::Indexed(Box::new(Built {
            sig,
            ids: articles.iter().map(|a| a.id.clone()).collect(),
            index,
        }))
    })
}

/// The rows shown: every entity, and the articles of expanded ones.
pub fn rows(app: &App) -> Vec<Row> {
    let Some(b) = &app.index.built else {
        return Vec::new();
    };
    let query = crate::collection::Query::new(&app.index.filter);
    let mut out = Vec::with_capacity(b.index.entries.len());
    for (i, e) in b.index.entries.iter().enumerate() {
        if let Some(q) = &query
            && e.names().all(|n| q.find_in(n).is_empty())
        {
            continue;
        }
        out.push(Row::Entry(i));
        if app.index.expanded.contains(&(e.label, e.name.clone())) {
            out.extend((0..e.articles.len()).map(|k| Row::Article(i, k)));
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

/// `I`: opens the pane (taking the screen, as the diff pane does), or closes it.
pub fn toggle(app: &mut App) {
    if app.index.open {
        return close(app);
    }
    if app.articles.is_empty() {
        return say(app, "No articles to index", true);
    }
    app.index.open = true;
    app.index.return_focus = Some(app.focus);
    app.focus = PaneId::Index;
}

fn close(app: &mut App) {
    app.index.open = false;
    let back = app.index.return_focus.take().unwrap_or(PaneId::Sidebar);
    app.focus = if back == PaneId::Index {
        PaneId::Sidebar
    } else {
        back
    };
}

/// Lines of the list inside the pane.
fn visible(app: &App) -> usize {
    super::diff::area(app)
        .map(|a| a.height.saturating_sub(3) as usize)
        .unwrap_or(1)
        .max(1)
}

/// The actions the pane takes while it has focus; false for the rest.
pub fn handle(app: &mut App, action: Action) -> bool {
    let n = rows(app).len();
    let page = visible(app).saturating_sub(1).max(1);
    let s = &mut app.index;
    match action {
        // Esc clears a filter first, then closes.
        Action::Cancel if !s.filter.is_empty() => set_filter(app, String::new()),
        Action::Cancel | Action::ToggleIndex => close(app),
        Action::Filter => {
            app.mode = crate::tui::app::Mode::Prompt(crate::tui::collection::Prompt {
                kind: crate::tui::collection::PromptKind::IndexFilter,
                input: s.filter.clone(),
            });
            app.message = None;
        }
        Action::Open => open(app),
        Action::Down => s.cursor += 1,
        Action::Up => s.cursor = s.cursor.saturating_sub(1),
        Action::PageDown | Action::HalfPageDown => s.cursor += page,
        Action::PageUp | Action::HalfPageUp => s.cursor = s.cursor.saturating_sub(page),
        Action::Top => s.cursor = 0,
        Action::Bottom => s.cursor = n.saturating_sub(1),
        _ => return false,
    }
    clamp(app);
    true
}

/// The filter as typed: the list shrinks to the entities whose name (or a variant) has it.
pub fn set_filter(app: &mut App, filter: String) {
    app.index.filter = filter;
    app.index.cursor = 0;
    app.index.offset = 0;
    clamp(app);
}

/// Keeps the cursor on a row and in view.
fn clamp(app: &mut App) {
    let n = rows(app).len();
    let v = visible(app);
    let s = &mut app.index;
    s.cursor = s.cursor.min(n.saturating_sub(1));
    if s.cursor < s.offset {
        s.offset = s.cursor;
    } else if s.cursor >= s.offset + v {
        s.offset = s.cursor + 1 - v;
    }
    s.offset = s.offset.min(n.saturating_sub(v));
}

/// The mouse wheel in the pane.
pub fn wheel(app: &mut App, down: bool) {
    handle(app, if down { Action::Down } else { Action::Up });
}

/// Enter: an entity folds or unfolds its articles; an article opens at the entity's first mention.
fn open(app: &mut App) {
    let Some(built) = app.index.built.clone() else {
        return say(app, "The index is still being built", false);
    };
    match rows(app).get(app.index.cursor).copied() {
        None => {}
        Some(Row::Entry(i)) => {
            let e = &built.index.entries[i];
            let key = (e.label, e.name.clone());
            if !app.index.expanded.remove(&key) {
                app.index.expanded.insert(key);
            }
        }
        Some(Row::Article(i, k)) => {
            let e = &built.index.entries[i];
            let occ = &e.articles[k];
            let Some(id) = built.ids.get(occ.article) else {
                return;
            };
            let Some(at) = app.articles.iter().position(|a| a.id == *id) else {
                return say(
                    app,
                    "That article changed since the index was built; the index is being rebuilt",
                    true,
                );
            };
            let text = &app.articles[at].text;
            let mut keys: Vec<String> = Vec::new();
            for r in &occ.mentions {
                if let Some(s) = text.get(r.clone()) {
                    let k = mention_key(e.label, s);
                    if !k.is_empty() && !keys.contains(&k) {
                        keys.push(k);
                    }
                }
            }
            let name = e.name.clone();
            let label = e.label;
            let n = occ.count();
            let title = app.articles[at].file_name().to_string();
            if !app.select_article(at) {
                return say(app, "That article is not in the list", true);
            }
            app.jumps = Some(Jumps {
                kind: JumpKind::Entity {
                    label,
                    keys,
                    name: name.clone(),
                },
                ranges: occ.mentions.clone(),
                current: Some(0),
            });
            app.index.pending = Some(Pending {
                start: occ.first().start,
                ranges: occ.mentions.clone(),
            });
            close(app);
            app.focus = PaneId::Reader;
            let k = app
                .keymap
                .hint_key(app.context(), Action::NextMatch)
                .map(|k| format!(" ({k} for the next)"))
                .unwrap_or_default();
            let s = if n == 1 { "" } else { "s" };
            say(
                app,
                format!("{}: {n} mention{s} in {}{k}", clean(&name), clean(&title)),
                false,
            );
        }
    }
}

/// Called at the end of every `App::update`: shows an article opened from the index at its
/// first mention, takes a finished index, and asks for a new one when the articles changed.
pub fn refresh(app: &mut App) {
    if let Some(p) = app.index.pending.take() {
        if let Some(j) = &mut app.jumps
            && matches!(j.kind, JumpKind::Entity { .. })
        {
            // The reader found the entity again by its keys; its own mentions are the fallback.
            if j.ranges.is_empty() {
                j.ranges = p.ranges;
            }
            j.current = Some(j.ranges.iter().position(|r| r.start == p.start).unwrap_or(0));
        }
        let h = app.reader_height();
        app.reader.reveal(p.start, h);
    }
    if !app.index.open {
        return;
    }
    let Some(sig) = signature(app) else { return };
    let current = app.index.built.as_ref().map(|b| b.sig);
    if current == Some(sig) || app.index.building == Some(sig) {
        return;
    }
    app.index.building = Some(sig);
    let w = job(app, sig);
    app.work.push(w);
}

/// A finished build: shown at once (a newer one is asked for by `refresh` if this is stale).
pub fn apply(app: &mut App, built: Built) {
    if app.index.building == Some(built.sig) {
        app.index.building = None;
    }
    app.index.built = Some(Arc::new(built));
    clamp(app);
}

fn article_line(a: &Article) -> String {
    let title = a.title.as_deref().unwrap_or(a.file_name());
    // The path first: versions of one story often share a title.
    match &a.source {
        Some(s) => format!("{} · {} · {}", clean(&a.path), clean(s), clean(title)),
        None => format!("{} · {}", clean(&a.path), clean(title)),
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, focused: bool) {
    let theme = &app.theme;
    let title = match &app.index.built {
        Some(b) => format!(
            "Entity index: {} in {}{}",
            match b.index.entries.len() {
                1 => "1 entity".to_string(),
                n => format!("{} entities", format_count(n)),
            },
            plural(b.ids.len(), "article"),
            if app.index.building.is_some() {
                " (updating…)"
            } else {
                ""
            }
        ),
        None => "Entity index".to_string(),
    };
    let rows = rows(app);
    let title = if app.index.filter.is_empty() {
        title
    } else {
        let shown = rows.iter().filter(|r| matches!(r, Row::Entry(_))).count();
        format!(
            "{title} · “{}”: {} shown",
            clean(&app.index.filter),
            format_count(shown)
        )
    };
    let block = pane_block(&title, focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.width < 10 || inner.height < 2 {
        return;
    }
    let w = inner.width as usize;
    let Some(b) = &app.index.built else {
        let analysed = app
            .articles
            .iter()
            .filter(|a| app.analyses.get(&a.id).is_some())
            .count();
        let msg = if app.loading.active {
            "Loading articles…".to_string()
        } else if analysed < app.articles.len() {
            format!(
                "Building the index… (entities found in {}/{} articles)",
                format_count(analysed),
                format_count(app.articles.len())
            )
        } else {
            "Building the index…".to_string()
        };
        buf.set_stringn(inner.x + 1, inner.y, msg, w - 1, theme.dim);
        return;
    };
    if b.index.entries.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "No names found in any article",
            w - 1,
            theme.dim,
        );
        return;
    }
    // Columns: marks, name, label, articles, mentions.
    let counts_w = 22;
    let label_w = 8;
    let name_w = w.saturating_sub(3 + label_w + counts_w).max(4);
    let head = format!(
        "   {:<name_w$}{:<label_w$}{:>10}{:>12}",
        "Entity", "Label", "Articles", "Mentions"
    );
    buf.set_stringn(inner.x, inner.y, &head, w, theme.heading);
    if rows.is_empty() {
        let msg = "No entity's name has that (Esc clears the filter)";
        buf.set_stringn(inner.x + 1, inner.y + 1, msg, w - 1, theme.dim);
        return;
    }
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    let v = list.height as usize;
    let offset = app.index.offset.min(rows.len().saturating_sub(v));
    for (dy, (ri, row)) in rows.iter().enumerate().skip(offset).take(v).enumerate() {
        let y = list.y + dy as u16;
        let selected = ri == app.index.cursor;
        let row_style = match (selected, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_unfocused,
            _ => Style::new(),
        };
        if selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), row_style);
        }
        let mark = if selected { "▶" } else { " " };
        let line = match *row {
            Row::Entry(i) => {
                let e = &b.index.entries[i];
                let open = app.index.expanded.contains(&(e.label, e.name.clone()));
                let fold = if open { "▾" } else { "▸" };
                let name = truncate(&clean(&e.name), name_w.saturating_sub(1));
                // The other spellings merged in, dim, in the room the name leaves.
                let room = name_w.saturating_sub(str_width(&name) + 1);
                let also = if e.variants.is_empty() || room < 6 {
                    String::new()
                } else {
                    truncate(&format!(" ({})", clean(&e.variants.join(", "))), room)
                };
                let pad = name_w.saturating_sub(str_width(&name) + str_width(&also));
                Line::from(vec![
                    Span::raw(format!("{mark}{fold} ")),
                    Span::styled(name, theme.entity.label(e.label)),
                    Span::styled(also, theme.dim),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(format!("{:<label_w$}", e.label.as_str()), theme.dim),
                    Span::raw(format!("{:>10}{:>12}", e.articles.len(), e.total)),
                ])
            }
            Row::Article(i, k) => {
                let occ = &b.index.entries[i].articles[k];
                let what = b
                    .ids
                    .get(occ.article)
                    .and_then(|id| app.articles.iter().find(|a| a.id == *id))
                    .map(|a| &**a)
                    .map_or_else(|| "(changed since)".to_string(), article_line);
                let count = format!("{:>12}", occ.count());
                let room = w.saturating_sub(5 + count.len());
                let text = truncate(&what, room);
                let pad = room.saturating_sub(str_width(&text));
                Line::from(vec![
                    Span::raw(format!("{mark}    ")),
                    Span::raw(text),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(count, theme.dim),
                ])
            }
        };
        let line = if selected {
            line.patch_style(row_style)
        } else {
            line
        };
        buf.set_line(list.x, y, &line, list.width);
    }
}
