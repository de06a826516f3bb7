//! An entity index over a collection: every person, organisation, place and group of people
//! (NORP) named anywhere, with the articles that name it, how often, and where first — "which
//! versions name Bridget Brink?". Mentions of one entity are grouped: within an article a
//! surname or possessive ("Putin", "Putin's") joins the full name it shortens ("Vladimir
//! Putin"); across articles the same name in the same words is one entry, and a lone surname
//! joins the one full name of that surname the collection has.
//!
//! Name matching (normalised words, surname linking) is this project's own idea of "the same
//! name", shared with the comparison's "names only in one version".

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
/// "Vladimir Putin"), or the same surname with matching first initials ("V. Putin").
pub fn same_name(x: &[String], y: &[String]) -> bool {
    match (x, y) {
        ([], _) | (_, []) => false,
        _ if x == y => true,
        ([one], [.., last]) | ([.., last], [one]) => one == last,
        ([fx, .., lx], [fy, .., ly]) => lx == ly && fx.chars().next() == fy.chars().next(),
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
    /// The name as most articles write it in full ("Vladimir Putin").
    pub name: String,
    pub label: Label,
    /// The articles that name it, in the order of the articles given.
    pub articles: Vec<Occurrence>,
    /// Mentions across all articles.
    pub total: usize,
}

/// Entries sorted by total mentions, most first (ties by name).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityIndex {
    pub entries: Vec<IndexEntry>,
}

impl EntityIndex {
    /// The entries whose name matches `name` (same words, or surname and full name).
    pub fn lookup(&self, name: &str) -> Vec<&IndexEntry> {
        let w = name_words(name);
        self.entries
            .iter()
            .filter(|e| same_name(&name_words(&e.name), &w))
            .collect()
    }
}

/// One entity within one article: its fullest written form and its mentions.
struct Local {
    label: Label,
    words: Vec<String>,
    written: String,
    mentions: Vec<Range<usize>>,
}

/// Groups one article's name mentions: exact forms first, then each one-word person mention
/// joins the one longer person name ending in that word (if exactly one does: "Biden" stays
/// apart when both Joe and Hunter Biden are named).
fn locals(a: &Article, an: &Analysis) -> Vec<Local> {
    let mut out: Vec<Local> = Vec::new();
    let mut by_form: HashMap<(Label, Vec<String>), usize> = HashMap::new();
    for e in &an.entities {
        if !INDEX_LABELS.contains(&e.label) || a.is_boilerplate(e.range.start) {
            continue;
        }
        let Some(written) = a.text.get(e.range.clone()) else {
            continue;
        };
        let words = name_words(written);
        if words.is_empty() {
            continue;
        }
        let k = *by_form.entry((e.label, words.clone())).or_insert_with(|| {
            out.push(Local {
                label: e.label,
                words,
                written: written.split_whitespace().collect::<Vec<_>>().join(" "),
                mentions: Vec::new(),
            });
            out.len() - 1
        });
        out[k].mentions.push(e.range.clone());
    }
    merge_surnames(&mut out);
    out
}

/// Moves the mentions of each one-word person into the one longer person name it shortens.
fn merge_surnames(v: &mut Vec<Local>) {
    let mut i = 0;
    while i < v.len() {
        if v[i].label == Label::Person && v[i].words.len() == 1 {
            let targets: Vec<usize> = (0..v.len())
                .filter(|&j| {
                    j != i
                        && v[j].label == Label::Person
                        && v[j].words.len() > 1
                        && same_name(&v[j].words, &v[i].words)
                })
                .collect();
            if let [j] = targets[..] {
                let m = std::mem::take(&mut v[i].mentions);
                v[j].mentions.extend(m);
                v[j].mentions.sort_by_key(|r| r.start);
                v.remove(i);
                continue;
            }
        }
        i += 1;
    }
}

/// Builds the index. `analyses` are in the order of `articles` (e.g. from
/// [`super::analyse_collection`]); a missing analysis counts as no entities.
pub fn index(articles: &[Article], analyses: &[Analysis]) -> EntityIndex {
    // Per-article entities, then entries by label and words across the collection.
    let mut entries: Vec<(Vec<String>, HashMap<String, usize>, IndexEntry)> = Vec::new();
    let mut by_key: HashMap<(Label, Vec<String>), usize> = HashMap::new();
    for (i, (a, an)) in articles.iter().zip(analyses).enumerate() {
        for l in locals(a, an) {
            let k = *by_key.entry((l.label, l.words.clone())).or_insert_with(|| {
                entries.push((
                    l.words.clone(),
                    HashMap::new(),
                    IndexEntry {
                        name: String::new(),
                        label: l.label,
                        articles: Vec::new(),
                        total: 0,
                    },
                ));
                entries.len() - 1
            });
            let (_, forms, e) = &mut entries[k];
            *forms.entry(l.written).or_default() += 1;
            e.total += l.mentions.len();
            e.articles.push(Occurrence {
                article: i,
                mentions: l.mentions,
            });
        }
    }
    // A person named only by surname in some articles joins the one full name of that surname.
    // Full person names by surname, so each lone surname looks only at its own.
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, (wj, _, ej)) in entries.iter().enumerate() {
        if ej.label == Label::Person
            && wj.len() > 1
            && let Some(last) = wj.last()
        {
            by_surname.entry(last.as_str()).or_default().push(j);
        }
    }
    let mut merged_into: Vec<Option<usize>> = vec![None; entries.len()];
    for (i, (w, _, e)) in entries.iter().enumerate() {
        if e.label != Label::Person || w.len() != 1 {
            continue;
        }
        if let Some([j]) = by_surname.get(w[0].as_str()).map(Vec::as_slice) {
            merged_into[i] = Some(*j);
        }
    }
    for i in 0..entries.len() {
        if let Some(j) = merged_into[i] {
            let (_, forms, e) = std::mem::replace(
                &mut entries[i],
                (
                    Vec::new(),
                    HashMap::new(),
                    IndexEntry {
                        name: String::new(),
                        label: Label::Person,
                        articles: Vec::new(),
                        total: 0,
                    },
                ),
            );
            let (_, tforms, t) = &mut entries[j];
            t.total += e.total;
            for f in forms.into_keys() {
                tforms.entry(f).or_default();
            }
            for o in e.articles {
                match t.articles.iter_mut().find(|x| x.article == o.article) {
                    Some(x) => {
                        x.mentions.extend(o.mentions);
                        x.mentions.sort_by_key(|r| r.start);
                    }
                    None => t.articles.push(o),
                }
            }
            t.articles.sort_by_key(|o| o.article);
        }
    }
    let mut out: Vec<IndexEntry> = entries
        .into_iter()
        .enumerate()
        .filter(|(i, _)| merged_into[*i].is_none())
        .map(|(_, (_, forms, mut e))| {
            // The form most articles write; ties to the longer, then the first alphabetically.
            e.name = forms
                .into_iter()
                .max_by(|(f1, c1), (f2, c2)| c1.cmp(c2).then(f1.len().cmp(&f2.len())).then(f2.cmp(f1)))
                .map(|(f, _)| f)
                .unwrap_or_default();
            e
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
