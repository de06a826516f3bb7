//! Coverage across versions, as Juxta's heat map: for each sentence of a base version, which of
//! the other versions carry it, and how (same, edited, moved).

use std::ops::Range;

use rayon::prelude::*;

use super::{Options, SegOp, Unit, compare_sides};
use crate::article::Article;

/// Where one other version carries a base sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Carried {
    /// `Same`, `Edited` or `Moved`.
    pub op: SegOp,
    /// Byte range in the other version's text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone)]
pub struct Coverage {
    /// The base version's sentences (boilerplate left out unless asked for).
    pub units: Vec<Unit>,
    /// `carried[s][k]`: how `others[k]` carries base sentence `s`, if it does.
    pub carried: Vec<Vec<Option<Carried>>>,
}

impl Coverage {
    /// How many of the other versions carry each base sentence (the heat).
    pub fn heat(&self) -> Vec<usize> {
        self.carried
            .iter()
            .map(|row| row.iter().flatten().count())
            .collect()
    }
}

pub fn coverage(base: &Article, others: &[&Article], opts: &Options) -> Coverage {
    // Coverage needs the alignment only, not the names and quotes that differ (no recogniser run).
    let comparisons: Vec<_> = others
        .par_iter()
        .map(|o| compare_sides(base, o, opts).0)
        .collect();
    let units = comparisons
        .first()
        .map(|c| c.a_units.clone())
        .unwrap_or_else(|| super::prepare(base, opts.include_boilerplate).units);
    let mut carried = vec![vec![None; others.len()]; units.len()];
    for (k, c) in comparisons.iter().enumerate() {
        for seg in &c.segments {
            if let (Some(b), SegOp::Same | SegOp::Edited | SegOp::Moved) = (&seg.b, seg.op) {
                for s in seg.a_units.clone() {
                    carried[s][k] = Some(Carried {
                        op: seg.op,
                        range: b.clone(),
                    });
                }
            }
        }
    }
    Coverage { units, carried }
}
