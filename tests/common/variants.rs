//! Generated variants of an article's text, for properties of comparison and structure: layout
//! variants (typography and spacing only), fragment variants (paragraphs cut mid-sentence into
//! blank-line-separated blocks, as some member papers' sites serve wire copy), and exact edits
//! (one paragraph cut, one paragraph moved, one word changed) with what they changed.
//!
//! Use from a test file with `#[path = "common/variants.rs"] mod variants;`. Seeded, no crate
//! needed: the same seed gives the same variants.
#![allow(dead_code)]

use std::ops::Range;

/// xorshift64: small, seeded, good enough to pick positions.
pub struct Rng(pub u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// A layout variant: its kind (for counting) and its text.
pub struct Variant {
    pub kind: &'static str,
    pub text: String,
}

/// Every kind of layout variant, one of each, plus one that combines several (as the issue's
/// typeset copy: quotes, dashes, no-break spaces, double spaces, a hard wrap, a merge).
pub const LAYOUT_KINDS: [&str; 14] = [
    "curly-quotes",
    "straight-quotes",
    "dashes",
    "ellipsis",
    "nbsp",
    "double-space",
    "hard-wrap",
    "merge-paragraphs",
    "split-paragraph",
    "crlf",
    "soft-hyphens",
    "zero-width",
    "blank-line-runs",
    "combined",
];

/// The byte ranges of the paragraphs of `text`: blocks between blank lines.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    let mut last_end = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                out.push(s..last_end);
            }
        } else {
            if start.is_none() {
                start = Some(pos + (line.len() - line.trim_start().len()));
            }
            last_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(s..last_end);
    }
    out
}

/// Straight quotes become curly ones, by position (opening after a space or line start).
pub fn curly_quotes(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut prev = ' ';
    for c in t.chars() {
        let opening = prev.is_whitespace() || "([{\u{2014}-".contains(prev);
        out.push(match c {
            '"' if opening => '\u{201C}',
            '"' => '\u{201D}',
            '\'' if opening => '\u{2018}',
            '\'' => '\u{2019}',
            c => c,
        });
        prev = c;
    }
    out
}

pub fn straight_quotes(t: &str) -> String {
    t.chars()
        .map(|c| match c {
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2018}' | '\u{2019}' => '\'',
            c => c,
        })
        .collect()
}

/// Em dashes as `--`, double hyphens and en dashes used as dashes as em dashes.
pub fn dashes(t: &str) -> String {
    if t.contains('\u{2014}') {
        t.replace('\u{2014}', "--")
    } else {
        t.replace(" -- ", " \u{2014} ")
            .replace(" \u{2013} ", " \u{2014} ")
    }
}

pub fn ellipsis(t: &str) -> String {
    if t.contains('\u{2026}') {
        t.replace('\u{2026}', "...")
    } else {
        t.replace("...", "\u{2026}")
    }
}

/// Some spaces become no-break, thin or narrow no-break spaces.
pub fn nbsp(t: &str, rng: &mut Rng) -> String {
    t.chars()
        .map(|c| {
            if c == ' ' && rng.chance(6) {
                ['\u{00A0}', '\u{2009}', '\u{202F}'][rng.below(3)]
            } else {
                c
            }
        })
        .collect()
}

pub fn double_space(t: &str) -> String {
    t.replace(". ", ".  ").replace("? ", "?  ")
}

/// Every paragraph re-wrapped at `width` columns (line breaks inside paragraphs only).
///
/// A block's line break is re-flowed only where it is itself a wrap: where the next line's
/// first word would not have fitted on the line (the mark of any greedy wrap), in a block
/// whose widest line is as wide as wrapped text is (40 to 100 columns). Elsewhere the break is the page's own
/// structure, kept: the items of a menu, a slug over its caption, a headline over its video
/// length, a page written one paragraph a line without blank lines between. Joining those
/// lines would merge what the page set apart (a merge, not a re-wrap); a line of them that is
/// longer than `width` is wrapped on its own.
pub fn hard_wrap(t: &str, width: usize) -> String {
    let paras = paragraphs(t);
    let mut out = String::new();
    let mut pos = 0;
    for p in paras {
        out.push_str(&t[pos..p.start]);
        let lines: Vec<&str> = t[p.clone()]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
        // Runs of lines wrapped into each other; each run is re-flowed as one text.
        let mut runs: Vec<Vec<&str>> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let soft = i > 0 && (40..=100).contains(&widest) && {
                let prev = lines[i - 1].chars().count();
                let word = l.split_whitespace().next().map_or(0, |w| w.chars().count());
                prev + 1 + word > widest
            };
            match runs.last_mut() {
                Some(run) if soft => run.push(l),
                _ => runs.push(vec![l]),
            }
        }
        for (r, run) in runs.iter().enumerate() {
            if r > 0 {
                out.push('\n');
            }
            let mut col = 0;
            for (k, w) in run.iter().flat_map(|l| l.split_whitespace()).enumerate() {
                let n = w.chars().count();
                if k > 0 {
                    if col + 1 + n > width {
                        out.push('\n');
                        col = 0;
                    } else {
                        out.push(' ');
                        col += 1;
                    }
                }
                out.push_str(w);
                col += n;
            }
        }
        pos = p.end;
    }
    out.push_str(&t[pos..]);
    out
}

/// Paragraph `k` and the next written as one.
pub fn merge_paragraphs(t: &str, k: usize) -> Option<String> {
    let p = paragraphs(t);
    let (x, y) = (p.get(k)?, p.get(k + 1)?);
    Some(format!("{} {}", &t[..x.end], &t[y.start..]))
}

/// Sentence ends inside a paragraph: a full stop, question or exclamation mark (maybe closing a
/// quote) then a space and a capital letter. Byte positions of the space.
fn sentence_gaps(t: &str, r: Range<usize>) -> Vec<usize> {
    let s = &t[r.clone()];
    let b = s.as_bytes();
    let mut out = Vec::new();
    for (i, c) in s.char_indices() {
        if c != ' ' || i < 4 {
            continue;
        }
        let before = s[..i].trim_end_matches(['"', '\u{201D}', '\'', '\u{2019}']);
        let next = s[i + 1..].chars().next().unwrap_or(' ');
        let last_word = before.rsplit(' ').next().unwrap_or("");
        if before.ends_with(['.', '?', '!'])
            && next.is_uppercase()
            && last_word.chars().filter(|c| c.is_alphabetic()).count() > 3
            && b.get(i + 1).is_some()
        {
            out.push(r.start + i);
        }
    }
    out
}

/// One paragraph split in two at a sentence end.
pub fn split_paragraph(t: &str, rng: &mut Rng) -> Option<String> {
    let gaps: Vec<usize> = paragraphs(t)
        .into_iter()
        .flat_map(|p| sentence_gaps(t, p))
        .collect();
    if gaps.is_empty() {
        return None;
    }
    let g = gaps[rng.below(gaps.len())];
    Some(format!("{}\n\n{}", &t[..g], &t[g + 1..]))
}

/// Soft hyphens inside some long words.
pub fn soft_hyphens(t: &str, rng: &mut Rng) -> String {
    insert_in_words(t, '\u{00AD}', rng)
}

/// Zero-width spaces inside some long words.
pub fn zero_width(t: &str, rng: &mut Rng) -> String {
    insert_in_words(t, '\u{200B}', rng)
}

fn insert_in_words(t: &str, mark: char, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(t.len() + 64);
    let mut run = 0;
    for c in t.chars() {
        if c.is_alphabetic() {
            run += 1;
        } else {
            run = 0;
        }
        out.push(c);
        if run == 4 && rng.chance(4) {
            out.push(mark);
        }
    }
    out
}

/// Paragraph breaks written with more blank lines, and trailing spaces on lines.
pub fn blank_line_runs(t: &str) -> String {
    t.replace("\n\n", "  \n\n\n")
}

/// The layout variants of `text`, one per kind (kinds that do not apply are left out).
pub fn layout_variants(text: &str, seed: u64) -> Vec<Variant> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut push = |kind: &'static str, t: String| {
        if t != text {
            out.push(Variant { kind, text: t });
        }
    };
    push("curly-quotes", curly_quotes(text));
    push("straight-quotes", straight_quotes(text));
    push("dashes", dashes(text));
    push("ellipsis", ellipsis(text));
    push("nbsp", nbsp(text, &mut rng));
    push("double-space", double_space(text));
    let width = 40 + rng.below(50);
    push("hard-wrap", hard_wrap(text, width));
    let n = paragraphs(text).len();
    if n >= 3 {
        let k = 1 + rng.below(n - 2);
        if let Some(t) = merge_paragraphs(text, k) {
            push("merge-paragraphs", t);
        }
    }
    if let Some(t) = split_paragraph(text, &mut rng) {
        push("split-paragraph", t);
    }
    push("crlf", text.replace("\r\n", "\n").replace('\n', "\r\n"));
    push("soft-hyphens", soft_hyphens(text, &mut rng));
    push("zero-width", zero_width(text, &mut rng));
    push("blank-line-runs", blank_line_runs(text));
    let mut t = if text.contains('\u{201C}') {
        straight_quotes(text)
    } else {
        curly_quotes(text)
    };
    t = dashes(&t);
    t = nbsp(&t, &mut rng);
    t = double_space(&t);
    t = hard_wrap(&t, 70);
    if n >= 3 {
        let k = 1 + rng.below(n - 2);
        t = merge_paragraphs(&t, k.min(paragraphs(&t).len().saturating_sub(2))).unwrap_or(t);
    }
    push("combined", t);
    out
}

/// Each paragraph of more than a few words cut mid-sentence into blank-line-separated blocks:
/// at a space that does not follow terminal punctuation, once or twice a paragraph.
pub fn fragments(text: &str, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut cuts: Vec<usize> = Vec::new();
    for p in paragraphs(text) {
        let s = &text[p.clone()];
        let spaces: Vec<usize> = s
            .char_indices()
            .filter(|&(i, c)| {
                c == ' '
                    && !s[..i].ends_with(['.', '?', '!', ':', '"', '\u{201D}'])
                    && i > 10
                    && s.len() - i > 10
            })
            .map(|(i, _)| p.start + i)
            .collect();
        if spaces.len() < 6 {
            continue;
        }
        let k = 1 + rng.below(2);
        let mut picked: Vec<usize> = (0..k).map(|_| spaces[rng.below(spaces.len())]).collect();
        picked.sort_unstable();
        picked.dedup();
        cuts.extend(picked);
    }
    break_at(text, &cuts)
}

/// `text` with each of the spaces at byte positions `cuts` (ascending) made a blank line.
pub fn break_at(text: &str, cuts: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + cuts.len() * 2);
    let mut pos = 0;
    for &c in cuts {
        out.push_str(&text[pos..c]);
        out.push_str("\n\n");
        pos = c + 1;
    }
    out.push_str(&text[pos..]);
    out
}

/// One paragraph cut: the new text and the paragraph's range in the old one.
pub fn cut_paragraph(text: &str, k: usize) -> Option<(String, Range<usize>)> {
    cut_paragraph_of(text, &paragraphs(text), k)
}

/// One of the paragraphs `p` (byte ranges of `text`, in order; the loader's, say, where a
/// paragraph may span blank-line-separated fragments) cut, as [`cut_paragraph`] does.
pub fn cut_paragraph_of(text: &str, p: &[Range<usize>], k: usize) -> Option<(String, Range<usize>)> {
    let r = p.get(k)?.clone();
    let t = match p.get(k + 1) {
        Some(next) => format!("{}{}", &text[..r.start], &text[next.start..]),
        None => {
            let prev = p.get(k.checked_sub(1)?)?;
            format!("{}{}", &text[..prev.end], &text[r.end..])
        }
    };
    Some((t, r))
}

/// Paragraph `k` moved to stand before paragraph `to` (indices of the original), or after the
/// last when `to` is the number of paragraphs. The new text and the paragraph's old range.
pub fn move_paragraph(text: &str, k: usize, to: usize) -> Option<(String, Range<usize>)> {
    move_paragraph_of(text, &paragraphs(text), k, to)
}

/// [`move_paragraph`] over the given paragraphs (byte ranges of `text`, in order).
pub fn move_paragraph_of(
    text: &str,
    p: &[Range<usize>],
    k: usize,
    to: usize,
) -> Option<(String, Range<usize>)> {
    if k >= p.len() || to > p.len() || to == k || to == k + 1 {
        return None;
    }
    let blocks: Vec<&str> = p.iter().map(|r| &text[r.clone()]).collect();
    let mut order: Vec<usize> = (0..p.len()).filter(|&i| i != k).collect();
    let at = order.iter().position(|&i| i == to).unwrap_or(order.len());
    order.insert(at, k);
    let body: Vec<&str> = order.iter().map(|&i| blocks[i]).collect();
    let t = format!(
        "{}{}{}",
        &text[..p[0].start],
        body.join("\n\n"),
        &text[p[p.len() - 1].end..]
    );
    Some((t, p[k].clone()))
}

/// One word changed: the new text, the word's range in the old text and the new word's range
/// in the new text. Picks a lower-case word of at least five letters in `allowed`.
pub fn change_word(
    text: &str,
    seed: u64,
    allowed: impl Fn(Range<usize>) -> bool,
) -> Option<(String, Range<usize>, Range<usize>)> {
    let mut rng = Rng::new(seed);
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if c.is_ascii_lowercase() {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                let before = text[..s].chars().next_back().unwrap_or(' ');
                let ok_edges = !before.is_alphanumeric() && !c.is_alphanumeric() && !"'\u{2019}-".contains(c);
                if i - s >= 5 && ok_edges && !"'\u{2019}-".contains(before) && allowed(s..i) {
                    words.push(s..i);
                }
            }
        }
    }
    if words.is_empty() {
        return None;
    }
    let r = words[rng.below(words.len())].clone();
    let new = "quillwort";
    let t = format!("{}{new}{}", &text[..r.start], &text[r.end..]);
    Some((t, r.clone(), r.start..r.start + new.len()))
}
