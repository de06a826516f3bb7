//! Whole-program tests of the comparison engine: normalisation, cuts, moves, word edits, the
//! sample relations, coverage, and the `compare --json` contract.

use std::ops::Range;
use std::path::PathBuf;

use copydesk::article::{self, Article, Meta};
use copydesk::compare::{ChangeOp, Options, Relation, SegOp, compare, coverage};

fn fixture(p: &str) -> String {
    std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(p),
    )
    .unwrap_or_else(|e| panic!("fixture {p}: {e}"))
}

fn art(name: &str, text: &str) -> Article {
    article::build(name, text.to_string(), "UTF-8", Meta::default(), Vec::new())
}

fn seed_path(n: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    std::fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with(n)))
        .expect("seed file")
}

/// A seed with the boilerplate the loader will mark, marked by hand from
/// tests/fixtures/compare/boilerplate/NNN.txt (until the loader's detection lands).
fn seed(n: &str) -> Article {
    let text = std::fs::read_to_string(seed_path(n)).expect("seed");
    let mut a = art(&format!("seeds/{n}"), &text);
    let list = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/compare/boilerplate/{n}.txt")),
    )
    .unwrap_or_default();
    let mut bp: Vec<Range<usize>> = Vec::new();
    for line in list.lines().filter(|l| !l.trim().is_empty()) {
        let found: Vec<_> = a.text.match_indices(line).map(|(i, m)| i..i + m.len()).collect();
        assert!(!found.is_empty(), "boilerplate line not in seed {n}: {line}");
        bp.extend(found);
    }
    bp.sort_by_key(|r| r.start);
    a.boilerplate = bp;
    a
}

fn ops(c: &copydesk::compare::Comparison) -> Vec<SegOp> {
    c.segments.iter().map(|s| s.op).collect()
}

#[test]
fn only_normalisations_is_identical() {
    let a = art("a", &fixture("compare/normalise_a.txt"));
    let b = art("b", &fixture("compare/normalise_b.txt"));
    let c = compare(&a, &b, &Options::default());
    assert_eq!(c.summary.relation, Relation::Identical, "{:?}", c.segments);
    assert!(
        c.segments
            .iter()
            .all(|s| s.op == SegOp::Same && s.changes.is_empty())
    );
    assert_eq!(c.summary.shared_a, 1.0);
    assert_eq!(c.summary.shared_b, 1.0);
    // Every word of both texts lies in some segment.
    assert!(
        c.segments
            .iter()
            .any(|s| s.a.as_ref().is_some_and(|r| a.text[r.clone()].contains("Orbán")))
    );
}

/// Seed 000 (a clean AP text) split into paragraphs, for hand-made versions.
fn paragraphs() -> Vec<String> {
    std::fs::read_to_string(seed_path("000"))
        .expect("seed")
        .split("\n\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn one_paragraph_removed_is_exactly_that() {
    let paras = paragraphs();
    let a = art("a", &paras.join("\n\n"));
    let mut cut = paras.clone();
    let gone = cut.remove(3);
    let b = art("b", &cut.join("\n\n"));
    let c = compare(&a, &b, &Options::default());
    let start = a.text.find(&gone).expect("paragraph");
    let removed: Vec<Range<usize>> = c
        .segments
        .iter()
        .filter(|s| s.op == SegOp::Removed)
        .map(|s| s.a.clone().expect("a range"))
        .collect();
    assert!(!removed.is_empty());
    assert_eq!(removed.first().map(|r| r.start), Some(start));
    assert_eq!(removed.last().map(|r| r.end), Some(start + gone.len()));
    assert!(
        c.segments
            .iter()
            .all(|s| matches!(s.op, SegOp::Same | SegOp::Removed))
    );
    assert_eq!(c.summary.relation, Relation::Cut);
    assert_eq!(c.summary.shared_b, 1.0);
}

#[test]
fn one_paragraph_moved_is_moved() {
    let paras = paragraphs();
    let a = art("a", &paras.join("\n\n"));
    let mut moved = paras.clone();
    let p = moved.remove(2);
    moved.push(p.clone());
    let b = art("b", &moved.join("\n\n"));
    let c = compare(&a, &b, &Options::default());
    let m: Vec<_> = c.segments.iter().filter(|s| s.op == SegOp::Moved).collect();
    assert!(!m.is_empty(), "{:?}", ops(&c));
    let a_start = a.text.find(&p).expect("paragraph");
    let b_start = b.text.rfind(&p).expect("paragraph");
    assert_eq!(m[0].a.as_ref().map(|r| r.start), Some(a_start));
    assert_eq!(m[0].b.as_ref().map(|r| r.start), Some(b_start));
    assert_eq!(
        m.last().and_then(|s| s.a.as_ref()).map(|r| r.end),
        Some(a_start + p.len())
    );
    assert!(
        c.segments
            .iter()
            .all(|s| matches!(s.op, SegOp::Same | SegOp::Moved))
    );
    assert_eq!(c.summary.counts.added + c.summary.counts.removed, 0);
    assert_eq!(c.summary.shared_a, 1.0);
}

#[test]
fn one_word_changed_is_one_edited_sentence() {
    let text = paragraphs().join("\n\n");
    let a = art("a", &text);
    let b = art("b", &text.replacen("imminent", "close", 1));
    let c = compare(&a, &b, &Options::default());
    let edited: Vec<_> = c.segments.iter().filter(|s| s.op != SegOp::Same).collect();
    assert_eq!(edited.len(), 1, "{:?}", ops(&c));
    assert_eq!(edited[0].op, SegOp::Edited);
    let changed: Vec<_> = edited[0]
        .changes
        .iter()
        .filter(|ch| ch.op != ChangeOp::Equal)
        .collect();
    assert_eq!(changed.len(), 2);
    assert_eq!(changed[0].op, ChangeOp::Delete);
    assert_eq!(&a.text[changed[0].a.clone().expect("a")], "imminent");
    assert_eq!(changed[1].op, ChangeOp::Insert);
    assert_eq!(&b.text[changed[1].b.clone().expect("b")], "close");
    assert_eq!(c.summary.relation, Relation::Edited);
}

#[test]
fn sentences_merged_and_split_are_not_changes() {
    let a = art(
        "a",
        "Putin spoke on Tuesday. He said talks would go on. Lavrov agreed with him on that.",
    );
    let b = art(
        "b",
        "Putin spoke on Tuesday; he said talks would go on.\n\nLavrov agreed. With him on that.",
    );
    let c = compare(&a, &b, &Options::default());
    assert_eq!(c.summary.relation, Relation::Identical, "{:?}", c.segments);
}

#[test]
fn self_comparison_is_identical_with_boilerplate_too() {
    let a = seed("002");
    for include in [false, true] {
        let opts = Options {
            include_boilerplate: include,
            ..Options::default()
        };
        let c = compare(&a, &a, &opts);
        assert_eq!(c.summary.relation, Relation::Identical);
    }
}

#[test]
fn boilerplate_left_out_by_default() {
    let a = seed("002");
    let b = seed("000");
    let c = compare(&a, &b, &Options::default());
    assert!(c.segments.iter().all(|s| {
        !s.a.as_ref()
            .is_some_and(|r| a.text[r.clone()].contains("Watch CBS"))
    }));
    let with = compare(
        &a,
        &b,
        &Options {
            include_boilerplate: true,
            ..Options::default()
        },
    );
    assert!(with.segments.iter().any(|s| {
        s.a.as_ref()
            .is_some_and(|r| a.text[r.clone()].contains("Watch CBS"))
    }));
}

#[test]
fn sample_relations_with_002() {
    let base = seed("002");
    let cases = [
        ("000", Relation::Cut),
        ("001", Relation::Cut),
        ("004", Relation::Rewrite),
        ("003", Relation::Independent),
    ];
    for (n, want) in cases {
        let c = compare(&base, &seed(n), &Options::default());
        assert_eq!(c.summary.relation, want, "002 vs {n}: {:?}", c.summary);
    }
    let c = compare(&base, &seed("000"), &Options::default());
    assert_eq!(c.summary.shared_b, 1.0);
    assert!(c.summary.shared_a < 0.5);
}

/// The same relations through the real loader's boilerplate: 002's site chrome and captions and
/// 001's "Moscow:" dateline and "READ:" promo are furniture, so 001 is a plain cut of 002.
#[test]
fn sample_relations_with_real_loader() {
    let load = |n: &str| {
        let (mut v, problems) = article::load_paths(&[seed_path(n)]);
        assert!(problems.is_empty());
        v.remove(0)
    };
    let base = load("002");
    for (n, want) in [
        ("000", Relation::Cut),
        ("001", Relation::Cut),
        ("004", Relation::Rewrite),
        ("003", Relation::Independent),
    ] {
        let c = compare(&base, &load(n), &Options::default());
        assert_eq!(c.summary.relation, want, "002 vs {n}: {:?}", c.summary);
    }
}

#[test]
fn coverage_of_002() {
    let base = seed("002");
    let others: Vec<Article> = ["000", "001", "003", "004"].iter().map(|n| seed(n)).collect();
    let refs: Vec<&Article> = others.iter().collect();
    let cov = coverage(&base, &refs, &Options::default());
    assert_eq!(cov.carried.len(), cov.units.len());
    let row = cov
        .units
        .iter()
        .position(|u| base.text[u.range.clone()].starts_with("But he said it was clear"))
        .expect("sentence");
    let carried: Vec<bool> = cov.carried[row].iter().map(Option::is_some).collect();
    assert_eq!(carried, [true, true, false, true]);
    assert_eq!(cov.heat()[row], 3);
    let lavrov = cov
        .units
        .iter()
        .position(|u| base.text[u.range.clone()].starts_with("Lavrov and Blinken spoke Tuesday"))
        .expect("sentence");
    assert_eq!(cov.heat()[lavrov], 1, "only 001 carries it");
}

#[test]
fn boilerplate_only_difference_is_identical() {
    let marked = seed("002");
    let mut clean = marked.text.clone();
    for r in marked.boilerplate.iter().rev() {
        clean.replace_range(r.clone(), "");
    }
    let c = compare(&marked, &art("clean", &clean), &Options::default());
    assert_eq!(c.summary.relation, Relation::Identical, "{:?}", c.summary);
}
