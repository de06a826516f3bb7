//! The embedded word lists (places, demonyms, census names, common words, well-known entities)
//! and the lookups the recogniser makes into them. Built once, on first use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use std::sync::LazyLock;

use super::Label;

const PLACES: &str = include_str!("../../assets/entities/places.tsv");
const DEMONYMS: &str = include_str!("../../assets/entities/demonyms.txt");
const FIRST_NAMES: &str = include_str!("../../assets/entities/first_names.txt");
const SURNAMES: &str = include_str!("../../assets/entities/surnames.txt");
const COMMON_WORDS: &str = include_str!("../../assets/entities/common_words.txt");
const SUFFIXES: &str = include_str!("../../assets/entities/company_suffixes.txt");
const KNOWN: &str = include_str!("../../assets/entities/known_entities.tsv");

/// Longest phrase, in words, that a gazetteer lookup tries.
pub const MAX_PHRASE: usize = 7;

/// What the lists say about one phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub label: Label,
    /// 3 for countries, states, continents, hand-listed names and cities of a million or more;
    /// 2 for cities over 100,000; 1 for smaller cities, which need some context.
    pub size: u8,
}

pub struct Gazetteer {
    phrases: HashMap<&'static str, Known>,
    /// Census first names and surnames with their frequency rank (0 = most frequent).
    first_names: HashMap<&'static str, usize>,
    surnames: HashMap<&'static str, usize>,
    common: HashSet<&'static str>,
    suffixes: HashSet<String>,
    /// Names of countries (a national side is named by its country, and stays a place).
    countries: HashSet<&'static str>,
}

pub static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

fn lines(s: &'static str) -> impl Iterator<Item = &'static str> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Gazetteer {
    fn build() -> Self {
        let mut phrases: HashMap<&'static str, Known> = HashMap::default();
        let mut countries: HashSet<&'static str> = HashSet::default();
        for l in lines(PLACES) {
            let mut f = l.split('\t');
            let (Some(name), Some(kind), Some(size)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            if kind == "country" {
                countries.insert(name);
            }
            let size = size.parse().unwrap_or(1);
            phrases.insert(
                name,
                Known {
                    label: Label::Place,
                    size,
                },
            );
        }
        for name in lines(DEMONYMS) {
            phrases.insert(
                name,
                Known {
                    label: Label::Norp,
                    size: 3,
                },
            );
        }
        // Hand-written entries win over the generated lists ("Georgia" aside, a name like
        // "Kremlin" or "Soviet" means the same thing in any news story).
        for l in lines(KNOWN) {
            let mut f = l.split('\t');
            let (Some(name), Some(label)) = (f.next(), f.next()) else {
                continue;
            };
            if let Some(label) = Label::parse(label) {
                phrases.insert(name, Known { label, size: 3 });
            }
        }
        Gazetteer {
            phrases,
            first_names: lines(FIRST_NAMES).enumerate().map(|(i, n)| (n, i)).collect(),
            surnames: lines(SURNAMES).enumerate().map(|(i, n)| (n, i)).collect(),
            common: lines(COMMON_WORDS).collect(),
            suffixes: lines(SUFFIXES).map(|s| s.to_lowercase()).collect(),
            countries,
        }
    }

    /// A phrase as written ("United States", "U.N.", "NATO").
    pub fn phrase(&self, s: &str) -> Option<Known> {
        self.phrases.get(s).copied()
    }

    /// A census first name: a frequent one, or a rarer one that is not also an English word
    /// (the census lists "Maple" and "Many").
    /// A country's name, as the place lists give it.
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }

    pub fn is_first_name(&self, w: &str) -> bool {
        self.first_names
            .get(w)
            .is_some_and(|&r| r < 800 || !self.is_common(&w.to_lowercase()))
    }

    /// A census surname: a frequent one, or a rarer one that is not also an English word.
    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames
            .get(w)
            .is_some_and(|&r| r < 5000 || !self.is_common(&w.to_lowercase()))
    }

    /// Among the 10,000 most frequent census surnames ("Santos", but not "Bruins").
    pub fn is_frequent_surname(&self, w: &str) -> bool {
        self.surnames.get(w).is_some_and(|&r| r < 10_000)
    }

    /// Lowercase common English word ("price", "house", "shortly").
    pub fn is_common(&self, lower: &str) -> bool {
        self.common.contains(lower)
    }

    /// Company legal form ("Inc.", "LLC", "GmbH"), compared in lowercase.
    pub fn is_company_suffix(&self, w: &str) -> bool {
        w.len() >= 2 && self.suffixes.contains(&w.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_answer() {
        let g = &*GAZ;
        assert_eq!(g.phrase("Moscow").map(|k| k.label), Some(Label::Place));
        assert_eq!(g.phrase("NATO").map(|k| k.label), Some(Label::Org));
        assert_eq!(g.phrase("Russian").map(|k| k.label), Some(Label::Norp));
        assert!(g.is_first_name("Susan"));
        assert!(g.is_surname("Walsh"));
        assert!(g.is_common("shortly"));
        assert!(!g.is_common("putin"));
        assert!(g.is_company_suffix("Inc."));
    }
}
