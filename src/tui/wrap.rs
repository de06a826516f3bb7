//! Wrapping an article's text into screen lines of a given width, as byte ranges into the text.
//!
//! Written here rather than taken from a crate because the reader needs each screen line as
//! ranges into `Article::text` (so search, boilerplate and later entity and note styles can be
//! laid over it by offset), paragraph spacing from the article's own paragraphs, and hidden
//! ranges (boilerplate) left out without copying the text. Widths are terminal cells of
//! grapheme clusters (unicode-width), so CJK and emoji take their two cells.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// One screen line: a few runs of text (usually one), shown joined by single spaces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualLine {
    runs: Range<u32>,
    /// Index of the paragraph this line belongs to; `None` for the blank line between paragraphs.
    pub paragraph: Option<u32>,
    /// First byte shown on the line (for a blank line, the end of the line before): never
    /// decreasing down the article, so a byte offset finds its line by binary search.
    pub byte: usize,
}

/// An article wrapped at one width with one set of hidden ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wrapped {
    lines: Vec<VisualLine>,
    runs: Vec<Range<usize>>,
}

impl Wrapped {
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    pub fn line(&self, i: usize) -> Option<&VisualLine> {
        self.lines.get(i)
    }

    /// The byte ranges shown on line `i`, in order; empty for a blank line.
    pub fn runs(&self, i: usize) -> &[Range<usize>] {
        match self.lines.get(i) {
            Some(l) => &self.runs[l.runs.start as usize..l.runs.end as usize],
            None => &[],
        }
    }

    /// The line showing byte `pos`, or the nearest text line before it.
    pub fn line_of_byte(&self, pos: usize) -> usize {
        let mut i = self.lines.partition_point(|l| l.byte <= pos).saturating_sub(1);
        while i > 0 && self.lines[i].paragraph.is_none() {
            i -= 1;
        }
        i
    }
}

/// Display width of one grapheme cluster; control characters are not drawn, so they take none.
pub fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        0
    } else {
        g.width()
    }
}

/// Display width of a string as the reader draws it.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes().filter(|b| !b.is_ascii_control()).count()
    } else {
        s.graphemes(true).map(grapheme_width).sum()
    }
}

/// Where a line may break. No-break spaces keep "Feb.\u{a0}1" together, as they are meant to.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}')
}

fn is_hard_break(c: char) -> bool {
    matches!(c, '\n' | '\u{2028}' | '\u{2029}')
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Wraps `text` at `width` cells. Each paragraph (a byte range) starts on a new line with a blank
/// line before it; a newline inside a paragraph is kept as a line break; ranges in `hidden`
/// (sorted) are left out, and a paragraph left empty disappears with its spacing. Ranges that do
/// not fit the text are clamped, never a panic. With no paragraphs, the whole text is one.
/// `s` wrapped at spaces to `width` cells (a word longer than that is broken), one string a
/// screen line: for short texts drawn in a box (help rows, problems).
pub fn wrap_str(s: &str, width: usize) -> Vec<String> {
    let w = wrap(s, &[], &[], width.max(1));
    let out: Vec<String> = (0..w.len())
        .map(|i| {
            w.runs(i)
                .iter()
                .filter_map(|r| s.get(r.clone()))
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    if out.is_empty() { vec![String::new()] } else { out }
}

pub fn wrap(text: &str, paragraphs: &[Range<usize>], hidden: &[Range<usize>], width: usize) -> Wrapped {
    let whole = 0..text.len();
    let paragraphs = if paragraphs.is_empty() {
        std::slice::from_ref(&whole)
    } else {
        paragraphs
    };
    let mut b = Builder {
        text,
        width: width.max(1),
        out: Wrapped::default(),
        line_start: 0,
        used: 0,
        has: false,
        last_end: None,
        paragraph: 0,
    };
    for (pi, p) in paragraphs.iter().enumerate() {
        let start = floor_boundary(text, p.start);
        let end = floor_boundary(text, p.end);
        if start >= end {
            continue;
        }
        let before = b.out.lines.len();
        if before > 0 {
            let byte = b.out.lines[before - 1]
                .byte
                .max(b.out.runs.last().map_or(0, |r| r.end));
            b.out.lines.push(VisualLine {
                runs: b.line_start as u32..b.line_start as u32,
                paragraph: None,
                byte,
            });
        }
        b.paragraph = pi as u32;
        for piece in visible_pieces(text, start..end, hidden) {
            b.last_end = None;
            b.piece(piece);
        }
        b.flush();
        if b.out.lines.len() == before + 1 && before > 0 {
            b.out.lines.pop();
        }
    }
    b.out
}

/// `p` minus the hidden ranges that overlap it.
fn visible_pieces(text: &str, p: Range<usize>, hidden: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = p.start;
    let first = hidden.partition_point(|h| h.end <= p.start);
    for h in hidden.get(first..).unwrap_or(&[]) {
        if h.start >= p.end {
            break;
        }
        let hs = floor_boundary(text, h.start.max(pos));
        if hs > pos {
            out.push(pos..hs);
        }
        pos = pos.max(floor_boundary(text, h.end));
    }
    if pos < p.end {
        out.push(pos..p.end);
    }
    out
}

struct Builder<'t> {
    text: &'t str,
    width: usize,
    out: Wrapped,
    /// Index in `out.runs` where the current line's runs begin.
    line_start: usize,
    used: usize,
    has: bool,
    last_end: Option<usize>,
    paragraph: u32,
}

impl Builder<'_> {
    fn piece(&mut self, piece: Range<usize>) {
        let text = self.text;
        let mut word_start: Option<usize> = None;
        // Line breaks in the white space before the next word: one is kept as a break; a blank
        // line inside a paragraph is where the loader joined a sentence's fragments, so it reads
        // as a space.
        let mut breaks = 0;
        for (i, c) in text[piece.clone()].char_indices() {
            let i = piece.start + i;
            if is_break_space(c) {
                if let Some(s) = word_start.take() {
                    self.word(s, i);
                }
                if is_hard_break(c) {
                    breaks += 1;
                }
            } else if word_start.is_none() {
                if breaks == 1 {
                    self.flush();
                }
                breaks = 0;
                word_start = Some(i);
            }
        }
        if let Some(s) = word_start {
            self.word(s, piece.end);
        }
        if breaks == 1 {
            self.flush();
        }
    }

    fn word(&mut self, s: usize, e: usize) {
        let w = str_width(&self.text[s..e]);
        if w == 0 {
            // Nothing to see (control characters, a stray combining mark): not worth a space.
            return;
        }
        // Room left on this line, after the space that would separate the word.
        let room = if self.has {
            self.width.checked_sub(self.used + 1)
        } else {
            Some(self.width)
        };
        if room.is_some_and(|r| w <= r) {
            self.push(s, e, w);
            return;
        }
        if w <= self.width {
            self.flush();
            self.push(s, e, w);
            return;
        }
        // Longer than a whole line (a URL, a run of CJK without spaces): fill lines by grapheme.
        let mut avail = match room {
            Some(r) if r > 0 => r,
            _ => {
                self.flush();
                self.width
            }
        };
        let mut chunk_start = s;
        let mut chunk_w = 0;
        for (off, g) in self.text[s..e].grapheme_indices(true) {
            let gw = grapheme_width(g);
            let gs = s + off;
            if chunk_w + gw > avail && (chunk_w > 0 || self.has) {
                if chunk_w > 0 {
                    self.push(chunk_start, gs, chunk_w);
                }
                self.flush();
                avail = self.width;
                chunk_start = gs;
                chunk_w = 0;
            }
            chunk_w += gw;
        }
        if e > chunk_start {
            self.push(chunk_start, e, chunk_w);
        }
    }

    fn push(&mut self, s: usize, e: usize, w: usize) {
        if self.has {
            self.used += 1 + w;
            // Words separated by exactly one space stay in one run, so the line is one slice.
            let glued = self.last_end.is_some_and(|le| self.text.get(le..s) == Some(" "));
            match self.out.runs.last_mut() {
                Some(r) if glued => r.end = e,
                _ => self.out.runs.push(s..e),
            }
        } else {
            self.used = w;
            self.has = true;
            self.out.runs.push(s..e);
        }
        self.last_end = Some(e);
    }

    fn flush(&mut self) {
        if !self.has {
            return;
        }
        let byte = self.out.runs[self.line_start].start;
        self.out.lines.push(VisualLine {
            runs: self.line_start as u32..self.out.runs.len() as u32,
            paragraph: Some(self.paragraph),
            byte,
        });
        self.line_start = self.out.runs.len();
        self.has = false;
        self.used = 0;
        self.last_end = None;
    }
}

#[cfg(test)]
// A list of one range is what these functions take; clippy suspects a misplaced `collect`.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn wrap_str_breaks_at_spaces_within_the_width() {
        assert_eq!(wrap_str("one two three", 8), vec!["one two", "three"]);
        assert_eq!(wrap_str("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap_str("", 4), vec![""]);
        assert!(wrap_str("日本語の文章", 3).iter().all(|l| str_width(l) <= 3));
    }

    /// The lines as the reader shows them.
    fn show(text: &str, w: &Wrapped) -> Vec<String> {
        (0..w.len())
            .map(|i| {
                w.runs(i)
                    .iter()
                    .map(|r| &text[r.clone()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn wraps_at_word_boundaries_with_paragraph_spacing() {
        let text = "one two three four five\n\nsix seven";
        let w = wrap(text, &[0..23, 25..34], &[], 10);
        assert_eq!(show(text, &w), ["one two", "three four", "five", "", "six seven"]);
        assert_eq!(w.line(3).unwrap().paragraph, None);
        assert_eq!(w.line(4).unwrap().paragraph, Some(1));
        // A wrapped line of single-spaced words is one run, not one per word.
        assert_eq!(w.runs(1).len(), 1);
    }

    #[test]
    fn a_blank_line_inside_a_paragraph_reads_as_a_space() {
        // The loader joins a sentence's blank-line-separated fragments into one paragraph.
        let text = "the council voted on\r\n\r\nTuesday to approve\nit";
        let w = wrap(text, &[0..text.len()], &[], 40);
        assert_eq!(show(text, &w), ["the council voted on Tuesday to approve", "it"]);
    }

    #[test]
    fn no_line_is_wider_than_the_width() {
        let text =
            "Putin said the West ignored Russia's demands; 普京周二指责美国和北约无视俄罗斯的安全要求 👩‍👩‍👧 end";
        for width in 1..40 {
            let w = wrap(text, &[], &[], width);
            for line in show(text, &w) {
                let lw = str_width(&line);
                // A single grapheme wider than the line is the one thing allowed to overflow.
                assert!(lw <= width.max(2), "width {width}: {line:?} is {lw}");
            }
            let shown: String = show(text, &w)
                .concat()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let orig: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(shown, orig, "width {width} lost text");
        }
    }

    #[test]
    fn cjk_counts_two_cells() {
        let text = "日本語の文章";
        let w = wrap(text, &[], &[], 4);
        assert_eq!(show(text, &w), ["日本", "語の", "文章"]);
    }

    #[test]
    fn hidden_ranges_are_left_out_and_empty_paragraphs_vanish() {
        let text = "Lead para.\n\nPhoto: AP\n\nNext para 01:58";
        let w = wrap(text, &[0..10, 12..21, 23..38], &[12..21, 33..38], 80);
        assert_eq!(show(text, &w), ["Lead para.", "", "Next para"]);
    }

    #[test]
    fn newline_inside_a_paragraph_breaks_the_line() {
        let text = "Russia Hungary\nCaption text";
        let w = wrap(text, &[0..text.len()], &[], 80);
        assert_eq!(show(text, &w), ["Russia Hungary", "Caption text"]);
    }

    #[test]
    fn extra_spaces_become_one_and_runs_split() {
        let text = "demands.  Next";
        let w = wrap(text, &[], &[], 80);
        assert_eq!(show(text, &w), ["demands. Next"]);
        assert_eq!(w.runs(0).len(), 2);
    }

    #[test]
    fn line_of_byte_finds_the_line() {
        let text = "one two three four five\n\nsix seven";
        let w = wrap(text, &[0..23, 25..34], &[], 10);
        assert_eq!(w.line_of_byte(0), 0);
        assert_eq!(w.line_of_byte(8), 1);
        assert_eq!(w.line_of_byte(26), 4);
        assert_eq!(
            w.line_of_byte(24),
            2,
            "a byte between paragraphs belongs to the text before"
        );
    }

    #[test]
    fn bad_ranges_do_not_panic() {
        let text = "héllo wörld";
        let backwards = Range { start: 9, end: 3 };
        let w = wrap(text, &[0..2, 5..500, backwards], &[1..2, 100..200], 3);
        assert!(!w.is_empty());
        let _ = wrap("", &[], &[], 0);
        let _ = wrap("a\u{7}b\tc", &[], &[], 0);
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        fn ranges(max: usize) -> impl Strategy<Value = Vec<Range<usize>>> {
            proptest::collection::vec((0..max, 0..max).prop_map(|(a, b)| a..b), 0..8)
        }

        proptest! {
            /// Any text, any (even nonsensical) paragraph and hidden ranges, any width: no panic,
            /// every run a valid slice, no line wider than the width unless it is one grapheme.
            #[test]
            fn wrapping_never_panics_and_fits(
                text in "(\\PC|\\s|[\u{0}-\u{1f}]|日本|👩‍👩‍👧){0,200}",
                paras in ranges(300),
                hidden in ranges(300),
                width in 0usize..50,
            ) {
                let w = wrap(&text, &paras, &hidden, width);
                for i in 0..w.len() {
                    let mut lw = 0;
                    for (k, r) in w.runs(i).iter().enumerate() {
                        let piece = text.get(r.clone());
                        prop_assert!(piece.is_some(), "run {r:?} is not a slice of the text");
                        lw += str_width(piece.unwrap_or("")) + usize::from(k > 0);
                    }
                    // One visible grapheme wider than the line may overflow; nothing else may.
                    let single = w.runs(i).len() == 1
                        && text[w.runs(i)[0].clone()].graphemes(true).filter(|g| grapheme_width(g) > 0).count() == 1;
                    prop_assert!(lw <= width.max(1) || single, "line {i} is {lw} wide at {width}");
                    let _ = w.line_of_byte(i * 7);
                }
            }
        }
    }
}
