//! The summary of a comparison: how much of each version the other holds, segment counts, and the
//! relation between the two on the METER corpus's scale (wholly / partially / non-derived).

use serde::Serialize;

use super::normalise::{Token, mix};
use super::{Prepared, SegOp, Segment};

/// How b relates to a. The first four are METER's "wholly derived".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The same text once quote styles, dashes, spacing, accents and case are set aside.
    Identical,
    /// b is a part of a: b has no word that a lacks.
    Cut,
    /// b is a plus more: a has no word that b lacks.
    Extended,
    /// Mostly the same text, changed inside sentences, or both cut and extended.
    Edited,
    /// Partly derived: shares passages, much written anew.
    Rewrite,
    /// No reuse beyond names, stock phrases, or public quotes both carry.
    Independent,
}

impl Relation {
    pub fn name(self) -> &'static str {
        match self {
            Relation::Identical => "identical",
            Relation::Cut => "cut",
            Relation::Extended => "extended",
            Relation::Edited => "edited",
            Relation::Rewrite => "rewrite",
            Relation::Independent => "independent",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub same: usize,
    pub edited: usize,
    pub moved: usize,
    pub added: usize,
    pub removed: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    pub relation: Relation,
    /// Share of a's words (boilerplate left out) found in b, 0 to 1.
    pub shared_a: f64,
    /// Share of b's words found in a.
    pub shared_b: f64,
    pub counts: Counts,
    /// Words of a not found in b, and of b not found in a.
    pub only_a: usize,
    pub only_b: usize,
    /// Distinct word 5-grams the two share outside quotation marks, leaving out runs of names and
    /// function words: the evidence of reuse.
    pub shared_passages: usize,
}

/// METER's "wholly derived": at least this share of one version's words comes from the other.
/// One new word in five is already a text with material of its own (METER's annotators called a
/// text wholly derived when it was the agency copy with light editing, and partially derived as
/// soon as other material made up a real part of it).
pub const WHOLLY_DERIVED: f64 = 0.8;

/// passim's rule for a candidate pair of reused texts: at least five shared word 5-grams. We count
/// only 5-grams outside quotation marks that hold at least one content word, since independent
/// reports share names, titles and public statements.
pub const MIN_SHARED_PASSAGES: usize = 5;

pub fn summarise(
    pa: &Prepared,
    pb: &Prepared,
    segments: &[Segment],
    a_hit: &[bool],
    b_hit: &[bool],
) -> Summary {
    let mut counts = Counts::default();
    for s in segments {
        match s.op {
            SegOp::Same => counts.same += 1,
            SegOp::Edited => counts.edited += 1,
            SegOp::Moved => counts.moved += 1,
            SegOp::Added => counts.added += 1,
            SegOp::Removed => counts.removed += 1,
        }
    }
    let hits_a = a_hit.iter().filter(|&&h| h).count();
    let hits_b = b_hit.iter().filter(|&&h| h).count();
    let share = |hits: usize, n: usize| if n == 0 { 1.0 } else { hits as f64 / n as f64 };
    let shared_a = share(hits_a, a_hit.len());
    let shared_b = share(hits_b, b_hit.len());
    let only_a = a_hit.len() - hits_a;
    let only_b = b_hit.len() - hits_b;
    let shared_passages = count_common(&reuse_grams(&pa.tokens), &reuse_grams(&pb.tokens));

    let relation = if counts.edited + counts.moved + counts.added + counts.removed == 0 {
        Relation::Identical
    } else if only_b == 0 && only_a > 0 {
        Relation::Cut
    } else if only_a == 0 && only_b > 0 {
        Relation::Extended
    } else if only_a == 0 && only_b == 0 || shared_a.max(shared_b) >= WHOLLY_DERIVED {
        Relation::Edited
    } else if shared_passages >= MIN_SHARED_PASSAGES {
        Relation::Rewrite
    } else {
        Relation::Independent
    };
    Summary {
        relation,
        shared_a,
        shared_b,
        counts,
        only_a,
        only_b,
        shared_passages,
    }
}

/// Hashes of the word 5-grams that can show reuse: outside quotation marks, with at least one
/// word that is neither capitalised nor a function word (so "U.S. Secretary of State Antony"
/// is not evidence). Sorted, without repeats.
pub fn reuse_grams(tokens: &[Token]) -> Vec<u64> {
    let mut out: Vec<u64> = tokens
        .windows(5)
        .filter(|w| w.iter().all(|t| !t.quoted) && w.iter().any(|t| !t.cap && !t.stop))
        .map(|w| gram5(w.iter().map(|t| t.key)))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

pub fn gram5(keys: impl Iterator<Item = u64>) -> u64 {
    keys.fold(0x51_7cc1_b727_220a_u64, |h, k| mix(h.rotate_left(13) ^ k))
}

/// Number of values two sorted, repeat-free lists share.
pub fn count_common(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}
