//! Properties: comparing arbitrary texts never panics, and a text compared with itself is
//! always `identical`; names, quotes and exports stay in bounds and escape the text.

use copydesk::article::{self, Meta};
use copydesk::compare::{Options, Relation, compare, export, group_stories, stories};
use proptest::prelude::*;

fn art(name: &str, t: &str) -> article::Article {
    article::build(name, t.to_string(), "UTF-8", Meta::default(), Vec::new())
}

/// Prose-like text: words, punctuation, quotes of both kinds, line breaks, accents, emoji.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            "[A-Za-z]{1,8}",
            Just("Orbán".to_string()),
            Just("\u{201C}".to_string()),
            Just("\u{201D}".to_string()),
            Just("\"".to_string()),
            Just("’".to_string()),
            Just(". ".to_string()),
            Just("\n\n".to_string()),
            Just("\n".to_string()),
            Just(" — ".to_string()),
            Just("😀".to_string()),
            Just("<q> & 'x'".to_string()),
            Just("Vladimir Putin said".to_string()),
            "[0-9]{1,4}",
            " ",
        ],
        0..80,
    )
    .prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn never_panics(a in "\\PC{0,300}", b in "\\PC{0,300}") {
        let (x, y) = (art("a", &a), art("b", &b));
        let c = compare(&x, &y, &Options::default());
        prop_assert!((0.0..=1.0).contains(&c.summary.shared_a));
        for s in &c.segments {
            if let Some(r) = &s.a { prop_assert!(r.start <= r.end && r.end <= a.len()); }
            if let Some(r) = &s.b { prop_assert!(r.start <= r.end && r.end <= b.len()); }
        }
        for (r, t) in c.names_only_a.iter().map(|r| (r, &a)).chain(c.names_only_b.iter().map(|r| (r, &b))) {
            prop_assert!(t.get(r.clone()).is_some());
        }
        prop_assert_eq!(c.names_only_a.len(), c.names_only_a_labels.len());
        for q in &c.quote_differences {
            prop_assert!(a.get(q.a.clone()).is_some() && b.get(q.b.clone()).is_some());
        }
        let _ = export::markdown(&x, &y, &c);
        let _ = export::html(&x, &y, &c);
        let _ = stories(&[x.clone(), y.clone()]);
        let _ = group_stories(&[x, y]);
    }

    #[test]
    fn exports_escape_article_text(a in prose(), b in prose()) {
        let (x, y) = (art("a", &a), art("b", &b));
        let c = compare(&x, &y, &Options::default());
        let html = export::html(&x, &y, &c);
        prop_assert!(!html.contains("<q>"), "text <q> must be escaped");
        prop_assert_eq!(html.matches("<tr class=").count(), c.segments.len());
        let md = export::markdown(&x, &y, &c);
        prop_assert!(!md.contains("<q>"));
    }

    #[test]
    fn prose_never_panics(a in prose(), b in prose()) {
        let c = compare(&art("a", &a), &art("b", &b), &Options::default());
        let n = c.summary.counts;
        prop_assert_eq!(n.same + n.edited + n.moved + n.added + n.removed, c.segments.len());
    }

    #[test]
    fn itself_is_identical(a in prose()) {
        let x = art("a", &a);
        prop_assert_eq!(compare(&x, &x, &Options::default()).summary.relation, Relation::Identical);
    }

    #[test]
    fn itself_is_identical_any(a in "\\PC{0,300}") {
        let x = art("a", &a);
        prop_assert_eq!(compare(&x, &x, &Options::default()).summary.relation, Relation::Identical);
    }
}
