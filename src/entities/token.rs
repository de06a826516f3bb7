//! Splits article text into the tokens the recogniser reasons about: words (with abbreviations
//! such as "U.S." and "Feb." kept whole), numbers, possessive endings and punctuation, each with
//! its byte range and the case facts that matter for names.
//!
//! Hand-written rather than unicode-segmentation's word splitter because the news conventions
//! (initials, dotted abbreviations, "Putin's" split from its possessive, "Russia-backed" split at
//! the hyphen) are exactly what decides entity spans.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Digits, possibly with inner `,` `.` `:` ("100,000", "3.5", "01:58") or a decade "1990s".
    Number,
    /// A number with an ordinal ending ("21st"); never an entity on its own.
    Ordinal,
    /// `'s` or `’s` after a word.
    Possessive,
    Punct,
}

#[derive(Debug, Clone)]
pub struct Token {
    pub range: Range<usize>,
    pub kind: Kind,
    /// First character is an uppercase letter.
    pub cap: bool,
    /// At least two letters and no lowercase one ("NATO", "U.S.", "STEPANOV").
    pub upper: bool,
    /// Whitespace (or the start of the text) before this token.
    pub space_before: bool,
    /// A line break between the previous token and this one.
    pub line_start: bool,
    /// First word of a sentence (after `.`, `?`, `!`, a line break, or an opening quote there).
    pub sent_start: bool,
    /// Inside a line that reads as a headline or caption slug (Title Case or ALL CAPS), where
    /// capitals say little.
    pub headline: bool,
}

/// Abbreviations that keep their period. Lowercased, without the period.
const ABBREVS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tue", "tues",
    "thu", "thurs", "fri", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt",
    "adm", "maj", "cpl", "pvt", "cmdr", "st", "mt", "ft", "jr", "sr", "inc", "corp", "co", "ltd", "vs",
    "prof", "rev", "hon", "pres", "supt", "atty", "gens", "reps", "sens", "govs", "calif", "fla", "ariz",
    "colo", "conn", "ga", "kan", "ky", "md", "mich", "minn", "mo", "mont", "neb", "nev", "okla", "ore", "pa",
    "tenn", "tex", "va", "vt", "wis", "wyo", "ave", "blvd", "dept", "univ", "ala", "ark", "del", "ill",
    "ind", "la", "mass", "miss", "wash", "ont", "que", "alta", "sask", "nfld",
];

/// Capitalised abbreviations only: lowercase "co." or "pa." ending a sentence is rarer than the
/// sentence break it would hide.
fn is_abbrev(word: &str) -> bool {
    word.len() <= 5
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && ABBREVS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Tokenises `text`. Linear in its length.
pub fn tokenize(text: &str) -> Vec<Token> {
    let b = text.as_bytes();
    let mut toks: Vec<Token> = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut space = true;
    let mut newline = true;
    let next_char = |i: usize| text[i..].chars().next();
    while i < b.len() {
        let Some(c) = next_char(i) else { break };
        let cl = c.len_utf8();
        if c.is_whitespace() {
            space = true;
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                newline = true;
            }
            i += cl;
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphabetic() {
            // A dotted abbreviation "U.S.", "D.C.", "p.m.": letter, dot, letter, dot...
            let mut j = i + cl;
            let mut dotted = false;
            if j < b.len() && b[j] == b'.' {
                let mut k = j;
                while k + 1 < b.len() && b[k] == b'.' {
                    match next_char(k + 1) {
                        Some(d) if d.is_alphabetic() => {
                            let after = k + 1 + d.len_utf8();
                            if after < b.len() && b[after] == b'.' {
                                k = after;
                                dotted = true;
                            } else {
                                break;
                            }
                        }
                        _ => break,
                    }
                }
                if dotted {
                    j = k + 1;
                }
            }
            if !dotted {
                while j < b.len() {
                    let Some(d) = next_char(j) else { break };
                    if d.is_alphanumeric() || d == '\u{0301}' {
                        j += d.len_utf8();
                    } else if is_apostrophe(d) {
                        // O'Brien, don't: keep; Putin's: stop before the possessive.
                        let after = j + d.len_utf8();
                        match next_char(after) {
                            Some('s') | Some('S')
                                if !next_char(after + 1).is_some_and(|e| e.is_alphanumeric()) =>
                            {
                                break;
                            }
                            Some(e) if e.is_alphabetic() => j = after,
                            _ => break,
                        }
                    } else {
                        break;
                    }
                }
                // Keep the period of a known abbreviation or of an initial ("John F. Kennedy").
                if j < b.len() && b[j] == b'.' {
                    let w = &text[i..j];
                    let initial = w.chars().count() == 1 && c.is_uppercase();
                    if is_abbrev(w) || initial {
                        j += 1;
                    }
                }
            }
            i = j;
            kind = Kind::Word;
        } else if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < b.len() {
                if b[j].is_ascii_digit() {
                    j += 1;
                } else if matches!(b[j], b',' | b'.' | b':') && j + 1 < b.len() && b[j + 1].is_ascii_digit() {
                    j += 2;
                } else {
                    break;
                }
            }
            let mut k = Kind::Number;
            // "1990s", "21st", "3rd"
            let rest = &text[j..];
            let suffix_len = rest.bytes().take_while(|x| x.is_ascii_alphabetic()).count();
            if suffix_len > 0 {
                let suf = rest[..suffix_len].to_ascii_lowercase();
                if suf == "s" {
                    j += 1;
                } else if matches!(
                    suf.as_str(),
                    "bn" | "m" | "mn" | "k" | "tn" | "billion" | "million"
                ) && suffix_len <= 2
                {
                    // "£20bn", "$5m": the scale is part of the figure.
                    j += suffix_len;
                } else if matches!(suf.as_str(), "st" | "nd" | "rd" | "th") {
                    j += suffix_len;
                    k = Kind::Ordinal;
                }
            }
            i = j;
            kind = k;
        } else if is_apostrophe(c)
            && toks
                .last()
                .is_some_and(|t| t.range.end == i && t.kind == Kind::Word)
            && matches!(next_char(i + cl), Some('s') | Some('S'))
            && !next_char(i + cl + 1).is_some_and(|e| e.is_alphanumeric())
        {
            i += cl + 1;
            kind = Kind::Possessive;
        } else {
            i += cl;
            kind = Kind::Punct;
        }
        let s = &text[start..i];
        let cap = s.chars().next().is_some_and(|c| c.is_uppercase());
        let mut letters = 0;
        let mut lower = false;
        for ch in s.chars() {
            if ch.is_alphabetic() {
                letters += 1;
                lower |= ch.is_lowercase();
            }
        }
        toks.push(Token {
            range: start..i,
            kind,
            cap,
            upper: letters >= 2 && !lower,
            space_before: space,
            line_start: newline,
            sent_start: false,
            headline: false,
        });
        space = false;
        newline = false;
    }
    mark_sentences(text, &mut toks);
    mark_headlines(text, &mut toks);
    toks
}

/// Sets `sent_start` on the first word of each sentence, judged from the text alone so the
/// recogniser does not depend on the loader's segmentation.
fn mark_sentences(text: &str, toks: &mut [Token]) {
    let mut at_start = true;
    for t in toks.iter_mut() {
        if t.line_start {
            at_start = true;
        }
        let s = &text[t.range.clone()];
        match t.kind {
            Kind::Punct if matches!(s, "." | "?" | "!" | ":" | "•" | "|") => {
                at_start = true;
                continue;
            }
            // A word right after an opening quote starts the quoted sentence.
            Kind::Punct if matches!(s, "\"" | "“" | "‘" | "'") => {
                at_start |= t.space_before || t.line_start || s == "“" || s == "‘";
                continue;
            }
            Kind::Punct if matches!(s, "(" | "[" | "-" | "—" | "–") => {
                continue;
            }
            _ => {}
        }
        t.sent_start = at_start;
        at_start = false;
    }
}

/// Words that stay lowercase in Title Case headlines.
const SMALL: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "but", "by", "with", "from", "as",
    "via", "into", "over", "vs", "is",
];

/// Marks tokens of lines that read as headlines, captions slugs or credits in Title Case or
/// ALL CAPS: there a capital does not signal a name.
fn mark_headlines(text: &str, toks: &mut [Token]) {
    let mut i = 0;
    while i < toks.len() {
        let mut j = i + 1;
        while j < toks.len() && !toks[j].line_start {
            j += 1;
        }
        let (mut words, mut caps, mut upper) = (0, 0, 0);
        for t in &toks[i..j] {
            if t.kind != Kind::Word {
                continue;
            }
            let s = &text[t.range.clone()];
            if SMALL.iter().any(|w| w.eq_ignore_ascii_case(s)) && !t.upper {
                continue;
            }
            words += 1;
            caps += usize::from(t.cap);
            upper += usize::from(t.upper);
        }
        let last = &text[toks[j - 1].range.clone()];
        let ends_sentence = matches!(last, "." | "?" | "!") && j - i > 12;
        let headline = words >= 2 && !ends_sentence && (caps == words || upper * 10 >= words * 8);
        if headline {
            for t in &mut toks[i..j] {
                t.headline = true;
            }
        }
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.range.clone()]).collect()
    }

    #[test]
    fn abbreviations_possessives_hyphens() {
        assert_eq!(
            words("the U.S. and Putin's Russia-backed Feb. 1, 2022 O'Brien D.C."),
            vec![
                "the", "U.S.", "and", "Putin", "'s", "Russia", "-", "backed", "Feb.", "1", ",", "2022",
                "O'Brien", "D.C."
            ]
        );
        assert_eq!(
            words("Ukraine’s 100,000 01:58 1990s"),
            vec!["Ukraine", "’s", "100,000", "01:58", "1990s"]
        );
        assert_eq!(
            words("John F. Kennedy end."),
            vec!["John", "F.", "Kennedy", "end", "."]
        );
    }

    #[test]
    fn sentence_starts_and_headlines() {
        let text = "Putin Accuses U.S. Of Ignoring Demands\nYet he said no. Shortly after, Biden spoke.";
        let toks = tokenize(text);
        assert!(toks[0].headline && toks[1].headline);
        let yet = toks.iter().find(|t| &text[t.range.clone()] == "Yet").unwrap();
        assert!(yet.sent_start && !yet.headline);
        let shortly = toks.iter().find(|t| &text[t.range.clone()] == "Shortly").unwrap();
        assert!(shortly.sent_start);
        let biden = toks.iter().find(|t| &text[t.range.clone()] == "Biden").unwrap();
        assert!(!biden.sent_start);
    }
}
