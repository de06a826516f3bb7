//! HTML to reading text with dom_smoothie (a port of Mozilla's Readability): the article's
//! headline and body paragraphs without scripts, navigation, share bars or footers, and the
//! page's metadata ([`meta`]: headline, canonical URL, date, byline, outlet). When the extractor
//! finds no article, the page's paragraphs are taken as they are, with a warning.
//!
//! [`extract`] is the one entry point, for files and for pages fetched from the web alike.

use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

use super::Piece;
use crate::article::Meta;

mod jsonld;
pub mod meta;

/// Below this many characters the extractor's result is not an article.
const MIN_TEXT: usize = 1;

/// Nesting beyond which the readability pass is not run (real pages nest well under 100 deep;
/// broken ones with unclosed tags reach a few hundred), and beyond which the page is not even
/// parsed: see [`nesting_depth`].
const MAX_EXTRACT_DEPTH: usize = 1_500;
const MAX_PARSE_DEPTH: usize = 10_000;

/// A page read for reading: its text (headline first, one paragraph a block), its metadata,
/// and what went wrong on the way (as warnings; the text is still usable).
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub text: String,
    pub meta: Meta,
    pub warnings: Vec<String>,
}

/// The article in an HTML page and the page's metadata. `Err` when the page holds no text.
pub fn extract(html: &str) -> Result<Page, String> {
    extract_at(html, None)
}

/// [`extract`] for a page fetched from `page_url`, which resolves a relative canonical link
/// and is the page's URL when it names none.
pub fn extract_at(html: &str, page_url: Option<&str>) -> Result<Page, String> {
    let mut warnings = Vec::new();
    let depth = nesting_depth(html);
    if depth > MAX_PARSE_DEPTH {
        warnings.push(format!(
            "elements nested about {depth} deep; read without the HTML parser, metadata not read"
        ));
        return fallback(html, Meta::default(), warnings);
    }
    let doc = dom_query::Document::from(html);
    // Read before the readability pass, which removes scripts (JSON-LD) and byline elements.
    let meta = meta::read(&doc, page_url);
    if depth > MAX_EXTRACT_DEPTH {
        warnings.push(format!(
            "elements nested about {depth} deep; the article extractor was not run"
        ));
        return fallback(html, meta, warnings);
    }
    let cfg = Config {
        text_mode: TextMode::Formatted,
        // Bounded so a pathological page cannot take minutes.
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let mut doc = Some(doc);
    for policy in [ParsePolicy::Strict, ParsePolicy::Raw] {
        // The pass changes the document, so a second attempt starts from the source again.
        let r = match doc.take() {
            Some(d) => Readability::with_document(d, None, Some(cfg.clone())),
            None => Readability::new(html, None, Some(cfg.clone())),
        };
        let Ok(mut r) = r else {
            break;
        };
        let Ok(a) = r.parse_with_policy(policy) else {
            continue;
        };
        let text = tidy(&a.text_content);
        if text.chars().count() < MIN_TEXT {
            continue;
        }
        return Ok(Page {
            text: headline_first(text, meta.title.as_deref()),
            meta,
            warnings,
        });
    }
    warnings.push("no article found by the HTML extractor; showing the page's text".to_string());
    fallback(html, meta, warnings)
}

/// No article: the page's visible text.
fn fallback(html: &str, meta: Meta, warnings: Vec<String>) -> Result<Page, String> {
    let text = tidy(&strip_tags(html));
    if text.is_empty() {
        return Err("no text found in the HTML".into());
    }
    Ok(Page {
        text: headline_first(text, meta.title.as_deref()),
        meta,
        warnings,
    })
}

/// About how deep the page's elements nest: start tags minus end tags, leaving out elements
/// that close themselves (void elements, `<p>`, `<li>`, table cells…) and the insides of
/// scripts, styles and comments. Hand-written because it must be a single cheap pass over the
/// bytes *before* any parser runs: html5ever's tree building and the readability pass both
/// take time that grows with the square of the depth (5,000 nested `<div>`s took 5 s,
/// 20,000 took 80 s), so a page built to nest deeply is read without them.
fn nesting_depth(html: &str) -> usize {
    const SELF_CLOSING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead",
        "tfoot", "colgroup", "rt", "rp", "!doctype",
    ];
    const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];
    let b = html.as_bytes();
    let (mut i, mut depth, mut max) = (0usize, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find_ascii_ci(&html[i..], "-->").map_or(b.len(), |k| i + k + 3);
            continue;
        }
        let close = b.get(i) == Some(&b'/');
        let start = i + usize::from(close);
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'!' || **c == b'-')
            .count();
        if len == 0 {
            continue;
        }
        let name = html[start..start + len].to_ascii_lowercase();
        let end = b[start..]
            .iter()
            .position(|&c| c == b'>')
            .map_or(b.len(), |k| start + k);
        let self_closed = end > 0 && b.get(end - 1) == Some(&b'/');
        i = (end + 1).min(b.len());
        if SELF_CLOSING.contains(&name.as_str()) || self_closed {
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else if RAW.contains(&name.as_str()) {
            // Text up to the matching end tag is not markup.
            i = find_ascii_ci(&html[i..], &format!("</{name}")).map_or(b.len(), |k| i + k);
        } else {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

pub fn read(src: &str) -> Result<Piece, String> {
    extract(src).map(|p| Piece {
        line: None,
        text: p.text,
        meta: p.meta,
        warnings: p.warnings,
    })
}

/// The text with the headline as its first block. The extractor drops an `<h1>` that repeats
/// the page title, and a kicker may stand above it; a reader sees the headline first.
fn headline_first(text: String, headline: Option<&str>) -> String {
    let Some(h) = headline.map(str::trim).filter(|h| !h.is_empty()) else {
        return text;
    };
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
            .trim_end_matches(['.', ':'])
            .to_string()
    };
    let want = key(h);
    let blocks: Vec<&str> = text.split("\n\n").collect();
    match blocks.iter().take(3).position(|b| key(b) == want) {
        Some(0) => text,
        // Within the first few blocks: moved up, not repeated.
        Some(i) => {
            let mut out = vec![blocks[i]];
            out.extend(
                blocks
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != i)
                    .map(|(_, b)| *b),
            );
            out.join("\n\n")
        }
        None => format!("{h}\n\n{text}"),
    }
}

/// One paragraph a line of the extractor's output, with a blank line between paragraphs.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.lines() {
        let l = line.trim();
        if l.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(l);
    }
    out
}

/// The text of a page with its tags, scripts and styles taken out: the last resort when the
/// extractor cannot parse the page. Hand-written because it only has to be safe, not exact.
fn strip_tags(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let starts =
            |p: &str| rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        if let Some(close) = ["script", "style"].iter().find(|t| starts(&format!("<{t}"))) {
            let pos = find_ascii_ci(rest, &format!("</{close}")).unwrap_or(rest.len());
            rest = &rest[pos..];
        }
        let block = ["<p", "</p", "<br", "<div", "</div", "<h", "</h", "<li", "<tr"]
            .iter()
            .any(|t| starts(t));
        match rest.find('>') {
            Some(gt) => {
                if block {
                    out.push('\n');
                }
                rest = &rest[gt + 1..];
            }
            None => rest = "",
        }
    }
    out.push_str(rest);
    out.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Position of an ASCII `needle` in `hay`, ignoring ASCII case, without copying `hay`.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len().checked_sub(n.len())?).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stripping_is_safe_and_drops_scripts() {
        let t = strip_tags(
            "<P>One &amp; two</p><SCRIPT>bad()</Script><div>Caf\u{e9}</div><style>x{}</style>end<",
        );
        assert_eq!(t, "\nOne & two\n\nCaf\u{e9}\nend");
        assert_eq!(find_ascii_ci("abc", "ABCD"), None);
    }

    #[test]
    fn pages_without_text_are_an_error() {
        for page in [
            "<html><body></body></html>",
            "<html><body><script>var x = 1;</script></body></html>",
        ] {
            assert!(read(page).is_err(), "{page}");
        }
        let p =
            read("<html><head><title>T</title></head><body><ul><li>Only a list item</li></ul></body></html>")
                .unwrap();
        // The page's title is its headline, and the headline is the text's first line.
        assert_eq!(p.text, "T\n\nOnly a list item");
        assert_eq!(p.meta.title.as_deref(), Some("T"));
        // A lone "<" is text to the parser.
        assert_eq!(read("<").map(|p| p.text), Ok("<".to_string()));
    }

    #[test]
    fn nesting_depth_estimates() {
        assert_eq!(nesting_depth(""), 0);
        assert_eq!(
            nesting_depth("<html><body><div><p>a<p>b<br><img src=x/></div></body></html>"),
            3
        );
        assert_eq!(
            nesting_depth("<div><!-- <div><div> --><script>if (a<b) { '<div>' }</script></div>"),
            1
        );
        assert_eq!(nesting_depth(&"<div>".repeat(20_000)), 20_000);
        assert_eq!(nesting_depth("</div></div><span>x"), 1);
        assert_eq!(nesting_depth("<é<<div"), 1);
        let page = format!(
            "<title>Deep</title><p>Text here.</p>{}",
            "<div>".repeat(MAX_PARSE_DEPTH + 1)
        );
        let p = extract(&page).unwrap();
        // The page's text as the tag stripper gives it; no metadata without the parser.
        assert_eq!(
            (p.text.as_str(), p.meta.title.as_deref()),
            ("Deep\n\nText here.", None)
        );
        assert!(
            p.warnings[0].contains("nested about 10001 deep"),
            "{:?}",
            p.warnings
        );
        let page = format!(
            "<title>Deep</title><p>Text here.</p>{}",
            "<b>".repeat(MAX_EXTRACT_DEPTH + 1)
        );
        let p = extract(&page).unwrap();
        assert_eq!(
            (p.text.as_str(), p.meta.title.as_deref()),
            ("Deep\n\nText here.", Some("Deep"))
        );
        assert!(
            p.warnings[0].contains("extractor was not run"),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn headline_leads_the_text_once() {
        let t = |s: &str| s.to_string();
        assert_eq!(headline_first(t("Body."), Some("Head")), "Head\n\nBody.");
        assert_eq!(headline_first(t("Head\n\nBody."), Some("Head")), "Head\n\nBody.");
        assert_eq!(
            headline_first(t("WORLD\n\nhead\n\nBody."), Some("Head")),
            "head\n\nWORLD\n\nBody."
        );
        assert_eq!(headline_first(t("Body."), None), "Body.");
    }
}
