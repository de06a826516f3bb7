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
        let lower: String = rest.chars().take(8).collect::<String>().to_ascii_lowercase();
        let skip_to = if lower.starts_with("<script") {
            Some("</script")
        } else if lower.starts_with("<style") {
            Some("</style")
        } else {
            None
        };
        if let Some(close) = skip_to {
            let pos = rest.to_ascii_lowercase().find(close).unwrap_or(rest.len());
            rest = &rest[pos..];
        }
        match rest.find('>') {
            Some(gt) => {
                let tag = rest[..gt].to_ascii_lowercase();
                if ["<p", "</p", "<br", "<div", "</div", "<h", "</h", "<li", "<tr"]
                    .iter()
                    .any(|t| tag.starts_with(t))
                {
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
