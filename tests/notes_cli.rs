//! `copydesk notes ...` as a script sees it: the JSON contract field by field, exit statuses,
//! re-anchoring of renamed and edited files, Markdown export, the data directory's precedence,
//! the demo, a damaged file, and two processes adding notes at once.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const QUOTE: &str = "Yet the two sides remain unyielding in their main positions";

fn seed(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let f = fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(name))
        .unwrap();
    fs::read_to_string(f.path()).unwrap()
}

/// A scratch directory to run in, holding `a.txt` (the AP cut).
fn workdir() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("a.txt"), seed("000")).unwrap();
    d
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Out {
    fn lines(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("one JSON object a line"))
            .collect()
    }
}

fn copydesk_env(cwd: &Path, args: &[&str], env: Option<&Path>) -> Out {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    cmd.args(args).current_dir(cwd).env_remove("COPYDESK_DATA_DIR");
    // Never touch the real user's data directory from a test.
    cmd.env("HOME", cwd).env("XDG_DATA_HOME", cwd.join("xdg"));
    if let Some(e) = env {
        cmd.env("COPYDESK_DATA_DIR", e);
    }
    let o = cmd.output().unwrap();
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8(o.stdout).unwrap(),
        stderr: String::from_utf8(o.stderr).unwrap(),
    }
}

/// Runs `copydesk notes ARGS --data-dir data` in `cwd`.
fn notes(cwd: &Path, args: &[&str]) -> Out {
    let mut all = vec!["notes"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--data-dir", "data"]);
    copydesk_env(cwd, &all, None)
}

fn article_id(cwd: &Path, path: &str) -> String {
    let o = copydesk_env(cwd, &["list", "--json", path], None);
    let v: Value = serde_json::from_str(o.stdout.lines().next().unwrap()).unwrap();
    v["id"].as_str().unwrap().to_string()
}

const FIELDS: [&str; 11] = [
    "id",
    "article_id",
    "path",
    "source",
    "quote",
    "prefix",
    "suffix",
    "text",
    "created",
    "updated",
    "status",
];

fn check_fields(v: &Value) {
    let keys: BTreeSet<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        FIELDS.into_iter().collect::<BTreeSet<_>>(),
        "exactly the contract's fields"
    );
    for t in ["created", "updated"] {
        chrono::DateTime::parse_from_rfc3339(v[t].as_str().unwrap()).expect("RFC 3339 time");
    }
}

#[test]
fn add_prints_the_note_field_by_field_and_list_agrees() {
    let d = workdir();
    let o = notes(
        d.path(),
        &["add", "--file", "a.txt", "--quote", QUOTE, "--text", "key line"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.stderr, "");
    let v = &o.lines()[0];
    check_fields(v);
    let text = seed("000");
    let at = text.find(QUOTE).unwrap();
    let id = v["id"].as_str().unwrap();
    assert!(
        id.len() == 32 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "{id}"
    );
    assert_eq!(v["article_id"], article_id(d.path(), "a.txt").as_str());
    assert_eq!(v["path"], "a.txt");
    // Seed 000 names no outlet: the key is there, null.
    assert_eq!(v["source"], Value::Null);
    assert_eq!(v["quote"], QUOTE);
    let before: Vec<char> = text[..at].chars().collect();
    let prefix: String = before[before.len() - 32..].iter().collect();
    let suffix: String = text[at + QUOTE.len()..].chars().take(32).collect();
    assert_eq!(v["prefix"], prefix.as_str());
    assert_eq!(v["suffix"], suffix.as_str());
    assert_eq!(v["text"], "key line");
    assert_eq!(v["created"], v["updated"]);
    assert_eq!(v["status"], "attached");

    let listed = notes(d.path(), &["list", "--json"]);
    assert_eq!(listed.code, 0);
    assert_eq!(listed.lines(), vec![v.clone()], "list prints the same record");
    let listed = notes(d.path(), &["list", "--json", "a.txt"]);
    assert_eq!(listed.lines(), vec![v.clone()]);
}

#[test]
fn whole_article_note_has_an_empty_quote() {
    let d = workdir();
    let o = notes(
        d.path(),
        &["add", "--file", "a.txt", "--text", "about the whole piece"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v = &o.lines()[0];
    check_fields(v);
    assert_eq!(
        (v["quote"].as_str(), v["prefix"].as_str(), v["suffix"].as_str()),
        (Some(""), Some(""), Some(""))
    );
    assert_eq!(v["status"], "attached");
}

#[test]
fn add_fails_when_the_quote_is_not_in_the_article() {
    let d = workdir();
    let o = notes(
        d.path(),
        &[
            "add",
            "--file",
            "a.txt",
            "--quote",
            "Olaf Scholz said",
            "--text",
            "x",
        ],
    );
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("a.txt") && o.stderr.contains("not in"),
        "{}",
        o.stderr
    );
    assert_eq!(o.stdout, "");
    assert_eq!(
        notes(d.path(), &["list", "--json"]).stdout,
        "",
        "nothing was stored"
    );

    let o = notes(d.path(), &["add", "--file", "missing.txt", "--text", "x"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("missing.txt"), "{}", o.stderr);
}

#[test]
fn add_anchors_a_repeated_quote_to_the_first_with_a_warning() {
    let d = workdir();
    let o = notes(
        d.path(),
        &["add", "--file", "a.txt", "--quote", "Russia", "--text", "x"],
    );
    assert_eq!(o.code, 0);
    let text = seed("000");
    let count = text.matches("Russia").count();
    assert!(count > 1);
    assert!(
        o.stderr.contains("warning") && o.stderr.contains(&format!("{count} times")),
        "{}",
        o.stderr
    );
    let first = text.find("Russia").unwrap();
    let prefix: String = text[..first]
        .chars()
        .rev()
        .take(32)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert_eq!(o.lines()[0]["prefix"], prefix.as_str());
}

#[test]
fn list_finds_notes_of_renamed_and_edited_files() {
    let d = workdir();
    let p = d.path();
    notes(
        p,
        &["add", "--file", "a.txt", "--quote", QUOTE, "--text", "passage"],
    );
    notes(p, &["add", "--file", "a.txt", "--text", "whole"]);

    fs::rename(p.join("a.txt"), p.join("b.txt")).unwrap();
    let o = notes(p, &["list", "--json", "b.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let got = o.lines();
    assert_eq!(got.len(), 2);
    for v in &got {
        check_fields(v);
        assert_eq!(v["status"], "moved");
        assert_eq!(v["path"], "b.txt", "where the note's article is now");
    }
    // Without paths each note is looked for at its own path, which is gone.
    let o = notes(p, &["list", "--json"]);
    assert!(
        o.lines()
            .iter()
            .all(|v| v["status"] == "detached" && v["path"] == "a.txt"),
        "{}",
        o.stdout
    );
    assert_eq!(o.lines().len(), 2, "detached notes are listed, not dropped");

    // Renamed again and edited: only the passage note is found, by its quote.
    let edited = format!("Editor's note: updated.\n\n{}", seed("000"));
    fs::write(p.join("c.txt"), edited).unwrap();
    let got = notes(p, &["list", "--json", "c.txt"]).lines();
    assert_eq!(got.len(), 1);
    assert_eq!(
        (got[0]["text"].as_str(), got[0]["status"].as_str()),
        (Some("passage"), Some("moved"))
    );

    // A version without the passage has none of these notes.
    fs::write(p.join("npr.txt"), seed("003")).unwrap();
    assert_eq!(notes(p, &["list", "--json", "npr.txt"]).stdout, "");
}

#[test]
fn list_finds_a_passage_after_the_sentences_around_it_were_edited() {
    let d = workdir();
    let p = d.path();
    notes(
        p,
        &["add", "--file", "a.txt", "--quote", QUOTE, "--text", "passage"],
    );
    let edited = seed("000")
        .replace(
            "at least one more round of diplomacy is likely.",
            "more talks are likely, officials say.",
        )
        .replace("Russia is expected to respond soon", "Moscow will answer soon");
    fs::write(p.join("a.txt"), edited).unwrap();
    let got = notes(p, &["list", "--json", "a.txt"]).lines();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0]["status"], "moved");
    assert_eq!(got[0]["quote"], QUOTE, "the stored quote is kept");
    // Unchanged file contents at the same path: attached.
    fs::write(p.join("a.txt"), seed("000")).unwrap();
    assert_eq!(notes(p, &["list", "--json"]).lines()[0]["status"], "attached");
}

#[test]
fn export_writes_markdown_grouped_by_article() {
    let d = workdir();
    let p = d.path();
    fs::write(p.join("cbs.txt"), seed("002")).unwrap();
    notes(
        p,
        &[
            "add",
            "--file",
            "a.txt",
            "--quote",
            QUOTE,
            "--text",
            "AP keeps this",
        ],
    );
    notes(
        p,
        &[
            "add",
            "--file",
            "cbs.txt",
            "--quote",
            "Watch CBS News",
            "--text",
            "CBS chrome",
        ],
    );
    notes(p, &["add", "--file", "a.txt", "--text", "AP overall"]);
    let o = notes(p, &["export", "--markdown", "a.txt", "cbs.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let md = o.stdout;
    assert!(md.starts_with("# Notes\n"));
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(headings.len(), 2, "{md}");
    let ap = md.find("`a.txt`").unwrap();
    let cbs = md.find("`cbs.txt`").unwrap();
    assert!(ap < cbs);
    let ap_part = &md[ap..cbs];
    assert!(ap_part.contains(&format!("> {QUOTE}")), "{ap_part}");
    assert!(ap_part.contains("AP keeps this") && ap_part.contains("AP overall"));
    assert!(md[cbs..].contains("> Watch CBS News\n\nCBS chrome"), "{md}");
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    assert!(md.contains(&format!("— *{today}")), "dated: {md}");
    // Without paths: every note.
    let all = notes(p, &["export", "--markdown"]).stdout;
    assert_eq!(all.matches("\n## ").count(), 2);
}

#[test]
fn edit_and_delete_by_id_prefix() {
    let d = workdir();
    let p = d.path();
    let added = notes(
        p,
        &["add", "--file", "a.txt", "--quote", QUOTE, "--text", "first"],
    )
    .lines()[0]
        .clone();
    let id = added["id"].as_str().unwrap();
    let o = notes(p, &["edit", &id[..10], "--text", "second thoughts"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let v = &o.lines()[0];
    check_fields(v);
    assert_eq!(v["id"], id);
    assert_eq!(v["text"], "second thoughts");
    assert_eq!(v["created"], added["created"]);
    assert!(v["updated"].as_str() >= added["updated"].as_str());
    assert_eq!(
        notes(p, &["list", "--json"]).lines()[0]["text"],
        "second thoughts"
    );

    let o = notes(p, &["delete", id]);
    assert_eq!(o.code, 0);
    assert_eq!(o.lines()[0]["id"], id);
    assert_eq!(notes(p, &["list", "--json"]).stdout, "");
    let o = notes(p, &["delete", id]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains(id), "{}", o.stderr);
}

#[test]
fn an_empty_note_id_is_a_usage_error() {
    let d = workdir();
    let p = d.path();
    notes(p, &["add", "--file", "a.txt", "--text", "one"]);
    notes(p, &["add", "--file", "a.txt", "--text", "two"]);
    for args in [
        &["edit", "", "--text", "x"][..],
        &["edit", "  ", "--text", "x"][..],
        &["delete", ""][..],
    ] {
        let o = notes(p, args);
        assert_eq!(o.code, 2, "{args:?}: {}", o.stderr);
        assert!(
            o.stderr.contains("a note id cannot be empty"),
            "{args:?}: {}",
            o.stderr
        );
        assert!(!o.stderr.contains("start of several"), "{}", o.stderr);
    }
    assert_eq!(notes(p, &["list", "--json"]).lines().len(), 2, "nothing changed");
}

#[test]
fn data_dir_flag_beats_the_environment_variable() {
    let d = workdir();
    let p = d.path();
    let env_dir = p.join("from-env");
    let o = copydesk_env(
        p,
        &["notes", "add", "--file", "a.txt", "--text", "env"],
        Some(&env_dir),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(env_dir.join("notes.json").is_file());
    let o = copydesk_env(
        p,
        &[
            "notes",
            "add",
            "--file",
            "a.txt",
            "--text",
            "flag",
            "--data-dir",
            "from-flag",
        ],
        Some(&env_dir),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let count = |dir: &Path| {
        let v: Value = serde_json::from_str(&fs::read_to_string(dir.join("notes.json")).unwrap()).unwrap();
        v["notes"].as_array().unwrap().len()
    };
    assert_eq!(count(&env_dir), 1);
    assert_eq!(count(&p.join("from-flag")), 1);
    assert!(!p.join("xdg").exists(), "the platform directory was not used");
}

#[test]
fn demo_articles_take_notes() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    let path = "demo/002_cbs-ap-full_806fb89b356b963d.txt";
    let o = notes(
        p,
        &[
            "add",
            "--demo",
            "--file",
            path,
            "--quote",
            "Sergey Lavrov",
            "--text",
            "who",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.lines()[0]["path"], path);
    for args in [&["list", "--json", "--demo"][..], &["list", "--json"][..]] {
        let got = notes(p, args).lines();
        assert_eq!(got.len(), 1);
        assert_eq!(
            (got[0]["path"].as_str(), got[0]["status"].as_str()),
            (Some(path), Some("attached"))
        );
    }
}

#[test]
fn a_damaged_notes_file_is_reported_and_copydesk_carries_on() {
    let d = workdir();
    let p = d.path();
    fs::create_dir(p.join("data")).unwrap();
    fs::write(p.join("data/notes.json"), b"{\"version\":1,\"notes\":[{").unwrap();
    let o = notes(p, &["add", "--file", "a.txt", "--text", "fresh"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("notes.json.damaged-"),
        "the user is told where: {}",
        o.stderr
    );
    let aside: Vec<PathBuf> = fs::read_dir(p.join("data"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|f| f.to_string_lossy().contains("damaged"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), b"{\"version\":1,\"notes\":[{");
    assert_eq!(notes(p, &["list", "--json"]).lines().len(), 1);
}

#[test]
fn two_processes_adding_200_notes_each_lose_nothing() {
    let d = workdir();
    let p = d.path().to_path_buf();
    let writers: Vec<_> = ["left", "right"]
        .into_iter()
        .map(|who| {
            let p = p.clone();
            std::thread::spawn(move || {
                for i in 0..200 {
                    let text = format!("{who} {i}");
                    let o = notes(&p, &["add", "--file", "a.txt", "--quote", QUOTE, "--text", &text]);
                    assert_eq!(o.code, 0, "{}", o.stderr);
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let got = notes(&p, &["list", "--json"]).lines();
    assert_eq!(got.len(), 400);
    let ids: HashSet<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 400);
    let texts: HashSet<&str> = got.iter().map(|v| v["text"].as_str().unwrap()).collect();
    for who in ["left", "right"] {
        for i in 0..200 {
            assert!(texts.contains(format!("{who} {i}").as_str()), "{who} {i} lost");
        }
    }
}

#[test]
fn a_version_1_file_written_earlier_still_reads() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path();
    fs::create_dir(p.join("data")).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes/v1.json");
    fs::copy(&fixture, p.join("data/notes.json")).unwrap();
    let o = notes(p, &["list", "--json", "--demo"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.stderr, "", "not taken for damaged");
    let got = o.lines();
    assert_eq!(got.len(), 2, "the tombstone is not a note");
    // Oldest first: the whole-article note was written at 08:00 UTC.
    assert_eq!(got[0]["id"], "a1b2c3d4e5f60718293a4b5c6d7e8f90");
    assert_eq!(got[0]["quote"], "");
    assert_eq!(
        got[0]["created"], "2026-11-20T08:00:00.000Z",
        "times come out in UTC"
    );
    assert_eq!(got[1]["updated"], "2026-11-20T09:20:30.500Z");
    assert_eq!(got[1]["prefix"], " round of diplomacy is likely.\n\n");
    for v in &got {
        check_fields(v);
        assert_eq!(v["status"], "attached");
        assert_eq!(v["path"], "demo/000_ap-cut_7b16be5f68741545.txt");
    }
    // Editing writes it back as version 1 with every note and the tombstone.
    assert_eq!(notes(p, &["edit", "5f0c", "--text", "changed"]).code, 0);
    let v: Value = serde_json::from_str(&fs::read_to_string(p.join("data/notes.json")).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["notes"].as_array().unwrap().len(), 2);
    assert_eq!(v["deleted"][0]["id"], "ffffffffffffffffffffffffffffffff");
}

#[test]
fn list_without_json_is_one_line_a_note_and_bad_paths_fail() {
    let d = workdir();
    let p = d.path();
    let added = notes(
        p,
        &[
            "add",
            "--file",
            "a.txt",
            "--quote",
            QUOTE,
            "--text",
            "line one\nline two",
        ],
    );
    let id = added.lines()[0]["id"].as_str().unwrap().to_string();
    let o = notes(p, &["list"]);
    assert_eq!(o.code, 0);
    let want = format!("{}\tattached\ta.txt\t{:?}\tline one\n", &id[..8], &QUOTE[..40]);
    assert_eq!(o.stdout, want);
    let o = notes(p, &["list", "--json", "nowhere.txt"]);
    assert_eq!(o.code, 1);
    assert!(o.stderr.contains("nowhere.txt"), "{}", o.stderr);
    assert_eq!(o.stdout, "");
}

/// `notes ARGS` run in `cwd` with the data directory given by absolute path (through
/// `COPYDESK_DATA_DIR`), so that runs from different folders share one store.
fn notes_in(cwd: &Path, data: &Path, args: &[&str]) -> Out {
    let mut all = vec!["notes"];
    all.extend_from_slice(args);
    copydesk_env(cwd, &all, Some(data))
}

#[test]
fn notes_are_found_from_any_folder_by_their_absolute_path() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("data");
    let home = d.path().join("desk");
    fs::create_dir_all(home.join("mine")).unwrap();
    fs::write(home.join("mine/a.txt"), seed("000")).unwrap();
    let o = notes_in(
        &home,
        &data,
        &[
            "add",
            "--file",
            "mine/a.txt",
            "--quote",
            QUOTE,
            "--text",
            "passage",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.lines()[0]["path"], "mine/a.txt", "printed as given");
    assert_eq!(
        notes_in(&home, &data, &["add", "--file", "mine/a.txt", "--text", "whole"]).code,
        0
    );
    let stored: Value = serde_json::from_str(&fs::read_to_string(data.join("notes.json")).unwrap()).unwrap();
    let abs = fs::canonicalize(home.join("mine/a.txt")).unwrap();
    let abs = abs.to_str().unwrap();
    for n in stored["notes"].as_array().unwrap() {
        assert_eq!(n["path"], "mine/a.txt");
        assert_eq!(n["abs_path"], abs);
    }

    // From the folder it was written in, as before.
    let got = notes_in(&home, &data, &["list", "--json"]).lines();
    assert_eq!(got.len(), 2);
    assert!(
        got.iter()
            .all(|v| v["status"] == "attached" && v["path"] == "mine/a.txt"),
        "{got:?}"
    );

    // From another folder, with no paths: found at its absolute path, attached.
    let elsewhere = tempfile::tempdir().unwrap();
    let o = notes_in(elsewhere.path(), &data, &["list", "--json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let got = o.lines();
    assert_eq!(got.len(), 2);
    for v in &got {
        check_fields(v);
        assert_eq!(v["status"], "attached", "{v}");
        assert_eq!(v["path"], abs);
    }
    // With the folder given by its absolute path: the same file, so attached, not moved.
    let folder = home.join("mine");
    let got = notes_in(
        elsewhere.path(),
        &data,
        &["list", "--json", folder.to_str().unwrap()],
    )
    .lines();
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|v| v["status"] == "attached"), "{got:?}");

    // Another file with the same relative name in another folder is not the note's file.
    fs::create_dir(elsewhere.path().join("mine")).unwrap();
    fs::write(elsewhere.path().join("mine/a.txt"), seed("003")).unwrap();
    let got = notes_in(elsewhere.path(), &data, &["list", "--json"]).lines();
    assert!(
        got.iter().all(|v| v["status"] == "attached" && v["path"] == abs),
        "{got:?}"
    );
    assert_eq!(
        notes_in(elsewhere.path(), &data, &["list", "--json", "mine/a.txt"]).stdout,
        ""
    );
}

#[test]
fn notes_written_before_absolute_paths_are_migrated_on_read() {
    let d = tempfile::tempdir().unwrap();
    let data = d.path().join("data");
    let home = d.path().join("desk");
    fs::create_dir_all(home.join("mine")).unwrap();
    fs::write(home.join("mine/a.txt"), seed("000")).unwrap();
    let added = notes_in(
        &home,
        &data,
        &["add", "--file", "mine/a.txt", "--quote", QUOTE, "--text", "old"],
    );
    let id = added.lines()[0]["id"].as_str().unwrap().to_string();
    // As an earlier copydesk wrote it: no `abs_path`.
    let file = data.join("notes.json");
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    v["notes"][0].as_object_mut().unwrap().remove("abs_path");
    fs::write(&file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();

    // From another folder the old note cannot be placed yet (its folder is not known)...
    let elsewhere = tempfile::tempdir().unwrap();
    let got = notes_in(elsewhere.path(), &data, &["list", "--json"]).lines();
    assert_eq!(got[0]["status"], "detached");
    assert!(
        !fs::read_to_string(&file).unwrap().contains("abs_path"),
        "listing writes nothing"
    );
    // ...read from its own folder, it is resolved, and the next save keeps the absolute path.
    let o = notes_in(&home, &data, &["list", "--json"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert_eq!(o.stderr, "", "not taken for damaged");
    assert_eq!(o.lines()[0]["status"], "attached");
    assert_eq!(notes_in(&home, &data, &["edit", &id, "--text", "new"]).code, 0);
    let v: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        v["version"], 1,
        "the same format version: an older copydesk still reads it"
    );
    let abs = fs::canonicalize(home.join("mine/a.txt")).unwrap();
    assert_eq!(v["notes"][0]["abs_path"], abs.to_str().unwrap());
    let got = notes_in(elsewhere.path(), &data, &["list", "--json"]).lines();
    assert_eq!(
        (got[0]["status"].as_str(), got[0]["text"].as_str()),
        (Some("attached"), Some("new"))
    );
}
