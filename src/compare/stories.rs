//! Story grouping: which of many articles cover one story. Candidate pairs come from shared word
//! 5-grams (bottom-k MinHash sketches looked up in an inverted index, so nothing is all-pairs)
//! and from shared rare names; each candidate is then scored on wording, names, quotes and dates.
//! Stories are the connected groups of linked pairs.

use std::borrow::Borrow;
use std::sync::LazyLock;

use rayon::prelude::*;

use super::normalise::{KeyMap, KeySet, Token, hash_str, normalise_word, tokenise};
use super::summary::{MIN_SHARED_PASSAGES, common_positions, count_common, gram5, reuse_grams};
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
    /// The version the others most likely derive from: the copy whose text the other versions
    /// are made of (the wire's own copy when one is there), never an independent report.
    pub original: usize,
    /// Members that report the same event in their own words (another wire, an outlet's own
    /// reporting): in the story, but derived from none of its versions. Ascending.
    pub independent: Vec<usize>,
}

impl Story {
    /// Whether member `i` is an independent report rather than a version.
    pub fn is_independent(&self, i: usize) -> bool {
        self.independent.binary_search(&i).is_ok()
    }
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
/// Shared passages in a lead that make reuse a sign of one event: a sentence's worth.
const MIN_LEAD_PASSAGES: usize = 3;
/// Share of version-like wording (of the shorter article's 5-grams) that, with reused passages,
/// makes one article a version of another inside a story: a rewrite keeping a few of the wire's
/// sentences. Below it, a member is an independent report of the same event.
const REUSED: f64 = 0.05;
/// Two copies of one story keep most of each other's figures; two items built from one template
/// (two companies' earnings notes, two days' market reports) keep almost none. Judged when both
/// have at least [`MIN_FIGURES`] distinct figures.
const FIGURES_KEPT: f64 = 0.5;
const MIN_FIGURES: usize = 4;
/// The first names of an article's body that say whom it is about ("Liberty Tax Inc. said…",
/// "ADANA, Turkey (AP) —"): when neither of two articles mentions any of the other's, they are
/// about different companies, teams or places.
const SUBJECT_NAMES: usize = 2;
/// Words of the body (after the headline) read for those names.
const SUBJECT_LEAD: usize = 40;
/// Above this many stories' worth of members, intra-story pairs are not all compared (only the
/// candidate pairs already scored) when telling versions from independent reports.
const ALL_PAIRS_UP_TO: usize = 400;
/// How many days the publication dates of one story's reports may span, where no copy's
/// wording joins them (an event reported that day and the next, and a late copy).
const STORY_DAYS: i64 = 2;

/// Idf-weighted cosine of two reports' body words above which they are on one topic: with
/// the same day (or weekday) and a quarter of their names shared, that ties two independent
/// reports of one event ("the lander touched down near the south pole", told by two outlets in
/// their own words) where no sentence or quote is shared. Topic detection and tracking links
/// stories on this cosine inside a time window; the window here is the date test.
const TOPIC_DAY: f64 = 0.15;
/// The same, where neither report's date can be compared: a closer match of wording is needed.
const TOPIC: f64 = 0.22;
/// Weighted share of names that goes with a topic match.
const NAMES_TOPIC: f64 = 0.25;

/// Members whose score as the original is within this share of the best are near enough for
/// the tie-breakers (the agency's own copy, the least furniture, the earliest) to decide.
const NEAR_TOP: f64 = 0.9;

/// A cut copy (maybe lightly edited too): at least this share of it is in the fuller copy…
const CUT_HELD: f64 = 0.8;
/// …which it keeps under this share of.
const CUT_KEPT: f64 = 0.75;

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
    /// The same weekday and nothing firmer: a weak sign of the same day (a central bank decides
    /// on Wednesdays, a league plays on Saturdays), worth a second sign only with a distinctive
    /// name in common.
    Weekday,
    Unknown,
    Conflict,
}

struct Features {
    grams: Vec<u64>,
    /// The weighted count of `grams` ([`GramWeights::total`]), set once the collection's
    /// weights are known: every scored pair divides by the smaller of two.
    grams_total: f64,
    reuse: Vec<u64>,
    /// The reused-passage 5-grams of the body's first [`LEAD`] words: the news itself, where a
    /// rewrite keeps the wire's sentences (a report of another day shares background lower down).
    lead_reuse: Vec<u64>,
    quotes: Vec<u64>,
    names: Vec<u64>,
    /// Distinct figures of the body (keys of tokens holding a digit).
    nums: Vec<u64>,
    /// The body's first names (see [`SUBJECT_NAMES`]).
    subject: Vec<u64>,
    /// Results given in the lead ("beat the Rovers 34-23", "a 2-1 win"), each as its two
    /// figures, the larger first: one match has one result.
    scores: Vec<(u16, u16)>,
    /// Every word key of the body, sorted: "does the other article mention this at all".
    keys: Vec<u64>,
    /// Parallel to `keys`: each word's squared inverse document frequency over the collection,
    /// set once the collection is read (see [`key_weights`]).
    key_weights: Vec<f32>,
    /// The Euclidean norm of `key_weights`' square roots: the length of the idf vector.
    key_norm: f64,
    day: EventDay,
    words: usize,
    /// Bytes of the page's furniture: an outlet's page carries more than the wire's own copy.
    furniture: usize,
    /// The agency's own copy: its outlet is the wire it credits.
    wire: bool,
}

/// Document frequency of 5-grams over the collection, kept only for the common ones: a 5-gram in
/// more than `limit` articles (stock phrases, template wording, site chrome) counts `limit / df`
/// of a rare one. passim drops n-grams found in over 100 documents; a small collection scales the
/// limit down (a twentieth of the articles, at least 20), so 300 earnings notes of one template
/// weigh their template wording at a fifteenth while a story of 20 copies keeps full weight.
struct GramWeights {
    limit: u32,
    common: KeyMap<u64, u32>,
}

impl GramWeights {
    fn new(feats: &[Features]) -> GramWeights {
        let n = feats.len();
        let limit = ((n / 20) as u32).clamp(20, 100);
        let mut all: Vec<u64> = feats
            .par_iter()
            .flat_map_iter(|f| f.grams.iter().copied())
            .collect();
        all.par_sort_unstable();
        let mut common = KeyMap::default();
        let mut k = 0;
        while k < all.len() {
            let run = all[k..].partition_point(|&g| g == all[k]);
            if run as u32 > limit {
                common.insert(all[k], run as u32);
            }
            k += run;
        }
        GramWeights { limit, common }
    }

    fn weight(&self, g: u64) -> f64 {
        match self.common.get(&g) {
            Some(&df) => self.limit as f64 / df as f64,
            None => 1.0,
        }
    }

    fn is_common(&self, g: u64) -> bool {
        self.common.contains_key(&g)
    }

    fn total(&self, grams: &[u64]) -> f64 {
        if self.common.is_empty() {
            return grams.len() as f64;
        }
        grams.iter().map(|&g| self.weight(g)).sum()
    }

    /// Weighted count of the values two sorted lists share.
    fn shared(&self, a: &[u64], b: &[u64]) -> f64 {
        if self.common.is_empty() {
            return count_common(a, b) as f64;
        }
        common_sorted(a, b).map(|g| self.weight(g)).sum()
    }

    /// Shared values that are not common.
    fn shared_rare(&self, a: &[u64], b: &[u64]) -> usize {
        if self.common.is_empty() {
            return count_common(a, b);
        }
        common_sorted(a, b).filter(|&g| !self.is_common(g)).count()
    }
}

/// The values two sorted, repeat-free lists share, in order.
fn common_sorted<'a>(a: &'a [u64], b: &'a [u64]) -> impl Iterator<Item = u64> + 'a {
    common_positions(a, b).map(move |(i, _)| a[i])
}

/// Sets each article's word weights (squared idf, `ln(n / df)`, over the collection's
/// articles) and their norm, for [`topic`]. A word every article has weighs nothing.
fn key_weights(feats: &mut [Features]) {
    let n = feats.len() as f64;
    let mut all: Vec<u64> = feats
        .par_iter()
        .flat_map_iter(|f| f.keys.iter().copied())
        .collect();
    all.par_sort_unstable();
    // Runs of one key in the sorted list: its document frequency (keys are distinct per article).
    let mut df: KeyMap<u64, u32> = KeyMap::default();
    df.reserve(all.len() / 4);
    let mut k = 0;
    while k < all.len() {
        let run = all[k..].partition_point(|&g| g == all[k]);
        df.insert(all[k], run as u32);
        k += run;
    }
    feats.par_iter_mut().for_each(|f| {
        f.key_weights = f
            .keys
            .iter()
            .map(|k| (n / df[k] as f64).ln().powi(2) as f32)
            .collect();
        f.key_norm = f.key_weights.iter().map(|&w| w as f64).sum::<f64>().sqrt();
    });
}

/// Idf-weighted cosine of two articles' body words (as sets): how much of what each is about
/// the other is about too, common words counting little.
fn topic(fi: &Features, fj: &Features) -> f64 {
    let denom = fi.key_norm * fj.key_norm;
    if denom <= 0.0 {
        return 0.0;
    }
    let dot: f64 = common_positions(&fi.keys, &fj.keys)
        .map(|(i, _)| fi.key_weights[i] as f64)
        .sum();
    dot / denom
}

/// What the wording of a pair says, computed once per scored pair.
#[derive(Debug, Clone, Copy)]
struct Pair {
    /// Weighted share of the shorter article's 5-grams found in the other.
    share: f64,
    /// Shared passages (reused 5-grams outside quotes, common ones left out).
    passages: usize,
    /// Of those, the ones in either article's lead.
    lead_passages: usize,
}

impl Pair {
    fn of(fi: &Features, fj: &Features, w: &GramWeights) -> Pair {
        let denom = fi.grams_total.min(fj.grams_total);
        let share = if denom > 0.0 {
            w.shared(&fi.grams, &fj.grams) / denom
        } else {
            0.0
        };
        Pair {
            share,
            passages: w.shared_rare(&fi.reuse, &fj.reuse),
            lead_passages: w
                .shared_rare(&fi.lead_reuse, &fj.reuse)
                .max(w.shared_rare(&fi.reuse, &fj.lead_reuse)),
        }
    }
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
    let gw = GramWeights::new(&feats);
    feats
        .par_iter_mut()
        .for_each(|f| f.grams_total = gw.total(&f.grams));
    key_weights(&mut feats);

    // Document frequency of names, for weights and for leaving common names out of candidate search.
    let mut df: KeyMap<u64, u32> = KeyMap::default();
    for f in &feats {
        for &k in &f.names {
            *df.entry(k).or_default() += 1;
        }
    }
    // Candidates from wording: each article's sketch (its smallest 5-gram hashes, common ones
    // last) is indexed; every article looks up all its 5-grams, so a cut version (all of whose
    // 5-grams the full one has) is always found.
    let mut index: KeyMap<u64, Vec<u32>> = KeyMap::default();
    for (i, f) in feats.iter().enumerate() {
        let rare = f.grams.iter().filter(|&&g| !gw.is_common(g));
        let common = f.grams.iter().filter(|&&g| gw.is_common(g));
        for &g in rare.chain(common).take(SKETCH) {
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
            // Two shared rare names make a name candidate; wording candidates pass too. Where
            // the dates conflict, nothing but derived wording can link a pair (see
            // [`corroboration`]): a name candidate is dropped here, and so is a wording one
            // that the cheap tests already keep from being derived, before its wording is
            // scored (a collection of one beat's reports, or of template items, has many).
            let fi = &feats[i];
            found
                .into_iter()
                .filter(|&(j, c)| {
                    let fj = &feats[j as usize];
                    let open = compare_days(&fi.day, &fj.day) != Dates::Conflict;
                    if c >= u32::MAX / 2 {
                        open || may_derive(fi, fj)
                    } else {
                        c >= 2 && open
                    }
                })
                .map(move |(j, _)| ((i as u32).min(j), (i as u32).max(j)))
                .collect::<Vec<_>>()
        })
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();

    let wording: Vec<Pair> = pairs
        .par_iter()
        .map(|&(i, j)| Pair::of(&feats[i as usize], &feats[j as usize], &gw))
        .collect();
    // With a recogniser: recognised names replace capitalised words for the articles of the pairs
    // that wording leaves open, and name weights come from those articles.
    let mut n_weights = n;
    if let Some(rec) = recognise {
        let mut need = vec![false; n];
        for (&(i, j), p) in pairs.iter().zip(&wording) {
            let (fi, fj) = (&feats[i as usize], &feats[j as usize]);
            let open = corroboration(fi, fj, p) > 0
                || (compare_days(&fi.day, &fj.day) != Dates::Conflict && topic(fi, fj) >= TOPIC_DAY);
            if !derived(fi, fj, p) && open && !kept_apart(fi, fj) {
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
    // A name few articles carry: one event's places and people, not a beat's regulars.
    let few = (n_weights / 15).max(3) as u32;
    let distinctive = |k: u64| *df.get(&k).unwrap_or(&1) <= few;
    let linked_pairs: Vec<bool> = pairs
        .par_iter()
        .zip(&wording)
        .map(|(&(i, j), p)| linked(&feats[i as usize], &feats[j as usize], p, &weight, &distinctive))
        .collect();

    let mut parent: Vec<usize> = (0..n).collect();
    let url_pairs = same_url_pairs(&articles);
    // Copies first (derived wording, one address), then the pairs linked by names and a sign
    // of one event. Those may not join two groups whose publication dates lie days apart: a
    // report that gives no date links to the reports of both matches of one season, but one
    // story is one event.
    let mut links: Vec<(usize, usize, bool)> = pairs
        .iter()
        .zip(&linked_pairs)
        .zip(&wording)
        .filter(|((_, l), _)| **l)
        .map(|((&(i, j), _), p)| {
            (
                i as usize,
                j as usize,
                derived(&feats[i as usize], &feats[j as usize], p),
            )
        })
        .chain(url_pairs.iter().map(|&(i, j)| (i, j, true)))
        .collect();
    links.sort_by_key(|&(_, _, copy)| !copy);
    let mut span: Vec<Option<(i64, i64)>> = feats.iter().map(|f| f.day.published.map(|d| (d, d))).collect();
    for (i, j, free) in links {
        let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
        if ri == rj {
            continue;
        }
        let joined = match (span[ri], span[rj]) {
            (Some((a, b)), Some((c, d))) => Some((a.min(c), b.max(d))),
            (x, y) => x.or(y),
        };
        if !free && joined.is_some_and(|(lo, hi)| hi - lo > STORY_DAYS) {
            continue;
        }
        let (root, child) = (ri.min(rj), ri.max(rj));
        parent[child] = root;
        span[root] = joined;
    }
    let mut groups: KeyMap<usize, Vec<usize>> = KeyMap::default();
    for i in 0..n {
        let r = find(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut roots: Vec<_> = groups.into_values().collect();
    roots.sort_by_key(|m| m[0]);
    let (singles, multi): (Vec<Vec<usize>>, Vec<Vec<usize>>) = roots.into_iter().partition(|m| m.len() < 2);
    // Pairs already scored, for stories too large to compare all their members' pairs.
    let scored: KeyMap<(u32, u32), Pair> = if multi.iter().any(|m| m.len() > ALL_PAIRS_UP_TO) {
        pairs.iter().copied().zip(wording.iter().copied()).collect()
    } else {
        KeyMap::default()
    };
    let url_set: KeySet<(usize, usize)> = url_pairs.iter().map(|&(i, j)| (i.min(j), i.max(j))).collect();
    let mut stories: Vec<Story> = multi
        .into_par_iter()
        .map(|members| story_of(members, &feats, &gw, &scored, &url_set))
        .collect();
    stories.sort_by_key(|s| s.members[0]);
    let mut unrelated: Vec<usize> = singles.into_iter().map(|m| m[0]).collect();
    unrelated.sort_unstable();
    Stories { stories, unrelated }
}

fn find(p: &mut [usize], mut x: usize) -> usize {
    while p[x] != x {
        p[x] = p[p[x]];
        x = p[x];
    }
    x
}

/// Tells a story's versions from its independent reports and picks its original.
///
/// Versions are members joined by reused wording (a derived copy, or a rewrite keeping some of
/// the other's sentences) or by one address; each group of members so joined is a family of
/// versions. The largest family holds the original; the members of other families are
/// independent reports (another wire's copy and the copies made of it are independent of the
/// first wire's). The original is the family member the others' wording is most contained in;
/// among members within a tenth of the best ([`NEAR_TOP`]), the agency's own copy goes first, then the one
/// with the least page furniture (an outlet's page adds its own), then the earliest published,
/// and only then the longer.
fn story_of(
    members: Vec<usize>,
    feats: &[Features],
    gw: &GramWeights,
    scored: &KeyMap<(u32, u32), Pair>,
    url: &KeySet<(usize, usize)>,
) -> Story {
    let m = members.len();
    let mut parent: Vec<usize> = (0..m).collect();
    // held[x]: over the versions joined to x, the shares of 5-grams each holds of the other.
    let mut held = vec![0.0f64; m];
    for x in 0..m {
        for y in x + 1..m {
            let (i, j) = (members[x], members[y]);
            let p = if m <= ALL_PAIRS_UP_TO {
                Some(Pair::of(&feats[i], &feats[j], gw))
            } else {
                scored.get(&(i as u32, j as u32)).copied()
            };
            let Some(p) = p else { continue };
            let version = url.contains(&(i, j)) || is_version(&feats[i], &feats[j], &p);
            if version {
                let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
                if rx != ry {
                    parent[rx.max(ry)] = rx.min(ry);
                }
                // Both ways: the share of each that the other holds. A superset (the wire
                // copy with unmarked furniture added) holds all of the others but is less
                // held by them; a cut copy is held whole but holds little. The copy the others
                // derive from sits between them and scores highest with each third copy.
                let shared = count_common(&feats[i].grams, &feats[j].grams) as f64;
                let both =
                    shared / feats[j].grams.len().max(1) as f64 + shared / feats[i].grams.len().max(1) as f64;
                held[x] += both;
                held[y] += both;
            }
        }
    }
    let mut family_size = vec![0usize; m];
    for x in 0..m {
        let r = find(&mut parent, x);
        family_size[r] += 1;
    }
    let root_of: Vec<usize> = (0..m).map(|x| find(&mut parent, x)).collect();
    // The main family: the largest; between equals, the one holding the member with most held.
    let best_in = |x: usize| (family_size[root_of[x]], held[x]);
    let main = (0..m)
        .max_by(|&x, &y| {
            let (a, b) = (best_in(x), best_in(y));
            a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(y.cmp(&x))
        })
        .map_or(0, |x| root_of[x]);
    let fam: Vec<usize> = (0..m).filter(|&x| root_of[x] == main).collect();
    let top = fam.iter().map(|&x| held[x]).fold(f64::MIN, f64::max);
    let near: Vec<usize> = fam
        .iter()
        .copied()
        .filter(|&x| held[x] >= top * NEAR_TOP)
        .collect();
    // A cut of another near member (most of it is the other's, which it keeps under
    // three quarters of) derives from it, so it is not the original. A copy with some furniture
    // left unmarked is no cut of it: it keeps nearly all of the wire's copy.
    let holds = |x: usize, y: usize| {
        let (i, j) = (members[x], members[y]);
        count_common(&feats[i].grams, &feats[j].grams) as f64 / feats[j].grams.len().max(1) as f64
    };
    let uncut: Vec<usize> = near
        .iter()
        .copied()
        .filter(|&x| {
            !near
                .iter()
                .any(|&y| y != x && holds(y, x) >= CUT_HELD && holds(x, y) < CUT_KEPT)
        })
        .collect();
    let near = if uncut.is_empty() { near } else { uncut };
    let original = near
        .iter()
        .copied()
        .min_by(|&x, &y| {
            let (fx, fy) = (&feats[members[x]], &feats[members[y]]);
            fy.wire
                .cmp(&fx.wire)
                .then(fx.furniture.cmp(&fy.furniture))
                .then(
                    fx.day
                        .published
                        .unwrap_or(i64::MAX)
                        .cmp(&fy.day.published.unwrap_or(i64::MAX)),
                )
                .then(fy.words.cmp(&fx.words))
                .then(x.cmp(&y))
        })
        .map_or(members[0], |x| members[x]);
    let independent: Vec<usize> = (0..m)
        .filter(|&x| root_of[x] != main)
        .map(|x| members[x])
        .collect();
    Story {
        members,
        original,
        independent,
    }
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

/// Whether one of two articles is mostly derived from the other by its wording: most of the
/// shorter's 5-grams (common ones discounted) are the other's, passages are reused, and nothing
/// says they are two items of one template (other figures, another company) or two days' reports.
fn derived(fi: &Features, fj: &Features, p: &Pair) -> bool {
    p.share >= DERIVED && p.passages >= MIN_SHARED_PASSAGES && may_derive(fi, fj)
}

/// The tests of [`derived`] that need no wording scored: neither two items of one template nor
/// reports of different subjects or days.
fn may_derive(fi: &Features, fj: &Features) -> bool {
    !other_figures(fi, fj) && !different_subjects(fi, fj) && !dated_apart(&fi.day, &fj.day)
}

/// Whether one member of a story is a version of another (derived, or a rewrite keeping a few
/// of its sentences) rather than an independent report of the same event.
fn is_version(fi: &Features, fj: &Features, p: &Pair) -> bool {
    derived(fi, fj, p)
        || (p.share >= REUSED
            && p.passages >= MIN_SHARED_PASSAGES
            && p.lead_passages >= MIN_LEAD_PASSAGES
            && !different_subjects(fi, fj))
}

/// Two items of one template: each has figures, and they keep under half of each other's.
fn other_figures(fi: &Features, fj: &Features) -> bool {
    let smaller = fi.nums.len().min(fj.nums.len());
    smaller >= MIN_FIGURES && (count_common(&fi.nums, &fj.nums) as f64) < FIGURES_KEPT * smaller as f64
}

/// About different companies, teams or places: each article's body opens with a name the other
/// never mentions.
fn different_subjects(fi: &Features, fj: &Features) -> bool {
    let absent = |a: &Features, b: &Features| a.subject.iter().any(|k| b.keys.binary_search(k).is_err());
    absent(fi, fj) && absent(fj, fi)
}

/// Whether two articles' dates set them days apart on firm evidence: publication dates two or
/// more days apart, or different dates in their leads (a weekday alone is not enough here).
fn dated_apart(x: &EventDay, y: &EventDay) -> bool {
    if let (Some(p), Some(q)) = (x.published, y.published) {
        return (p - q).abs() > 1;
    }
    if let (Some((m1, d1)), Some((m2, d2))) = (x.month_day, y.month_day) {
        return !(m1 == m2 && d1.abs_diff(d2) <= 1);
    }
    false
}

/// Whether two articles report the same story.
fn linked(
    fi: &Features,
    fj: &Features,
    p: &Pair,
    weight: &dyn Fn(u64) -> f64,
    distinctive: &dyn Fn(u64) -> bool,
) -> bool {
    // Mostly derived wording: one story.
    if derived(fi, fj, p) {
        return true;
    }
    // Reused wording with none of the same figures: two items of one template (two days'
    // market reports, two companies' notes), not two reports of one event.
    // (Template wording counts here however many articles carry it.)
    if kept_apart(fi, fj) {
        return false;
    }
    let mut corroborated = corroboration(fi, fj, p);
    if matches!(compare_days(&fi.day, &fj.day), Dates::Weekday | Dates::Same)
        && common_items(&fi.names, &fj.names).any(distinctive)
    {
        corroborated += 1;
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
    if names >= NAMES_SHARED && corroborated >= 1 || names >= NAMES_SOME && corroborated >= 2 {
        return true;
    }
    // One topic and some of the same names, on one day or where no date tells them apart: two
    // outlets' own reports of one event.
    let least = match compare_days(&fi.day, &fj.day) {
        Dates::Same | Dates::Weekday => TOPIC_DAY,
        Dates::Unknown => TOPIC,
        Dates::Conflict => return false,
    };
    names >= NAMES_TOPIC && topic(fi, fj) >= least
}

/// Two items of one template (reused wording, none of the same figures), reports about
/// different subjects, or about two matches (each lead gives a result, and no result is
/// both's): no share of names links them unless the wording is derived.
fn kept_apart(fi: &Features, fj: &Features) -> bool {
    different_subjects(fi, fj)
        || (count_common(&fi.reuse, &fj.reuse) >= MIN_SHARED_PASSAGES && other_figures(fi, fj))
        || other_results(fi, fj)
}

fn other_results(fi: &Features, fj: &Features) -> bool {
    !fi.scores.is_empty() && !fj.scores.is_empty() && !fi.scores.iter().any(|s| fj.scores.contains(s))
}

/// Words that tell a result from a range ("4-8 inches", "ages 18-24"): a result is won, lost,
/// drawn or led by.
const RESULT_WORDS: [&str; 24] = [
    "beat", "beats", "beating", "defeat", "defeated", "defeats", "win", "wins", "won", "victory", "loss",
    "lost", "lose", "draw", "drew", "rout", "routed", "edged", "thrashed", "downed", "topped", "crushed",
    "lead", "led",
];

/// The results in `tokens` (see [`Features::scores`]): two figures of up to three digits
/// joined by a hyphen or a dash, with a result word within about six words of them.
fn scores(text: &str, tokens: &[Token]) -> Vec<(u16, u16)> {
    static RESULT_KEYS: LazyLock<KeySet<u64>> =
        LazyLock::new(|| RESULT_WORDS.iter().map(|w| hash_str(w)).collect());
    let figure = |t: &Token| {
        let w = &text[t.range.clone()];
        (w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<u16>().ok())
            .flatten()
    };
    let mut out = Vec::new();
    for (k, w) in tokens.windows(2).enumerate() {
        let (Some(x), Some(y)) = (figure(&w[0]), figure(&w[1])) else {
            continue;
        };
        if !matches!(text.get(w[0].range.end..w[1].range.start), Some("-" | "–" | "—")) {
            continue;
        }
        let near = &tokens[k.saturating_sub(6)..tokens.len().min(k + 8)];
        // Winner first or not ("beat them 34-23", "lost 23-34"): one result.
        let r = (x.max(y), x.min(y));
        if near.iter().any(|t| RESULT_KEYS.contains(&t.key)) && !out.contains(&r) {
            out.push(r);
        }
    }
    out
}

/// How many signs other than names tie two reports to one event (the same day, a shared public
/// statement, reused passages); none when their dates conflict. Without one, no share of names
/// links them, so names need not be looked at.
fn corroboration(fi: &Features, fj: &Features, p: &Pair) -> usize {
    let dates = compare_days(&fi.day, &fj.day);
    if dates == Dates::Conflict {
        return 0;
    }
    let quotes = count_common(&fi.quotes, &fj.quotes);
    [
        matches!(dates, Dates::Same | Dates::Weekday),
        quotes >= MIN_SHARED_QUOTE,
        // Reused passages tie two reports to one event when some are news (in a lead), not
        // only background that a report of another day repeats.
        p.passages >= MIN_SHARED_PASSAGES && p.lead_passages >= MIN_LEAD_PASSAGES,
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
    // A date in one's lead against the other's publication date (or lead date).
    let md = |d: &EventDay| d.month_day.or_else(|| d.published.and_then(month_day_of));
    if let (Some((m1, d1)), Some((m2, d2))) = (md(x), md(y))
        && (x.month_day.is_some() || y.month_day.is_some())
    {
        let near = (m1 == m2 && d1.abs_diff(d2) <= 1)
            || (m1.abs_diff(m2) % 10 == 1 && d1.min(d2) == 1 && d1.max(d2) >= 28);
        return if near { Dates::Same } else { Dates::Conflict };
    }
    if let (Some(w1), Some(w2)) = (x.weekday, y.weekday) {
        return if w1 == w2 { Dates::Weekday } else { Dates::Conflict };
    }
    // One's publication date against the other's weekday: the weekday of publication is a weak
    // sign of one day; another is no conflict (a report of "Sunday's game" goes out on Monday,
    // and a page may be published days after the event). The day before is not taken as a
    // sign: a central bank or a league acts on one weekday, so it would tie too many.
    let against = |p: &EventDay, w: &EventDay| {
        let (days, wd) = (p.published?, w.weekday?);
        // 1970-01-01 was a Thursday (3, from Monday as 0).
        let published = (days + 3).rem_euclid(7) as u8;
        Some(wd == published)
    };
    match against(x, y).or_else(|| against(y, x)) {
        Some(true) => Dates::Weekday,
        _ => Dates::Unknown,
    }
}

/// (month, day) of a day number since the epoch.
fn month_day_of(days: i64) -> Option<(u8, u8)> {
    use chrono::Datelike;
    let d = chrono::NaiveDate::from_ymd_opt(1970, 1, 1)?.checked_add_signed(chrono::Duration::days(days))?;
    Some((d.month() as u8, d.day() as u8))
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
    let published = a
        .published
        .as_deref()
        .and_then(parse_date)
        .or_else(|| stamped_day(a));
    let with_dateline = dateline(a, &skip, &tokens).map(|with| tokens_with(&a.text, &skip[with], &tokens));
    let (month_day, weekday) = days_in_text(&a.text, with_dateline.as_deref().unwrap_or(&tokens));
    let mut nums: Vec<u64> = tokens.iter().filter(|t| t.num).map(|t| t.key).collect();
    nums.sort_unstable();
    nums.dedup();
    let mut keys: Vec<u64> = tokens.iter().map(|t| t.key).collect();
    keys.sort_unstable();
    keys.dedup();
    let subject = subject_names(a, &tokens, &names);
    let wire = match (a.agency.as_deref(), a.source.as_deref()) {
        (Some(ag), Some(src)) => {
            let (ag, src) = (ag.to_lowercase(), src.to_lowercase());
            src == ag || src.contains(&ag)
        }
        _ => false,
    };
    let lead_end = tokens.len().min(LEAD + 5);
    Features {
        grams_total: grams.len() as f64,
        reuse: reuse_grams(&tokens),
        lead_reuse: reuse_grams(&tokens[..lead_end]),
        scores: scores(&a.text, &tokens[..lead_end]),
        grams,
        quotes,
        names,
        nums,
        subject,
        keys,
        key_weights: Vec::new(),
        key_norm: 0.0,
        day: EventDay {
            published,
            month_day,
            weekday,
        },
        words: tokens.len(),
        furniture: a.boilerplate.iter().map(|r| r.len()).sum(),
        wire,
    }
}

/// The first [`SUBJECT_NAMES`] names of the body's lead (the headline left out: a member's own
/// headline words are not names of the story): capitalised words that are not function words or
/// dates, where a sentence's first word counts only when it is part of a longer name ("Liberty
/// Tax Inc. said"), written in capitals ("ZAGG said"), or capitalised elsewhere too.
fn subject_names(a: &Article, tokens: &[Token], names: &[u64]) -> Vec<u64> {
    let title_end = match (a.title.as_deref(), a.paragraphs.first()) {
        (Some(t), Some(p)) if a.text.get(p.clone()).is_some_and(|x| x.trim() == t.trim()) => p.end,
        _ => 0,
    };
    // A dateline ("LANVALE, Calder (Meridian Wire) —") names where, not whom: the names start
    // after it.
    let body = a.text.get(title_end..).unwrap_or("");
    let lead_start = title_end + (body.len() - body.trim_start().len());
    let dateline_end = a.text.get(lead_start..).and_then(|lead| {
        let head: String = lead.chars().take(80).collect();
        let dash = ["—", "–", " - ", " -- "]
            .iter()
            .filter_map(|d| head.find(d).map(|k| k + d.len()))
            .min()?;
        let place = &head[..dash];
        let city = place
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.chars().count() >= 3 && w.chars().all(char::is_uppercase));
        (city && !place.contains(". ")).then_some(lead_start + dash)
    });
    let from = tokens.partition_point(|t| t.range.start < dateline_end.unwrap_or(title_end));
    let lead = &tokens[from..tokens.len().min(from + SUBJECT_LEAD)];
    let starts = sentence_starts(&a.sentences, tokens);
    let dates = &*DATE_WORDS;
    let mut out: Vec<u64> = Vec::new();
    for (k, t) in lead.iter().enumerate() {
        let w = &a.text[t.range.clone()];
        if !t.cap || t.stop || dates.contains_key(&t.key) || !w.chars().any(char::is_alphabetic) {
            continue;
        }
        let initial = starts.contains(&t.range.start);
        let next_cap = lead.get(k + 1).is_some_and(|n| n.cap && !n.stop);
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let capitals = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        if (!initial || next_cap || capitals || names.binary_search(&t.key).is_ok()) && !out.contains(&t.key)
        {
            out.push(t.key);
            if out.len() == SUBJECT_NAMES {
                break;
            }
        }
    }
    out
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

/// The tokens with those of a dateline marked as boilerplate (`dateline`, just before the first
/// token kept) put in front: only the dateline's own words need tokenising again.
fn tokens_with(text: &str, dateline: &std::ops::Range<usize>, tokens: &[Token]) -> Vec<Token> {
    let mut out: Vec<Token> = text
        .get(dateline.clone())
        .map(|d| tokenise(d, &[]))
        .unwrap_or_default()
        .into_iter()
        .map(|mut t| {
            t.range = t.range.start + dateline.start..t.range.end + dateline.start;
            t
        })
        .collect();
    out.extend_from_slice(tokens);
    out
}

/// Where each sentence's first token starts: a capital there is no sign of a name.
fn sentence_starts(sentences: &[std::ops::Range<usize>], tokens: &[Token]) -> KeySet<usize> {
    sentences
        .iter()
        .filter_map(|s| {
            tokens
                .get(tokens.partition_point(|t| t.range.start < s.start))
                .map(|t| t.range.start)
        })
        .collect()
}

/// Capitalised words as a stand-in for names: a capitalised word counts unless it only ever
/// appears at the start of a sentence (where every word is capitalised). Weekdays and months
/// are dates, not names.
pub(crate) fn capitalised(text: &str, sentences: &[std::ops::Range<usize>], tokens: &[Token]) -> Vec<u64> {
    let starts = sentence_starts(sentences, tokens);
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

/// Where metadata gives no date: the earliest full date in the time stamps at the top of the
/// page (a page shows "Published …" before "Updated …"; the dates in captions are the photos').
fn stamped_day(a: &Article) -> Option<i64> {
    use crate::article::boilerplate::Kind;
    static FULL_DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\b(?:\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4})\b",
        )
        .expect("date pattern")
    });
    a.boilerplate
        .iter()
        .zip(&a.boilerplate_kinds)
        .filter(|(r, k)| r.start < STAMP_TOP && matches!(k, Kind::Byline | Kind::Chrome | Kind::Dateline))
        .filter_map(|(r, _)| a.text.get(r.clone()))
        .flat_map(|s| FULL_DATE.find_iter(s))
        .filter_map(|m| {
            let d = m.as_str().replace(['.', ','], " ");
            let d: Vec<&str> = d
                .split_whitespace()
                .map(|w| if w.eq_ignore_ascii_case("sept") { "Sep" } else { w })
                .collect();
            let d = d.join(" ");
            ["%Y-%m-%d", "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y"]
                .iter()
                .find_map(|f| chrono::NaiveDate::parse_from_str(&d, f).ok())
                .and_then(|d| parse_date(&d.format("%Y-%m-%d").to_string()))
        })
        .min()
}

/// How far down a page its time stamps are looked for (bytes).
const STAMP_TOP: usize = 1500;

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
    fn two_outlets_own_reports_of_one_event_are_one_story() {
        // Two reports of one landing, each in its own words (no sentence or quote in common),
        // one dated by its weekday and one not dated at all, among reports of other things.
        let first = art("Kestrel probe lands near the lunar south pole\n\n\
             The Calder Space Agency's Kestrel-2 probe touched down near the lunar south pole on \
             Wednesday, making Calder the fifth country to land on the Moon. Mission director Ada \
             Voss said the lander and its six-wheeled rover Pell were healthy after the descent. \
             The south pole region is thought to hold water ice in shadowed craters, which the \
             rover will study with a drill and a spectrometer during its two-week mission.");
        let second = art("Calder celebrates as Kestrel-2 reaches the Moon\n\n\
             Crowds cheered at the Calder Space Agency in Westhaven as the Kestrel-2 lander settled onto the lunar surface \
             close to the south pole, where no mission had landed before. Ada Voss, who leads the \
             mission, told reporters the Pell rover would roll down a ramp within hours to begin \
             searching the craters for water ice with its drill and spectrometer.");
        let others = [
            "Harbour workers vote to strike\n\nDock workers at Port Ellery voted on Tuesday to strike over pay, the union said, after talks with the port authority broke down.",
            "Rovers beat Harriers in the derby\n\nThe Lanvale Rovers beat the Calder Harriers 3-1 on Saturday, with two goals from the captain in the second half.",
            "Bakery wins a national prize\n\nA family bakery in Lanvale won the national bread award on Friday for a rye loaf made to a recipe from 1890.",
            "Council approves the budget\n\nThe Hollin council approved its budget on Monday after a long debate about road repairs and the library's opening hours.",
            "Measles cases rise in Kesh\n\nHealth officials in Kesh reported 40 new measles cases on Thursday and urged parents to vaccinate their children.",
            "Airline opens a new route\n\nA regional airline said on Monday it would fly daily from Skarvik to Ostmere from March, with fares from 49 euros.",
            "Voss to brief lawmakers on the agency budget\n\nAda Voss of the Calder Space Agency will appear before a committee in Westhaven next month to answer questions about staffing and pay.",
        ];
        let mut articles = vec![first, second];
        articles.extend(others.iter().map(|t| art(t)));
        let s = stories(&articles);
        assert!(
            s.stories.iter().any(|st| st.members == [0, 1]),
            "the two reports of the landing are one story: {s:?}"
        );
        // The budget hearing names the same director and agency, but is another topic.
        assert!(s.unrelated.contains(&8), "{s:?}");
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
    fn results_in_the_lead() {
        let f = |t: &str| features(&art(t), None).scores;
        assert_eq!(
            f("The Lanvale Rovers beat the Calder Harriers 34-23 on Sunday."),
            [(34, 23)]
        );
        assert_eq!(
            f("Calder lost 23–34 to the Rovers on Sunday."),
            [(34, 23)],
            "loser first"
        );
        assert_eq!(f("Lanvale City drew 1-1 with Ashby in the rain."), [(1, 1)]);
        // Ranges and dates are no results.
        assert!(f("Forecasters expect 4-8 inches of snow in Lanvale by Sunday.").is_empty());
        assert!(f("Voters aged 18-24 turned out in record numbers on 2024-05-02.").is_empty());
    }

    #[test]
    fn time_stamps_date_a_page_without_metadata() {
        let day = |t: &str| features(&art(t), None).day.published;
        let body = "The harbour board said on Tuesday that talks with the pilots would go on next week.";
        assert_eq!(
            day(&format!(" date 2021-03-09 {body}\n\n{body}")),
            parse_date("2021-03-09")
        );
        // The earliest of the page's stamps: the update comes after the publication.
        assert_eq!(
            day(&format!(
                "Pilots end their strike\n\nUpdated March 12, 2021\n\nPublished 9 March 2021\n\n{body}"
            )),
            parse_date("2021-03-09")
        );
        // A caption's date is the photo's, and a date in the story is not a stamp.
        assert_eq!(
            day(&format!(
                "Pilots end their strike\n\nPilots walk out in Lanvale, March 1, 2019. (AP Photo/Jane Roe)\n\n{body} The last strike was on May 4, 2018."
            )),
            None
        );
    }

    /// Match reports in the invented Calder league: two games of one season between the same
    /// teams, and reports that give no date.
    const SEPT_GAME: &str = "Rovers beat Harriers in the opener\n\nThe Lanvale Rovers beat the Calder Harriers 34-23 on Sunday at Ashby Park, with quarterback Tom Marsh throwing two touchdown passes to Eli Brook and the defence picking off Dan Kell twice.";
    const NOV_GAME: &str = "Harriers rout the Rovers\n\nThe Calder Harriers beat the Lanvale Rovers 38-3 on Sunday at Ashby Park, as Dan Kell threw four touchdown passes and Tom Marsh was intercepted three times by a defence led by Eli Brook's old team.";

    #[test]
    fn two_matches_of_one_season_are_two_stories() {
        let dated = |d: &str, t: &str| art(&format!(" date {d} {t}"));
        // Undated, on the opener: its result ties it to the September game only.
        let undated = art(
            "Marsh shines for the Rovers\n\nTom Marsh threw two touchdown passes as the Lanvale Rovers beat the Calder Harriers 34-23 on Sunday, and Eli Brook caught both, while Dan Kell was picked off twice at Ashby Park.",
        );
        let articles = vec![
            dated("2025-09-14", SEPT_GAME),
            dated("2025-11-09", NOV_GAME),
            undated,
        ];
        let s = stories(&articles);
        assert_eq!(s.stories.len(), 1, "{s:?}");
        assert_eq!(s.stories[0].members, [0, 2]);
        assert_eq!(s.unrelated, [1]);
    }

    #[test]
    fn a_report_without_a_date_does_not_join_two_dated_events() {
        let dated = |d: &str, t: &str| art(&format!(" date {d} {t}"));
        // Undated and without a result: it names both games' people and may link to either, but
        // not make one story of reports eight weeks apart.
        let undated = art(
            "Marsh and Kell meet again\n\nTom Marsh of the Lanvale Rovers and Dan Kell of the Calder Harriers played on Sunday at Ashby Park, where Eli Brook watched from the sideline.",
        );
        let articles = vec![
            dated("2025-09-14", SEPT_GAME),
            dated("2025-11-09", NOV_GAME),
            undated,
        ];
        let s = stories(&articles);
        assert!(
            !s.stories
                .iter()
                .any(|st| st.members.contains(&0) && st.members.contains(&1)),
            "{s:?}"
        );
    }

    #[test]
    fn day_conflicts() {
        let d = |w| EventDay {
            weekday: Some(w),
            ..EventDay::default()
        };
        assert_eq!(
            compare_days(&d(1), &d(1)),
            Dates::Weekday,
            "a weekday recurs every week"
        );
        assert_eq!(compare_days(&d(1), &d(5)), Dates::Conflict);
        assert_eq!(compare_days(&d(1), &EventDay::default()), Dates::Unknown);
        let p = |n| EventDay {
            published: Some(n),
            weekday: Some(0),
            ..EventDay::default()
        };
        assert_eq!(compare_days(&p(100), &p(101)), Dates::Same);
        // A publication date against a weekday: day 100 (1970-04-11) was a Saturday.
        let dated = |n| EventDay {
            published: Some(n),
            ..EventDay::default()
        };
        assert_eq!(compare_days(&dated(100), &d(5)), Dates::Weekday);
        assert_eq!(compare_days(&d(5), &dated(100)), Dates::Weekday);
        assert_eq!(compare_days(&dated(101), &d(5)), Dates::Unknown, "the day after");
        assert_eq!(compare_days(&dated(100), &d(1)), Dates::Unknown);
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
