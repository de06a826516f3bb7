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

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

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
