//! Offsets: the core keeps byte ranges into an article's text; the outside world (JSON, notes)
//! sees character (Unicode scalar value) offsets. This module converts between the two.

use std::ops::Range;

/// Converts byte offsets of one text to character offsets and back, in O(log n) per lookup
/// after an O(n) build. Only non-ASCII characters are recorded, so ASCII text costs nothing.
#[derive(Debug, Clone)]
pub struct CharMap {
    /// Byte offset of each non-ASCII character, in order, with the extra bytes seen before it.
    wide: Vec<(usize, usize)>,
    len_bytes: usize,
    len_chars: usize,
}

impl CharMap {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0usize;
        for (i, c) in text.char_indices() {
            let n = c.len_utf8();
            if n > 1 {
                wide.push((i, extra));
                extra += n - 1;
            }
        }
        CharMap {
            wide,
            len_bytes: text.len(),
            len_chars: text.len() - extra,
        }
    }

    /// Character offset of a byte offset (which must be on a char boundary; otherwise the
    /// character it falls inside is counted as before it).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        // Number of wide chars starting strictly before `byte`.
        let k = self.wide.partition_point(|&(b, _)| b < byte);
        if k == 0 {
            return byte;
        }
        let (b, extra_before) = self.wide[k - 1];
        // Bytes of the last wide char before `byte` that lie before `byte`, beyond its first.
        let inside = (byte - b).saturating_sub(1);
        let last_extra = self.char_len_at(k - 1) - 1;
        byte - extra_before - inside.min(last_extra)
    }

    /// Byte offset of a character offset (clamped to the end of the text).
    pub fn byte_of(&self, ch: usize) -> usize {
        if ch >= self.len_chars {
            return self.len_bytes;
        }
        // Find the last wide char whose char index is < ch.
        let k = self.wide.partition_point(|&(b, extra)| b - extra < ch);
        if k == 0 {
            return ch;
        }
        let (b, extra_before) = self.wide[k - 1];
        let wide_char = b - extra_before;
        // ch > wide_char: add the wide char's full length.
        b + self.char_len_at(k - 1) + (ch - wide_char - 1)
    }

    pub fn range_to_chars(&self, r: &Range<usize>) -> [usize; 2] {
        [self.char_of(r.start), self.char_of(r.end)]
    }

    pub fn range_to_bytes(&self, start: usize, end: usize) -> Range<usize> {
        self.byte_of(start)..self.byte_of(end)
    }

    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    fn char_len_at(&self, k: usize) -> usize {
        let extra_here = match self.wide.get(k + 1) {
            Some(&(_, next_extra)) => next_extra - self.wide[k].1,
            None => (self.len_bytes - self.len_chars) - self.wide[k].1,
        };
        extra_here + 1
    }
}

/// Largest char boundary at or below `i`.
pub fn floor_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Smallest char boundary at or above `i`.
pub fn ceil_boundary(s: &str, i: usize) -> usize {
    let mut i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity() {
        let m = CharMap::new("hello");
        assert_eq!(m.char_of(3), 3);
        assert_eq!(m.byte_of(3), 3);
        assert_eq!(m.len_chars(), 5);
    }

    #[test]
    fn mixed_text() {
        let s = "a’b€c😀d";
        let m = CharMap::new(s);
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            assert_eq!(m.char_of(bi), ci, "byte {bi}");
            assert_eq!(m.byte_of(ci), bi, "char {ci}");
        }
        assert_eq!(m.char_of(s.len()), s.chars().count());
        assert_eq!(m.byte_of(s.chars().count()), s.len());
    }

    proptest! {
        #[test]
        fn roundtrip(s in "\\PC{0,40}") {
            let m = CharMap::new(&s);
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(m.char_of(bi), ci);
                prop_assert_eq!(m.byte_of(ci), bi);
            }
            prop_assert_eq!(m.len_chars(), s.chars().count());
        }
    }
}
