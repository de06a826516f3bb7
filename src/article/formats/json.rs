//! JSON articles: an object with text/content/body and optional title, url, source/outlet,
//! published, byline/author and agency; JSON lines hold one such object a line. The key names
//! accepted for each field are the lists below (README, "Formats", names them too).

use serde_json::{Map, Value};

use super::{Piece, Read};
use crate::article::Meta;

const TEXT_KEYS: &[&str] = &["text", "content", "body", "articleBody", "article_body"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const URL_KEYS: &[&str] = &["url", "link"];
const SOURCE_KEYS: &[&str] = &["source", "outlet", "publisher", "site_name", "site"];
const DATE_KEYS: &[&str] = &[
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
    "date",
    "pubDate",
];
/// Authors: a string, a schema.org person (`{"name": …}`) or a list of either.
const BYLINE_KEYS: &[&str] = &["byline", "author", "authors", "creator"];
/// The wire credited for the copy ("AP"), which is not the outlet running it.
const AGENCY_KEYS: &[&str] = &["agency", "wire", "news_agency"];

/// Reads a file holding one JSON object.
pub fn read_object(src: &str) -> Result<Piece, String> {
    let v: Value = serde_json::from_str(src).map_err(|e| format!("invalid JSON: {e}"))?;
    piece(v)
}

/// Reads a JSON-lines file: blank lines are skipped, bad lines are problems, others articles.
pub fn read_lines(src: &str) -> Result<Read, String> {
    let mut read = Read::default();
    for (i, line) in src.split('\n').enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let res = serde_json::from_str::<Value>(line)
            .map_err(|e| format!("invalid JSON: {e}"))
            .and_then(piece);
        match res {
            Ok(mut p) => {
                p.line = Some(i + 1);
                read.pieces.push(p);
            }
            Err(e) => read.problems.push((i + 1, e)),
        }
    }
    if read.pieces.is_empty() && read.problems.is_empty() {
        return Err("no JSON objects in the file".into());
    }
    Ok(read)
}

fn piece(v: Value) -> Result<Piece, String> {
    let Value::Object(obj) = v else {
        return Err("expected a JSON object with a text, content or body field".into());
    };
    let text = TEXT_KEYS
        .iter()
        .find_map(|k| text_of(obj.get(*k)?))
        .ok_or("no text, content or body field")?;
    // Scrapers often store the page's HTML in "content": take the article out of it.
    let mut warnings = Vec::new();
    let text = if looks_like_html(&text) {
        warnings.push("the text field holds HTML; markup removed".to_string());
        super::html::read(&text).map(|p| p.text).unwrap_or_default()
    } else {
        text
    };
    Ok(Piece {
        line: None,
        text,
        meta: Meta {
            title: first_string(&obj, TITLE_KEYS),
            source: first_string(&obj, SOURCE_KEYS),
            url: first_string(&obj, URL_KEYS),
            // ISO 8601 when it reads as a date; as written otherwise (it is the user's data).
            published: first_string(&obj, DATE_KEYS).map(|d| super::date::iso(&d).unwrap_or(d)),
            byline: BYLINE_KEYS.iter().find_map(|k| names(obj.get(*k)?)),
            agency: first_string(&obj, AGENCY_KEYS),
        },
        warnings,
    })
}

/// Markup rather than prose: starts with a tag and closes paragraphs or breaks lines.
fn looks_like_html(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with('<')
        && ["</p>", "</P>", "<br", "<BR", "</div>", "</DIV>"]
            .iter()
            .any(|tag| t.contains(tag))
}

/// A text field: a string, or an array of paragraph strings.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        _ => None,
    }
}

/// The first of `keys` holding a non-empty string (or an object with a "name", as schema.org
/// publishers are written).
fn first_string(obj: &Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        let s = match obj.get(*k)? {
            Value::String(s) => s.trim().to_string(),
            Value::Object(o) => o.get("name")?.as_str()?.trim().to_string(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        (!s.is_empty()).then_some(s)
    })
}

/// A byline from an author field: a name, an object with a "name", or a list of those
/// joined as a reader would write them ("A and B", "A, B and C").
fn names(v: &Value) -> Option<String> {
    let one = |v: &Value| -> Option<String> {
        let s = match v {
            Value::String(s) => s.trim(),
            Value::Object(o) => o.get("name")?.as_str()?.trim(),
            _ => return None,
        };
        (!s.is_empty()).then(|| s.to_string())
    };
    match v {
        Value::Array(items) => {
            let all: Vec<String> = items.iter().filter_map(one).collect();
            super::join_names(&all)
        }
        v => one(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_fields() {
        let p = read_object(r#"{"title":"T","body":"Line one.\n\nTwo \"quoted\".","outlet":"Daily News","url":"http://x","published":"2022-02-01"}"#).unwrap();
        assert_eq!(p.text, "Line one.\n\nTwo \"quoted\".");
        assert_eq!(p.meta.title.as_deref(), Some("T"));
        assert_eq!(p.meta.source.as_deref(), Some("Daily News"));
        assert_eq!(p.meta.published.as_deref(), Some("2022-02-01"));
        assert!(read_object("[1,2]").is_err());
        assert!(read_object(r#"{"title":"no text"}"#).is_err());
    }

    #[test]
    fn html_in_the_text_field_is_read_as_html() {
        let p =
            read_object(r#"{"content":"<p>First paragraph here.</p><p>Second &amp; last.</p>","title":"T"}"#)
                .unwrap();
        assert_eq!(p.text, "First paragraph here.\n\nSecond & last.");
        assert_eq!(p.warnings, ["the text field holds HTML; markup removed"]);
        let p = read_object(r#"{"text":"<3 is not markup"}"#).unwrap();
        assert_eq!(p.text, "<3 is not markup");
    }

    #[test]
    fn lines_keep_going_past_bad_ones() {
        let r =
            read_lines("{\"text\":\"a\"}\r\n\nnot json\n{\"text\":\"c\",\"source\":{\"name\":\"Wire\"}}\n")
                .unwrap();
        let lines: Vec<_> = r.pieces.iter().map(|p| p.line).collect();
        assert_eq!(lines, [Some(1), Some(4)]);
        assert_eq!(r.pieces[1].meta.source.as_deref(), Some("Wire"));
        assert_eq!(r.problems.len(), 1);
        assert_eq!(r.problems[0].0, 3);
    }
}
