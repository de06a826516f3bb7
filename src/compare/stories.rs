//! Story grouping: which of many articles cover one story. Candidate pairs come from shared word
//! 5-grams (bottom-k MinHash sketches looked up in an inverted index, so nothing is all-pairs)
//! and from shared rare names; each candidate is then scored on wording, names, quotes and dates.
//! Stories are the connected groups of linked pairs.

use std::borrow::Borrow;
use std::sync::LazyLock;

use rayon::prelude::*;

use super::normalise::{KeyMap, KeySet, Token, hash_str, normalise_word, tokenise};
use super::summary::{MIN_SHARED_PASSAGES, count_common, gram5, reuse_grams};
use crate::article::Article;
use crate::entities::Analysis;

/// Names recognised in each article (by the entities module), one list per article, in the same
/// order as the articles. Without them, capitalised words stand in for names.
#[derive(Debug, Clone, Default)]
pub struct Names(pub Vec<Vec<String>>);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// Indices of the articles, ascending.
    pub members: Vec<usize>,
    /// The version the others most likely derive from.
    pub original: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stories {
    pub stories: Vec<Story>,
    /// Articles in no story of two or more.
    pub unrelated: Vec<usize>,
}

/// Share of the shorter article's 5-grams found in the longer above which the two are one story
/// whatever else differs: the shorter is mostly derived from the longer.
const DERIVED: f64 = 0.5;
/// Weighted share of the names of the article with fewer names that the other also names.
const NAMES_SHARED: f64 = 0.5;
/// With two independent signs of one event (same day, same public statement, reused passages),
/// a smaller share of names will do: an independent report names fewer of the same people.
const NAMES_SOME: f64 = 0.4;
/// Shared word 5-grams inside quotation marks that make "the same statement": a sentence or so.
const MIN_SHARED_QUOTE: usize = 5;
/// Sketch size: the smallest 5-gram hashes of each article that are indexed.
const SKETCH: usize = 16;

/// The day an article reports on, as far as it says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct EventDay {
    /// From metadata: days since the epoch.
    published: Option<i64>,
    /// (month 1–12, day) named in the text.
    month_day: Option<(u8, u8)>,
    /// 0 = Monday.
    weekday: Option<u8>,
}

#[derive(Debug, PartialEq, Eq)]
enum Dates {
    Same,
    Unknown,
    Conflict,
}

struct Features {
    grams: Vec<u64>,
    reuse: Vec<u64>,
    quotes: Vec<u64>,
    names: Vec<u64>,
    day: EventDay,
    words: usize,
}

/// Groups articles into stories with the names the entity recogniser finds in them: the one
/// entry point for the command line and the reader. See [`group_stories_with`]. Takes articles
/// or shared ones (`Arc<Article>`, as the reader holds them, so its background job copies none).
pub fn group_stories<A: Borrow<Article> + Sync>(articles: &[A]) -> Stories {
    group_stories_with(articles, None)
}

/// Groups articles into stories, with recognised names where names decide.
///
/// Names only matter for candidate pairs whose wording does not already make one derived from
/// the other and that something else ties to one event (no conflicting dates, and the same day,
/// a shared statement or reused passages), so the recogniser runs (in parallel, each article on
/// its own) only on the articles of such pairs; wire copies of one story need none. Candidates themselves come from
/// wording and capitalised words, which hold every recognised name. `analyses`, in the order of
/// `articles`, are used instead of running the recogniser when the caller has them (a reader
/// that keeps them per article).
pub fn group_stories_with<A: Borrow<Article> + Sync>(
    articles: &[A],
    analyses: Option<&[Analysis]>,
) -> Stories {
    let recognise = |i: usize| {
        let a: &Article = articles[i].borrow();
        let mut skip = a.boilerplate.clone();
        skip.sort_by_key(|r| r.start);
        match analyses.and_then(|v| v.get(i)) {
            Some(an) => super::names::story_names(&a.text, an, &skip),
            None => super::names::story_names(&a.text, &crate::entities::analyse(a), &skip),
        }
    };
    group(articles, None, Some(&recognise))
}

/// Groups articles with capitalised words standing in for names (no recogniser run).
pub fn stories(articles: &[Article]) -> Stories {
    stories_with_names(articles, None)
}

/// Groups articles into stories; `names` (one list per article) replaces the capitalised-word
/// stand-in everywhere, candidate search included.
pub fn stories_with_names(articles: &[Article], names: Option<&Names>) -> Stories {
    group(articles, names, None)
}

type Recognise<'r> = &'r (dyn Fn(usize) -> Vec<String> + Sync);

fn name_keys(list: &[String]) -> Vec<u64> {
    let mut buf = String::new();
    let mut v: Vec<u64> = list
        .iter()
        .map(|s| {
            normalise_word(s.trim(), &mut buf);
            hash_str(&buf)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

fn group<A: Borrow<Article> + Sync>(
    articles: &[A],
    names: Option<&Names>,
    recognise: Option<Recognise>,
) -> Stories {
    let articles: Vec<&Article> = articles.iter().map(Borrow::borrow).collect();
    let n = articles.len();
    let mut feats: Vec<Features> = articles
        .par_iter()
        .enumerate()
        .map(|(i, a)| features(a, names.and_then(|nm| nm.0.get(i))))
        .collect();

    // Document frequency of names, for weights and for leaving common names out of candidate search.
    let mut df: KeyMap<u64, u32> = KeyMap::default();
    for f in &feats {
        for &k in &f.names {
            *df.entry(k).or_default() += 1;
        }
    }
    // Candidates from wording: each article's sketch is indexed; every article looks up all its
    // 5-grams, so a cut version (all of whose 5-grams the full one has) is always found.
    let mut index: KeyMap<u64, Vec<u32>> = KeyMap::default();
    for (i, f) in feats.iter().enumerate() {
        for &g in f.grams.iter().take(SKETCH) {
            index.entry(g).or_default().push(i as u32);
        }
    }
    // 5-grams in more than this many sketches are stock phrases or site chrome (passim drops
    // n-grams found in over 100 documents).
    let max_posting = 100;
    let rare_name = (n as f64).sqrt().max(20.0) as u32;
    let mut name_index: KeyMap<u64, Vec<u32>> = KeyMap::default();
    for (i, f) in feats.iter().enumerate() {
        for &k in &f.names {
            if df[&k] <= rare_name {
                name_index.entry(k).or_default().push(i as u32);
            }
        }
    }
    let mut pairs: Vec<(u32, u32)> = (0..n)
        .into_par_iter()
        .flat_map_iter(|i| {
            let mut found: KeyMap<u32, u32> = KeyMap::default();
            for g in &feats[i].grams {
                if let Some(list) = index.get(g)
                    && list.len() <= max_posting
                {
                    for &j in list {
                        if j as usize != i {
                            found.insert(j, u32::MAX / 2);
                        }
                    }
                }
            }
            for k in &feats[i].names {
                if let Some(list) = name_index.get(k) {
                    for &j in list {
                        if j as usize != i {
                            *found.entry(j).or_default() += 1;
                        }
                    }
                }
            }
            // Two shared rare names make a name candidate; wording candidates always pass.
            found
                .into_iter()
                .filter(|&(_, c)| c >= 2)
                .map(move |(j, _)| ((i as u32).min(j), (i as u32).max(j)))
                .collect::<Vec<_>>()
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();

    let shared: Vec<usize> = pairs
        .par_iter()
        .map(|&(i, j)| count_common(&feats[i as usize].grams, &feats[j as usize].grams))
        .collect();
    // With a recogniser: recognised names replace capitalised words for the articles of the pairs
    // that wording leaves open, and name weights come from those articles.
    let mut n_weights = n;
    if let Some(rec) = recognise {
        let mut need = vec![false; n];
        for (&(i, j), &sh) in pairs.iter().zip(&shared) {
            let (fi, fj) = (&feats[i as usize], &feats[j as usize]);
            if !derived(fi, fj, sh) && corroboration(fi, fj) > 0 {
                need[i as usize] = true;
                need[j as usize] = true;
            }
        }
        let recognised: Vec<Option<Vec<u64>>> = (0..n)
            .into_par_iter()
            .map(|i| need[i].then(|| name_keys(&rec(i))))
            .collect();
        df.clear();
        n_weights = 0;
        for (f, r) in feats.iter_mut().zip(recognised) {
            if let Some(keys) = r {
                for &k in &keys {
                    *df.entry(k).or_default() += 1;
                }
                f.names = keys;
                n_weights += 1;
            }
        }
    }
    let weight = |k: u64| (1.0 + n_weights as f64 / *df.get(&k).unwrap_or(&1) as f64).ln();
    let scored: Vec<(u32, u32, usize, bool)> = pairs
        .par_iter()
        .zip(&shared)
        .map(|(&(i, j), &sh)| {
            let (fi, fj) = (&feats[i as usize], &feats[j as usize]);
            (i, j, sh, linked(fi, fj, sh, &weight))
        })
        .collect();

    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let links = scored
        .iter()
        .filter(|s| s.3)
        .map(|&(i, j, _, _)| (i as usize, j as usize));
    for (i, j) in links.chain(same_url_pairs(&articles)) {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri != rj {
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut groups: KeyMap<usize, Vec<usize>> = KeyMap::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    // The original: the member holding most of the others' wording (the sum over the others of
    // the share of their 5-grams it has); ties go to the longer article, then the earlier.
    let mut held = vec![0.0f64; n];
    for &(i, j, shared, _) in &scored {
        let (i, j) = (i as usize, j as usize);
        if find(&mut parent, i) == find(&mut parent, j) && shared > 0 {
            held[i] += shared as f64 / feats[j].grams.len().max(1) as f64;
            held[j] += shared as f64 / feats[i].grams.len().max(1) as f64;
        }
    }
    let mut out = Stories::default();
    let mut roots: Vec<_> = groups.into_values().collect();
    roots.sort_by_key(|m| m[0]);
    for members in roots {
        if members.len() < 2 {
            out.unrelated.push(members[0]);
            continue;
        }
        let original = members
            .iter()
            .copied()
            .max_by(|&x, &y| {
                held[x]
                    .total_cmp(&held[y])
                    .then(feats[x].words.cmp(&feats[y].words))
                    .then(y.cmp(&x))
            })
            .unwrap_or(members[0]);
        out.stories.push(Story { members, original });
    }
    out.unrelated.sort_unstable();
    out
}

/// Versions of one page: articles with the same `url` (a page fetched again after a
/// write-through keeps its address) are one story whatever their wording, dates or names say.
/// Each article after the first of an address is paired with that first one.
fn same_url_pairs<A: Borrow<Article>>(articles: &[A]) -> Vec<(usize, usize)> {
    let mut first: KeyMap<String, usize> = KeyMap::default();
    let mut pairs = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let Some(key) = a.borrow().url.as_deref().and_then(page_key) else {
            continue;
        };
        match first.get(&key) {
            Some(&j) => pairs.push((j, i)),
            None => {
                first.insert(key, i);
            }
        }
    }
    pairs
}

/// An address as compared for "the same page": without its fragment, scheme or a final `/`
/// (http and https, `…/story` and `…/story/`, are one page); `None` when it is not a URL.
fn page_key(url: &str) -> Option<String> {
    let mut u = url::Url::parse(url.trim()).ok()?;
    u.host_str()?;
    u.set_fragment(None);
    let s = u.as_str();
    let rest = s.split_once("://").map_or(s, |(_, r)| r);
    Some(rest.trim_end_matches('/').to_string())
}

/// Whether one of two articles is mostly derived from the other by its wording.
fn derived(fi: &Features, fj: &Features, shared: usize) -> bool {
    let smaller = fi.grams.len().min(fj.grams.len());
    smaller > 0
        && shared as f64 / smaller as f64 >= DERIVED
        && count_common(&fi.reuse, &fj.reuse) >= MIN_SHARED_PASSAGES
}

/// Whether two articles report the same story.
fn linked(fi: &Features, fj: &Features, shared: usize, weight: &dyn Fn(u64) -> f64) -> bool {
    // Mostly derived wording: one story, whatever the dates say.
    if derived(fi, fj, shared) {
        return true;
    }
    let corroborated = corroboration(fi, fj);
    if corroborated == 0 {
        return false;
    }
    // Same people, places and organisations, and something tying the reports to one event: the
    // same day, a shared public statement, or reused passages.
    let total = |v: &[u64]| v.iter().map(|&k| weight(k)).sum::<f64>();
    let (wi, wj) = (total(&fi.names), total(&fj.names));
    let common: f64 = common_items(&fi.names, &fj.names).map(weight).sum();
    let names = if wi.min(wj) > 0.0 {
        common / wi.min(wj)
    } else {
        0.0
    };
    names >= NAMES_SHARED && corroborated >= 1 || names >= NAMES_SOME && corroborated >= 2
}

/// How many signs other than names tie two reports to one event (the same day, a shared public
/// statement, reused passages); none when their dates conflict. Without one, no share of names
/// links them, so names need not be looked at.
fn corroboration(fi: &Features, fj: &Features) -> usize {
    let dates = compare_days(&fi.day, &fj.day);
    if dates == Dates::Conflict {
        return 0;
    }
    let passages = count_common(&fi.reuse, &fj.reuse);
    let quotes = count_common(&fi.quotes, &fj.quotes);
    [
        dates == Dates::Same,
        quotes >= MIN_SHARED_QUOTE,
        passages >= MIN_SHARED_PASSAGES,
    ]
    .iter()
    .filter(|&&c| c)
    .count()
}

fn common_items<'a>(a: &'a [u64], b: &'a [u64]) -> impl Iterator<Item = u64> + 'a {
    a.iter().copied().filter(move |k| b.binary_search(k).is_ok())
}

fn compare_days(x: &EventDay, y: &EventDay) -> Dates {
    if let (Some(p), Some(q)) = (x.published, y.published) {
        // A report may go out the day after the event it covers.
        return if (p - q).abs() <= 1 {
            Dates::Same
        } else {
            Dates::Conflict
        };
    }
    if let (Some((m1, d1)), Some((m2, d2))) = (x.month_day, y.month_day) {
        return if m1 == m2 && d1.abs_diff(d2) <= 1 {
            Dates::Same
        } else {
            Dates::Conflict
        };
    }
    if let (Some(w1), Some(w2)) = (x.weekday, y.weekday) {
        return if w1 == w2 { Dates::Same } else { Dates::Conflict };
    }
    Dates::Unknown
}

fn features(a: &Article, names: Option<&Vec<String>>) -> Features {
    let mut skip = a.boilerplate.clone();
    skip.sort_by_key(|r| r.start);
    let tokens = tokenise(&a.text, &skip);
    let mut grams: Vec<u64> = tokens
        .windows(5)
        .map(|w| gram5(w.iter().map(|t| t.key)))
        .collect();
    grams.sort_unstable();
    grams.dedup();
    let mut quotes: Vec<u64> = tokens
        .windows(5)
        .filter(|w| w.iter().all(|t| t.quoted))
        .map(|w| gram5(w.iter().map(|t| t.key)))
        .collect();
    quotes.sort_unstable();
    quotes.dedup();
    let mut names: Vec<u64> = match names {
        Some(list) => name_keys(list),
        None => capitalised(&a.text, &a.sentences, &tokens),
    };
    names.sort_unstable();
    names.dedup();
    let published = a.published.as_deref().and_then(parse_date);
    let (month_day, weekday) = match dateline(a, &skip, &tokens) {
        Some(with) => days_in_text(&a.text, &tokens_with(&a.text, &skip, with)),
        None => days_in_text(&a.text, &tokens),
    };
    Features {
        reuse: reuse_grams(&tokens),
        grams,
        quotes,
        names,
        day: EventDay {
            published,
            month_day,
            weekday,
        },
        words: tokens.len(),
    }
}

/// A dateline ("MOSCOW, Feb. 1 (Reuters) –") that the loader marked as boilerplate: a short
/// boilerplate range just before the first word kept. Its date is the event's, so dates are read
/// with it.
fn dateline(a: &Article, skip: &[std::ops::Range<usize>], tokens: &[Token]) -> Option<usize> {
    let first = tokens.first()?.range.start;
    skip.iter().position(|r| {
        r.end <= first && r.len() < 80 && a.text.get(r.end..first).is_some_and(|gap| gap.trim().len() <= 2)
    })
}

fn tokens_with(text: &str, skip: &[std::ops::Range<usize>], keep: usize) -> Vec<Token> {
    let rest: Vec<_> = skip
        .iter()
        .enumerate()
        .filter(|&(i, _)| i != keep)
        .map(|(_, r)| r.clone())
        .collect();
    tokenise(text, &rest)
}

/// Capitalised words as a stand-in for names: a capitalised word counts unless it only ever
/// appears at the start of a sentence (where every word is capitalised). Weekdays and months
/// are dates, not names.
pub(crate) fn capitalised(text: &str, sentences: &[std::ops::Range<usize>], tokens: &[Token]) -> Vec<u64> {
    let starts: KeySet<usize> = sentences
        .iter()
        .filter_map(|s| {
            tokens
                .get(tokens.partition_point(|t| t.range.start < s.start))
                .map(|t| t.range.start)
        })
        .collect();
    let dates = &*DATE_WORDS;
    let mut mid = KeySet::default();
    let mut initial = Vec::new();
    for t in tokens {
        if !t.cap
            || t.stop
            || dates.contains_key(&t.key)
            || !text[t.range.clone()].chars().any(char::is_alphabetic)
        {
            continue;
        }
        if starts.contains(&t.range.start) {
            initial.push(t.key);
        } else {
            mid.insert(t.key);
        }
    }
    let mut out: Vec<u64> = mid.iter().copied().collect();
    out.extend(initial.into_iter().filter(|k| mid.contains(k)));
    out
}

/// Keys of weekday names (0–6 from Monday) and month names (100 + 1–12), with their
/// abbreviations and possessives.
static DATE_WORDS: LazyLock<KeyMap<u64, u8>> = LazyLock::new(date_words);

fn date_words() -> KeyMap<u64, u8> {
    const MONTHS: [&[&str]; 12] = [
        &["january", "jan"],
        &["february", "feb"],
        &["march", "mar"],
        &["april", "apr"],
        &["may"],
        &["june", "jun"],
        &["july", "jul"],
        &["august", "aug"],
        &["september", "sept", "sep"],
        &["october", "oct"],
        &["november", "nov"],
        &["december", "dec"],
    ];
    let mut m = KeyMap::default();
    for (i, d) in crate::entities::numeric::WEEKDAYS.iter().enumerate() {
        m.insert(hash_str(d), i as u8);
        m.insert(hash_str(&format!("{d}'s")), i as u8);
    }
    for (i, names) in MONTHS.iter().enumerate() {
        for n in *names {
            m.insert(hash_str(n), 101 + i as u8);
        }
    }
    m
}

/// The month and day, and the weekday, an article's text reports on. A full date counts only in
/// the lead (first 60 words): later ones are background ("since Dec. 23"). A weekday is the
/// lead's, else the one named most often. "May" counts only before a day number.
const LEAD: usize = 60;

fn days_in_text(text: &str, tokens: &[Token]) -> (Option<(u8, u8)>, Option<u8>) {
    let words = &*DATE_WORDS;
    let mut md: Vec<((u8, u8), usize)> = Vec::new();
    let mut wd: Vec<(u8, usize)> = Vec::new();
    for (p, t) in tokens.iter().enumerate() {
        match words.get(&t.key) {
            Some(&d) if d < 7 && t.cap => wd.push((d, p)),
            Some(&m) if m > 100 && t.cap => {
                if let Some(day) = tokens
                    .get(p + 1)
                    .and_then(|n| text[n.range.clone()].parse::<u8>().ok())
                    .filter(|d| (1..=31).contains(d))
                {
                    md.push(((m - 100, day), p));
                }
            }
            _ => {}
        }
    }
    fn pick<T: Copy + Eq>(v: &[(T, usize)]) -> Option<T> {
        if let Some(&(x, _)) = v.iter().find(|&&(_, p)| p < LEAD) {
            return Some(x);
        }
        let mut best: Option<(usize, T)> = None;
        for &(x, _) in v {
            let c = v.iter().filter(|(y, _)| *y == x).count();
            if best.is_none_or(|(bc, _)| c > bc) {
                best = Some((c, x));
            }
        }
        best.map(|(_, x)| x)
    }
    (md.iter().find(|&&(_, p)| p < LEAD).map(|&(x, _)| x), pick(&wd))
}

/// Days since 1970-01-01 of a date written as it starts: "2022-02-01…".
fn parse_date(s: &str) -> Option<i64> {
    let d = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
    Some(
        d.signed_duration_since(chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?)
            .num_days(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art(t: &str) -> Article {
        build("t", t.to_string(), "UTF-8", Meta::default(), Vec::new())
    }

    #[test]
    fn versions_of_one_url_are_one_story_whatever_their_wording() {
        let with_url = |t: &str, url: &str| {
            let meta = Meta {
                url: Some(url.to_string()),
                ..Meta::default()
            };
            build("t", t.to_string(), "UTF-8", meta, Vec::new())
        };
        let articles = vec![
            with_url(
                "Council approves the harbour budget after a long night.",
                "https://c.example/news/x",
            ),
            art("An unrelated piece about a chess tournament in Merrow."),
            with_url(
                "Storm closes the coast road; ferries cancelled.",
                "http://c.example/news/x/#top",
            ),
            with_url("A third page of the same outlet.", "https://c.example/news/y"),
            with_url("Not an address at all.", "news/x"),
        ];
        assert_eq!(same_url_pairs(&articles), [(0, 2)]);
        let s = stories(&articles);
        assert_eq!(s.stories.len(), 1);
        assert_eq!(s.stories[0].members, [0, 2]);
        assert_eq!(s.unrelated, [1, 3, 4]);
    }

    #[test]
    fn dateline_marked_as_boilerplate_still_dates_the_story() {
        let mut a = art("MOSCOW, Feb. 1 (Reuters) - Putin met Orban at the Kremlin on Tuesday.");
        a.boilerplate = std::iter::once(0..26).collect();
        let f = features(&a, None);
        assert_eq!(f.day.month_day, Some((2, 1)));
        assert_eq!(f.day.weekday, Some(1));
        assert!(
            !f.names.contains(&hash_str("moscow")),
            "dateline words are not names"
        );
    }

    #[test]
    fn background_dates_are_not_the_event_day() {
        let filler = "word ".repeat(70);
        let a = art(&format!(
            "Putin spoke on Tuesday. {filler} He has not spoken since Dec. 23."
        ));
        let f = features(&a, None);
        assert_eq!(f.day.month_day, None);
        assert_eq!(f.day.weekday, Some(1));
    }

    #[test]
    fn day_conflicts() {
        let d = |w| EventDay {
            weekday: Some(w),
            ..EventDay::default()
        };
        assert_eq!(compare_days(&d(1), &d(1)), Dates::Same);
        assert_eq!(compare_days(&d(1), &d(5)), Dates::Conflict);
        assert_eq!(compare_days(&d(1), &EventDay::default()), Dates::Unknown);
        let p = |n| EventDay {
            published: Some(n),
            weekday: Some(0),
            ..EventDay::default()
        };
        assert_eq!(compare_days(&p(100), &p(101)), Dates::Same);
        assert_eq!(compare_days(&p(100), &p(103)), Dates::Conflict);
        assert_eq!(parse_date("2022-02-01T10:00:00Z"), Some(19024));
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let a = art("Speaking in Moscow, Putin agreed. Moscow is cold. Putin left.");
        let f = features(&a, None);
        assert!(f.names.contains(&hash_str("moscow")));
        assert!(f.names.contains(&hash_str("putin")));
        assert!(!f.names.contains(&hash_str("speaking")));
    }
}
