//! Lines, paragraphs and sentences of an article's text, as byte ranges into it.
//! Written here rather than taken from UAX #29 sentence bounds, which split "U.S. President",
//! "Sen. Warren" and "John F. Kennedy" and join a caption to the credit glued to it: news copy
//! needs its own rules for abbreviations, initials and datelines.

use std::ops::Range;

/// Counts words by Unicode word boundaries (UAX #29), exactly as `unicode_words().count()` does.
/// ASCII white space always separates words, and within an all-ASCII chunk the rules never look
/// past it, so a chunk that is ASCII letters and digits with plain punctuation at its ends is one
/// word without running the segmenter; other chunks go through it. Loading is several times
/// faster for English text this way (see benches/load.rs); a property test checks the equality.
pub fn count_words(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.split(|c: char| c.is_ascii_whitespace() || c == '\x0b')
        .map(|chunk| {
            let core = chunk.trim_matches(|c: char| c.is_ascii_punctuation() && c != '_');
            if core.bytes().all(|b| b.is_ascii_alphanumeric()) {
                usize::from(!core.is_empty())
            } else {
                chunk.unicode_words().count()
            }
        })
        .sum()
}

/// One line of text, without its terminator (`\n`, `\r\n` or a lone `\r`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub blank: bool,
}

/// Splits text into lines; `\r\n`, `\n`, a lone `\r` and the Unicode line and paragraph
/// separators (U+2028, U+2029) all end a line.
pub fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end_len = match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\n' | b'\r' => 1,
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) => 3,
            _ => 0,
        };
        if end_len == 0 {
            i += 1;
            continue;
        }
        out.push(line(text, start..i));
        i += end_len;
        start = i;
    }
    if start < bytes.len() {
        out.push(line(text, start..bytes.len()));
    }
    out
}

fn line(text: &str, r: Range<usize>) -> Line {
    let blank = text[r.clone()].trim().is_empty();
    Line { range: r, blank }
}

/// Trims Unicode white space (including no-break spaces) off both ends of a range.
pub fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

/// A paragraph and whether its inner line breaks end sentences (not so in hard-wrapped prose).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub range: Range<usize>,
    pub lines: Vec<Range<usize>>,
    pub breaks_are_ends: bool,
}

/// A line counts as long (a paragraph of its own) beyond this many bytes: hard-wrapped prose
/// wraps at 60-80 columns, so longer lines are paragraphs written on one line.
const LONG_LINE: usize = 100;

/// Paragraphs: blocks between blank lines. A block whose lines are mostly long is a file written
/// one paragraph a line without blank lines between them (seed 001), so each line is its own.
pub fn paragraphs(text: &str, lines: &[Line]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let flush = |block: &mut Vec<Range<usize>>, out: &mut Vec<Paragraph>| {
        if block.is_empty() {
            return;
        }
        let long = block.iter().filter(|r| r.len() > LONG_LINE).count();
        if block.len() > 1 && long * 2 > block.len() {
            for r in block.drain(..) {
                let r = trim(text, r);
                out.push(Paragraph {
                    range: r.clone(),
                    lines: vec![r],
                    breaks_are_ends: true,
                });
            }
            return;
        }
        let first = trim(text, block[0].clone());
        let last = trim(text, block[block.len() - 1].clone());
        let lines: Vec<_> = block.drain(..).map(|r| trim(text, r)).collect();
        out.push(Paragraph {
            range: first.start..last.end,
            breaks_are_ends: !hard_wrapped(text, &lines),
            lines,
        });
    };
    for l in lines {
        if l.blank {
            flush(&mut block, &mut out);
        } else {
            block.push(l.range.clone());
        }
    }
    flush(&mut block, &mut out);
    out
}

/// Prose wrapped at a fixed width: most lines (but the last) end mid-sentence and none is long.
fn hard_wrapped(text: &str, lines: &[Range<usize>]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let open = body
        .iter()
        .filter(|r| {
            !text[(*r).clone()]
                .trim_end()
                .ends_with(['.', '!', '?', '"', '\u{201d}', ':'])
        })
        .count();
    let widest = lines
        .iter()
        .map(|r| text[r.clone()].chars().count())
        .max()
        .unwrap_or(0);
    // Lines much shorter than a wrap width are headlines or chrome stacked up, not wrapped prose.
    let average = body
        .iter()
        .map(|r| text[r.clone()].chars().count())
        .sum::<usize>()
        / body.len();
    widest <= LONG_LINE && average >= 50 && open * 3 >= body.len() * 2
}

/// Sentences of all paragraphs, in order.
pub fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs {
        if p.breaks_are_ends {
            for l in &p.lines {
                split_sentences(text, l.clone(), &mut out);
            }
        } else {
            split_sentences(text, p.range.clone(), &mut out);
        }
    }
    out
}

/// Titles and other abbreviations that are followed by a name or number, never end a sentence.
const NEVER_FINAL: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Drs", "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Gen", "Gens",
    "Lt", "Col", "Sgt", "Capt", "Cpl", "Pvt", "Cmdr", "Adm", "Maj", "Brig", "Rev", "Prof", "Pres", "Supt",
    "Det", "Insp", "Atty", "Amb", "Hon", "Fr", "Sr", "Sra", "No", "Nos", "Vol", "Fig", "Ft", "Mt", "St",
    "vs", "v", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave",
    "Blvd", "Rd", "Calif", "Ariz", "Ark", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn",
    "Va", "Vt", "Wash", "Wis", "Wyo", "approx", "est", "e.g", "i.e", "etc", "Inc", "Corp", "Co", "Ltd",
];

/// Words that begin sentences: after "U.S." or "D.C." they mark a sentence end, where a name
/// ("U.S. President", "U.N. Security Council") would not.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "From",
    "To",
    "With",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "Meanwhile",
    "However",
    "Still",
    "Also",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "Now",
    "Then",
    "Earlier",
    "Later",
    "Last",
    "Since",
    "During",
    "Officials",
    "Asked",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Both",
    "Each",
    "Other",
];

/// Appends the sentences of `range` (one paragraph or line) to `out`. Works on byte offsets
/// without collecting characters, so a paragraph of many megabytes costs no extra memory.
pub fn split_sentences(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let mut start = 0usize;
    let mut pos = 0usize;
    // Terminators start with '.', '!', '?' or 0xE2 (the lead byte of '…'); neither kind of byte
    // occurs inside another character's UTF-8, so a byte scan finds them on char boundaries.
    let bytes = s.as_bytes();
    while let Some(skip) = bytes[pos..]
        .iter()
        .position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2))
    {
        pos += skip;
        let Some(c) = s[pos..].chars().next() else { break };
        if !is_terminator(c) {
            pos += c.len_utf8();
            continue;
        }
        // The terminator run: more terminators, then closing quotes and brackets.
        let mut end = pos + c.len_utf8();
        let mut rest = s[end..].chars();
        let mut next = rest.next();
        while let Some(n) = next.filter(|&n| is_terminator(n)) {
            end += n.len_utf8();
            next = rest.next();
        }
        while let Some(n) = next.filter(|&n| is_closing(n)) {
            end += n.len_utf8();
            next = rest.next();
        }
        let boundary = match next {
            None => true,
            Some(n) if n.is_whitespace() => ends_sentence(s, pos, c, s[end..].trim_start()),
            Some(_) => glued_end(&s[..pos], &s[end..]),
        };
        if boundary {
            push_trimmed(text, range.start + start..range.start + end, out);
            start = end;
        }
        pos = end;
    }
    push_trimmed(text, range.start + start..range.end, out);
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '\u{2026}')
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']' | '\u{bb}')
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let r = trim(text, r);
    if !r.is_empty() {
        out.push(r);
    }
}

/// Whether the terminator `c` at byte `pos` of `s` ends a sentence, given the text `after` it
/// (from the next word on).
fn ends_sentence(s: &str, pos: usize, c: char, after: &str) -> bool {
    let next = after
        .chars()
        .find(|c| !matches!(c, '"' | '\u{201c}' | '\'' | '\u{2018}' | '(' | '['));
    let Some(next) = next else { return true };
    if next.is_lowercase() {
        return false;
    }
    if c != '.' {
        // A quoted question or exclamation followed by its attribution ("Why?" Putin asked.)
        // goes on; only quotes close with ? or ! before a speaker, never with a full stop.
        let quoted = s[pos + c.len_utf8()..].starts_with(['"', '\u{201d}', '\'', '\u{2019}']);
        return !(quoted && attribution_follows(after));
    }
    let word = word_before(s, pos);
    let bare = word.trim_end_matches('.');
    if NEVER_FINAL.contains(&bare) {
        return false;
    }
    if next.is_ascii_digit() {
        return true;
    }
    // An initial ("John F. Kennedy"): one capital letter standing alone.
    let mut wc = bare.chars();
    if let (Some(first), None) = (wc.next(), wc.next())
        && first.is_uppercase()
    {
        return false;
    }
    // Dotted acronyms (U.S., D.C., U.N.): a sentence end only when a sentence starter follows.
    if bare.contains('.') && bare.split('.').all(|p| p.chars().count() == 1) {
        let next_word: &str = after
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return STARTERS.contains(&next_word);
    }
    true
}

/// Verbs of saying that follow a quote and its speaker.
const SAID: &[&str] = &[
    "said",
    "says",
    "asked",
    "asks",
    "added",
    "adds",
    "told",
    "wrote",
    "writes",
    "tweeted",
    "replied",
    "shouted",
    "continued",
    "explained",
    "insisted",
    "declared",
    "wondered",
];

/// True when `after` opens with a speaker and a verb of saying: one to four capitalised words
/// ("Putin", "President Joe Biden") and then "said", "asked" or the like.
fn attribution_follows(after: &str) -> bool {
    for (i, w) in after.split_whitespace().take(5).enumerate() {
        let w = w.trim_end_matches([',', '.', ';', ':']);
        if i > 0 && SAID.contains(&w) {
            return true;
        }
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// The word (letters, digits and inner dots) that ends just before byte `pos` of `s`.
fn word_before(s: &str, pos: usize) -> &str {
    let head = &s[..pos];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// A sentence end glued to the next sentence, as when a caption runs into its credit
/// ("in Moscow on Tuesday.Mikhail Klimentyev / …"): a lower-case word of three letters or more,
/// the terminator, then a capitalised word.
fn glued_end(before: &str, after: &str) -> bool {
    let mut b = before.chars().rev();
    let lower_before = b.clone().next().is_some_and(|c| c.is_lowercase());
    let letters = b.by_ref().take(3).take_while(|c| c.is_alphabetic()).count();
    let mut a = after.chars();
    let cap_after = a.next().is_some_and(|c| c.is_uppercase()) && a.next().is_some_and(|c| c.is_lowercase());
    letters >= 3 && lower_before && cap_after
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(s, 0..s.len(), &mut out);
        out.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn news_abbreviations_do_not_end_sentences() {
        let s = "Sen. Mitch McConnell met U.S. President Joe Biden in Washington, D.C. on Feb. 1. \
                 He spoke. Gov. Kathy Hochul and Dr. Anthony Fauci agreed. The U.N. Security Council met \
                 Dec. 23 at No. 2 Main St. in the U.S. The meeting cost 1.5 billion.";
        assert_eq!(
            sents(s),
            [
                "Sen. Mitch McConnell met U.S. President Joe Biden in Washington, D.C. on Feb. 1.",
                "He spoke.",
                "Gov. Kathy Hochul and Dr. Anthony Fauci agreed.",
                "The U.N. Security Council met Dec. 23 at No. 2 Main St. in the U.S.",
                "The meeting cost 1.5 billion."
            ]
        );
    }

    #[test]
    fn initials_and_quotes() {
        let s = "John F. Kennedy said \u{201c}no.\u{201d} Then he left. \"Should we fight NATO then? \
                 Has anyone thought about it?\" \"Are we?\" asked Putin. It ended.";
        assert_eq!(
            sents(s),
            [
                "John F. Kennedy said \u{201c}no.\u{201d}",
                "Then he left.",
                "\"Should we fight NATO then?",
                "Has anyone thought about it?\"",
                "\"Are we?\" asked Putin.",
                "It ended."
            ]
        );
    }

    #[test]
    fn quoted_questions_before_their_speaker_go_on() {
        let s = "\u{201c}Why now?\u{201d} Putin asked. \"Enough!\" President Joe Biden said on Tuesday. \
                 \"Is it over?\" Nobody knows. \"Really?\" The crowd cheered.";
        assert_eq!(
            sents(s),
            [
                "\u{201c}Why now?\u{201d} Putin asked.",
                "\"Enough!\" President Joe Biden said on Tuesday.",
                "\"Is it over?\"",
                "Nobody knows.",
                "\"Really?\"",
                "The crowd cheered."
            ]
        );
    }

    #[test]
    fn glued_caption_credit_is_split() {
        let s = "Putin meets Orban in Moscow on Tuesday.Mikhail Klimentyev / Sputnik via AP";
        assert_eq!(
            sents(s),
            [
                "Putin meets Orban in Moscow on Tuesday.",
                "Mikhail Klimentyev / Sputnik via AP"
            ]
        );
        assert_eq!(
            sents("See nbcnews.com for more. It is 2.5.Then"),
            ["See nbcnews.com for more.", "It is 2.5.Then"]
        );
    }

    #[test]
    fn lines_handle_crlf_and_lone_cr() {
        let t = "a\r\nb\rc\n\nd\u{2028}e\u{2029}";
        let l: Vec<_> = lines(t).into_iter().map(|l| (&t[l.range], l.blank)).collect();
        assert_eq!(
            l,
            [
                ("a", false),
                ("b", false),
                ("c", false),
                ("", true),
                ("d", false),
                ("e", false)
            ]
        );
    }

    #[test]
    fn paragraphs_blank_lines_or_one_a_line() {
        let long = "x".repeat(120);
        let t = format!("{long}\r\n{long}\r\n{long}");
        let ls = lines(&t);
        assert_eq!(paragraphs(&t, &ls).len(), 3);
        let t = "Title\r\n\r\nFirst para line one\r\nline two.\r\r\rSecond.";
        let ls = lines(t);
        let p: Vec<_> = paragraphs(t, &ls).into_iter().map(|p| &t[p.range]).collect();
        assert_eq!(p, ["Title", "First para line one\r\nline two.", "Second."]);
    }

    #[test]
    fn hard_wrapped_prose_keeps_sentences_across_lines() {
        let t = "The president said on Tuesday that the talks with the rebels would\ncontinue next week in Geneva, and that officials on both sides knew\nno deal was near. Others disagreed.";
        let ls = lines(t);
        let ps = paragraphs(t, &ls);
        assert_eq!(ps.len(), 1);
        assert!(!ps[0].breaks_are_ends);
        let s: Vec<_> = sentences(t, &ps).into_iter().map(|r| &t[r]).collect();
        assert_eq!(s.len(), 2);
        assert!(s[0].ends_with("near."));
    }
}
