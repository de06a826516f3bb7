//! Word-level diff inside aligned sentences, on normalised words, mapped back to byte ranges of
//! the original texts (so a changed quote mark or dash is never a change).

use std::ops::Range;
use std::time::{Duration, Instant};

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::Prepared;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeOp {
    Equal,
    Insert,
    Delete,
}

/// A run of words: equal in both, deleted from a, or inserted in b. Ranges are bytes, from the
/// start of the run's first word to the end of its last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub op: ChangeOp,
    pub a: Option<Range<usize>>,
    pub b: Option<Range<usize>>,
}

/// Diffs a's tokens `ta` with b's tokens `tb`, marking the words found in the other version.
/// Returns the changes, whether the two are the same after normalisation, and whether a change
/// falls inside quotation marks (a quote worded differently: a reporter wants to know).
pub fn diff(
    pa: &Prepared,
    pb: &Prepared,
    ta: Range<usize>,
    tb: Range<usize>,
    deadline: Duration,
    a_hit: &mut [bool],
    b_hit: &mut [bool],
) -> (Vec<Change>, bool, bool) {
    let ka = &pa.keys[ta.clone()];
    let kb = &pb.keys[tb.clone()];
    if ka == kb {
        a_hit[ta.clone()].iter_mut().for_each(|h| *h = true);
        b_hit[tb.clone()].iter_mut().for_each(|h| *h = true);
        let whole =
            |p: &Prepared, r: &Range<usize>| p.tokens[r.start].range.start..p.tokens[r.end - 1].range.end;
        let change = Change {
            op: ChangeOp::Equal,
            a: (!ta.is_empty()).then(|| whole(pa, &ta)),
            b: (!tb.is_empty()).then(|| whole(pb, &tb)),
        };
        return (vec![change], true, false);
    }
    let span = |p: &Prepared, base: usize, i: usize, n: usize| {
        p.tokens[base + i].range.start..p.tokens[base + i + n - 1].range.end
    };
    let mut out = Vec::new();
    let quoted = |p: &Prepared, base: usize, i: usize, n: usize| {
        p.tokens[base + i..base + i + n].iter().any(|t| t.quoted)
    };
    let mut in_quote = false;
    for op in capture_diff_slices_deadline(Algorithm::Myers, ka, kb, Some(Instant::now() + deadline)) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                a_hit[ta.start + old_index..ta.start + old_index + len]
                    .iter_mut()
                    .for_each(|h| *h = true);
                b_hit[tb.start + new_index..tb.start + new_index + len]
                    .iter_mut()
                    .for_each(|h| *h = true);
                out.push(Change {
                    op: ChangeOp::Equal,
                    a: Some(span(pa, ta.start, old_index, len)),
                    b: Some(span(pb, tb.start, new_index, len)),
                });
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                in_quote |= quoted(pa, ta.start, old_index, old_len);
                out.push(Change {
                    op: ChangeOp::Delete,
                    a: Some(span(pa, ta.start, old_index, old_len)),
                    b: None,
                })
            }
            DiffOp::Insert {
                new_index, new_len, ..
            } => {
                in_quote |= quoted(pb, tb.start, new_index, new_len);
                out.push(Change {
                    op: ChangeOp::Insert,
                    a: None,
                    b: Some(span(pb, tb.start, new_index, new_len)),
                })
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                in_quote |=
                    quoted(pa, ta.start, old_index, old_len) || quoted(pb, tb.start, new_index, new_len);
                out.push(Change {
                    op: ChangeOp::Delete,
                    a: Some(span(pa, ta.start, old_index, old_len)),
                    b: None,
                });
                out.push(Change {
                    op: ChangeOp::Insert,
                    a: None,
                    b: Some(span(pb, tb.start, new_index, new_len)),
                });
            }
        }
    }
    (out, false, in_quote)
}
