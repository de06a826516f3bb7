//! Faithful word diffs: every changed line of the plain word diff, the Markdown report and the
//! reader's inline diff pane,
//! read as a (insertions dropped, deletions unwrapped) gives a's words and punctuation in order,
//! and read as b gives b's. Checked on every pair of fixture articles and on generated prose;
//! and `compare A B` colours its word diff as `git diff --word-diff=color` does only when asked
//! or on a terminal.

use std::path::PathBuf;
use std::process::Command;

use copydesk::article::{self, Article, Meta};
use copydesk::compare::export::{Marks, inline_words, md_escape};
use copydesk::compare::inline::fold;
use copydesk::compare::{Comparison, Options, SegOp, compare};
use proptest::prelude::*;

fn art(name: &str, t: &str) -> Article {
    article::build(name, t.to_string(), "UTF-8", Meta::default(), Vec::new())
}

/// A text's words and punctuation in order, typography folded, white space left out.
fn content(s: &str) -> String {
    let folded: String = s
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
        })
        .map(|c| fold(&c.to_string()))
        .collect();
    folded.replace("--", "\u{2014}")
}

/// Reads a marked line as one side: `keep` marks are unwrapped, `drop` marks removed with their
/// text. `literal` escapes (Markdown's backslash) are honoured.
fn read(line: &str, keep: (&str, &str), drop: (&str, &str), backslash: bool) -> String {
    let mut out = String::new();
    let mut rest = line;
    let mut dropping = false;
    while let Some(c) = rest.chars().next() {
        if backslash && c == '\\' {
            let mut it = rest.chars();
            it.next();
            if let Some(n) = it.next() {
                if !dropping {
                    out.push(n);
                }
                rest = &rest[1 + n.len_utf8()..];
                continue;
            }
        }
        let starts = |m: &str| rest.starts_with(m);
        if !dropping && starts(drop.0) {
            dropping = true;
            rest = &rest[drop.0.len()..];
        } else if dropping && starts(drop.1) {
            dropping = false;
            rest = &rest[drop.1.len()..];
        } else if !dropping && (starts(keep.0) || starts(keep.1)) {
            rest = &rest[if starts(keep.0) {
                keep.0.len()
            } else {
                keep.1.len()
            }..];
        } else {
            if !dropping {
                out.push(c);
            }
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Checks every changed line of `c` in both markings; returns (lines checked, failures).
fn check(a: &Article, b: &Article, c: &Comparison) -> (usize, Vec<String>) {
    let plain = Marks {
        del: ("[-", "-]"),
        ins: ("{+", "+}"),
        escape: &|t: &str| t.split_whitespace().collect::<Vec<_>>().join(" "),
    };
    let md = Marks {
        del: ("~~", "~~"),
        ins: ("**", "**"),
        escape: &|t: &str| md_escape(&t.split_whitespace().collect::<Vec<_>>().join(" ")),
    };
    let mut n = 0;
    let mut bad = Vec::new();
    for s in &c.segments {
        let (Some(ra), Some(rb)) = (s.a.clone(), s.b.clone()) else {
            continue;
        };
        if s.changes.is_empty() || !matches!(s.op, SegOp::Edited | SegOp::Moved) {
            continue;
        }
        let (want_a, want_b) = (content(&a.text[ra.clone()]), content(&b.text[rb.clone()]));
        for (m, backslash) in [(&plain, false), (&md, true)] {
            n += 1;
            let line = inline_words(&a.text, &b.text, ra.clone(), rb.clone(), &s.changes, m);
            let as_a = content(&read(&line, m.del, m.ins, backslash));
            let as_b = content(&read(&line, m.ins, m.del, backslash));
            if as_a != want_a || as_b != want_b {
                bad.push(format!(
                    "{line}\n  a: {}\n  b: {}",
                    &a.text[ra.clone()],
                    &b.text[rb.clone()]
                ));
            }
        }
    }
    // The reader's diff pane, inline: each edited row read the same way.
    let rows = copydesk::tui::diffrows::layout(a, b, c, true, 80);
    for row in &rows.rows {
        if row.op != copydesk::tui::diffrows::RowOp::Edited {
            continue;
        }
        let (Some(cell), Some(s)) = (&row.left, c.segments.get(row.segment)) else {
            continue;
        };
        let (Some(ra), Some(rb)) = (s.a.clone(), s.b.clone()) else {
            continue;
        };
        n += 1;
        let as_a = content(&read(&cell.text, plain.del, plain.ins, false));
        let as_b = content(&read(&cell.text, plain.ins, plain.del, false));
        if as_a != content(&a.text[ra.clone()]) || as_b != content(&b.text[rb.clone()]) {
            bad.push(format!(
                "TUI: {}\n  a: {}\n  b: {}",
                cell.text, &a.text[ra], &b.text[rb]
            ));
        }
    }
    (n, bad)
}

/// The fixture folders whose articles are versions of a few stories, each folder loaded apart.
fn fixture_folders() -> Vec<Vec<Article>> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = [
        "seeds",
        "loader/news",
        "loader/seeds",
        "entities/articles",
        "compare",
        "compare/other",
    ]
    .iter()
    .map(|d| root.join(d))
    .collect();
    // The development corpus, one folder an event (and another corpus folder of that form).
    let corpora = [
        Some(root.join("corpus")),
        std::env::var_os("COPYDESK_CORPUS").map(PathBuf::from),
    ];
    for c in corpora.into_iter().flatten() {
        if let Ok(events) = std::fs::read_dir(c.join("events")) {
            let mut v: Vec<PathBuf> = events.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            v.sort();
            dirs.extend(v);
        }
    }
    dirs.iter()
        .map(|d| article::load_paths(std::slice::from_ref(d)).0)
        .collect()
}

#[test]
fn every_changed_line_of_fixture_pairs_reads_as_each_side() {
    let (mut lines, mut bad) = (0, Vec::new());
    // Every pair within a folder: versions of one story sit together in the fixture folders.
    for arts in fixture_folders() {
        for i in 0..arts.len() {
            for j in i + 1..arts.len() {
                let c = compare(&arts[i], &arts[j], &Options::default());
                let (n, b) = check(&arts[i], &arts[j], &c);
                lines += n;
                bad.extend(b);
            }
        }
    }
    eprintln!("word diff: {lines} changed lines checked, {} wrong", bad.len());
    assert!(lines >= 60, "only {lines} changed lines");
    assert!(
        bad.is_empty(),
        "{} of {lines} lines wrong:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// Prose-like text with the punctuation that sits next to changes in news copy.
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-z]{1,7}",
            1 => "[A-Z][a-z]{1,6}",
            1 => Just("9%".to_string()),
            1 => Just("(Meridian Wire) \u{2014}".to_string()),
            1 => Just("\u{201C}we won\u{2019}t\u{201D}".to_string()),
            1 => Just("\"so\"".to_string()),
            1 => Just(",".to_string()),
            1 => Just("said.".to_string()),
            1 => Just("U.S.".to_string()),
            1 => Just("--".to_string()),
            1 => Just("$4.5".to_string()),
            1 => Just("\n".to_string()),
            1 => Just("*x_".to_string()),
        ],
        1..40,
    )
    .prop_map(|v| v.join(" "))
}

/// b: a with some words replaced, dropped or added, and punctuation moved.
fn edited(a: String) -> impl Strategy<Value = (String, String)> {
    let words: Vec<String> = a.split(' ').map(str::to_string).collect();
    let n = words.len();
    prop::collection::vec((0..n.max(1), 0..4u8, "[a-z]{2,6}"), 1..6).prop_map(move |edits| {
        let mut w = words.clone();
        for (i, kind, new) in edits {
            if w.is_empty() {
                break;
            }
            let i = i % w.len();
            match kind {
                0 => w[i] = new,
                1 => {
                    w.remove(i);
                }
                2 => w.insert(i, new),
                _ => w[i] = format!("{},", w[i]),
            }
        }
        (a.clone(), w.join(" "))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn changed_lines_read_as_each_side((a, b) in prose().prop_flat_map(edited)) {
        let (x, y) = (art("a", &a), art("b", &b));
        let c = compare(&x, &y, &Options::default());
        let (_, bad) = check(&x, &y, &c);
        prop_assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}

#[test]
fn examples_from_real_copy_keep_their_punctuation() {
    let cases = [
        (
            "Dock workers accepted a 9% pay rise on Friday after a week on strike.",
            "Dock workers accepted a 9% raise on Friday after a week on strike.",
            "Dock workers accepted a 9% [-pay rise-]{+raise+} on Friday after a week on strike.",
        ),
        (
            "WESTHAVEN, Calder (Meridian Wire) \u{2014} Hundreds of dock workers walked out on Monday.",
            "Hundreds of dock workers walked out on Monday.",
            "[-WESTHAVEN, Calder (Meridian Wire) \u{2014}-] Hundreds of dock workers walked out on Monday.",
        ),
    ];
    for (a, b, want) in cases {
        let (x, y) = (art("a", a), art("b", b));
        let c = compare(&x, &y, &Options::default());
        let s = c.segments.iter().find(|s| s.op == SegOp::Edited).expect("edited");
        let m = Marks {
            del: ("[-", "-]"),
            ins: ("{+", "+}"),
            escape: &|t: &str| t.to_string(),
        };
        let line = inline_words(a, b, s.a.clone().unwrap(), s.b.clone().unwrap(), &s.changes, &m);
        assert_eq!(line, want);
    }
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

const A: &str = "tests/fixtures/compare/word_a.txt";
const B: &str = "tests/fixtures/compare/word_b.txt";

#[test]
fn plain_word_diff_when_piped_colour_when_asked() {
    let o = bin().args(["compare", A, B]).output().unwrap();
    let plain = String::from_utf8(o.stdout).unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert!(!plain.contains('\x1b'), "{plain}");
    assert!(plain.contains("a 9% [-pay rise-]{+raise+} on Friday"), "{plain}");
    assert!(
        plain.contains("[-WESTHAVEN, Calder (Meridian Wire) \u{2014}-] Hundreds"),
        "{plain}"
    );

    let o = bin().args(["compare", "--color=always", A, B]).output().unwrap();
    let coloured = String::from_utf8(o.stdout).unwrap();
    assert!(
        coloured.contains("a 9% \x1b[31mpay rise\x1b[m\x1b[32mraise\x1b[m on Friday"),
        "{coloured}"
    );
    assert!(!coloured.contains("[-") && !coloured.contains("{+"), "{coloured}");
    // The same line with the colours taken out is the plain one without its brackets.
    let strip = |s: &str| {
        s.replace("\x1b[31m", "")
            .replace("\x1b[32m", "")
            .replace("\x1b[m", "")
    };
    let unbracket = |s: &str| {
        s.replace("[-", "")
            .replace("-]", "")
            .replace("{+", "")
            .replace("+}", "")
    };
    assert_eq!(strip(&coloured), unbracket(&plain));

    for args in [
        &["compare", "--color=never", A, B][..],
        &["compare", "--color=auto", A, B],
    ] {
        let o = bin().args(args).env("NO_COLOR", "1").output().unwrap();
        assert_eq!(String::from_utf8(o.stdout).unwrap(), plain);
    }
    let o = bin()
        .args(["compare", "--color=sometimes", A, B])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}
