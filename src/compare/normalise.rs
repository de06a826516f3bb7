//! Tokens for matching: each word keeps its byte range in the original text (shown) and a
//! normalised key (matched), as CollateX keeps two forms of each token. Quote styles, dashes,
//! ellipses, spacing, line wrapping, Unicode forms, accents and case never reach the key.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// One word of a version.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the article's text.
    pub range: Range<usize>,
    /// Hash of the normalised form; equal keys mean "the same word" for matching.
    pub key: u64,
    /// Inside quotation marks: counts little as evidence of reuse.
    pub quoted: bool,
    /// Written with a capital letter: a cheap stand-in for "part of a name".
    pub cap: bool,
    /// A function word (of, the, said…): carries no evidence on its own.
    pub stop: bool,
    /// A figure (holds a digit): 9, 2025, 4.5.
    pub num: bool,
}

/// Splits `text` into word tokens, leaving out those that start inside `skip` (sorted byte
/// ranges, e.g. boilerplate).
pub fn tokenise(text: &str, skip: &[Range<usize>]) -> Vec<Token> {
    let quotes = quoted_spans(text);
    let mut qi = 0;
    let mut si = 0;
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut buf = String::new();
    for (start, end) in words(text) {
        let w = &text[start..end];
        while si < skip.len() && skip[si].end <= start {
            si += 1;
        }
        if si < skip.len() && skip[si].start <= start {
            continue;
        }
        while qi < quotes.len() && quotes[qi].end <= start {
            qi += 1;
        }
        let quoted = qi < quotes.len() && quotes[qi].start <= start;
        normalise_word(w, &mut buf);
        let first = w.chars().next().unwrap_or(' ');
        let key = hash_str(&buf);
        out.push(Token {
            range: start..end,
            key,
            quoted,
            cap: first.is_uppercase(),
            stop: stop_keys().contains(&key),
            num: w.bytes().any(|b| b.is_ascii_digit()),
        });
    }
    out
}

/// The words of `text` as byte ranges (start, end), by Unicode word boundaries, as a reader
/// sees them: invisible characters that typesetting adds (soft hyphens, zero-width spaces and
/// joiners, a stray BOM; a line break right after a soft hyphen) neither break a word nor make
/// one, and every white space character separates words (UAX #29 keeps a narrow no-break
/// space inside a word, for Mongolian; in English copy it is a space).
pub fn words(text: &str) -> Vec<(usize, usize)> {
    let has_invisible = text.contains(is_invisible);
    if !has_invisible {
        return split_words(text);
    }
    // Word boundaries of the text without its invisible characters, mapped back.
    let mut clean = String::with_capacity(text.len());
    let mut at: Vec<usize> = Vec::with_capacity(text.len() + 1);
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_invisible(c) {
            // A line break after a soft hyphen is where the word was wrapped: part of it.
            if c == '\u{00AD}' {
                if let Some(&(_, '\r')) = chars.peek() {
                    chars.next();
                }
                if let Some(&(_, '\n')) = chars.peek() {
                    chars.next();
                }
            }
            continue;
        }
        for k in 0..c.len_utf8() {
            at.push(i + k);
        }
        clean.push(c);
    }
    at.push(text.len());
    split_words(&clean)
        .into_iter()
        .map(|(s, e)| {
            // The end is just after the word's last character, not past invisible ones.
            let last = clean[..e].chars().next_back().map_or(1, char::len_utf8);
            (at[s], at[e - last] + last)
        })
        .collect()
}

/// Words by UAX #29, with ASCII chunks that are one plain word (letters and digits, plain
/// punctuation at their ends) taken without running the segmenter, as `count_words` in
/// article::segment does (its property test checks the same split against the segmenter):
/// tokenising is a large part of comparing long versions.
fn split_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        if bytes[pos].is_ascii_whitespace() || bytes[pos] == 0x0b {
            pos += 1;
            continue;
        }
        let start = pos;
        while pos < bytes.len() && !(bytes[pos].is_ascii_whitespace() || bytes[pos] == 0x0b) {
            pos += 1;
        }
        // Chunks end at ASCII bytes, so `start..pos` is on character boundaries.
        let chunk = &text[start..pos];
        let core = chunk.trim_matches(|c: char| c.is_ascii_punctuation() && c != '_');
        if !core.is_empty() && core.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let lead = chunk.len()
                - chunk
                    .trim_start_matches(|c: char| c.is_ascii_punctuation() && c != '_')
                    .len();
            out.push((start + lead, start + lead + core.len()));
        } else if !core.is_empty() {
            segment_words(chunk, start, &mut out);
        }
    }
    out
}

/// UAX #29 words of `chunk` (at `base` in the text), split again at any white space.
fn segment_words(chunk: &str, base: usize, out: &mut Vec<(usize, usize)>) {
    for (s, w) in chunk.unicode_word_indices() {
        let s = base + s;
        if w.contains(char::is_whitespace) {
            let mut pos = s;
            for piece in w.split(char::is_whitespace) {
                if !piece.is_empty() {
                    out.push((pos, pos + piece.len()));
                }
                pos += piece.len()
                    + w[pos - s + piece.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
            }
        } else {
            out.push((s, s + w.len()));
        }
    }
}

/// Characters that typesetting adds without changing the words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// The matching form of one word: compatibility-decomposed (NFKD, which also folds ligatures and
/// full-width forms), accents dropped (Orbán = Orban), lower case, every apostrophe one character.
pub fn normalise_word(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        buf.extend(w.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in w.nfkd() {
        // (A line break inside a word is one wrapped at a soft hyphen.)
        if is_combining_mark(c) || is_invisible(c) || c == '\n' || c == '\r' {
            continue;
        }
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => buf.push('\''),
            c => buf.extend(c.to_lowercase()),
        }
    }
}

/// FNV-1a, 64 bit, then a final mix. Written by hand because keys only need to be fast and
/// stable within one run, and the standard hasher (SipHash) is several times slower here.
pub fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (from SplitMix64) so that nearby inputs spread over all bits.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hasher for maps keyed by values that are already well-mixed hashes (keys, 5-gram hashes) or
/// small integers: the standard SipHash costs more than the rest of a lookup here, and these
/// maps are never fed by an adversary (worst case is a slower run, not a wrong one).
#[derive(Debug, Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0 ^ b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 ^= n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = mix(self.0 ^ n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = mix(self.0 ^ n as u64);
    }
}

pub type KeyMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<KeyHasher>>;
pub type KeySet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<KeyHasher>>;

/// Combines a sequence of keys into one (order matters).
pub fn hash_seq(keys: impl IntoIterator<Item = u64>) -> u64 {
    let mut h: u64 = 0x9e37_79b9_7f4a_7c15;
    for k in keys {
        h = mix(h ^ k).wrapping_add(0x9e37_79b9_7f4a_7c15);
    }
    h
}

/// Byte ranges of the text inside quotation marks, curly or straight. A straight double quote
/// opens when it follows a space or opening punctuation and closes otherwise; single curly quotes
/// count only where they cannot be apostrophes. An unclosed quote ends at the paragraph break,
/// so one stray mark never swallows the rest of an article (news style reopens quotes in each
/// paragraph of a long quotation).
pub fn quoted_spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut prev = ' ';
    let mut prev_nl = false;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n).unwrap_or(' ');
        let after_space = prev.is_whitespace() || "([{\u{2014}\u{2013}-:".contains(prev);
        match c {
            '\u{201C}' | '\u{00AB}' | '\u{201E}' if open.is_none() => open = Some(i + c.len_utf8()),
            '\u{201D}' | '\u{00BB}' => {
                if let Some(s) = open.take() {
                    spans.push(s..i);
                }
            }
            '"' => match open {
                Some(s) if !after_space || next.is_whitespace() => {
                    spans.push(s..i);
                    open = None;
                }
                None => open = Some(i + 1),
                Some(_) => open = Some(i + 1),
            },
            '\u{2018}' if after_space && open.is_none() => open = Some(i + c.len_utf8()),
            '\u{2019}' if open.is_some() && !next.is_alphanumeric() && !prev.is_whitespace() => {
                if let Some(s) = open.take() {
                    spans.push(s..i);
                }
            }
            '\n' => {
                if prev_nl && let Some(s) = open.take() {
                    spans.push(s..i);
                }
                prev_nl = true;
                prev = c;
                continue;
            }
            _ => {}
        }
        if !c.is_whitespace() {
            prev_nl = false;
        }
        prev = c;
    }
    if let Some(s) = open {
        spans.push(s..text.len());
    }
    spans
}

/// English function words and reporting verbs: they make up any phrase, so runs of them (or of
/// them and names) are no evidence that one text copied another. Short enough to keep here.
#[cfg(test)]
fn is_stopword(w: &str) -> bool {
    STOPWORDS.binary_search(&w).is_ok()
}

/// The keys of the function words: a token's key is at hand, and one hash lookup costs less
/// than a binary search of strings for every word of a long text.
fn stop_keys() -> &'static KeySet<u64> {
    static KEYS: std::sync::OnceLock<KeySet<u64>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| STOPWORDS.iter().map(|w| hash_str(w)).collect())
}

const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have",
    "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "just", "may", "more",
    "most", "mr", "ms", "no", "not", "of", "on", "one", "or", "other", "our", "out", "over", "said", "says",
    "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "told", "under", "up", "was", "we", "were", "what", "when", "where",
    "which", "while", "who", "will", "with", "would", "you",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<u64> {
        tokenise(s, &[]).iter().map(|t| t.key).collect()
    }

    /// The fast path splits exactly as the segmenter does (then splitting at white space).
    #[test]
    fn split_words_is_the_segmenter_split() {
        let texts = [
            "U.S. President Joe Biden said it's 9,000 (or 9.5%) \"quotes\" -- e-mail_x a.b .5 5. $5",
            "Orbán’s “talks” — 10\u{202F}000 naïve café\u{A0}au lait, 😀 emoji ZWJ 👩\u{200D}💻 x",
            "  lead\tand\x0btrail\r\n\n'tis dogs' _under_ __ ... !!! 3:45 p.m. 1/2 A&B",
        ];
        for t in texts {
            let mut want = Vec::new();
            segment_words(t, 0, &mut want);
            assert_eq!(split_words(t), want, "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn split_words_is_the_segmenter_split_on_any_text(t in "\\PC{0,200}") {
            let mut want = Vec::new();
            segment_words(&t, 0, &mut want);
            proptest::prop_assert_eq!(split_words(&t), want);
        }
    }

    #[test]
    fn stopwords_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && is_stopword("said") && !is_stopword("putin"));
        let stop = |s: &str| tokenise(s, &[]).iter().map(|t| t.stop).collect::<Vec<_>>();
        assert_eq!(
            stop("The Kremlin SAID it’s done"),
            [true, false, true, true, false]
        );
    }

    #[test]
    fn normalisations_do_not_change_keys() {
        assert_eq!(
            keys("Orbán said “it’s fine” — really…"),
            keys("orban said \"it's fine\" -- really...")
        );
        assert_eq!(keys("ﬁne\u{00A0}word"), keys("fine word"));
        assert_eq!(keys("NATO’s"), keys("NATO's"));
        assert_ne!(keys("Victor"), keys("Viktor"));
        // Soft hyphens and zero-width spaces do not break a word, nor a soft hyphen at a wrap.
        assert_eq!(
            keys("nego\u{AD}tiations re\u{200B}sumed"),
            keys("negotiations resumed")
        );
        assert_eq!(keys("nego\u{AD}\ntiations"), keys("negotiations"));
        assert_eq!(keys("talks\u{200B} resumed"), keys("talks resumed"));
        assert_ne!(keys("talks\nresumed"), keys("talksresumed"));
        assert_eq!(
            keys("talks\u{202F}resumed\u{A0}today"),
            keys("talks resumed today")
        );
    }

    #[test]
    fn quotes_detected() {
        let t = "He said \"we will go\" and “they won’t” then 'x'. Putin’s plan";
        let toks = tokenise(t, &[]);
        let q: Vec<&str> = toks
            .iter()
            .filter(|x| x.quoted)
            .map(|x| &t[x.range.clone()])
            .collect();
        assert_eq!(q, ["we", "will", "go", "they", "won’t"]);
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph() {
        let t = "He said \"we will go\n\nNext paragraph here.";
        let toks = tokenise(t, &[]);
        let next = toks.iter().find(|x| &t[x.range.clone()] == "Next");
        assert!(next.is_some_and(|x| !x.quoted));
        assert!(toks[2].quoted);
    }

    #[test]
    fn skip_ranges_left_out() {
        let t = "Watch CBS News\n\nPutin spoke.";
        let chrome = t.find("\n").unwrap_or(0);
        let toks = tokenise(t, std::slice::from_ref(&(0..chrome)));
        assert_eq!(toks.len(), 2);
        assert_eq!(&t[toks[0].range.clone()], "Putin");
    }
}
