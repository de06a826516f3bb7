//! A page's metadata read from its DOM before the readability pass changes it: the headline
//! (`<h1>`, `og:title`, `<title>` without the site's name), canonical URL, publication date,
//! byline and outlet, from meta tags, JSON-LD and the page's own elements.

use dom_query::{Document, NodeRef};

use super::jsonld;
use crate::article::Meta;
use crate::article::formats::{date, join_names};

/// Separators between a headline and the site's name in `<title>` and `og:title`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " // ", " • "];

/// Meta names that carry the author, in order of trust (`byl` is "By A. Name"); a link, as
/// `article:author` often is, is not a name and is passed over.
const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
];

/// Meta names for the publication date after `article:published_time` and JSON-LD.
const DATE_KEYS: &[&str] = &[
    "og:article:published_time",
    "article:published",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
    "pdate",
];

/// The page's `<meta>` tags as (lower-cased property, name or itemprop; content), in order.
struct Tags(Vec<(String, String)>);

impl Tags {
    fn of(doc: &Document) -> Tags {
        let mut v = Vec::new();
        for node in doc.select("meta").nodes() {
            let Some(content) = node.attr("content") else {
                continue;
            };
            let content = squash(&content);
            if content.is_empty() {
                continue;
            }
            for key in ["property", "name", "itemprop"] {
                if let Some(k) = node.attr(key) {
                    v.push((k.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        Tags(v)
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Everything the page says about itself. `page_url` (where the page was fetched from, if
/// known) resolves a relative canonical link and is the URL of last resort.
pub fn read(doc: &Document, page_url: Option<&str>) -> Meta {
    let tags = Tags::of(doc);
    let blocks: Vec<String> = doc
        .select("script")
        .nodes()
        .iter()
        .filter(|n| {
            n.attr("type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
        })
        .map(|n| n.text().to_string())
        .collect();
    let ld = jsonld::read(blocks.iter().map(String::as_str));

    let source = tags
        .get("og:site_name")
        .map(str::to_string)
        .or_else(|| ld.publisher.as_deref().map(decode));
    let sites: Vec<&str> = [
        tags.get("og:site_name"),
        ld.publisher.as_deref(),
        tags.get("application-name"),
    ]
    .into_iter()
    .flatten()
    .collect();
    Meta {
        title: headline(doc, &tags, &sites),
        url: url(doc, &tags, page_url),
        published: published(doc, &tags, &ld),
        byline: byline(doc, &tags, &ld, &sites),
        source,
        agency: None,
    }
}

/// The headline: the page's `<h1>`, else `og:title`, else `<title>`, without the site's name.
fn headline(doc: &Document, tags: &Tags, sites: &[&str]) -> Option<String> {
    let title = doc.select_single("head title");
    let title = if title.is_empty() {
        doc.select_single("title")
    } else {
        title
    };
    let title = squash(&title.text());
    let is_site = |t: &str| sites.iter().any(|s| same_name(s, t));
    let h1s: Vec<(NodeRef, String)> = doc
        .select("body h1")
        .nodes()
        .iter()
        .map(|n| (*n, squash(&n.text())))
        .filter(|(_, t)| !t.is_empty() && t.chars().count() <= 300 && !is_site(t))
        .collect();
    // An `<h1>` inside the article or marked as the headline beats one in the page's header,
    // and one that is the site's name as `<title>` ends with (a logo) comes last.
    let in_article = h1s.iter().find(|(n, _)| {
        n.attr("itemprop")
            .is_some_and(|p| p.eq_ignore_ascii_case("headline"))
            || n.ancestors_it(None).any(|a| {
                a.node_name()
                    .is_some_and(|name| matches!(&*name, "article" | "main"))
            })
    });
    let title_tail = last_split(&title).map(|(_, _, tail)| tail.trim());
    let not_logo = h1s
        .iter()
        .find(|(_, t)| title_tail.is_none_or(|tail| !same_name(tail, t)));
    if let Some((_, t)) = in_article.or(not_logo).or(h1s.first()) {
        return Some(t.clone());
    }
    if let Some(t) = tags.get("og:title").map(|t| strip_site(t, sites))
        && !t.is_empty()
    {
        return Some(t);
    }
    Some(strip_site(&title, sites)).filter(|t| !t.is_empty())
}

/// `title` without the site's name it ends (or, when the name is known, starts) with:
/// "Harbour strike ends | The Lanvale Courier" → "Harbour strike ends". When the page names its
/// site, only that name is cut; otherwise a last part that reads like a name ("BBC News",
/// "courier.example") is, and a part in lower case ("live updates") is kept.
pub fn strip_site(title: &str, sites: &[&str]) -> String {
    let title = squash(title);
    let Some((head, sep, tail)) = last_split(&title) else {
        return title;
    };
    if !sites.is_empty() {
        if sites.iter().any(|s| same_name(s, tail)) {
            let head = head.trim();
            // "Headline | World | Courier": a one- or two-word section before the name goes too.
            return match head.rsplit_once(sep) {
                Some((h, section)) if words(section) <= 2 && name_like(section) && words(h) >= 3 => {
                    h.trim().to_string()
                }
                _ => head.to_string(),
            };
        }
        if let Some((first, rest)) = first_split(&title)
            && sites.iter().any(|s| same_name(s, first))
        {
            return rest.trim().to_string();
        }
        return title;
    }
    if words(tail) <= 5 && tail.chars().count() <= 40 && words(head) >= 3 && name_like(tail) {
        head.trim().to_string()
    } else {
        title
    }
}

/// The last separator in `t`: (before, separator, after).
fn last_split(t: &str) -> Option<(&str, &'static str, &str)> {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|i| (i, *sep)))
        .max_by_key(|(i, _)| *i)
        .map(|(i, sep)| (&t[..i], sep, &t[i + sep.len()..]))
        .filter(|(h, _, tail)| !h.trim().is_empty() && !tail.trim().is_empty())
}

/// The first separator in `t`: (before, after).
fn first_split(t: &str) -> Option<(&str, &str)> {
    TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| t.find(sep).map(|i| (i, sep.len())))
        .min_by_key(|(i, _)| *i)
        .map(|(i, n)| (&t[..i], &t[i + n..]))
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Each word capitalised (or a number, a connective, or a domain name), as outlets' names are.
fn name_like(s: &str) -> bool {
    const SMALL: &[&str] = &[
        "of", "the", "and", "&", "for", "de", "la", "le", "el", "on", "at", "in", "a",
    ];
    let s = s.trim();
    !s.is_empty()
        && !s.ends_with(['?', '!', '.', ':'])
        && s.split_whitespace().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || SMALL.contains(&w)
                || (w.contains('.') && !w.ends_with('.'))
        })
}

/// Two spellings of one outlet's name: case, spaces, punctuation, a leading "The" and a
/// trailing ".com" aside ("The Lanvale Courier" = "Lanvale Courier" = "lanvalecourier.com").
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let s = s.trim().to_lowercase();
        let s = s.strip_prefix("the ").unwrap_or(&s);
        let s = s
            .strip_prefix("www.")
            .unwrap_or(s)
            .trim_end_matches(".com")
            .trim_end_matches(".co.uk")
            .trim_end_matches(".org");
        s.chars().filter(|c| c.is_alphanumeric()).collect::<String>()
    };
    let (a, b) = (key(a), key(b));
    !a.is_empty() && a == b
}

/// `link rel=canonical`, else `og:url`, else the address the page came from.
fn url(doc: &Document, tags: &Tags, page_url: Option<&str>) -> Option<String> {
    let canonical = doc.select("link").nodes().iter().find_map(|n| {
        let rel = n.attr("rel")?;
        rel.split_whitespace()
            .any(|r| r.eq_ignore_ascii_case("canonical"))
            .then(|| n.attr("href"))
            .flatten()
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
    });
    let og = tags.get("og:url").map(str::to_string);
    let base = og.as_deref().filter(|u| is_absolute(u)).or(page_url);
    match canonical {
        Some(c) if is_absolute(&c) => Some(c),
        Some(c) => Some(base.and_then(|b| join(b, &c)).unwrap_or(c)),
        None => og.or_else(|| page_url.map(str::to_string)),
    }
}

fn is_absolute(u: &str) -> bool {
    let l = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}

/// A relative link against an absolute base: only the forms canonical links take
/// (`//host/path`, `/path`); anything else is left as written.
fn join(base: &str, rel: &str) -> Option<String> {
    let (scheme, rest) = base.split_once("://")?;
    if let Some(r) = rel.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    let host = rest.split(['/', '?', '#']).next()?;
    rel.starts_with('/').then(|| format!("{scheme}://{host}{rel}"))
}

/// `article:published_time`, else JSON-LD `datePublished`, else other date metas, else the
/// page's `<time datetime>`; only what reads as a date.
fn published(doc: &Document, tags: &Tags, ld: &jsonld::LinkedData) -> Option<String> {
    let metas = std::iter::once("article:published_time")
        .filter_map(|k| tags.get(k))
        .chain(ld.published.as_deref())
        .chain(DATE_KEYS.iter().filter_map(|k| tags.get(k)));
    if let Some(d) = metas.filter_map(date::iso).next() {
        return Some(d);
    }
    let times = doc.select("time").nodes().to_vec();
    let published_one = |n: &NodeRef| {
        n.has_attr("pubdate")
            || n.attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datePublished"))
    };
    let ordered = times
        .iter()
        .filter(|n| published_one(n))
        .chain(times.iter().filter(|n| !published_one(n)));
    ordered
        .filter_map(|n| {
            n.attr("datetime")
                .map(|d| d.to_string())
                .or_else(|| Some(n.text().to_string()))
        })
        .find_map(|d| date::iso(&d))
}

/// The author meta, `article:author` when it is not a link, JSON-LD `author`, else a byline
/// element of the page (`[rel=author]`, `.byline`, `[itemprop=author]`).
fn byline(doc: &Document, tags: &Tags, ld: &jsonld::LinkedData, sites: &[&str]) -> Option<String> {
    let keep = |names: Vec<String>| -> Option<String> {
        let names: Vec<String> = names
            .iter()
            .filter_map(|n| clean_byline(n))
            .filter(|n| !sites.iter().any(|s| same_name(s, n)))
            .collect();
        join_names(&names)
    };
    AUTHOR_KEYS
        .iter()
        .find_map(|k| keep(tags.all(k).map(str::to_string).collect()))
        .or_else(|| keep(ld.authors.iter().map(|a| decode(a)).collect()))
        .or_else(|| byline_element(doc).and_then(keep))
}

/// Names in the page's byline elements: author links first, then byline blocks, then
/// microdata authors (whose `[itemprop=name]` is taken over the block's whole text).
fn byline_element(doc: &Document) -> Option<Vec<String>> {
    let texts = |sel: &str| -> Vec<String> {
        doc.select(sel)
            .nodes()
            .iter()
            .take(8)
            .map(|n| {
                // An author block often holds a name element beside a photo and a job title.
                let inner = dom_query::Selection::from(*n).select_single("[itemprop=name]");
                let inner = inner.nodes().first().map(NodeRef::text);
                let t = inner.unwrap_or_else(|| n.attr("content").unwrap_or_else(|| n.text()));
                squash(&t)
            })
            .filter(|t| !t.is_empty())
            .collect()
    };
    ["body [rel~=author]", "body .byline", "body [itemprop~=author]"]
        .iter()
        .map(|s| texts(s))
        .find(|v| !v.is_empty())
}

/// A byline as a name list: "By Mara Quill | Nov. 4, 2023" → "Mara Quill". Links, handles,
/// dates and long strings are not bylines.
pub fn clean_byline(s: &str) -> Option<String> {
    let mut s = squash(s);
    for prefix in ["written by ", "words by ", "story by ", "by: ", "by "] {
        if s.get(..prefix.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(prefix))
        {
            s = s[prefix.len()..].trim().to_string();
            break;
        }
    }
    for cut in [
        " | ",
        " · ",
        " • ",
        " — ",
        " – ",
        "Updated ",
        "Published ",
        "Posted ",
    ] {
        if let Some(i) = s.find(cut) {
            s.truncate(i);
        }
    }
    let s = s
        .trim()
        .trim_end_matches([',', ';', ':', '|', '-'])
        .trim()
        .to_string();
    let digits = s.chars().filter(char::is_ascii_digit).count();
    let bad = s.is_empty()
        || s.starts_with('@')
        || s.contains("://")
        || s.starts_with("www.")
        || digits >= 4
        || s.chars().count() > 120
        || words(&s) > 15;
    (!bad).then_some(s)
}

/// White space collapsed to single spaces, ends trimmed.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// HTML character references left in JSON-LD strings by some templates ("Smith &amp; Jones").
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    squash(&Document::fragment(s).text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffixes_cut_only_when_they_name_the_site() {
        let site = ["The Lanvale Courier"];
        for (t, want) in [
            ("Harbour strike ends | The Lanvale Courier", "Harbour strike ends"),
            ("Harbour strike ends - Lanvale Courier", "Harbour strike ends"),
            ("Harbour strike ends – The Lanvale Courier", "Harbour strike ends"),
            ("Harbour strike ends — LANVALE COURIER", "Harbour strike ends"),
            (
                "Harbour strike ends :: The Lanvale Courier",
                "Harbour strike ends",
            ),
            (
                "Harbour strike ends | Business | The Lanvale Courier",
                "Harbour strike ends",
            ),
            ("The Lanvale Courier | Harbour strike ends", "Harbour strike ends"),
            (
                "Harbour strike ends - live updates",
                "Harbour strike ends - live updates",
            ),
            (
                "Harbour strike ends | Other Paper",
                "Harbour strike ends | Other Paper",
            ),
        ] {
            assert_eq!(strip_site(t, &site), want, "{t}");
        }
        for (t, want) in [
            ("Harbour strike ends | The Lanvale Courier", "Harbour strike ends"),
            (
                "Harbour strike ends - lanvale-courier.example",
                "Harbour strike ends",
            ),
            (
                "Harbour strike ends - live updates",
                "Harbour strike ends - live updates",
            ),
            ("Strike - Courier", "Strike - Courier"),
            ("No separator here", "No separator here"),
            (" | ", "|"),
        ] {
            assert_eq!(strip_site(t, &[]), want, "{t}");
        }
    }

    #[test]
    fn bylines_are_names() {
        for (s, want) in [
            ("By Mara Quill", Some("Mara Quill")),
            ("BY MARA QUILL", Some("MARA QUILL")),
            ("  by:  Mara   Quill | Nov. 4, 2023", Some("Mara Quill")),
            (
                "Mara Quill Updated 10:42 AM EST, Sat November 4, 2023",
                Some("Mara Quill"),
            ),
            ("https://social.example/maraquill", None),
            ("@maraquill", None),
            ("November 4, 2023", None),
            ("", None),
            ("Bé Nguyen", Some("Bé Nguyen")),
            ("written b\u{e9}", Some("written b\u{e9}")),
        ] {
            assert_eq!(clean_byline(s).as_deref(), want, "{s}");
        }
    }
}
