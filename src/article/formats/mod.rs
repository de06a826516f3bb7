//! Format readers: each turns a file's decoded text into the text shown for reading plus any
//! metadata the format carries. Files without a known extension are sniffed.

use std::path::Path;

use super::Meta;

pub mod date;
pub mod html;
mod json;
mod markdown;

/// The formats copydesk reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format an extension names, if any (case-insensitive).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Json => "JSON",
            Format::JsonLines => "JSON lines",
        }
    }
}

/// Guesses the format of text whose file name says nothing.
pub fn sniff(text: &str) -> Format {
    let t = text.trim_start();
    if t.starts_with('{') {
        if serde_json::from_str::<serde_json::Value>(t).is_ok_and(|v| v.is_object()) {
            return Format::Json;
        }
        let first = t.lines().next().unwrap_or("");
        if serde_json::from_str::<serde_json::Value>(first).is_ok_and(|v| v.is_object()) {
            return Format::JsonLines;
        }
    }
    if t.starts_with('<') {
        let head: String = t.chars().take(2048).collect::<String>().to_ascii_lowercase();
        if [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<article",
            "<p>",
            "<p ",
            "<div",
        ]
        .iter()
        .any(|tag| head.contains(tag))
        {
            return Format::Html;
        }
    }
    Format::Text
}

/// One article's worth of a file: its text for reading and metadata. `line` is the 1-based line
/// of a JSON-lines file it came from.
#[derive(Debug, Clone, Default)]
pub struct Piece {
    pub line: Option<usize>,
    pub text: String,
    pub meta: Meta,
    pub warnings: Vec<String>,
}

/// What a reader made of a file: its articles, and problems with parts of it (bad JSON lines).
#[derive(Debug, Clone, Default)]
pub struct Read {
    pub pieces: Vec<Piece>,
    /// (1-based line, message) for lines that could not be read.
    pub problems: Vec<(usize, String)>,
}

/// Reads decoded text in the given format. An `Err` says why the file holds no article.
pub fn read(format: Format, text: String) -> Result<Read, String> {
    let single = |p: Piece| Read {
        pieces: vec![p],
        problems: Vec::new(),
    };
    match format {
        Format::Text => Ok(single(Piece {
            text,
            ..Piece::default()
        })),
        Format::Markdown => Ok(single(markdown::read(&text))),
        Format::Html => html::read(&text).map(single),
        Format::Json => json::read_object(&text).map(single),
        Format::JsonLines => json::read_lines(&text),
    }
}

/// Several authors as one byline, the way a paper prints them: "A", "A and B", "A, B and C".
/// Repeats (a page naming its author twice) are dropped.
pub(crate) fn join_names(names: &[String]) -> Option<String> {
    let mut seen: Vec<&str> = Vec::new();
    for n in names {
        let n = n.trim();
        if !n.is_empty() && !seen.iter().any(|s| s.eq_ignore_ascii_case(n)) {
            seen.push(n);
        }
    }
    match seen.as_slice() {
        [] => None,
        [one] => Some(one.to_string()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_and_sniffing() {
        assert_eq!(Format::from_path(Path::new("a/B.HTM")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("x.ndjson")), Some(Format::JsonLines));
        assert_eq!(Format::from_path(Path::new("README")), None);
        assert_eq!(sniff("  {\"text\": \"hi\"}"), Format::Json);
        assert_eq!(sniff("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), Format::JsonLines);
        assert_eq!(
            sniff("<!DOCTYPE html><html><body><p>Hi</p></body></html>"),
            Format::Html
        );
        assert_eq!(sniff("<3 plain text"), Format::Text);
        assert_eq!(sniff("{not json at all"), Format::Text);
    }

    #[test]
    fn names_join_as_a_byline() {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_names(&v(&[])), None);
        assert_eq!(join_names(&v(&[" Ana Ruiz "])).as_deref(), Some("Ana Ruiz"));
        assert_eq!(join_names(&v(&["A", "B"])).as_deref(), Some("A and B"));
        assert_eq!(
            join_names(&v(&["A", "B", "a", "C"])).as_deref(),
            Some("A, B and C")
        );
    }
}
