//! Unit tests of the comparison engine's parts: units, moves, quoted evidence, relations.

use super::*;
use crate::article::{Meta, build};

fn art(t: &str) -> Article {
    build("t", t.to_string(), "UTF-8", Meta::default(), Vec::new())
}

fn cmp(a: &str, b: &str) -> Comparison {
    compare(&art(a), &art(b), &Options::default())
}

#[test]
fn empty_versions_are_identical() {
    assert_eq!(cmp("", "").summary.relation, Relation::Identical);
    assert_eq!(cmp("  \n\n ", "").summary.relation, Relation::Identical);
}

#[test]
fn addition_is_extended() {
    let c = cmp(
        "Putin spoke on Tuesday.",
        "Putin spoke on Tuesday. Lavrov agreed with him.",
    );
    assert_eq!(c.summary.relation, Relation::Extended);
    assert_eq!(c.summary.counts.added, 1);
    assert_eq!(c.segments.last().map(|s| s.op), Some(SegOp::Added));
}

#[test]
fn short_sentence_moved_not_long_passage() {
    let a = "First long sentence with many words in it about the talks. Second long sentence that tells \
             much more about the talks in Moscow. Short one here now. Third long sentence closes the \
             article with words about sanctions.";
    let b = "Short one here now. First long sentence with many words in it about the talks. Second long \
             sentence that tells much more about the talks in Moscow. Third long sentence closes the \
             article with words about sanctions.";
    let c = cmp(a, b);
    let moved: Vec<_> = c.segments.iter().filter(|s| s.op == SegOp::Moved).collect();
    assert_eq!(moved.len(), 1);
    let r = moved[0].a.clone().expect("a");
    assert_eq!(&a[r], "Short one here now.");
    assert_eq!(c.summary.relation, Relation::Edited);
}

#[test]
fn added_segments_sit_where_b_has_them() {
    let c = cmp(
        "One two three four. Nine ten eleven twelve.",
        "One two three four. Five six seven eight. Nine ten eleven twelve.",
    );
    let ops: Vec<SegOp> = c.segments.iter().map(|s| s.op).collect();
    assert_eq!(ops, [SegOp::Same, SegOp::Added, SegOp::Same]);
}

#[test]
fn shared_quotes_are_no_evidence_of_reuse() {
    let quote = "\"We need to find a way to ensure interests and security of all parties, including Ukraine, \
                 European nations and Russia,\" Putin said.";
    let a = format!(
        "Reporters gathered early at the Kremlin for the announcement. {quote} Crowds waited outside in the snow."
    );
    let b = format!(
        "The leader appeared tired during the long evening broadcast. {quote} Markets fell sharply afterwards."
    );
    let c = cmp(&a, &b);
    assert_eq!(c.summary.shared_passages, 0);
    assert_eq!(c.summary.relation, Relation::Independent);
    // The same words outside quotation marks are reuse.
    let unq = quote.replace('"', "");
    let c = cmp(
        &format!(
            "Reporters gathered early at the Kremlin for the announcement. {unq} Crowds waited outside \
             in the snow for hours. Police closed the square to traffic before noon. Several \
             ambassadors left the building without speaking to the press."
        ),
        &format!(
            "The leader appeared tired during the long evening broadcast. {unq} Markets fell \
             afterwards across the region. Analysts in London called the remarks a warning. The \
             rouble weakened against the dollar in late trading."
        ),
    );
    assert!(c.summary.shared_passages >= summary::MIN_SHARED_PASSAGES);
    assert_eq!(c.summary.relation, Relation::Rewrite);
}

#[test]
fn names_alone_are_no_evidence() {
    let c = cmp(
        "U.S. Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov in Geneva.",
        "Diplomats said U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergey Lavrov spoke by phone.",
    );
    assert_eq!(c.summary.shared_passages, 0);
}

#[test]
fn long_sentence_is_cut_into_units() {
    let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
    let a = words.join(" ");
    let mut w2 = words.clone();
    w2[500] = "changed".into();
    let c = cmp(&a, &w2.join(" "));
    assert!(c.a_units.len() >= 1000 / MAX_UNIT);
    assert_eq!(c.summary.counts.edited, 1);
    assert_eq!(c.summary.relation, Relation::Edited);
}

#[test]
fn units_skip_boilerplate_and_trim_ranges() {
    let mut a = art("Moscow: Putin spoke on Tuesday. Watch CBS News");
    let w = a.text.find("Watch").expect("chrome");
    a.boilerplate = vec![0..7, w..a.text.len()];
    let p = prepare(&a, false);
    assert_eq!(p.tokens.len(), 4);
    assert_eq!(p.units.len(), 1);
    assert_eq!(&a.text[p.units[0].range.clone()], "Putin spoke on Tuesday.");
}

#[test]
fn names_in_one_version_only() {
    let a = "Putin met Hungarian Prime Minister Victor Orban in Moscow. He said French President \
             Emmanuel Macron may visit soon.";
    let b = "Putin met Hungary's Prime Minister Viktor Orban in Moscow.";
    let c = cmp(a, b);
    let only = |t: &str, r: &[std::ops::Range<usize>], l: &[crate::entities::Label]| {
        r.iter()
            .zip(l)
            .map(|(r, l)| format!("{} {}", l, &t[r.clone()]))
            .collect::<Vec<_>>()
    };
    // Recognised names, with labels; a surname spelled the same with the same initial is one
    // person (the spelling shows in the word diff).
    assert_eq!(
        only(a, &c.names_only_a, &c.names_only_a_labels),
        ["NORP Hungarian", "NORP French", "PERSON Emmanuel Macron"]
    );
    assert_eq!(
        only(b, &c.names_only_b, &c.names_only_b_labels),
        ["PLACE Hungary"]
    );
}

#[test]
fn quotes_from_one_speaker_worded_differently() {
    let a = "Putin spoke in Moscow on Tuesday. \"We will not accept NATO expansion to the east,\" \
             Putin said. \"The weather is fine,\" said Lavrov.";
    let b = "Russian President Vladimir Putin said: \"We cannot accept any NATO expansion to the east.\" \
             Sergey Lavrov said: \"Talks went well.\"";
    let c = cmp(a, b);
    assert_eq!(c.quote_differences.len(), 1, "{:?}", c.quote_differences);
    let q = &c.quote_differences[0];
    assert!(a[q.a.clone()].contains("We will not"));
    assert!(b[q.b.clone()].contains("We cannot"));
    assert_eq!(&a[q.speaker_a.clone()], "Putin");
    assert_eq!(&b[q.speaker_b.clone()], "Vladimir Putin");
    let words = |op: ChangeOp, t: &str, pick: fn(&Change) -> &Option<std::ops::Range<usize>>| {
        q.changes
            .iter()
            .filter(|ch| ch.op == op)
            .filter_map(|ch| pick(ch).clone().map(|r| t[r].to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(words(ChangeOp::Delete, a, |c| &c.a), ["will not"]);
    assert_eq!(words(ChangeOp::Insert, b, |c| &c.b), ["cannot", "any"]);
}

#[test]
fn same_quote_in_other_marks_is_no_difference() {
    let a = "\u{201c}We will not accept it,\u{201d} Putin said.";
    let b = "\"We will NOT accept it,\" said Vladimir Putin.";
    assert!(cmp(a, b).quote_differences.is_empty());
}

#[test]
fn invalid_ranges_from_the_loader_do_not_panic() {
    let mut a = art("Orbán spoke. “Yes,” he said.");
    #[allow(clippy::reversed_empty_ranges)] // a loader bug we must survive
    let bad = vec![0..4, 3..9, 20..500, 7..2];
    a.sentences = bad;
    a.boilerplate = vec![4..5, 400..900];
    let c = compare(&a, &a, &Options::default());
    assert_eq!(c.summary.relation, Relation::Identical);
    for s in &c.segments {
        let r = s.a.clone().expect("a");
        assert!(a.text.get(r).is_some());
    }
}

#[test]
fn quote_worded_differently_is_flagged() {
    let c = cmp(
        "\"We will find a solution,\" Putin said. Talks went on late into the night.",
        "\"We will find an answer,\" Putin said. Talks went on until late into the night.",
    );
    let flags: Vec<(SegOp, bool)> = c.segments.iter().map(|s| (s.op, s.quote_changed)).collect();
    assert_eq!(flags, [(SegOp::Edited, true), (SegOp::Edited, false)]);
}

#[test]
fn b_order_puts_moves_where_they_landed() {
    let c = cmp(
        "Alpha beta gamma delta here. Epsilon zeta eta theta there. Iota kappa lambda mu now.",
        "Iota kappa lambda mu now. Alpha beta gamma delta here. Epsilon zeta eta theta there.",
    );
    let ops: Vec<SegOp> = c.in_b_order().iter().map(|&i| c.segments[i].op).collect();
    assert_eq!(ops, [SegOp::Moved, SegOp::Same, SegOp::Same]);
    assert_eq!(
        c.segments.last().map(|s| s.op),
        Some(SegOp::Moved),
        "kept at a's place in a's order"
    );
}

#[test]
fn repeated_quote_pairs_are_each_reported_at_their_own_place() {
    // Versions made of re-used passages: the same two quotes three times over. Each repeat pairs
    // with its own counterpart, and its changes sit inside its own quote.
    let pa = "Rail talks resumed in Lanvale on Monday. \"We will find a solution,\" Putin said.";
    let pb = "Rail talks resumed in Lanvale on Monday. \"We will find an answer,\" Putin said.";
    let a = [pa, pa, pa].join("\n\n");
    let b = [pb, pb, pb].join("\n\n");
    let c = cmp(&a, &b);
    assert_eq!(c.quote_differences.len(), 3, "{:?}", c.quote_differences);
    let mut last = 0;
    for q in &c.quote_differences {
        assert!(q.a.start >= last, "in a's order");
        last = q.a.start;
        assert!(a[q.a.clone()].contains("solution") && b[q.b.clone()].contains("answer"));
        for ch in &q.changes {
            if let Some(r) = &ch.a {
                assert!(q.a.start <= r.start && r.end <= q.a.end);
            }
            if let Some(r) = &ch.b {
                assert!(q.b.start <= r.start && r.end <= q.b.end);
            }
        }
        let del: Vec<&str> = q
            .changes
            .iter()
            .filter(|ch| ch.op == ChangeOp::Delete)
            .filter_map(|ch| ch.a.clone().map(|r| &a[r]))
            .collect();
        assert_eq!(del, ["a solution"]);
    }
}
