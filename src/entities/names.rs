//! Names: people, organisations, places and nationalities, found as capitalised sequences
//! ("chunks") and labelled by gazetteers, heads ("Ministry", "Peninsula"), titles ("President"),
//! context cues ("said", "in", "spokesman") and evidence from the rest of the document.

use rustc_hash::FxHashMap as HashMap;

use super::Label;
use super::gazetteer::{GAZ, Known, MAX_PHRASE};
use super::lexicon::*;
use super::numeric::Words;
use super::token::Kind;

/// A name as a token range `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// Backed by a list, a head word or a context cue rather than a default guess.
    pub strong: bool,
}

/// What a document (or a story of several versions) has established about names: labels of
/// whole names, and people's name parts ("Putin" from "Vladimir Putin").
#[derive(Debug, Default, Clone)]
pub struct Evidence {
    full: HashMap<String, [u32; 6]>,
    partial: HashMap<String, Label>,
    /// Partial names that are also ordinary words ("Orbital"): used mid-sentence only.
    weak: rustc_hash::FxHashSet<String>,
    /// Some person is named in full (kept as names are added, so asking costs nothing).
    people: bool,
}

impl Evidence {
    /// Records the strong names found in one text.
    pub fn add(&mut self, w: &Words, spans: &[NameSpan]) {
        for s in spans.iter().filter(|s| s.strong) {
            let key = key(w, s.start, s.end);
            self.full.entry(key).or_default()[s.label.index()] += 1;
            if s.label == Label::Person && s.end - s.start >= 2 {
                for i in s.start..s.end {
                    let t = &w.toks[i];
                    let raw = w.raw(i);
                    // Two-letter surnames count ("Xi", "Li", "Wu"), function words do not.
                    let long_enough = raw.chars().count() > 2
                        || (raw.chars().count() == 2
                            && !matches!(
                                raw,
                                "Of" | "In"
                                    | "On"
                                    | "At"
                                    | "To"
                                    | "By"
                                    | "An"
                                    | "As"
                                    | "Or"
                                    | "Is"
                                    | "It"
                                    | "He"
                                    | "We"
                                    | "Me"
                                    | "My"
                                    | "No"
                                    | "So"
                                    | "Up"
                                    | "Us"
                                    | "Do"
                                    | "Go"
                                    | "If"
                                    | "Jr"
                            ));
                    // Not a two-letter acronym ("Ontario ER"): that is no one's name part.
                    let acronym = t.upper && raw.chars().count() <= 2;
                    if t.kind == Kind::Word && t.cap && long_enough && !raw.ends_with('.') && !acronym {
                        self.partial.insert(titlecase(raw), Label::Person);
                        self.people = true;
                    }
                }
            }
            // "Thwaites Glacier" makes a later "Thwaites" the place.
            if s.label == Label::Place
                && s.end - s.start == 2
                && PLACE_HEADS.contains(w.raw(s.end - 1))
                && GAZ.phrase(w.raw(s.start)).is_none()
            {
                self.partial
                    .entry(w.raw(s.start).to_string())
                    .or_insert(Label::Place);
            }
            // "Orbital Devices Inc." makes "Orbital Devices" and "Orbital" the company.
            // "Boston Bruins", "Maple Leafs": the team by its plural name alone.
            if s.label == Label::Org && s.end - s.start >= 2 && plural_word(w, s.end - 1) {
                let last = w.raw(s.end - 1);
                self.partial.insert(last.to_string(), Label::Org);
                if s.end - s.start >= 3 {
                    self.full.entry(key_of(w, s.end - 2, s.end)).or_default()[Label::Org.index()] += 1;
                }
            }
            if s.label == Label::Org && s.end - s.start >= 2 && GAZ.is_company_suffix(w.raw(s.end - 1)) {
                let mut e = s.end - 1;
                while e > s.start && matches!(w.raw(e - 1), "," | "&") {
                    e -= 1;
                }
                if e > s.start {
                    self.full.entry(key_of(w, s.start, e)).or_default()[Label::Org.index()] += 1;
                    let first = w.raw(s.start);
                    if GAZ.phrase(first).is_none() && !TITLE_HEADS.contains(first) {
                        self.partial.insert(first.to_string(), Label::Org);
                        if GAZ.is_common(w.low(s.start)) {
                            self.weak.insert(first.to_string());
                        }
                    }
                }
            }
        }
    }

    /// The label most often given to this exact name.
    pub fn full(&self, key: &str) -> Option<Label> {
        let counts = self.full.get(key)?;
        let (i, &n) = counts.iter().enumerate().max_by_key(|&(_, n)| *n)?;
        (n > 0).then(|| Label::ALL[i])
    }

    pub fn partial(&self, word: &str) -> Option<Label> {
        self.partial.get(word).copied()
    }

    /// Known as a name; `strict` leaves out partial names that are also ordinary words.
    fn knows(&self, word: &str, strict: bool) -> bool {
        (self.partial.contains_key(word) && !(strict && self.weak.contains(word)))
            || self.full.contains_key(word)
    }
}

fn titlecase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut first = true;
    for c in s.chars() {
        if first {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        first = !c.is_alphanumeric() && c != '\'' && c != '’';
    }
    out
}

/// A first name that is not also a country, state or big city ("Georgia", "Florida",
/// "Denver").
fn is_first_name(w: &str) -> bool {
    GAZ.is_first_name(w) && GAZ.phrase(w).is_none_or(|k| k.size < 2)
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

fn camel_case(w: &str) -> bool {
    let prefixes = [
        "Mc", "Mac", "De", "Di", "Le", "La", "Van", "Von", "Du", "Da", "O'", "O’", "D'", "Al",
    ];
    if prefixes.iter().any(|p| w.starts_with(p)) {
        return false;
    }
    let cs: Vec<char> = w.chars().collect();
    cs.len() >= 4
        && cs
            .windows(2)
            .skip(1)
            .any(|p| p[0].is_lowercase() && p[1].is_uppercase())
}

/// A capitalised word in the plural that is not a frequent surname: "Bruins", "Leafs".
fn plural_word(w: &Words, i: usize) -> bool {
    let r = w.raw(i);
    r.len() > 3
        && r.ends_with('s')
        && !r.ends_with("ss")
        && !r.ends_with("us")
        && !r.ends_with("is")
        && !w.toks[i].upper
        && !GAZ.is_frequent_surname(r)
        && GAZ.phrase(r).is_none()
        && !ORG_HEADS.contains(r)
}

fn key_of(w: &Words, a: usize, b: usize) -> String {
    key(w, a, b)
}

/// The lookup key of a token range: its words joined as written, single-spaced.
pub fn key(w: &Words, a: usize, b: usize) -> String {
    let mut k = String::new();
    for i in a..b {
        if i > a && w.toks[i].space_before {
            k.push(' ');
        }
        k.push_str(w.raw(i));
    }
    k
}

/// The part of a name before its first hyphen ("SARS" of "SARS-CoV-2").
fn first_part(k: &str) -> &str {
    k.split('-').next().unwrap_or(k)
}

/// Gazetteer lookup of a token range, also in Title Case for ALL-CAPS text.
fn lookup(w: &Words, a: usize, b: usize) -> Option<Known> {
    let k = key(w, a, b);
    if let Some(found) = GAZ.phrase(&k) {
        return Some(found);
    }
    if (a..b).any(|i| w.toks[i].upper && w.raw(i).len() > 3) {
        return GAZ.phrase(&titlecase(&k));
    }
    // "Englishmen", "Frenchman": a nationality's man or men.
    for suffix in ["men", "man"] {
        if let Some(stem) = k.strip_suffix(suffix)
            && stem.len() >= 4
            && let Some(found) = GAZ.phrase(stem)
            && found.label == Label::Norp
        {
            return Some(found);
        }
    }
    // "Americans", "Kenyans": a nationality in the plural.
    if let Some(stem) = k.strip_suffix('s')
        && let Some(found) = GAZ.phrase(stem)
        && found.label == Label::Norp
    {
        return Some(found);
    }
    None
}

/// Most tokens one chunk may hold.
const MAX_CHUNK: usize = 14;

struct Finder<'a, 'b> {
    w: &'b Words<'a>,
    taken: &'b [bool],
    ev: Option<&'b Evidence>,
    /// Longest gazetteer phrase starting at each token: (length, what it is).
    phrase: Vec<Option<(usize, Known)>>,
    /// Inside a known phrase of two or more words.
    covered: Vec<bool>,
    /// Names of storms and operations in this text ("Hurricane Milton" makes "Milton" no
    /// entity of the six labels, not the town).
    suppressed: rustc_hash::FxHashSet<&'a str>,
    /// In a sports report, towns and regions that this text uses as a team somewhere (see
    /// [`team_frames`]): every mention of them is the club, except "in", "near" or "outside" it.
    clubs: rustc_hash::FxHashSet<String>,
}

/// Words after a name that make it a side in a match: "Mumbai beat", "Melbourne v Gold Coast".
const TEAM_VERBS: [&str; 16] = [
    "beat", "beats", "defeated", "defeat", "edged", "thrashed", "overcame", "drew", "lost", "won", "v", "vs",
    "vs.", "trail", "trailed", "led",
];
/// Words before a name that make it a side: "against Gold Coast", "shutting out Mumbai".
const TEAM_BEFORE: [&str; 8] = ["against", "beat", "beating", "defeated", "v", "vs", "vs.", "out"];
/// A side's people and parts: "Mumbai's captain", "Melbourne's midfield".
const TEAM_PARTS: [&str; 14] = [
    "captain",
    "coach",
    "skipper",
    "batsmen",
    "batters",
    "bowlers",
    "players",
    "squad",
    "defence",
    "defense",
    "attack",
    "midfield",
    "innings",
    "supporters",
];

/// Towns and regions (not countries: a national side keeps its country's label) that a sports
/// text uses as a team at least once: followed by a match verb or "v", preceded by "against",
/// a possessive before a team word, a team sheet's "Melbourne:" or a score ("Melbourne 7.12").
/// Hand-written because it is this recogniser's own document-level rule: one clear use as a
/// side makes the town's other mentions the club too, as a reader takes them.
fn team_frames(w: &Words, phrase: &[Option<(usize, Known)>]) -> rustc_hash::FxHashSet<String> {
    let mut out = rustc_hash::FxHashSet::default();
    if !w.sports {
        return out;
    }
    // The known places of the text are the finder's gazetteer phrases (looked up once there).
    for (i, found) in phrase.iter().enumerate() {
        let Some((len, k)) = found else { continue };
        if k.label != Label::Place || *len > 2 {
            continue;
        }
        let (t, j) = (&w.toks[i], i + len);
        let name = key(w, i, j);
        if GAZ.is_country(&name) || GAZ.is_country(&titlecase(&name)) {
            continue;
        }
        let next = w.low(j);
        let possessive = matches!(next, "'s" | "’s" | "'" | "’");
        let part_after = if possessive { w.low(j + 1) } else { "" };
        // A score after the name ("Melbourne 7.12 (54)"), but not a Games' year ("Tokyo 2020").
        let year = next.len() == 4 && (next.starts_with("19") || next.starts_with("20"));
        let score = !year
            && (w.toks.get(j).is_some_and(|t| t.kind == Kind::Number)
                || next.chars().next().is_some_and(|c| c.is_ascii_digit()));
        let frame = TEAM_VERBS.contains(&next)
            || (i > 0 && TEAM_BEFORE.contains(&w.low(i - 1)))
            || TEAM_PARTS.contains(&part_after)
            || (next == ":" && t.line_start)
            || score;
        if frame {
            out.insert(titlecase(&name));
        }
    }
    out
}

fn is_connector_word(s: &str) -> bool {
    matches!(s, "of" | "for" | "on" | "and" | "in" | "the" | "&" | "-") || PARTICLES.contains(s)
}

impl<'a, 'b> Finder<'a, 'b> {
    fn new(w: &'b Words<'a>, taken: &'b [bool], ev: Option<&'b Evidence>) -> Self {
        let n = w.toks.len();
        let mut phrase = vec![None; n];
        let mut covered = vec![false; n];
        for i in 0..n {
            let t = &w.toks[i];
            if !t.cap || t.kind != Kind::Word || taken[i] {
                continue;
            }
            // Bounded look-ahead: at most MAX_PHRASE tokens, so the whole pass stays linear.
            let mut best = None;
            let mut j = i + 1;
            let mut words = 1;
            loop {
                if let Some(k) = lookup(w, i, j) {
                    best = Some((j - i, k));
                }
                if j >= n || words >= MAX_PHRASE || w.toks[j].line_start || taken[j] {
                    break;
                }
                let tj = &w.toks[j];
                let s = w.raw(j);
                let ok = (tj.kind == Kind::Word && (tj.cap || is_connector_word(s))) || s == "-" || s == "&";
                if !ok {
                    break;
                }
                j += 1;
                words += 1;
            }
            if let Some((len, k)) = best {
                phrase[i] = Some((len, k));
                if len >= 2 {
                    for c in &mut covered[i..i + len] {
                        *c = true;
                    }
                }
            }
        }
        let mut suppressed = rustc_hash::FxHashSet::default();
        for i in 0..n.saturating_sub(1) {
            if EVENT_PREFIXES.contains(w.raw(i)) && w.toks[i + 1].cap && !w.toks[i + 1].line_start {
                suppressed.insert(w.raw(i + 1));
            }
        }
        let clubs = team_frames(w, &phrase);
        Finder {
            w,
            taken,
            ev,
            phrase,
            covered,
            suppressed,
            clubs,
        }
    }

    fn raw(&self, i: usize) -> &'a str {
        if i < self.w.toks.len() { self.w.raw(i) } else { "" }
    }

    fn low(&self, i: usize) -> &str {
        self.w.low(i)
    }

    fn is_title_word(&self, i: usize) -> bool {
        let r = self.raw(i);
        TITLE_HEADS.contains(r) || TITLE_MODIFIERS.contains(r)
    }

    /// Could this token be part of a name? Capitalised, and where capitals are uninformative
    /// (sentence start, headlines) also known or not an ordinary word.
    fn name_like(&self, i: usize) -> bool {
        let Some(t) = self.w.toks.get(i) else { return false };
        if t.kind != Kind::Word || !t.cap || self.taken[i] {
            return false;
        }
        let raw = self.raw(i);
        if raw == "I" {
            return false;
        }
        if !t.sent_start && !t.headline {
            return true;
        }
        let low = self.low(i);
        let common = GAZ.is_common(low.trim_end_matches('.'));
        self.covered[i]
            || self.phrase[i].is_some_and(|(_, k)| !common || k.size >= 3)
            // "Reserve Bank of India", "Supreme Court", "Federal Reserve Board" at a sentence
            // start: an ordinary word before an organisation's head noun is part of its name.
            || (self.w.toks.get(i + 1).is_some_and(|n| n.cap && !n.line_start && n.kind == Kind::Word)
                && ORG_HEADS.contains(self.raw(i + 1)))
            || self.is_title_word(i)
            || !common
            || (is_first_name(raw) && self.surname_follows(i))
            // "Trump said", "Bush told": a surname that is also a word, as a speaker.
            || (GAZ.is_frequent_surname(raw)
                && self.w.toks.get(i + 1).is_some_and(|n| !n.cap && !n.line_start)
                && SPEECH_VERBS.contains(self.low(i + 1)))
            || (t.upper && is_first_name(&titlecase(raw)) && self.surname_follows(i))
            || (t.upper && i > 0 && self.w.toks[i - 1].upper && GAZ.is_surname(&titlecase(raw)))
            || (COMPASS.contains(raw) && self.w.toks.get(i + 1).is_some_and(|n| n.cap && !n.line_start))
            || self
                .ev
                .is_some_and(|e| e.knows(raw, true) || e.knows(&titlecase(raw), true))
            // "Brown tallied 37 points": the surname of someone the story named in full, as the
            // subject of a verb, though the surname is also a word.
            || (self.ev.is_some_and(|e| e.partial(raw) == Some(Label::Person))
                && self.w.toks.get(i + 1).is_some_and(|n| {
                    n.kind == Kind::Word && !n.cap && !n.line_start && {
                        let v = self.low(i + 1);
                        SPEECH_VERBS.contains(v) || PERSON_VERBS.contains(v) || (v.len() > 4 && v.ends_with("ed"))
                    }
                }))
    }

    /// A first name that is also a word ("Will", "Mark") starts a name at the start of a
    /// sentence only when a surname-like word follows.
    fn surname_follows(&self, i: usize) -> bool {
        let j = i + 1;
        self.w.toks.get(j).is_some_and(|t| {
            t.cap
                && t.kind == Kind::Word
                && !t.line_start
                && ((!GAZ.is_common(self.low(j)) && self.phrase[j].is_none())
                    || (t.upper && GAZ.is_surname(&titlecase(self.raw(j)))))
        })
    }

    fn find(&self) -> Vec<NameSpan> {
        let n = self.w.toks.len();
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            if !self.name_like(i) {
                i += 1;
                continue;
            }
            let end = self.chunk_end(i);
            if self.photo_slug(i, end) {
                // A photo slug ("Blinken Todman" over a caption) is a list of keywords, not one
                // name: each word is read on its own.
                for k in i..end {
                    self.classify(k, k + 1, false, &mut out);
                }
            } else if !EVENT_PREFIXES.contains(self.raw(i)) {
                // "Hurricane Milton", "Operation Desert Storm": events, none of the six labels.
                self.segment(i, end, &mut out);
            }
            i = end;
        }
        // "New York Yankees", "Los Angeles Lakers": a place read as a phrase of its own, then a
        // known club named in the plural, on one line, make one name (not "Russia NATO").
        let mut merged: Vec<NameSpan> = Vec::with_capacity(out.len());
        for s in out {
            if let Some(prev) = merged.last_mut()
                && prev.label == Label::Place
                && prev.end == s.start
                && s.end == s.start + 1
                && !self.w.toks[s.start].line_start
                && self.w.toks[s.start].kind == Kind::Word
                && self.w.toks[s.start].cap
                && self.plural_club(s.start)
            {
                prev.end = s.end;
                prev.label = Label::Org;
                prev.strong = true;
                continue;
            }
            merged.push(s);
        }
        merged
    }

    /// A known organisation named in the plural, as clubs are ("Yankees", "Lakers"), and not an
    /// acronym ("NATO"): after a place it completes the club's name.
    fn plural_club(&self, i: usize) -> bool {
        lookup(self.w, i, i + 1).is_some_and(|k| k.label == Label::Org)
            && !self.w.toks[i].upper
            && self.raw(i).ends_with('s')
    }

    /// A line that is only two to four capitalised words, over a photo caption (a line with a
    /// credit: "Susan Walsh / AP", "via Getty Images", "AP Photo"): the slug of a picture, as
    /// pages scraped with their images carry it.
    fn photo_slug(&self, a: usize, b: usize) -> bool {
        let toks = self.w.toks;
        if !toks[a].line_start
            || !(2..=4).contains(&(b - a))
            || b >= toks.len()
            || !toks[b].line_start
            || !(a..b).all(|k| toks[k].kind == Kind::Word && toks[k].cap && !toks[k].upper)
        {
            return false;
        }
        let rest = &self.w.text[toks[b].range.start..];
        let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
        // The last 60 characters (cut at a character boundary).
        let cut = line.char_indices().rev().take(60).last().map_or(0, |(k, _)| k);
        let tail = line[cut..].trim_end();
        let credit_slash = tail
            .rfind(" / ")
            .is_some_and(|k| tail[k + 3..].chars().next().is_some_and(char::is_uppercase));
        credit_slash
            || ["Getty Images", "AP Photo", "Photo:", "(Photo", "Credit:"]
                .iter()
                .any(|c| line.contains(c))
    }

    /// End of the capitalised sequence starting at `i`, with the connectors names may contain.
    fn chunk_end(&self, i: usize) -> usize {
        let n = self.w.toks.len();
        let toks = self.w.toks;
        let mut j = i + 1;
        if let Some((len, _)) = self.phrase[i] {
            j = j.max(i + len);
        }
        let mut org_head = ORG_HEADS.contains(self.raw(i));
        // Names are short; a longer run of capitals (an ALL-CAPS paragraph) is cut into pieces
        // so the per-chunk work stays bounded.
        while j < n && !toks[j].line_start && j - i < MAX_CHUNK {
            let s = self.raw(j);
            let prev = self.raw(j - 1);
            if self.name_like(j) && toks[j].space_before {
                org_head |= ORG_HEADS.contains(s);
                if let Some((len, _)) = self.phrase[j] {
                    j += len;
                } else {
                    j += 1;
                }
                continue;
            }
            let next_ok = |k: usize| k < n && !toks[k].line_start && self.name_like(k);
            if s == "-" && !toks[j].space_before && j + 1 < n && !toks[j + 1].space_before && next_ok(j + 1) {
                j += 2;
                continue;
            }
            // Hyphenated given names: "Lee Min-ji", "Moon Jae-in" (but not "Putin-led").
            if s == "-"
                && !toks[j].space_before
                && j + 1 < n
                && !toks[j + 1].space_before
                && toks[j + 1].kind == Kind::Word
                && !toks[j + 1].cap
                && self.phrase[j - 1].is_none()
                && (j - i) >= 1
                && self.low(j + 1).chars().count() <= 3
                && (self.low(j + 1).chars().count() <= 2 || !GAZ.is_common(self.low(j + 1)))
                && !toks
                    .get(j + 2)
                    .is_some_and(|t| t.kind == Kind::Word && !t.space_before)
            {
                j += 2;
                continue;
            }
            if s == "&" && next_ok(j + 1) {
                j += 2;
                continue;
            }
            if toks[j].kind == Kind::Word && !toks[j].cap {
                let low = self.low(j);
                // "Gulf of Mexico", "Bank of England", "Committee on Foreign Relations"; but a
                // place is not named "Tavern on Larimer Street".
                let after_head = ORG_HEADS.contains(prev)
                    || ((PLACE_PREFIXES.contains(prev) || PLACE_HEADS.contains(prev)) && low == "of");
                if matches!(low, "of" | "for" | "on") {
                    if TITLE_HEADS.contains(prev) && low == "of" && DEPARTMENTS.contains(self.raw(j + 1)) {
                        j += 2;
                        continue;
                    }
                    if (after_head || org_head) && next_ok(j + 1) {
                        org_head = true;
                        j += 2;
                        continue;
                    }
                    if (after_head || org_head) && low == "of" && self.low(j + 1) == "the" && next_ok(j + 2) {
                        j += 3;
                        continue;
                    }
                }
                if low == "and"
                    && (org_head || self.head_ahead(j + 1))
                    && next_ok(j + 1)
                    && self.phrase[j + 1].is_none()
                    && !ORG_HEADS.contains(self.raw(j + 1))
                {
                    j += 2;
                    continue;
                }
                if PARTICLES.contains(low) && !org_head && next_ok(j + 1) && toks[j - 1].cap {
                    j += 2;
                    continue;
                }
                // "Raed al-Saleh", "Abdel Fattah el-Sissi"
                if matches!(low, "al" | "el" | "ul" | "bin" | "ibn")
                    && !org_head
                    && toks[j - 1].cap
                    && self.raw(j + 1) == "-"
                    && j + 2 < n
                    && !toks[j + 1].space_before
                    && !toks[j + 2].space_before
                    && next_ok(j + 2)
                {
                    j += 3;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// The capitalised words from `k` on end in an organisation head ("... and Boundaries
    /// Commission"): bounded look-ahead of four words.
    fn head_ahead(&self, k: usize) -> bool {
        let mut j = k;
        while j < k + 4 && self.name_like(j) && !self.w.toks[j].line_start {
            if ORG_HEADS.contains(self.raw(j)) && !GAZ.is_company_suffix(self.raw(j)) {
                return true;
            }
            j += 1;
        }
        false
    }

    /// An appositive naming the kind of organisation: "Buckeye Forward, a group that ...".
    /// "Merck (MKGAY.PK)", "Versum Materials, Inc. (VSM)", "(NYSE: XOM)": a stock ticker in
    /// brackets right after a name marks a company.
    fn ticker_follows(&self, b: usize) -> bool {
        let toks = self.w.toks;
        if self.raw(b) != "(" || b + 2 >= toks.len() {
            return false;
        }
        let mut k = b + 1;
        // An exchange prefix: "NYSE:", "Nasdaq:".
        if self.raw(k + 1) == ":" && matches!(self.low(k), "nyse" | "nasdaq" | "lse" | "tsx" | "asx") {
            k += 2;
        }
        let t = &toks[k];
        let r = self.raw(k);
        let letters = r.chars().filter(|c| c.is_alphabetic()).count();
        // (Not a dotted abbreviation: "Judd Gregg (N.H.)" names a state.)
        let ticker = t.upper && (2..=5).contains(&letters) && r.chars().all(|c| c.is_ascii_uppercase());
        // "MKGAY.PK": the tokeniser keeps the suffix apart.
        let mut e = k + 1;
        if self.raw(e) == "." && toks.get(e + 1).is_some_and(|t| t.upper) {
            e += 2;
        }
        ticker && self.raw(e) == ")"
    }

    fn org_appositive(&self, b: usize) -> bool {
        if self.raw(b) != "," || !matches!(self.low(b + 1), "a" | "an" | "the") {
            return false;
        }
        // "Kent Walker, the company's general counsel" describes a person, not the company.
        (b + 2..b + 6).any(|k| {
            ORG_NOUNS.contains(self.low(k))
                && self.w.toks.get(k + 1).is_none_or(|t| t.kind != Kind::Possessive)
        })
    }

    /// A title run at `p` ("Foreign Minister", "Secretary of State", "Sen."): its end.
    fn title_run(&self, p: usize, b: usize) -> Option<usize> {
        let mut q = p;
        let mut last_head = None;
        while q < b && q - p < 6 {
            let r = self.raw(q);
            if TITLE_HEADS.contains(r) {
                last_head = Some(q);
            } else if !(TITLE_MODIFIERS.contains(r) || (r == "-" && q > p)) {
                break;
            }
            q += 1;
        }
        let mut e = last_head? + 1;
        if e + 1 < b && self.raw(e) == "of" && DEPARTMENTS.contains(self.raw(e + 1)) {
            e += 2;
            while e < b && DEPARTMENTS.contains(self.raw(e)) {
                e += 1;
            }
        }
        Some(e)
    }

    /// Splits a chunk into titles (dropped), known phrases and the rest, and labels them.
    fn segment(&self, a: usize, b: usize, out: &mut Vec<NameSpan>) {
        let mut p = a;
        if self.raw(p) == "The" && b - p > 1 {
            p += 1;
        }
        let mut rest: Option<(usize, bool)> = None;
        let mut after_title = false;
        let mut pending: Vec<(usize, usize, bool)> = Vec::new();
        let flush =
            |rest: &mut Option<(usize, bool)>, end: usize, pending: &mut Vec<(usize, usize, bool)>| {
                if let Some((s, titled)) = rest.take()
                    && s < end
                {
                    pending.push((s, end, titled));
                }
            };
        // "Liberal Democratic Party", "Constitutional Democratic Party of Japan": an
        // organisation's name that holds a known shorter one stays whole.
        let org_chunk = b - a >= 3
            && !GAZ.is_company_suffix(self.raw(a))
            && (ORG_HEADS.contains(self.raw(b - 1))
                || (a..b - 1).any(|i| ORG_HEADS.contains(self.raw(i)) && self.low(i + 1) == "of"))
            && (a..b).all(|k| !TITLE_HEADS.contains(self.raw(k)))
            && (a..b).all(|k| {
                self.w.toks[k].kind != Kind::Word || self.w.toks[k].cap || is_connector_word(self.raw(k))
            });
        let p0 = p;
        // Only when a known name of two or more words sits inside ("Democratic Party"): a lead
        // nationality before an unknown one stays apart ("Russian Foreign Ministry").
        let org_chunk = org_chunk && (p0 + 1..b).any(|k| self.phrase[k].is_some_and(|(len, _)| len >= 2));
        while p < b {
            if org_chunk && p == p0 && self.phrase[p].is_none_or(|(len, _)| len < b - a) {
                rest = Some((p, after_title));
                break;
            }
            // "New York Rangers", "United States Army": a known place inside a longer name;
            // "Reliance Industries Limited": a known company with its legal form.
            let longer_name = b > p + 1 && {
                let last = self.raw(b - 1);
                self.phrase[p].is_some_and(|(len, _)| p + len < b)
                    && (ORG_HEADS.contains(last)
                        || PLACE_HEADS.contains(last)
                        || plural_word(self.w, b - 1)
                        || GAZ.is_company_suffix(last))
                    && (p + 1..b).all(|k| !TITLE_HEADS.contains(self.raw(k)))
            };
            if let Some((len, _)) = self.phrase[p]
                && len >= 2
                && p + len <= b
                && !longer_name
            {
                flush(&mut rest, p, &mut pending);
                pending.push((p, p + len, after_title));
                after_title = false;
                p += len;
                continue;
            }
            // "Premier League", "Supreme Court": a title word inside an organisation's name.
            let org_name = ORG_HEADS.contains(self.raw(b - 1)) && b - a >= 2;
            if !org_name && let Some(e) = self.title_run(p, b) {
                // A title is not part of a name; with nothing after it, it is dropped.
                flush(&mut rest, p, &mut pending);
                after_title = true;
                p = e;
                continue;
            }
            if rest.is_none() {
                rest = Some((p, after_title));
                after_title = false;
            }
            p += 1;
        }
        flush(&mut rest, b, &mut pending);
        for (s, e, titled) in pending {
            // Trim connectors left at either end ("and", "of", "-").
            let (mut s, mut e) = (s, e);
            while s < e && !self.w.toks[s].cap {
                s += 1;
            }
            // ... but keep the lowercase part of a hyphenated given name ("Min-ji").
            while e > s
                && !self.w.toks[e - 1].cap
                && !(e >= 2 && self.raw(e - 2) == "-" && !self.w.toks[e - 1].space_before)
            {
                e -= 1;
            }
            if s < e {
                self.classify(s, e, titled, out);
            }
        }
    }

    /// A word in the plural that is not a surname: "Bruins", "Leafs", "Panthers".
    fn plural_name(&self, i: usize) -> bool {
        plural_word(self.w, i)
    }

    fn person_cue(&self, a: usize, b: usize, titled: bool) -> bool {
        if titled {
            return true;
        }
        let toks = self.w.toks;
        let before = a.checked_sub(1).map(|k| self.low(k)).unwrap_or("");
        // Bylines: "By JOHN SMITH and MARIA LOPEZ".
        if a > 0 && before == "by" && toks[a - 1].line_start {
            return true;
        }
        // "By JOHN SMITH and MARIA LOPEZ": the second name of a byline (bounded look-back).
        if a >= 2
            && before == "and"
            && (a.saturating_sub(8)..a).any(|k| toks[k].line_start && self.low(k) == "by")
        {
            return true;
        }
        if a > 0 && toks[a - 1].kind == Kind::Word && !toks[a - 1].cap && ROLE_WORDS.contains(before) {
            return true;
        }
        // Inverted attribution after a quote: `," said Johnson`.
        if a >= 2
            && SPEECH_VERBS.contains(before)
            && !toks[a].line_start
            && matches!(self.raw(a - 2), "," | "”" | "\"" | "’")
        {
            return true;
        }
        if b < toks.len() && !toks[b].line_start {
            let next = self.low(b);
            if SPEECH_VERBS.contains(next) {
                return true;
            }
            // Photo credits: "Susan Walsh / AP", "NAME/AFP via Getty Images".
            if next == "/"
                && self.w.toks.get(b + 1).is_some_and(|t| t.cap)
                && !(b - a == 1 && GAZ.is_common(self.low(a)))
            {
                return true;
            }
            // ", who": a person unless the lists know the name ("Liverpool, who beat ...").
            if next == "," && self.low(b + 1) == "who" && lookup(self.w, a, b).is_none() {
                return true;
            }
        }
        false
    }

    /// The only person cue is a speech verb after the name ("X said", "X announced").
    fn speech_cue_only(&self, a: usize, b: usize) -> bool {
        let toks = self.w.toks;
        let before = a.checked_sub(1).map(|k| self.low(k)).unwrap_or("");
        let role_before =
            a > 0 && toks[a - 1].kind == Kind::Word && !toks[a - 1].cap && ROLE_WORDS.contains(before);
        let inverted = a >= 2 && SPEECH_VERBS.contains(before);
        let slash = self.raw(b) == "/";
        !role_before && !inverted && !slash && b < toks.len() && SPEECH_VERBS.contains(self.low(b))
    }

    fn place_cue(&self, a: usize, b: usize) -> bool {
        let toks = self.w.toks;
        if a > 0 && PLACE_PREPS.list[..3].contains(&self.low(a - 1)) {
            return true;
        }
        // "the town of Jinderis", "the city of Malatya"
        if a >= 2 && self.low(a - 1) == "of" && PLACE_NOUNS.contains(self.low(a - 2)) {
            return true;
        }
        if b < toks.len() && !toks[b].line_start {
            if PLACE_NOUNS.contains(self.low(b)) {
                return true;
            }
            // "Lassen and Tehama counties": the first of two places named with one head.
            if self.low(b) == "and"
                && toks.get(b + 1).is_some_and(|t| t.cap)
                && toks.get(b + 2).is_some_and(|t| !t.line_start)
                && PLACE_NOUNS.contains(self.low(b + 2))
            {
                return true;
            }
            if self.raw(b) == "-" && self.low(b + 1) == "based" {
                return true;
            }
        }
        false
    }

    /// "in the Kremlin", "at the White House": the building itself.
    fn venue(&self, a: usize) -> bool {
        a >= 2
            && self.low(a - 1) == "the"
            && matches!(
                self.low(a - 2),
                "in" | "inside" | "at" | "outside" | "into" | "within" | "near"
            )
    }

    fn push(&self, out: &mut Vec<NameSpan>, start: usize, end: usize, label: Label, strong: bool) {
        out.push(NameSpan {
            start,
            end,
            label,
            strong,
        });
    }

    fn classify(&self, a: usize, b: usize, titled: bool, out: &mut Vec<NameSpan>) {
        if b - a == 1 && self.suppressed.contains(self.raw(a)) {
            return;
        }
        let k = key(self.w, a, b);
        // Diseases and their variants, and role acronyms ("MPs"), are none of the six labels.
        if NON_ENTITY_NAMES.contains(k.as_str()) || NON_ENTITY_NAMES.contains(first_part(&k)) {
            return;
        }
        let person_cue = self.person_cue(a, b, titled);
        if let Some(known) = lookup(self.w, a, b) {
            let mut label = known.label;
            if label == Label::Org && BUILDINGS.contains(k.as_str()) && self.venue(a) {
                label = Label::Place;
            }
            // "the Amazon" is the rainforest and its basin; the company takes no article.
            if label == Label::Org && k == "Amazon" && a > 0 && self.low(a - 1) == "the" {
                label = Label::Place;
            }
            // In a match report a club's town is the club, except where something happens in
            // the town itself.
            if label == Label::Place
                && self.w.sports
                && (CLUB_TOWNS.contains(k.as_str()) || self.clubs.contains(&titlecase(&k)))
                && !(a > 0 && matches!(self.low(a - 1), "in" | "near" | "outside"))
            {
                label = Label::Org;
            }
            // A small place whose name is also a word ("Log", "Mobile") needs a place cue.
            if label == Label::Place
                && known.size < 3
                && b - a == 1
                && GAZ.is_common(self.low(a))
                && !self.place_cue(a, b)
                && !(person_cue && (GAZ.is_frequent_surname(&k) || GAZ.is_first_name(&k)))
            {
                return;
            }
            if label == Label::Place
                && known.size < 3
                && (person_cue || self.ev.and_then(|e| e.partial(&k)) == Some(Label::Person))
                && !self.place_cue(a, b)
            {
                label = Label::Person;
            }
            return self.push(out, a, b, label, true);
        }
        if let Some(l) = self.ev.and_then(|e| e.full(&k)) {
            return self.push(out, a, b, l, true);
        }
        let first = self.raw(a);
        let last = self.raw(b - 1);
        // "Emmy Awards", "World War II", "Paris Agreement": none of the six labels.
        let head = if b - a >= 3 && is_roman(last) {
            self.raw(b - 2)
        } else {
            last
        };
        if b - a >= 2
            && NON_ENTITY_HEADS.contains(head)
            && (lookup(self.w, a, a + 1).is_none() || head == "War")
        {
            return;
        }
        if self.ticker_follows(b) {
            return self.push(out, a, b, Label::Org, true);
        }
        if b - a >= 2 {
            if ORG_HEADS.contains(last) || GAZ.is_company_suffix(last) {
                return self.push(out, a, b, Label::Org, true);
            }
            // "Trinity College Dublin", "Imperial College London": a head inside the name.
            if (a + 1..b - 1)
                .any(|i| matches!(self.raw(i), "College" | "University" | "Hospital" | "Institute"))
                && lookup(self.w, b - 1, b).is_some_and(|k| k.label == Label::Place)
            {
                return self.push(out, a, b, Label::Org, true);
            }
            // "Ministry of Defense", and with a lead word "U.S. Chamber of Commerce".
            if (a..b - 1)
                .any(|i| ORG_HEADS.contains(self.raw(i)) && matches!(self.low(i + 1), "of" | "for" | "on"))
            {
                return self.push(out, a, b, Label::Org, true);
            }
            if ORG_PREFIXES.contains(first) {
                return self.push(out, a, b, Label::Org, true);
            }
            if PLACE_HEADS.contains(last) || PLACE_PREFIXES.contains(first) {
                return self.push(out, a, b, Label::Place, true);
            }
            // "Borno State", "Akwa Ibom State": a federation's state by its name and the word
            // (known names like "Islamic State" and "State Department" were looked up above).
            if last == "State" && !ORG_HEADS.contains(first) && !TITLE_HEADS.contains(first) {
                return self.push(out, a, b, Label::Place, true);
            }
            if COMPASS.contains(first) && lookup(self.w, a + 1, b).is_some_and(|k| k.label == Label::Place) {
                return self.push(out, a, b, Label::Place, true);
            }
            if self.org_appositive(b) {
                return self.push(out, a, b, Label::Org, true);
            }
            // A place and a known club: "Boston Bruins", "Brooklyn Nets", "Los Angeles Lakers".
            if self.plural_club(b - 1) && lookup(self.w, a, b - 1).is_some_and(|k| k.label == Label::Place) {
                return self.push(out, a, b, Label::Org, true);
            }
            // Teams and groups named in the plural: "Boston Bruins", "Maple Leafs".
            if self.plural_name(b - 1) && !is_first_name(&titlecase(first)) && !person_cue {
                return self.push(out, a, b, Label::Org, true);
            }
            // "Ukraine-NATO", "Russia-Ukraine": each part on its own.
            if let Some(h) = (a..b).find(|&i| self.raw(i) == "-") {
                let strong = |k: Option<Known>| k.is_some_and(|k| k.label != Label::Place || k.size >= 2);
                // "Ukraine-NATO", "Russia-Ukraine"; but "Asia-Pacific Economic Cooperation" is one name.
                let parts_known = (strong(lookup(self.w, a, h))
                    && (b - h == 2 || strong(lookup(self.w, h + 1, b))))
                    || (strong(lookup(self.w, h + 1, b)) && h - a == 1);
                if parts_known {
                    if a < h {
                        self.classify(a, h, titled, out);
                    }
                    if h + 1 < b {
                        self.classify(h + 1, b, false, out);
                    }
                    return;
                }
            }
            // A leading nationality, country or organisation before a name: "Russian Sergey ...",
            // "NATO ally", "Kremlin spokesman" (lowercase ends the chunk before).
            if let Some(lead) = lookup(self.w, a, a + 1)
                && (lead.label != Label::Place || lead.size >= 3)
                && !is_first_name(first)
            {
                // "Sunni Muslims": nationality or religion words together are one group.
                if lead.label == Label::Norp
                    && lookup(self.w, a + 1, b).is_some_and(|k| k.label == Label::Norp)
                {
                    return self.push(out, a, b, Label::Norp, true);
                }
                self.push(out, a, a + 1, lead.label, true);
                return self.classify(a + 1, b, titled, out);
            }
            // Every word a known name of its own: "Russia Hungary" (a caption slug).
            if (a..b).all(|i| {
                let r = self.raw(i);
                lookup(self.w, i, i + 1).is_some() && !GAZ.is_first_name(r) && !GAZ.is_frequent_surname(r)
            }) {
                for i in a..b {
                    self.classify(i, i + 1, false, out);
                }
                return;
            }
            let words: Vec<usize> = (a..b).filter(|&i| self.w.toks[i].cap).collect();
            // Lowercase words inside the run other than particles and hyphenated parts.
            let has_connector = (a..b).any(|i| {
                let hyphen_part = i > a && self.raw(i - 1) == "-" && !self.w.toks[i].space_before;
                let skip = self.w.toks[i].cap
                    || self.raw(i) == "-"
                    || PARTICLES.contains(self.low(i))
                    || hyphen_part;
                !skip
            });
            let uncommon = words
                .iter()
                .filter(|&&i| !GAZ.is_common(&self.low(i).replace('.', "")))
                .count();
            let first_name = is_first_name(&titlecase(first));
            // People do not take an article: "the Buckeye Forward" is not a person.
            let the_before = a > 0 && self.low(a - 1) == "the" && !self.w.toks[a - 1].cap;
            if the_before && !first_name && !person_cue {
                return self.push(out, a, b, Label::Org, false);
            }
            // "APOEL Nikosia", "LDP-Komeito": an acronym beside a word is an organisation's name,
            // not a person's (bylines in capitals are all capitals).
            // (Initials are not acronyms: "R.E. Glenn", "AQ Khan".)
            let acronym = |i: usize| {
                let r = self.raw(i);
                self.w.toks[i].upper && !is_roman(r) && !r.contains('.') && r.chars().count() >= 3
            };
            let some_caps = words.iter().any(|&i| acronym(i));
            let all_caps = words.iter().all(|&i| self.w.toks[i].upper);
            if some_caps && !all_caps && !titled {
                return self.push(out, a, b, Label::Org, false);
            }
            // "in Grey Lynn", "the municipality of Pico del Monte": an unknown name where a
            // place is named, with no first name, is the place.
            let from_before = a > 0 && self.low(a - 1) == "from";
            let named_person = first_name || person_cue || GAZ.is_frequent_surname(last);
            if !named_person
                && !has_connector
                && !from_before
                && self.place_cue(a, b)
                && self
                    .ev
                    .is_none_or(|e| e.partial(&titlecase(last)) != Some(Label::Person))
            {
                return self.push(out, a, b, Label::Place, false);
            }
            if !has_connector && words.len() <= 4 && (first_name || person_cue || uncommon >= 1) {
                let strong = first_name || person_cue || uncommon == words.len();
                return self.push(out, a, b, Label::Person, strong);
            }
            if has_connector {
                return self.push(out, a, b, Label::Org, false);
            }
            return;
        }
        // One word.
        let t = &self.w.toks[a];
        let low = self.low(a);
        let common = GAZ.is_common(low.trim_end_matches('.'));
        if let Some(l) = self
            .ev
            .and_then(|e| e.partial(first).or_else(|| e.partial(&titlecase(first))))
        {
            return self.push(out, a, b, l, true);
        }
        // "the West", "the East": the region (and, by metonymy, its governments).
        if matches!(first, "West" | "East") && a > 0 && self.low(a - 1) == "the" {
            return self.push(out, a, b, Label::Place, true);
        }
        // "(R-Maine)", "(D-Mass.)": the party of a member of Congress.
        if matches!(first, "R" | "D")
            && a > 0
            && self.raw(a - 1) == "("
            && self.raw(b) == "-"
            && !self.w.toks[b].space_before
        {
            return self.push(out, a, b, Label::Norp, true);
        }
        // "Liberal Democratic Party (LDP)": an acronym in brackets after a name is that name.
        if a >= 2
            && self.raw(a - 1) == "("
            && self.raw(b) == ")"
            && let Some(prev) = out.last()
            && prev.end == a - 1
            && matches!(prev.label, Label::Org | Label::Place)
            && super::canon::is_acronym_of(first, &key(self.w, prev.start, prev.end))
        {
            let label = prev.label;
            return self.push(out, a, b, label, true);
        }
        // "The Government said": people do not take an article, and a capitalised ordinary
        // word after one is house style, not a name.
        if a > 0 && self.low(a - 1) == "the" && common && !t.upper {
            return;
        }
        if person_cue && !t.upper {
            // A lone unknown word that speaks ("Eskom announced", "Versum has") is as often an
            // organisation as a person; a person is named in full first, or has a known name.
            let known_name = GAZ.is_surname(&titlecase(first))
                || GAZ.is_frequent_surname(first)
                || GAZ.is_first_name(first)
                || titled;
            if !known_name && self.speech_cue_only(a, b) {
                return self.push(out, a, b, Label::Org, false);
            }
            return self.push(out, a, b, Label::Person, true);
        }
        if NOT_ORG_ACRONYMS.contains(first) || self.suppressed.contains(first) {
            return;
        }
        if self.org_appositive(b) {
            return self.push(out, a, b, Label::Org, true);
        }
        // "in The Lancet", "told The Times": a capitalised "The" mid-sentence belongs to a title.
        if a > 0 && self.raw(a - 1) == "The" && !self.w.toks[a - 1].sent_start && !self.w.toks[a - 1].headline
        {
            return self.push(out, a, b, Label::Org, false);
        }
        // Coordination: "Aleppo and Hama" gives the unknown name its partner's label.
        if a >= 2
            && matches!(self.low(a - 1), "and" | "or")
            && let Some(prev) = out.last()
            && prev.end == a - 1
            && matches!(prev.label, Label::Place | Label::Org)
        {
            let label = prev.label;
            return self.push(out, a, b, label, false);
        }
        if t.upper
            && !common
            && (3..=6).contains(&first.chars().filter(|c| c.is_alphabetic()).count())
            && !NOT_ORG_ACRONYMS.contains(first)
        {
            return self.push(out, a, b, Label::Org, false);
        }
        if person_cue {
            return self.push(out, a, b, Label::Person, true);
        }
        if common {
            return;
        }
        // "FactSet", "FirstGrid", "PayPal": inner capitals mark a brand, not a person
        // (name prefixes like Mc, Mac, De, Di, Le aside).
        if camel_case(first) {
            return self.push(out, a, b, Label::Org, false);
        }
        let the_before = a > 0 && self.low(a - 1) == "the" && !self.w.toks[a - 1].cap;
        if (the_before || self.plural_name(a)) && !is_first_name(first) && !GAZ.is_frequent_surname(first) {
            return self.push(out, a, b, Label::Org, false);
        }
        if self.place_cue(a, b) && !is_first_name(first) {
            return self.push(out, a, b, Label::Place, false);
        }
        // A lone name that is a surname, or the subject of a verb people do ("Nebenzia met",
        // "Kiprono has won"), is a person when the story names someone in full with it. When
        // the whole story has no one of that name (this is the second pass, with the story's
        // evidence), a lone capitalised subject is far more often a company or a body
        // ("Chrysler will pay Fiat", "Allergan is weighing"): news copy introduces people by
        // their full name first. That holds only where the story could have introduced the
        // person: it names others in full and runs to some length (a lone sentence, as in a list of quotes, introduces no one), and
        // not for a common surname ("ask Stinson", "Sanders is on board").
        let no_one_so_named = self.w.toks.len() >= 150
            && self
                .ev
                .is_some_and(|e| e.people && e.partial(&titlecase(first)) != Some(Label::Person));
        let lone_label = if no_one_so_named && !is_first_name(first) && !GAZ.is_frequent_surname(first) {
            Label::Org
        } else {
            Label::Person
        };
        if GAZ.is_surname(&titlecase(first)) && !t.headline && !t.upper {
            return self.push(out, a, b, lone_label, false);
        }
        // An unknown name as the subject of a verb people do ("Nebenzia met", "Kiprono has
        // won"): most often a surname in news copy.
        if !t.headline
            && !t.upper
            && self
                .w
                .toks
                .get(b)
                .is_some_and(|n| n.kind == Kind::Word && !n.cap && !n.line_start)
            && PERSON_VERBS.contains(self.low(b))
        {
            self.push(out, a, b, lone_label, false);
        }
    }
}

/// Finds the names in a tokenised text; `taken` marks tokens already in dates and numbers.
pub fn find(w: &Words, taken: &[bool], ev: Option<&Evidence>) -> Vec<NameSpan> {
    Finder::new(w, taken, ev).find()
}
