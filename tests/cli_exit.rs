//! One exit-status rule for every subcommand, through the built binary: a folder holding one
//! article beside files that are not articles (a `manifest.json`, a photo) loads with warnings on
//! stderr that end with the count of files skipped, and exits 0; a folder with nothing loadable
//! exits 1 naming the input; wrong usage exits 2.

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A folder with one article (seed 004), a manifest and a photo; and a folder with only the
/// manifest and the photo.
fn folders() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let mixed = tmp.path().join("mixed");
    let junk = tmp.path().join("junk");
    for d in [&mixed, &junk] {
        std::fs::create_dir(d).unwrap();
        std::fs::write(
            d.join("manifest.json"),
            "{\"files\": [\"story.txt\"], \"count\": 1}\n",
        )
        .unwrap();
        std::fs::copy(fixtures().join("loader/bad/image.png"), d.join("photo.png")).unwrap();
    }
    std::fs::copy(
        fixtures().join("seeds/004_d5be253667c6d7c4.txt"),
        mixed.join("story.txt"),
    )
    .unwrap();
    (tmp, mixed, junk)
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cwd: &Path, args: &[&str]) -> Out {
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(cwd)
        .env_remove("COPYDESK_DATA_DIR")
        .env("HOME", cwd)
        .env("XDG_DATA_HOME", cwd.join("xdg"))
        .env("XDG_CONFIG_HOME", cwd.join("xdg-config"))
        .output()
        .unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// Every subcommand that reads articles, given `dir` (and what else it needs).
fn commands(dir: &str, gold: &str) -> Vec<Vec<String>> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        s(&["list", dir]),
        s(&["list", "--json", dir]),
        s(&["entities", "--json", dir]),
        s(&["eval", "--gold", gold, dir]),
        s(&["stories", dir]),
        s(&["stories", "--json", dir]),
        s(&["index", "--json", dir]),
        s(&["find", "Putin", dir]),
        s(&["notes", "list", "--data-dir", "data", dir]),
        s(&["notes", "export", "--data-dir", "data", dir]),
        s(&["compare", dir, "tests-seed"]),
    ]
}

#[test]
fn one_article_beside_other_files_is_success_with_warnings() {
    let (tmp, mixed, _) = folders();
    let seed = fixtures().join("seeds/002_806fb89b356b963d.txt");
    std::fs::copy(&seed, tmp.path().join("tests-seed")).unwrap();
    let gold = fixtures().join("gold");
    for cmd in commands(mixed.to_str().unwrap(), gold.to_str().unwrap()) {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let o = run(tmp.path(), &args);
        assert_eq!(o.code, 0, "{cmd:?}: stderr {}", o.stderr);
        // (No notes are kept in the test's data folder: `notes list` has nothing to print.)
        if cmd[..2] != ["notes", "list"] {
            assert!(!o.stdout.is_empty(), "{cmd:?} printed nothing");
        }
        for name in ["manifest.json", "photo.png"] {
            assert!(
                o.stderr
                    .lines()
                    .any(|l| l.starts_with("copydesk: ") && l.contains(name)),
                "{cmd:?} does not name {name}: {}",
                o.stderr
            );
        }
        assert_eq!(
            o.stderr.lines().last(),
            Some("copydesk: 2 files skipped"),
            "{cmd:?}: {}",
            o.stderr
        );
    }
}

#[test]
fn nothing_loadable_is_exit_1_naming_the_input() {
    let (tmp, _, junk) = folders();
    let seed = fixtures().join("seeds/002_806fb89b356b963d.txt");
    std::fs::copy(&seed, tmp.path().join("tests-seed")).unwrap();
    let gold = fixtures().join("gold");
    let dir = junk.to_str().unwrap();
    for cmd in commands(dir, gold.to_str().unwrap()) {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        let o = run(tmp.path(), &args);
        assert_eq!(o.code, 1, "{cmd:?}: stderr {}", o.stderr);
        assert!(
            o.stderr.contains("junk"),
            "{cmd:?} does not name the input: {}",
            o.stderr
        );
    }
}

#[test]
fn wrong_usage_is_exit_2() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        &["list"][..],
        &["stories"],
        &["index"],
        &["entities"],
        &["find"],
        &["compare", "only-one"],
        &["eval", "--gold", "g"],
        &["notes"],
        &["list", "--no-such-flag", "x"],
    ] {
        let o = run(tmp.path(), args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
    }
}

#[test]
fn the_reader_on_paths_that_are_not_there_exits_1_before_taking_the_screen() {
    let tmp = tempfile::tempdir().unwrap();
    // No terminal here: had the reader started, it would have failed to take the screen instead.
    let o = run(tmp.path(), &["nonexist"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .lines()
            .any(|l| l.starts_with("copydesk: nonexist: ") && l.contains("no such file")),
        "{}",
        o.stderr
    );
    assert!(o.stderr.contains("nothing to read"), "{}", o.stderr);
    assert!(o.stdout.is_empty(), "no screen drawn: {:?}", o.stdout);
    // Every path named, each once.
    let o = run(tmp.path(), &["gone-a", "gone-b.txt"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    for p in ["gone-a", "gone-b.txt"] {
        assert_eq!(
            o.stderr.matches(&format!("copydesk: {p}: ")).count(),
            1,
            "{}",
            o.stderr
        );
    }
}
