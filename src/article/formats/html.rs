//! HTML to reading text with dom_smoothie (a port of Mozilla's Readability): the article's title
//! and body paragraphs without scripts, navigation, share bars or footers. When it finds no
//! article, the page's paragraphs are taken as they are, with a warning.

use dom_smoothie::{Config, ParsePolicy, Readability, TextMode};

use super::Piece;
use crate::article::Meta;

/// Below this many characters the extractor's result is not an article.
const MIN_TEXT: usize = 1;

pub fn read(src: &str) -> Result<Piece, String> {
    let cfg = Config {
        text_mode: TextMode::Formatted,
        // Bounded so a pathological page cannot take minutes.
        max_elements_to_parse: 200_000,
        ..Config::default()
    };
    let mut warnings = Vec::new();
    for policy in [ParsePolicy::Strict, ParsePolicy::Raw] {
        let Ok(mut r) = Readability::new(src, None, Some(cfg.clone())) else {
            break;
        };
        let Ok(a) = r.parse_with_policy(policy) else {
            continue;
        };
        let text = tidy(&a.text_content);
        if text.chars().count() < MIN_TEXT {
            continue;
        }
        let title = Some(a.title.trim().to_string()).filter(|t| !t.is_empty());
        return Ok(Piece {
            line: None,
            text,
            meta: Meta {
                title,
                source: a.site_name.filter(|s| !s.trim().is_empty()),
                url: a.url,
                published: a.published_time,
                byline: a.byline.filter(|s| !s.trim().is_empty()),
                agency: None,
            },
            warnings,
        });
    }
    // No article: the page's visible text.
    warnings.push("no article found by the HTML extractor; showing the page's text".to_string());
    let text = tidy(&strip_tags(src));
    if text.is_empty() {
        return Err("no text found in the HTML".into());
    }
    Ok(Piece {
        line: None,
        text,
        meta: Meta::default(),
        warnings,
    })
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
        assert_eq!(p.text, "Only a list item");
        // A lone "<" is text to the parser.
        assert_eq!(read("<").map(|p| p.text), Ok("<".to_string()));
    }
}
