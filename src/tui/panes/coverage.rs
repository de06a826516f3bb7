//! The coverage view of the diff pane, after Juxta's heat map: for each sentence of the base,
//! one column per other version of the story (✓ same, ~ edited, ↕ moved, · not carried) and a
//! heat figure (how many carry it). Made when first shown, then cached per base, versions,
//! boilerplate setting and width. A story of any size gets a column per version: labels grow
//! from A–Z to AA–ZZ (and on), and the columns scroll sideways (`h`/`l`, `←`/`→`) when they do
//! not all fit beside a readable text column; counts are always over every version.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::compare::{Coverage, Options, SegOp, coverage};
use crate::tui::app::App;
use crate::tui::draw::{clean, truncate};
use crate::tui::panes::reader::{Layer, styled_line};
use crate::tui::wrap::{self, Wrapped};

/// The text column keeps at least this share of the width (in fifths) beside the version
/// columns; the rest of the columns scroll.
const TEXT_FIFTHS: usize = 2;
/// Rows above the sentences: summary, legend of versions, legend of marks, rule.
const HEADER: u16 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    base: String,
    others: Vec<String>,
    boilerplate: bool,
    width: usize,
    columns: usize,
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
    /// Version columns shown at once (all of them when they fit).
    pub columns: usize,
}

impl CoverageView {
    /// Screen lines of all the base's sentences.
    pub fn total_lines(&self) -> usize {
        self.total
    }

    /// The first column shown may be at most this.
    pub fn max_first_column(&self) -> usize {
        self.others.len().saturating_sub(self.columns)
    }
}

/// Letters in a column label for `n` versions: 1 up to 26, 2 up to 26², and so on.
fn label_len(n: usize) -> usize {
    let mut len = 1;
    let mut cap = 26usize;
    while n > cap && len < 6 {
        len += 1;
        cap = cap.saturating_mul(26);
    }
    len
}

/// Column `k`'s label among `n`: "A".."Z" for up to 26 versions, else "AA", "AB", … all of
/// one width.
pub fn label(k: usize, n: usize) -> String {
    let len = label_len(n);
    let mut out = vec![b'A'; len];
    let mut x = k;
    for c in out.iter_mut().rev() {
        *c = b'A' + (x % 26) as u8;
        x /= 26;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// Cells of the heat figure " 3/4 ", "12/300 ": both counts as wide as `n` (two at least).
fn heat_width(n: usize) -> usize {
    (2 * n.max(1).to_string().len() + 1).max(5)
}

/// Cells before the text: the heat, a space, then (label + 1) cells per column shown.
fn text_x(n: usize, columns: usize) -> usize {
    heat_width(n) + 1 + (label_len(n) + 1) * columns
}

/// Version columns shown at once in `inner_width`, out of `n`: all when they fit beside a text
/// column of two fifths of the width; at least one.
pub fn columns_shown(n: usize, inner_width: usize) -> usize {
    let min_text = (inner_width * TEXT_FIFTHS / 5).max(12);
    let room = inner_width.saturating_sub(heat_width(n) + 1 + min_text);
    (room / (label_len(n) + 1)).clamp(1, n.max(1)).min(n)
}

pub fn sync(app: &mut App, base: usize, inner_width: u16) {
    let others = app.coverage_versions(base);
    let a = &app.articles[base];
    let columns = columns_shown(others.len(), inner_width as usize);
    let key = Key {
        base: a.id.clone(),
        others: others.iter().map(|&j| app.articles[j].id.clone()).collect(),
        boilerplate: app.diff.include_boilerplate,
        width: (inner_width as usize)
            .saturating_sub(text_x(others.len(), columns))
            .max(1),
        columns,
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
        columns,
    });
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
    let shown = v.columns.min(n);
    let first = app.diff.coverage_column.min(v.max_first_column());
    let cols = first..first + shown;
    let heat = v.coverage.heat();
    let all = heat.iter().filter(|&&h| h == n && n > 0).count();
    let none = heat.iter().filter(|&&h| h == 0).count();
    let name = |p: &str| p.rsplit(['/', '\\']).next().unwrap_or(p).to_string();
    let summary = format!(
        "Coverage of {}: {} sentences · in all {n} other versions: {all} · in none: {none}",
        clean(a.file_name()),
        heat.len()
    );
    // Each version shown gets an equal share of the line for its name.
    let share = (w.saturating_sub(1) / shown.max(1))
        .saturating_sub(label_len(n) + 3)
        .max(4);
    let legend: Vec<String> = cols
        .clone()
        .map(|k| format!("{} {}", label(k, n), truncate(&clean(&name(&v.others[k])), share)))
        .collect();
    let heat_says = "   heat: versions carrying the sentence";
    let marks = format!("✓ same  ~ edited  ↕ moved  · not carried{heat_says}");
    let marks = if shown < n {
        let key = |a| {
            app.keymap
                .hint_key(crate::tui::keymap::Context::Diff, a)
                .map(|k| k.to_string())
                .unwrap_or_default()
        };
        let t = format!(
            "versions {}–{} of {n} ({}/{} for more) · {marks}",
            label(cols.start, n),
            label(cols.end - 1, n),
            key(crate::tui::action::Action::ScrollLeft),
            key(crate::tui::action::Action::ScrollRight),
        );
        // The word on the heat goes first when the line is too long.
        if crate::tui::wrap::str_width(&t) < w {
            t
        } else {
            t.replace(heat_says, "")
        }
    } else {
        marks
    };
    let head = [
        (summary, theme.heading),
        (legend.join("  "), theme.dim),
        (marks, theme.dim),
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
    let hw = heat_width(n);
    let cw = label_len(n) + 1;
    if hh >= 4 {
        let labels: String = cols.clone().map(|k| format!("{} ", label(k, n))).collect();
        let more_left = if first > 0 { "◀" } else { " " };
        let more_right = if cols.end < n { "▶" } else { "" };
        buf.set_stringn(inner.x, inner.y + 3, "─".repeat(w), w, theme.border);
        buf.set_stringn(
            inner.x,
            inner.y + 3,
            format!("{:<hw$}{more_left}{labels}{more_right}", "heat"),
            w,
            theme.heading,
        );
    }
    let height = inner.height.saturating_sub(hh) as usize;
    let scroll = app.diff.coverage_scroll.min(v.total.saturating_sub(height));
    let tx = inner.x + text_x(n, shown).min(w) as u16;
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
            let (l, r) = ((hw - 1) / 2, hw - 1 - (hw - 1) / 2);
            buf.set_stringn(inner.x, y, format!("{h:>l$}/{n:<r$}"), hw, base_style);
            let row = &v.coverage.carried[s];
            for (c, carried) in row[cols.start.min(row.len())..cols.end.min(row.len())]
                .iter()
                .enumerate()
            {
                let (mark, st) = match carried.as_ref().map(|c| c.op) {
                    Some(SegOp::Same) => ("✓", theme.heading),
                    Some(SegOp::Edited) => ("~", theme.diff.edited),
                    Some(SegOp::Moved) => ("↕", theme.diff.moved),
                    Some(_) => ("?", theme.dim),
                    None => ("·", theme.dim),
                };
                let x = inner.x as usize + hw + 1 + cw * c + cw - 2;
                if x < inner.right() as usize {
                    buf.set_stringn(x as u16, y, mark, 1, st);
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_grow_past_z_and_stay_one_width() {
        assert_eq!(label(0, 4), "A");
        assert_eq!(label(25, 26), "Z");
        assert_eq!(label(0, 27), "AA");
        assert_eq!(label(26, 300), "BA");
        assert_eq!(label(299, 300), "LN");
        assert_eq!(label(675, 676), "ZZ");
        assert_eq!(label(676, 677), "BAA");
        for n in [1, 26, 27, 300, 703] {
            let w = label(0, n).len();
            assert!((0..n).step_by(7).all(|k| label(k, n).len() == w), "{n}");
        }
    }

    #[test]
    fn columns_fit_beside_a_readable_text() {
        assert_eq!(columns_shown(4, 118), 4, "a small story shows every version");
        assert_eq!(columns_shown(26, 118), 26);
        let c = columns_shown(300, 118);
        assert!(c > 5 && c < 300, "{c}");
        assert!(text_x(300, c) <= 118 - 118 * 2 / 5, "{c}");
        assert_eq!(columns_shown(300, 5), 1, "one column at least");
        assert_eq!(columns_shown(0, 100), 0);
    }
}
