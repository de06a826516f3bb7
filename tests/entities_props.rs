//! Property: the recogniser never panics and always returns in-bounds, char-boundary,
//! sorted, non-overlapping spans, whatever the text.

use copydesk::entities::{analyse_text, analyse_texts};
use proptest::prelude::*;

fn check(text: &str) {
    let a = analyse_text(text);
    let mut last = 0;
    for e in &a.entities {
        assert!(e.range.start < e.range.end && e.range.end <= text.len());
        assert!(text.is_char_boundary(e.range.start) && text.is_char_boundary(e.range.end));
        assert!(e.range.start >= last, "sorted and non-overlapping");
        last = e.range.end;
    }
    let mut last_q = 0;
    for q in &a.quotes {
        assert!(q.range.start < q.range.end && q.range.end <= text.len());
        assert!(text.is_char_boundary(q.range.start) && text.is_char_boundary(q.range.end));
        assert!(q.range.start >= last_q);
        last_q = q.range.start;
        if let Some(s) = &q.speaker {
            assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
    }
}

/// Text built from news-like pieces, so the rules themselves get exercised.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Putin".to_string()),
        Just("U.S.".to_string()),
        Just("the Kremlin".to_string()),
        Just("said".to_string()),
        Just("Feb. 1, 2022".to_string()),
        Just("more than 100,000".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("'s".to_string()),
        Just("-".to_string()),
        Just("\n\n".to_string()),
        Just("Ministry of".to_string()),
        Just("and".to_string()),
        Just("al-".to_string()),
        Just("Tuesday,".to_string()),
        Just(".".to_string()),
        Just("a day".to_string()),
        Just("a second".to_string()),
        Just("early".to_string()),
        Just("the end of".to_string()),
        Just("9/".to_string()),
        Just("-19".to_string()),
        Just("4-".to_string()),
        Just("recent".to_string()),
        Just("for years".to_string()),
        Just("Inc.".to_string()),
        Just("Sen.".to_string()),
        Just("Glacier".to_string()),
        Just("the".to_string()),
        Just("one in".to_string()),
        Just("a third".to_string()),
        Just("$".to_string()),
        Just("%".to_string()),
        Just("in the".to_string()),
        Just(",".to_string()),
        Just("'".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("Hurricane".to_string()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        "[0-9]{1,6}",
        "\\PC{0,3}",
    ];
    let sep = prop_oneof![Just(" "), Just(""), Just("\n")];
    prop::collection::vec((piece, sep), 0..60)
        .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect::<String>())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_strings(s in "\\PC*") {
        check(&s);
    }

    #[test]
    fn any_unicode(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn news_like_text(s in newsy()) {
        check(&s);
        let _ = analyse_texts(&[&s, &s]);
    }
}

#[test]
fn edge_cases() {
    for s in [
        "", " ", "\"", "“", "'s", "-", "U.", "A.B.", "1,", "1:", "the", "The", "\u{feff}", "ab\r\ncd", "$",
        "£20bn",
    ] {
        check(s);
    }
    check(&"Putin said \"".repeat(2000));
}
