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
        if one_paragraph_a_line(block) {
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
    join_fragments(text, out)
}

/// Lines that are mostly long: a file written one paragraph a line.
fn one_paragraph_a_line(lines: &[Range<usize>]) -> bool {
    let long = lines.iter().filter(|r| r.len() > LONG_LINE).count();
    lines.len() > 1 && long * 2 > lines.len()
}

/// Joined paragraphs whose lines, now that a fragment's pieces are one line, are mostly long:
/// one paragraph a line, as [`paragraphs`] reads such a block ("…to use force" / "to reclaim
/// the east, he said." / "Speaking after talks…" is two paragraphs, not one).
fn split_lines_again(paras: Vec<Paragraph>) -> Vec<Paragraph> {
    let mut out = Vec::with_capacity(paras.len());
    for p in paras {
        if one_paragraph_a_line(&p.lines) {
            out.extend(p.lines.into_iter().map(|r| Paragraph {
                range: r.clone(),
                lines: vec![r],
                breaks_are_ends: true,
            }));
        } else {
            out.push(p);
        }
    }
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

/// Scraped pages that break a paragraph mid-sentence into blank-line-separated blocks ("…the
/// council voted on" / "Tuesday to approve…"): a block that ends without terminal punctuation,
/// followed by one that continues its sentence, is one paragraph with the next. The text is
/// untouched; the joined paragraph's range spans the blank lines, and its last line and the next
/// block's first line become one line (so neither sentences nor furniture see a break there).
///
/// Our own rules, as the sentence rules are: headlines, captions, credits, bylines, list items,
/// subheads, dateline-only lines, time stamps and blocks ending in ':' stay paragraphs of their
/// own. A join needs evidence: the next block starts in lower case or with continuing
/// punctuation, or this one ends with a comma, a dash or a word that never ends a sentence ("on",
/// "the"). Without such evidence (a block ending "…said Mayor Jane" before "Doe on Tuesday."),
/// blocks join only on a page that shows fragments elsewhere, and never the page's first block
/// of text (its headline) with the next.
fn join_fragments(text: &str, paras: Vec<Paragraph>) -> Vec<Paragraph> {
    if paras.len() < 2 {
        return paras;
    }
    // Judged on whole blocks (so hard wrapping inside them changes nothing), the first as
    // joined so far (so its true start counts).
    // Furniture is looked for in the lines that meet at the break (a caption's credit is the
    // last line of its block) where the lines are units, in the whole block where they are
    // hard-wrapped prose.
    let verdict = |a: &Paragraph, b: &Paragraph, first: bool| {
        let edge = |p: &Paragraph, l: Option<&Range<usize>>| {
            let r = if p.breaks_are_ends {
                l.unwrap_or(&p.range)
            } else {
                &p.range
            };
            &text[r.clone()]
        };
        if blank_line_between(&text[a.range.end..b.range.start]) {
            let blocks = (&text[a.range.clone()], &text[b.range.clone()]);
            let edges = (edge(a, a.lines.last()), edge(b, b.lines.first()));
            join_verdict(blocks, edges, first)
        } else {
            Join::Never
        }
    };
    // First only the breaks that are surely fragments; they are the page's evidence for the
    // others, which join on a second pass when there is one.
    let (out, sure, open) = join_pass(text, &paras, &verdict, false);
    let out = if sure >= 1 && open > 0 {
        join_pass(text, &paras, &verdict, true).0
    } else {
        out
    };
    split_lines_again(out)
}

/// One pass of [`join_fragments`]: the paragraphs, the count of sure joins and of open breaks
/// left apart.
fn join_pass(
    text: &str,
    paras: &[Paragraph],
    verdict: &impl Fn(&Paragraph, &Paragraph, bool) -> Join,
    join_open: bool,
) -> (Vec<Paragraph>, usize, usize) {
    let (mut sure, mut open) = (0, 0);
    let mut out: Vec<Paragraph> = Vec::with_capacity(paras.len());
    // Whether a block other than furniture (the headline, say) came before the last one in
    // `out`: the page's first such block is its headline, which no fragment joins.
    let mut text_seen = false;
    for p in paras {
        let join = out
            .last()
            .is_some_and(|prev| match verdict(prev, p, out.len() == 1) {
                Join::Yes => {
                    sure += 1;
                    true
                }
                Join::Maybe if text_seen => {
                    open += 1;
                    join_open
                }
                Join::Maybe | Join::Never => false,
            });
        match out.last_mut() {
            Some(prev) if join => {
                let first = p.lines.first().cloned().unwrap_or(p.range.clone());
                if let Some(last) = prev.lines.last_mut() {
                    last.end = first.end;
                }
                prev.lines.extend(p.lines.iter().skip(1).cloned());
                prev.range.end = p.range.end;
                prev.breaks_are_ends &= p.breaks_are_ends;
            }
            _ => {
                if let Some(prev) = out.last()
                    && !text_seen
                {
                    text_seen = !furniture_line(text[prev.range.clone()].trim());
                }
                out.push(p.clone());
            }
        }
    }
    (out, sure, open)
}

/// Whether the white space between two blocks holds a blank line.
fn blank_line_between(gap: &str) -> bool {
    // Line ends as `lines` counts them: `\r\n` is one.
    let ends = gap
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') && !(c == '\n' && gap[..i].ends_with('\r'))
        })
        .count();
    ends >= 2
}

/// What the break between two blocks is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Join {
    /// A sentence that goes on: one paragraph.
    Yes,
    /// Open, but nothing shows the next block continues it.
    Maybe,
    /// A paragraph end, or furniture on either side.
    Never,
}

/// Words that never end a sentence or a headline: articles, prepositions, conjunctions,
/// auxiliaries and possessives. A block ending with one stops mid-sentence.
pub(super) const NEVER_LAST: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "into",
    "onto",
    "about",
    "after",
    "before",
    "over",
    "under",
    "between",
    "among",
    "against",
    "during",
    "through",
    "than",
    "and",
    "or",
    "but",
    "nor",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "as",
    "if",
    "because",
    "while",
    "when",
    "where",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "might",
    "must",
    "shall",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "these",
    "those",
    "not",
    "very",
    "such",
    "per",
    "including",
    "near",
    "across",
    "toward",
    "towards",
    "upon",
    "via",
    "amid",
    "despite",
    "until",
    "neither",
    "every",
    "de",
    "la",
    "le",
    "von",
    "van",
];

/// Of those, the ones a headline may end with as an adverb ("Talks drag on", "Storm moves in").
const PARTICLES: &[&str] = &[
    "in", "on", "over", "by", "about", "after", "before", "through", "near",
];

/// Links and prompts ("Continue Reading", "Read more", "Sign up"): the end of a teaser or a
/// story, never the rest of a sentence.
fn prompt_line(s: &str) -> bool {
    const PROMPTS: &[&str] = &[
        "continue reading",
        "read more",
        "read the full",
        "see also",
        "related",
        "share",
        "sign up",
        "subscribe",
        "click ",
        "watch",
        "listen",
        "advertisement",
        "log in",
        "sign in",
        "forgot your",
        "already have an account",
        "create an account",
        "create a free account",
        "download the",
        "get the app",
    ];
    let lower = s.to_lowercase();
    s.split_whitespace().count() <= 14 && PROMPTS.iter().any(|p| lower.starts_with(p))
}

/// Lines that are page furniture: bylines, staff lines, credits, time stamps, site lines.
/// Checked on short blocks only.
fn furniture_line(s: &str) -> bool {
    let words = s.split_whitespace().count();
    if words > 14 {
        return false;
    }
    // A page's opening date stamp with a label or two after it.
    if words <= 8 && super::boilerplate::without_page_stamp(s).len() < s.len() {
        return true;
    }
    if prompt_line(s) {
        return true;
    }
    let lower = s.to_lowercase();
    const LEADS: &[&str] = &[
        "photo",
        "credit",
        "image",
        "file -",
        "\u{a9}",
        "copyright",
        "posted",
        "published",
        "updated",
        "last updated",
    ];
    if (lower.starts_with("by ") && words <= 10) || LEADS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    const CREDITS: &[&str] = &[
        "ap photo",
        "via ap",
        "/ap",
        "/ ap",
        "getty images",
        "afp via",
        "/afp",
        "/reuters",
        "/ reuters",
        "associated press writer",
        "associated press reporter",
        "ap science writer",
        "ap writer",
        "staff writer",
        "correspondent",
        "contributed to this",
    ];
    if CREDITS.iter().any(|c| lower.contains(c)) {
        return true;
    }
    if ends_with_video_length(s) {
        return true;
    }
    // Site lines of parts set apart by a middle dot or a bar ("LabNotes · June 18, 2025").
    if s.contains('\u{b7}') || s.contains(" | ") {
        return true;
    }
    // Staff lines ("Associated Press", "AP Business Writer") and time stamps ("12:52 pm EDT",
    // "1 hr 34 mins ago").
    let last = lower.rsplit(' ').next().unwrap_or("");
    if words <= 6 && matches!(last, "press" | "writer" | "reporter" | "editor" | "staff") {
        return true;
    }
    let clock = lower
        .as_bytes()
        .windows(3)
        .any(|w| w[0].is_ascii_digit() && w[1] == b':' && w[2].is_ascii_digit());
    let digit = lower.bytes().any(|b| b.is_ascii_digit());
    words <= 10
        && ((clock
            && [
                " am", " pm", "a.m.", "p.m.", " est", " edt", " gmt", " utc", " bst",
            ]
            .iter()
            .any(|z| lower.contains(z)))
            || (digit && last == "ago"))
}

/// A video's title with its length at the end ("Storm hits the coast 01:58", "(2:14)"): a
/// player's line, never the middle of a sentence.
fn ends_with_video_length(s: &str) -> bool {
    let last = s
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(['(', ')']);
    let (m, sec) = last.split_once(':').unwrap_or(("", ""));
    (1..=2).contains(&m.len()) && sec.len() == 2 && m.bytes().chain(sec.bytes()).all(|b| b.is_ascii_digit())
}

/// An opening bracket or quotation mark that `s` does not close: what follows is inside it.
pub(super) fn unclosed(s: &str) -> bool {
    let count = |c: char| s.matches(c).count();
    count('(') > count(')') || count('\u{201c}') > count('\u{201d}') || count('"') % 2 == 1
}

/// A list item: a bullet, a dash or a number with a full stop or bracket.
fn list_item(s: &str) -> bool {
    if s.starts_with([
        '-', '*', '\u{2022}', '\u{25aa}', '\u{25cf}', '\u{2013}', '\u{2014}', '>',
    ]) {
        return s.chars().nth(1).is_some_and(char::is_whitespace);
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && digits <= 3 && s[digits..].starts_with([')', '.']) && s[digits + 1..].starts_with(' ')
}

/// A dateline, alone or opening a paragraph: "WASHINGTON (AP) —", "ST. JOHNSBURY, Vt. --",
/// "LONDON, March 3 (Reuters) -". An upper-case place (three letters or more) then a comma, an
/// agency in brackets or a dash; "NATO said" is no dateline.
fn dateline_start(s: &str) -> bool {
    let mut letters = 0;
    let mut tokens = s.split(' ');
    let mut after = None;
    for t in tokens.by_ref() {
        if t.chars().any(char::is_lowercase) || !t.chars().any(char::is_alphabetic) {
            after = Some(t);
            break;
        }
        letters += t.chars().filter(|c| c.is_alphabetic()).count();
        if t.ends_with(',') {
            let head: String = s.chars().take(70).collect();
            return letters >= 3
                && ["\u{2014}", "\u{2013}", "--", " - ", "(AP)", "(Reuters)", "(AFP)"]
                    .iter()
                    .any(|d| head.contains(d));
        }
    }
    letters >= 3
        && after.is_some_and(|t| {
            t.strip_prefix('(')
                .is_some_and(|r| r.starts_with(char::is_uppercase))
                || matches!(t, "\u{2014}" | "\u{2013}" | "--" | "-" | "\u{2014}\u{2014}")
        })
}

/// Only a dateline: "WASHINGTON (AP) —", ending with its dash.
fn dateline_only(s: &str) -> bool {
    dateline_start(s) && s.ends_with(['\u{2014}', '\u{2013}', '-']) && s.split_whitespace().count() <= 8
}

/// Every letter upper case: a kicker or subhead ("RELATED COVERAGE"), never a fragment.
fn all_caps(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 4 && !s.chars().any(char::is_lowercase)
}

/// Headline style: most words of three letters or more capitalised ("Teen Who Cut Off Corpse's
/// Head"), which prose, even a fragment full of names, rarely is.
fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .collect();
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    words.len() >= 3 && caps * 5 >= words.len() * 4
}

/// The block's text without closing quotes and brackets at its end.
fn bare_end(s: &str) -> &str {
    s.trim_end()
        .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}', ']', '*', '_'])
}

/// Ends as a sentence does (terminal punctuation, maybe inside closing quotes or a bracket).
fn ends_sentence_block(s: &str) -> bool {
    bare_end(s)
        .trim_end_matches(')')
        .ends_with(['.', '!', '?', '\u{2026}'])
}

/// Byte positions of the spaces after a full stop, question or exclamation mark in `s`: rough
/// sentence ends, enough to find the credit glued after a caption.
fn sentence_gaps(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    (1..b.len())
        .filter(|&i| b[i] == b' ' && matches!(b[i - 1], b'.' | b'?' | b'!'))
        .collect()
}

/// The break between block `a` and block `b` after it; `edges` are the last line of `a` and
/// the first of `b` where furniture is looked for; `first` says `a` is the page's first block,
/// where a headline stands.
fn join_verdict((a, b): (&str, &str), (a_edge, b_edge): (&str, &str), first: bool) -> Join {
    // A page's opening date stamp ("date 2022-04-14 Left Menu") is no word of a sentence.
    let (a, a_edge) = if first {
        let bare = super::boilerplate::without_page_stamp(a.trim());
        (bare, if a_edge.trim() == a.trim() { bare } else { a_edge })
    } else {
        (a, a_edge)
    };
    let a = a.trim();
    let b = b.trim();
    // The last sentence of the one and the first of the other: a credit glued after a
    // caption's full stop ("…in Moscow. Alexei Nikolsky / AP") is furniture of its own.
    let a_edge = &a_edge.trim()[sentence_gaps(a_edge.trim()).last().map_or(0, |&g| g + 1)..];
    let b_edge = &b_edge.trim()[..sentence_gaps(b_edge.trim())
        .first()
        .copied()
        .unwrap_or(b_edge.trim().len())];
    let end = bare_end(a);
    // A block that ends a sentence stands apart (below) unless the next opens with the dash of
    // its dateline; deciding that first spares the furniture rules on most breaks of a page.
    if ends_sentence_block(a) && !b.starts_with(['\u{2014}', '\u{2013}', '-']) {
        return Join::Never;
    }
    // A byline or time stamp, a credit, a footer or a prompt on either side stands apart; a
    // block opening in lower case ("by FactSet had…") goes on with a sentence whatever it reads like.
    let b_lower = b.chars().next().is_some_and(char::is_lowercase);
    if super::boilerplate::standalone_furniture(a_edge)
        || (!b_lower && super::boilerplate::standalone_furniture(b_edge))
    {
        return Join::Never;
    }
    // A dateline cut before its dash ("COLUMBUS, Ohio (AP)" / "— A jury…", "Skarvik (INP)" /
    // "– Rail…"): the dash goes on with the dateline, it opens no list item.
    if b.starts_with(['\u{2014}', '\u{2013}', '-']) && a.split_whitespace().count() <= 6 {
        let wire = a
            .strip_suffix(')')
            .and_then(|x| x.rsplit_once('('))
            .is_some_and(|(_, w)| (2..=8).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase()));
        if wire || dateline_start(&format!("{a} {}", b.chars().next().unwrap_or(' '))) {
            return Join::Yes;
        }
    }
    // A sentence or the lead-in of a list ends; list items; a dateline opens the next block;
    // a kicker or subhead in capitals.
    if a.is_empty()
        || b.is_empty()
        || ends_sentence_block(a)
        || end.ends_with(':')
        || list_item(a_edge)
        || list_item(b_edge)
        || dateline_start(b_edge)
        || all_caps(a_edge)
        || all_caps(b_edge)
    {
        return Join::Never;
    }
    // The next block goes on with the sentence: lower case ("and JUSTIN SPIKE", "Tuesday to…"
    // never is), or punctuation that cannot open one.
    let lead = b.chars().next().unwrap_or(' ');
    let b_goes_on = lead.is_lowercase()
        || matches!(
            lead,
            ',' | ';' | ')' | '\u{2014}' | '\u{2013}' | '%' | '\u{2019}' | '&' | '\u{b7}' | '|'
        );
    // A figure that is not a year: news style spells out a number that opens a sentence
    // ("Six people…"), so "6% in after-hours trading" goes on with the one before.
    let first_token = b.split_whitespace().next().unwrap_or("");
    let year = first_token.len() == 4 && first_token.bytes().all(|c| c.is_ascii_digit());
    if b_goes_on || (lead.is_ascii_digit() && !year) {
        return Join::Yes;
    }
    // A dateline alone ("WASHINGTON (AP) —"), a prompt, a video's title with its length.
    if dateline_only(a_edge) || prompt_line(b_edge) || ends_with_video_length(end) {
        return Join::Never;
    }
    // This block stops on punctuation that cannot end one, or inside a bracket or quote.
    let punct_open = end.ends_with([
        ',', ';', '\u{2014}', '\u{2013}', '(', '-', '&', '/', '\u{b7}', '|',
    ]) || unclosed(a);
    if punct_open {
        return Join::Yes;
    }
    let last_word = end
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A headline may end on a particle ("Talks drag on") when the next block is the story's
    // prose, a sentence that ends as one; before a block that does not end a sentence, the
    // headline itself goes on ("Guard shot in" / "Northgate Centre van robbery").
    let headline_ends = first && PARTICLES.contains(&last_word.as_str()) && ends_sentence_block(b);
    let word_open = NEVER_LAST.contains(&last_word.as_str()) && !headline_ends;
    if furniture_line(b_edge) {
        return Join::Never;
    }
    if word_open {
        return Join::Yes;
    }
    // Nothing shows the sentence goes on. Furniture or a headline-like next block stays apart;
    // a block opening in lower case is a sentence's middle.
    if furniture_line(a_edge) {
        return Join::Never;
    }
    let a_words = a.split_whitespace().count();
    let b_headline = title_case(b) && !ends_sentence_block(b);
    if a.chars().next().is_some_and(char::is_lowercase) && !b_headline {
        return Join::Yes;
    }
    // A word that opens sentences ("The", "He", "In") is capitalised because one starts there.
    let b_word = b.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    // Title case is no sign of a headline here: on a page of fragments, after its first
    // sentence, a block cut inside a name reads "…Prime Minister Boris".
    // A short title-case block after prose that stops open is a name cut in two ("…talks with
    // Hungarian" / "Prime Minister Victor" / "Orban, who…") as often as a subhead: open too.
    if a_words >= 2 && (!b_headline || !title_case(a)) && !STARTERS.contains(&b_word) {
        Join::Maybe
    } else {
        Join::Never
    }
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
pub(super) const STARTERS: &[&str] = &[
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

    fn paras_of(t: &str) -> Vec<&str> {
        paragraphs(t, &lines(t))
            .into_iter()
            .map(|p| &t[p.range])
            .collect()
    }

    fn sents_of(t: &str) -> Vec<&str> {
        let ps = paragraphs(t, &lines(t));
        sentences(t, &ps).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn fragments_of_a_sentence_are_one_paragraph() {
        let t = "Harbour budget passes\n\nWESTHAVEN (AP) \u{2014} The council voted on\n\nTuesday to approve the budget. It took\n\nsix hours.\n\nThe mayor, who had\n\nopposed it, said little.";
        assert_eq!(
            paras_of(t),
            [
                "Harbour budget passes",
                "WESTHAVEN (AP) \u{2014} The council voted on\n\nTuesday to approve the budget. It took\n\nsix hours.",
                "The mayor, who had\n\nopposed it, said little."
            ]
        );
        assert_eq!(
            sents_of(t),
            [
                "Harbour budget passes",
                "WESTHAVEN (AP) \u{2014} The council voted on\n\nTuesday to approve the budget.",
                "It took\n\nsix hours.",
                "The mayor, who had\n\nopposed it, said little."
            ]
        );
        // The joined paragraph's line spans the blank line, as furniture reads it.
        let ps = paragraphs(t, &lines(t));
        assert_eq!(ps[2].lines, [ps[2].range.clone()]);
    }

    #[test]
    fn crlf_fragments_join_too() {
        let t = "Budget passes\r\n\r\nThe council voted on\r\n\r\nTuesday to approve the budget.";
        assert_eq!(paras_of(t), ["Budget passes", &t[17..]]);
        // A single line break is not a blank line: hard-wrapped prose stays as it was.
        let t = "Officials said the plan, which the council approved after a long debate on\nTuesday, would cost more than expected.\n\nNext.";
        assert_eq!(paras_of(t).len(), 2);
    }

    #[test]
    fn furniture_and_headings_are_not_fragments() {
        let cases = [
            // Headline, then the lead.
            "Council votes to approve harbour budget\n\nThe council voted on Tuesday.",
            // A headline ending with an adverb is still the headline.
            "Harbour strike talks drag on\n\nThe talks went into a fourth week.",
            // Byline, staff line, dateline-only line.
            "By Mara Quill\n\nThe council voted on Tuesday.",
            "Mara Quill, Associated Press\n\nThe council voted on Tuesday.",
            "WESTHAVEN, Calder (AP) \u{2014}\n\nThe council voted on Tuesday.",
            // Caption with its credit, and a credit line under a caption.
            "The mayor speaks in Westhaven on Tuesday (AP Photo/Jon Reyes)\n\nThe council voted on Tuesday.",
            "The mayor speaks in Westhaven on Tuesday\n\nJon Reyes / Calder Times via AP",
            // A block ending in a colon, list items, a subhead in capitals.
            "The plan includes the following:\n\nThe council voted on Tuesday.",
            "What the plan includes:\n\n- a new pier for the\n\n- two cranes",
            "RELATED COVERAGE\n\nthe council voted on Tuesday.",
            // Time stamps and promo links.
            "Posted 12:52 pm EDT June 29\n\nThe council voted on Tuesday.",
            "Officials said the damage was caused by the\n\nContinue Reading",
            // A title-case standfirst.
            "Harbour Strike Ends After Three Weeks Of Talks\n\nDockworkers returned on Tuesday.",
        ];
        for t in cases {
            assert!(paras_of(t).len() >= 2, "{t:?} joined");
        }
    }

    #[test]
    fn open_blocks_join_only_on_a_page_with_fragments() {
        // Ends with a name before a capitalised word: joined where fragments are shown elsewhere.
        let frag = "Lead paragraph of the story ends here.\n\nThe agreement was signed by Mayor Jane\n\nDoe and two aldermen.\n\nShe said the council voted on\n\nTuesday, after the\n\nhearing ended.";
        assert_eq!(paras_of(frag).len(), 3, "{:?}", paras_of(frag));
        // On a page with no other fragment, the same break is a subhead over its paragraph.
        let page = "Lead paragraph of the story ends here.\n\nWhat the agreement means for Westhaven\n\nDoe and two aldermen signed it.";
        assert_eq!(paras_of(page).len(), 3);
    }

    #[test]
    fn datelines_are_read_with_care() {
        assert!(dateline_start("WASHINGTON (AP) \u{2014} The"));
        assert!(dateline_start("ST. JOHNSBURY, Vt. -- A Vermont"));
        assert!(dateline_start("LONDON (Reuters) - Britain"));
        assert!(!dateline_start("NATO said on Tuesday \u{2014} again"));
        assert!(!dateline_start("U.S. officials said"));
        assert!(!dateline_start("NATO (the alliance) said"));
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
