//! One reading of an edited sentence, as `git diff --word-diff` gives it: runs of text common to
//! both versions, runs only a has (deleted) and runs only b has (inserted), in reading order,
//! with the punctuation and spacing between words kept on the side that has them. Read with the
//! insertions dropped, the pieces give a's text; with the deletions dropped, b's.
//!
//! The word changes of a segment (on normalised words) say which words differ; the text between
//! them (a comma, a `%`, a dateline's `) —`) and differences the normalised words hide (case)
//! are diffed here again, token by token, so nothing of either side is lost or misplaced.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};
use unicode_segmentation::UnicodeSegmentation;

use super::{Change, ChangeOp};

/// A run of text of the reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// `Equal` (in both), `Delete` (only in a) or `Insert` (only in b).
    pub op: ChangeOp,
    /// Byte range in a's text (equal and deleted runs).
    pub a: Option<Range<usize>>,
    /// Byte range in b's text (equal and inserted runs).
    pub b: Option<Range<usize>>,
    /// White space comes before the run in its text (for equal runs, in either text).
    pub space_before: bool,
}

/// A token for display: a word or one punctuation mark (runs of one mark, `--` or `...`, kept
/// together), with whether white space precedes it.
struct Tok {
    range: Range<usize>,
    space_before: bool,
    key: String,
}

fn tokens(text: &str, range: Range<usize>) -> Vec<Tok> {
    let Some(s) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out: Vec<Tok> = Vec::new();
    // The white space that ends the stretch before this one belongs to this one's first token.
    let mut space = text[..range.start].chars().next_back().is_some_and(is_blank);
    for (i, t) in s.split_word_bound_indices() {
        if t.chars().all(is_blank) {
            space = true;
            continue;
        }
        let start = range.start + i;
        // `--`, `...`: one mark, as the dash or ellipsis they stand for.
        if !space
            && let Some(last) = out.last_mut()
            && last.range.end == start
            && t.chars().count() == 1
            && text[last.range.clone()].chars().all(|c| t.starts_with(c))
            && matches!(t, "-" | ".")
        {
            last.range.end = start + t.len();
            last.key = fold(&text[last.range.clone()]);
            continue;
        }
        out.push(Tok {
            range: start..start + t.len(),
            space_before: space,
            key: fold(t),
        });
        space = false;
    }
    out
}

/// White space, and the invisible characters that typesetting adds (soft hyphen, zero-width).
fn is_blank(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
        )
}

/// The display key of a token: typography folded (quote, dash and ellipsis styles, invisible
/// characters), case and accents kept, since those are changes a reader sees.
pub fn fold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match c {
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {}
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}' => out.push('"'),
            '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => out.push('\u{2014}'),
            '\u{2026}' => out.push_str("..."),
            c => out.push(c),
        }
    }
    match out.as_str() {
        "--" | "---" => "\u{2014}".to_string(),
        _ => out,
    }
}

/// The reading of a over `ra` and b over `rb`, given the word changes between them.
pub fn pieces(a: &str, b: &str, ra: Range<usize>, rb: Range<usize>, changes: &[Change]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let (mut pa, mut pb) = (ra.start, rb.start);
    for ch in changes {
        if let (ChangeOp::Equal, Some(ea), Some(eb)) = (ch.op, &ch.a, &ch.b) {
            if ea.start < pa || eb.start < pb {
                continue; // out of order: never from a diff, but ranges come from outside
            }
            chunk(a, b, pa..ea.start, pb..eb.start, &mut out);
            chunk(a, b, ea.clone(), eb.clone(), &mut out);
            (pa, pb) = (ea.end, eb.end);
        }
    }
    chunk(a, b, pa..ra.end.max(pa), pb..rb.end.max(pb), &mut out);
    out
}

/// Diffs one stretch of a with one of b, token by token, and appends the runs.
fn chunk(a: &str, b: &str, ra: Range<usize>, rb: Range<usize>, out: &mut Vec<Piece>) {
    let ta = tokens(a, ra);
    let tb = tokens(b, rb);
    let ka: Vec<&str> = ta.iter().map(|t| t.key.as_str()).collect();
    let kb: Vec<&str> = tb.iter().map(|t| t.key.as_str()).collect();
    let ops = if ka == kb {
        vec![DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: ka.len(),
        }]
    } else {
        capture_diff_slices(Algorithm::Myers, &ka, &kb)
    };
    let run = |t: &[Tok], i: usize, n: usize| t[i].range.start..t[i + n - 1].range.end;
    let mut push = |p: Piece| {
        if let Some(last) = out.last_mut()
            && last.op == p.op
        {
            let join = |x: &mut Option<Range<usize>>, y: Option<Range<usize>>| {
                if let (Some(x), Some(y)) = (x.as_mut(), y) {
                    x.end = y.end;
                }
            };
            join(&mut last.a, p.a);
            join(&mut last.b, p.b);
            return;
        }
        out.push(p);
    };
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } if len > 0 => push(Piece {
                op: ChangeOp::Equal,
                a: Some(run(&ta, old_index, len)),
                b: Some(run(&tb, new_index, len)),
                space_before: ta[old_index].space_before || tb[new_index].space_before,
            }),
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Piece {
                op: ChangeOp::Delete,
                a: Some(run(&ta, old_index, old_len)),
                b: None,
                space_before: ta[old_index].space_before,
            }),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Piece {
                op: ChangeOp::Insert,
                a: None,
                b: Some(run(&tb, new_index, new_len)),
                space_before: tb[new_index].space_before,
            }),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Piece {
                    op: ChangeOp::Delete,
                    a: Some(run(&ta, old_index, old_len)),
                    b: None,
                    space_before: ta[old_index].space_before,
                });
                push(Piece {
                    op: ChangeOp::Insert,
                    a: None,
                    b: Some(run(&tb, new_index, new_len)),
                    space_before: tb[new_index].space_before,
                });
            }
            _ => {}
        }
    }
}

/// Whether a separating space goes before piece `k` of `pieces` (none at the start; none between
/// a deletion and the insertion that replaces it, which read as one change, as git shows them).
pub fn space_before(pieces: &[Piece], k: usize) -> bool {
    let p = &pieces[k];
    if k == 0 || !p.space_before {
        return false;
    }
    let prev = &pieces[k - 1];
    !(p.op == ChangeOp::Insert && prev.op == ChangeOp::Delete && prev.space_before)
}

/// How to write the runs of a reading: text before and after deleted and inserted runs, and
/// how to write a run's text (escaping, white space).
pub struct Marks<'m> {
    pub del: (&'m str, &'m str),
    pub ins: (&'m str, &'m str),
    pub escape: &'m dyn Fn(&str) -> String,
}

/// The reading as one line of text: runs joined by single spaces where their texts have space,
/// deleted runs and inserted runs wrapped in their marks.
pub fn render(a: &str, b: &str, pieces: &[Piece], m: &Marks) -> String {
    let mut line = String::new();
    for (k, p) in pieces.iter().enumerate() {
        if space_before(pieces, k) {
            line.push(' ');
        }
        let text = |t: &str, r: &Option<Range<usize>>| {
            (m.escape)(r.as_ref().and_then(|r| t.get(r.clone())).unwrap_or(""))
        };
        match p.op {
            ChangeOp::Equal => line.push_str(&text(b, &p.b)),
            ChangeOp::Delete => {
                line.push_str(m.del.0);
                line.push_str(&text(a, &p.a));
                line.push_str(m.del.1);
            }
            ChangeOp::Insert => {
                line.push_str(m.ins.0);
                line.push_str(&text(b, &p.b));
                line.push_str(m.ins.1);
            }
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};
    use crate::compare::{Options, SegOp, compare};

    fn line(a: &str, b: &str) -> String {
        let (x, y) = (
            build("a", a.into(), "UTF-8", Meta::default(), Vec::new()),
            build("b", b.into(), "UTF-8", Meta::default(), Vec::new()),
        );
        let c = compare(&x, &y, &Options::default());
        let seg = c
            .segments
            .iter()
            .find(|s| s.op == SegOp::Edited)
            .expect("an edited segment");
        let p = pieces(a, b, seg.a.clone().unwrap(), seg.b.clone().unwrap(), &seg.changes);
        let plain = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        render(
            a,
            b,
            &p,
            &Marks {
                del: ("[-", "-]"),
                ins: ("{+", "+}"),
                escape: &plain,
            },
        )
    }

    #[test]
    fn punctuation_stays_where_it_was() {
        assert_eq!(
            line(
                "Workers won a 9% pay rise after the strike.",
                "Workers won a 9% raise after the strike."
            ),
            "Workers won a 9% [-pay rise-]{+raise+} after the strike."
        );
        assert_eq!(
            line(
                "WESTHAVEN, Calder (Meridian Wire) — Hundreds of dock workers walked out on Monday.",
                "Hundreds of dock workers walked out on Monday."
            ),
            "[-WESTHAVEN, Calder (Meridian Wire) —-] Hundreds of dock workers walked out on Monday."
        );
    }

    #[test]
    fn typography_is_not_a_change_but_case_is() {
        assert_eq!(
            line(
                "The mayor said \u{201C}we won\u{2019}t stop\u{201D} \u{2014} and left on Monday.",
                "The Mayor said \"we won't stop\" -- and left on Tuesday."
            ),
            "The [-mayor-]{+Mayor+} said \"we won't stop\" -- and left on [-Monday-]{+Tuesday+}."
        );
    }
}
