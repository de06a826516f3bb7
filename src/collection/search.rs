//! Finding text across every loaded article, ignoring case and accents ("orban" finds "Orbán",
//! "putin's" finds "Putin’s"), in parallel, a chunk of articles at a time so that callers can show
//! the first hits before the last article is searched.
//!
//! Folding is written here rather than taken from a crate because it must map every match back
//! to a byte range of the untouched text; most articles fold to themselves but for ASCII case,
//! and those are searched in place with an ASCII-case-insensitive automaton, with no copy.

use std::borrow::Borrow;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use rayon::prelude::*;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::article::Article;

/// Calls `push` with what `c` folds to: lowercase, accents dropped, curly quotes made straight.
fn fold_char(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        return push(c.to_ascii_lowercase());
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' => return push('\''),
        '\u{201C}' | '\u{201D}' | '\u{2033}' => return push('"'),
        _ => {}
    }
    decompose_canonical(c, |d| {
        for l in d.to_lowercase() {
            if !is_combining_mark(l) {
                push(l);
            }
        }
    });
}

/// `s` folded for matching: what the filter keys and queries are compared as.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

/// True when `c` folds to itself (apart from ASCII case, which the fast path ignores anyway).
fn folds_to_itself(c: char) -> bool {
    let mut n = 0;
    let mut same = true;
    fold_char(c, |f| {
        n += 1;
        same &= f == c;
    });
    same && n == 1
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{2032}' | '\u{201C}' | '\u{201D}' | '\u{2033}'
    )
}

/// A compiled query: the folded text and its automaton.
#[derive(Debug, Clone)]
pub struct Query {
    text: String,
    /// Whether the folded query has a straight quote: only then do curly quotes in an article
    /// make it need folding.
    has_quote: bool,
    ac: AhoCorasick,
}

impl Query {
    /// `None` for a query that folds to nothing (empty, or only combining marks).
    pub fn new(text: &str) -> Option<Query> {
        let folded = fold(text);
        if folded.is_empty() {
            return None;
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build([folded.as_str()])
            .ok()?;
        Some(Query {
            text: text.to_string(),
            has_quote: folded.contains(['\'', '"']),
            ac,
        })
    }

    /// The query as typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Every match in `text`, as sorted, non-overlapping byte ranges of `text`.
    pub fn find_in(&self, text: &str) -> Vec<Range<usize>> {
        if !self.needs_fold(text) {
            return self.ac.find_iter(text).map(|m| m.range()).collect();
        }
        // Fold a copy, remembering where each folded byte came from.
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<u32> = Vec::with_capacity(text.len());
        for (i, c) in text.char_indices() {
            let before = folded.len();
            fold_char(c, |f| folded.push(f));
            origin.resize(origin.len() + (folded.len() - before), i as u32);
        }
        self.ac
            .find_iter(&folded)
            .map(|m| {
                let start = origin[m.start()] as usize;
                let last = origin[m.end() - 1] as usize;
                let mut end = last + text[last..].chars().next().map_or(0, char::len_utf8);
                // Accents that fold to nothing belong to the letter before them.
                while let Some(c) = text[end..].chars().next().filter(|&c| is_combining_mark(c)) {
                    end += c.len_utf8();
                }
                start..end
            })
            .collect()
    }

    /// False when every character of `text` folds to itself but for ASCII case, so the automaton
    /// can run over the text as it is.
    fn needs_fold(&self, text: &str) -> bool {
        if text.is_ascii() {
            return false;
        }
        text.chars()
            .any(|c| !c.is_ascii() && !folds_to_itself(c) && (self.has_quote || !is_quote(c)))
    }
}

/// One match: the article (its index in the slice searched), the match and the sentence it is in,
/// as byte ranges into the article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub range: Range<usize>,
    pub sentence: Range<usize>,
}

/// The sentence holding `r` (from `Article::sentences`, widened to every sentence it touches);
/// else its paragraph; else the line it is on.
pub fn sentence_of(article: &Article, r: &Range<usize>) -> Range<usize> {
    let within = |spans: &[Range<usize>]| {
        let k = spans.partition_point(|s| s.end <= r.start);
        let first = spans.get(k).filter(|s| s.start <= r.start)?;
        let end = r.end.max(r.start + 1);
        let last = spans[k..]
            .iter()
            .take_while(|s| s.start < end)
            .last()
            .unwrap_or(first);
        Some(first.start..last.end.max(r.end))
    };
    within(&article.sentences)
        .or_else(|| within(&article.paragraphs))
        .unwrap_or_else(|| {
            let t = &article.text;
            let start = t[..r.start].rfind('\n').map_or(0, |i| i + 1);
            let end = t[r.end..].find('\n').map_or(t.len(), |i| r.end + i);
            start..end
        })
}

/// Every hit in one article.
pub fn hits_in(article: &Article, index: usize, query: &Query) -> Vec<Hit> {
    query
        .find_in(&article.text)
        .into_iter()
        .map(|range| Hit {
            article: index,
            sentence: sentence_of(article, &range),
            range,
        })
        .collect()
}

/// Every hit in `articles`, in article order, searched in parallel.
pub fn search_all<A: Borrow<Article> + Sync>(articles: &[A], query: &Query) -> Vec<Hit> {
    articles
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, a)| hits_in(a.borrow(), i, query))
        .collect()
}

/// A search that runs a chunk at a time: each [`SearchJob::step`] searches the next articles
/// (in parallel) and appends their hits, in article order. The first chunk is small so the first
/// hits come at once; chunks then double, up to [`SearchJob::MAX_CHUNK`].
#[derive(Debug, Clone)]
pub struct SearchJob {
    pub query: Query,
    /// The next article to search.
    pub next: usize,
    chunk: usize,
    pub hits: Vec<Hit>,
}

impl SearchJob {
    pub const FIRST_CHUNK: usize = 64;
    pub const MAX_CHUNK: usize = 2048;

    pub fn new(query: Query) -> SearchJob {
        SearchJob {
            query,
            next: 0,
            chunk: Self::FIRST_CHUNK,
            hits: Vec::new(),
        }
    }

    /// Searches the next chunk; returns how many hits it added. Articles appended to the slice
    /// later (a load still running) are searched by later steps.
    /// Takes articles or shared ones (`Arc<Article>`, as the reader holds them).
    pub fn step<A: Borrow<Article> + Sync>(&mut self, articles: &[A]) -> usize {
        let end = (self.next + self.chunk).min(articles.len());
        let from = self.next;
        let found: Vec<Hit> = articles[from..end]
            .par_iter()
            .enumerate()
            .flat_map_iter(|(i, a)| hits_in(a.borrow(), from + i, &self.query))
            .collect();
        self.next = end;
        self.chunk = (self.chunk * 2).min(Self::MAX_CHUNK);
        let n = found.len();
        self.hits.extend(found);
        n
    }

    /// True when every article of the slice has been searched.
    pub fn done<A>(&self, articles: &[A]) -> bool {
        self.next >= articles.len()
    }
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art(path: &str, text: &str) -> Article {
        build(path, text.to_string(), "UTF-8", Meta::default(), vec![])
    }

    fn find<'t>(q: &str, text: &'t str) -> Vec<&'t str> {
        let q = Query::new(q).unwrap();
        q.find_in(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn ignores_case_and_accents_both_ways() {
        assert_eq!(find("orban", "Viktor Orbán met ORBAN."), ["Orbán", "ORBAN"]);
        assert_eq!(find("Orbán", "Viktor Orban and orbán"), ["Orban", "orbán"]);
        assert_eq!(find("zelenskyy", "ZELENSKYY said"), ["ZELENSKYY"]);
        assert_eq!(find("ÉCOLE", "une école"), ["école"]);
        assert_eq!(find("straße", "STRAßE"), ["STRAßE"]);
        assert_eq!(find("киев", "в Киеве"), ["Киев"]);
    }

    #[test]
    fn straight_quotes_find_curly_ones() {
        assert_eq!(find("putin's", "Putin’s plan"), ["Putin’s"]);
        assert_eq!(find("\"no\"", "he said “No” twice"), ["“No”"]);
        // Without a quote in the query, an article with curly quotes takes the fast path and
        // still finds plain words.
        assert_eq!(find("plan", "Putin’s plan"), ["plan"]);
    }

    #[test]
    fn ranges_are_byte_ranges_of_the_text_as_it_is() {
        // A decomposed é (e + U+0301) is two characters; the match covers both.
        let text = "Cafe\u{301} Orba\u{301}n";
        let q = Query::new("orban").unwrap();
        assert_eq!(q.find_in(text), [7..14]);
        assert_eq!(&text[7..14], "Orba\u{301}n");
        let q = Query::new("café").unwrap();
        assert_eq!(q.find_in(text), [0..6]);
    }

    #[test]
    fn empty_and_mark_only_queries_are_none() {
        assert!(Query::new("").is_none());
        assert!(Query::new("\u{301}").is_none());
    }

    #[test]
    fn hits_carry_their_sentence() {
        let a = art(
            "a.txt",
            "Headline here\n\nFirst sentence about Kyiv. Second one about Moscow. Third.",
        );
        let q = Query::new("moscow").unwrap();
        let hits = hits_in(&a, 0, &q);
        assert_eq!(hits.len(), 1);
        assert_eq!(&a.text[hits[0].sentence.clone()], "Second one about Moscow.");
        assert_eq!(&a.text[hits[0].range.clone()], "Moscow");
    }

    #[test]
    fn search_all_is_in_article_order_and_steps_add_up() {
        let arts: Vec<Article> = (0..300)
            .map(|i| {
                let body = if i % 7 == 0 {
                    "Brink spoke. Brink left."
                } else {
                    "Nothing here."
                };
                art(&format!("{i:03}.txt"), &format!("Title {i}\n\n{body}"))
            })
            .collect();
        let q = Query::new("brink").unwrap();
        let all = search_all(&arts, &q);
        assert_eq!(all.len(), 2 * 300usize.div_ceil(7));
        assert!(
            all.windows(2)
                .all(|w| (w[0].article, w[0].range.start) < (w[1].article, w[1].range.start))
        );
        let mut job = SearchJob::new(q);
        let first = job.step(&arts);
        assert_eq!(job.next, SearchJob::FIRST_CHUNK);
        assert_eq!(first, 2 * 64usize.div_ceil(7));
        while !job.done(&arts) {
            job.step(&arts);
        }
        assert_eq!(job.hits, all);
    }
}
