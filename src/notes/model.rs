//! What a note is: its anchor (article id, path, quote with context, position hint), its text and
//! times, and the versioned JSON file that holds notes and the ids of deleted ones.

use std::ops::Range;
use std::path::Path;

use chrono::{DateTime, TimeDelta, Utc};
use serde::{Deserialize, Serialize};

use crate::article::Article;
use crate::text::CharMap;

/// The version of `notes.json` this copydesk writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Characters of context kept before and after a quote (as Hypothesis does).
pub const CONTEXT_CHARS: usize = 32;

/// One note. A note with an empty `quote` is about the whole article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: String,
    /// Hex SHA-256 of the article text the note was written on.
    pub article_id: String,
    /// The article's path when the note was written, as it was given (relative to the folder
    /// copydesk ran in, or absolute).
    pub path: String,
    /// The same file's canonical absolute path (with `#LINE` for a line of a JSON-lines file), so
    /// the note is found from any folder; `None` for a bundled demo article, a file that could
    /// not be resolved, or a note written before copydesk kept it (see
    /// [`super::store::NoteStore::open`], which fills it in when it can).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abs_path: Option<String>,
    /// The passage the note is about, exactly as it was in the article; empty for the whole article.
    #[serde(default)]
    pub quote: String,
    /// Up to [`CONTEXT_CHARS`] characters before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] characters after the quote.
    #[serde(default)]
    pub suffix: String,
    /// Character offset of the quote's start in the article when the note was written.
    #[serde(default)]
    pub position: usize,
    pub text: String,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
}

/// A deleted note's id and when it was deleted, kept so that a copy of the note in another
/// process's memory is not brought back by the next merge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    pub id: String,
    pub deleted: DateTime<Utc>,
}

/// The contents of `notes.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFile {
    pub version: u32,
    pub notes: Vec<Note>,
    #[serde(default)]
    pub deleted: Vec<Tombstone>,
}

impl Default for NotesFile {
    fn default() -> Self {
        NotesFile {
            version: FORMAT_VERSION,
            notes: Vec::new(),
            deleted: Vec::new(),
        }
    }
}

impl Note {
    /// A note on the whole article.
    pub fn on_article(article: &Article, text: &str) -> Note {
        let now = Utc::now();
        Note {
            id: new_id(),
            article_id: article.id.clone(),
            path: article.path.clone(),
            abs_path: canonical_path(&article.path),
            quote: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            position: 0,
            text: text.to_string(),
            created: now,
            updated: now,
        }
    }

    /// A note on the passage at byte range `range` of the article's text. The range is clamped
    /// to the text and to character boundaries; an empty range gives a note on the whole article.
    pub fn on_passage(article: &Article, range: Range<usize>, text: &str) -> Note {
        let mut note = Note::on_article(article, text);
        let t = &article.text;
        let start = crate::text::floor_boundary(t, range.start.min(t.len()));
        let end = crate::text::ceil_boundary(t, range.end.min(t.len()).max(start));
        if start == end {
            return note;
        }
        note.quote = t[start..end].to_string();
        note.prefix = last_chars(&t[..start], CONTEXT_CHARS).to_string();
        note.suffix = first_chars(&t[end..], CONTEXT_CHARS).to_string();
        note.position = CharMap::new(t).char_of(start);
        note
    }

    /// True when the note was written on the file at `path` (an article's path, as given):
    /// the same string, or the same file reached another way (another current folder, an
    /// absolute path, a symlinked folder), told by the canonical path.
    pub fn is_at(&self, path: &str) -> bool {
        let Some(abs) = self.abs_path.as_deref() else {
            return self.path == path;
        };
        if self.path == path {
            // The same relative path from another folder may be another file.
            return Path::new(path).is_absolute() || canonical_path(path).is_none_or(|c| c == abs);
        }
        // Only a file of the same name can be the same file: the file system is asked only then.
        fn name(p: &str) -> &str {
            p.rsplit(['/', '\\']).next().unwrap_or(p)
        }
        abs == path || (name(abs) == name(path) && canonical_path(path).as_deref() == Some(abs))
    }

    /// True when the note is about the whole article rather than a passage.
    pub fn is_whole_article(&self) -> bool {
        self.quote.is_empty()
    }

    /// Replaces the text, moving `updated` strictly forward so a merge sees this as the newer version.
    pub fn set_text(&mut self, text: &str) {
        self.text = text.to_string();
        self.updated = later_than(self.updated);
    }
}

/// The canonical absolute form of an article path: the file's (symlinks and `..` resolved),
/// with a `#LINE` suffix kept for a line of a JSON-lines file. `None` when there is no such file
/// (a bundled demo article, a file gone, a folder) or its path is not UTF-8.
pub fn canonical_path(path: &str) -> Option<String> {
    let (file, line) = match path.rsplit_once('#') {
        Some((base, line))
            if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) && !Path::new(path).exists() =>
        {
            (base, Some(line))
        }
        _ => (path, None),
    };
    let canon = std::fs::canonicalize(file).ok().filter(|p| p.is_file())?;
    let canon = canon.to_str()?;
    Some(match line {
        Some(l) => format!("{canon}#{l}"),
        None => canon.to_string(),
    })
}

/// Now, or just after `t` if the clock says otherwise (clock steps, or two changes in the same
/// tick): the last-writer-wins merge needs every change to carry a strictly newer time.
pub fn later_than(t: DateTime<Utc>) -> DateTime<Utc> {
    let now = Utc::now();
    if now > t {
        now
    } else {
        t + TimeDelta::nanoseconds(1)
    }
}

/// A new note id: 128 bits in hex, from the OS-seeded hasher keys mixed with time, process and a
/// counter. Written here rather than pulling in a UUID crate because only uniqueness is needed.
pub fn new_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let pid = std::process::id();
    let half = |salt: u64| {
        let mut h = std::hash::RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u128(nanos);
        h.write_u32(pid);
        h.write_u64(n);
        h.finish()
    };
    format!("{:016x}{:016x}", half(1), half(2))
}

/// The last `n` characters of `s`.
pub fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// The first `n` characters of `s`.
pub fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art(text: &str) -> Article {
        build("a.txt", text.to_string(), "UTF-8", Meta::default(), Vec::new())
    }

    #[test]
    fn passage_note_keeps_quote_context_and_char_position() {
        let text = format!("{}Ünïcode quote here{}", "é".repeat(40), "x".repeat(40));
        let a = art(&text);
        let start = text.find("Ünïcode").unwrap();
        let end = start + "Ünïcode quote".len();
        let n = Note::on_passage(&a, start..end, "hi");
        assert_eq!(n.quote, "Ünïcode quote");
        assert_eq!(n.prefix, "é".repeat(32));
        assert_eq!(n.suffix, format!(" here{}", "x".repeat(27)));
        assert_eq!(n.position, 40);
        assert_eq!(n.article_id, a.id);
        assert!(!n.is_whole_article());
    }

    #[test]
    fn empty_or_out_of_range_passage_is_whole_article() {
        let a = art("short");
        assert!(Note::on_passage(&a, 3..3, "x").is_whole_article());
        assert!(Note::on_passage(&a, 99..120, "x").is_whole_article());
        // A range inside a multi-byte char is widened to the char.
        let b = art("aéb");
        assert_eq!(Note::on_passage(&b, 2..2 + 1, "x").quote, "é");
    }

    #[test]
    fn ids_are_unique_and_128_bit_hex() {
        let ids: std::collections::HashSet<String> = (0..1000).map(|_| new_id()).collect();
        assert_eq!(ids.len(), 1000);
        assert!(
            ids.iter()
                .all(|i| i.len() == 32 && i.chars().all(|c| c.is_ascii_hexdigit()))
        );
    }

    #[test]
    fn set_text_moves_updated_forward() {
        let a = art("text");
        let mut n = Note::on_article(&a, "one");
        let before = n.updated;
        n.set_text("two");
        assert!(n.updated > before);
        assert_eq!(n.text, "two");
    }

    #[test]
    fn char_helpers() {
        assert_eq!(last_chars("abcdé", 2), "dé");
        assert_eq!(last_chars("ab", 5), "ab");
        assert_eq!(last_chars("ab", 0), "");
        assert_eq!(first_chars("éabc", 2), "éa");
        assert_eq!(first_chars("ab", 5), "ab");
    }
}
