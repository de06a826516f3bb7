//! Stories in the UI: the loaded articles grouped by `compare::group_stories` (on a background thread,
//! as a [`Work`] whose answer comes back as `Msg::Stories`), listed together in the sidebar with
//! the original marked, and the versions the diff pane cycles through.

use std::borrow::Borrow;
use std::sync::Arc;

use crate::article::Article;
use crate::compare::{self, Stories, Story};

use super::app::Msg;
use super::work::Work;

/// Up to this many articles, grouping is quick enough (a few ms) to do in place when the diff
/// pane needs it before the background answer has come.
pub const GROUP_IN_PLACE: usize = 64;

/// The grouping of the articles as they are now ordered: stories first, each story's members
/// together, then the unrelated articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StoryGroups {
    /// Whether a grouping has been applied to the current list.
    pub ready: bool,
    /// Stories of two or more, member indices into `App::articles`, ascending.
    pub stories: Vec<Story>,
    /// The story of each article, by index into `App::articles`.
    story_of: Vec<Option<usize>>,
    /// A grouping job is queued or running (its answer not yet applied).
    pub pending: bool,
    /// The list changed while it was: group again once its answer comes, so a burst of changes
    /// costs two groupings, not one each.
    pub again: bool,
}

/// What an article is in its story, as the sidebar marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// In no story (or none grouped yet).
    None,
    /// ★: the version the others derive from.
    Original,
    /// A version derived from the original (a cut, a trimmed or re-topped copy, a rewrite).
    Version,
    /// ≈: a report of the same event in its own words, not a version of the original.
    Independent,
}

impl Role {
    /// The mark before the title: ★ for the original, ≈ for an independent report.
    pub fn mark(self) -> &'static str {
        match self {
            Role::Original => "★ ",
            Role::Independent => "≈ ",
            Role::Version | Role::None => "",
        }
    }
}

/// The sidebar's legend for the marks, shown while stories are grouped.
pub const LEGEND: &str = "★ original · ≈ independent";

/// A grouping made on another thread, with the paths it was made for (so an answer about a list
/// that has changed since is dropped).
#[derive(Debug, Clone)]
pub struct Grouped {
    pub paths: Vec<String>,
    pub stories: Stories,
}

/// Groups the articles off the UI thread (sharing them: the copy is of `Arc`s, not of texts).
pub fn job(articles: &[Arc<Article>]) -> Work {
    let copy = articles.to_vec();
    Work::new("story grouping", move || Msg::Stories(group(&copy)))
}

pub fn group<A: Borrow<Article> + Sync>(articles: &[A]) -> Grouped {
    Grouped {
        paths: articles.iter().map(|a| a.borrow().path.clone()).collect(),
        stories: compare::group_stories(articles),
    }
}

impl StoryGroups {
    /// Applies a grouping: reorders `articles` so each story's versions are together (stories in
    /// the order of their first member, unrelated articles after). Returns false, changing
    /// nothing, when the grouping was made for another list.
    pub fn apply<A: Borrow<Article>>(&mut self, articles: &mut Vec<A>, grouped: Grouped) -> bool {
        let n = articles.len();
        if grouped.paths.len() != n
            || articles
                .iter()
                .zip(&grouped.paths)
                .any(|(a, p)| a.borrow().path != *p)
        {
            return false;
        }
        let mut stories = grouped.stories.stories;
        stories.retain(|s| s.members.iter().chain(&s.independent).all(|&i| i < n) && s.original < n);
        stories.sort_by_key(|s| s.members.first().copied().unwrap_or(usize::MAX));
        let mut order: Vec<usize> = Vec::with_capacity(n);
        let mut seen = vec![false; n];
        for s in &stories {
            for &i in &s.members {
                if !seen[i] {
                    seen[i] = true;
                    order.push(i);
                }
            }
        }
        order.extend((0..n).filter(|&i| !seen[i]));
        let mut new_pos = vec![0; n];
        for (pos, &i) in order.iter().enumerate() {
            new_pos[i] = pos;
        }
        let mut slots: Vec<Option<A>> = std::mem::take(articles).into_iter().map(Some).collect();
        *articles = order.iter().filter_map(|&i| slots[i].take()).collect();
        self.story_of = vec![None; n];
        self.stories = stories
            .into_iter()
            .map(|s| {
                let mut members: Vec<usize> = s.members.iter().map(|&i| new_pos[i]).collect();
                members.sort_unstable();
                members.dedup();
                let mut independent: Vec<usize> = s.independent.iter().map(|&i| new_pos[i]).collect();
                independent.sort_unstable();
                Story {
                    members,
                    original: new_pos[s.original],
                    independent,
                }
            })
            .collect();
        for (k, s) in self.stories.iter().enumerate() {
            for &i in &s.members {
                self.story_of[i] = Some(k);
            }
        }
        self.ready = true;
        true
    }

    /// The grouping no longer matches the list (articles were added, changed or removed). A job
    /// under way stays known.
    pub fn invalidate(&mut self) {
        let (pending, again) = (self.pending, self.again);
        *self = StoryGroups {
            pending,
            again,
            ..StoryGroups::default()
        };
    }

    /// The number of the story article `i` belongs to (stories in list order), if any.
    pub fn story_index(&self, i: usize) -> Option<usize> {
        self.story_of.get(i).copied().flatten()
    }

    /// The story article `i` belongs to, if it is in one of two or more.
    pub fn story(&self, i: usize) -> Option<&Story> {
        self.story_of
            .get(i)
            .copied()
            .flatten()
            .and_then(|k| self.stories.get(k))
    }

    /// What the sidebar draws before article `i`: a tree mark for its first row and for its
    /// second, and what it is in its story. Empty marks while no story is known, so a list
    /// without stories looks as it always did.
    pub fn marks(&self, i: usize) -> (&'static str, &'static str, Role) {
        if self.stories.is_empty() {
            return ("", "", Role::None);
        }
        match self.story(i) {
            None => (" ", " ", Role::None),
            Some(s) => {
                let role = if s.original == i {
                    Role::Original
                } else if s.is_independent(i) {
                    Role::Independent
                } else {
                    Role::Version
                };
                if s.members.first() == Some(&i) {
                    ("┌", "│", role)
                } else if s.members.last() == Some(&i) {
                    ("└", " ", role)
                } else {
                    ("├", "│", role)
                }
            }
        }
    }

    /// The members of article `i`'s story that fold under its original: the versions, not the
    /// independent reports (which are not copies of it and stay listed).
    pub fn foldable(&self, i: usize) -> usize {
        self.story(i).map_or(0, |s| {
            s.members
                .iter()
                .filter(|&&j| j != s.original && !s.is_independent(j))
                .count()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art(path: &str, text: &str) -> Article {
        build(path, text.to_string(), "UTF-8", Meta::default(), Vec::new())
    }

    #[test]
    fn a_story_is_listed_together_and_stale_answers_are_dropped() {
        let mut articles = vec![art("a", "x"), art("b", "y"), art("c", "z"), art("d", "w")];
        let grouped = Grouped {
            paths: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            stories: Stories {
                stories: vec![Story {
                    members: vec![1, 3],
                    original: 3,
                    independent: Vec::new(),
                }],
                unrelated: vec![0, 2],
            },
        };
        let mut g = StoryGroups::default();
        let mut other = articles.clone();
        other.pop();
        assert!(!g.apply(&mut other, grouped.clone()), "made for another list");
        assert!(!g.ready);
        assert!(g.apply(&mut articles, grouped));
        let paths: Vec<&str> = articles.iter().map(|a| a.path.as_str()).collect();
        assert_eq!(paths, ["b", "d", "a", "c"]);
        assert_eq!(
            g.stories[0],
            Story {
                members: vec![0, 1],
                original: 1,
                independent: Vec::new(),
            }
        );
        assert_eq!(g.marks(0), ("┌", "│", Role::Version));
        assert_eq!(g.marks(1), ("└", " ", Role::Original));
        assert_eq!(g.marks(2), (" ", " ", Role::None));
        assert!(g.story(3).is_none());
    }
}
