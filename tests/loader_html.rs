//! HTML page metadata through `copydesk list --json`, field by field: the headline (also when it
//! repeats `<title>`) leads the text, and title, url, published, byline and source come from each
//! metadata form (Open Graph and meta tags, JSON-LD in a graph or an array, byline and `<time>`
//! elements, microdata) or their fallbacks; a page with none of them gives nulls, and broken
//! markup or JSON gives nulls rather than garbage. Fixtures: `tests/fixtures/loader/html/`.

use std::process::Command;

use serde_json::{Value, json};

const DIR: &str = "tests/fixtures/loader/html";

fn list(file: &str) -> Value {
    let path = format!("{DIR}/{file}");
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["list", "--json", "--text", &path])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8(o.stdout).unwrap();
    let mut lines = out.lines();
    let rec: Value = serde_json::from_str(lines.next().expect("one record")).unwrap();
    assert!(lines.next().is_none());
    assert_eq!(rec["path"], path.as_str());
    rec
}

/// The metadata fields of a record, every key present.
fn meta(rec: &Value) -> Value {
    let obj = rec.as_object().unwrap();
    let mut m = serde_json::Map::new();
    for k in ["title", "source", "url", "published", "byline", "agency"] {
        assert!(obj.contains_key(k), "{k} is always present");
        m.insert(k.to_string(), rec[k].clone());
    }
    Value::Object(m)
}

fn first_line(rec: &Value) -> &str {
    rec["text"].as_str().unwrap().split("\n\n").next().unwrap()
}

#[test]
fn open_graph_and_meta_tags() {
    let r = list("opengraph.html");
    assert_eq!(
        meta(&r),
        json!({
            // The <h1>, which equals <title> without the site's name.
            "title": "Harbour strike ends after nine days",
            "source": "The Lanvale Courier",
            // The canonical link wins over og:url.
            "url": "https://lanvale-courier.example/news/harbour-strike-ends",
            "published": "2024-03-12T06:40:00Z",
            // <meta name=author>; article:author is a link, not a name.
            "byline": "Mara Quill",
            "agency": null,
        })
    );
    // The extractor drops an <h1> equal to the page title; the text still starts with it.
    assert_eq!(first_line(&r), "Harbour strike ends after nine days");
    let text = r["text"].as_str().unwrap();
    assert_eq!(text.matches("Harbour strike ends after nine days").count(), 1);
    assert!(
        !text.contains("Subscribe") && !text.contains("Copyright"),
        "{text}"
    );
}

#[test]
fn json_ld_graph_with_references() {
    let r = list("jsonld-graph.html");
    assert_eq!(
        meta(&r),
        json!({
            // No <h1>, no og:title: <title> without the publisher's name.
            "title": "Ferry timetable cut for the winter",
            // publisher → {"@id"} → the organisation's name (not the WebSite's short name).
            "source": "Westhaven Ledger",
            // No canonical link: og:url.
            "url": "https://westhaven-ledger.example/2024/01/ferry-timetable",
            // The article node's date, not the WebPage's; the broken first block is skipped.
            "published": "2024-01-08T09:05:00-05:00",
            "byline": "Ines Vale and Tobias Fenn",
            "agency": null,
        })
    );
    assert_eq!(first_line(&r), "Ferry timetable cut for the winter");
}

#[test]
fn json_ld_array_and_og_title_with_a_site_suffix() {
    let r = list("jsonld-array.html");
    assert_eq!(
        meta(&r),
        json!({
            // og:title without " — Calder Evening Post" (<title> is the site's name alone).
            "title": "New footbridge opens over the Calder",
            "source": "Calder Evening Post",
            // A relative canonical link, resolved against og:url.
            "url": "https://calder-post.example/news/2024/02/29/footbridge",
            "published": "2024-02-29",
            "byline": "Dee Hart",
            "agency": null,
        })
    );
    assert_eq!(first_line(&r), "New footbridge opens over the Calder");
}

#[test]
fn byline_links_and_time_element() {
    let r = list("byline-element.html");
    assert_eq!(
        meta(&r),
        json!({
            "title": "Council approves new tram line",
            // Nothing names the outlet.
            "source": null,
            "url": null,
            // <time datetime> without an offset: the local time as written, ISO 8601.
            "published": "2023-10-05T14:30:00",
            // Two rel=author links, joined as a byline.
            "byline": "Ana Ruiz and Bo Lind",
            "agency": null,
        })
    );
    assert_eq!(first_line(&r), "Council approves new tram line");
}

#[test]
fn microdata_headline_author_and_date() {
    let r = list("itemprop.html");
    assert_eq!(
        meta(&r),
        json!({
            // The article's <h1>, not the logo's; <title> would have given the same.
            "title": "Quarry expansion paused",
            "source": null,
            "url": null,
            // itemprop=datePublished beats the "Updated" <time> above it.
            "published": "2022-07-19T09:00:00+02:00",
            // The [itemprop=name] inside the author block, not its job title.
            "byline": "Cy Mott",
            "agency": null,
        })
    );
    assert_eq!(first_line(&r), "Quarry expansion paused");
}

#[test]
fn a_page_with_no_metadata_gives_nulls() {
    let r = list("no-metadata.html");
    assert_eq!(
        meta(&r),
        json!({"title": null, "source": null, "url": null, "published": null, "byline": null, "agency": null})
    );
    assert!(first_line(&r).starts_with("Fishing boats stayed in port"));
    assert_eq!(r["paragraphs"].as_array().unwrap().len(), 3);
}

#[test]
fn broken_markup_and_json_give_nulls_not_garbage() {
    let r = list("broken.html");
    assert_eq!(
        meta(&r),
        json!({
            // " :: Dunmore Gazette" reads as a site's name, though no metadata names the site.
            "title": "Market hall roof repaired",
            "source": null,
            "url": null,
            // A template placeholder, a JSON-LD block cut short and "not a date" are no dates.
            "published": null,
            // The author meta is a link.
            "byline": null,
            "agency": null,
        })
    );
    let text = r["text"].as_str().unwrap();
    assert_eq!(first_line(&r), "Market hall roof repaired");
    assert!(text.contains("under budget"), "{text}");
    assert!(!text.contains("{{") && !text.contains("datePublished"), "{text}");
}
