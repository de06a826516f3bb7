//! One name, one entry: the spellings and short forms of one entity gathered under one
//! canonical name — "U.S.", "US" and "America" are `United States`; "Viktor Orban", "Victor
//! Orban", "Orbán" and "Orban" are one person; "International Monetary Fund (IMF)" makes a
//! later "IMF" the same organisation. The entity panel, the index and the comparison of
//! versions all group names here, so they agree on what one entity is.
//!
//! This is the project's own idea of "the same name" (news spelling habits, not a general
//! entity-linking problem), so it is written by hand: a short alias list
//! (`assets/entities/aliases.tsv`), surname and given-name matching, and acronyms defined in
//! the text.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use super::index::name_words;
use super::{Entity, Label};

/// The labels whose mentions are names (grouped by spelling), not dates or numbers.
pub const NAME_LABELS: [Label; 4] = [Label::Person, Label::Org, Label::Place, Label::Norp];

struct Aliases {
    /// (label, matching key of a spelling) → canonical name.
    by_key: HashMap<(Label, String), &'static str>,
}

static ALIASES: LazyLock<Aliases> = LazyLock::new(|| {
    let mut by_key = HashMap::new();
    for line in include_str!("../../assets/entities/aliases.tsv").lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(label), Some(canon), Some(others)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let Some(label) = Label::parse(label) else {
            continue;
        };
        for s in std::iter::once(canon).chain(others.split('|')) {
            by_key.insert((label, name_words(s).join(" ")), canon);
        }
    }
    Aliases { by_key }
});

/// The canonical name of a written name when the alias list has one ("U.S." → `United States`).
pub fn alias(label: Label, written: &str) -> Option<&'static str> {
    ALIASES
        .by_key
        .get(&(label, name_words(written).join(" ")))
        .copied()
}

/// The form names are matched by: the written name's words, normalised (case, accents, full
/// stops, possessive), or for an alias its canonical name's words. "US" and "America" (as
/// places) both give ["united", "states"].
pub fn matching_words(label: Label, written: &str) -> Vec<String> {
    match alias(label, written) {
        Some(canon) => name_words(canon),
        None => name_words(written),
    }
}

/// The key mentions are grouped and jumped to by: [`matching_words`] joined by a space for
/// names ("Putin's" → "putin", "US" → "united states"), the lowercased text for dates and numbers.
pub fn key(label: Label, written: &str) -> String {
    if NAME_LABELS.contains(&label) {
        matching_words(label, written).join(" ")
    } else {
        collapse(written).to_lowercase()
    }
}

/// Two given names one person can be written with: the same, one an initial of the other
/// ("V." and "Vladimir"), or the same name spelled a little differently ("Victor"/"Viktor",
/// "Sergei"/"Sergey", "Mohammed"/"Mohamed").
pub fn same_given(a: &str, b: &str) -> bool {
    let (ca, cb): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if ca.is_empty() || cb.is_empty() || ca[0] != cb[0] {
        return false;
    }
    if ca.len() == 1 || cb.len() == 1 || ca == cb {
        return true;
    }
    let shorter = ca.len().min(cb.len());
    let allowed = match shorter {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    };
    allowed > 0 && edit_distance(&ca, &cb, allowed) <= allowed
}

/// Levenshtein distance, stopping early once it passes `limit` (names are short).
fn edit_distance(a: &[char], b: &[char], limit: usize) -> usize {
    if a.len().abs_diff(b.len()) > limit {
        return limit + 1;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().min().copied().unwrap_or(0) > limit {
            return limit + 1;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Whether `short` is an acronym of the name with words `long` ("IMF" of "International
/// Monetary Fund", "PTI" of "Pakistan Tehreek-e-Insaf"): its letters are, in order, initials of
/// the name's words, starting with the first and leaving out at most the small words.
pub fn is_acronym_of(short: &str, long: &str) -> bool {
    let letters: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.len() < 2
        || !short
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    let words: Vec<String> = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    if words.len() < 2 {
        return false;
    }
    let small = |w: &str| matches!(w, "of" | "and" | "the" | "for" | "on" | "in" | "e" | "&" | "de");
    let mut k = 0;
    for (i, w) in words.iter().enumerate() {
        let Some(first) = w.chars().next() else { continue };
        if k < letters.len() && first == letters[k] {
            k += 1;
        } else if i == 0 || !small(w) {
            return false;
        }
    }
    k == letters.len()
}

/// One entity of one article: every mention of it, whatever the spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameGroup {
    pub label: Label,
    /// The canonical name: the alias list's, or the fullest form the article uses most.
    pub name: String,
    /// The other spellings merged in, most used first ("U.S.", "America"; "Orban").
    pub variants: Vec<String>,
    /// Matching keys of every spelling (words joined by a space), the group's own first.
    pub keys: Vec<String>,
    /// Byte ranges of every mention, sorted.
    pub ranges: Vec<Range<usize>>,
    /// Written forms with how often each occurs (whitespace collapsed).
    pub forms: Vec<(String, usize)>,
}

impl NameGroup {
    /// The matching words of the canonical name.
    pub fn words(&self) -> Vec<String> {
        name_words(&self.name)
    }
}

/// A name's written form, whitespace collapsed ("Vladimir\n Putin" → "Vladimir Putin").
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Groups one article's mentions: one group per entity, in order of first mention. Mentions
/// for which `skip` is true (e.g. in page furniture) are left out. Names (PERSON, ORG, PLACE,
/// NORP) merge their spellings (aliases, accents, surnames after a full name, given-name
/// spellings, acronyms defined in the text); dates and numbers group by their normalised text.
pub fn group(text: &str, entities: &[Entity], skip: &dyn Fn(&Entity) -> bool) -> Vec<NameGroup> {
    struct Raw {
        label: Label,
        key: String,
        words: Vec<String>,
        forms: Vec<(String, usize)>,
        ranges: Vec<Range<usize>>,
    }
    let mut raws: Vec<Raw> = Vec::new();
    let mut at: HashMap<(Label, String), usize> = HashMap::new();
    // For acronyms: (raw of the mention, its byte range) in text order.
    let mut order: Vec<(usize, Range<usize>)> = Vec::new();
    for e in entities {
        if skip(e) {
            continue;
        }
        let Some(s) = text.get(e.range.clone()) else {
            continue;
        };
        let words = if NAME_LABELS.contains(&e.label) {
            matching_words(e.label, s)
        } else {
            // "3.5" and "35" are not one number: dates and numbers keep their dots and commas.
            Some(collapse(s).to_lowercase())
                .filter(|k| !k.is_empty())
                .into_iter()
                .collect()
        };
        if words.is_empty() {
            continue;
        }
        let key = words.join(" ");
        let k = *at.entry((e.label, key.clone())).or_insert_with(|| {
            raws.push(Raw {
                label: e.label,
                key,
                words,
                forms: Vec::new(),
                ranges: Vec::new(),
            });
            raws.len() - 1
        });
        let form = collapse(s);
        let r = &mut raws[k];
        match r.forms.iter_mut().find(|(f, _)| *f == form) {
            Some((_, n)) => *n += 1,
            None => r.forms.push((form, 1)),
        }
        r.ranges.push(e.range.clone());
        order.push((k, e.range.clone()));
    }
    let mut parent: Vec<usize> = (0..raws.len()).collect();
    // Full names of one person: the same surname, given names that can be one ("Viktor
    // Orban", "Victor Orban"). Compared within a surname only.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, r) in raws.iter().enumerate() {
        if r.label == Label::Person && r.words.len() > 1 {
            by_last
                .entry(r.words[r.words.len() - 1].as_str())
                .or_default()
                .push(i);
        }
    }
    for list in by_last.values() {
        for (x, &i) in list.iter().enumerate() {
            for &j in &list[x + 1..] {
                if same_given(&raws[i].words[0], &raws[j].words[0]) {
                    union(&mut parent, i, j);
                }
            }
        }
    }
    // "International Monetary Fund (IMF)": the acronym in brackets right after the name.
    for w in order.windows(2) {
        let ((a, ra), (b, rb)) = (&w[0], &w[1]);
        let between = text.get(ra.end..rb.start).unwrap_or("");
        let after = text.get(rb.end..).unwrap_or("");
        if raws[*a].label == raws[*b].label
            && matches!(raws[*a].label, Label::Org | Label::Place)
            && between.trim() == "("
            && after.starts_with(')')
            && is_acronym_of(&text[rb.clone()], &text[ra.clone()])
        {
            union(&mut parent, *a, *b);
        }
    }
    // A surname joins the one person (after the merges above) whose full name ends in it.
    for (i, r) in raws.iter().enumerate() {
        if r.label != Label::Person || r.words.len() != 1 {
            continue;
        }
        let mut owners: Vec<usize> = by_last
            .get(r.words[0].as_str())
            .map(|l| l.iter().map(|&j| find(&mut parent, j)).collect())
            .unwrap_or_default();
        owners.sort_unstable();
        owners.dedup();
        if let [j] = owners[..] {
            union(&mut parent, i, j);
        }
    }
    // Assemble, in order of first mention.
    let mut groups: Vec<NameGroup> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, r) in raws.iter().enumerate() {
        let root = find(&mut parent, i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(NameGroup {
                label: r.label,
                name: String::new(),
                variants: Vec::new(),
                keys: Vec::new(),
                ranges: Vec::new(),
                forms: Vec::new(),
            });
            members.push(Vec::new());
            groups.len() - 1
        });
        members[g].push(i);
    }
    for (g, m) in groups.iter_mut().zip(&members) {
        // The group's own key first: the fullest name's.
        let main = *m
            .iter()
            .max_by_key(|&&i| (raws[i].words.len(), raws[i].ranges.len(), std::cmp::Reverse(i)))
            .unwrap_or(&m[0]);
        g.keys.push(raws[main].key.clone());
        for &i in m {
            if i != main {
                g.keys.push(raws[i].key.clone());
            }
            g.ranges.extend(raws[i].ranges.iter().cloned());
            for (f, n) in &raws[i].forms {
                match g.forms.iter_mut().find(|(x, _)| x == f) {
                    Some((_, c)) => *c += n,
                    None => g.forms.push((f.clone(), *n)),
                }
            }
        }
        g.ranges.sort_by_key(|r| r.start);
        let fullest = m.iter().map(|&i| raws[i].words.len()).max().unwrap_or(0);
        let candidates: Vec<(String, usize)> = m
            .iter()
            .filter(|&&i| raws[i].words.len() == fullest)
            .flat_map(|&i| raws[i].forms.iter().cloned())
            .collect();
        g.name = canonical_name(g.label, &candidates);
        g.variants = variants(&g.name, &g.forms);
    }
    groups.sort_by_key(|g| g.ranges.first().map_or(0, |r| r.start));
    groups
}

/// The name to show for forms (with counts): the alias list's canonical name if any form has
/// one; else the most used form, preferring one not in capitals (headlines, credits).
pub fn canonical_name(label: Label, forms: &[(String, usize)]) -> String {
    if NAME_LABELS.contains(&label)
        && let Some(c) = forms.iter().find_map(|(f, _)| alias(label, f))
    {
        return c.to_string();
    }
    let mixed = |f: &str| f.chars().any(char::is_lowercase);
    forms
        .iter()
        .enumerate()
        .max_by_key(|(i, (f, n))| (mixed(f), *n, f.chars().count(), std::cmp::Reverse(*i)))
        .map(|(_, (f, _))| f.clone())
        .unwrap_or_default()
}

/// The spellings other than the name, most used first, each once (case aside: "PUTIN" is not
/// another spelling of "Putin", "Orbán" is one of "Orban").
pub fn variants(name: &str, forms: &[(String, usize)]) -> Vec<String> {
    let mut v: Vec<(String, usize)> = Vec::new();
    for (f, n) in forms {
        if f.to_lowercase() == name.to_lowercase() {
            continue;
        }
        match v.iter_mut().find(|(x, _)| x.to_lowercase() == f.to_lowercase()) {
            Some((x, c)) => {
                *c += n;
                // Keep the spelling that is not in capitals.
                if !x.chars().any(char::is_lowercase) {
                    *x = f.clone();
                }
            }
            None => v.push((f.clone(), *n)),
        }
    }
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    v.into_iter().map(|(f, _)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        name_words(s)
    }

    #[test]
    fn aliases_give_the_canonical_name() {
        for s in [
            "U.S.",
            "US",
            "USA",
            "United States",
            "America",
            "the U.S.A.",
            "America's",
        ] {
            let s = s.trim_start_matches("the ");
            assert_eq!(matching_words(Label::Place, s), w("United States"), "{s}");
        }
        assert_eq!(alias(Label::Place, "US"), Some("United States"));
        // Only as the country: the NORP "American" and "Latin America" are not aliases.
        assert_eq!(alias(Label::Norp, "American"), None);
        assert_eq!(alias(Label::Place, "Latin America"), None);
        assert_eq!(matching_words(Label::Place, "Orbán"), w("Orban"));
    }

    #[test]
    fn given_names_and_acronyms() {
        assert!(same_given("victor", "viktor"));
        assert!(same_given("sergei", "sergey"));
        assert!(same_given("v", "vladimir"));
        assert!(!same_given("joe", "jim"));
        assert!(!same_given("hunter", "joe"));
        assert!(!same_given("ann", "amy"));
        assert!(is_acronym_of("IMF", "International Monetary Fund"));
        assert!(is_acronym_of("PTI", "Pakistan Tehreek-e-Insaf"));
        assert!(is_acronym_of("DGHS", "Directorate General of Health Services"));
        assert!(!is_acronym_of("BBC", "International Monetary Fund"));
        assert!(!is_acronym_of("Imf", "International Monetary Fund"));
        assert!(!is_acronym_of("I", "Iran"));
    }

    fn ent(text: &str, s: &str, nth: usize, label: Label) -> Entity {
        let start = text.match_indices(s).nth(nth).expect(s).0;
        Entity {
            range: start..start + s.len(),
            label,
        }
    }

    #[test]
    fn one_entity_one_group() {
        let t = "Victor Orban met Viktor Orban's aides. Orbán spoke; Orban left. The U.S. and America \
                 and the United States. The International Monetary Fund (IMF) said the IMF would act.";
        let mut es = vec![
            ent(t, "Victor Orban", 0, Label::Person),
            ent(t, "Viktor Orban", 0, Label::Person),
            ent(t, "Orbán", 0, Label::Person),
            ent(t, "Orban", 2, Label::Person),
            ent(t, "U.S.", 0, Label::Place),
            ent(t, "America", 0, Label::Place),
            ent(t, "United States", 0, Label::Place),
            ent(t, "International Monetary Fund", 0, Label::Org),
            ent(t, "IMF", 0, Label::Org),
            ent(t, "IMF", 1, Label::Org),
        ];
        es.sort_by_key(|e| e.range.start);
        let g = group(t, &es, &|_| false);
        let names: Vec<(&str, usize)> = g.iter().map(|g| (g.name.as_str(), g.ranges.len())).collect();
        assert_eq!(
            names,
            [
                ("Victor Orban", 4),
                ("United States", 3),
                ("International Monetary Fund", 3)
            ]
        );
        assert_eq!(g[0].variants, ["Viktor Orban", "Orbán", "Orban"]);
        assert_eq!(g[1].variants, ["U.S.", "America"]);
        assert_eq!(g[2].variants, ["IMF"]);
        // Skipped mentions (furniture) are not counted.
        let g = group(t, &es, &|e| e.range.start < 30);
        assert_eq!(g[0].ranges.len(), 2);
    }

    #[test]
    fn two_people_of_one_surname_keep_the_surname_apart() {
        let t = "Joe Biden and Hunter Biden arrived. Biden spoke.";
        let es = vec![
            ent(t, "Joe Biden", 0, Label::Person),
            ent(t, "Hunter Biden", 0, Label::Person),
            ent(t, "Biden", 2, Label::Person),
        ];
        let g = group(t, &es, &|_| false);
        assert_eq!(g.len(), 3);
    }
}
