//! Anchoring: finding a note's passage again in an article that may have been renamed or edited,
//! Hypothesis-style — by article id, then path, then the quote (exact, disambiguated by its
//! context and position hint; then fuzzy with a score) — and carrying notes over to other
//! versions of the same story. A note that cannot be placed is detached, never dropped.

use std::borrow::Borrow;
use std::ops::Range;

use serde::Serialize;

use super::model::{Note, first_chars, last_chars};
use crate::article::Article;
use crate::text::CharMap;

/// Where a note stands in an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Found where it was: same path, and the quote at its recorded position.
    Attached,
    /// Found after the file was renamed, its text edited, or the passage shifted.
    Moved,
    /// Not placed; the note keeps its quote.
    Detached,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Attached => "attached",
            Status::Moved => "moved",
            Status::Detached => "detached",
        }
    }
}

/// A note's place in one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub status: Status,
    /// Byte range of the passage in the article's text; `None` for a note on the whole article or
    /// a detached note.
    pub range: Option<Range<usize>>,
    /// True when shown on another version of the story than the one it was written on.
    pub carried_over: bool,
    /// How well the passage matched, 0..=1 (1 for an exact quote in its exact context).
    pub score: f64,
}

impl Placement {
    fn detached() -> Placement {
        Placement {
            status: Status::Detached,
            range: None,
            carried_over: false,
            score: 0.0,
        }
    }
}

/// A quote found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub range: Range<usize>,
    pub score: f64,
    pub exact: bool,
}

/// Most edits a fuzzy match of a quote of `m` characters may have: a quarter of it (a word or
/// two changed in a sentence), at most 256 to bound the work.
pub fn max_errors(m: usize) -> usize {
    (m / 4).min(256)
}
/// Quotes shorter than this (in characters) are only matched exactly: a few edits in a short
/// quote leave nothing to recognise it by.
pub const MIN_FUZZY_CHARS: usize = 8;
/// At most this many exact occurrences are weighed, and this many fuzzy candidate places.
const MAX_OCCURRENCES: usize = 10_000;
const MAX_CANDIDATES: usize = 8;

// Weights of the parts of a match's score, after diff-match-patch as Hypothesis uses it:
// the quote counts most, its context next, the distance from the hint only breaks ties.
const W_QUOTE: f64 = 50.0;
const W_CONTEXT: f64 = 20.0;
const W_POSITION: f64 = 2.0;

/// Finds the note's quote in `text` (with `map` its char map): exact occurrences first, the one
/// whose context and position fit best; else the best fuzzy match within [`max_errors`].
pub fn find_quote(note: &Note, text: &str, map: &CharMap) -> Option<Found> {
    find_quote_in(note, text, map, true)
}

/// [`find_quote`]; `own_text` false when `text` is another version of the story, where the
/// position hint means nothing and is not tried as a fuzzy candidate.
fn find_quote_in(note: &Note, text: &str, map: &CharMap, own_text: bool) -> Option<Found> {
    if note.quote.is_empty() {
        return None;
    }
    find_exact(note, text, map).or_else(|| find_fuzzy(note, text, map, own_text))
}

fn find_exact(note: &Note, text: &str, map: &CharMap) -> Option<Found> {
    let q = &note.quote;
    // Fast path: the text at the hint is the quote in its recorded context.
    let hint = map.byte_of(note.position);
    if text.get(hint..).is_some_and(|t| t.starts_with(q.as_str())) {
        let s = score(note, text, map, hint..hint + q.len(), 1.0);
        if s >= 1.0 - 1e-9 {
            return Some(Found {
                range: hint..hint + q.len(),
                score: s,
                exact: true,
            });
        }
    }
    let mut best: Option<Found> = None;
    let mut from = 0;
    let mut seen = 0;
    // Overlapping occurrences, unlike `match_indices`.
    while let Some(i) = text.get(from..).and_then(|t| t.find(q.as_str())) {
        let start = from + i;
        let range = start..start + q.len();
        let s = score(note, text, map, range.clone(), 1.0);
        if best.as_ref().is_none_or(|b| s > b.score) {
            best = Some(Found {
                range,
                score: s,
                exact: true,
            });
        }
        seen += 1;
        if seen >= MAX_OCCURRENCES {
            break;
        }
        from = start + text[start..].chars().next().map_or(1, char::len_utf8);
    }
    best
}

/// The fuzzy stage with bounded work: candidate places come from a few exact seeds (pieces of the
/// quote, the end of the prefix, the start of the suffix, each found by substring search) plus
/// the position hint; at each, a banded semi-global edit distance aligns the quote with a window
/// a little longer than it. Work is linear in the text plus (candidates × quote × band).
fn find_fuzzy(note: &Note, text: &str, map: &CharMap, use_hint: bool) -> Option<Found> {
    let q: Vec<char> = note.quote.chars().map(fold).collect();
    let m = q.len();
    if m < MIN_FUZZY_CHARS || text.is_empty() {
        return None;
    }
    let max_err = max_errors(m);
    let slack = max_err.max(4);
    // Whether the quote itself begins or ends inside a word (then its match may too).
    let cut_start = note.prefix.chars().next_back().is_some_and(char::is_alphanumeric)
        && note.quote.chars().next().is_some_and(char::is_alphanumeric);
    let cut_end = note.suffix.chars().next().is_some_and(char::is_alphanumeric)
        && note.quote.chars().next_back().is_some_and(char::is_alphanumeric);

    // (seed text, where the quote would start relative to the seed's start, in bytes)
    let mut seeds: Vec<(String, isize)> = Vec::new();
    let seed_len = if m >= 64 { 16 } else { (m / 4).max(4) };
    let n_seeds = 8.min(m / seed_len).max(1);
    let qbytes: Vec<usize> = note.quote.char_indices().map(|(i, _)| i).collect();
    for k in 0..n_seeds {
        let c0 = if n_seeds == 1 {
            0
        } else {
            k * (m - seed_len) / (n_seeds - 1)
        };
        let b0 = qbytes[c0];
        let b1 = qbytes.get(c0 + seed_len).copied().unwrap_or(note.quote.len());
        seeds.push((note.quote[b0..b1].to_string(), -(b0 as isize)));
    }
    let pre = last_chars(&note.prefix, 16);
    if pre.chars().count() >= 8 {
        seeds.push((pre.to_string(), pre.len() as isize));
    }
    let suf = first_chars(&note.suffix, 16);
    if suf.chars().count() >= 8 {
        seeds.push((suf.to_string(), -(note.quote.len() as isize)));
    }
    seeds.retain(|(s, _)| !s.trim().is_empty());

    let mut starts: Vec<usize> = Vec::new();
    if use_hint {
        starts.push(map.byte_of(note.position));
    }
    // One substring search per seed: with a handful of short seeds this beats building an
    // automaton for every note (measured with `cargo bench --bench notes`).
    for (seed, off) in &seeds {
        for (at, _) in text.match_indices(seed.as_str()).take(MAX_OCCURRENCES) {
            let st = at as isize + off;
            starts.push(st.clamp(0, text.len() as isize) as usize);
        }
    }
    // Places within the slack of each other are one candidate; the most voted are tried first.
    starts.sort_unstable();
    let mut cands: Vec<(usize, usize)> = Vec::new(); // (start, votes)
    for s in starts {
        match cands.last_mut() {
            Some((c, v)) if s - *c <= slack => *v += 1,
            _ => cands.push((s, 1)),
        }
    }
    let hint = map.byte_of(note.position);
    cands.sort_by_key(|&(c, v)| (std::cmp::Reverse(v), c.abs_diff(hint)));
    cands.truncate(MAX_CANDIDATES);
    if !use_hint && seeds.len() > 1 {
        // In another version one shared stock phrase ("the U.S. and NATO") is no evidence;
        // a passage that is really there keeps at least two of its seeds.
        cands.retain(|&(_, votes)| votes >= 2);
    }

    let mut best: Option<Found> = None;
    for (cand, _) in cands {
        let cand = crate::text::floor_boundary(text, cand);
        // Window: `slack` chars before the candidate to quote + slack chars after it.
        let before = text[..cand]
            .char_indices()
            .rev()
            .take(slack)
            .last()
            .map_or(cand, |(i, _)| i);
        let window: Vec<(usize, char)> = text[before..]
            .char_indices()
            .take(m + 2 * slack)
            .map(|(i, c)| (before + i, c))
            .collect();
        let wc: Vec<char> = window.iter().map(|&(_, c)| fold(c)).collect();
        let Some((mut ws, mut we, mut dist)) = align(&q, &wc, 2 * slack, max_err) else {
            continue;
        };
        // Snap to whole words: an alignment may end on a stray piece of the next word or begin
        // with the tail of the previous one, which no reader would call the passage.
        let (s0, e0) = (ws, we);
        let before_is_word = |ws: usize| match ws {
            0 => text[..window[0].0]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric),
            _ => wc[ws - 1].is_alphanumeric(),
        };
        if !cut_start && ws < we && wc[ws].is_alphanumeric() && before_is_word(ws) {
            while ws < we && wc[ws].is_alphanumeric() {
                ws += 1;
            }
        }
        let after_is_word = |we: usize| wc.get(we).is_some_and(|c| c.is_alphanumeric());
        if !cut_end && we > ws && wc[we - 1].is_alphanumeric() && after_is_word(we) {
            while we > ws && wc[we - 1].is_alphanumeric() {
                we -= 1;
            }
        }
        if !q[0].is_whitespace() {
            while ws < we && wc[ws].is_whitespace() {
                ws += 1;
            }
        }
        if !q[m - 1].is_whitespace() {
            while we > ws && wc[we - 1].is_whitespace() {
                we -= 1;
            }
        }
        if ws >= we {
            continue;
        }
        if (ws, we) != (s0, e0) {
            match banded_distance(&q, &wc[ws..we], max_err) {
                Some(d) => dist = d,
                None => continue,
            }
        }
        let sim = 1.0 - dist as f64 / m as f64;
        let bs = window[ws].0;
        let be = window.get(we).map_or(text.len(), |&(b, _)| b);
        let s = score(note, text, map, bs..be, sim);
        if best.as_ref().is_none_or(|b| s > b.score) {
            best = Some(Found {
                range: bs..be,
                score: s,
                exact: false,
            });
        }
    }
    best
}

/// Semi-global edit distance of `q` against a substring of `w` (free start and end in `w`),
/// restricted to the diagonals `0..=band` (column minus row). Returns the best substring's
/// start and end (char indices into `w`) and its distance; `None` as soon as every path has
/// more than `max_dist` edits (costs never fall along a path, so no later row can do better).
fn align(q: &[char], w: &[char], band: usize, max_dist: usize) -> Option<(usize, usize, usize)> {
    const INF: usize = usize::MAX / 2;
    let n = w.len();
    let width = band + 1;
    // Row 0: the match may start at any column, at no cost; the start is carried along the path.
    let mut prev: Vec<(usize, usize)> = (0..width)
        .map(|d| if d <= n { (0, d) } else { (INF, 0) })
        .collect();
    let mut cur = vec![(INF, 0); width];
    for i in 1..=q.len() {
        for d in 0..width {
            let j = i + d;
            if j > n {
                cur[d] = (INF, 0);
                continue;
            }
            // On equal cost the later start wins: skipping the quote's unmatched first words
            // is better than pairing them with whatever text precedes the passage.
            let better = |a: (usize, usize), b: (usize, usize)| a.0 < b.0 || (a.0 == b.0 && a.1 > b.1);
            let (dc, ds) = prev[d];
            let mut best = (dc + usize::from(q[i - 1] != w[j - 1]), ds);
            if d + 1 < width && better((prev[d + 1].0 + 1, prev[d + 1].1), best) {
                best = (prev[d + 1].0 + 1, prev[d + 1].1);
            }
            if d >= 1 && better((cur[d - 1].0 + 1, cur[d - 1].1), best) {
                best = (cur[d - 1].0 + 1, cur[d - 1].1);
            }
            cur[d] = best;
        }
        if cur.iter().all(|&(c, _)| c > max_dist) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let m = q.len();
    (0..width)
        .filter(|&d| m + d <= n && prev[d].0 <= max_dist)
        .map(|d| (prev[d].1, m + d, prev[d].0))
        .min_by_key(|&(s, e, dist)| (dist, e - s))
}

/// Edit distance of `a` and `b` when it is at most `k`, computed on the diagonals within `k`
/// of the main one (O(len × k)); `None` when it is more.
fn banded_distance(a: &[char], b: &[char], k: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > k {
        return None;
    }
    const INF: usize = usize::MAX / 2;
    // Row i holds columns j in i-k..=i+k, stored at j + k - i.
    let width = 2 * k + 1;
    let mut prev: Vec<usize> = (0..width)
        .map(|x| if x >= k && x - k <= b.len() { x - k } else { INF })
        .collect();
    let mut cur = vec![INF; width];
    for i in 1..=a.len() {
        for (x, cell) in cur.iter_mut().enumerate() {
            *cell = INF;
            let Some(j) = (i + x).checked_sub(k) else { continue };
            if j > b.len() {
                continue;
            }
            if j == 0 {
                *cell = i;
                continue;
            }
            let mut v = prev[x] + usize::from(a[i - 1] != b[j - 1]); // diagonal: same x
            if x + 1 < width {
                v = v.min(prev[x + 1] + 1); // from (i-1, j): x + 1
            }
            *cell = v;
        }
        for x in 1..width {
            cur[x] = cur[x].min(cur[x - 1] + 1); // from (i, j-1): x - 1
        }
        if cur.iter().all(|&c| c > k) {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let x = b.len() + k - a.len();
    (prev[x] <= k).then_some(prev[x])
}

/// Typographic variants read as the same character: curly and straight quotes, dashes, spaces
/// (outlets restyle agency copy; a quote should survive that).
fn fold(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '«' | '»' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' => ' ',
        c => c,
    }
}

/// The score of the quote found at `range` with quote similarity `quote_sim`: its context
/// against the note's prefix and suffix, and its distance from the position hint.
fn score(note: &Note, text: &str, map: &CharMap, range: Range<usize>, quote_sim: f64) -> f64 {
    let pn = note.prefix.chars().count();
    let sn = note.suffix.chars().count();
    let pre = similarity(&note.prefix, last_chars(&text[..range.start], pn));
    let suf = similarity(&note.suffix, first_chars(&text[range.end..], sn));
    let len = map.len_chars().max(1) as f64;
    let dist = map.char_of(range.start).abs_diff(note.position) as f64;
    let pos = 1.0 - (dist / len).min(1.0);
    (W_QUOTE * quote_sim + W_CONTEXT * pre + W_CONTEXT * suf + W_POSITION * pos)
        / (W_QUOTE + 2.0 * W_CONTEXT + W_POSITION)
}

/// 1 - edit distance / longer length, over characters; 1 for two empty strings. Only used on
/// short context strings (≤ 32 chars), so the plain quadratic table is fine.
fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().map(fold).collect();
    let b: Vec<char> = b.chars().map(fold).collect();
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        for j in 1..=b.len() {
            cur[j] = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                .min(prev[j] + 1)
                .min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    1.0 - prev[b.len()] as f64 / longest as f64
}

/// Places a note in what is taken to be its own article (matched by id or path, or chosen by
/// quote): `attached` when it is the same file (see [`Note::is_at`]) and the quote is exactly at its recorded
/// position, `moved` when found elsewhere, `detached` when the quote is not found.
pub fn place_in(note: &Note, article: &Article, map: &CharMap) -> Placement {
    if note.is_whole_article() {
        let status = if note.is_at(&article.path) {
            Status::Attached
        } else {
            Status::Moved
        };
        return Placement {
            status,
            range: None,
            carried_over: false,
            score: 1.0,
        };
    }
    match find_quote(note, &article.text, map) {
        None => Placement::detached(),
        Some(f) => {
            let here = f.exact && map.char_of(f.range.start) == note.position && note.is_at(&article.path);
            Placement {
                status: if here { Status::Attached } else { Status::Moved },
                range: Some(f.range),
                carried_over: false,
                score: f.score,
            }
        }
    }
}

/// Places a note on any article where its quoted passage appears — another version of the same
/// story, say. Marked as carried over when the article is not the one the note was written on.
/// `None` for a note on a whole article other than its own, or when the quote is not found.
pub fn carry_over(note: &Note, article: &Article) -> Option<Placement> {
    carry_over_with(note, article, &article.char_map())
}

/// [`carry_over`] with the article's char map already built (the notes pane places many
/// notes on one article).
pub fn carry_over_with(note: &Note, article: &Article, map: &CharMap) -> Option<Placement> {
    let own = article.id == note.article_id;
    if own {
        let p = place_in(note, article, map);
        return (p.status != Status::Detached).then_some(p);
    }
    let f = find_quote_in(note, &article.text, map, false)?;
    Some(Placement {
        status: Status::Moved,
        range: Some(f.range),
        carried_over: true,
        score: f.score,
    })
}

/// Which article a note belongs to among `articles`, and where in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Home {
    /// Index into the articles; `None` when the note belongs to none of them.
    pub article: Option<usize>,
    pub placement: Placement,
}

/// Finds each note's own article among `articles` by the anchoring rules: the article with the
/// note's article id (preferring the same path), else the one at the note's path, else — for a
/// passage note — the article where the quote matches best. Returns one [`Home`] per note, in
/// order; a note with no home is detached.
/// Takes articles or shared ones (`Arc<Article>`, as the reader holds them).
pub fn resolve<A: Borrow<Article>>(notes: &[Note], articles: &[A]) -> Vec<Home> {
    let articles: Vec<&Article> = articles.iter().map(Borrow::borrow).collect();
    let maps: Vec<CharMap> = articles.iter().map(|a| a.char_map()).collect();
    notes
        .iter()
        .map(|note| {
            let by_id = articles
                .iter()
                .position(|a| a.id == note.article_id && note.is_at(&a.path))
                .or_else(|| articles.iter().position(|a| a.id == note.article_id));
            let by_path = || articles.iter().position(|a| note.is_at(&a.path));
            if let Some(i) = by_id.or_else(by_path) {
                return Home {
                    article: Some(i),
                    placement: place_in(note, articles[i], &maps[i]),
                };
            }
            let mut best: Option<(usize, Found)> = None;
            for (i, a) in articles.iter().enumerate() {
                if let Some(f) = find_quote(note, &a.text, &maps[i])
                    && best.as_ref().is_none_or(|(_, b)| f.score > b.score)
                {
                    best = Some((i, f));
                }
            }
            match best {
                Some((i, f)) => Home {
                    article: Some(i),
                    placement: Placement {
                        status: Status::Moved,
                        range: Some(f.range),
                        carried_over: false,
                        score: f.score,
                    },
                },
                None => Home {
                    article: None,
                    placement: Placement::detached(),
                },
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art(path: &str, text: &str) -> Article {
        build(path, text.to_string(), "UTF-8", Meta::default(), Vec::new())
    }

    fn note_on(a: &Article, quote: &str, nth: usize) -> Note {
        let start = a.text.match_indices(quote).nth(nth).unwrap().0;
        Note::on_passage(a, start..start + quote.len(), "n")
    }

    const STORY: &str = "Putin said on Tuesday that Russia wants talks. The West is worried. \
        Russia has massed troops near the border. Talks will go on, officials said. \
        The West is worried. NATO said it would respond to any attack on an ally.";

    #[test]
    fn exact_at_hint_is_attached() {
        let a = art("s.txt", STORY);
        let n = note_on(&a, "Russia has massed troops near the border.", 0);
        let p = place_in(&n, &a, &a.char_map());
        assert_eq!(p.status, Status::Attached);
        assert_eq!(&a.text[p.range.unwrap()], n.quote);
    }

    #[test]
    fn position_hint_counts_characters_not_bytes() {
        let a = art(
            "u.txt",
            "«Ça» — 😀 émigré Zelenskyy met Putin in Kyiv. Then more.",
        );
        let n = note_on(&a, "met Putin in Kyiv", 0);
        assert_eq!(n.position, a.text[..a.text.find("met").unwrap()].chars().count());
        let p = place_in(&n, &a, &a.char_map());
        assert_eq!(p.status, Status::Attached);
        assert_eq!(&a.text[p.range.unwrap()], "met Putin in Kyiv");
    }

    #[test]
    fn repeated_quote_is_told_apart_by_context() {
        let a = art("s.txt", STORY);
        let second = note_on(&a, "The West is worried.", 1);
        // Shift the text so the position hint no longer lands on a match: context must decide.
        let b = art("s.txt", &format!("Update: {STORY}"));
        let f = find_quote(&second, &b.text, &b.char_map()).unwrap();
        let second_at = b.text.match_indices("The West is worried.").nth(1).unwrap().0;
        assert_eq!(f.range.start, second_at);
        assert!(f.exact);
        assert_eq!(place_in(&second, &b, &b.char_map()).status, Status::Moved);
    }

    #[test]
    fn fuzzy_finds_an_edited_quote() {
        let a = art("s.txt", STORY);
        let n = note_on(&a, "Russia has massed troops near the border.", 0);
        let edited = STORY.replace("has massed troops near", "has massed 100,000 troops near");
        let b = art("s.txt", &edited);
        let f = find_quote(&n, &b.text, &b.char_map()).unwrap();
        assert!(!f.exact);
        assert_eq!(
            &b.text[f.range.clone()],
            "Russia has massed 100,000 troops near the border."
        );
        assert_eq!(place_in(&n, &b, &b.char_map()).status, Status::Moved);
    }

    #[test]
    fn fuzzy_gives_up_on_a_rewritten_quote() {
        let a = art("s.txt", STORY);
        let n = note_on(&a, "Russia has massed troops near the border.", 0);
        let b = art(
            "s.txt",
            &STORY.replace(
                "Russia has massed troops near the border.",
                "Moscow denies any buildup.",
            ),
        );
        assert_eq!(find_quote(&n, &b.text, &b.char_map()), None);
        assert_eq!(place_in(&n, &b, &b.char_map()).status, Status::Detached);
    }

    #[test]
    fn fuzzy_work_is_bounded_on_a_long_text() {
        // A long text with no seed in it: only the hint candidate is tried.
        let a = art("s.txt", STORY);
        let n = note_on(&a, "Russia has massed troops near the border.", 0);
        let long = "lorem ipsum dolor sit amet ".repeat(40_000);
        assert_eq!(find_quote(&n, &long, &CharMap::new(&long)), None);
    }

    proptest::proptest! {
        /// Any note on any text: no panic, and a found range lies on char boundaries of the text,
        /// holding the quote itself when the match is exact.
        #[test]
        fn placing_never_panics_and_stays_in_bounds(
            text in "(?s).{0,300}",
            quote in "(?s).{0,40}",
            prefix in "(?s).{0,32}",
            suffix in "(?s).{0,32}",
            position in proptest::prelude::any::<usize>(),
            start in 0usize..300,
        ) {
            let a = art("p.txt", &text);
            let mut n = Note::on_article(&a, "n");
            // Half the cases quote a real passage of the text, half an arbitrary string.
            let s = crate::text::floor_boundary(&text, start);
            let real = &text[s..crate::text::floor_boundary(&text, s + quote.len())];
            n.quote = if start % 2 == 0 { real.to_string() } else { quote };
            (n.prefix, n.suffix, n.position) = (prefix, suffix, position);
            let map = a.char_map();
            if let Some(f) = find_quote(&n, &text, &map) {
                proptest::prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
                proptest::prop_assert!(f.range.start <= f.range.end && f.range.end <= text.len());
                if f.exact {
                    proptest::prop_assert_eq!(&text[f.range.clone()], n.quote.as_str());
                }
            }
            let _ = place_in(&n, &a, &map);
            let _ = carry_over(&n, &a);
        }
    }

    #[test]
    fn typographic_quotes_and_dashes_do_not_count_as_edits() {
        let a = art("ap.txt", "Putin said \"it's not going to be easy\" - and left.");
        let n = note_on(&a, "said \"it's not going to be easy\" - and", 0);
        let b = art(
            "cbs.txt",
            "Then Putin said \u{201C}it\u{2019}s not going to be easy\u{201D} \u{2014} and left.",
        );
        let f = find_quote(&n, &b.text, &b.char_map()).unwrap();
        assert!(!f.exact);
        assert_eq!(
            &b.text[f.range],
            "said \u{201C}it\u{2019}s not going to be easy\u{201D} \u{2014} and"
        );
    }

    #[test]
    fn fuzzy_match_keeps_to_whole_words() {
        // The alignment alone would end on the "a" of "and": a different sentence, so no match.
        let a = art(
            "a.txt",
            "after which Secretary of State Antony Blinken will speak. More.",
        );
        let n = note_on(&a, "Secretary of State Antony Blinken will speak.", 0);
        let b = art(
            "b.txt",
            "Lavrov and Secretary of State Antony Blinken and Putin met.",
        );
        assert_eq!(carry_over(&n, &b), None);
        // Unmatched first words of the quote are skipped, not paired with the text before.
        let a = art(
            "a.txt",
            "Moscow: Russian President Vladimir Putin on Tuesday accused the U.S. of lying.",
        );
        let n = note_on(
            &a,
            "Moscow: Russian President Vladimir Putin on Tuesday accused the U.S.",
            0,
        );
        let b = art(
            "b.txt",
            "Video 01:58  Russian President Vladimir Putin on Tuesday accused the U.S. of lying.",
        );
        let p = carry_over(&n, &b).unwrap();
        assert_eq!(
            &b.text[p.range.unwrap()],
            "Russian President Vladimir Putin on Tuesday accused the U.S."
        );
    }

    fn plain_distance(a: &[char], b: &[char]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut cur = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                cur[j] = (prev[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(prev[j] + 1)
                    .min(cur[j - 1] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    proptest::proptest! {
        /// The banded distance agrees with the full table whenever the distance is within the band.
        #[test]
        fn banded_distance_is_exact_within_its_band(a in "[abc ]{0,24}", b in "[abc ]{0,24}", k in 0usize..8) {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            let d = plain_distance(&a, &b);
            proptest::prop_assert_eq!(banded_distance(&a, &b, k), (d <= k).then_some(d));
        }
    }

    #[test]
    fn align_finds_substring_with_edits() {
        let w: Vec<char> = "xxxxhellp worldxxxx".chars().collect();
        let q: Vec<char> = "hello world".chars().collect();
        let (s, e, d) = align(&q, &w, 8, 4).unwrap();
        assert_eq!((s, e, d), (4, 15, 1));
        assert_eq!(align(&q, &w, 8, 0), None);
        let far: Vec<char> = "completely other words".chars().collect();
        assert_eq!(align(&q, &far, 8, 2), None);
    }

    #[test]
    fn resolve_by_id_then_path_then_quote() {
        let a = art("old/a.txt", STORY);
        let n = note_on(&a, "Talks will go on, officials said.", 0);
        let other = art("b.txt", "Nothing to do with it at all, another story entirely.");
        // Renamed: same id, new path.
        let renamed = art("new/a.txt", STORY);
        let h = resolve(std::slice::from_ref(&n), &[other.clone(), renamed.clone()]);
        assert_eq!(h[0].article, Some(1));
        assert_eq!(h[0].placement.status, Status::Moved);
        // Renamed and edited: found by quote.
        let edited = art(
            "new/a.txt",
            &STORY.replace("Putin said on Tuesday", "Putin said late Tuesday"),
        );
        let h = resolve(std::slice::from_ref(&n), &[other.clone(), edited]);
        assert_eq!(h[0].article, Some(1));
        assert_eq!(h[0].placement.status, Status::Moved);
        // Gone: detached, not dropped.
        let h = resolve(std::slice::from_ref(&n), &[other]);
        assert_eq!(h[0].article, None);
        assert_eq!(h[0].placement.status, Status::Detached);
    }

    #[test]
    fn carry_over_marks_other_versions() {
        let a = art("ap.txt", STORY);
        let n = note_on(&a, "NATO said it would respond", 0);
        let cbs = art("cbs.txt", &format!("CBS intro. {STORY}"));
        let p = carry_over(&n, &cbs).unwrap();
        assert!(p.carried_over);
        assert_eq!(&cbs.text[p.range.unwrap()], "NATO said it would respond");
        assert!(!carry_over(&n, &a).unwrap().carried_over);
        let unrelated = art(
            "x.txt",
            "A different story about the weather in Spain and France.",
        );
        assert_eq!(carry_over(&n, &unrelated), None);
        let whole = Note::on_article(&a, "w");
        assert_eq!(carry_over(&whole, &cbs), None);
    }
}
