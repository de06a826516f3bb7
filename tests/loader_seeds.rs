//! The five sample versions of one AP story, loaded from disk: title, source, paragraphs,
//! sentences and boilerplate checked against expectations reviewed by hand in
//! `tests/fixtures/loader/seeds/NNN.expected.json`. The same for pages of other outlets
//! (`tests/fixtures/loader/news/`), to keep the rules general rather than tuned to five files. Boilerplate is compared by the characters it
//! covers, as the project's checks do, so a range may differ by a character or two.

use std::collections::HashSet;
use std::path::PathBuf;

use copydesk::article::{Article, load_paths};

#[derive(serde::Deserialize)]
struct Expected {
    title: Option<String>,
    source: Option<String>,
    paragraphs: usize,
    sentences: Vec<String>,
    boilerplate: Vec<String>,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load_file(file: PathBuf, expected: PathBuf) -> (Article, Expected) {
    let (mut articles, problems) = load_paths(&[file]);
    assert!(problems.is_empty(), "{problems:?}");
    let expected = std::fs::read_to_string(expected).unwrap();
    (articles.remove(0), serde_json::from_str(&expected).unwrap())
}

fn load(prefix: &str) -> (Article, Expected) {
    let dir = fixtures();
    let seed = std::fs::read_dir(dir.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    load_file(seed, dir.join(format!("loader/seeds/{prefix}.expected.json")))
}

/// Byte positions of `parts`, found in order in `text`.
fn locate(text: &str, parts: &[String]) -> Vec<std::ops::Range<usize>> {
    let mut from = 0;
    parts
        .iter()
        .map(|p| {
            let at = from
                + text[from..]
                    .find(p.as_str())
                    .unwrap_or_else(|| panic!("{p:?} not in text"));
            from = at + p.len();
            at..at + p.len()
        })
        .collect()
}

fn chars(text: &str, set: &HashSet<usize>) -> usize {
    text.char_indices().filter(|(i, _)| set.contains(i)).count()
}

fn check(prefix: &str) {
    let (a, e) = load(prefix);
    compare(prefix, &a, &e);
}

fn compare(prefix: &str, a: &Article, e: &Expected) {
    assert_eq!(a.title, e.title, "{prefix}: title");
    assert_eq!(a.source, e.source, "{prefix}: source");
    assert_eq!(a.paragraphs.len(), e.paragraphs, "{prefix}: paragraphs");
    let sentences: Vec<&str> = a.sentences.iter().map(|r| &a.text[r.clone()]).collect();
    assert_eq!(sentences, e.sentences, "{prefix}: sentences");

    let got: HashSet<usize> = a.boilerplate.iter().flat_map(|r| r.clone()).collect();
    let want: HashSet<usize> = locate(&a.text, &e.boilerplate).into_iter().flatten().collect();
    let want_chars = chars(&a.text, &want);
    let missed = chars(&a.text, &want.difference(&got).copied().collect());
    let extra = chars(&a.text, &got.difference(&want).copied().collect());
    // A few characters either way (a newline between two lines of one caption block).
    let slack = 3 + want_chars / 50;
    assert!(
        missed <= slack,
        "{prefix}: {missed} boilerplate characters not marked"
    );
    assert!(
        extra <= slack,
        "{prefix}: {extra} characters marked as boilerplate that are not"
    );
}

#[test]
fn seed_000_ap_cut_has_no_furniture() {
    check("000");
}

#[test]
fn seed_001_one_paragraph_a_line_with_dateline_and_promo() {
    check("001");
    let (a, _) = load("001");
    // Each line is a paragraph: the file has no blank lines.
    assert_eq!(
        a.paragraphs.len(),
        a.text.lines().filter(|l| !l.trim().is_empty()).count()
    );
    let b: Vec<&str> = a.boilerplate.iter().map(|r| &a.text[r.clone()]).collect();
    assert_eq!(b[0].trim(), "Moscow:");
    assert!(b[1].starts_with("READ:"));
}

#[test]
fn seed_002_cbs_chrome_video_captions_and_credits() {
    check("002");
    let (a, _) = load("002");
    let covered = |needle: &str| {
        let at = a.text.find(needle).unwrap();
        (at..at + needle.len()).all(|i| a.is_boilerplate(i))
    };
    assert!(covered("Watch CBS News"));
    assert!(covered("01:58"));
    assert!(covered("Alexei Nikolsky / AP"));
    assert!(covered("ANATOLII STEPANOV/AFP via Getty Images"));
    assert!(covered("Get browser notifications"));
    assert!(!covered("Russian President Vladimir Putin on Tuesday accused"));
}

#[test]
fn seed_003_npr_subheads_are_body_and_tagline_is_furniture() {
    check("003");
    let (a, _) = load("003");
    let at = a.text.find("Blinken reiterated U.S. concerns").unwrap();
    assert!(!a.is_boilerplate(at), "a subhead is part of the story");
    assert!(a.is_boilerplate(a.text.find("NPR's Frank Langfitt").unwrap()));
}

#[test]
fn seed_004_glued_caption_and_login_footer() {
    check("004");
    let (a, _) = load("004");
    let cap = a.text.find("Russian President Vladimir Putin, left,").unwrap();
    let credit = a.text.find("via AP").unwrap() + "via AP".len();
    assert!(
        (cap..credit).all(|i| a.is_boilerplate(i)),
        "the whole caption with its glued credit"
    );
    assert!(a.is_boilerplate(a.text.find("Forgot your details?").unwrap()));
}

#[test]
fn demo_articles_match_the_seeds() {
    let demo = copydesk::article::demo::articles();
    assert_eq!(demo.len(), 5);
    for (d, p) in demo.iter().zip(["000", "001", "002", "003", "004"]) {
        let (a, _) = load(p);
        assert_eq!(d.id, a.id);
        assert_eq!(d.boilerplate, a.boilerplate);
        assert!(d.path.starts_with("demo/"));
    }
}

#[test]
fn other_outlets_pages() {
    for name in ["apnews", "bbc", "cnn", "guardian", "reuters"] {
        let dir = fixtures().join("loader/news");
        let (a, e) = load_file(
            dir.join(format!("{name}.txt")),
            dir.join(format!("{name}.expected.json")),
        );
        compare(name, &a, &e);
    }
}
