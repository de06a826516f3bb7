//! Entity recognition: people, organisations, places, nationalities, dates and numbers; quotations and their speakers.
//!
//! The recogniser is rules plus embedded gazetteers, with no trained model: text is tokenised
//! (`token`), dates and numbers are read by a small grammar (`numeric`), capitalised
//! sequences are chunked and labelled by lists, head words, titles and context cues (`names`),
//! and a second pass uses what the document (or the whole story) established ("Vladimir Putin"
//! makes a later "Putin" a person; one string keeps one label). Quotes are found in the text
//! and attributed (`quotes`). Everything is linear in the text length.
//!
//! Spans follow `shared/gold/NER-GUIDELINES.md`: titles, leading "the" and possessive 's are
//! outside names; hyphenated forms tag the name part; weekday + date is one DATE; numbers keep
//! their modifiers. Ranges are byte ranges into the text; see [`crate::text::CharMap`] for the
//! character offsets of the JSON output.
//!
//! For the reader: [`analyse`] (one article), [`analyse_story`] (versions of one story sharing
//! evidence), [`analyse_collection`] (any set of articles: those that share names are grouped
//! into stories); then [`Analysis::mentions`] for an entity panel, [`Analysis::entities_in`],
//! [`Analysis::entity_at`] and [`Analysis::quote_at`] for rendering, [`Label::ALL`],
//! [`Label::as_str`] and [`Label::title`] for legends. Command line: `copydesk entities --json`
//! and `copydesk eval --gold DIR` ([`eval`] holds the scorer).
//!
//! Data: `assets/entities/` (GeoNames places, world-countries demonyms, US census names, SCOWL
//! common words, cleanco company suffixes, a hand-written list of well-known names), embedded
//! with `include_str!`; rebuilt by `tools/build_entity_gazetteers.py`.

use std::ops::Range;

use crate::article::Article;

pub mod canon;
pub mod eval;
mod gazetteer;
pub mod index;
mod lexicon;
mod names;
pub(crate) mod numeric;
mod quotes;
mod token;

/// The six entity labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Org,
    Place,
    Norp,
    Date,
    Number,
}

impl Label {
    pub const ALL: [Label; 6] = [
        Label::Person,
        Label::Org,
        Label::Place,
        Label::Norp,
        Label::Date,
        Label::Number,
    ];
    /// PERSON, ORG and PLACE: the labels of the headline ("core") score.
    pub const CORE: [Label; 3] = [Label::Person, Label::Org, Label::Place];

    /// The label as written in JSON and the gold files: "PERSON", "ORG", ...
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Place => "PLACE",
            Label::Norp => "NORP",
            Label::Date => "DATE",
            Label::Number => "NUMBER",
        }
    }

    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Plural display name for legends and panels: "People", "Organisations", ...
    pub fn title(self) -> &'static str {
        match self {
            Label::Person => "People",
            Label::Org => "Organisations",
            Label::Place => "Places",
            Label::Norp => "Nationalities & groups",
            Label::Date => "Dates & times",
            Label::Number => "Numbers",
        }
    }

    /// Position in [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One entity mention: a byte range into the article text and its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub range: Range<usize>,
    pub label: Label,
}

/// A quoted passage (byte range including its quotation marks) and, where the text says who,
/// the speaker: a name, a noun phrase ("a senior official"), or for a pronoun the nearest
/// person named before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub range: Range<usize>,
    pub speaker: Option<Range<usize>>,
}

/// What the recogniser found in one text: entities sorted by start and never overlapping;
/// quotes sorted by start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// The entities that overlap `range` (e.g. the visible lines), found by binary search.
    pub fn entities_in(&self, range: Range<usize>) -> &[Entity] {
        let lo = self.entities.partition_point(|e| e.range.end <= range.start);
        let hi = lo + self.entities[lo..].partition_point(|e| e.range.start < range.end);
        &self.entities[lo..hi]
    }

    /// The entity covering byte `pos`, if any.
    pub fn entity_at(&self, pos: usize) -> Option<&Entity> {
        self.entities_in(pos..pos + 1)
            .first()
            .filter(|e| e.range.contains(&pos))
    }

    /// The quotation covering byte `pos`, if any.
    pub fn quote_at(&self, pos: usize) -> Option<&Quote> {
        let k = self.quotes.partition_point(|q| q.range.start <= pos);
        k.checked_sub(1)
            .map(|k| &self.quotes[k])
            .filter(|q| q.range.contains(&pos))
    }

    /// Entities grouped by their text and label, with mention counts, in order of first
    /// mention: what an entity panel lists.
    pub fn mentions<'t>(&self, text: &'t str) -> Vec<Mentions<'t>> {
        let mut out: Vec<Mentions<'t>> = Vec::new();
        let mut index: std::collections::HashMap<(&'t str, Label), usize> = std::collections::HashMap::new();
        for e in &self.entities {
            let Some(s) = text.get(e.range.clone()) else {
                continue;
            };
            let k = *index.entry((s, e.label)).or_insert_with(|| {
                out.push(Mentions {
                    text: s,
                    label: e.label,
                    ranges: Vec::new(),
                });
                out.len() - 1
            });
            out[k].ranges.push(e.range.clone());
        }
        out
    }
}

/// One distinct entity of an article and every place it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mentions<'t> {
    pub text: &'t str,
    pub label: Label,
    pub ranges: Vec<Range<usize>>,
}

/// Analyses one article.
pub fn analyse(article: &Article) -> Analysis {
    analyse_text(&article.text)
}

/// Analyses a bare text (the core of [`analyse`]).
pub fn analyse_text(text: &str) -> Analysis {
    analyse_texts(&[text]).pop().unwrap_or_default()
}

/// Analyses several versions of one story together: a name established in one version
/// ("Vladimir Putin") also labels its partial mentions in the others. Results are in the
/// order of `articles`.
pub fn analyse_story(articles: &[&Article]) -> Vec<Analysis> {
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    analyse_texts(&texts)
}

/// Analyses a collection of articles that may hold several stories: articles that share
/// enough names (versions of one story) share evidence; unrelated ones do not. Results are in
/// the order of `articles`. This is what the command line uses.
pub fn analyse_collection(articles: &[&Article]) -> Vec<Analysis> {
    let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
    if texts.len() <= 1 {
        return analyse_texts(&texts);
    }
    let groups = story_groups(&texts);
    let mut out: Vec<Analysis> = vec![Analysis::default(); texts.len()];
    for g in groups {
        let group_texts: Vec<&str> = g.iter().map(|&i| texts[i]).collect();
        for (i, a) in g.into_iter().zip(analyse_texts(&group_texts)) {
            out[i] = a;
        }
    }
    out
}

/// Groups texts into stories by the names they share (at least three capitalised words that
/// are not ordinary words, and at least a third of the smaller text's). Names found in more than
/// 50 texts are ignored as too common to tell stories apart.
fn story_groups(texts: &[&str]) -> Vec<Vec<usize>> {
    use std::collections::{HashMap, HashSet};
    let g = &*gazetteer::GAZ;
    let names: Vec<HashSet<String>> = texts
        .iter()
        .map(|t| {
            token::tokenize(t)
                .iter()
                .map(|tk| &t[tk.range.clone()])
                .filter(|s| s.len() >= 3 && s.starts_with(char::is_uppercase))
                .filter(|s| !g.is_common(&s.to_lowercase()))
                .map(str::to_string)
                .collect()
        })
        .collect();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, set) in names.iter().enumerate() {
        for k in set {
            index.entry(k.as_str()).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for list in index.values().filter(|l| l.len() <= 50) {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                *shared.entry((i, j)).or_default() += 1;
            }
        }
    }
    let mut parent: Vec<usize> = (0..texts.len()).collect();
    fn root(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    for (&(i, j), &n) in &shared {
        let smaller = names[i].len().min(names[j].len()).max(1);
        if n >= 3 && n * 3 >= smaller {
            let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
            parent[ri.max(rj)] = ri.min(rj);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..texts.len() {
        let r = root(&mut parent, i);
        groups.entry(r).or_default().push(i);
    }
    let mut g: Vec<Vec<usize>> = groups.into_values().collect();
    g.sort();
    g
}

fn taken_by(w: &numeric::Words, spans: &[numeric::Span]) -> Vec<bool> {
    let mut t = vec![false; w.toks.len()];
    for s in spans {
        for x in &mut t[s.start..s.end] {
            *x = true;
        }
    }
    t
}

/// Texts longer than this are analysed in pieces (cut at paragraph breaks) that share evidence
/// as versions of a story do, so that one huge file uses every core.
const PIECE: usize = 256 * 1024;

/// Cuts a text at blank lines into pieces of about [`PIECE`] bytes: (byte offset, piece). A
/// text without a blank line near the cut is cut at a line break, and failing that kept whole.
fn pieces(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut at = 0;
    while text.len() - at > PIECE + PIECE / 2 {
        // Byte search: '\n' never occurs inside a multi-byte character, so every cut is a
        // character boundary.
        let window = &text.as_bytes()[at + PIECE..];
        let window = &window[..window.len().min(PIECE / 2)];
        let cut = window
            .windows(2)
            .position(|w| w == b"\n\n")
            .map(|k| k + 2)
            .or_else(|| window.iter().position(|&c| c == b'\n').map(|k| k + 1));
        let Some(k) = cut else { break };
        let end = at + PIECE + k;
        out.push((at, &text[at..end]));
        at = end;
    }
    out.push((at, &text[at..]));
    out
}

/// Analyses texts that share evidence about names (one story's versions, or a single text).
/// The work on each text (and each piece of a long text) runs in parallel; the result does
/// not depend on the number of threads.
pub fn analyse_texts(texts: &[&str]) -> Vec<Analysis> {
    let mut owner: Vec<(usize, usize)> = Vec::new();
    let mut parts: Vec<&str> = Vec::new();
    for (i, t) in texts.iter().enumerate() {
        for (off, p) in pieces(t) {
            owner.push((i, off));
            parts.push(p);
        }
    }
    let mut out: Vec<Analysis> = vec![Analysis::default(); texts.len()];
    for ((i, off), a) in owner.into_iter().zip(analyse_parts(&parts)) {
        let o = &mut out[i];
        o.entities.extend(a.entities.into_iter().map(|mut e| {
            e.range = e.range.start + off..e.range.end + off;
            e
        }));
        o.quotes.extend(a.quotes.into_iter().map(|mut q| {
            q.range = q.range.start + off..q.range.end + off;
            q.speaker = q.speaker.map(|r| r.start + off..r.end + off);
            q
        }));
    }
    out
}

fn analyse_parts(texts: &[&str]) -> Vec<Analysis> {
    use rayon::prelude::*;
    let toks: Vec<Vec<token::Token>> = texts.par_iter().map(|t| token::tokenize(t)).collect();
    let words: Vec<numeric::Words> = texts
        .par_iter()
        .zip(&toks)
        .map(|(t, tk)| numeric::Words::new(t, tk))
        .collect();
    let numerics: Vec<Vec<numeric::Span>> = words.par_iter().map(numeric::find).collect();
    let taken: Vec<Vec<bool>> = words
        .par_iter()
        .zip(&numerics)
        .map(|(w, spans)| taken_by(w, spans))
        .collect();
    // Pass 1: names from local evidence; the story's evidence is what they establish (added in
    // text order, so the evidence is the same however the work was spread).
    let local: Vec<Vec<names::NameSpan>> = words
        .par_iter()
        .zip(&taken)
        .map(|(w, t)| names::find(w, t, None))
        .collect();
    let mut ev = names::Evidence::default();
    for (w, found) in words.iter().zip(&local) {
        ev.add(w, found);
    }
    drop(local);
    // Pass 2: with the evidence; then one label per string across the story.
    let mut found: Vec<Vec<names::NameSpan>> = words
        .par_iter()
        .zip(&taken)
        .map(|(w, t)| names::find(w, t, Some(&ev)))
        .collect();
    unify_labels(&words, &mut found);

    words
        .par_iter()
        .zip(&numerics)
        .zip(&found)
        .map(|((w, nums), names)| {
            let toks = w.toks;
            let byte = |a: usize, b: usize| toks[a].range.start..toks[b - 1].range.end;
            let mut entities: Vec<Entity> = nums
                .iter()
                .map(|s| Entity {
                    range: byte(s.start, s.end),
                    label: s.label,
                })
                .chain(names.iter().map(|s| Entity {
                    range: byte(s.start, s.end),
                    label: s.label,
                }))
                .collect();
            entities.sort_by_key(|e| (e.range.start, std::cmp::Reverse(e.range.end)));
            // Guarantee the contract even if two rules ever claimed the same words.
            let mut clean: Vec<Entity> = Vec::with_capacity(entities.len());
            for e in entities {
                if e.range.is_empty() || clean.last().is_some_and(|l| l.range.end > e.range.start) {
                    continue;
                }
                clean.push(e);
            }
            let quote_ranges = quotes::find_quotes(w.text);
            let quotes = quotes::attribute(w, &quote_ranges, &clean);
            Analysis {
                entities: clean,
                quotes,
            }
        })
        .collect()
}

/// The same string keeps one label through the story: the label it gets most often, except
/// for buildings, whose label follows their use ("in the Kremlin" vs "the Kremlin said").
fn unify_labels(words: &[numeric::Words], found: &mut [Vec<names::NameSpan>]) {
    use std::collections::HashMap;
    let mut counts: HashMap<String, [u32; 6]> = HashMap::new();
    for (w, spans) in words.iter().zip(found.iter()) {
        for s in spans {
            let weight = if s.strong { 2 } else { 1 };
            counts.entry(names::key(w, s.start, s.end)).or_default()[s.label.index()] += weight;
        }
    }
    for (w, spans) in words.iter().zip(found.iter_mut()) {
        for s in spans.iter_mut() {
            let k = names::key(w, s.start, s.end);
            if lexicon::BUILDINGS.contains(k.as_str()) {
                continue;
            }
            if let Some(c) = counts.get(&k) {
                let (best, &n) = c
                    .iter()
                    .enumerate()
                    .max_by_key(|&(i, n)| (*n, i == s.label.index()))
                    .unwrap_or((0, &0));
                if n > c[s.label.index()] {
                    s.label = Label::ALL[best];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labelled(text: &str) -> Vec<(String, &'static str)> {
        analyse_text(text)
            .entities
            .into_iter()
            .map(|e| (text[e.range].to_string(), e.label.as_str()))
            .collect()
    }

    fn has(text: &str, span: &str, label: &str) -> bool {
        labelled(text).iter().any(|(s, l)| s == span && *l == label)
    }

    #[test]
    fn a_town_used_as_a_side_once_is_the_club_throughout_a_match_report() {
        // Neither city is on the list of club towns: one use as a side ("Pune beat", "Nagpur's
        // captain") makes every mention the club, as a reader takes them.
        let t = "Pune beat Nagpur by six wickets in the league match on Sunday. Nagpur's captain \
                 won the toss and batted, but the innings folded after lunch. Pune now top the \
                 standings, and Nagpur play at home next week.";
        let got = labelled(t);
        let labels_of = |name: &str| {
            got.iter()
                .filter(|(s, _)| s == name)
                .map(|(_, l)| *l)
                .collect::<Vec<_>>()
        };
        assert_eq!(labels_of("Pune"), ["ORG", "ORG"], "{got:?}");
        assert_eq!(labels_of("Nagpur"), ["ORG", "ORG", "ORG"], "{got:?}");
        // A national side keeps its country's label, and outside sport a town stays a place.
        assert!(has(
            "Norway beat Spain 2-1 in the match on Saturday, the striker scoring twice in the league.",
            "Norway",
            "PLACE"
        ));
        assert!(has(
            "Pune beat its own record for rainfall on Sunday.",
            "Pune",
            "PLACE"
        ));
        // A Games' year after a city is no score: the host city stays a place.
        assert!(has(
            "Tokyo 2020 was the first Games without fans; the striker scored twice in the league match at Tokyo.",
            "Tokyo",
            "PLACE"
        ));
    }

    #[test]
    fn states_by_name_and_names_that_are_no_entity() {
        let got =
            labelled("Gunmen attacked a village in Borno State on Monday, officials in Kaduna State said.");
        assert!(got.contains(&("Borno State".into(), "PLACE")), "{got:?}");
        assert!(got.contains(&("Kaduna State".into(), "PLACE")), "{got:?}");
        assert!(has(
            "The State Department said on Monday.",
            "State Department",
            "ORG"
        ));
        // A fund manager by its name and head word; a legislature by its own name.
        assert!(has(
            "Analysts at Orwell Asset Management said the shares were cheap.",
            "Orwell Asset Management",
            "ORG"
        ));
        assert!(has(
            "The Lok Sabha passed the bill on Monday.",
            "Lok Sabha",
            "ORG"
        ));
        // A known company with its legal form is one name.
        assert!(has(
            "Shares of Reliance Industries Limited rose on Friday.",
            "Reliance Industries Limited",
            "ORG"
        ));
        // Plural acronyms of roles name no one.
        let got = labelled("Several MPs and MLAs walked out of the session.");
        assert!(got.is_empty(), "{got:?}");
        // Diseases and variants, telescopes: none of the six labels.
        let got = labelled(
            "The Nipah virus and the Omicron variant were studied, and the Webb Space Telescope sent images.",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn titles_are_not_part_of_names() {
        let t = "Russian President Vladimir Putin met U.S. Secretary of State Antony Blinken.";
        let got = labelled(t);
        assert!(got.contains(&("Russian".into(), "NORP")), "{got:?}");
        assert!(got.contains(&("Vladimir Putin".into(), "PERSON")), "{got:?}");
        assert!(got.contains(&("U.S.".into(), "PLACE")), "{got:?}");
        assert!(got.contains(&("Antony Blinken".into(), "PERSON")), "{got:?}");
    }

    #[test]
    fn partial_mentions_and_possessives() {
        let t = "Prime Minister Viktor Orban arrived. Orban's aides said Orban would stay.";
        let got = labelled(t);
        assert_eq!(
            got.iter().filter(|(s, l)| s == "Orban" && *l == "PERSON").count(),
            2,
            "{got:?}"
        );
    }

    #[test]
    fn kremlin_literal_and_metonymic() {
        assert!(has("The talks in the Kremlin ended.", "Kremlin", "PLACE"));
        assert!(has(
            "Earlier, the Kremlin said it would respond.",
            "Kremlin",
            "ORG"
        ));
    }

    #[test]
    fn hyphenated_forms_tag_the_name_part() {
        assert!(has("Russia-backed separatists fought.", "Russia", "PLACE"));
        assert!(has("other ex-Soviet nations", "Soviet", "NORP"));
        assert!(has("a top trans-Atlantic grouping", "Atlantic", "PLACE"));
        let got = labelled("the Ukraine-NATO talks");
        assert!(
            got.contains(&("Ukraine".into(), "PLACE")) && got.contains(&("NATO".into(), "ORG")),
            "{got:?}"
        );
    }

    #[test]
    fn orgs_by_head_and_place_pairs() {
        assert!(has(
            "officials at the Ministry of Foreign Affairs said",
            "Ministry of Foreign Affairs",
            "ORG"
        ));
        let got = labelled("talks in Moscow, Russia, on Tuesday.");
        assert!(got.contains(&("Moscow".into(), "PLACE")) && got.contains(&("Russia".into(), "PLACE")));
        assert!(got.contains(&("Tuesday".into(), "DATE")));
    }

    #[test]
    fn regions_lone_companies_leaders_and_clubs() {
        // First-level regions of any country are places.
        let got =
            labelled("Rain flooded villages in West Bengal and Odisha, and fires burned in New South Wales.");
        for s in ["West Bengal", "Odisha", "New South Wales"] {
            assert!(got.contains(&(s.into(), "PLACE")), "{s}: {got:?}");
        }
        // A lone capitalised subject that no one in the story is named with is a company.
        // (It takes a story long enough to have introduced its people: a lone sentence
        // introduces no one.)
        let t = "Harlow Motors will pay Vintner another $40m for the rest of the venture, the two \
                 carmakers said on Thursday. Vintner has owned half of the venture since 2019. \
                 Harlow Motors chief executive Dana Pryce said the deal was fair to both sides and \
                 would let the venture build its new electric van at the plant outside the city. \
                 Union leader Sam Okoro said workers at the plant had been told their jobs were safe \
                 for at least three years, though he wanted that promise in writing before the \
                 deal closed. Vintner will keep a seat on the board until the end of next year. \
                 Analysts said the price was lower than they had expected, because sales of the \
                 venture's vans fell by a fifth last year as buyers waited for the electric model. \
                 Vintner shares rose 3% in early trading, while Harlow Motors shares were flat. The \
                 deal still needs the approval of regulators in both countries, which the companies \
                 expect by the spring. Pryce said the plant would hire about 400 more people once \
                 the new van goes into production, and that training would start this autumn.";
        let got = labelled(t);
        assert!(got.contains(&("Vintner".into(), "ORG")), "{got:?}");
        // A surname the story gives in full stays a person.
        let t = "Dana Pryce spoke first. Later Pryce has said little.";
        assert!(labelled(t).contains(&("Pryce".into(), "PERSON")));
        // Leaders whom copy names by surname alone.
        assert!(has(
            "Putin said on Tuesday that talks had stalled.",
            "Putin",
            "PERSON"
        ));
        // In a match report the club's town is the club; the town itself stays a place.
        let t = "Walsall beat Gillingham 2-0 in the league on Saturday. The striker scored twice \
                 and the manager praised the fans. Walsall, a town in the West Midlands, cheered.";
        let got = labelled(t);
        assert!(got.contains(&("Gillingham".into(), "ORG")), "{got:?}");
        assert!(has(
            "The manager said the goal won the match for the club in Walsall on Saturday, with fans in the stadium.",
            "Walsall",
            "PLACE"
        ));
        // An election story has its victory, defeat and points too, but no sports terms: its
        // towns stay places.
        let t = "The victory was a defeat for the mayor, who lost by 12 points; the win took \
                 votes from Sunderland and Gillingham.";
        let got = labelled(t);
        assert!(got.contains(&("Gillingham".into(), "PLACE")), "{got:?}");
        // A city and a club named in the plural are one name; "Russia NATO" is not.
        let got = labelled("The New York Yankees beat the visitors. Talks on Russia NATO ties.");
        assert!(got.contains(&("New York Yankees".into(), "ORG")), "{got:?}");
        assert!(
            got.contains(&("NATO".into(), "ORG")) && got.contains(&("Russia".into(), "PLACE")),
            "{got:?}"
        );
        // An unknown name where a place is named, with no first name, is the place.
        let got = labelled("The body was found in Kelso Brae on Friday.");
        assert!(got.contains(&("Kelso Brae".into(), "PLACE")), "{got:?}");
        // "the Amazon" is the forest; Amazon alone is the company.
        let got = labelled("Loggers cleared more of the Amazon this year. Amazon shares rose.");
        assert_eq!(
            got.iter()
                .filter(|(s, _)| s == "Amazon")
                .map(|(_, l)| *l)
                .collect::<Vec<_>>(),
            vec!["PLACE", "ORG"],
            "{got:?}"
        );
        // The surname of someone named in full, as a subject at a sentence start, though it is
        // also a word.
        let t = "Marcus Brown scored 37 points for Boston on Saturday night. Brown tallied a \
                 team-high total.";
        let got = labelled(t);
        assert_eq!(
            got.iter().filter(|(s, l)| s == "Brown" && *l == "PERSON").count(),
            1,
            "{got:?}"
        );
        // In a match report "the fourth quarter" is a period of play; in business copy a date.
        assert!(!has(
            "The Celtics led the league again: the coach said the fourth quarter won the game.",
            "the fourth quarter",
            "DATE"
        ));
        assert!(has(
            "Profit rose in the fourth quarter, the company said.",
            "the fourth quarter",
            "DATE"
        ));
        // A sentence-initial word before an organisation's head is part of its name.
        assert!(has(
            "Reserve Bank of India officials met on Friday.",
            "Reserve Bank of India",
            "ORG"
        ));
    }

    #[test]
    fn teams_companies_and_events() {
        let t = "The Boston Bruins beat the Florida Panthers. The Bruins won. Shares of FactSet and \
                 Orbital Devices Inc. rose; Orbital gained. After World War II, she won two Emmy Awards.";
        let got = labelled(t);
        for (s, l) in [
            ("Boston Bruins", "ORG"),
            ("Florida Panthers", "ORG"),
            ("Bruins", "ORG"),
            ("FactSet", "ORG"),
        ] {
            assert!(got.contains(&(s.into(), l)), "{s}: {got:?}");
        }
        assert!(got.contains(&("Orbital".into(), "ORG")), "{got:?}");
        assert!(
            !got.iter().any(|(s, _)| s.contains("War") || s.contains("Emmy")),
            "{got:?}"
        );
    }

    #[test]
    fn lookups_for_the_reader() {
        let t = "Vladimir Putin met Orban in Moscow. \"We agree,\" Orban said.";
        let a = analyse_text(t);
        let moscow = t.find("Moscow").unwrap();
        assert_eq!(a.entity_at(moscow + 2).map(|e| e.label), Some(Label::Place));
        assert_eq!(a.entity_at(t.find(" met").unwrap()), None);
        let firsts: Vec<&str> = a.entities_in(3..21).iter().map(|e| &t[e.range.clone()]).collect();
        assert_eq!(firsts, vec!["Vladimir Putin", "Orban"]);
        let q = a.quote_at(t.find("agree").unwrap()).expect("quote");
        assert_eq!(&t[q.speaker.clone().unwrap()], "Orban");
        assert!(a.quote_at(0).is_none());
        let m = a.mentions(t);
        let orban = m.iter().find(|m| m.text == "Orban").unwrap();
        assert_eq!((orban.label, orban.ranges.len()), (Label::Person, 2));
    }

    #[test]
    fn all_caps_bylines_credits_and_clubs() {
        let t = "PUTIN WARNS WEST OVER UKRAINE\n\nBy JOHN SMITH and MARIA LOPEZ\n\nA soldier waits. \
                 ANATOLII STEPANOV/AFP via Getty Images\n\nArsenal's Premier League hopes faded as Newcastle \
                 United drew. West Yorkshire Police said Mr Hartley was held.";
        let got = labelled(t);
        for (s, l) in [
            ("UKRAINE", "PLACE"),
            ("JOHN SMITH", "PERSON"),
            ("MARIA LOPEZ", "PERSON"),
            ("ANATOLII STEPANOV", "PERSON"),
            ("AFP", "ORG"),
            ("Getty Images", "ORG"),
            ("Premier League", "ORG"),
            ("Newcastle United", "ORG"),
            ("West Yorkshire Police", "ORG"),
            ("Hartley", "PERSON"),
        ] {
            assert!(got.contains(&(s.into(), l)), "{s}: {got:?}");
        }
    }

    #[test]
    fn surnames_that_are_words_as_speakers() {
        let got = labelled("It was fine. Trump said he would act. Young added more. Police said nothing.");
        assert!(got.contains(&("Trump".into(), "PERSON")), "{got:?}");
        assert!(got.contains(&("Young".into(), "PERSON")), "{got:?}");
        assert!(!got.iter().any(|(s, _)| s == "Police"), "{got:?}");
    }

    #[test]
    fn compound_places_groups_and_seasons() {
        let got =
            labelled("Los Angeles County and Sunni Muslims in the 2023-24 season; Saudi-backed forces.");
        for (s, l) in [
            ("Los Angeles County", "PLACE"),
            ("Sunni Muslims", "NORP"),
            ("2023-24", "DATE"),
            ("Saudi", "NORP"),
        ] {
            assert!(got.contains(&(s.into(), l)), "{s}: {got:?}");
        }
    }

    #[test]
    fn storms_are_not_people_or_places() {
        let got = labelled(
            "Hurricane Milton hit Florida. Milton arrived as FEMA Administrator Deanne Criswell spoke.",
        );
        assert!(!got.iter().any(|(s, _)| s.contains("Milton")), "{got:?}");
        assert!(got.contains(&("Deanne Criswell".into(), "PERSON")), "{got:?}");
        assert!(got.contains(&("FEMA".into(), "ORG")), "{got:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let got = labelled("Shortly after, Yet another meeting began. Speaking to reporters, he left.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn story_shares_evidence() {
        let a = "Bridget Brink was named ambassador.";
        let b = "Brink currently serves in Slovakia.";
        let out = analyse_texts(&[a, b]);
        let second: Vec<_> = out[1]
            .entities
            .iter()
            .map(|e| (&b[e.range.clone()], e.label))
            .collect();
        assert!(second.contains(&("Brink", Label::Person)), "{second:?}");
    }

    #[test]
    fn collections_share_evidence_only_within_a_story() {
        let a = "Russian President Vladimir Putin met Hungarian Prime Minister Viktor Orban in Moscow.";
        let b = "Putin and Orban spoke in Moscow about Hungary and Ukraine on Tuesday.";
        let c = "Walsh scored twice for Leeds United in a win over Everton.";
        assert_eq!(story_groups(&[a, c, b]), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn long_texts_are_cut_at_paragraphs_and_keep_their_offsets() {
        let para = "Russian President Vladimir Putin met Viktor Orban in Moscow on Tuesday. \
                    \"We agree,\" Orban said.\n\n";
        let text = para.repeat(2 * PIECE / para.len() + 3);
        let cut = pieces(&text);
        assert!(cut.len() >= 2, "{}", cut.len());
        let mut at = 0;
        for (off, p) in &cut {
            assert_eq!(*off, at);
            assert!(p.ends_with("\n\n") || *off + p.len() == text.len());
            at += p.len();
        }
        assert_eq!(at, text.len());
        let whole = analyse_text(&text);
        let one = analyse_text(para);
        // Every paragraph gets what a paragraph alone gets, at its own offset.
        assert_eq!(
            whole.entities.len(),
            one.entities.len() * (text.len() / para.len())
        );
        let last = text.len() - para.len();
        let tail: Vec<(usize, Label)> = whole
            .entities
            .iter()
            .filter(|e| e.range.start >= last)
            .map(|e| (e.range.start - last, e.label))
            .collect();
        let expect: Vec<(usize, Label)> = one.entities.iter().map(|e| (e.range.start, e.label)).collect();
        assert_eq!(tail, expect);
        assert_eq!(whole.quotes.len(), text.len() / para.len());
        let q = whole.quotes.last().unwrap();
        assert_eq!(&text[q.speaker.clone().unwrap()], "Orban");
    }

    #[test]
    fn quotes_have_speakers() {
        let t = "Vladimir Putin spoke. \"I hope we find a solution,\" Putin said. He added: “We are ready.”";
        let a = analyse_text(t);
        assert_eq!(a.quotes.len(), 2);
        for q in &a.quotes {
            let s = q.speaker.clone().expect("speaker");
            assert!(t[s].contains("Putin"), "{q:?}");
        }
    }
}
