//! Quotations and their speakers. Quotes may use straight or curly marks and may run over
//! several paragraphs in the news style where a paragraph opens a quote without closing it and
//! the next paragraph reopens it. Speakers come from attribution patterns ("Putin said",
//! "said Johnson", "he said", "according to a senior official"); pronouns are resolved to the
//! nearest person named before.

use std::ops::Range;

use super::lexicon::SPEECH_VERBS;
use super::numeric::Words;
use super::token::Kind;
use super::{Entity, Label, Quote};

/// Words that open a new clause: an attribution does not run across them.
const CLAUSE_WORDS: &[&str] = &[
    "while", "and", "but", "as", "after", "when", "which", "who", "whom", "that", "because", "although",
    "though", "if", "before", "since", "until", "where", "whereas", "so", "yet", "or", "then", "in", "on",
];

fn is_open_mark(c: char) -> bool {
    c == '“' || c == '"' || c == '„' || c == '«'
}

/// Finds quoted passages as byte ranges including their marks.
pub fn find_quotes(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // Lines with their byte ranges, blank lines skipped.
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, c) in text.bytes().enumerate() {
        if c == b'\n' {
            lines.push(start..i);
            start = i + 1;
        }
    }
    lines.push(start..text.len());
    lines.retain(|r| !text[r.clone()].trim().is_empty());

    // The open quote: where it starts, whether it uses single marks (British style), and
    // whether it opened with a straight apostrophe (then it must close on its line).
    let mut open: Option<(usize, bool, bool)> = None;
    for (li, line) in lines.iter().enumerate() {
        let s = &text[line.clone()];
        let first_visible = s.len() - s.trim_start().len();
        // Only the bytes that can start a quotation mark are looked at (a byte scan: the text
        // is long and marks are few): '"', '\'', and the lead bytes of “ ” „ ‘ ’ (E2) and « » (C2).
        let marks = s
            .bytes()
            .enumerate()
            .filter(|&(_, b)| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2))
            .map(|(k, _)| k);
        for k in marks {
            let Some(c) = s[k..].chars().next() else { continue };
            if !matches!(c, '“' | '„' | '«' | '”' | '»' | '"' | '‘' | '’' | '\'') {
                continue;
            }
            let prev = s[..k].chars().next_back();
            let next = s[k + c.len_utf8()..].chars().next();
            let pos = line.start + k;
            let at_line_start = k == first_visible;
            let before_space = prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p));
            let after_space = next.is_none_or(char::is_whitespace);
            let single = matches!(c, '‘' | '’' | '\'');
            // Marks of the other kind inside an open quote are nested quotes.
            if open.is_some_and(|(_, sq, _)| sq != single) {
                continue;
            }
            let continuing = open.is_some_and(|(o, _, _)| at_line_start && o < line.start);
            let kind = match c {
                '“' | '„' | '«' | '‘' => Some(true),
                '”' | '»' => Some(false),
                '"' => {
                    if continuing {
                        Some(true)
                    } else if open.is_some() && !before_space {
                        Some(false)
                    } else if !after_space {
                        Some(true)
                    } else {
                        None
                    }
                }
                // An apostrophe closes a single quote only where no letter follows
                // ("Ukraine’s" and "don't" are not closing marks).
                _ => {
                    let letter_after = next.is_some_and(char::is_alphanumeric);
                    if continuing {
                        Some(true)
                    } else if open.is_some() && !before_space && !letter_after {
                        Some(false)
                    } else if open.is_none()
                        && c == '\''
                        && before_space
                        && next.is_some_and(char::is_alphabetic)
                    {
                        Some(true)
                    } else {
                        None
                    }
                }
            };
            match (kind, open) {
                (Some(true), Some(_)) if continuing => {}
                // Anywhere else an opening mark means the earlier one was never closed.
                (Some(true), _) => open = Some((pos, single, c == '\'')),
                (Some(false), Some((o, _, _))) => {
                    out.push(o..pos + c.len_utf8());
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((o, single, straight)) = open {
            let continues = lines
                .get(li + 1)
                .and_then(|r| text[r.clone()].trim_start().chars().next())
                .is_some_and(|c| {
                    if single {
                        matches!(c, '‘' | '\'')
                    } else {
                        is_open_mark(c)
                    }
                });
            if !continues {
                let end = line.start + s.trim_end().len();
                // A straight apostrophe left open is more likely an elision than a quote.
                if end > o && !straight {
                    out.push(o..end);
                }
                open = None;
            }
        }
    }
    out
}

/// Attributes each quote to a speaker where the text says who.
pub fn attribute(w: &Words, quotes: &[Range<usize>], entities: &[Entity]) -> Vec<Quote> {
    let toks = w.toks;
    let tok_at = |byte: usize| toks.partition_point(|t| t.range.start < byte);
    // People sorted by start (entities never overlap, so ends are sorted too): binary searches
    // keep attribution linear in the text however many quotes there are.
    let people: Vec<&Entity> = entities.iter().filter(|e| e.label == Label::Person).collect();
    let orgs: Vec<&Entity> = entities.iter().filter(|e| e.label == Label::Org).collect();
    let org_at = |i: usize| -> Option<&Entity> {
        let r = &toks.get(i)?.range;
        let k = orgs.partition_point(|e| e.range.end < r.end);
        orgs.get(k)
            .copied()
            .filter(|e| e.range.start <= r.start && r.end <= e.range.end)
    };
    let person_at = |i: usize| -> Option<&Entity> {
        let r = &toks.get(i)?.range;
        let k = people.partition_point(|e| e.range.end < r.end);
        people
            .get(k)
            .copied()
            .filter(|e| e.range.start <= r.start && r.end <= e.range.end)
    };
    let nearest_person_before = |byte: usize| -> Option<Range<usize>> {
        let k = people.partition_point(|e| e.range.end <= byte);
        k.checked_sub(1).map(|k| people[k].range.clone())
    };
    let is_verb = |i: usize| i < toks.len() && SPEECH_VERBS.contains(w.low(i));
    let is_pronoun = |i: usize| matches!(w.low(i), "he" | "she" | "they");
    let stop = |i: usize| {
        i >= toks.len() || toks[i].line_start || matches!(w.raw(i), "." | "?" | "!" | "“" | "”" | "\"" | ";")
    };
    // A noun phrase like "a senior official" or "the U.S. official": determiner and up to
    // five words, stopping at a relative clause or preposition.
    let noun_phrase = |i: usize| -> Option<Range<usize>> {
        if !matches!(w.low(i), "a" | "an" | "the") {
            return None;
        }
        let mut j = i + 1;
        while j < toks.len()
            && j - i <= 5
            && toks[j].kind == Kind::Word
            && !toks[j].line_start
            && !matches!(
                w.low(j),
                "who" | "that" | "familiar" | "with" | "on" | "in" | "at" | "of" | "for" | "said"
            )
        {
            j += 1;
        }
        (j > i + 1).then(|| toks[i].range.start..toks[j - 1].range.end)
    };
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        let mut speaker: Option<Range<usize>> = None;
        let subject = |i: usize| -> Option<Range<usize>> {
            if let Some(e) = person_at(i) {
                return Some(e.range.clone());
            }
            // Institutions speak too: "the Kremlin said", "West Yorkshire Police said".
            if let Some(e) = org_at(i) {
                return Some(e.range.clone());
            }
            if is_pronoun(i) {
                return nearest_person_before(toks[i].range.start).or(Some(toks[i].range.clone()));
            }
            None
        };
        // After the quote: `," Putin said`, `," said Johnson`, `," he said`, `, the official said`.
        let mut i = tok_at(q.end);
        while i < toks.len() && matches!(w.raw(i), "," | "—" | "–") && !toks[i].line_start {
            i += 1;
        }
        // A quote ending its sentence inside the marks (`... mandate."`) is not attributed
        // by what follows: a new sentence starts there.
        let inner_end = w.text[q.start..q.end].trim_end_matches(['"', '”', '’', '\'']);
        let closed_sentence = inner_end.ends_with('.');
        if !stop(i) && !closed_sentence {
            if is_verb(i) && !stop(i + 1) {
                speaker = subject(i + 1).or_else(|| noun_phrase(i + 1));
            } else if let Some(e) = person_at(i).or_else(|| org_at(i)) {
                // `," Putin said`, `," the Kremlin said`: a person or an institution speaking.
                let mut k = i;
                while person_at(k)
                    .or_else(|| org_at(k))
                    .is_some_and(|f| f.range == e.range)
                {
                    k += 1;
                }
                if is_verb(k) {
                    speaker = Some(e.range.clone());
                }
            } else if is_pronoun(i) && is_verb(i + 1) {
                speaker = subject(i);
            } else if let Some(np) = noun_phrase(i) {
                let k = tok_at(np.end);
                if is_verb(k) {
                    speaker = Some(np);
                }
            }
            // A name with a title or role around it: `," said U.S. Attorney Daniel Okafor`,
            // `," Bruins coach Mike Sullivan said`. Bounded to the clause after the quote.
            if speaker.is_none() {
                let mut verb = None;
                let mut person = None;
                let mut k = i;
                while k < i + 10 && !stop(k) && w.raw(k) != "," {
                    // Only names, titles and roles may stand between the quote and its
                    // attribution ("while British Foreign Secretary ... urged" is a new clause).
                    let tk = &toks[k];
                    let fits = is_verb(k)
                        || tk.cap
                        || tk.kind == Kind::Possessive
                        || (tk.kind == Kind::Word && !CLAUSE_WORDS.contains(&w.low(k)));
                    if !fits {
                        break;
                    }
                    if verb.is_none() && is_verb(k) {
                        verb = Some(k);
                    }
                    if person.is_none()
                        && let Some(e) = person_at(k)
                    {
                        person = Some(e.range.clone());
                    }
                    if verb.is_some() && person.is_some() {
                        break;
                    }
                    k += 1;
                }
                if let (Some(_), Some(p)) = (verb, person.clone()) {
                    speaker = Some(p);
                } else if let (Some(v), Some(p)) = (verb, person)
                    && v == k
                {
                    speaker = Some(p);
                }
                // `," said Dr. Elena Ruiz, a cardiologist`: the name ends at the comma.
                if speaker.is_none()
                    && verb.is_some()
                    && let Some(e) = person_at(k.saturating_sub(1))
                {
                    speaker = Some(e.range.clone());
                }
            }
            if speaker.is_none() && w.low(i) == "according" && w.low(i + 1) == "to" {
                speaker = person_at(i + 2)
                    .map(|e| e.range.clone())
                    .or_else(|| noun_phrase(i + 2));
            }
        }
        // Before the quote: `Lavrov said "...`, `He alleged that Washington may try to "...`.
        if speaker.is_none() {
            let qi = tok_at(q.start);
            let mut k = qi;
            let lo = qi.saturating_sub(25);
            while k > lo {
                k -= 1;
                if stop(k) && k + 1 < qi && toks[k + 1].line_start {
                    break;
                }
                if matches!(w.raw(k), "." | "?" | "!" | "”") {
                    break;
                }
                if is_verb(k) && k > 0 {
                    // Subject right before the verb, or a name in apposition before a comma
                    // ("Russia's U.N. ambassador, Vassily Nebenzia, said").
                    let mut subj = subject(k - 1);
                    if subj.is_none() && w.raw(k - 1) == "," && k >= 2 {
                        // A person in apposition wins over an organisation inside the
                        // appositive ("Linda Thomas-Greenfield, the U.S. Ambassador to the
                        // United Nations, told NPR").
                        let before_appositive = (k.saturating_sub(14)..k - 1)
                            .rev()
                            .find(|&j| w.raw(j) == ",")
                            .and_then(|open| open.checked_sub(1));
                        subj = person_at(k - 2)
                            .map(|e| e.range.clone())
                            .or_else(|| before_appositive.and_then(|j| person_at(j).map(|e| e.range.clone())))
                            .or_else(|| subject(k - 2))
                            .or_else(|| before_appositive.and_then(subject));
                    }
                    speaker = subj.or_else(|| {
                        let np_start = (k.saturating_sub(6)..k)
                            .find(|&s| noun_phrase(s).is_some_and(|r| r.end == toks[k - 1].range.end));
                        np_start.and_then(noun_phrase)
                    });
                    // A participle ("..., saying it was "...") has the sentence's subject: the
                    // nearest person before it in the same sentence.
                    if speaker.is_none() && w.low(k).ends_with("ing") {
                        let mut j = k;
                        while j > k.saturating_sub(30) {
                            j -= 1;
                            if matches!(w.raw(j), "." | "?" | "!") || toks[j + 1].line_start {
                                break;
                            }
                            if let Some(e) = person_at(j) {
                                speaker = Some(e.range.clone());
                                break;
                            }
                        }
                    }
                    break;
                }
            }
        }
        out.push(Quote {
            range: q.clone(),
            speaker,
        });
    }
    // Several quotes in one paragraph come from one speaker in news style: one sweep over the
    // quotes, a group per paragraph.
    let newlines: Vec<usize> = w.text.match_indices('\n').map(|(i, _)| i).collect();
    let para_of = |r: &Range<usize>| newlines.partition_point(|&p| p < r.start);
    let mut i = 0;
    while i < out.len() {
        let p = para_of(&out[i].range);
        let mut j = i + 1;
        while j < out.len() && para_of(&out[j].range) == p {
            j += 1;
        }
        if let Some(sp) = out[i..j].iter().find_map(|q| q.speaker.clone()) {
            for q in &mut out[i..j] {
                if q.speaker.is_none() {
                    q.speaker = Some(sp.clone());
                }
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        find_quotes(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn straight_curly_and_spanning() {
        assert_eq!(
            quoted("He said “yes,” and \"no\" then."),
            vec!["“yes,”", "\"no\""]
        );
        let t = "“We will fight,” he said. “We are ready.\n\n“And we will win,” he added.";
        assert_eq!(
            quoted(t),
            vec!["“We will fight,”", "“We are ready.\n\n“And we will win,”"]
        );
        // A paragraph that opens a quote and never closes it, with no continuation.
        assert_eq!(
            quoted("She said “this is it\n\nNext paragraph."),
            vec!["“this is it"]
        );
        assert_eq!(quoted("it's 5' tall"), Vec::<&str>::new());
        // British style: single marks, with nested doubles; apostrophes are not marks.
        assert_eq!(
            quoted("Mr Sunak said: 'We will \"deliver\" for Britain's families.' The allies' plan"),
            vec!["'We will \"deliver\" for Britain's families.'"]
        );
        assert_eq!(
            quoted("She called it ‘a sticking plaster’ and Ukraine’s plan failed"),
            vec!["‘a sticking plaster’"]
        );
        assert_eq!(quoted("rock 'n roll and 'tis the season"), Vec::<&str>::new());
    }
}
