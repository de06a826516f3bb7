//! The coverage view of the diff pane, after Juxta's heat map: for each sentence of the base,
//! one column per other version of the story (✓ same, ~ edited, ↕ moved, · not carried) and a
//! heat figure (how many carry it). Made when first shown, then cached per base, versions,
//! boilerplate setting and width.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::compare::{Coverage, Options, SegOp, coverage};
use crate::tui::app::App;
use crate::tui::draw::{clean, truncate};
use crate::tui::panes::reader::{Layer, styled_line};
use crate::tui::wrap::{self, Wrapped};

/// At most this many version columns (labelled A–Z).
pub const MAX_COLUMNS: usize = 26;
/// Rows above the sentences: summary, legend of versions, legend of marks, rule.
const HEADER: u16 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    base: String,
    others: Vec<String>,
    boilerplate: bool,
    width: usize,
}

#[derive(Debug, Clone)]
pub struct CoverageView {
    key: Key,
    pub coverage: Arc<Coverage>,
    /// Paths of the versions, one per column.
    pub others: Vec<String>,
    /// Each base sentence wrapped to the text column, and where each starts on screen.
    wrapped: Vec<Wrapped>,
    starts: Vec<usize>,
    total: usize,
}

impl CoverageView {
    /// Screen lines of all the base's sentences.
    pub fn total_lines(&self) -> usize {
        self.total
    }
}

/// Columns before the text: heat "4/4", a space, two cells per version.
fn text_x(n: usize) -> usize {
    6 + 2 * n
}

pub fn sync(app: &mut App, base: usize, inner_width: u16) {
    let others = app.coverage_versions(base);
    let a = &app.articles[base];
    let key = Key {
        base: a.id.clone(),
        others: others.iter().map(|&j| app.articles[j].id.clone()).collect(),
        boilerplate: app.diff.include_boilerplate,
        width: (inner_width as usize).saturating_sub(text_x(others.len())).max(1),
    };
    let d = &mut app.diff;
    let reuse = d
        .coverage_view
        .as_ref()
        .filter(|v| {
            v.key.base == key.base && v.key.others == key.others && v.key.boilerplate == key.boilerplate
        })
        .map(|v| v.coverage.clone());
    if d.coverage_view.as_ref().is_some_and(|v| v.key == key) {
        return;
    }
    let cov = reuse.unwrap_or_else(|| {
        let refs: Vec<&crate::article::Article> = others.iter().map(|&j| &*app.articles[j]).collect();
        let opts = Options {
            include_boilerplate: d.include_boilerplate,
            ..Options::default()
        };
        Arc::new(coverage(a, &refs, &opts))
    });
    let wrapped: Vec<Wrapped> = cov
        .units
        .iter()
        .map(|u| wrap::wrap(&a.text, std::slice::from_ref(&u.range), &[], key.width))
        .collect();
    let mut starts = Vec::with_capacity(wrapped.len());
    let mut total = 0;
    for w in &wrapped {
        starts.push(total);
        total += w.len().max(1);
    }
    d.coverage_view = Some(CoverageView {
        key,
        coverage: cov,
        others: others.iter().map(|&j| app.articles[j].path.clone()).collect(),
        wrapped,
        starts,
        total,
    });
}

fn letter(k: usize) -> char {
    (b'A' + (k % 26) as u8) as char
}

pub fn draw(buf: &mut Buffer, inner: Rect, app: &App, base: usize) {
    let theme = &app.theme;
    let Some(v) = &app.diff.coverage_view else {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "Working out coverage…",
            inner.width as usize,
            theme.dim,
        );
        return;
    };
    let a = &app.articles[base];
    let w = inner.width as usize;
    let n = v.others.len();
    let heat = v.coverage.heat();
    let all = heat.iter().filter(|&&h| h == n && n > 0).count();
    let none = heat.iter().filter(|&&h| h == 0).count();
    let name = |p: &str| p.rsplit(['/', '\\']).next().unwrap_or(p).to_string();
    let summary = format!(
        "Coverage of {}: {} sentences · in all {n} other versions: {all} · in none: {none}",
        clean(a.file_name()),
        heat.len()
    );
    // Each version's name gets an equal share of the line.
    let share = (w.saturating_sub(1) / n.max(1)).saturating_sub(4).max(4);
    let legend: Vec<String> = v
        .others
        .iter()
        .enumerate()
        .map(|(k, p)| format!("{} {}", letter(k), truncate(&clean(&name(p)), share)))
        .collect();
    let head = [
        (summary, theme.heading),
        (legend.join("  "), theme.dim),
        (
            "✓ same  ~ edited  ↕ moved  · not carried   heat: versions carrying the sentence".to_string(),
            theme.dim,
        ),
    ];
    let hh = HEADER.min(inner.height);
    for (k, (t, st)) in head.iter().enumerate().take(hh as usize) {
        buf.set_stringn(
            inner.x + 1,
            inner.y + k as u16,
            truncate(t, w.saturating_sub(1)),
            w,
            *st,
        );
    }
    if hh >= 4 {
        let cols: String = (0..n).map(|k| format!("{} ", letter(k))).collect();
        buf.set_stringn(inner.x, inner.y + 3, "─".repeat(w), w, theme.border);
        buf.set_stringn(inner.x, inner.y + 3, format!("heat  {cols}"), w, theme.heading);
    }
    let height = inner.height.saturating_sub(hh) as usize;
    let scroll = app.diff.coverage_scroll.min(v.total.saturating_sub(height));
    let tx = inner.x + text_x(n) as u16;
    let tw = inner.right().saturating_sub(tx);
    for row in 0..height {
        let line = scroll + row;
        if line >= v.total {
            break;
        }
        let s = v.starts.partition_point(|&st| st <= line).saturating_sub(1);
        let k = line - v.starts[s];
        let y = inner.y + hh + row as u16;
        let h = heat.get(s).copied().unwrap_or(0);
        let base_style = if h == 0 {
            theme.diff.removed
        } else if h == n {
            theme.heading
        } else {
            ratatui::style::Style::new()
        };
        if k == 0 {
            buf.set_stringn(inner.x, y, format!("{h:>2}/{n:<2}"), 5, base_style);
            for (c, carried) in v.coverage.carried[s].iter().enumerate() {
                let (mark, st) = match carried.as_ref().map(|c| c.op) {
                    Some(SegOp::Same) => ("✓", theme.heading),
                    Some(SegOp::Edited) => ("~", theme.diff.edited),
                    Some(SegOp::Moved) => ("↕", theme.diff.moved),
                    Some(_) => ("?", theme.dim),
                    None => ("·", theme.dim),
                };
                buf.set_stringn(inner.x + 6 + 2 * c as u16, y, mark, 1, st);
            }
        }
        let unit = &v.coverage.units[s];
        let range = [unit.range.clone()];
        let layers = [Layer {
            ranges: &range,
            style: base_style,
        }];
        if k < v.wrapped[s].len() {
            let l = styled_line(&a.text, v.wrapped[s].runs(k), &layers);
            buf.set_line(tx, y, &l, tw);
        }
    }
}
