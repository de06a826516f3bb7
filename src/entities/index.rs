//! An entity index over a collection: every person, organisation, place and group of people
//! (NORP) named anywhere, with the articles that name it, how often, and where first — "which
//! versions name Bridget Brink?". Mentions of one entity are grouped: within an article a
//! surname or possessive ("Putin", "Putin's") joins the full name it shortens ("Vladimir
//! Putin"); across articles the same name in the same words is one entry, and a lone surname
//! joins the one full name of that surname the collection has.
//!
//! Name matching (normalised words, surname linking) is this project's own idea of "the same
//! name", shared with the comparison's "names only in one version".

use std::borrow::Borrow;
use std::collections::HashMap;
use std::ops::Range;

use super::{Analysis, Label};
use crate::article::Article;

/// The labels the index lists: those that name someone or something.
pub const INDEX_LABELS: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Norp];

/// The matching form of a name: its words normalised (case, accents, apostrophes), a trailing
/// possessive and full stops dropped. "Putin's" → ["putin"], "U.S." → ["us"].
pub fn name_words(s: &str) -> Vec<String> {
    let mut buf = String::new();
    s.split(|c: char| c.is_whitespace() || c == '-' || c == '\u{2010}' || c == '\u{2011}')
        .filter_map(|w| {
            crate::compare::normalise::normalise_word(w, &mut buf);
            let mut w: String = buf.chars().filter(|&c| c != '.' && c != ',').collect();
            if let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix('\'')) {
                w = stem.to_string();
            }
            (!w.is_empty()).then_some(w)
        })
        .collect()
}

/// Whether two written names can be the same person, organisation or place: the same words, or
/// one a single word that is the other's last (a surname matches the full name: "Putin" and
/// "Vladimir Putin"), or the same surname with given names that can be one ("V. Putin",
/// "Viktor"/"Victor Orban"; see [`super::canon::same_given`]).
pub fn same_name(x: &[String], y: &[String]) -> bool {
    match (x, y) {
        ([], _) | (_, []) => false,
        _ if x == y => true,
        ([one], [.., last]) | ([.., last], [one]) => one == last,
        ([fx, .., lx], [fy, .., ly]) => lx == ly && super::canon::same_given(fx, fy),
    }
}

/// Where one article names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Index into the articles given to [`index`].
    pub article: usize,
    /// Byte ranges of every mention, in order; the first is where a reader opens the article.
    pub mentions: Vec<Range<usize>>,
}

impl Occurrence {
    pub fn count(&self) -> usize {
        self.mentions.len()
    }
    pub fn first(&self) -> Range<usize> {
        self.mentions.first().cloned().unwrap_or_default()
    }
}

/// One entity of the collection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry {
    /// The canonical name ([`super::canon`]): the alias list's ("United States"), or the full
    /// name as most articles write it ("Vladimir Putin").
    pub name: String,
    /// The other spellings merged in, most used first ("U.S.", "America"; "Orbán", "Orban").
    pub variants: Vec<String>,
    pub label: Label,
    /// The articles that name it, in the order of the articles given.
    pub articles: Vec<Occurrence>,
    /// Mentions across all articles.
    pub total: usize,
}

impl IndexEntry {
    /// The name and its variants: what a filter searches.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.variants.iter().map(String::as_str))
    }
}

/// Entries sorted by total mentions, most first (ties by name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityIndex {
    pub entries: Vec<IndexEntry>,
}

impl EntityIndex {
    /// The entries named `name` or one of its spellings (same words, an alias, or surname and
    /// full name).
    pub fn lookup(&self, name: &str) -> Vec<&IndexEntry> {
        self.entries
            .iter()
            .filter(|e| {
                let w = super::canon::matching_words(e.label, name);
                e.names()
                    .any(|n| same_name(&super::canon::matching_words(e.label, n), &w))
            })
            .collect()
    }
}

/// Whether a mention is counted: names only, page furniture (boilerplate) left out — the
/// entity panel counts the same way.
pub fn counted(article: &Article, e: &super::Entity) -> bool {
    INDEX_LABELS.contains(&e.label) && !article.is_boilerplate(e.range.start)
}

fn find(p: &mut [usize], mut i: usize) -> usize {
    while p[i] != i {
        p[i] = p[p[i]];
        i = p[i];
    }
    i
}

fn union(p: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(p, a), find(p, b));
    if ra != rb {
        p[ra.max(rb)] = ra.min(rb);
    }
}

/// Builds the index. `analyses` are in the order of `articles` (e.g. from
/// [`super::analyse_collection`]); a missing analysis counts as no entities.
///
/// Each article's mentions are grouped by [`super::canon::group`] (one entity, one group);
/// across articles, groups of one label are one entry when they share a spelling (a person by
/// a full name, or by the same surname with a given name that can be the same), and a person
/// named only by surname joins the one full name of that surname the collection has.
/// Takes articles and analyses or shared ones (the reader holds `Arc`s of both).
pub fn index<A: Borrow<Article>, N: Borrow<Analysis>>(articles: &[A], analyses: &[N]) -> EntityIndex {
    struct Node {
        article: usize,
        g: super::canon::NameGroup,
    }
    let mut nodes: Vec<Node> = Vec::new();
    for (i, (a, an)) in articles.iter().zip(analyses).enumerate() {
        let (a, an): (&Article, &Analysis) = (a.borrow(), an.borrow());
        let skip = |e: &super::Entity| !counted(a, e);
        for g in super::canon::group(&a.text, &an.entities, &skip) {
            nodes.push(Node { article: i, g });
        }
    }
    let mut parent: Vec<usize> = (0..nodes.len()).collect();
    let full = |k: &str| k.contains(' ');
    let mut by_key: HashMap<(Label, &str), usize> = HashMap::new();
    // Full person names by surname: (node, given name).
    let mut by_last: HashMap<&str, Vec<(usize, &str)>> = HashMap::new();
    for (n, node) in nodes.iter().enumerate() {
        for k in &node.g.keys {
            if node.g.label == Label::Person && !full(k) {
                continue;
            }
            match by_key.get(&(node.g.label, k.as_str())) {
                Some(&m) => union(&mut parent, n, m),
                None => {
                    by_key.insert((node.g.label, k.as_str()), n);
                }
            }
            if node.g.label == Label::Person
                && let (Some((first, _)), Some((_, last))) = (k.split_once(' '), k.rsplit_once(' '))
            {
                by_last.entry(last).or_default().push((n, first));
            }
        }
    }
    for list in by_last.values() {
        for (x, &(i, fi)) in list.iter().enumerate() {
            for &(j, fj) in &list[x + 1..] {
                if super::canon::same_given(fi, fj) {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // Lone surnames: the one person entry with a full name ending in it.
    let mut lone: HashMap<&str, usize> = HashMap::new();
    for (n, node) in nodes.iter().enumerate() {
        let g = &node.g;
        if g.label != Label::Person || g.keys.iter().any(|k| full(k)) {
            continue;
        }
        let candidates: Vec<usize> = g
            .keys
            .iter()
            .filter_map(|k| by_last.get(k.as_str()))
            .flatten()
            .map(|&(m, _)| m)
            .collect();
        let mut owners: Vec<usize> = candidates.into_iter().map(|m| find(&mut parent, m)).collect();
        owners.sort_unstable();
        owners.dedup();
        if let [m] = owners[..] {
            union(&mut parent, n, m);
        } else {
            // No one full name to join: the same lone name in several articles is one entry.
            let k = g.keys[0].as_str();
            match lone.get(k) {
                Some(&m) => union(&mut parent, n, m),
                None => {
                    lone.insert(k, n);
                }
            }
        }
    }
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for n in 0..nodes.len() {
        let r = find(&mut parent, n);
        members.entry(r).or_default().push(n);
    }
    let mut out: Vec<IndexEntry> = members
        .into_values()
        .map(|m| {
            let label = nodes[m[0]].g.label;
            let mut occurrences: Vec<Occurrence> = Vec::new();
            let mut forms: Vec<(String, usize)> = Vec::new();
            let fullest = m.iter().map(|&n| nodes[n].g.words().len()).max().unwrap_or(0);
            let mut names: Vec<(String, usize)> = Vec::new();
            for &n in &m {
                let node = &nodes[n];
                match occurrences.iter_mut().find(|o| o.article == node.article) {
                    Some(o) => {
                        o.mentions.extend(node.g.ranges.iter().cloned());
                        o.mentions.sort_by_key(|r| r.start);
                    }
                    None => occurrences.push(Occurrence {
                        article: node.article,
                        mentions: node.g.ranges.clone(),
                    }),
                }
                for (f, c) in &node.g.forms {
                    match forms.iter_mut().find(|(x, _)| x == f) {
                        Some((_, k)) => *k += c,
                        None => forms.push((f.clone(), *c)),
                    }
                }
                // The name most articles give it, among the fullest.
                if node.g.words().len() == fullest {
                    match names.iter_mut().find(|(x, _)| *x == node.g.name) {
                        Some((_, k)) => *k += 1,
                        None => names.push((node.g.name.clone(), 1)),
                    }
                }
            }
            occurrences.sort_by_key(|o| o.article);
            // Ties between names go the same way whatever order the articles came in.
            names.sort();
            forms.sort();
            let name = super::canon::canonical_name(label, &names);
            let variants = super::canon::variants(&name, &forms);
            IndexEntry {
                total: occurrences.iter().map(Occurrence::count).sum(),
                name,
                variants,
                label,
                articles: occurrences,
            }
        })
        .collect();
    out.sort_by(|x, y| y.total.cmp(&x.total).then_with(|| x.name.cmp(&y.name)));
    EntityIndex { entries: out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art(name: &str, t: &str) -> Article {
        build(name, t.to_string(), "UTF-8", Meta::default(), Vec::new())
    }

    fn w(s: &str) -> Vec<String> {
        name_words(s)
    }

    #[test]
    fn name_forms() {
        assert_eq!(w("Putin\u{2019}s"), ["putin"]);
        assert_eq!(w("Orbán"), ["orban"]);
        assert_eq!(w("U.S."), ["us"]);
        assert!(same_name(&w("Putin"), &w("Vladimir Putin")));
        assert!(same_name(&w("Vladimir Putin"), &w("Putin's")));
        assert!(same_name(&w("V. Putin"), &w("Vladimir Putin")));
        assert!(!same_name(&w("Joe Biden"), &w("Hunter Biden")));
        assert!(!same_name(&w("Putin"), &w("Lavrov")));
        assert!(!same_name(&w(""), &w("Lavrov")));
    }

    #[test]
    fn surname_and_possessive_join_the_full_name() {
        let arts = vec![
            art(
                "a",
                "Russian President Vladimir Putin spoke in Moscow. Putin's aides said Putin was tired.",
            ),
            art("b", "Putin met Viktor Orban in Moscow on Tuesday."),
            art("c", "Joe Biden and Hunter Biden arrived. Biden spoke."),
        ];
        let an: Vec<Analysis> = arts.iter().map(super::super::analyse).collect();
        let ix = index(&arts, &an);
        let putin = ix.lookup("Vladimir Putin");
        assert_eq!(putin.len(), 1, "{:#?}", ix.entries);
        let p = putin[0];
        assert_eq!(p.name, "Vladimir Putin");
        assert_eq!(p.label, Label::Person);
        assert_eq!(
            p.articles
                .iter()
                .map(|o| (o.article, o.count()))
                .collect::<Vec<_>>(),
            [(0, 3), (1, 1)]
        );
        assert_eq!(p.total, 4);
        assert_eq!(&arts[0].text[p.articles[0].first()], "Vladimir Putin");
        let moscow = ix.lookup("Moscow");
        assert_eq!(moscow[0].label, Label::Place);
        assert_eq!(moscow[0].total, 2);
        assert_eq!(ix.entries[0].name, "Vladimir Putin", "most mentioned first");
        // Two Bidens: the lone surname joins neither.
        assert!(ix.entries.iter().any(|e| e.name == "Joe Biden" && e.total == 1));
        assert!(
            ix.entries
                .iter()
                .any(|e| e.name == "Hunter Biden" && e.total == 1)
        );
    }
}
