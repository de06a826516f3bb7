//! schema.org JSON-LD blocks (`<script type="application/ld+json">`): the article node's
//! `datePublished`, `author` and `publisher`, found at the top level, in arrays or in an
//! `@graph`, with `{"@id": …}` references followed. A block that is not valid JSON is skipped.

use rustc_hash::FxHashMap;
use serde_json::Value;

/// Node types that are the article itself, most specific first is not needed: any of them will do.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReviewNewsArticle",
    "AskPublicNewsArticle",
    "Article",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "SatiricalArticle",
    "TechArticle",
];

/// Node types that describe the page: their dates and publisher serve when no article node has.
const PAGE_TYPES: &[&str] = &["WebPage", "ItemPage", "CollectionPage"];

/// A block larger than this is not article metadata (and is not worth parsing).
const MAX_BLOCK: usize = 2 << 20;

/// What the JSON-LD of a page says about its article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LinkedData {
    pub published: Option<String>,
    /// Author names in the order given.
    pub authors: Vec<String>,
    pub publisher: Option<String>,
}

/// Reads the given JSON-LD block texts together: a reference in one may name a node in another.
pub fn read<'a>(blocks: impl IntoIterator<Item = &'a str>) -> LinkedData {
    let mut top: Vec<Value> = Vec::new();
    for b in blocks {
        if let Some(v) = parse(b) {
            top.push(v);
        }
    }
    let mut nodes: Vec<&serde_json::Map<String, Value>> = Vec::new();
    for v in &top {
        flatten(v, &mut nodes);
    }
    let mut ids = FxHashMap::default();
    for v in &top {
        index_ids(v, &mut ids);
    }
    let article = nodes.iter().find(|n| has_type(n, ARTICLE_TYPES)).copied();
    let page = nodes.iter().find(|n| has_type(n, PAGE_TYPES)).copied();
    let first = |key: &str| {
        article
            .and_then(|n| n.get(key))
            .or_else(|| page.and_then(|n| n.get(key)))
    };
    let published = first("datePublished")
        .or_else(|| first("dateCreated"))
        .and_then(|v| first_string(v))
        .map(str::to_string);
    let mut authors = Vec::new();
    if let Some(a) = article.and_then(|n| n.get("author").or_else(|| n.get("creator"))) {
        names(a, &ids, &mut authors);
    }
    let mut publisher = Vec::new();
    if let Some(p) = first("publisher") {
        names(p, &ids, &mut publisher);
    }
    if publisher.is_empty()
        && let Some(org) = nodes.iter().find(|n| has_type(n, &["NewsMediaOrganization"]))
    {
        names(&Value::Object((*org).clone()), &ids, &mut publisher);
    }
    LinkedData {
        published,
        authors,
        publisher: publisher.into_iter().next(),
    }
}

/// A block's JSON: comments and CDATA wrappers some templates leave are taken off, and raw
/// control characters inside strings (invalid JSON that pages do ship) are read as spaces.
fn parse(block: &str) -> Option<Value> {
    if block.len() > MAX_BLOCK {
        return None;
    }
    let mut t = block.trim();
    for (open, close) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
        if let Some(inner) = t.strip_prefix(open) {
            t = inner.strip_suffix(close).unwrap_or(inner).trim();
        }
    }
    serde_json::from_str(t).ok().or_else(|| {
        let spaced: String = t.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&spaced).ok()
    })
}

/// The nodes a block describes: itself, the items of an array, the members of an `@graph`.
fn flatten<'a>(v: &'a Value, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| flatten(i, out)),
        Value::Object(o) => {
            out.push(o);
            if let Some(g) = o.get("@graph") {
                flatten(g, out);
            }
        }
        _ => {}
    }
}

/// Every object with an `@id` and more than the id, at any depth (serde_json bounds the depth).
fn index_ids<'a>(v: &'a Value, ids: &mut FxHashMap<&'a str, &'a serde_json::Map<String, Value>>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| index_ids(i, ids)),
        Value::Object(o) => {
            if let Some(Value::String(id)) = o.get("@id")
                && o.len() > 1
            {
                ids.entry(id.as_str()).or_insert(o);
            }
            o.values().for_each(|i| index_ids(i, ids));
        }
        _ => {}
    }
}

/// True when the node's `@type` (a string or a list) names one of `types`, with or without a
/// vocabulary prefix (`schema:NewsArticle`, `https://schema.org/NewsArticle`).
fn has_type(node: &serde_json::Map<String, Value>, types: &[&str]) -> bool {
    let is = |t: &str| {
        let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
        types.contains(&t)
    };
    match node.get("@type") {
        Some(Value::String(t)) => is(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

fn first_string(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s.as_str()).filter(|s| !s.trim().is_empty()),
        Value::Array(items) => items.iter().find_map(first_string),
        _ => None,
    }
}

/// Names in a person or organisation field: a string, an object with `name` (or a reference to
/// one), or a list of those.
fn names(v: &Value, ids: &FxHashMap<&str, &serde_json::Map<String, Value>>, out: &mut Vec<String>) {
    match v {
        Value::String(s) => push_name(s, out),
        Value::Array(items) => items.iter().for_each(|i| names(i, ids, out)),
        Value::Object(o) => {
            let o = match (o.get("name"), o.get("@id")) {
                (None, Some(Value::String(id))) => ids.get(id.as_str()).copied().unwrap_or(o),
                _ => o,
            };
            match o.get("name") {
                Some(Value::String(s)) => push_name(s, out),
                Some(Value::Array(items)) => {
                    if let Some(s) = items.iter().find_map(Value::as_str) {
                        push_name(s, out);
                    }
                }
                _ => {
                    // A person written as given and family name.
                    let part = |k: &str| o.get(k).and_then(Value::as_str).unwrap_or("").trim();
                    let full = format!("{} {}", part("givenName"), part("familyName"));
                    push_name(&full, out);
                }
            }
        }
        _ => {}
    }
}

fn push_name(s: &str, out: &mut Vec<String>) {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_at_the_top_level() {
        let ld = read([r#"{"@context":"https://schema.org","@type":"NewsArticle",
            "datePublished":"2023-11-04T08:15:00Z","author":{"@type":"Person","name":"Mara Quill"},
            "publisher":{"@type":"Organization","name":"The Lanvale Courier"}}"#]);
        assert_eq!(
            ld,
            LinkedData {
                published: Some("2023-11-04T08:15:00Z".into()),
                authors: vec!["Mara Quill".into()],
                publisher: Some("The Lanvale Courier".into()),
            }
        );
    }

    #[test]
    fn graph_with_references_and_arrays() {
        let ld = read([r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"Courier"},
            {"@type":"Organization","@id":"#org","name":"The Lanvale Courier"},
            {"@type":"Person","@id":"#p1","name":"Mara Quill"},
            {"@type":["ReportageNewsArticle"],"author":[{"@id":"#p1"},{"@type":"Person","name":"Tobias  Fenn"}],
             "publisher":{"@id":"#org"},"datePublished":["2023-11-04"]}]}"##]);
        assert_eq!(ld.authors, ["Mara Quill", "Tobias Fenn"]);
        assert_eq!(ld.publisher.as_deref(), Some("The Lanvale Courier"));
        assert_eq!(ld.published.as_deref(), Some("2023-11-04"));
        // A list of nodes, and a node in a second block.
        let ld = read([
            r#"[{"@type":"BreadcrumbList"},{"@type":"schema:Article","author":"Ines Vale"}]"#,
            r#"{"@type":"WebPage","datePublished":"2020-01-02","publisher":"Harbour Post"}"#,
        ]);
        assert_eq!(ld.authors, ["Ines Vale"]);
        assert_eq!(ld.published.as_deref(), Some("2020-01-02"));
        assert_eq!(ld.publisher.as_deref(), Some("Harbour Post"));
    }

    #[test]
    fn broken_blocks_are_skipped() {
        let ld = read([
            "{not json",
            "",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
            "<!-- {\"@type\":\"NewsArticle\",\"author\":\"A \n B\"} -->",
        ]);
        assert_eq!(ld.authors, ["A B"]);
        assert_eq!(read(["null", "42", "\"x\""]), LinkedData::default());
    }
}
