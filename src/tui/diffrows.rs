//! The diff pane's rows: a comparison laid out as aligned rows, side by side (base left, other
//! right) or inline (one column, git's `[-deleted-]` `{+inserted+}`), each cell a short text
//! with its marked word ranges, wrapped to its column once (cached by the pane), so drawing a
//! frame only copies the lines in view.
//!
//! Segments come in the base's order; a moved sentence shows twice, as in a side-by-side diff
//! of a reordered text: where it was (left, "moved to ¶ N" on the right) and where it went
//! (right, "moved from ¶ M" on the left).

use std::ops::Range;

use crate::article::Article;
use crate::compare::{ChangeOp, Comparison, SegOp, Segment};

use super::wrap::{self, Wrapped};

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowOp {
    Same,
    Edited,
    Removed,
    Added,
    /// A moved sentence at its place in the base.
    MovedOut,
    /// A moved sentence at its place in the other version.
    MovedIn,
}

impl RowOp {
    pub fn is_change(self) -> bool {
        self != RowOp::Same
    }

    /// The sign column's mark, so the op reads without colour.
    pub fn sign(self) -> &'static str {
        match self {
            RowOp::Same => " ",
            RowOp::Edited => "~",
            RowOp::Removed => "−",
            RowOp::Added => "+",
            RowOp::MovedOut | RowOp::MovedIn => "↕",
        }
    }
}

/// A cell's text (a copy of a sentence or two, or a note) with ranges of it to style.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    /// Words deleted from the base (left cells, inline) and inserted in the other (right cells,
    /// inline): byte ranges into `text`, sorted.
    pub deleted: Vec<Range<usize>>,
    pub inserted: Vec<Range<usize>>,
    /// Text the pane wrote itself (notes, the inline brackets).
    pub notes: Vec<Range<usize>>,
    pub wrapped: Wrapped,
}

impl Cell {
    fn push(&mut self, s: &str) -> Range<usize> {
        let start = self.text.len();
        // Control characters other than line breaks would move the terminal's cursor.
        self.text.extend(
            s.chars()
                .map(|c| if c.is_control() && c != '\n' { ' ' } else { c }),
        );
        start..self.text.len()
    }

    fn note(&mut self, s: &str) {
        let r = self.push(s);
        self.notes.push(r);
    }

    fn lines(&self) -> usize {
        self.wrapped.len()
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    pub op: RowOp,
    /// The segment this row shows.
    pub segment: usize,
    /// Left and right cells side by side; inline rows have only `left`.
    pub left: Option<Cell>,
    pub right: Option<Cell>,
    /// A blank line above the row (a new paragraph starts).
    pub gap: bool,
    /// Screen lines, gap included.
    pub height: usize,
}

/// Every row of one comparison at one width, and where each starts on the screen.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub rows: Vec<Row>,
    starts: Vec<usize>,
    total: usize,
}

impl Layout {
    pub fn total_lines(&self) -> usize {
        self.total
    }

    /// The first screen line of row `i` (its text, after any gap).
    pub fn row_line(&self, i: usize) -> usize {
        let r = &self.rows[i.min(self.rows.len().saturating_sub(1))];
        self.starts.get(i).copied().unwrap_or(self.total) + usize::from(r.gap)
    }

    /// The row on screen line `line` and the line's index inside it (gap included).
    pub fn row_at(&self, line: usize) -> Option<(usize, usize)> {
        if line >= self.total {
            return None;
        }
        let i = self.starts.partition_point(|&s| s <= line).saturating_sub(1);
        Some((i, line - self.starts[i]))
    }
}

/// The 1-based paragraph of `text` holding byte `pos` (the paragraph count when past the last).
pub fn paragraph_of(article: &Article, pos: usize) -> usize {
    article
        .paragraphs
        .partition_point(|p| p.end <= pos)
        .min(article.paragraphs.len().saturating_sub(1))
        + 1
}

/// The rows of a side-by-side view: segments in the base's order, with each moved segment shown
/// again where it lands in the other's order.
pub fn order(c: &Comparison) -> Vec<(RowOp, usize)> {
    let mut incoming: Vec<usize> = (0..c.segments.len())
        .filter(|&i| c.segments[i].op == SegOp::Moved && c.segments[i].b.is_some())
        .collect();
    incoming.sort_by_key(|&i| c.segments[i].b.as_ref().map(|r| r.start));
    let mut next_in = incoming.into_iter().peekable();
    let b_start = |i: usize| c.segments[i].b.as_ref().map_or(0, |r| r.start);
    let mut out = Vec::with_capacity(c.segments.len() + 4);
    for (i, s) in c.segments.iter().enumerate() {
        let op = match s.op {
            SegOp::Same => RowOp::Same,
            SegOp::Edited => RowOp::Edited,
            SegOp::Removed => RowOp::Removed,
            SegOp::Added => RowOp::Added,
            SegOp::Moved => RowOp::MovedOut,
        };
        // Before a row that has a place in b, what moved in ahead of that place.
        if op != RowOp::MovedOut
            && let Some(b) = &s.b
        {
            while let Some(&m) = next_in.peek()
                && b_start(m) < b.start
            {
                out.push((RowOp::MovedIn, m));
                next_in.next();
            }
        }
        out.push((op, i));
    }
    out.extend(next_in.map(|m| (RowOp::MovedIn, m)));
    out
}

/// A sentence of `text` from `range`, with `marked` ranges (inside it) recorded as deleted or
/// inserted words.
fn text_cell(text: &str, range: &Range<usize>, marked: &[Range<usize>], inserted: bool) -> Cell {
    let mut cell = Cell::default();
    let Some(s) = text.get(range.clone()) else {
        return cell;
    };
    cell.push(s);
    for m in marked {
        if m.start >= range.start && m.end <= range.end && m.start < m.end {
            let r = m.start - range.start..m.end - range.start;
            if inserted {
                cell.inserted.push(r);
            } else {
                cell.deleted.push(r);
            }
        }
    }
    cell
}

fn changed(seg: &Segment, op: ChangeOp) -> Vec<Range<usize>> {
    seg.changes
        .iter()
        .filter(|ch| ch.op == op)
        .filter_map(|ch| {
            if op == ChangeOp::Insert {
                ch.b.clone()
            } else {
                ch.a.clone()
            }
        })
        .collect()
}

/// One column, as git's word diff: the common text once, a's runs as `[-…-]` and b's as
/// `{+…+}` where they go, each with its own punctuation and spacing (the core's reading).
fn inline_words(cell: &mut Cell, a: &str, b: &str, seg: &Segment, span: &Range<usize>) {
    let rb = seg.b.clone().unwrap_or_default();
    let pieces = crate::compare::inline::pieces(a, b, span.clone(), rb, &seg.changes);
    for (k, p) in pieces.iter().enumerate() {
        if crate::compare::inline::space_before(&pieces, k) {
            cell.push(" ");
        }
        let text = |t: &'_ str, r: &Option<Range<usize>>| {
            r.as_ref()
                .and_then(|r| t.get(r.clone()))
                .unwrap_or("")
                .to_string()
        };
        match p.op {
            ChangeOp::Equal => {
                cell.push(&text(b, &p.b));
            }
            ChangeOp::Delete => {
                cell.note("[-");
                let w = cell.push(&text(a, &p.a));
                cell.deleted.push(w);
                cell.note("-]");
            }
            ChangeOp::Insert => {
                cell.note("{+");
                let w = cell.push(&text(b, &p.b));
                cell.inserted.push(w);
                cell.note("+}");
            }
        }
    }
}

/// Builds the rows of `c` (a is `base`, b is `other`) wrapped at `width` (inline) or at
/// `width` per column (side by side).
pub fn layout(base: &Article, other: &Article, c: &Comparison, inline: bool, width: usize) -> Layout {
    let (a, b) = (base.text.as_str(), other.text.as_str());
    let mut rows = Vec::new();
    let mut last_para: (Option<usize>, Option<usize>) = (None, None);
    for (op, i) in order(c) {
        let seg = &c.segments[i];
        let para_a = seg.a.as_ref().map(|r| paragraph_of(base, r.start));
        let para_b = seg.b.as_ref().map(|r| paragraph_of(other, r.start));
        // Which sides this row occupies, for paragraph spacing.
        let (pa, pb) = match op {
            RowOp::MovedOut => (para_a, None),
            RowOp::MovedIn => (None, para_b),
            _ => (para_a, para_b),
        };
        let gap = !rows.is_empty()
            && (pa.is_some_and(|p| last_para.0.is_some_and(|q| q != p))
                || pb.is_some_and(|p| last_para.1.is_some_and(|q| q != p)));
        if pa.is_some() {
            last_para.0 = pa;
        }
        if pb.is_some() {
            last_para.1 = pb;
        }
        let deleted = changed(seg, ChangeOp::Delete);
        let inserted = changed(seg, ChangeOp::Insert);
        let (left, right) = if inline {
            let mut cell = Cell::default();
            match (op, &seg.a, &seg.b) {
                (RowOp::Same, Some(r), _) => cell = text_cell(a, r, &[], false),
                (RowOp::Removed, Some(r), _) => {
                    cell.note("[-");
                    if let Some(s) = a.get(r.clone()) {
                        let w = cell.push(s);
                        cell.deleted.push(w);
                    }
                    cell.note("-]");
                }
                (RowOp::Added, _, Some(r)) => {
                    cell.note("{+");
                    if let Some(s) = b.get(r.clone()) {
                        let w = cell.push(s);
                        cell.inserted.push(w);
                    }
                    cell.note("+}");
                }
                (RowOp::Edited, Some(r), _) => inline_words(&mut cell, a, b, seg, r),
                (RowOp::MovedOut, _, _) => cell.note(&format!(
                    "(¶ {} moved to ¶ {})",
                    para_a.unwrap_or(0),
                    para_b.unwrap_or(0)
                )),
                (RowOp::MovedIn, Some(r), _) => {
                    cell.note(&format!("(moved from ¶ {}) ", para_a.unwrap_or(0)));
                    if seg.changes.is_empty() {
                        if let Some(s) = a.get(r.clone()) {
                            cell.push(s);
                        }
                    } else {
                        inline_words(&mut cell, a, b, seg, r);
                    }
                }
                _ => {}
            }
            (Some(cell), None)
        } else {
            let left_text = seg.a.as_ref().map(|r| text_cell(a, r, &deleted, false));
            let right_text = seg.b.as_ref().map(|r| text_cell(b, r, &inserted, true));
            let note = |s: String| {
                let mut c = Cell::default();
                c.note(&s);
                Some(c)
            };
            match op {
                RowOp::MovedOut => (left_text, note(format!("↕ moved to ¶ {}", para_b.unwrap_or(0)))),
                RowOp::MovedIn => (
                    note(format!("↕ moved from ¶ {}", para_a.unwrap_or(0))),
                    right_text,
                ),
                _ => (left_text, right_text),
            }
        };
        let mut row = Row {
            op,
            segment: i,
            left,
            right,
            gap,
            height: 0,
        };
        for cell in [&mut row.left, &mut row.right].into_iter().flatten() {
            let whole = 0..cell.text.len();
            cell.wrapped = wrap::wrap(&cell.text, std::slice::from_ref(&whole), &[], width.max(1));
        }
        let lines = row
            .left
            .iter()
            .chain(row.right.iter())
            .map(Cell::lines)
            .max()
            .unwrap_or(0)
            .max(1);
        row.height = lines + usize::from(gap);
        rows.push(row);
    }
    let mut starts = Vec::with_capacity(rows.len());
    let mut total = 0;
    for r in &rows {
        starts.push(total);
        total += r.height;
    }
    Layout { rows, starts, total }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};
    use crate::compare::{Options, compare};

    fn art(path: &str, text: &str) -> Article {
        build(path, text.to_string(), "UTF-8", Meta::default(), Vec::new())
    }

    #[test]
    fn a_moved_paragraph_shows_where_it_was_and_where_it_went() {
        let a = art(
            "a",
            "The mayor opened the new bridge on Monday morning.\n\nCrowds lined the river banks to watch the ceremony.\n\nThe bridge cost forty million dollars to build over three years.\n\nTraffic will start flowing across it next week.",
        );
        let b = art(
            "b",
            "The bridge cost forty million dollars to build over three years.\n\nThe mayor opened the new bridge on Monday morning.\n\nCrowds lined the river banks to watch the ceremony.\n\nTraffic will start flowing across it next week.",
        );
        let c = compare(&a, &b, &Options::default());
        assert_eq!(c.summary.counts.moved, 1, "{:?}", c.segments);
        let l = layout(&a, &b, &c, false, 30);
        let ops: Vec<RowOp> = l.rows.iter().map(|r| r.op).collect();
        let out = ops.iter().position(|&o| o == RowOp::MovedOut).unwrap();
        let into = ops.iter().position(|&o| o == RowOp::MovedIn).unwrap();
        assert!(into < out, "it went up: {ops:?}");
        let moved_out = &l.rows[out];
        assert_eq!(moved_out.right.as_ref().unwrap().text, "↕ moved to ¶ 1");
        assert!(
            moved_out
                .left
                .as_ref()
                .unwrap()
                .text
                .starts_with("The bridge cost")
        );
        assert_eq!(l.rows[into].left.as_ref().unwrap().text, "↕ moved from ¶ 3");
        let inline = layout(&a, &b, &c, true, 30);
        let texts: Vec<&str> = inline
            .rows
            .iter()
            .map(|r| r.left.as_ref().unwrap().text.as_str())
            .collect();
        assert!(texts.contains(&"(¶ 3 moved to ¶ 1)"), "{texts:?}");
    }

    #[test]
    fn edited_words_are_marked_on_each_side_and_inline() {
        let a = art(
            "a",
            "Officials said the talks in Geneva were productive and long.",
        );
        let b = art(
            "b",
            "Officials said the talks in Vienna were productive and long.",
        );
        let c = compare(&a, &b, &Options::default());
        let l = layout(&a, &b, &c, false, 80);
        assert_eq!(l.rows.len(), 1);
        let row = &l.rows[0];
        assert_eq!(row.op, RowOp::Edited);
        let left = row.left.as_ref().unwrap();
        let right = row.right.as_ref().unwrap();
        assert_eq!(
            left.deleted
                .iter()
                .map(|r| &left.text[r.clone()])
                .collect::<Vec<_>>(),
            ["Geneva"]
        );
        assert_eq!(
            right
                .inserted
                .iter()
                .map(|r| &right.text[r.clone()])
                .collect::<Vec<_>>(),
            ["Vienna"]
        );
        let l = layout(&a, &b, &c, true, 80);
        assert_eq!(
            l.rows[0].left.as_ref().unwrap().text,
            "Officials said the talks in [-Geneva-]{+Vienna+} were productive and long."
        );
    }

    #[test]
    fn rows_wrap_and_lines_find_their_row() {
        let a = art(
            "a",
            "One two three four five six seven eight nine ten.\n\nEleven twelve.",
        );
        let b = art("b", "Eleven twelve.");
        let c = compare(&a, &b, &Options::default());
        let l = layout(&a, &b, &c, false, 10);
        assert_eq!(l.rows[0].op, RowOp::Removed);
        assert!(l.rows[0].height >= 5);
        assert!(l.rows[1].gap);
        assert_eq!(l.row_at(0), Some((0, 0)));
        let second = l.row_line(1);
        assert_eq!(l.row_at(second), Some((1, 1)));
        assert_eq!(l.row_at(l.total_lines()), None);
    }
}
