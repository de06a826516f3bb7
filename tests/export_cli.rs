//! `copydesk compare --markdown` and `--html`: a comparison taken out as a report. Content checks
//! on a pair with one of each kind of change, HTML escaping and well-formedness, and a render in
//! headless Chromium (skipped, with a notice, where Chromium is not installed).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const A: &str = "Alpha Mensah spoke on Monday about the harbour plan.\n\n\
The council voted to approve the new budget today.\n\n\
Residents said the park would close <early> & \"soon\" for repairs.\n\n\
The mayor left the hall before the vote ended.\n";
const B: &str = "The mayor left the hall before the vote ended.\n\n\
Alpha Mensah spoke on Monday about the harbour plan.\n\n\
The council voted to reject the new budget today.\n\n\
A new sentence was added here by the editors.\n";

fn pair() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tmp");
    let (a, b) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&a, A).expect("write a");
    std::fs::write(&b, B).expect("write b");
    (dir, a, b)
}

fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("compare")
        .args(args)
        .output()
        .expect("run copydesk");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn seg_ops(a: &Path, b: &Path) -> Vec<String> {
    let (_, out, _) = run(&["--json".as_ref(), a.as_os_str(), b.as_os_str()]);
    let v: Value = serde_json::from_str(&out).expect("json");
    v["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["op"].as_str().expect("op").to_string())
        .collect()
}

#[test]
fn markdown_marks_every_kind_of_change() {
    let (_d, a, b) = pair();
    let (code, md, err) = run(&["--markdown".as_ref(), a.as_os_str(), b.as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    let (_, json, _) = run(&["--json".as_ref(), a.as_os_str(), b.as_os_str()]);
    let v: Value = serde_json::from_str(&json).expect("json");
    let relation = v["relation"].as_str().expect("relation");
    assert!(md.contains(&format!("| Relation | {relation} |")), "{md}");
    assert!(md.contains("| Removed (\u{2212}) | 1 |"));
    assert!(md.contains("| Added (+) | 1 |"));
    assert!(md.contains("| Edited (~) | 1 |"));
    assert!(md.contains("| Moved (\u{2195}) | 1 |"));
    // The edited sentence: the one word, struck and inserted, in place.
    assert!(
        md.contains("~ The council voted to ~~approve~~**reject** the new budget today."),
        "{md}"
    );
    // Removed text is struck through and its Markdown syntax escaped.
    assert!(
        md.contains("\u{2212} ~~Residents said the park would close \\<early\\> & \"soon\" for repairs.~~"),
        "{md}"
    );
    assert!(md.contains("\\+ **A new sentence was added here by the editors.**"));
    assert!(md.contains("\u{2195} *(moved: sentence 1 of 4 in B)* The mayor left the hall"));
    // Coverage: a row per sentence of A with how B carries it.
    let cov = md.split("## Coverage").nth(1).expect("coverage section");
    let rows: Vec<&str> = cov
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| #"))
        .collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert!(rows[0].ends_with("| = |") && rows[0].contains("Alpha Mensah"));
    assert!(rows[1].ends_with("| ~ |"));
    assert!(rows[2].ends_with("| \u{2212} |"));
    assert!(rows[3].ends_with("| \u{2195} |"));
}

#[test]
fn markdown_names_and_quotes_on_the_samples() {
    let s = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let (code, md, _) = run(&[
        "--markdown".as_ref(),
        s.join("002_806fb89b356b963d.txt").as_os_str(),
        s.join("004_d5be253667c6d7c4.txt").as_os_str(),
    ]);
    assert_eq!(code, Some(0));
    assert!(md.contains("| Relation | rewrite |"));
    let names = md.split("## Names in one version only").nth(1).expect("names");
    assert!(names.contains("Bridget Brink (PERSON)"), "cut from 004");
    let quotes = md.split("## Quotes worded differently").nth(1).expect("quotes");
    assert!(quotes.contains("- Blinken / Blinken:"), "{quotes}");
}

/// Tags in order, checked as a stack: every element opened is closed, in order.
fn check_well_formed(html: &str) {
    const VOID: [&str; 4] = ["meta", "br", "col", "!doctype"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        let after = &rest[i + 1..];
        let end = after.find('>').expect("tag closed");
        let tag = &after[..end];
        assert!(!tag.contains('<'), "stray < in tag: {tag}");
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace())
            .collect::<String>()
            .to_lowercase();
        if tag.starts_with('/') {
            assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "closing {name}");
        } else if !VOID.contains(&name.as_str()) {
            stack.push(name);
        }
        rest = &after[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
}

#[test]
fn html_is_self_contained_escaped_and_has_every_segment() {
    let (_d, a, b) = pair();
    let (code, html, err) = run(&["--html".as_ref(), a.as_os_str(), b.as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(html.starts_with("<!DOCTYPE html>"));
    check_well_formed(&html);
    for external in ["<script", "<link", "src=", "http:", "https:", "@import", "url("] {
        assert!(!html.contains(external), "external resource: {external}");
    }
    assert!(html.contains("close &lt;early&gt; &amp; &quot;soon&quot; for repairs"));
    assert!(!html.contains("<early>"));
    // Every segment is a row, with its op's class and sign, in the JSON's order.
    let ops = seg_ops(&a, &b);
    let rows: Vec<&str> = html
        .split("<tr class=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap_or(""))
        .collect();
    assert_eq!(rows, ops);
    assert!(html.contains("<td class=\"sign\">\u{2212}</td>"));
    assert!(html.contains("<td class=\"sign\">+</td>"));
    assert!(html.contains("<td class=\"sign\">~</td>"));
    assert!(html.contains("<td class=\"sign\">\u{2195}</td>"));
    assert!(html.contains("to <del>approve</del> the new"));
    assert!(html.contains("to <ins>reject</ins> the new"));
    assert!(html.contains("moved: sentence 1 of 4 in B"));
}

#[test]
fn output_file_and_exclusive_formats() {
    let (d, a, b) = pair();
    let file = d.path().join("out.html");
    let (code, out, _) = run(&[
        "--html".as_ref(),
        "--output".as_ref(),
        file.as_os_str(),
        a.as_os_str(),
        b.as_os_str(),
    ]);
    assert_eq!(code, Some(0));
    assert!(out.is_empty());
    let html = std::fs::read_to_string(&file).expect("written");
    assert!(html.contains("</html>"));
    let (code, _, _) = run(&[
        "--html".as_ref(),
        "--markdown".as_ref(),
        a.as_os_str(),
        b.as_os_str(),
    ]);
    assert_eq!(code, Some(2), "one format at a time");
    let bad = d.path().join("no/such/dir/out.md");
    let (code, _, err) = run(&[
        "--markdown".as_ref(),
        "-o".as_ref(),
        bad.as_os_str(),
        a.as_os_str(),
        b.as_os_str(),
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("out.md"), "{err}");
}

fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Screenshots `page` in headless Chromium; returns the PNG's bytes.
fn screenshot(chrome: &Path, page: &Path, dir: &Path, name: &str) -> Vec<u8> {
    let png = dir.join(name);
    let profile = tempfile::tempdir().expect("profile");
    let status = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1200,900",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("run chromium");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    std::fs::read(&png).expect("screenshot written")
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

/// Set (to anything but "" or "0") where a browser must be there: `.ci/run` sets it, having
/// installed chromium, so that there the render test runs or fails, never skips.
const REQUIRE_BROWSER: &str = "COPYDESK_REQUIRE_BROWSER";

/// What the render test does about the browser: run with it, skip (saying so), or fail.
#[derive(Debug, PartialEq)]
enum Browser {
    Run(PathBuf),
    Skip(String),
    Fail(String),
}

fn browser(found: Option<PathBuf>, require: Option<std::ffi::OsString>) -> Browser {
    let required = require.is_some_and(|v| !v.is_empty() && v != "0");
    match found {
        Some(p) => Browser::Run(p),
        None if required => Browser::Fail(format!(
            "chromium is missing but {REQUIRE_BROWSER} is set (.ci/run installs it); the real-browser render of --html was not checked"
        )),
        None => Browser::Skip(format!(
            "SKIPPED html_renders_in_headless_chromium_or_says_skipped: chromium is not installed, so the \
             real-browser render of --html was not checked (install chromium, or set {REQUIRE_BROWSER}=1 to make this a failure)"
        )),
    }
}

#[test]
fn a_missing_browser_is_a_skip_outside_ci_and_a_failure_in_it() {
    assert!(matches!(browser(None, None), Browser::Skip(m) if m.starts_with("SKIPPED")));
    assert!(matches!(browser(None, Some("".into())), Browser::Skip(_)));
    assert!(matches!(browser(None, Some("0".into())), Browser::Skip(_)));
    assert!(matches!(browser(None, Some("1".into())), Browser::Fail(m) if m.contains(REQUIRE_BROWSER)));
    let p = PathBuf::from("/usr/bin/chromium");
    assert_eq!(browser(Some(p.clone()), Some("1".into())), Browser::Run(p));
    // .ci/run, which installs chromium, is where a browser is required.
    let ci = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(".ci/run")).unwrap();
    assert!(
        ci.contains(&format!("export {REQUIRE_BROWSER}=1")),
        ".ci/run requires the browser"
    );
}

#[test]
fn html_renders_in_headless_chromium_or_says_skipped() {
    let chrome = match browser(chromium(), std::env::var_os(REQUIRE_BROWSER)) {
        Browser::Run(p) => p,
        Browser::Fail(why) => panic!("{why}"),
        Browser::Skip(why) => {
            use std::io::Write;
            // Straight to the process's stderr: the test harness captures `eprintln!` of a
            // passing test, and this must be seen in a green run.
            let _ = writeln!(std::io::stderr(), "\n{why}\n");
            return;
        }
    };
    let s = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let d = tempfile::tempdir().expect("tmp");
    let page = d.path().join("compare.html");
    let (code, _, err) = run(&[
        "--html".as_ref(),
        "-o".as_ref(),
        page.as_os_str(),
        s.join("002_806fb89b356b963d.txt").as_os_str(),
        s.join("004_d5be253667c6d7c4.txt").as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let blank = d.path().join("blank.html");
    std::fs::write(&blank, "<!DOCTYPE html><html><body></body></html>").expect("blank");
    let shot = screenshot(&chrome, &page, d.path(), "compare.png");
    let empty = screenshot(&chrome, &blank, d.path(), "blank.png");
    assert_eq!(png_size(&shot), (1200, 900));
    // A blank page compresses to almost nothing; text, tables and coloured rows do not.
    assert!(
        shot.len() > 10 * empty.len(),
        "rendered page {} bytes, blank page {} bytes",
        shot.len(),
        empty.len()
    );
}
