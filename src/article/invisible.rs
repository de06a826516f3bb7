//! Characters that change nothing a reader sees: soft hyphens, zero-width spaces and joiners,
//! word joiners and stray byte-order marks. Pages scatter them through words ("Wash\u{ad}ington")
//! to mark hyphenation points or to defeat copying; the structure rules (sentence ends,
//! abbreviations, credits, datelines) must read through them, so they run on a copy of the text
//! without them, and their ranges are mapped back to the file's own text, which is never changed.
//!
//! Our own, small piece: the map is a sparse list of the deletion points, so a text without
//! these characters costs one scan and no copy.

use std::ops::Range;

/// Whether `c` is invisible layout that analysis reads through.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    )
}

/// A text with its invisible characters removed, and the way back to the original's offsets.
#[derive(Debug, Clone)]
pub struct Visible {
    pub text: String,
    /// Deletion points: (byte offset in `text` where deleted bytes stood just before, deleted
    /// bytes so far including those).
    cuts: Vec<(usize, usize)>,
}

impl Visible {
    /// The visible text of `original`, or `None` when it holds no invisible character.
    pub fn of(original: &str) -> Option<Visible> {
        if !original.chars().any(is_invisible) {
            return None;
        }
        let mut text = String::with_capacity(original.len());
        let mut cuts: Vec<(usize, usize)> = Vec::new();
        let mut deleted = 0;
        for c in original.chars() {
            if is_invisible(c) {
                deleted += c.len_utf8();
                match cuts.last_mut() {
                    Some(last) if last.0 == text.len() => last.1 = deleted,
                    _ => cuts.push((text.len(), deleted)),
                }
            } else {
                text.push(c);
            }
        }
        Some(Visible { text, cuts })
    }

    /// Where a range starting at `pos` of the visible text starts in the original: after any
    /// invisible characters just before it.
    pub fn start(&self, pos: usize) -> usize {
        let k = self.cuts.partition_point(|&(p, _)| p <= pos);
        pos + if k == 0 { 0 } else { self.cuts[k - 1].1 }
    }

    /// Where a range ending at `pos` of the visible text ends in the original: before any
    /// invisible characters just after it.
    pub fn end(&self, pos: usize) -> usize {
        let k = self.cuts.partition_point(|&(p, _)| p < pos);
        pos + if k == 0 { 0 } else { self.cuts[k - 1].1 }
    }

    pub fn range(&self, r: &Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let s = self.start(r.start);
            return s..s;
        }
        self.start(r.start)..self.end(r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_map_back_around_the_invisible_characters() {
        let t = "Wash\u{ad}ington \u{200b}\u{200b}said. Next\u{feff}";
        let v = Visible::of(t).unwrap();
        assert_eq!(v.text, "Washington said. Next");
        let map = |s: &str| {
            let at = v.text.find(s).unwrap();
            &t[v.range(&(at..at + s.len()))]
        };
        assert_eq!(map("Washington"), "Wash\u{ad}ington");
        assert_eq!(map("said."), "said.");
        assert_eq!(map("Washington said."), "Wash\u{ad}ington \u{200b}\u{200b}said.");
        assert_eq!(map("Next"), "Next");
        assert_eq!(v.range(&(v.text.len()..v.text.len())), t.len()..t.len());
        assert!(Visible::of("plain text").is_none());
    }
}
