//! The sidebar's list as data: which articles show (a filter over title, source and path) and in
//! what order (title, source, date, length, story). Keys are folded once per article, so a new
//! filter or order over ten thousand articles is a scan and a sort of short strings.

use std::borrow::Borrow;

use serde::{Deserialize, Serialize};

use super::search::fold;
use crate::article::Article;

/// The orders the sidebar can show. `Path` is the order of the articles as given (the loader
/// settles on path order once a load is done); the other orders break ties by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortMode {
    #[default]
    Path,
    Title,
    Source,
    /// Newest first by `published`; articles without a date it can read come last.
    Date,
    /// Longest first.
    Length,
    /// Versions of one story together. Story grouping comes with comparison (not written yet);
    /// until then this is path order. Hook: [`Listing::set_stories`].
    Story,
}

impl SortMode {
    pub const ALL: &[SortMode] = &[
        SortMode::Path,
        SortMode::Title,
        SortMode::Source,
        SortMode::Date,
        SortMode::Length,
        SortMode::Story,
    ];

    /// The next mode in [`SortMode::ALL`], wrapping.
    pub fn next(self) -> SortMode {
        let i = Self::ALL.iter().position(|m| *m == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }

    pub fn name(self) -> &'static str {
        match self {
            SortMode::Path => "path",
            SortMode::Title => "title",
            SortMode::Source => "source",
            SortMode::Date => "date",
            SortMode::Length => "length",
            SortMode::Story => "story",
        }
    }
}

/// What an article is filtered and sorted by, folded once.
#[derive(Debug, Clone)]
pub struct ListKey {
    /// Title, source (empty when unknown) and path, folded, separated by newlines.
    pub haystack: String,
    pub title: String,
    pub source: String,
    pub path: String,
    /// Seconds since 1970 from `published`, when it can be read.
    pub date: Option<i64>,
    pub words: usize,
    /// The story this article belongs to, once stories are grouped.
    pub story: Option<usize>,
}

impl ListKey {
    pub fn of(a: &Article) -> ListKey {
        let title = fold(a.title.as_deref().unwrap_or(a.file_name()));
        let source = fold(a.source.as_deref().unwrap_or(""));
        let path = a.path.clone();
        ListKey {
            haystack: format!("{title}\n{source}\n{}", fold(&path)),
            title,
            source,
            path,
            date: a.published.as_deref().and_then(parse_date),
            words: a.words,
            story: None,
        }
    }
}

/// Reads the dates feeds and pages carry: RFC 3339, RFC 2822, or a leading `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<i64> {
    use chrono::{DateTime, NaiveDate};
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.timestamp());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.timestamp());
    }
    let head = s.get(..10)?;
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc().timestamp())
}

/// The keys of every article (in article order) and the order shown now.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    keys: Vec<ListKey>,
    /// Indexes into the articles, in the order shown, filtered.
    pub order: Vec<usize>,
}

impl Listing {
    /// Brings the keys in line with `articles`: keys for articles appended since are made; a
    /// list that changed otherwise (reordered, reloaded) must be passed to [`Listing::reset`].
    /// Takes articles or shared ones (`Arc<Article>`, as the reader holds them).
    pub fn extend<A: Borrow<Article>>(&mut self, articles: &[A]) {
        if self.keys.len() > articles.len() {
            self.keys.clear();
        }
        let from = self.keys.len();
        self.keys
            .extend(articles[from..].iter().map(|a| ListKey::of(a.borrow())));
    }

    /// Makes every key again.
    pub fn reset<A: Borrow<Article>>(&mut self, articles: &[A]) {
        self.keys.clear();
        self.extend(articles);
    }

    pub fn keys(&self) -> &[ListKey] {
        &self.keys
    }

    /// Groups articles into stories (index of the story per article, in article order): the
    /// hook for comparison's story grouping, which `SortMode::Story` then follows.
    pub fn set_stories(&mut self, stories: &[Option<usize>]) {
        for (k, s) in self.keys.iter_mut().zip(stories) {
            k.story = *s;
        }
    }

    /// Recomputes `order`: the articles whose title, source or path hold every word of
    /// `filter` (folded), sorted by `sort`, ties in article order.
    pub fn refresh(&mut self, filter: &str, sort: SortMode) {
        let folded = fold(filter);
        let words: Vec<&str> = folded.split_whitespace().collect();
        let keys = &self.keys;
        self.order.clear();
        self.order
            .extend((0..keys.len()).filter(|&i| words.iter().all(|w| keys[i].haystack.contains(w))));
        let by_index = |a: &usize, b: &usize| a.cmp(b);
        match sort {
            SortMode::Path => {}
            SortMode::Title => self
                .order
                .sort_by(|a, b| keys[*a].title.cmp(&keys[*b].title).then_with(|| by_index(a, b))),
            // Articles no outlet is known for go last.
            SortMode::Source => self.order.sort_by(|a, b| {
                let key = |i: &usize| (keys[*i].source.is_empty(), &keys[*i].source);
                key(a).cmp(&key(b)).then_with(|| by_index(a, b))
            }),
            SortMode::Date => self.order.sort_by(|a, b| {
                // Newest first; no date last.
                let (da, db) = (keys[*a].date, keys[*b].date);
                db.is_some()
                    .cmp(&da.is_some())
                    .then(db.cmp(&da))
                    .then_with(|| by_index(a, b))
            }),
            SortMode::Length => self
                .order
                .sort_by(|a, b| keys[*b].words.cmp(&keys[*a].words).then_with(|| by_index(a, b))),
            SortMode::Story => self.order.sort_by(|a, b| {
                let (sa, sb) = (keys[*a].story, keys[*b].story);
                sb.is_some()
                    .cmp(&sa.is_some())
                    .then(sa.cmp(&sb))
                    .then_with(|| by_index(a, b))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art(path: &str, title: &str, source: &str, published: Option<&str>, body: &str) -> Article {
        let meta = Meta {
            title: Some(title.into()),
            source: Some(source.into()),
            url: None,
            published: published.map(String::from),
            ..Meta::default()
        };
        build(path, format!("{title}\n\n{body}"), "UTF-8", meta, vec![])
    }

    fn sample() -> Vec<Article> {
        vec![
            art(
                "c.txt",
                "Zelensky speaks",
                "Reuters",
                Some("2022-02-03"),
                "One two.",
            ),
            art(
                "a.txt",
                "Élysée talks",
                "AP",
                Some("Tue, 01 Feb 2022 10:00:00 +0000"),
                "One two three four.",
            ),
            art("b.txt", "Budapest vote", "CBS News", None, "One."),
        ]
    }

    fn order_paths(l: &Listing, arts: &[Article]) -> Vec<String> {
        l.order.iter().map(|&i| arts[i].path.clone()).collect()
    }

    #[test]
    fn sorts_by_each_mode() {
        let arts = sample();
        let mut l = Listing::default();
        l.extend(&arts);
        let cases = [
            (SortMode::Path, ["c.txt", "a.txt", "b.txt"]),
            (SortMode::Title, ["b.txt", "a.txt", "c.txt"]),
            (SortMode::Source, ["a.txt", "b.txt", "c.txt"]),
            (SortMode::Story, ["c.txt", "a.txt", "b.txt"]),
            (SortMode::Date, ["c.txt", "a.txt", "b.txt"]),
            (SortMode::Length, ["a.txt", "c.txt", "b.txt"]),
        ];
        for (mode, want) in cases {
            l.refresh("", mode);
            assert_eq!(order_paths(&l, &arts), want, "{mode:?}");
        }
        // c.txt and b.txt are one story (0), a.txt another (1).
        l.set_stories(&[Some(0), Some(1), Some(0)]);
        l.refresh("", SortMode::Story);
        assert_eq!(order_paths(&l, &arts), ["c.txt", "b.txt", "a.txt"]);
    }

    #[test]
    fn filter_matches_every_word_in_title_source_or_path() {
        let arts = sample();
        let mut l = Listing::default();
        l.extend(&arts);
        l.refresh("elysee", SortMode::Path);
        assert_eq!(order_paths(&l, &arts), ["a.txt"]);
        l.refresh("ELYSÉE talks", SortMode::Path);
        assert_eq!(order_paths(&l, &arts), ["a.txt"]);
        l.refresh("CBS b.txt", SortMode::Path);
        assert_eq!(order_paths(&l, &arts), ["b.txt"]);
        l.refresh("reuters ap", SortMode::Path);
        assert!(l.order.is_empty());
        l.refresh("  ", SortMode::Path);
        assert_eq!(l.order.len(), 3);
    }

    #[test]
    fn dates_in_common_forms() {
        assert_eq!(parse_date("2022-02-01"), Some(1643673600));
        assert_eq!(parse_date("2022-02-01T00:00:00Z"), Some(1643673600));
        assert_eq!(parse_date("Tue, 01 Feb 2022 00:00:00 +0000"), Some(1643673600));
        assert_eq!(parse_date("last Tuesday"), None);
        assert_eq!(parse_date("é"), None);
    }
}
