//! Entity analysis for the reader, off the UI thread: what to analyse (a job queue filled by
//! `App::update`), running the jobs on rayon (the event loop's [`Runner`]), and the per-article
//! results kept for drawing (ranges per label, quotes, mentions grouped for the entity panel).
//!
//! `App::update` never analyses: it queues [`Job`]s and applies finished ones as
//! [`Msg::Analysed`], so the render path never waits, and tests run the queue with [`run_now`].
//! The open article is analysed alone first (milliseconds), so its highlights show at once; when
//! loading is done, every article is analysed again as a collection, so versions of one story
//! share evidence ("Vladimir Putin" in one labels "Putin" in another), and those results replace
//! the single ones.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, OnceLock, mpsc};

use crate::article::Article;
use crate::entities::{self, Analysis, Label};
use crate::tui::app::{App, Msg};

/// Work for the background: one article alone, or a collection that may share story evidence.
/// The articles are shared with the app, not copied.
#[derive(Debug)]
pub enum Job {
    Single(Arc<Article>),
    Collection(Vec<Arc<Article>>),
}

impl Job {
    /// Runs the recogniser. A panic in it is caught and reported, never taken down the UI with.
    pub fn run(self) -> Analysed {
        let (story, ids, paths) = match &self {
            Job::Single(a) => (false, vec![a.id.clone()], vec![a.path.clone()]),
            Job::Collection(v) => (
                true,
                v.iter().map(|a| a.id.clone()).collect(),
                v.iter().map(|a| a.path.clone()).collect(),
            ),
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &self {
            Job::Single(a) => vec![entities::analyse(a)],
            Job::Collection(v) => {
                let refs: Vec<&Article> = v.iter().map(|a| &**a).collect();
                entities::analyse_collection(&refs)
            }
        }));
        match result {
            Ok(mut found) => Analysed {
                story,
                results: {
                    // Kept as long as the article is: no spare capacity (done here, off the UI thread).
                    for a in &mut found {
                        a.entities.shrink_to_fit();
                        a.quotes.shrink_to_fit();
                    }
                    ids.into_iter().zip(found).collect()
                },
                failed: None,
            },
            Err(_) => Analysed {
                story,
                results: Vec::new(),
                failed: Some((ids, paths)),
            },
        }
    }
}

/// A finished job: the analyses by article id, or the articles it failed on.
#[derive(Debug)]
pub struct Analysed {
    /// True when the articles were analysed together (story evidence shared).
    pub story: bool,
    pub results: Vec<(String, Analysis)>,
    /// Ids and paths of the articles of a job whose analysis panicked.
    pub failed: Option<(Vec<String>, Vec<String>)>,
}

/// One distinct entity of an article: the mentions that name it, grouped by a normalised key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub label: Label,
    /// The key of the group's main form.
    pub key: String,
    /// Every key folded into the group ("vladimir putin", "putin").
    pub keys: Vec<String>,
    /// What the panel shows: the canonical name (the alias list's, or the fullest form used most).
    pub name: String,
    /// The other spellings merged in ("U.S.", "America"; "Orban").
    pub variants: Vec<String>,
    /// Byte ranges of every mention, sorted.
    pub ranges: Vec<Range<usize>>,
}

/// The reader's layers of an analysis: entity ranges per label and merged quote ranges.
#[derive(Debug, Clone, Default)]
pub struct Layers {
    /// Entity ranges per label, in `Label::ALL` order: one reader layer each.
    pub by_label: [Vec<Range<usize>>; 6],
    /// Quote ranges, merged so that a layer can take them.
    pub quotes: Vec<Range<usize>>,
}

/// An article's analysis, arranged for the reader. What the reader draws from it (layers, the
/// panel's groups) is made the first time it is asked for, not when the analysis arrives: a
/// folder of twenty thousand articles is analysed as a whole, and arranging all of them on the
/// UI thread took seconds and held hundreds of bytes a mention for articles never opened.
#[derive(Debug)]
pub struct ArticleEntities {
    pub analysis: Analysis,
    /// The article analysed (shared with the app), for its text and furniture.
    article: Arc<Article>,
    layers: OnceLock<Layers>,
    groups: OnceLock<Vec<Group>>,
    /// Whether the analysis shared evidence with other versions of the story.
    pub story: bool,
}

impl ArticleEntities {
    /// The mentions in the article's furniture (boilerplate) are not counted in the panel.
    pub fn new(article: Arc<Article>, analysis: Analysis, story: bool) -> ArticleEntities {
        ArticleEntities {
            analysis,
            article,
            layers: OnceLock::new(),
            groups: OnceLock::new(),
            story,
        }
    }

    /// Entity ranges per label and quote ranges, for the reader's layers.
    pub fn layers(&self) -> &Layers {
        self.layers.get_or_init(|| {
            let mut by_label: [Vec<Range<usize>>; 6] = Default::default();
            for e in &self.analysis.entities {
                by_label[e.label.index()].push(e.range.clone());
            }
            let quotes = crate::tui::panes::notes::merge_ranges(
                self.analysis.quotes.iter().map(|q| q.range.clone()).collect(),
            );
            Layers { by_label, quotes }
        })
    }

    /// Grouped mentions in panel order: label, then most mentioned, then first mentioned.
    pub fn groups(&self) -> &[Group] {
        self.groups.get_or_init(|| {
            let a = &self.article;
            let mut g = group_mentions(&a.text, &a.boilerplate, &self.analysis);
            g.shrink_to_fit();
            g
        })
    }

    /// The group an entity jump was made from (matched by any shared key), in this article.
    pub fn find(&self, label: Label, keys: &[String]) -> Option<&Group> {
        self.groups()
            .iter()
            .filter(|g| g.label == label)
            .find(|g| g.keys.iter().any(|k| keys.contains(k)))
    }
}

/// The analyses the app has, and what it still wants.
#[derive(Debug, Default)]
pub struct Analyses {
    cache: HashMap<String, Arc<ArticleEntities>>,
    /// Articles with an article-alone job queued or running.
    pending_single: HashSet<String>,
    /// Articles in a collection job queued or running.
    pending_story: HashSet<String>,
    /// Articles already given to a collection job.
    in_collection: HashSet<String>,
    /// How many articles there were when collections were last brought up to date.
    seen: Option<usize>,
    jobs: Vec<Job>,
    /// Articles whose analysis failed, not asked for again.
    failed: HashSet<String>,
}

impl Analyses {
    pub fn get(&self, id: &str) -> Option<&Arc<ArticleEntities>> {
        self.cache.get(id)
    }

    pub fn is_pending(&self, id: &str) -> bool {
        self.pending_single.contains(id) || self.pending_story.contains(id)
    }

    /// The jobs queued since the last call, for the event loop to start.
    pub fn take_jobs(&mut self) -> Vec<Job> {
        std::mem::take(&mut self.jobs)
    }

    /// Queues what is missing: the open article alone at once (even while a long collection job
    /// holds it, so it never waits for the others); once loading is done, every article not yet
    /// in a collection job, together.
    ///
    /// The open article is named by id (not by index: the sidebar may list articles in another
    /// order than `articles`), and looked up only when it has nothing yet.
    pub fn want(&mut self, articles: &[Arc<Article>], current: Option<&str>, loading: bool) {
        if let Some(id) = current
            && !self.cache.contains_key(id)
            && !self.pending_single.contains(id)
            && !self.failed.contains(id)
            && let Some(a) = articles.iter().find(|a| a.id == id)
        {
            self.pending_single.insert(a.id.clone());
            self.jobs.push(Job::Single(Arc::clone(a)));
        }
        if loading || self.seen == Some(articles.len()) {
            return;
        }
        self.seen = Some(articles.len());
        let mut ids = HashSet::new();
        let fresh: Vec<Arc<Article>> = articles
            .iter()
            .filter(|a| !self.in_collection.contains(&a.id) && !self.failed.contains(&a.id))
            // The same text twice (one id) is analysed once.
            .filter(|a| ids.insert(a.id.clone()))
            .cloned()
            .collect();
        if fresh.is_empty() {
            return;
        }
        for a in &fresh {
            self.in_collection.insert(a.id.clone());
            self.pending_story.insert(a.id.clone());
        }
        self.jobs.push(Job::Collection(fresh));
    }

    /// Keeps a finished job's results. A story-level result replaces an article-alone one, never
    /// the other way round. Returns the paths of articles that failed, if any.
    pub fn apply(&mut self, done: Analysed, articles: &[Arc<Article>]) -> Vec<String> {
        // A collection's results are many: index the texts once. A single one: just find it.
        let index: HashMap<&str, &Arc<Article>> = if done.results.len() > 8 {
            articles.iter().map(|a| (a.id.as_str(), a)).collect()
        } else {
            HashMap::new()
        };
        let article_of = |id: &str| {
            index.get(id).copied().or_else(|| {
                (index.is_empty())
                    .then(|| articles.iter().find(|a| a.id == id))
                    .flatten()
            })
        };
        let pending = if done.story {
            &mut self.pending_story
        } else {
            &mut self.pending_single
        };
        for (id, analysis) in done.results {
            pending.remove(&id);
            let keep_old = self.cache.get(&id).is_some_and(|old| old.story && !done.story);
            if !keep_old && let Some(a) = article_of(&id) {
                self.cache.insert(
                    id.clone(),
                    Arc::new(ArticleEntities::new(Arc::clone(a), analysis, done.story)),
                );
            }
        }
        let mut paths = Vec::new();
        if let Some((ids, p)) = done.failed {
            for id in ids {
                pending.remove(&id);
                if !self.cache.contains_key(&id) {
                    self.failed.insert(id);
                }
            }
            paths = p;
        }
        paths
    }
}

/// The event loop's side: runs jobs on rayon's pool and hands back their results as messages.
pub struct Runner {
    tx: Sender<Analysed>,
    rx: Receiver<Analysed>,
    running: usize,
}

impl Default for Runner {
    fn default() -> Runner {
        let (tx, rx) = mpsc::channel();
        Runner { tx, rx, running: 0 }
    }
}

impl Runner {
    pub fn start(&mut self, jobs: Vec<Job>) {
        for job in jobs {
            let tx = self.tx.clone();
            self.running += 1;
            // `Job::run` catches panics: a panic escaping a rayon::spawn would abort the process.
            rayon::spawn(move || {
                let _ = tx.send(job.run());
            });
        }
    }

    /// A finished job, if one is waiting.
    pub fn try_recv(&mut self) -> Option<Msg> {
        let done = self.rx.try_recv().ok()?;
        self.running = self.running.saturating_sub(1);
        Some(Msg::Analysed(done))
    }

    /// True while a job is running, so the loop wakes often enough to show its result.
    pub fn busy(&self) -> bool {
        self.running > 0
    }
}

/// Runs the queued jobs here and now, applying their results: for tests and benchmarks, which
/// have no event loop.
pub fn run_now(app: &mut App) {
    loop {
        let jobs = app.analyses.take_jobs();
        if jobs.is_empty() {
            return;
        }
        for job in jobs {
            app.update(Msg::Analysed(job.run()));
        }
    }
}

/// The key mentions are grouped and jumped to by ([`entities::canon::key`]): case, spacing,
/// accents, a possessive ending, the dots of abbreviations and the alias list's spellings ("U.S.",
/// "America" as places) do not matter.
pub fn mention_key(label: Label, s: &str) -> String {
    entities::canon::key(label, s)
}

/// Groups an article's mentions for the entity panel: [`entities::canon::group`], the grouping
/// the index uses (one entity, one row, under its canonical name, variants listed), with the
/// mentions in page furniture (`boilerplate`, sorted ranges) left out as the index leaves them.
pub fn group_mentions(text: &str, boilerplate: &[Range<usize>], analysis: &Analysis) -> Vec<Group> {
    let in_furniture = |pos: usize| {
        let k = boilerplate.partition_point(|r| r.end <= pos);
        boilerplate.get(k).is_some_and(|r| r.start <= pos)
    };
    let mut groups: Vec<Group> =
        entities::canon::group(text, &analysis.entities, &|e| in_furniture(e.range.start))
            .into_iter()
            .map(|g| Group {
                label: g.label,
                key: g.keys[0].clone(),
                keys: g.keys,
                name: g.name,
                variants: g.variants,
                ranges: g.ranges,
            })
            .collect();
    groups.sort_by_key(|g| {
        (
            g.label,
            std::cmp::Reverse(g.ranges.len()),
            g.ranges.first().map_or(0, |r| r.start),
        )
    });
    groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entity;

    fn analysis_of(text: &str, spans: &[(&str, Label)]) -> Analysis {
        let mut entities = Vec::new();
        let mut from = 0;
        for (s, label) in spans {
            let start = from + text[from..].find(s).unwrap();
            entities.push(Entity {
                range: start..start + s.len(),
                label: *label,
            });
            from = start + s.len();
        }
        Analysis {
            entities,
            quotes: Vec::new(),
        }
    }

    #[test]
    fn keys_ignore_case_possessives_dots_and_spacing() {
        use Label::*;
        assert_eq!(mention_key(Person, "Putin’s"), "putin");
        assert_eq!(mention_key(Person, "PUTIN"), "putin");
        assert_eq!(mention_key(Place, "U.S."), mention_key(Place, "US"));
        assert_eq!(mention_key(Place, "America"), "united states");
        assert_eq!(mention_key(Person, "Orbán"), "orban");
        assert_eq!(mention_key(Person, "Vladimir\n  Putin"), "vladimir putin");
        assert_eq!(mention_key(Person, "Jones'"), "jones");
        assert_eq!(mention_key(Number, "3.5"), "3.5");
    }

    #[test]
    fn surnames_join_their_one_full_name_and_counts_order_rows() {
        let t = "Vladimir Putin met Orban. Putin said. PUTIN left. Moscow, Moscow, Moscow.";
        use Label::*;
        let a = analysis_of(
            t,
            &[
                ("Vladimir Putin", Person),
                ("Orban", Person),
                ("Putin", Person),
                ("PUTIN", Person),
                ("Moscow", Place),
                ("Moscow", Place),
                ("Moscow", Place),
            ],
        );
        let g = group_mentions(t, &[], &a);
        let rows: Vec<(&str, Label, usize)> = g
            .iter()
            .map(|g| (g.name.as_str(), g.label, g.ranges.len()))
            .collect();
        assert_eq!(
            rows,
            vec![
                ("Vladimir Putin", Person, 3),
                ("Orban", Person, 1),
                ("Moscow", Place, 3)
            ]
        );
        assert_eq!(g[0].keys, vec!["vladimir putin", "putin"]);
        assert!(g[0].ranges.windows(2).all(|w| w[0].start < w[1].start));
    }

    #[test]
    fn a_surname_of_two_people_stays_apart() {
        let t = "Joe Biden and Jill Biden came. Biden spoke.";
        use Label::*;
        let a = analysis_of(
            t,
            &[("Joe Biden", Person), ("Jill Biden", Person), ("Biden", Person)],
        );
        let g = group_mentions(t, &[], &a);
        assert_eq!(g.len(), 3);
        assert!(g.iter().any(|g| g.name == "Biden" && g.ranges.len() == 1));
    }

    #[test]
    fn same_text_with_two_labels_is_two_rows() {
        let t = "in the Kremlin; the Kremlin said";
        let a = analysis_of(t, &[("Kremlin", Label::Place), ("Kremlin", Label::Org)]);
        let g = group_mentions(t, &[], &a);
        assert_eq!(
            g.iter().map(|g| g.label).collect::<Vec<_>>(),
            vec![Label::Org, Label::Place]
        );
    }

    fn article(path: &str, text: &str) -> Article {
        crate::article::build(
            path,
            text.to_string(),
            "UTF-8",
            crate::article::Meta::default(),
            Vec::new(),
        )
    }

    #[test]
    fn the_open_article_first_then_the_collection_once_loaded() {
        let arts = vec![
            article(
                "a.txt",
                "Bridget Brink was named ambassador to Ukraine. She met Zelenskyy in Kyiv.",
            ),
            article(
                "b.txt",
                "Brink currently serves in Kyiv, Ukraine, near Zelenskyy.",
            ),
        ];
        let arts: Vec<Arc<Article>> = arts.into_iter().map(Arc::new).collect();
        let mut an = Analyses::default();
        an.want(&arts, Some(&arts[1].id), true);
        let jobs = an.take_jobs();
        assert!(matches!(&jobs[..], [Job::Single(a)] if a.path == "b.txt"));
        // Asking again while it runs queues nothing.
        an.want(&arts, Some(&arts[1].id), true);
        assert!(an.take_jobs().is_empty());
        for j in jobs {
            an.apply(j.run(), &arts);
        }
        let single = an.get(&arts[1].id).unwrap().clone();
        assert!(!single.story);
        let brink = |e: &ArticleEntities| {
            e.groups()
                .iter()
                .any(|g| g.name == "Brink" && g.label == Label::Person)
        };
        assert!(!brink(&single), "{:?}", single.groups());
        an.want(&arts, Some(&arts[1].id), false);
        let jobs = an.take_jobs();
        assert!(matches!(&jobs[..], [Job::Collection(v)] if v.len() == 2));
        for j in jobs {
            an.apply(j.run(), &arts);
        }
        let story = an.get(&arts[1].id).unwrap();
        assert!(story.story);
        // Story evidence: "Brink" is a person because the other version named her in full.
        assert!(brink(story), "{:?}", story.groups());
        assert!(!an.is_pending(&arts[0].id) && !an.is_pending(&arts[1].id));
        an.want(&arts, Some(&arts[0].id), false);
        assert!(an.take_jobs().is_empty(), "nothing left to do");
    }

    #[test]
    fn the_open_article_does_not_wait_for_a_long_collection() {
        let arts = vec![
            Arc::new(article("a.txt", "Putin spoke in Moscow.")),
            Arc::new(article("b.txt", "Orban spoke in Budapest.")),
        ];
        let mut an = Analyses::default();
        an.want(&arts, None, false);
        let collection = an.take_jobs();
        assert!(matches!(&collection[..], [Job::Collection(v)] if v.len() == 2));
        // The user opens b while the collection is still running: b is analysed alone too.
        an.want(&arts, Some(&arts[1].id), false);
        let single = an.take_jobs();
        assert!(matches!(&single[..], [Job::Single(a)] if a.path == "b.txt"));
        for j in single {
            an.apply(j.run(), &arts);
        }
        assert!(!an.get(&arts[1].id).unwrap().story);
        assert!(an.is_pending(&arts[0].id));
        for j in collection {
            an.apply(j.run(), &arts);
        }
        assert!(an.get(&arts[1].id).unwrap().story);
        assert!(!an.is_pending(&arts[0].id) && !an.is_pending(&arts[1].id));
    }

    #[test]
    fn a_late_single_result_does_not_replace_a_story_one() {
        let arts = vec![Arc::new(article("a.txt", "Putin spoke in Moscow."))];
        let mut an = Analyses::default();
        an.apply(Job::Collection(arts.clone()).run(), &arts);
        an.apply(Job::Single(Arc::clone(&arts[0])).run(), &arts);
        assert!(an.get(&arts[0].id).unwrap().story);
    }
}
