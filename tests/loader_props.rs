//! Loading never panics: arbitrary bytes through decoding, every format reader and segmentation,
//! and arbitrary (and news-shaped) strings through segmentation; every range stays inside the
//! text, on character boundaries, in order.

use copydesk::article::{Article, Format, Meta, build, load_bytes};
use proptest::prelude::*;

fn check(a: &Article) {
    let t = &a.text;
    for set in [&a.paragraphs, &a.sentences, &a.boilerplate] {
        let mut last_end = 0;
        for r in set.iter() {
            assert!(r.start <= r.end && r.end <= t.len(), "{r:?} outside {}", t.len());
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
            assert!(r.start >= last_end, "ranges overlap or are out of order");
            last_end = r.end;
        }
    }
    assert_eq!(a.id.len(), 64);
    let rec = a.to_record(true);
    assert_eq!(rec.sentences.len(), a.sentences.len());
}

const FORMATS: [Option<Format>; 6] = [
    None,
    Some(Format::Text),
    Some(Format::Markdown),
    Some(Format::Html),
    Some(Format::Json),
    Some(Format::JsonLines),
];

/// Pieces that exercise the segmenter's and boilerplate rules' edges.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "U.S.",
        "Sen.",
        "Dec. 23",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\r",
        "\n\n",
        ".",
        "?",
        "!",
        "\u{201d}",
        "\"",
        "'",
        "Putin",
        "said",
        "left,",
        "01:58",
        "Alexei Nikolsky / AP",
        "via Getty Images",
        "READ:",
        "Log in",
        "WASHINGTON (AP) \u{2014} ",
        "Moscow: ",
        "\u{e9}",
        "\u{a0}",
        "\u{2026}",
        "F.",
        "1.5",
        "Tuesday.Mikhail",
        "{\"text\": \"x\"}",
        "<p>",
        "</p>",
        "# ",
        "**",
        "\u{FFFD}",
        "\u{0}",
        "Watch CBS News",
        "NPR's Jo Doe contributed",
    ]);
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Pieces of HTML pages: metadata in every form, with values that are sometimes well formed,
/// sometimes broken (unclosed tags, invalid JSON, placeholders, quotes that end attributes).
fn page_piece() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        Just("2024-03-12T06:40:00+00:00".to_string()),
        Just("2024-02-29".to_string()),
        Just("{{ date }}".to_string()),
        Just("By Mara Quill | Nov. 4".to_string()),
        Just("https://x.example/a".to_string()),
        Just("Harbour strike ends | The Lanvale Courier".to_string()),
        Just("The Lanvale Courier".to_string()),
        "[ -~\u{e9}\u{2014}\u{a0}]{0,24}",
        any::<String>().prop_map(|s| s.chars().take(24).collect()),
    ];
    (0usize..14, value).prop_map(|(k, v)| match k {
        0 => format!("<title>{v}</title>"),
        1 => format!("<meta property=\"og:title\" content=\"{v}\">"),
        2 => format!("<meta property=\"og:site_name\" content=\"{v}\">"),
        3 => format!("<meta property=\"article:published_time\" content=\"{v}\">"),
        4 => format!("<meta name=\"author\" content=\"{v}\">"),
        5 => format!("<link rel=\"canonical\" href=\"{v}\">"),
        6 => format!("<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"{v}\",\"author\":[{{\"name\":\"{v}\"}}],\"publisher\":{{\"@id\":\"{v}\"}}}}</script>"),
        7 => format!("<script type=\"application/ld+json\">{v}</script>"),
        8 => format!("<h1>{v}</h1>"),
        9 => format!("<time datetime=\"{v}\">{v}</time>"),
        10 => format!("<span class=\"byline\">{v}</span>"),
        11 => format!("<p>{v} said the council on Tuesday, and more words follow here.</p>"),
        12 => format!("<article><p>{v}"),
        _ => "</div></p><div>".to_string(),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any page: no panic; a date is ISO 8601 or absent (normalising it again changes nothing);
    /// a byline is never a link; the headline, when there is one, is the text's first block.
    #[test]
    fn html_metadata_is_clean_or_absent(pieces in prop::collection::vec(page_piece(), 0..24)) {
        use copydesk::article::formats::{date, html};
        let page = format!("<html><head>{}</head><body>{}</body></html>", pieces.concat(), pieces.concat());
        if let Ok(p) = html::extract(&page) {
            if let Some(d) = &p.meta.published {
                prop_assert_eq!(date::iso(d), Some(d.clone()));
            }
            if let Some(b) = &p.meta.byline {
                prop_assert!(!b.contains("://"), "{b}");
            }
            if let Some(t) = &p.meta.title {
                let key = |s: &str| {
                    let k = s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                    k.trim_end_matches(['.', ':']).to_string()
                };
                let first = p.text.split("\n\n").next().unwrap_or("");
                prop_assert_eq!(key(first), key(t));
            }
            let a = build("x.html", p.text, "UTF-8", p.meta, p.warnings);
            check(&a);
        }
    }

    #[test]
    fn arbitrary_bytes_in_every_format(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for f in FORMATS {
            let (articles, _) = load_bytes("x", &bytes, f, Vec::new());
            articles.iter().for_each(check);
        }
    }

    #[test]
    fn mostly_printable_bytes_in_every_format(bytes in prop::collection::vec(
        prop_oneof![8 => 0x20u8..0x7f, 2 => Just(b'\n'), 1 => Just(b'\r'), 2 => 0x80u8..=0xff, 1 => any::<u8>()],
        0..2048,
    )) {
        for f in FORMATS {
            let (articles, _) = load_bytes("x", &bytes, f, Vec::new());
            articles.iter().for_each(check);
        }
    }

    #[test]
    fn word_count_is_the_unicode_word_count(
        s in any::<String>(),
        n in newsy(),
        a in "[ -~\t\n\r\u{b}\u{c}\u{300}\u{301}\u{945}\u{5b0}\u{200d}\u{e9}\u{201c}\u{201d}\u{2019}\u{a0}]{0,300}",
    ) {
        use unicode_segmentation::UnicodeSegmentation;
        prop_assert_eq!(copydesk::article::segment::count_words(&a), a.unicode_words().count());
        prop_assert_eq!(copydesk::article::segment::count_words(&s), s.unicode_words().count());
        prop_assert_eq!(copydesk::article::segment::count_words(&n), n.unicode_words().count());
    }

    #[test]
    fn arbitrary_strings_segment(s in any::<String>()) {
        check(&build("x.txt", s, "UTF-8", Meta::default(), Vec::new()));
    }

    #[test]
    fn news_shaped_strings_segment_and_load(s in newsy()) {
        check(&build("x.txt", s.clone(), "UTF-8", Meta::default(), Vec::new()));
        for f in FORMATS {
            let (articles, _) = load_bytes("x", s.as_bytes(), f, Vec::new());
            articles.iter().for_each(check);
        }
    }
}
