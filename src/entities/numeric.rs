//! Dates and numbers: a small grammar over tokens for absolute dates ("Tuesday, Feb. 1, 2022"),
//! relative ones ("last week"), durations ("more than a month", "30 minutes"), decades ("the early
//! 1990s"), times ("01:58"), and cardinals, money and percentages with their modifiers ("more than
//! 100,000", "tens of thousands", "as many as a million").

use super::Label;
use super::token::{Kind, Token};

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];
/// Weekday names in order from Monday (comparison's date evidence numbers them by position).
pub(crate) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const UNITS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "weekend",
    "weekends",
];
const RELATIVE_HEADS: &[&str] = &[
    "week",
    "month",
    "year",
    "weekend",
    "decade",
    "century",
    "night",
    "summer",
    "winter",
    "spring",
    "fall",
    "autumn",
    "season",
    "quarter",
    "morning",
    "afternoon",
    "evening",
];
const RELATIVE_MODS: &[&str] = &[
    "last", "next", "this", "past", "coming", "previous", "each", "every",
];
const PLURAL_UNITS: &[&str] = &[
    "decades",
    "years",
    "months",
    "weeks",
    "days",
    "hours",
    "centuries",
];
const HOLIDAYS: &[&str] = &[
    "Christmas",
    "Thanksgiving",
    "Easter",
    "Ramadan",
    "Hanukkah",
    "Passover",
    "Eid",
    "Diwali",
    "Halloween",
    "Memorial",
    "Labor",
    "Independence",
    "Election",
    "Veterans",
    "Republic",
    "Labour",
    "Inauguration",
    "Boxing",
    "Australia",
    "Canada",
    "Victoria",
];
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
const STANDALONE_DATES: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];

const ONES: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
];
/// "crore" and "lakh" are how Indian and Pakistani copy counts (ten million, a hundred thousand).
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "dozen", "crore", "crores", "lakh", "lakhs",
];
const PLURAL_SCALES: &[&str] = &[
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "dozens",
    "tens",
];
const CURRENCY_WORDS: &[&str] = &[
    "dollars",
    "dollar",
    "euros",
    "euro",
    "pounds",
    "rubles",
    "roubles",
    "yen",
    "yuan",
    "hryvnias",
    "pesos",
    "cents",
    "cent",
    "shillings",
    "rupees",
    "francs",
    "pence",
    "pound",
];
/// Units of measure that belong to a quantity: "about 30 kilometers", "19 miles".
const MEASURES: &[&str] = &[
    "kilometers",
    "kilometres",
    "kilometer",
    "kilometre",
    "km",
    "miles",
    "mile",
    "meters",
    "metres",
    "meter",
    "metre",
    "feet",
    "foot",
    "inches",
    "inch",
    "yards",
    "kilograms",
    "kilogram",
    "kg",
    "grams",
    "tons",
    "tonnes",
    "ton",
    "tonne",
    "barrels",
    "acres",
    "hectares",
    "degrees",
    "gallons",
    "liters",
    "litres",
    "mph",
    "centimeters",
    "centimetres",
    "millimeters",
    "millimetres",
    "square",
];
/// Units written in the singular after a hyphen, as adjectives: "a 224-foot rocket".
const MEASURE_ADJECTIVES: &[&str] = &[
    "foot",
    "inch",
    "mile",
    "meter",
    "metre",
    "kilometer",
    "kilometre",
    "km",
    "yard",
    "pound",
    "ton",
    "tonne",
    "acre",
    "hectare",
    "gallon",
    "liter",
    "litre",
    "degree",
    "megawatt",
    "gigawatt",
];
/// Fractions read as numbers: "a third", "two-thirds" (before "of" or at a phrase end).
const FRACTIONS: &[&str] = &[
    "half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "tenth", "tenths",
];
const PERCENT_WORDS: &[&str] = &["percent", "percentage"];
/// Multi-word modifiers first so the longest wins.
const NUM_MODS: &[&[&str]] = &[
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["some"],
    &["over"],
    &["under"],
    &["an", "estimated"],
    &["close", "to"],
    &["in", "excess", "of"],
    &["several"],
];

/// Lowercased text of each token, computed once.
pub struct Words<'a> {
    pub text: &'a str,
    pub toks: &'a [Token],
    /// Every token lowercased, end to end: one allocation for the text rather than one a token.
    lower: String,
    /// End of each token's lowercase form in `lower` (its start is the previous end).
    lower_end: Vec<usize>,
    /// The text reads as a sports report: three distinct words of `SPORT_TERMS` and
    /// `SPORT_CONTEXT`, one at least of the first. Then a club's town stands for the club
    /// (names.rs) and "the fourth quarter" is a period of play.
    pub sports: bool,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        let mut lower = String::with_capacity(text.len());
        let mut lower_end = Vec::with_capacity(toks.len());
        for t in toks {
            let s = &text[t.range.clone()];
            if s.is_ascii() {
                lower.extend(s.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.extend(s.chars().flat_map(char::to_lowercase));
            }
            lower_end.push(lower.len());
        }
        let mut w = Words {
            text,
            toks,
            lower,
            lower_end,
            sports: false,
        };
        w.sports = w.reads_as_sports();
        w
    }

    fn reads_as_sports(&self) -> bool {
        use super::lexicon::{SPORT_CONTEXT, SPORT_TERMS};
        let mut seen = rustc_hash::FxHashSet::default();
        let mut term = false;
        for k in 0..self.toks.len() {
            let low = self.low(k);
            let t = SPORT_TERMS.contains(low);
            if t || SPORT_CONTEXT.contains(low) {
                term |= t;
                seen.insert(low);
                if term && seen.len() >= 3 {
                    return true;
                }
            }
        }
        false
    }
    /// The token's text; "" past the end, so look-ahead never needs its own bounds check.
    pub fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.range.clone()])
    }
    pub fn low(&self, i: usize) -> &str {
        let Some(&end) = self.lower_end.get(i) else {
            return "";
        };
        let start = i.checked_sub(1).map_or(0, |k| self.lower_end[k]);
        &self.lower[start..end]
    }
    fn is(&self, i: usize, set: &[&str]) -> bool {
        i < self.toks.len() && set.contains(&self.low(i))
    }
    /// Tokens `i` and `i + 1` are separated by at most spaces on one line.
    fn near(&self, i: usize) -> bool {
        i + 1 < self.toks.len() && !self.toks[i + 1].line_start
    }
}

fn is_year(w: &Words, i: usize) -> bool {
    let t = &w.toks[i];
    let s = w.raw(i);
    t.kind == Kind::Number
        && s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (1500..=2100).contains(&s.parse::<u32>().unwrap_or(0))
}

fn is_day_number(w: &Words, i: usize) -> bool {
    i < w.toks.len()
        && w.toks[i].kind == Kind::Number
        && w.raw(i).len() <= 2
        && (1..=31).contains(&w.raw(i).parse::<u32>().unwrap_or(0))
}

fn is_month(w: &Words, i: usize) -> bool {
    i < w.toks.len() && w.toks[i].cap && w.is(i, MONTHS)
}

fn is_number_word(w: &Words, i: usize) -> bool {
    if i >= w.toks.len() {
        return false;
    }
    let l = w.low(i);
    ONES.contains(&l) || SCALES.contains(&l)
}

/// End (exclusive) of a cardinal starting at `i`: digits or number words, with scales
/// ("1.5 million", "two hundred", "a million", "tens of thousands", "twenty-five").
fn cardinal(w: &Words, i: usize) -> Option<usize> {
    let n = w.toks.len();
    if i >= n {
        return None;
    }
    let mut j;
    if w.toks[i].kind == Kind::Number && !w.raw(i).contains(':') {
        j = i + 1;
    } else if is_number_word(w, i) {
        j = i + 1;
        // "twenty-five"
        if j + 1 < n && w.raw(j) == "-" && !w.toks[j].space_before && ONES.contains(&w.low(j + 1)) {
            j += 2;
        }
    } else if (w.low(i) == "a" || w.low(i) == "an") && i + 1 < n && SCALES.contains(&w.low(i + 1)) {
        j = i + 2;
    } else if w.is(i, PLURAL_SCALES) {
        j = i + 1;
        // "tens of thousands", "hundreds of millions"
        if j + 1 < n && w.low(j) == "of" && w.is(j + 1, PLURAL_SCALES) {
            j += 2;
        } else if w.low(i) == "tens" {
            return None;
        }
        return Some(j);
    } else {
        return None;
    }
    while j < n && w.near(j - 1) && (w.is(j, SCALES) || (w.low(j) == "and" && is_number_word(w, j + 1))) {
        j += 1;
    }
    Some(j)
}

/// One found span, as a token range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: Label,
}

/// Finds dates and numbers, left to right, longest first.
pub fn find(w: &Words) -> Vec<Span> {
    let n = w.toks.len();
    let mut out = Vec::new();
    // In a match report "the fourth quarter" and "the second half" are periods of play, not
    // dates.
    let play_period = |s: &Span| {
        w.sports
            && w.is(s.end - 1, &["quarter", "half"])
            && !(s.start..s.end).any(|k| w.is(k, &["fiscal", "financial"]) || is_year(w, k))
    };
    let mut i = 0;
    while i < n {
        if let Some(s) = iso_date_at(w, i)
            .or_else(|| short_month_at(w, i))
            .or_else(|| the_period_at(w, i))
            .or_else(|| fiscal_period_at(w, i).filter(|s| !play_period(s)))
            .or_else(|| date_at(w, i))
            .or_else(|| number_at(w, i))
        {
            i = s.end.max(i + 1);
            out.push(s);
        } else {
            i += 1;
        }
    }
    adjust(w, &mut out);
    join_month_ranges(w, &mut out);
    out
}

/// "June to September", "January-February", "April-June 2023": a range of months is one DATE.
fn join_month_ranges(w: &Words, out: &mut Vec<Span>) {
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out.drain(..) {
        if let Some(prev) = merged.last_mut()
            && prev.label == Label::Date
            && s.label == Label::Date
            && prev.end - prev.start == 1
            && is_month(w, prev.start)
            && is_month(w, s.start)
            && s.start == prev.end + 1
            && matches!(w.low(prev.end), "-" | "–" | "to" | "through")
            && !w.toks[prev.end].line_start
            && !w.toks[s.start].line_start
        {
            prev.end = s.end;
            continue;
        }
        // "May to October", "March-April": the months that are also words are dates before a
        // range's second month.
        let mut s = s;
        if s.label == Label::Date
            && is_month(w, s.start)
            && s.start >= 2
            && matches!(w.low(s.start - 1), "-" | "–" | "to" | "through")
            && matches!(w.raw(s.start - 2), "March" | "May")
            && !w.toks[s.start - 1].line_start
            && !w.toks[s.start].line_start
            && merged.last().is_none_or(|p| p.end <= s.start - 2)
        {
            s.start -= 2;
        }
        merged.push(s);
    }
    *out = merged;
}

/// Time zones written after a clock time ("9:13 PM EDT", "23:03 IST").
const TIME_ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "IST",
    "AEST", "AEDT", "JST", "HKT", "SAST", "EAT", "WAT",
];

/// Units written against the number ("4.7ins", "120mm", "16ft", "6.2°C").
const GLUED_UNITS: &[&str] = &[
    "mm", "cm", "km", "m", "ft", "in", "ins", "kg", "g", "lb", "lbs", "mph", "kph", "kmh", "mb", "ml", "gb",
    "mb", "tb", "mw", "gw", "kw", "kwh", "bn", "k",
];

/// "2020-05-30": an ISO date, one DATE.
fn iso_date_at(w: &Words, i: usize) -> Option<Span> {
    let t = &w.toks;
    let digits = |k: usize, len: usize| {
        t.get(k)
            .is_some_and(|x| x.kind == Kind::Number && !x.space_before)
            && w.raw(k).len() == len
            && w.raw(k).bytes().all(|b| b.is_ascii_digit())
    };
    let glued = |k: usize| t.get(k).is_some_and(|x| !x.space_before) && w.raw(k) == "-";
    (is_year(w, i) && glued(i + 1) && digits(i + 2, 2) && glued(i + 3) && digits(i + 4, 2)).then_some(Span {
        start: i,
        end: i + 5,
        label: Label::Date,
    })
}

/// "Jun 30, 2023", "Sept 2": a month shortened without its full stop, before a day.
fn short_month_at(w: &Words, i: usize) -> Option<Span> {
    let t = w.toks.get(i)?;
    let short = matches!(
        w.raw(i),
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
    );
    if !short || t.kind != Kind::Word || !w.near(i) || !is_day_number(w, i + 1) {
        return None;
    }
    let mut end = i + 2;
    if w.raw(end) == "," && end + 1 < w.toks.len() && is_year(w, end + 1) && w.near(end) {
        end += 2;
    } else if end < w.toks.len() && is_year(w, end) && w.near(end - 1) {
        end += 1;
    }
    Some(Span {
        start: i,
        end,
        label: Label::Date,
    })
}

/// "the year", "the month", "the week", "the weekend": the current period, as news writes it;
/// "the rest of the week", "the second half of 2019", "the full year 2008".
fn the_period_at(w: &Words, i: usize) -> Option<Span> {
    let n = w.toks.len();
    if w.low(i) != "the" || i + 1 >= n || w.toks[i + 1].line_start {
        return None;
    }
    let period = |k: usize| matches!(w.low(k), "year" | "month" | "week" | "weekend" | "day");
    let same_line = |a: usize, b: usize| b < n && (a + 1..=b).all(|k| !w.toks[k].line_start);
    if w.low(i + 1) == "rest"
        && w.low(i + 2) == "of"
        && w.low(i + 3) == "the"
        && period(i + 4)
        && same_line(i, i + 4)
    {
        return Some(Span {
            start: i,
            end: i + 5,
            label: Label::Date,
        });
    }
    if matches!(w.low(i + 1), "first" | "second")
        && w.low(i + 2) == "half"
        && w.low(i + 3) == "of"
        && i + 4 < n
        && is_year(w, i + 4)
        && same_line(i, i + 4)
    {
        return Some(Span {
            start: i,
            end: i + 5,
            label: Label::Date,
        });
    }
    if w.low(i + 1) == "full"
        && w.low(i + 2) == "year"
        && i + 3 < n
        && is_year(w, i + 3)
        && same_line(i, i + 3)
    {
        return Some(Span {
            start: i,
            end: i + 4,
            label: Label::Date,
        });
    }
    // "the following week", "the following day"
    if w.low(i + 1) == "following"
        && matches!(
            w.low(i + 2),
            "day" | "week" | "weekend" | "month" | "year" | "morning" | "night"
        )
        && same_line(i, i + 2)
    {
        return Some(Span {
            start: i,
            end: i + 3,
            label: Label::Date,
        });
    }
    let next = w.toks.get(i + 2);
    let free = next.is_none_or(|t| t.kind != Kind::Possessive && (t.space_before || w.raw(i + 2) != "-"));
    (matches!(w.low(i + 1), "year" | "month" | "week" | "weekend") && !w.toks[i + 1].cap && free).then_some(
        Span {
            start: i,
            end: i + 2,
            label: Label::Date,
        },
    )
}

/// Reporting periods, as business copy names them: "the second quarter", "the June 2023 quarter",
/// "the current fiscal", "the financial year 2021-22", "the year-ago period", "fiscal
/// first-quarter", "the first quarter of the year". A bare "the quarter" or "the period" refers
/// back to one and is not a date; a period needs an ordinal, a month or a relative word.
fn fiscal_period_at(w: &Words, i: usize) -> Option<Span> {
    let n = w.toks.len();
    // Tokens k..k+2 written as one hyphenated word ("year-ago", "first-quarter").
    let joined = |k: usize| {
        k + 2 < n && w.raw(k + 1) == "-" && !w.toks[k + 1].space_before && !w.toks[k + 2].space_before
    };
    let on_line = |k: usize| k < n && !w.toks[k].line_start;
    const ORDINALS: &[&str] = &["first", "second", "third", "fourth", "final"];
    const RELATIVE: &[&str] = &[
        "current", "previous", "prior", "latest", "next", "last", "past", "coming",
    ];
    let mut k = i;
    let the = w.low(k) == "the";
    if the {
        k += 1;
    }
    let mut qualified = false;
    let mut fiscal = false;
    // "the year-ago period", "the year-earlier quarter", "the prior-year period"
    if on_line(k)
        && joined(k)
        && matches!(
            (w.low(k), w.low(k + 2)),
            ("year", "ago" | "earlier") | ("prior", "year")
        )
    {
        k += 3;
        if w.is(k, &["period", "quarter"]) && on_line(k) {
            return Some(Span {
                start: i,
                end: k + 1,
                label: Label::Date,
            });
        }
        return None;
    }
    if the && w.is(k, RELATIVE) && on_line(k) {
        k += 1;
        qualified = true;
    }
    if w.is(k, &["fiscal", "financial"]) && on_line(k) && (the || qualified || k == i) {
        fiscal = true;
        k += 1;
    }
    // "first-quarter", "second-half" as adjectives; "first quarter", "third fiscal quarter"
    if w.is(k, ORDINALS) && on_line(k) {
        let hyph = joined(k) && w.is(k + 2, &["quarter", "half"]);
        if hyph {
            return Some(Span {
                start: i,
                end: k + 3,
                label: Label::Date,
            });
        }
        let mut h = k + 1;
        if w.is(h, &["fiscal", "financial"]) && on_line(h) {
            h += 1;
        }
        if !the && !fiscal && h == k + 1 {
            return None;
        }
        if on_line(h) && (w.is(h, &["quarter"]) || (w.low(h) == "half" && (the || fiscal))) {
            let mut e = h + 1;
            // "of the year", "of 2023", "of fiscal 2024", "ended Sept. 29" is left to the date grammar.
            if w.low(e) == "of" && on_line(e) {
                if w.low(e + 1) == "the" && w.is(e + 2, &["year", "fiscal", "financial"]) && on_line(e + 2) {
                    e += 3;
                    if w.low(e - 1) != "year" && w.low(e) == "year" {
                        e += 1;
                    }
                } else if e + 1 < n && on_line(e + 1) && is_year(w, e + 1) {
                    e += 2;
                }
            } else if e < n && on_line(e) && is_year(w, e) {
                e += 1;
            }
            return Some(Span {
                start: i,
                end: e,
                label: Label::Date,
            });
        }
        return None;
    }
    // "the June quarter", "the June 2023 quarter"
    if the && !qualified && !fiscal && k < n && is_month(w, k) && on_line(k) {
        let mut h = k + 1;
        if h < n && is_year(w, h) && on_line(h) {
            h += 1;
        }
        if w.low(h) == "quarter" && on_line(h) {
            return Some(Span {
                start: i,
                end: h + 1,
                label: Label::Date,
            });
        }
        return None;
    }
    if fiscal {
        // "the current fiscal", "the financial year 2021-22", "fiscal 2024"
        let mut e = k;
        if w.low(e) == "year" && on_line(e) {
            e += 1;
        } else if !(qualified || (e < n && is_year(w, e))) {
            return None;
        }
        if e < n && on_line(e) && is_year(w, e) {
            e += 1;
            // "2021-22"
            if joined(e - 1) && w.toks[e + 1].kind == Kind::Number && w.raw(e + 1).len() == 2 {
                e += 2;
            }
        }
        if !qualified && e == k + 1 && w.low(k) == "year" && !the {
            return None;
        }
        if !(qualified || the || (k < n && is_year(w, k))) {
            return None;
        }
        if !qualified && the && e == k + 1 {
            // "the fiscal year" alone refers back.
            return None;
        }
        return Some(Span {
            start: i,
            end: e,
            label: Label::Date,
        });
    }
    if qualified && w.is(k, &["quarter", "half"]) && on_line(k) {
        return Some(Span {
            start: i,
            end: k + 1,
            label: Label::Date,
        });
    }
    None
}

fn is_clock(w: &Words, s: &Span) -> bool {
    (s.start..s.end).any(|k| {
        let r = w.raw(k);
        r.contains(':')
            || matches!(w.low(k), "a.m." | "p.m." | "am" | "pm" | "midnight" | "noon")
            || (w.toks[k].kind == Kind::Number
                && w.toks.get(k + 1).is_some_and(|t| !t.space_before)
                && matches!(w.low(k + 1), "am" | "pm"))
    })
}

fn is_point(w: &Words, s: &Span) -> bool {
    (s.start..s.end).any(|k| is_year(w, k) || is_month(w, k) || (w.toks[k].cap && w.is(k, WEEKDAYS)))
}

/// Span rules applied after the grammar: a leading "the" of relative dates, "N years old",
/// units and "am"/"pm" written against the number, a time zone after a time, a time and its
/// date (or a weekday and its date) run together as one DATE, list numbers ("1. Home") dropped.
fn adjust(w: &Words, out: &mut Vec<Span>) {
    let n = w.toks.len();
    let toks = w.toks;
    // "The Sunday Telegraph", "The Sunday Times": a newspaper's name, not a day.
    out.retain(|s| {
        !(s.label == Label::Date
            && s.end == s.start + 1
            && s.start > 0
            && w.raw(s.start - 1) == "The"
            && toks
                .get(s.end)
                .is_some_and(|t| t.cap && t.kind == Kind::Word && !t.line_start)
            && w.is(s.start, WEEKDAYS))
    });
    for s in out.iter_mut() {
        // "early on Wednesday", "late Tuesday", "earlier in the week"
        if s.label == Label::Date && s.start > 0 && !toks[s.start].line_start {
            let k = s.start - 1;
            if matches!(w.low(k), "early" | "late") && !toks[k].line_start {
                s.start = k;
            } else if matches!(w.low(k), "on" | "in")
                && k > 0
                && matches!(w.low(k - 1), "early" | "late" | "earlier" | "later")
                && !toks[k].line_start
                && !toks[k - 1].line_start
            {
                s.start = k - 1;
            }
        }
        // "US$34.5 billion", "A$2 million"
        if s.label == Label::Number
            && w.raw(s.start) == "$"
            && s.start > 0
            && !toks[s.start].space_before
            && matches!(w.raw(s.start - 1), "US" | "A" | "C" | "NZ" | "HK" | "S")
        {
            s.start -= 1;
        }
        // "the past week", "the next few days", "the following decades" (guidelines: words that
        // belong to the expression stay in it).
        if s.label == Label::Date
            && s.start > 0
            && w.low(s.start - 1) == "the"
            && !toks[s.start].line_start
            && matches!(
                w.low(s.start),
                "past" | "last" | "next" | "coming" | "previous" | "following" | "current" | "first" | "rest"
            )
        {
            s.start -= 1;
        }
        // "five years old", "two million years old"
        if s.label == Label::Date
            && s.end < n
            && w.low(s.end) == "old"
            && matches!(
                w.low(s.end - 1),
                "years" | "year" | "months" | "month" | "weeks" | "days"
            )
        {
            s.end += 1;
        }
        // "4.7ins", "120mm", "7.30am"
        if s.end < n
            && !toks[s.end].space_before
            && toks[s.end].kind == Kind::Word
            && toks[s.end - 1].kind == Kind::Number
        {
            let u = w.low(s.end);
            if matches!(u, "am" | "pm") {
                s.end += 1;
                s.label = Label::Date;
            } else if s.label == Label::Number && GLUED_UNITS.contains(&u) {
                s.end += 1;
            }
        }
        // "40°C", "39.7 °F", "40 degrees Celsius": the temperature with its scale.
        if s.label == Label::Number && s.end < n && w.raw(s.end) == "°" {
            s.end += 1;
            if s.end < n && !toks[s.end].space_before && matches!(w.raw(s.end), "C" | "F") {
                s.end += 1;
            }
        } else if s.label == Label::Number
            && s.end < n
            && matches!(w.low(s.end - 1), "degrees" | "degree")
            && matches!(w.low(s.end), "celsius" | "fahrenheit" | "centigrade")
            && !toks[s.end].line_start
        {
            s.end += 1;
        }
        // "two-thirds"
        if s.label == Label::Number
            && s.end + 1 < n
            && w.raw(s.end) == "-"
            && !toks[s.end].space_before
            && !toks[s.end + 1].space_before
            && matches!(
                w.low(s.end + 1),
                "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths" | "half"
            )
        {
            s.end += 2;
        }
        // "tomorrow afternoon", "yesterday morning"
        if s.label == Label::Date
            && s.end < n
            && !toks[s.end].line_start
            && STANDALONE_DATES.contains(&w.low(s.end - 1))
            && DAY_PARTS.contains(&w.low(s.end))
        {
            s.end += 1;
        }
        // "9:13 PM EDT"
        if s.label == Label::Date
            && s.end < n
            && !toks[s.end].line_start
            && TIME_ZONES.contains(&w.raw(s.end))
            && is_clock(w, s)
        {
            s.end += 1;
        }
    }
    // List numbers of a menu: "1. You Are At", "2. English News".
    out.retain(|s| {
        !(s.label == Label::Number
            && s.end == s.start + 1
            && toks[s.start].line_start
            && w.raw(s.end) == "."
            && toks.get(s.end + 1).is_some_and(|t| t.cap && !t.line_start))
    });
    // A time and its date, a weekday and its date: one DATE when only a space or a comma is
    // between them on one line ("Jun 30, 2023, 9:33 PM", "8 p.m. Tuesday", "Wednesday 11
    // December"); a preposition between them keeps them apart.
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out.drain(..) {
        if let Some(p) = merged.last_mut()
            && p.label == Label::Date
            && s.label == Label::Date
            && !toks[s.start].line_start
            && (toks[s.start].cap || toks[s.start].kind == Kind::Number)
            && (s.start == p.end
                || (s.start == p.end + 1
                    && w.raw(p.end) == ","
                    // "7 a.m. and 5 p.m., Monday to Friday": a list of times, then a range.
                    && !matches!(w.low(s.end), "to" | "through" | "until" | "-" | "–")))
            && ((is_clock(w, p) && is_point(w, &s))
                || (is_point(w, p) && is_clock(w, &s))
                || (p.end - p.start == 1 && toks[p.start].cap && w.is(p.start, WEEKDAYS) && is_point(w, &s)))
        {
            p.end = s.end;
            continue;
        }
        merged.push(s);
    }
    *out = merged;
}

/// Modifier words before a number or duration, as (start, number start).
fn modifier_at(w: &Words, i: usize) -> Option<usize> {
    let first = w.low(i);
    if !NUM_MODS.iter().any(|m| m[0] == first) {
        return None;
    }
    for m in NUM_MODS {
        if m.iter().enumerate().all(|(k, word)| w.low(i + k) == *word)
            && (0..m.len()).all(|k| k == 0 || !w.toks[i + k].line_start)
        {
            return Some(i + m.len());
        }
    }
    None
}

fn date_at(w: &Words, i: usize) -> Option<Span> {
    let n = w.toks.len();
    let date = |end| {
        Some(Span {
            start: i,
            end,
            label: Label::Date,
        })
    };
    let l = w.low(i);
    // Weekday, optionally with a full date: "Tuesday, Feb. 1, 2022", "Tuesday morning".
    if w.toks[i].cap && WEEKDAYS.contains(&l) {
        let mut j = i + 1;
        if j < n
            && w.raw(j) == ","
            && w.near(j - 1)
            && is_month(w, j + 1)
            && let Some(e) = month_date(w, j + 1)
        {
            return date(e);
        }
        if w.is(j, DAY_PARTS) && w.near(i) {
            j += 1;
        }
        return date(j);
    }
    if is_month(w, i)
        && let Some(e) = month_date(w, i)
    {
        return date(e);
    }
    // "1 February 2022"
    if is_day_number(w, i) && w.near(i) && is_month(w, i + 1) {
        let mut j = i + 2;
        if j < n && is_year(w, j) && w.near(j - 1) {
            j += 1;
        }
        return date(j);
    }
    if is_year(w, i) {
        let next = w.low(i + 1);
        if w.toks
            .get(i.wrapping_sub(1))
            .is_some_and(|t| currency_sign(&w.text[t.range.clone()]))
            || next == "%"
            || PERCENT_WORDS.contains(&next)
        {
            return None;
        }
        // "the 2023-24 season", "2022-2023"
        if w.raw(i + 1) == "-"
            && i + 2 < n
            && !w.toks[i + 1].space_before
            && !w.toks[i + 2].space_before
            && w.toks[i + 2].kind == Kind::Number
            && matches!(w.raw(i + 2).len(), 2 | 4)
        {
            return date(i + 3);
        }
        return date(i + 1);
    }
    // Decades, with "the early/mid/late": "the early 1990s", "the 1990s" → "1990s".
    if w.toks[i].kind == Kind::Number && w.raw(i).ends_with('s') && matches!(w.raw(i).len(), 3 | 5) {
        return date(i + 1);
    }
    // "the end of 2025", "the beginning of next year", "early 2024", "mid-2023"
    if l == "the"
        && w.is(i + 1, &["end", "beginning", "start", "middle"])
        && w.low(i + 2) == "of"
        && i + 3 < n
    {
        if let Some(d) = date_at(w, i + 3) {
            return date(d.end);
        }
        if w.low(i + 3) == "the" && w.is(i + 4, RELATIVE_HEADS) {
            return date(i + 5);
        }
    }
    if w.is(i, &["early", "late", "mid"]) && !w.toks[i].cap && i + 1 < n {
        let j = if w.raw(i + 1) == "-" { i + 2 } else { i + 1 };
        if j < n
            && w.near(j - 1)
            && (is_year(w, j) || is_month(w, j) || (w.toks[j].cap && w.is(j, WEEKDAYS)))
            && let Some(d) = date_at(w, j)
        {
            return date(d.end);
        }
    }
    if l == "the" && w.is(i + 1, &["early", "mid", "late"]) && i + 2 < n {
        let mut j = i + 2;
        if w.raw(j) == "-" {
            j += 1;
        }
        if j < n && w.toks[j].kind == Kind::Number && w.raw(j).ends_with('s') {
            return date(j + 1);
        }
    }
    // Times: "01:58", "10:30 a.m.", "3 p.m."
    if w.toks[i].kind == Kind::Number {
        let s = w.raw(i);
        let ampm = w.is(i + 1, &["a.m.", "p.m.", "am", "pm"]) && w.near(i);
        if s.contains(':') && s.split(':').all(|p| !p.is_empty() && p.len() <= 2) {
            return date(if ampm { i + 2 } else { i + 1 });
        }
        if ampm && s.len() <= 2 {
            return date(i + 2);
        }
    }
    if w.toks[i].kind == Kind::Word
        && (!w.toks[i].cap || w.toks[i].sent_start)
        && STANDALONE_DATES.contains(&l)
    {
        return date(i + 1);
    }
    // Holidays: "Christmas", "Christmas Eve", "Memorial Day".
    if w.toks[i].cap && HOLIDAYS.contains(&w.raw(i)) {
        let two_word = matches!(
            w.raw(i),
            "Memorial"
                | "Labor"
                | "Independence"
                | "Election"
                | "Veterans"
                | "Republic"
                | "Labour"
                | "Inauguration"
                | "Boxing"
                | "Australia"
                | "Canada"
                | "Victoria"
        );
        if two_word {
            return (w.raw(i + 1) == "Day" && w.near(i)).then(|| Span {
                start: i,
                end: i + 2,
                label: Label::Date,
            });
        }
        let e = if w.raw(i + 1) == "Eve" && w.near(i) {
            i + 2
        } else {
            i + 1
        };
        return date(e);
    }
    // "9/11", "3/15/2024": month/day(/year) with no spaces.
    if w.toks[i].kind == Kind::Number
        && w.raw(i + 1) == "/"
        && i + 2 < n
        && !w.toks[i + 1].space_before
        && !w.toks[i + 2].space_before
        && w.toks[i + 2].kind == Kind::Number
        && (1..=12).contains(&w.raw(i).parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&w.raw(i + 2).parse::<u32>().unwrap_or(0))
    {
        let mut e = i + 3;
        if w.raw(e) == "/" && e + 1 < n && !w.toks[e].space_before && w.toks[e + 1].kind == Kind::Number {
            e += 2;
        }
        return date(e);
    }
    // "in recent years", "for decades", "the past few days"
    if l == "recent" && w.is(i + 1, PLURAL_UNITS) && w.near(i) {
        return date(i + 2);
    }
    if w.is(i, PLURAL_UNITS)
        && i > 0
        && matches!(w.low(i - 1), "for" | "in" | "within" | "over")
        && !(i + 1 < n && w.low(i + 1) == "of")
    {
        return date(i + 1);
    }
    if w.is(i, RELATIVE_MODS)
        && w.is(i + 1, &["few", "several"])
        && w.is(i + 2, PLURAL_UNITS)
        && w.near(i)
        && w.near(i + 1)
    {
        return date(i + 3);
    }
    // "earlier this year", "last week", "next Tuesday", "this spring"
    let mut j = i;
    if w.is(j, &["earlier", "later", "early", "late"]) && w.is(j + 1, &["this", "last", "next"]) {
        j += 1;
    }
    if w.is(j, RELATIVE_MODS) && j + 1 < n && w.near(j) {
        if w.is(j + 1, RELATIVE_HEADS) || (w.toks[j + 1].cap && w.is(j + 1, WEEKDAYS)) || is_month(w, j + 1) {
            return date(j + 2);
        }
        // "the past two years"
        if let Some(e) = cardinal(w, j + 1)
            && w.is(e, UNITS)
        {
            return date(e + 1);
        }
    }
    // Durations: "more than a month", "30 minutes", "two years ago", "a two-year".
    // "over two days" is a preposition there, not a modifier.
    let start_num = modifier_at(w, i)
        .filter(|_| !matches!(w.low(i), "over" | "under"))
        .unwrap_or(i);
    let unit_after = |k: usize| -> Option<usize> {
        if w.is(k, UNITS) && w.near(k - 1) {
            Some(if matches!(w.low(k + 1), "ago" | "earlier" | "later") {
                k + 2
            } else {
                k + 1
            })
        } else if k + 1 < n && w.raw(k) == "-" && !w.toks[k].space_before && w.is(k + 1, UNITS) {
            // "a six-week trial", "a 29-year-old forward"
            if w.raw(k + 2) == "-" && w.low(k + 3) == "old" {
                Some(k + 4)
            } else {
                Some(k + 2)
            }
        } else {
            None
        }
    };
    if start_num < n {
        if matches!(w.low(start_num), "a" | "an" | "several" | "few")
            && let Some(e) = unit_after(start_num + 1)
            && (start_num > i || w.low(start_num + 1) != "-")
        {
            // "a decade", "for a year"; but "30 meters a year", "twice a week" are rates.
            // A bare "a decade" counts after words that take a span of time; elsewhere it is
            // usually a rate ("steps a day") or an ordinal ("a second term").
            let prev = if i > 0 { w.low(i - 1) } else { "" };
            let span_word = matches!(
                prev,
                "for"
                    | "in"
                    | "within"
                    | "spent"
                    | "spend"
                    | "spends"
                    | "spending"
                    | "took"
                    | "takes"
                    | "lasted"
                    | "lasts"
                    | "after"
                    | "than"
                    | "nearly"
                    | "almost"
                    | "about"
                    | "only"
                    | "just"
                    | "barely"
            );
            let bare_ok = span_word && w.low(start_num + 1) != "second";
            if start_num > i || matches!(w.low(e - 1), "ago" | "earlier" | "later") || bare_ok {
                return date(e);
            }
        }
        if let Some(k) = cardinal(w, start_num)
            && let Some(e) = unit_after(k)
        {
            return date(e);
        }
    }
    None
}

/// "Feb. 1, 2022", "February 1", "December 2021", "December"; None for "May"/"March" without a
/// day or year (modal verb, marching) unless a date word comes before.
fn month_date(w: &Words, i: usize) -> Option<usize> {
    let n = w.toks.len();
    let mut j = i + 1;
    let mut full = false;
    if j < n && is_day_number(w, j) && w.near(i) {
        j += 1;
        full = true;
        if j + 1 < n && w.raw(j) == "," && is_year(w, j + 1) && w.near(j) {
            j += 2;
        }
    } else if j < n && is_year(w, j) && w.near(i) {
        j += 1;
        full = true;
    }
    let ambiguous = matches!(w.low(i), "may" | "march");
    let prev = if i > 0 { w.low(i - 1) } else { "" };
    let cued = matches!(
        prev,
        "in" | "since"
            | "until"
            | "by"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "through"
            | "of"
    );
    if ambiguous && !full && !cued {
        return None;
    }
    Some(j)
}

/// End of the percent sign or words after a number at `e`: "%" written against it, "percent",
/// "per cent" (as British, Canadian, Indian and Australian copy writes it), "percentage
/// points", "per cent points".
fn percent_end(w: &Words, e: usize) -> Option<usize> {
    let points = |k: usize| {
        if w.is(k, &["points", "point"]) && w.near(k - 1) {
            k + 1
        } else {
            k
        }
    };
    if w.raw(e) == "%" && !w.toks[e].space_before {
        Some(e + 1)
    } else if w.low(e) == "per" && w.low(e + 1) == "cent" && w.near(e - 1) && w.near(e) {
        Some(points(e + 2))
    } else if w.is(e, PERCENT_WORDS) {
        Some(if w.low(e) == "percentage" {
            points(e + 1)
        } else {
            e + 1
        })
    } else {
        None
    }
}

/// Currency signs before an amount ("$5", "€3", "₹20 lakh").
fn currency_sign(s: &str) -> bool {
    matches!(s, "$" | "€" | "£" | "₹" | "₱" | "¥" | "₦" | "₩")
}

fn number_at(w: &Words, i: usize) -> Option<Span> {
    let n = w.toks.len();
    // A number glued to a word by a hyphen is part of a name or code: "COVID-19", "F-16".
    if i >= 2
        && w.raw(i - 1) == "-"
        && !w.toks[i - 1].space_before
        && !w.toks[i].space_before
        && w.toks[i - 2].kind == Kind::Word
    {
        return None;
    }
    // Scores and tallies: "4-2", "52-48".
    if w.toks[i].kind == Kind::Number
        && w.raw(i + 1) == "-"
        && i + 2 < n
        && !w.toks[i + 1].space_before
        && !w.toks[i + 2].space_before
        && w.toks[i + 2].kind == Kind::Number
        && w.raw(i).len() <= 3
        && w.raw(i + 2).len() <= 3
    {
        // "15-16 per cent", "2-3%": a range of percentages, not a score.
        return Some(Span {
            start: i,
            end: percent_end(w, i + 3).unwrap_or(i + 3),
            label: Label::Number,
        });
    }
    let start_num = modifier_at(w, i).unwrap_or(i);
    let has_mod = start_num > i;
    let mut k = start_num;
    // Money: "$5 million", "€3"
    // Currency signs, and the rupee as copy abbreviates it ("Rs 450", "Rs. 9,300 crore").
    let money = k < n
        && (currency_sign(w.raw(k))
            || (matches!(w.raw(k), "Rs" | "Rs.")
                && w.near(k)
                && w.toks.get(k + 1).is_some_and(|t| t.kind == Kind::Number)));
    if money {
        k += 1;
    }
    // "a third of voters", "cut by roughly a third"
    if !money
        && matches!(w.low(k), "a" | "one" | "two" | "three")
        && w.is(k + 1, FRACTIONS)
        && w.near(k)
        && (k + 2 >= n
            || w.low(k + 2) == "of"
            || w.toks[k + 2].kind == Kind::Punct
            || !w.near(k + 1)
            || w.is(
                k + 2,
                &[
                    "among", "in", "for", "from", "since", "over", "than", "to", "at", "by", "on", "with",
                ],
            ))
    {
        return Some(Span {
            start: i,
            end: k + 2,
            label: Label::Number,
        });
    }
    let mut end = cardinal(w, k)?;
    // A bare numeral after a capitalised name is part of it: "S&P 500", "Nikkei 225", "Boeing
    // 737", "Route 66".
    if !money
        && !has_mod
        && end == k + 1
        && w.toks[k].kind == Kind::Number
        && w.raw(k).bytes().all(|b| b.is_ascii_digit())
        && k > 0
        && w.toks[k - 1].kind == Kind::Word
        && w.toks[k - 1].cap
        && !w.toks[k - 1].sent_start
        && !w.toks[k].line_start
        && !is_month(w, k - 1)
        && !w.is(k - 1, WEEKDAYS)
        && !(percent_end(w, end).is_some()
            || w.raw(end) == "%"
            || w.is(end, MEASURES)
            || w.is(end, CURRENCY_WORDS))
    {
        return None;
    }
    // "one in four adults"
    if w.low(end) == "in"
        && w.near(end)
        && (is_number_word(w, end + 1)
            || (w.toks.get(end + 1).is_some_and(|t| t.kind == Kind::Number) && w.raw(end + 1).len() <= 3))
    {
        end += 2;
    }
    // "over two days": a duration, which the date grammar reads from the number on.
    if !money && w.is(end, UNITS) {
        return None;
    }
    if !money && end == k + 1 && w.toks[k].kind == Kind::Word && w.low(k) == "one" && !has_mod {
        // "one" is a number before a noun ("one nation", "one more round"), a pronoun elsewhere
        // ("one of", "the other one stands", "no one").
        let prev = if k > 0 { w.low(k - 1) } else { "" };
        let next = w.low(k + 1);
        let next_tok = w.toks.get(k + 1);
        let pronoun_prev = matches!(
            prev,
            "the"
                | "this"
                | "that"
                | "any"
                | "every"
                | "each"
                | "other"
                | "no"
                | "which"
                | "another"
                | "only"
        );
        let noun_next = next_tok.is_some_and(|t| t.kind == Kind::Word && !t.cap && w.near(k))
            && !matches!(
                next,
                "of" | "another"
                    | "who"
                    | "that"
                    | "which"
                    | "is"
                    | "was"
                    | "has"
                    | "had"
                    | "can"
                    | "could"
                    | "would"
                    | "will"
                    | "should"
                    | "must"
                    | "may"
                    | "might"
                    | "does"
                    | "did"
                    | "and"
                    | "or"
                    | "but"
                    | "to"
                    | "in"
                    | "on"
                    | "at"
                    | "by"
                    | "for"
                    | "with"
                    | "day"
                    | "after"
                    | "else"
            )
            && !(next.ends_with('s') && !next.ends_with("ss") || next.ends_with("ed"));
        if pronoun_prev || !noun_next {
            return None;
        }
    }
    // Ordinal-like "first" never reaches here; a bare "one" after "No." or a year-like number
    // handled by the date grammar. A number glued to a letter ("G7") is a name, not a number.
    let mut e = end;
    if let Some(p) = percent_end(w, e) {
        e = p;
    } else if !money && w.is(e, MEASURES) && w.near(e - 1) {
        e += 1;
        if w.low(e - 1) == "square" && w.is(e, MEASURES) {
            e += 1;
        }
    } else if w.low(e) == "basis" && w.is(e + 1, &["points", "point"]) && w.near(e - 1) && w.near(e) {
        // "50 basis points": a rate move is a quantity with its unit.
        e += 2;
    } else if !money
        && w.raw(e) == "-"
        && !w.toks[e].space_before
        && w.toks.get(e + 1).is_some_and(|t| !t.space_before)
        && w.is(e + 1, MEASURE_ADJECTIVES)
    {
        // "the 224-foot rocket", "a 10-kilometre stretch": a measure as an adjective.
        e += 2;
    } else if (money && w.is(e, &["dollars"])) || (!money && w.is(e, CURRENCY_WORDS)) {
        e += 1;
    }
    Some(Span {
        start: i,
        end: e,
        label: Label::Number,
    })
}

#[cfg(test)]
mod tests {
    use super::super::token::tokenize;
    use super::*;

    fn spans(text: &str) -> Vec<(String, Label)> {
        let toks = tokenize(text);
        let w = Words::new(text, &toks);
        find(&w)
            .into_iter()
            .map(|s| {
                (
                    text[toks[s.start].range.start..toks[s.end - 1].range.end].to_string(),
                    s.label,
                )
            })
            .collect()
    }

    #[test]
    fn dates() {
        let d = |s: &str| (s.to_string(), Label::Date);
        assert_eq!(
            spans("in Moscow, Russia, Tuesday, Feb. 1, 2022. Orban"),
            vec![d("Tuesday, Feb. 1, 2022")]
        );
        assert_eq!(
            spans("on February 1, 2022 and in December"),
            vec![d("February 1, 2022"), d("December")]
        );
        assert_eq!(
            spans("received last week, in more than a month"),
            vec![d("last week"), d("more than a month")]
        );
        assert_eq!(
            spans("since the early 1990s, for 30 minutes"),
            vec![d("the early 1990s"), d("30 minutes")]
        );
        assert_eq!(spans("video 01:58 in 2014"), vec![d("01:58"), d("2014")]);
        assert_eq!(spans("He may go. May 5 is set"), vec![d("May 5")]);
        assert_eq!(
            spans("on Christmas Eve and since 9/11"),
            vec![d("Christmas Eve"), d("9/11")]
        );
        assert_eq!(
            spans("in recent years, for decades"),
            vec![d("recent years"), d("decades")]
        );
        assert_eq!(
            spans("a 29-year-old who spent a decade"),
            vec![d("29-year-old"), d("a decade")]
        );
        assert_eq!(
            spans("7,000 steps a day, a second term"),
            vec![(("7,000").to_string(), Label::Number)]
        );
        assert_eq!(
            spans("by the end of 2025, early Sunday"),
            vec![d("the end of 2025"), d("early Sunday")]
        );
    }

    #[test]
    fn percentages_units_and_reporting_periods() {
        let n = |s: &str| (s.to_string(), Label::Number);
        let d = |s: &str| (s.to_string(), Label::Date);
        // Commonwealth copy writes the percentage in two words; rate moves come in basis points.
        assert_eq!(
            spans("prices rose 4.2 per cent after a cut of 25 basis points"),
            vec![n("4.2 per cent"), n("25 basis points")]
        );
        assert_eq!(
            spans("held at around three per cent"),
            vec![n("around three per cent")]
        );
        assert_eq!(spans("a 180-metre tower"), vec![n("180-metre")]);
        // Reporting periods with an ordinal, a month or a relative word are dates ...
        assert_eq!(
            spans("profit fell in the third quarter of the year"),
            vec![d("the third quarter of the year")]
        );
        assert_eq!(
            spans("sales in the March 2024 quarter"),
            vec![d("the March 2024 quarter")]
        );
        assert_eq!(
            spans("growth for the current fiscal"),
            vec![d("the current fiscal")]
        );
        assert_eq!(
            spans("a forecast for the financial year 2024-25"),
            vec![d("the financial year 2024-25")]
        );
        assert_eq!(
            spans("compared with the year-ago period"),
            vec![d("the year-ago period")]
        );
        assert_eq!(
            spans("its fiscal second-quarter results"),
            vec![d("fiscal second-quarter")]
        );
        assert_eq!(
            spans("in its first fiscal quarter"),
            vec![d("first fiscal quarter")]
        );
        // ... a bare "the quarter" refers back to one and is not.
        assert_eq!(spans("during the quarter the firm hired"), vec![]);
        assert_eq!(spans("the fiscal year ended"), vec![]);
    }

    #[test]
    fn month_ranges_temperatures_and_indian_counts() {
        let n = |s: &str| (s.to_string(), Label::Number);
        let d = |s: &str| (s.to_string(), Label::Date);
        assert_eq!(
            spans("the rains last from June to October"),
            vec![d("June to October")]
        );
        assert_eq!(spans("during the March-April strike"), vec![d("March-April")]);
        assert_eq!(
            spans("readings of 41°C and 38.5 degrees Celsius"),
            vec![n("41°C"), n("38.5 degrees Celsius")]
        );
        assert_eq!(spans("a deal worth Rs 4,200 crore"), vec![n("Rs 4,200 crore")]);
        assert_eq!(spans("a grant of ₹35 lakh"), vec![n("₹35 lakh")]);
        assert_eq!(spans("guidance of 11-13 per cent"), vec![n("11-13 per cent")]);
        // A score stays a score.
        assert_eq!(spans("won 3-1 at home"), vec![n("3-1")]);
        assert_eq!(
            spans("the following week was calm"),
            vec![d("the following week")]
        );
    }

    #[test]
    fn numbers() {
        let n = |s: &str| (s.to_string(), Label::Number);
        assert_eq!(spans("amassed over 100,000 troops"), vec![n("over 100,000")]);
        assert_eq!(
            spans("as many as a million people"),
            vec![n("as many as a million")]
        );
        assert_eq!(spans("tens of thousands of people"), vec![n("tens of thousands")]);
        assert_eq!(
            spans("at least one more round and the two sides"),
            vec![n("at least one"), n("two")]
        );
        assert_eq!(spans("as other one stands near"), vec![]);
        assert_eq!(spans("the security of one nation"), vec![n("one")]);
        assert_eq!(
            spans("costs $5 million, up 3.5%"),
            vec![n("$5 million"), n("3.5%")]
        );
        assert_eq!(spans("one of the measures"), vec![]);
        assert_eq!(spans("COVID-19 and F-16 jets"), vec![]);
        assert_eq!(
            spans("won 4-2, about 30 kilometers, £20bn"),
            vec![n("4-2"), n("about 30 kilometers"), n("£20bn")]
        );
        assert_eq!(
            spans("cut by roughly a third, about one in four"),
            vec![n("roughly a third"), n("about one in four")]
        );
    }
}
