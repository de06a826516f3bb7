//! Names in one version and not the other, and quotes from one speaker worded differently: the
//! differences a reporter cares about (who was cut, who was added, what a person is reported to
//! have said). Names are the entities module's people, organisations, places and groups.

use std::ops::Range;
use std::time::Instant;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::normalise::Token;
use super::{Change, ChangeOp, Prepared};
use crate::entities::index::{name_words, same_name};
use crate::entities::{Analysis, Entity, Label};

/// The labels that name someone or something (not dates or numbers).
pub const NAME_LABELS: [Label; 4] = crate::entities::index::INDEX_LABELS;

pub fn is_name(label: Label) -> bool {
    NAME_LABELS.contains(&label)
}

/// A name of one version: its entity and its matching form.
struct Named<'t> {
    entity: &'t Entity,
    words: Vec<String>,
}

fn named<'t>(text: &str, analysis: &'t Analysis, skip: &[Range<usize>]) -> Vec<Named<'t>> {
    analysis
        .entities
        .iter()
        .filter(|e| is_name(e.label))
        .filter(|e| {
            !skip
                .iter()
                .any(|r| r.start <= e.range.start && e.range.start < r.end)
        })
        .filter_map(|e| {
            // Canonical spelling: "U.S." in one version and "United States" in the other match.
            let words = crate::entities::canon::matching_words(e.label, text.get(e.range.clone())?);
            (!words.is_empty()).then_some(Named { entity: e, words })
        })
        .collect()
}

/// Names in a (first mention of each, with its label) that b never names: no entity of b can be
/// the same name, and b's words do not hold the name either (the recogniser may have missed it
/// there, and a name still written in b is not a name b dropped).
#[allow(clippy::too_many_arguments)]
pub fn names_only(
    text: &str,
    analysis: &Analysis,
    skip: &[Range<usize>],
    other_text: &str,
    other_analysis: &Analysis,
    other_skip: &[Range<usize>],
    their_words: &[String],
) -> Vec<(Range<usize>, Label)> {
    let mine = named(text, analysis, skip);
    let theirs = named(other_text, other_analysis, other_skip);
    // Where each word stands in the other version, so a name is looked up where it may start.
    let mut at: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, w) in their_words.iter().enumerate() {
        at.entry(w.as_str()).or_default().push(i);
    }
    let written_in_other = |w: &[String]| {
        at.get(w[0].as_str()).is_some_and(|starts| {
            starts.iter().any(|&i| {
                their_words
                    .get(i..i + w.len())
                    .is_some_and(|win| win.iter().zip(w).all(|(a, b)| a == b))
            })
        })
    };
    // Names that can be the same always end in the same word: look them up by it.
    let mut by_last: std::collections::HashMap<&str, Vec<&[String]>> = std::collections::HashMap::new();
    for t in &theirs {
        if let Some(last) = t.words.last() {
            let v = by_last.entry(last.as_str()).or_default();
            if !v.contains(&t.words.as_slice()) {
                v.push(&t.words);
            }
        }
    }
    let named_in_other = |w: &[String]| {
        w.last()
            .and_then(|l| by_last.get(l.as_str()))
            .is_some_and(|v| v.iter().any(|t| same_name(t, w)))
    };
    let mut out: Vec<(Range<usize>, Label)> = Vec::new();
    let mut reported: std::collections::HashMap<&str, Vec<&[String]>> = std::collections::HashMap::new();
    let mut seen: std::collections::HashSet<&[String]> = std::collections::HashSet::new();
    for n in &mine {
        if !seen.insert(&n.words) {
            continue;
        }
        // A later mention of a name already reported ("Putin" after "Vladimir Putin") is the same.
        let last = n.words.last().map(String::as_str).unwrap_or("");
        if reported
            .get(last)
            .is_some_and(|v| v.iter().any(|r| same_name(r, &n.words)))
        {
            continue;
        }
        let in_other = named_in_other(&n.words) || written_in_other(&n.words);
        if !in_other {
            out.push((n.entity.range.clone(), n.entity.label));
            reported.entry(last).or_default().push(&n.words);
        }
    }
    out
}

/// The matching form of each word of a version, as [`name_words`] writes a name's words: looked
/// up to tell whether a name is written in the other version. One pass over the tokens with one
/// buffer (a token is one word: no spaces or hyphens to split at).
pub fn token_words(text: &str, p: &Prepared) -> Vec<String> {
    let mut buf = String::new();
    p.tokens
        .iter()
        .map(|t| {
            super::normalise::normalise_word(&text[t.range.clone()], &mut buf);
            let mut w: String = buf.chars().filter(|&c| c != '.' && c != ',').collect();
            if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')) {
                w.truncate(stem.len());
            }
            w
        })
        .collect()
}

/// A quote in a and a quote in b attributed to the same speaker, worded differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteDifference {
    /// The quotes (byte ranges including their quotation marks) in a and in b.
    pub a: Range<usize>,
    pub b: Range<usize>,
    /// Where each version names the speaker.
    pub speaker_a: Range<usize>,
    pub speaker_b: Range<usize>,
    /// Word diff of the two quotes (equal runs, deletions from a, insertions in b).
    pub changes: Vec<Change>,
}

/// Share of the shorter quote's words that must be found in the other, in order, for two quotes
/// of one speaker to be one statement reworded rather than two different statements.
const SAME_STATEMENT: f64 = 0.5;

fn quote_tokens<'p>(p: &'p Prepared, r: &Range<usize>) -> &'p [Token] {
    let lo = p.tokens.partition_point(|t| t.range.start < r.start);
    let hi = p.tokens.partition_point(|t| t.range.start < r.end);
    &p.tokens[lo..hi.max(lo)]
}

/// Pairs quotes of a and b by speaker (normalised name; a surname matches the full name) and
/// reports the pairs whose wording differs once quote styles, case and accents are set aside.
/// Each quote of b pairs with at most one of a: the one sharing most words.
///
/// Versions made of re-used passages repeat the same quotes hundreds of times: quotes are
/// grouped by speaker and words first, so each distinct pair of quotes is compared, and its word
/// diff taken, once (the diff's runs are then placed on each repeat).
pub fn quote_differences(
    a_text: &str,
    a_an: &Analysis,
    pa: &Prepared,
    b_text: &str,
    b_an: &Analysis,
    pb: &Prepared,
    deadline: std::time::Duration,
) -> Vec<QuoteDifference> {
    let speaker = |text: &str, q: &crate::entities::Quote| {
        q.speaker
            .as_ref()
            .and_then(|s| text.get(s.clone()))
            .map(name_words)
            .filter(|w| !w.is_empty())
    };
    // Distinct quotes of each side: (speaker, words) → the quotes that have them, in order.
    type Distinct = (Vec<String>, Vec<u64>, Vec<usize>);
    let distinct = |text: &str, an: &Analysis, p: &Prepared| -> (Vec<Distinct>, Vec<Option<usize>>) {
        let mut classes: Vec<Distinct> = Vec::new();
        let mut index: std::collections::HashMap<(Vec<String>, Vec<u64>), usize> =
            std::collections::HashMap::new();
        let mut class_of = vec![None; an.quotes.len()];
        for (i, q) in an.quotes.iter().enumerate() {
            let Some(who) = speaker(text, q) else { continue };
            let keys: Vec<u64> = quote_tokens(p, &q.range).iter().map(|t| t.key).collect();
            if keys.is_empty() {
                continue; // boilerplate, or no words
            }
            let k = *index.entry((who.clone(), keys.clone())).or_insert_with(|| {
                classes.push((who, keys, Vec::new()));
                classes.len() - 1
            });
            classes[k].2.push(i);
            class_of[i] = Some(k);
        }
        (classes, class_of)
    };
    let (a_classes, a_class_of) = distinct(a_text, a_an, pa);
    let (b_classes, _) = distinct(b_text, b_an, pb);
    // For each distinct quote of a, the distinct quotes of b that can be it, most words shared
    // first (then in b's order).
    let ranked: Vec<Vec<usize>> = a_classes
        .iter()
        .map(|(sa, ka, _)| {
            let mut c: Vec<(usize, usize)> = b_classes
                .iter()
                .enumerate()
                .filter(|(_, (sb, _, _))| same_name(sa, sb))
                .filter_map(|(k, (_, kb, _))| {
                    let common = super::align::common(ka, kb, deadline);
                    ((common as f64) >= SAME_STATEMENT * ka.len().min(kb.len()) as f64).then_some((k, common))
                })
                .collect();
            c.sort_by_key(|&(k, common)| (std::cmp::Reverse(common), b_classes[k].2[0]));
            c.into_iter().map(|(k, _)| k).collect()
        })
        .collect();
    let mut next_free = vec![0usize; b_classes.len()];
    let mut diffs: std::collections::HashMap<(usize, usize), Vec<DiffOp>> = std::collections::HashMap::new();
    let mut out = Vec::new();
    for (i, qa) in a_an.quotes.iter().enumerate() {
        let Some(ca) = a_class_of[i] else { continue };
        let Some(&cb) = ranked[ca]
            .iter()
            .find(|&&cb| next_free[cb] < b_classes[cb].2.len())
        else {
            continue;
        };
        let j = b_classes[cb].2[next_free[cb]];
        next_free[cb] += 1;
        let (ka, kb) = (&a_classes[ca].1, &b_classes[cb].1);
        if ka == kb {
            continue; // the same words: quote marks or case only
        }
        let ops = diffs.entry((ca, cb)).or_insert_with(|| {
            capture_diff_slices_deadline(Algorithm::Myers, ka, kb, Some(Instant::now() + deadline))
        });
        let qb = &b_an.quotes[j];
        out.push(QuoteDifference {
            a: qa.range.clone(),
            b: qb.range.clone(),
            speaker_a: qa.speaker.clone().unwrap_or_default(),
            speaker_b: qb.speaker.clone().unwrap_or_default(),
            changes: word_diff(quote_tokens(pa, &qa.range), quote_tokens(pb, &qb.range), ops),
        });
    }
    out
}

/// The changes of a diff's runs, placed on the tokens of one pair of quotes.
fn word_diff(ta: &[Token], tb: &[Token], ops: &[DiffOp]) -> Vec<Change> {
    let span = |t: &[Token], i: usize, n: usize| t[i].range.start..t[i + n - 1].range.end;
    let mut out = Vec::new();
    for op in ops.iter().copied() {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.push(Change {
                op: ChangeOp::Equal,
                a: Some(span(ta, old_index, len)),
                b: Some(span(tb, new_index, len)),
            }),
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.push(Change {
                op: ChangeOp::Delete,
                a: Some(span(ta, old_index, old_len)),
                b: None,
            }),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.push(Change {
                op: ChangeOp::Insert,
                a: None,
                b: Some(span(tb, new_index, new_len)),
            }),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                out.push(Change {
                    op: ChangeOp::Delete,
                    a: Some(span(ta, old_index, old_len)),
                    b: None,
                });
                out.push(Change {
                    op: ChangeOp::Insert,
                    a: None,
                    b: Some(span(tb, new_index, new_len)),
                });
            }
        }
    }
    out
}

/// The names an article mentions, for story grouping: each person, organisation, place or group
/// outside boilerplate, written out in full and, for a person, also by surname (so "Putin" in one
/// report meets "Vladimir Putin" in another).
pub fn story_names(text: &str, analysis: &Analysis, skip: &[Range<usize>]) -> Vec<String> {
    let mut out = Vec::new();
    for n in named(text, analysis, skip) {
        if n.entity.label == Label::Person
            && let Some(last) = n.words.last()
        {
            out.push(last.clone());
        }
        out.push(n.words.join(" "));
    }
    out.sort_unstable();
    out.dedup();
    out
}
