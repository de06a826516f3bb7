//! Loading from disk: every format, bad input, discovery (hidden entries, symlinks, loops, order,
//! display paths), read errors injected through `FileReader`, a 50 MB file, and streaming.

use std::io;
use std::path::{Path, PathBuf};

use copydesk::article::{
    Article, Disk, FileReader, LoadEvent, discover, load_paths, load_paths_with, load_source, load_streaming,
};

fn fixtures(sub: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/loader")
        .join(sub)
}

fn one(path: PathBuf) -> Article {
    let (mut a, p) = load_paths(&[path]);
    assert!(p.is_empty(), "{p:?}");
    assert_eq!(a.len(), 1);
    a.remove(0)
}

fn spans<'a>(a: &'a Article, v: &[std::ops::Range<usize>]) -> Vec<&'a str> {
    v.iter().map(|r| &a.text[r.clone()]).collect()
}

const P1: &str = "Officials in Brussels said on Tuesday that talks with Moscow would resume next week, after a month in which neither side moved.";
const P2: &str = "\u{201c}We remain ready to talk,\u{201d} said Sen. Jane Roe, who met U.S. and U.N. envoys in Washington, D.C. on Feb. 1.";
const P3: &str = "The next round is set for Dec. 23 in Geneva.";

#[test]
fn txt_title_paragraphs_sentences() {
    let a = one(fixtures("formats/story.txt"));
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(a.title.as_deref(), Some("Talks to resume in Geneva"));
    // Nothing in a plain text names the outlet, and the file name is not one.
    assert_eq!(a.source, None);
    assert_eq!(
        spans(&a, &a.paragraphs),
        ["Talks to resume in Geneva", P1, P2, P3]
    );
    assert_eq!(spans(&a, &a.sentences), ["Talks to resume in Geneva", P1, P2, P3]);
    assert_eq!(a.words, 5 + 22 + 22 + 9);
    assert!(a.boilerplate.is_empty());
}

#[test]
fn markdown_markup_is_removed_and_front_matter_read() {
    let a = one(fixtures("formats/story.md"));
    assert_eq!(a.title.as_deref(), Some("Talks to resume in Geneva"));
    assert_eq!(a.source.as_deref(), Some("Daily Wire News"));
    assert_eq!(a.url.as_deref(), Some("https://example.com/talks"));
    assert!(!a.text.contains(['*', '#', '[', '>']));
    assert_eq!(spans(&a, &a.paragraphs)[1..], [P1, P2, P3]);
}

#[test]
fn html_article_without_navigation_scripts_or_footer() {
    let a = one(fixtures("formats/story.html"));
    assert_eq!(a.title.as_deref(), Some("Talks to resume in Geneva"));
    assert_eq!(a.source.as_deref(), Some("Daily Wire News"));
    for gone in [
        "tracking",
        "never",
        "Home",
        "Share on",
        "Privacy",
        "Copyright",
        "color:red",
    ] {
        assert!(!a.text.contains(gone), "{gone} should not be in {:?}", a.text);
    }
    // The headline leads the text even though the extractor drops an <h1> equal to <title>.
    assert_eq!(a.paragraphs.len(), 5);
    assert!(
        a.text.starts_with(&format!("Talks to resume in Geneva\n\n{P1}")),
        "{:?}",
        a.text
    );
    assert!(a.text.ends_with("rhetoric hardened on both sides."));
}

#[test]
fn html_page_without_an_article_still_gives_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("tiny.html");
    std::fs::write(
        &p,
        "<html><body><div>Short note.</div><script>x()</script></body></html>",
    )
    .unwrap();
    let a = one(p);
    assert_eq!(a.text.trim(), "Short note.");
}

#[test]
fn json_object_fields_and_unescaped_text() {
    let a = one(fixtures("formats/story.json"));
    assert_eq!(a.title.as_deref(), Some("Talks to resume in Geneva"));
    assert_eq!(a.source.as_deref(), Some("Daily Wire News"));
    assert_eq!(a.published.as_deref(), Some("2022-02-01"));
    assert_eq!(a.text, format!("{P1}\n\n{P2}\n\n{P3}"));
}

#[test]
fn json_metadata_fields_map_by_their_accepted_names() {
    let a = one(fixtures("formats/meta.json"));
    assert_eq!(a.title.as_deref(), Some("Ferry fares frozen for the winter"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://lanvale-courier.example/2023/11/ferry-fares")
    );
    assert_eq!(a.source.as_deref(), Some("The Lanvale Courier"));
    assert_eq!(a.published.as_deref(), Some("2023-11-04T08:15:00Z"));
    assert_eq!(a.byline.as_deref(), Some("Mara Quill and Tobias Fenn"));
    assert_eq!(a.agency.as_deref(), Some("Meridian Wire"));
    assert_eq!(a.paragraphs.len(), 2);

    let (a, p) = load_paths(&[fixtures("formats/authors.jsonl")]);
    assert!(p.is_empty(), "{p:?}");
    let got: Vec<_> = a
        .iter()
        .map(|a| {
            (
                a.byline.as_deref(),
                a.agency.as_deref(),
                a.url.as_deref(),
                a.published.as_deref(),
                a.source.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                Some("Ines Vale"),
                Some("Meridian Wire"),
                Some("https://example.org/quay"),
                Some("2023-05-02"),
                None
            ),
            (Some("Ana Ruiz, Bo Lind and Cy Mott"), None, None, None, None),
            (Some("Dee Hart"), None, None, Some("2023-05-02T09:30:00Z"), None),
            (None, None, None, None, None),
        ]
    );
}

#[test]
fn jsonl_one_article_a_line_bad_lines_reported() {
    let (a, p) = load_paths(&[fixtures("formats/feed.jsonl")]);
    let paths: Vec<&str> = a.iter().map(|a| a.path.rsplit('/').next().unwrap()).collect();
    assert_eq!(paths, ["feed.jsonl#1", "feed.jsonl#4"]);
    assert_eq!(
        (a[0].source.as_deref(), a[1].source.as_deref()),
        (Some("Wire A"), Some("Wire B"))
    );
    assert_eq!(a[1].title.as_deref(), Some("Third"));
    let probs: Vec<String> = p.iter().map(|e| e.to_string()).collect();
    assert_eq!(probs.len(), 2);
    assert!(probs[0].contains("feed.jsonl#3: invalid JSON"), "{probs:?}");
    assert!(probs[1].contains("feed.jsonl#5: no text"), "{probs:?}");
}

#[test]
fn files_without_extension_are_sniffed() {
    let a = one(fixtures("formats/page-without-extension"));
    assert_eq!(a.title.as_deref(), Some("Talks to resume in Geneva"));
    assert_eq!(a.warnings, ["no known extension; read as HTML"]);
    let a = one(fixtures("formats/NOTES"));
    assert!(a.text.starts_with("A file with no extension"));
    assert!(a.warnings.is_empty());
}

#[test]
fn bad_input_is_reported_by_name_and_never_fatal() {
    let (articles, problems) = load_paths(&[fixtures("bad")]);
    let probs: Vec<String> = problems.iter().map(|e| e.to_string()).collect();
    let has = |name: &str, what: &str| probs.iter().any(|p| p.contains(name) && p.contains(what));
    assert!(has("bad/binary.txt", "binary file"), "{probs:?}");
    assert!(has("bad/image.png", "binary file"), "{probs:?}");
    assert!(has("bad/empty.txt", "empty file"), "{probs:?}");
    assert!(has("bad/blank.txt", "white space"), "{probs:?}");
    assert_eq!(problems.len(), 4);
    assert_eq!(articles.len(), 6);
}

#[test]
fn encodings() {
    let a = one(fixtures("bad/windows-1252.txt"));
    assert_eq!(a.encoding, "windows-1252");
    assert!(
        a.text.contains("caf\u{e9}")
            && a.text.contains("\u{201c}nobody came\u{201d}")
            && a.text.contains("5\u{20ac}")
    );
    assert!(a.warnings.is_empty());
    for (f, enc) in [("bad/utf16le.txt", "UTF-16LE"), ("bad/utf16be.txt", "UTF-16BE")] {
        let a = one(fixtures(f));
        assert_eq!(a.encoding, enc);
        assert!(
            a.text.starts_with("Kyiv \u{2014} Zelenskyy"),
            "BOM is not text: {:?}",
            a.text
        );
        assert_eq!(
            spans(&a, &a.paragraphs),
            [
                "Kyiv \u{2014} Zelenskyy said the talks were \u{201c}useful.\u{201d}",
                "More talks are planned."
            ]
        );
    }
    let a = one(fixtures("bad/bom-utf8.txt"));
    assert!(a.text.starts_with("Headline"));
    assert_eq!(a.title.as_deref(), Some("Headline here"));
    let a = one(fixtures("bad/invalid-utf8.txt"));
    assert_eq!(a.encoding, "UTF-8");
    assert_eq!(
        a.warnings,
        ["3 invalid byte sequences replaced with U+FFFD while decoding as UTF-8"]
    );
    assert_eq!(a.text.matches('\u{FFFD}').count(), 3);
}

#[test]
fn crlf_and_lone_cr_end_lines() {
    let a = one(fixtures("bad/lone-cr.txt"));
    assert_eq!(
        spans(&a, &a.paragraphs),
        [
            "Headline here",
            "First paragraph, which is a sentence.\rStill the first? No.",
            "Second paragraph."
        ]
    );
    assert_eq!(
        spans(&a, &a.sentences),
        [
            "Headline here",
            "First paragraph, which is a sentence.",
            "Still the first?",
            "No.",
            "Second paragraph."
        ]
    );
    let a = one(fixtures("bad/bom-utf8.txt"));
    assert_eq!(
        spans(&a, &a.sentences),
        ["Headline here", "Body sentence one.", "Body sentence two."]
    );
}

#[test]
fn discovery_order_hidden_entries_and_display_paths() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/.git")).unwrap();
    std::fs::create_dir_all(root.join("a")).unwrap();
    for f in [
        "b/z.txt",
        "b/c.txt",
        "a/m.txt",
        "b/.git/HEAD",
        ".hidden.txt",
        "top.txt",
    ] {
        std::fs::write(root.join(f), "Some text.").unwrap();
    }
    let arg = format!("{}/", root.display());
    let (sources, problems) = discover(&[PathBuf::from(&arg)]);
    assert!(problems.is_empty());
    let shown: Vec<String> = sources.iter().map(|s| s.display.clone()).collect();
    let r = root.display();
    assert_eq!(
        shown,
        [
            format!("{r}/a/m.txt"),
            format!("{r}/b/c.txt"),
            format!("{r}/b/z.txt"),
            format!("{r}/top.txt")
        ]
    );
    // A hidden file named on the command line is read: the user asked for it.
    let (a, _) = load_paths(&[root.join(".hidden.txt")]);
    assert_eq!(a.len(), 1);
    // Missing arguments are problems naming them.
    let (_, p) = discover(&[PathBuf::from("no/such/file.txt")]);
    assert!(p[0].to_string().starts_with("no/such/file.txt: "));
}

#[cfg(unix)]
#[test]
fn symlink_loops_and_broken_links_are_reported_not_fatal() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("d/sub")).unwrap();
    std::fs::write(root.join("d/sub/story.txt"), "A story.").unwrap();
    symlink(root.join("d"), root.join("d/sub/back")).unwrap();
    symlink(root.join("nowhere.txt"), root.join("d/broken.txt")).unwrap();
    symlink(root.join("d/self"), root.join("d/self")).unwrap();
    let (articles, problems) = load_paths(&[root.join("d")]);
    assert_eq!(articles.len(), 1);
    let probs: Vec<String> = problems.iter().map(|e| e.to_string()).collect();
    assert_eq!(probs.len(), 3, "{probs:?}");
    assert!(
        probs
            .iter()
            .any(|p| p.contains("d/broken.txt: broken symbolic link")),
        "{probs:?}"
    );
    assert!(
        probs.iter().any(|p| p.contains("d/sub/back: symbolic link loop")),
        "{probs:?}"
    );
    assert!(
        probs.iter().any(|p| p.contains("d/self: symbolic link loop")),
        "{probs:?}"
    );
}

/// Fails to read files whose name contains "secret", as a permission error would.
struct Unreadable;

impl FileReader for Unreadable {
    fn read(&self, path: &Path, limit: u64) -> io::Result<Vec<u8>> {
        if path.to_string_lossy().contains("secret") {
            return Err(io::Error::from(io::ErrorKind::PermissionDenied));
        }
        Disk.read(path, limit)
    }
}

#[test]
fn unreadable_file_is_a_problem_and_others_load() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("open.txt"), "Readable story.").unwrap();
    std::fs::write(dir.path().join("secret.txt"), "Hidden story.").unwrap();
    std::fs::write(dir.path().join("secret-notes"), "Hidden story.").unwrap();
    let (a, p) = load_paths_with(&[dir.path().to_path_buf()], &Unreadable);
    assert_eq!(a.len(), 1);
    assert!(a[0].path.ends_with("open.txt"));
    let probs: Vec<String> = p.iter().map(|e| e.to_string()).collect();
    assert_eq!(probs.len(), 2, "{probs:?}");
    assert!(probs[0].ends_with("secret-notes: permission denied"), "{probs:?}");
    assert!(probs[1].ends_with("secret.txt: permission denied"), "{probs:?}");
}

#[test]
fn a_50_mb_file_loads() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    let para = format!("{P1} {P2} {P3}\n\n");
    let n = 50_000_000 / para.len() + 1;
    std::fs::write(&p, para.repeat(n)).unwrap();
    let src = copydesk::article::Source {
        fs_path: p,
        display: "huge.txt".into(),
    };
    let a = load_source(&src).unwrap();
    assert_eq!(a.len(), 1);
    assert!(a[0].text.len() >= 50_000_000);
    assert_eq!(a[0].paragraphs.len(), n);
    assert_eq!(a[0].sentences.len(), 3 * n);
    assert!(a[0].warnings.is_empty());
}

#[test]
fn streaming_sends_found_batches_and_done() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..150 {
        std::fs::write(
            dir.path().join(format!("{i:03}.txt")),
            format!("Story number {i}."),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    load_streaming(&[dir.path().to_path_buf()], &tx);
    drop(tx);
    let events: Vec<LoadEvent> = rx.into_iter().collect();
    assert!(matches!(events[0], LoadEvent::Found(151)));
    assert!(matches!(events.last(), Some(LoadEvent::Done)));
    let loaded: usize = events
        .iter()
        .map(|e| if let LoadEvent::Loaded(a) = e { a.len() } else { 0 })
        .sum();
    let batches = events
        .iter()
        .filter(|e| matches!(e, LoadEvent::Loaded(_)))
        .count();
    let problems = events
        .iter()
        .filter(|e| matches!(e, LoadEvent::Problem(_)))
        .count();
    assert_eq!((loaded, problems), (150, 1));
    assert!(batches > 1 && batches < 150, "{batches} batches");
}

/// Hands out more bytes than the loader's cap, as a file of any size would.
struct Endless;

impl FileReader for Endless {
    fn read(&self, _: &Path, limit: u64) -> io::Result<Vec<u8>> {
        Ok("\u{20ac}".repeat(limit as usize / 3 + 1).into_bytes()[..limit as usize].to_vec())
    }
}

#[test]
fn files_over_the_cap_are_truncated_with_a_warning() {
    let src = copydesk::article::Source {
        fs_path: PathBuf::from("endless.txt"),
        display: "endless.txt".into(),
    };
    let (a, p) = copydesk::article::read_source(&src, &Endless);
    assert!(p.is_empty());
    let a = &a[0];
    assert_eq!(
        a.warnings,
        ["file is larger than 64 MiB; only its first 64 MiB were read"]
    );
    // The cut fell inside a character; that is not reported as damage.
    assert!(a.text.ends_with('\u{20ac}'));
    assert_eq!(a.text.len(), copydesk::article::MAX_FILE_BYTES as usize / 3 * 3);
}
