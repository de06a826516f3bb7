//! Articles: finding files, decoding them, reading their format, and describing their structure
//! (paragraphs, sentences, boilerplate) as byte ranges into the text, which is never rewritten.
//!
//! The pipeline, one module a step: [`load`] finds files (folders recursively, names starting with
//! a dot skipped, symlink loops and broken links reported) and reads them through a
//! [`FileReader`]; [`decode`] turns bytes into text (BOM, UTF-8, UTF-16, legacy 8-bit detected by
//! chardetng) and recognises binaries; [`formats`] extracts the text for reading (txt, md, html,
//! json, jsonl; other names sniffed); [`segment`] finds lines, paragraphs and sentences;
//! [`boilerplate`] marks page furniture and picks the headline; [`outlet`] names the outlet.
//!
//! Decisions a user meets: an empty file, or one of only white space, is a problem ("empty
//! file, skipped"), not an article; files are read up to [`MAX_FILE_BYTES`] (64 MiB) and a larger
//! one is cut there with a warning; invalid bytes become U+FFFD and their count is a warning; a bad
//! line of a JSON-lines file is a problem named `FILE#LINE` and the other lines still load.

use std::ops::Range;

use serde::Serialize;

use crate::text::CharMap;

/// One article as loaded. All ranges are byte ranges into `text`; use [`Article::char_map`] to
/// turn them into the character offsets the outside world sees.
#[derive(Debug, Clone)]
pub struct Article {
    /// Hex SHA-256 of `text` (UTF-8 bytes).
    pub id: String,
    /// The path as given on the command line (joined with the path inside a folder argument),
    /// `FILE#LINE` for a line of a JSON-lines file, `demo/NAME` for a bundled demo article.
    pub path: String,
    pub title: Option<String>,
    /// Outlet, from metadata or from site chrome ("Watch CBS News"); `None` when nothing names
    /// it. Never the file name: screens that need a label show [`Article::file_name`] as such.
    pub source: Option<String>,
    /// The page's own address (canonical link, `og:url`, a JSON `url` field).
    pub url: Option<String>,
    /// Publication date from metadata; ISO 8601 when the format's reader could normalise it.
    pub published: Option<String>,
    /// Who wrote it ("Mara Quill"), from metadata or a "By …" line.
    pub byline: Option<String>,
    /// The wire credited for the copy ("AP", "Reuters"), which is not the outlet running it.
    pub agency: Option<String>,
    /// WHATWG name of the encoding the file was decoded from ("UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: String,
    pub text: String,
    /// Words by Unicode word boundaries.
    pub words: usize,
    pub paragraphs: Vec<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    /// Site chrome, captions and credits, promos, video lengths, login prompts: marked, not removed.
    pub boilerplate: Vec<Range<usize>>,
    /// The kind of each boilerplate range, in the same order.
    pub boilerplate_kinds: Vec<boilerplate::Kind>,
    pub warnings: Vec<String>,
}

impl Article {
    pub fn char_map(&self) -> CharMap {
        CharMap::new(&self.text)
    }

    /// True when byte offset `pos` lies inside a boilerplate range.
    pub fn is_boilerplate(&self, pos: usize) -> bool {
        let k = self.boilerplate.partition_point(|r| r.end <= pos);
        self.boilerplate.get(k).is_some_and(|r| r.start <= pos)
    }

    /// The kind of furniture at byte offset `pos`, if it lies inside a boilerplate range.
    pub fn furniture_at(&self, pos: usize) -> Option<boilerplate::Kind> {
        let k = self.boilerplate.partition_point(|r| r.end <= pos);
        let r = self.boilerplate.get(k)?;
        if r.start > pos {
            return None;
        }
        self.boilerplate_kinds.get(k).copied()
    }

    /// The file name part of the path, for display and for matching by name.
    pub fn file_name(&self) -> &str {
        self.path.rsplit(['/', '\\']).next().unwrap_or(&self.path)
    }

    /// The `list --json` record.
    pub fn to_record(&self, with_text: bool) -> ArticleRecord<'_> {
        let m = self.char_map();
        let conv = |v: &[Range<usize>]| v.iter().map(|r| m.range_to_chars(r)).collect::<Vec<_>>();
        ArticleRecord {
            path: &self.path,
            id: &self.id,
            title: self.title.as_deref(),
            source: self.source.as_deref(),
            url: self.url.as_deref(),
            published: self.published.as_deref(),
            byline: self.byline.as_deref(),
            agency: self.agency.as_deref(),
            words: self.words,
            encoding: &self.encoding,
            paragraphs: conv(&self.paragraphs),
            sentences: conv(&self.sentences),
            boilerplate: conv(&self.boilerplate),
            boilerplate_kinds: &self.boilerplate_kinds,
            warnings: &self.warnings,
            text: with_text.then_some(self.text.as_str()),
        }
    }
}

/// The command-line contract of `copydesk list --json`: one of these a line.
#[derive(Debug, Serialize)]
pub struct ArticleRecord<'a> {
    pub path: &'a str,
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub source: Option<&'a str>,
    pub url: Option<&'a str>,
    pub published: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub agency: Option<&'a str>,
    pub words: usize,
    pub encoding: &'a str,
    pub paragraphs: Vec<[usize; 2]>,
    pub sentences: Vec<[usize; 2]>,
    pub boilerplate: Vec<[usize; 2]>,
    /// Parallel to `boilerplate`: "caption", "credit", "byline", "dateline", "promo", "prompt",
    /// "chrome", "ticker", "footer", "video", "advertisement".
    pub boilerplate_kinds: &'a [boilerplate::Kind],
    pub warnings: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

pub mod boilerplate;
mod build;
pub mod decode;
pub mod demo;
pub mod formats;
mod invisible;
pub mod load;
pub mod outlet;
pub mod segment;

pub use build::{Meta, build};
pub use formats::Format;
pub use load::{
    Disk, FileReader, LoadError, LoadEvent, MAX_FILE_BYTES, Source, discover, load_bytes, load_paths,
    load_paths_with, load_source, load_streaming, reachable, read_source,
};
