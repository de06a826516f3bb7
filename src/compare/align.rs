//! Sentence alignment of two versions. First the groups one diff of the two texts' words gives
//! (sentences first, then the words between equal runs), which layout cannot disturb: sentences
//! whose words line up form a group whatever each side's sentence boundaries. Then, among the
//! sentences left, exact matches and fuzzy candidates found through shared word 3-grams (never
//! all pairs), accepted greedily by similarity: moved and rewritten sentences; neighbours folded
//! in where versions merged or split sentences; moves found by keeping the heaviest set of
//! groups whose order agrees in both versions (NewsEdits removes crossing matches until none
//! cross).

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::Prepared;
use super::normalise::{KeyMap, hash_seq, mix};

/// A sentence (or part of an over-long one) of a version, as the unit of alignment.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Byte range in the text, boilerplate trimmed from its ends.
    pub range: Range<usize>,
    /// Indices into the version's tokens.
    pub toks: Range<usize>,
}

/// Aligned units: a run of units of a matched to a run of units of b (1–1, or n–m where a
/// version merged or split sentences).
#[derive(Debug, Clone)]
pub struct Group {
    pub a: Range<usize>,
    pub b: Range<usize>,
    /// True when the group is out of order relative to the others (a move).
    pub moved: bool,
}

/// Fuzzy pairs need this share of the shorter sentence's words in common (NewsEdits accepts a
/// match under a distance threshold; half the words is the usual "same sentence, edited" line).
const MIN_CONTAINMENT: f64 = 0.5;
/// …and this Dice similarity, so a long sentence is not paired with a short one it merely contains.
const MIN_DICE: f64 = 0.3;
/// Candidates kept per sentence: bounds the work whatever the input.
const MAX_CANDIDATES: usize = 4;
/// 3-grams found in more sentences than this are too common to point at a partner.
const MAX_POSTING: usize = 64;

/// Number of tokens two key sequences share in order (the length of their diff's equal runs).
pub fn common(a: &[u64], b: &[u64], deadline: Duration) -> usize {
    if a == b {
        return a.len();
    }
    let ops = capture_diff_slices_deadline(Algorithm::Myers, a, b, Some(Instant::now() + deadline));
    ops.iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}

pub fn align(a: &Prepared, b: &Prepared, deadline: Duration) -> Vec<Group> {
    let (a_keys, a_units, a_tokens) = (&a.keys[..], &a.units[..], &a.tokens[..]);
    let (b_keys, b_units, b_tokens) = (&b.keys[..], &b.units[..], &b.tokens[..]);
    let ka = |i: usize| &a_keys[a_units[i].toks.clone()];
    let kb = |j: usize| &b_keys[b_units[j].toks.clone()];
    let mut a_owner: Vec<Option<usize>> = vec![None; a_units.len()];
    let mut b_owner: Vec<Option<usize>> = vec![None; b_units.len()];
    let mut groups: Vec<Group> = Vec::new();
    let mut matched: Vec<usize> = Vec::new();

    // In-order groups from one diff of the two versions' words: sentence boundaries play no
    // part in it, so text re-wrapped, merged, split or cut into fragments lines up word for word
    // whatever each side's sentences are. Sentences linked by enough matched words form a group.
    for (ra, rb, m) in diff_groups(a, b, deadline) {
        let g = groups.len();
        for i in ra.clone() {
            a_owner[i] = Some(g);
        }
        for j in rb.clone() {
            b_owner[j] = Some(g);
        }
        matched.push(m);
        groups.push(Group {
            a: ra,
            b: rb,
            moved: false,
        });
    }

    // Exact matches (after normalisation) among the rest, in order of appearance: sentences
    // moved elsewhere, however short.
    let mut by_hash: KeyMap<u64, Vec<usize>> = KeyMap::default();
    for j in (0..b_units.len()).rev().filter(|&j| b_owner[j].is_none()) {
        by_hash
            .entry(hash_seq(kb(j).iter().copied()))
            .or_default()
            .push(j);
    }
    #[allow(clippy::needless_range_loop)] // i indexes a_owner and a_units alike
    for i in 0..a_units.len() {
        if a_owner[i].is_some() {
            continue;
        }
        if let Some(list) = by_hash.get_mut(&hash_seq(ka(i).iter().copied())) {
            while let Some(j) = list.pop() {
                if kb(j) == ka(i) {
                    a_owner[i] = Some(groups.len());
                    b_owner[j] = Some(groups.len());
                    matched.push(ka(i).len());
                    groups.push(Group {
                        a: i..i + 1,
                        b: j..j + 1,
                        moved: false,
                    });
                    break;
                }
            }
        }
    }

    // Fuzzy candidates through shared 3-grams of the still unmatched sentences.
    let gram = |k: &[u64]| mix(k[0] ^ k[1].rotate_left(21) ^ k[2].rotate_left(42));
    let mut index: KeyMap<u64, Vec<u32>> = KeyMap::default();
    for j in (0..b_units.len()).filter(|&j| b_owner[j].is_none()) {
        for w in kb(j).windows(3) {
            let list = index.entry(gram(w)).or_default();
            if list.last() != Some(&(j as u32)) && list.len() <= MAX_POSTING {
                list.push(j as u32);
            }
        }
    }
    // A shared title and name ("Secretary of State Antony Blinken") does not make two sentences
    // one: the pair must also share a word that is neither capitalised nor a function word.
    let content = |i: usize, j: usize| {
        let cb: Vec<u64> = b_tokens[b_units[j].toks.clone()]
            .iter()
            .filter(|t| !t.cap && !t.stop)
            .map(|t| t.key)
            .collect();
        a_tokens[a_units[i].toks.clone()]
            .iter()
            .any(|t| !t.cap && !t.stop && cb.contains(&t.key))
    };
    let mut cands: Vec<(f64, usize, usize, usize)> = Vec::new();
    let mut hits: KeyMap<u32, u32> = KeyMap::default();
    for i in (0..a_units.len()).filter(|&i| a_owner[i].is_none()) {
        hits.clear();
        for w in ka(i).windows(3) {
            if let Some(list) = index.get(&gram(w))
                && list.len() <= MAX_POSTING
            {
                for &j in list {
                    *hits.entry(j).or_default() += 1;
                }
            }
        }
        let mut best: Vec<(u32, u32)> = hits.iter().map(|(&j, &n)| (n, j)).collect();
        best.sort_unstable_by(|x, y| y.cmp(x));
        for &(_, j) in best.iter().take(MAX_CANDIDATES) {
            let j = j as usize;
            let (la, lb) = (ka(i).len(), kb(j).len());
            let m = common(ka(i), kb(j), deadline);
            let contain = m as f64 / la.min(lb).max(1) as f64;
            let dice = 2.0 * m as f64 / (la + lb) as f64;
            if m >= 2 && contain >= MIN_CONTAINMENT && dice >= MIN_DICE && content(i, j) {
                cands.push((dice, i, j, m));
            }
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j, m) in cands {
        if a_owner[i].is_none() && b_owner[j].is_none() {
            a_owner[i] = Some(groups.len());
            b_owner[j] = Some(groups.len());
            matched.push(m);
            groups.push(Group {
                a: i..i + 1,
                b: j..j + 1,
                moved: false,
            });
        }
    }

    // Merged or split sentences: an unmatched sentence next to a group joins it when it adds at
    // least half its words to what the group has in common.
    let concat = |keys: &[u64], units: &[Unit], r: &Range<usize>| -> Vec<u64> {
        if r.is_empty() {
            return Vec::new();
        }
        keys[units[r.start].toks.start..units[r.end - 1].toks.end].to_vec()
    };
    let mut changed = true;
    while changed {
        changed = false;
        for side in 0..2 {
            let (owner, n) = if side == 0 {
                (&a_owner, a_units.len())
            } else {
                (&b_owner, b_units.len())
            };
            let mut joins = Vec::new();
            for u in (0..n).filter(|&u| owner[u].is_none()) {
                let neighbours = [
                    u.checked_sub(1).and_then(|p| owner[p]),
                    owner.get(u + 1).copied().flatten(),
                ];
                for g in neighbours.into_iter().flatten() {
                    let mut grown = groups[g].clone();
                    if side == 0 {
                        grown.a = grown.a.start.min(u)..grown.a.end.max(u + 1);
                    } else {
                        grown.b = grown.b.start.min(u)..grown.b.end.max(u + 1);
                    }
                    let len = if side == 0 {
                        a_units[u].toks.len()
                    } else {
                        b_units[u].toks.len()
                    };
                    let m = common(
                        &concat(a_keys, a_units, &grown.a),
                        &concat(b_keys, b_units, &grown.b),
                        deadline,
                    );
                    let gain = m.saturating_sub(matched[g]);
                    if gain >= 2 && gain as f64 >= MIN_CONTAINMENT * len as f64 {
                        joins.push((u, g, grown, m));
                        break;
                    }
                }
            }
            for (u, g, grown, m) in joins {
                // Two joins of one pass may touch the same group; only apply still-adjacent ones.
                let range = if side == 0 { &groups[g].a } else { &groups[g].b };
                if u + 1 == range.start || u == range.end {
                    let r = if side == 0 { grown.a } else { grown.b };
                    if side == 0 {
                        groups[g].a = groups[g].a.start.min(r.start)..groups[g].a.end.max(r.end);
                        a_owner[u] = Some(g);
                    } else {
                        groups[g].b = groups[g].b.start.min(r.start)..groups[g].b.end.max(r.end);
                        b_owner[u] = Some(g);
                    }
                    matched[g] = matched[g].max(m);
                    changed = true;
                }
            }
        }
    }

    mark_moves(&mut groups, a_units, b_units);
    groups.sort_by_key(|g| g.a.start);
    groups
}

/// Sentences of a and of b linked through a diff of the whole texts' words: runs of units whose
/// words the diff matches to each other, as (a units, b units, words matched). A pair of
/// sentences is linked when the diff matches at least half the shorter one's words (and two or
/// more of them, unless that is all the shorter one has): stray matches of "the" and "said"
/// between two rewritten sentences link nothing. Linked pairs are joined into groups (a sentence
/// of a split in two in b links to both), and a group spans every unit between its first and
/// last on each side.
fn diff_groups(a: &Prepared, b: &Prepared, deadline: Duration) -> Vec<(Range<usize>, Range<usize>, usize)> {
    if a.units.is_empty() || b.units.is_empty() {
        return Vec::new();
    }
    let unit_of = |p: &Prepared| {
        let mut v = vec![0usize; p.tokens.len()];
        for (u, unit) in p.units.iter().enumerate() {
            for t in unit.toks.clone() {
                v[t] = u;
            }
        }
        v
    };
    let (ua, ub) = (unit_of(a), unit_of(b));
    // Two levels, so that long versions made of re-used passages cost little more than their
    // differences: whole sentences first (a diff of the units' hashes), then the words of each
    // stretch between runs of equal sentences. Where layout changed every sentence boundary the
    // stretch is the whole text, and the word diff is cheap there because the words are equal.
    let ha: Vec<u64> = a
        .units
        .iter()
        .map(|u| hash_seq(a.keys[u.toks.clone()].iter().copied()))
        .collect();
    let hb: Vec<u64> = b
        .units
        .iter()
        .map(|u| hash_seq(b.keys[u.toks.clone()].iter().copied()))
        .collect();
    let t0 = |p: &Prepared, u: usize| p.units.get(u).map_or(p.tokens.len(), |x| x.toks.start);
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    let words = |ua0: usize, ua1: usize, ub0: usize, ub1: usize, runs: &mut Vec<(usize, usize, usize)>| {
        let (ta, tb) = (t0(a, ua0)..t0(a, ua1), t0(b, ub0)..t0(b, ub1));
        if ta.is_empty() || tb.is_empty() {
            return;
        }
        for op in capture_diff_slices_deadline(
            Algorithm::Patience,
            &a.keys[ta.clone()],
            &b.keys[tb.clone()],
            Some(Instant::now() + deadline * 4),
        ) {
            if let DiffOp::Equal {
                old_index,
                new_index,
                len,
            } = op
            {
                runs.push((ta.start + old_index, tb.start + new_index, len));
            }
        }
    };
    let (mut pa, mut pb) = (0, 0);
    for op in capture_diff_slices_deadline(Algorithm::Myers, &ha, &hb, Some(Instant::now() + deadline * 4)) {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            words(pa, old_index, pb, new_index, &mut runs);
            let (ta, tb) = (t0(a, old_index), t0(b, new_index));
            let n = t0(a, old_index + len) - ta;
            runs.push((ta, tb, n));
            (pa, pb) = (old_index + len, new_index + len);
        }
    }
    words(pa, a.units.len(), pb, b.units.len(), &mut runs);
    let ops = runs.into_iter().map(|(old_index, new_index, len)| DiffOp::Equal {
        old_index,
        new_index,
        len,
    });
    // Matched words per pair of units, in order (the diff is monotone, so pairs come sorted).
    let mut edges: Vec<(usize, usize, usize)> = Vec::new();
    for op in ops {
        let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        else {
            continue;
        };
        let (mut i, mut j, end) = (old_index, new_index, old_index + len);
        while i < end {
            let (u, v) = (ua[i], ub[j]);
            // Step to the end of whichever unit ends first.
            let step = (a.units[u].toks.end - i)
                .min(b.units[v].toks.end - j)
                .min(end - i)
                .max(1);
            match edges.last_mut() {
                Some(e) if e.0 == u && e.1 == v => e.2 += step,
                _ => edges.push((u, v, step)),
            }
            i += step;
            j += step;
        }
    }
    let len_a = |u: usize| a.units[u].toks.len();
    let len_b = |v: usize| b.units[v].toks.len();
    let mut out: Vec<(Range<usize>, Range<usize>, usize)> = Vec::new();
    for (u, v, w) in edges {
        let short = len_a(u).min(len_b(v));
        let linked = w == short || (w >= 2 && 2 * w >= short);
        if !linked {
            continue;
        }
        // Edges come in order of a and of b alike: an edge joins the last group when it shares
        // a unit with it, else starts a new one.
        match out.last_mut() {
            Some((ra, rb, m)) if u < ra.end || v < rb.end => {
                ra.end = ra.end.max(u + 1);
                rb.end = rb.end.max(v + 1);
                *m += w;
            }
            _ => out.push((u..u + 1, v..v + 1, w)),
        }
    }
    out
}

/// Keeps in place the heaviest set of groups whose order agrees in a and b (a weighted longest
/// increasing subsequence, O(n log n)); every other group is a move. Weight is the number of
/// words, so a short sentence is the one that moved, not the long passage around it.
fn mark_moves(groups: &mut [Group], a_units: &[Unit], b_units: &[Unit]) {
    let n = groups.len();
    if n < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&g| groups[g].a.start);
    let mut b_rank: Vec<usize> = (0..n).collect();
    b_rank.sort_by_key(|&g| groups[g].b.start);
    let mut rank = vec![0usize; n];
    for (r, &g) in b_rank.iter().enumerate() {
        rank[g] = r;
    }
    let weight = |g: &Group| {
        (a_units[g.a.start].toks.start..a_units[g.a.end - 1].toks.end).len()
            + (b_units[g.b.start].toks.start..b_units[g.b.end - 1].toks.end).len()
            + 1
    };
    // Fenwick tree of (best total, group) over b ranks, for prefix maxima.
    let mut tree: Vec<(usize, usize)> = vec![(0, usize::MAX); n + 1];
    let mut best = vec![0usize; n];
    let mut prev = vec![usize::MAX; n];
    for &g in &order {
        let mut k = rank[g];
        let mut top = (0usize, usize::MAX);
        while k > 0 {
            if tree[k].0 > top.0 {
                top = tree[k];
            }
            k &= k - 1;
        }
        best[g] = top.0 + weight(&groups[g]);
        prev[g] = top.1;
        let mut k = rank[g] + 1;
        while k <= n {
            if best[g] > tree[k].0 {
                tree[k] = (best[g], g);
            }
            k += k & k.wrapping_neg();
        }
    }
    let mut end = (0..n).max_by_key(|&g| (best[g], usize::MAX - g)).unwrap_or(0);
    for g in groups.iter_mut() {
        g.moved = true;
    }
    while end != usize::MAX {
        groups[end].moved = false;
        end = prev[end];
    }
}
