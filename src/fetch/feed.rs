//! Feeds (RSS 2.0, RSS 1.0, Atom, JSON Feed) with feed-rs: telling one from a page by its
//! content, and the links of its items, resolved against the feed's address.

use url::Url;

/// Whether a body is a feed rather than a page, from its first bytes: an XML document whose
/// root is `rss`, `feed` or `rdf:RDF`, or a JSON Feed. A page that merely links a feed is not.
pub fn looks_like_feed(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let head = &body[..body.len().min(2048)];
    let lower = head.to_ascii_lowercase();
    let start = lower.iter().position(|b| !b.is_ascii_whitespace());
    match start.map(|i| lower[i]) {
        Some(b'<') => {
            let root = first_element(&lower);
            matches!(root, Some(r) if r == b"rss" || r == b"feed" || r == b"rdf:rdf")
        }
        Some(b'{') => contains(&lower, b"jsonfeed.org/version"),
        _ => false,
    }
}

/// The name of the first element, past the XML declaration, comments, processing
/// instructions and a doctype.
fn first_element(s: &[u8]) -> Option<&[u8]> {
    let mut rest = s;
    loop {
        let lt = rest.iter().position(|&b| b == b'<')?;
        rest = &rest[lt + 1..];
        match rest.first()? {
            b'?' | b'!' => {
                let close = if rest.starts_with(b"!--") {
                    &b"-->"[..]
                } else {
                    b">"
                };
                let end = find(rest, close)?;
                rest = &rest[end + close.len()..];
            }
            _ => {
                let end = rest
                    .iter()
                    .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
                    .unwrap_or(rest.len());
                return Some(&rest[..end]);
            }
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

/// The article links of a feed's items, in feed order, without repeats, at most `limit`.
/// Relative links are resolved against `base` (the feed's address); links that are not
/// http(s) are left out. `Err` says why the feed could not be read.
pub fn item_links(body: &[u8], base: &Url, limit: usize) -> Result<Vec<Url>, String> {
    // The raw bytes: feed-rs reads the XML declaration's encoding itself.
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base.as_str()))
        .build()
        .parse(body)
        .map_err(|e| format!("not a readable feed: {e}"))?;
    let mut out: Vec<Url> = Vec::new();
    for entry in &feed.entries {
        if out.len() >= limit {
            break;
        }
        // The item's page: its alternate link (Atom), its link (RSS), or an id that is a URL
        // (an RSS guid that is a permalink).
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or_else(|| entry.links.first())
            .map(|l| l.href.as_str())
            .or_else(|| Some(entry.id.as_str()).filter(|id| id.starts_with("http")));
        let Some(href) = link else { continue };
        let Ok(u) = base.join(href.trim()) else { continue };
        if matches!(u.scheme(), "http" | "https") && !out.contains(&u) {
            out.push(u);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_told_from_pages_by_content() {
        assert!(looks_like_feed(
            b"<?xml version=\"1.0\"?>\n<!-- a comment -->\n<rss version=\"2.0\">"
        ));
        assert!(looks_like_feed(
            b"\xEF\xBB\xBF  <feed xmlns=\"http://www.w3.org/2005/Atom\">"
        ));
        assert!(looks_like_feed(b"<?xml version='1.0'?><rdf:RDF xmlns:rdf='x'>"));
        assert!(looks_like_feed(
            br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#
        ));
        assert!(!looks_like_feed(
            b"<!DOCTYPE html><html><head><link rel=alternate type=application/rss+xml></head>"
        ));
        assert!(!looks_like_feed(b"%PDF-1.7"));
        assert!(!looks_like_feed(b""));
    }

    #[test]
    fn item_links_are_resolved_deduplicated_and_limited() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
            <item><title>A</title><link>/news/a</link></item>
            <item><title>B</title><link>https://other.example/b</link></item>
            <item><title>A again</title><link>/news/a</link></item>
            <item><title>Mail</title><link>mailto:desk@example.org</link></item>
            <item><title>C</title><guid isPermaLink="true">https://x.example/c</guid></item>
            </channel></rss>"#;
        let base = Url::parse("https://x.example/feeds/top.xml").unwrap();
        let links: Vec<String> = item_links(rss, &base, 20)
            .unwrap()
            .into_iter()
            .map(String::from)
            .collect();
        assert_eq!(
            links,
            [
                "https://x.example/news/a",
                "https://other.example/b",
                "https://x.example/c"
            ]
        );
        assert_eq!(item_links(rss, &base, 1).unwrap().len(), 1);
        assert!(item_links(b"<rss version=\"2.0\"><chan", &base, 5).is_err());
    }
}
