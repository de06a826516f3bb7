//! Comparing versions of a story: normalisation, sentence alignment, word diffs, moves, story grouping.
//!
//! [`compare`] aligns two articles sentence by sentence and reports segments (same, edited with
//! word changes, moved, added, removed) as byte ranges into each text, with a [`Summary`] that
//! places the pair on the METER corpus's scale of derivation, the names (recognised by
//! [`crate::entities`]) each version has and the other lacks, and the quotes one speaker is given
//! in different words ([`compare_analysed`] when the analyses are at hand). [`group_stories`]
//! groups many articles into stories (recognised names where names decide; [`stories`] is the
//! recogniser-free variant); [`coverage`] tells, for each sentence of a base version, which others
//! carry it; [`export`] renders a comparison as Markdown or a self-contained HTML page.

use std::ops::Range;
use std::time::Duration;

use serde::Serialize;

use crate::article::Article;
use crate::entities::{Analysis, Label};
use crate::text::{ceil_boundary, floor_boundary};

mod align;
mod coverage;
pub mod export;
pub mod inline;
mod names;
pub mod normalise;
mod stories;
mod summary;
mod words;

pub use align::Unit;
pub use coverage::{Carried, Coverage, coverage};
pub use names::{NAME_LABELS, QuoteDifference};
pub use stories::{Names, Stories, Story, group_stories, group_stories_with, stories, stories_with_names};
pub use summary::{Counts, Relation, Summary};
pub use words::{Change, ChangeOp};

use normalise::{Token, tokenise};

/// How to compare.
#[derive(Debug, Clone)]
pub struct Options {
    /// Compare boilerplate (site chrome, captions, promos) too; left out by default.
    pub include_boilerplate: bool,
    /// Time allowed to each word diff before it settles for a coarser answer (similar's deadline).
    pub deadline: Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            include_boilerplate: false,
            deadline: Duration::from_millis(50),
        }
    }
}

/// What happened to a segment between a and b.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SegOp {
    Same,
    Edited,
    Moved,
    Added,
    Removed,
}

impl SegOp {
    pub fn name(self) -> &'static str {
        match self {
            SegOp::Same => "same",
            SegOp::Edited => "edited",
            SegOp::Moved => "moved",
            SegOp::Added => "added",
            SegOp::Removed => "removed",
        }
    }
}

/// A sentence, or a run of sentences that one version merged or split, and what became of it.
/// For a `moved` segment, `a` is where it was and `b` where it went; `changes` then holds any
/// word changes it also underwent (empty if moved unchanged).
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    pub op: SegOp,
    /// Byte range in a's text (None for added).
    pub a: Option<Range<usize>>,
    /// Byte range in b's text (None for removed).
    pub b: Option<Range<usize>>,
    /// Word changes, for edited (and changed moved) segments; empty otherwise.
    pub changes: Vec<Change>,
    /// A word change falls inside quotation marks: a quote worded differently.
    pub quote_changed: bool,
    /// Indices into [`Comparison::a_units`] / [`Comparison::b_units`].
    pub a_units: Range<usize>,
    pub b_units: Range<usize>,
}

/// The result of comparing version a with version b.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// Segments in reading order of a, with b's additions placed after what precedes them in b.
    pub segments: Vec<Segment>,
    pub summary: Summary,
    /// The sentences that took part (boilerplate left out unless asked for).
    pub a_units: Vec<Unit>,
    pub b_units: Vec<Unit>,
    /// Names (people, organisations, places, groups, as the entities module recognises them) in
    /// a that b never mentions, and in b that a never mentions: byte ranges of first mentions.
    pub names_only_a: Vec<Range<usize>>,
    pub names_only_b: Vec<Range<usize>>,
    /// The label of each name in `names_only_a` / `names_only_b` (same index).
    pub names_only_a_labels: Vec<Label>,
    pub names_only_b_labels: Vec<Label>,
    /// Quotes from the same speaker worded differently in a and b, in a's order.
    pub quote_differences: Vec<QuoteDifference>,
}

impl Comparison {
    /// Indices of the segments that have a place in b, in b's reading order (segments are kept
    /// in a's order): the right-hand column of a side-by-side view, where moves land.
    pub fn in_b_order(&self) -> Vec<usize> {
        let mut v: Vec<usize> = (0..self.segments.len())
            .filter(|&i| self.segments[i].b.is_some())
            .collect();
        v.sort_by_key(|&i| self.segments[i].b.as_ref().map(|r| r.start));
        v
    }
}

/// One version prepared for comparison: its words and its sentences.
pub(crate) struct Prepared {
    pub tokens: Vec<Token>,
    pub keys: Vec<u64>,
    pub units: Vec<Unit>,
}

/// Longest unit, in words: longer sentences (or texts without sentence ends) are cut into pieces
/// so that no single diff grows with the input.
const MAX_UNIT: usize = 120;

/// The ranges left out of a comparison: boilerplate, on character boundaries, sorted.
fn skipped(article: &Article, include_boilerplate: bool) -> Vec<Range<usize>> {
    if include_boilerplate {
        return Vec::new();
    }
    let text = &article.text;
    let mut skip: Vec<Range<usize>> = article
        .boilerplate
        .iter()
        .map(|r| floor_boundary(text, r.start)..ceil_boundary(text, r.end))
        .collect();
    skip.sort_by_key(|r| r.start);
    skip
}

pub(crate) fn prepare(article: &Article, include_boilerplate: bool) -> Prepared {
    let skip = skipped(article, include_boilerplate);
    let tokens = tokenise(&article.text, &skip);
    let keys = tokens.iter().map(|t| t.key).collect();
    let units = units(&article.text, &article.sentences, &skip, &tokens);
    Prepared { tokens, keys, units }
}

/// Units from the article's sentences. Words outside any sentence (the loader should not leave
/// any, but a version may come from anywhere) become units of their own.
fn units(text: &str, sentences: &[Range<usize>], skip: &[Range<usize>], tokens: &[Token]) -> Vec<Unit> {
    // Ranges from elsewhere are trusted only as far as they are valid: inside the text and on
    // character boundaries, so that slicing them later cannot panic.
    let mut sents: Vec<Range<usize>> = sentences
        .iter()
        .map(|r| floor_boundary(text, r.start)..ceil_boundary(text, r.end))
        .filter(|r| r.start < r.end)
        .collect();
    sents.sort_by_key(|r| r.start);
    let in_skip = |pos: usize| skip.iter().any(|r| r.start <= pos && pos < r.end);
    let mut out = Vec::new();
    let mut push = |range: Range<usize>, toks: Range<usize>| {
        if toks.is_empty() {
            return;
        }
        // Cut over-long units at word boundaries; the first and last piece keep the outer edges.
        let mut s = toks.start;
        while s < toks.end {
            let e = (s + MAX_UNIT).min(toks.end);
            let start = if s == toks.start {
                range.start
            } else {
                tokens[s].range.start
            };
            let end = if e == toks.end {
                range.end
            } else {
                tokens[e - 1].range.end
            };
            out.push(Unit {
                range: start..end.max(start),
                toks: s..e,
            });
            s = e;
        }
    };
    let mut t = 0;
    for s in &sents {
        // Words before this sentence that no sentence holds.
        let orphan = t;
        while t < tokens.len() && tokens[t].range.start < s.start {
            t += 1;
        }
        if t > orphan {
            push(tokens[orphan].range.start..tokens[t - 1].range.end, orphan..t);
        }
        let first = t;
        while t < tokens.len() && tokens[t].range.start < s.end {
            t += 1;
        }
        if t > first {
            let start = if in_skip(s.start) {
                tokens[first].range.start
            } else {
                s.start
            };
            let end = if in_skip(s.end - 1) {
                tokens[t - 1].range.end
            } else {
                s.end
            };
            push(start..end.max(tokens[t - 1].range.end), first..t);
        }
    }
    if t < tokens.len() {
        push(
            tokens[t].range.start..tokens[tokens.len() - 1].range.end,
            t..tokens.len(),
        );
    }
    out
}

/// Compares version `a` with version `b`, running the entity recogniser on both (as versions of
/// one story, sharing evidence about names) for the names and quotes that differ. The recogniser
/// runs beside the alignment (rayon), so a long pair costs little more than its alignment.
pub fn compare(a: &Article, b: &Article, opts: &Options) -> Comparison {
    let (an, (mut c, sides)) = rayon::join(
        || crate::entities::analyse_story(&[a, b]),
        || compare_sides(a, b, opts),
    );
    let empty = Analysis::default();
    let (an_a, an_b) = (an.first().unwrap_or(&empty), an.get(1).unwrap_or(&empty));
    add_names(&mut c, a, b, an_a, an_b, &sides, opts);
    c
}

/// [`compare`] with the entity analyses already at hand (a reader that keeps them per article
/// need not run the recogniser again).
pub fn compare_analysed(
    a: &Article,
    b: &Article,
    an_a: &Analysis,
    an_b: &Analysis,
    opts: &Options,
) -> Comparison {
    let (mut c, sides) = compare_sides(a, b, opts);
    add_names(&mut c, a, b, an_a, an_b, &sides, opts);
    c
}

/// Both versions prepared, with the ranges each leaves out.
struct Sides {
    pa: Prepared,
    pb: Prepared,
    sa: Vec<Range<usize>>,
    sb: Vec<Range<usize>>,
}

fn compare_sides(a: &Article, b: &Article, opts: &Options) -> (Comparison, Sides) {
    let (pa, pb) = rayon::join(
        || prepare(a, opts.include_boilerplate),
        || prepare(b, opts.include_boilerplate),
    );
    let c = compare_prepared(&pa, &pb, opts);
    let sides = Sides {
        pa,
        pb,
        sa: skipped(a, opts.include_boilerplate),
        sb: skipped(b, opts.include_boilerplate),
    };
    (c, sides)
}

fn add_names(
    c: &mut Comparison,
    a: &Article,
    b: &Article,
    an_a: &Analysis,
    an_b: &Analysis,
    s: &Sides,
    opts: &Options,
) {
    // Each direction, and the quotes, on their own (rayon): independent, and long versions make
    // each of them a real cost.
    let (wa, wb) = rayon::join(
        || names::token_words(&a.text, &s.pa),
        || names::token_words(&b.text, &s.pb),
    );
    let ((only_a, only_b), quotes) = rayon::join(
        || {
            rayon::join(
                || names::names_only(&a.text, an_a, &s.sa, &b.text, an_b, &s.sb, &wb),
                || names::names_only(&b.text, an_b, &s.sb, &a.text, an_a, &s.sa, &wa),
            )
        },
        || names::quote_differences(&a.text, an_a, &s.pa, &b.text, an_b, &s.pb, opts.deadline),
    );
    (c.names_only_a, c.names_only_a_labels) = only_a.into_iter().unzip();
    (c.names_only_b, c.names_only_b_labels) = only_b.into_iter().unzip();
    c.quote_differences = quotes;
}

pub(crate) fn compare_prepared(pa: &Prepared, pb: &Prepared, opts: &Options) -> Comparison {
    let groups = align::align(pa, pb, opts.deadline);
    let mut a_hit = vec![false; pa.tokens.len()];
    let mut b_hit = vec![false; pb.tokens.len()];
    let mut segments = Vec::new();
    let span = |units: &[Unit], r: &Range<usize>| units[r.start].range.start..units[r.end - 1].range.end;
    let toks = |units: &[Unit], r: &Range<usize>| units[r.start].toks.start..units[r.end - 1].toks.end;

    // Walk the groups kept in order; before each, a's unmatched sentences (removed, or moved
    // groups at their old place), then b's unmatched sentences (added).
    let mut next_a = 0;
    let mut next_b = 0;
    let a_group: Vec<Option<usize>> = {
        let mut v = vec![None; pa.units.len()];
        for (k, g) in groups.iter().enumerate() {
            for i in g.a.clone() {
                v[i] = Some(k);
            }
        }
        v
    };
    let b_matched: Vec<bool> = {
        let mut v = vec![false; pb.units.len()];
        for g in &groups {
            for j in g.b.clone() {
                v[j] = true;
            }
        }
        v
    };
    let anchors: Vec<usize> = (0..groups.len()).filter(|&k| !groups[k].moved).collect();
    let emit_group = |k: usize, segments: &mut Vec<Segment>, a_hit: &mut [bool], b_hit: &mut [bool]| {
        let g = &groups[k];
        let ta = toks(&pa.units, &g.a);
        let tb = toks(&pb.units, &g.b);
        let (changes, same, quote_changed) =
            words::diff(pa, pb, ta.clone(), tb.clone(), opts.deadline, a_hit, b_hit);
        let op = if g.moved {
            SegOp::Moved
        } else if same {
            SegOp::Same
        } else {
            SegOp::Edited
        };
        segments.push(Segment {
            op,
            a: Some(span(&pa.units, &g.a)),
            b: Some(span(&pb.units, &g.b)),
            changes: if same { Vec::new() } else { changes },
            quote_changed,
            a_units: g.a.clone(),
            b_units: g.b.clone(),
        });
    };
    for stop in anchors.iter().map(Some).chain(std::iter::once(None)) {
        let (a_end, b_end) = match stop {
            Some(&k) => (groups[k].a.start, groups[k].b.start),
            None => (pa.units.len(), pb.units.len()),
        };
        while next_a < a_end {
            match a_group[next_a] {
                Some(k) => {
                    emit_group(k, &mut segments, &mut a_hit, &mut b_hit);
                    next_a = groups[k].a.end;
                }
                None => {
                    segments.push(Segment {
                        op: SegOp::Removed,
                        a: Some(pa.units[next_a].range.clone()),
                        b: None,
                        changes: Vec::new(),
                        quote_changed: false,
                        a_units: next_a..next_a + 1,
                        b_units: next_b..next_b,
                    });
                    next_a += 1;
                }
            }
        }
        while next_b < b_end {
            if !b_matched[next_b] {
                segments.push(Segment {
                    op: SegOp::Added,
                    a: None,
                    b: Some(pb.units[next_b].range.clone()),
                    changes: Vec::new(),
                    quote_changed: false,
                    a_units: next_a..next_a,
                    b_units: next_b..next_b + 1,
                });
            }
            next_b += 1;
        }
        if let Some(&k) = stop {
            emit_group(k, &mut segments, &mut a_hit, &mut b_hit);
            next_a = groups[k].a.end;
            next_b = next_b.max(groups[k].b.end);
        }
    }
    let summary = summary::summarise(pa, pb, &segments, &a_hit, &b_hit);
    Comparison {
        segments,
        summary,
        a_units: pa.units.clone(),
        b_units: pb.units.clone(),
        names_only_a: Vec::new(),
        names_only_b: Vec::new(),
        names_only_a_labels: Vec::new(),
        names_only_b_labels: Vec::new(),
        quote_differences: Vec::new(),
    }
}

#[cfg(test)]
mod tests;
