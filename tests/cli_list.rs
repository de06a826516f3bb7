//! `copydesk list --json` through the built binary: the contract field by field, character
//! offsets, problems on stderr, exit statuses, and a reader that closes the pipe early.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use serde_json::Value;
use sha2::{Digest, Sha256};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c
}

fn run(args: &[&str]) -> (i32, Vec<Value>, String) {
    let o = bin().args(args).output().unwrap();
    let stdout = String::from_utf8(o.stdout).unwrap();
    let records = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (
        o.status.code().unwrap(),
        records,
        String::from_utf8(o.stderr).unwrap(),
    )
}

fn slice(text: &str, r: &Value) -> String {
    let (s, e) = (r[0].as_u64().unwrap() as usize, r[1].as_u64().unwrap() as usize);
    assert!(s <= e);
    text.chars().skip(s).take(e - s).collect()
}

const SEED_004: &str = "tests/fixtures/seeds/004_d5be253667c6d7c4.txt";

/// Furniture of every common kind, each range named in `boilerplate_kinds`, and the byline and
/// the wire read from the text.
#[test]
fn boilerplate_kinds_name_each_range_and_the_byline_and_agency_are_read() {
    let path = "tests/fixtures/loader/furniture/harbour_kinds.txt";
    let (code, recs, err) = run(&["list", "--json", "--text", path]);
    assert_eq!((code, recs.len(), err.as_str()), (0, 1, ""));
    let r = &recs[0];
    let text = r["text"].as_str().unwrap();
    let ranges = r["boilerplate"].as_array().unwrap();
    let kinds = r["boilerplate_kinds"].as_array().unwrap();
    assert_eq!(ranges.len(), kinds.len(), "parallel lists");
    let got: Vec<(String, &str)> = ranges
        .iter()
        .zip(kinds)
        .map(|(rg, k)| (slice(text, rg), k.as_str().unwrap()))
        .collect();
    let want = [
        ("Skip to content", "chrome"),
        ("News\nHarbour\nWeather\nSport", "chrome"),
        ("By INES MARR and Tomas Reyes, Associated Press", "byline"),
        ("Updated 6:12 PM GMT, April 9, 2024", "byline"),
        ("LANVALE, Calder (AP) — ", "dateline"),
        ("ADVERTISEMENT", "advertisement"),
        (
            "Pilots leave the union hall, left, in Lanvale, Calder, on Tuesday, April 9, 2024. (AP Photo/Jon Reyes)",
            "caption",
        ),
        ("READ MORE: Ferry fares set to rise as fuel costs climb", "promo"),
        ("Pilots vote to end strike 01:42", "video"),
        ("Get the Morning Tide newsletter for $1 a week", "prompt"),
        (
            "Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.",
            "footer",
        ),
    ];
    let want: Vec<(String, &str)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
    assert_eq!(got, want);
    assert_eq!(r["title"], "Lanvale pilots return to work after nine-day strike");
    assert_eq!(r["byline"], "Ines Marr and Tomas Reyes");
    // The wire is the agency; nothing names the site running the copy.
    assert_eq!(r["agency"], "AP");
    assert_eq!(r["source"], Value::Null);
}

#[test]
fn record_has_exactly_the_contract_fields() {
    let (code, recs, err) = run(&["list", "--json", SEED_004]);
    assert_eq!((code, recs.len(), err.as_str()), (0, 1, ""));
    let r = recs[0].as_object().unwrap();
    let mut keys: Vec<&str> = r.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "agency",
            "boilerplate",
            "boilerplate_kinds",
            "byline",
            "encoding",
            "id",
            "paragraphs",
            "path",
            "published",
            "sentences",
            "source",
            "title",
            "url",
            "warnings",
            "words"
        ]
    );
    assert_eq!(r["path"], SEED_004);
    assert_eq!(r["encoding"], "UTF-8");
    assert_eq!(r["title"], Value::Null);
    // Nothing in the file names its outlet: null, not the file name.
    assert_eq!(r["source"], Value::Null);
    for key in ["url", "published", "byline", "agency"] {
        assert_eq!(r[key], Value::Null, "{key}");
    }
    assert_eq!(r["words"], 533);
    assert_eq!(r["warnings"], serde_json::json!([]));
    let id = r["id"].as_str().unwrap();
    assert_eq!(id.len(), 64);
    assert!(
        id.chars()
            .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
    );
}

#[test]
fn metadata_fields_field_by_field() {
    let (code, recs, err) = run(&[
        "list",
        "--json",
        "tests/fixtures/loader/formats/story.txt",
        "tests/fixtures/loader/formats/meta.json",
    ]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(recs.len(), 2);
    let (txt, json) = (&recs[0], &recs[1]);
    assert_eq!(txt["path"], "tests/fixtures/loader/formats/story.txt");
    assert_eq!(txt["title"], "Talks to resume in Geneva");
    for key in ["source", "url", "published", "byline", "agency"] {
        assert!(txt.as_object().unwrap().contains_key(key), "{key} present");
        assert_eq!(txt[key], Value::Null, "{key}");
    }
    assert_eq!(json["source"], "The Lanvale Courier");
    assert_eq!(json["url"], "https://lanvale-courier.example/2023/11/ferry-fares");
    assert_eq!(json["published"], "2023-11-04T08:15:00Z");
    assert_eq!(json["byline"], "Mara Quill and Tobias Fenn");
    assert_eq!(json["agency"], "Meridian Wire");
}

#[test]
fn offsets_are_characters_into_the_text() {
    let (_, recs, _) = run(&["list", "--json", "--text", SEED_004]);
    let r = &recs[0];
    let text = r["text"].as_str().unwrap();
    let file = std::fs::read_to_string(SEED_004).unwrap();
    assert_eq!(text, file);
    let id: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(r["id"], id.as_str());
    // The article uses curly quotes and no-break spaces, so byte offsets would be off here.
    let sentences: Vec<String> = r["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| slice(text, s))
        .collect();
    assert_eq!(
        sentences[0],
        "Russian President Vladimir Putin said Tuesday that the U.S. and its allies have ignored Russia\u{2019}s key security demands as the standoff between Moscow and the West over Ukraine shows no signs of easing."
    );
    assert_eq!(
        sentences[4],
        "Mikhail Klimentyev / Sputnik / Kremlin Pool Photo via AP"
    );
    let paragraphs: Vec<String> = r["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| slice(text, s))
        .collect();
    assert!(paragraphs[1].starts_with("The Russian leader\u{2019}s first public comments"));
    let boilerplate: Vec<String> = r["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| slice(text, s))
        .collect();
    assert!(boilerplate[0].starts_with("Russian President Vladimir Putin, left,"));
    assert!(boilerplate[0].ends_with("Kremlin Pool Photo via AP"));
    assert_eq!(boilerplate.last().unwrap(), "Forgot your details?");
}

#[test]
fn jsonl_paths_and_problems_on_stderr() {
    let (code, recs, err) = run(&[
        "list",
        "--json",
        "tests/fixtures/loader/formats/feed.jsonl",
        "tests/fixtures/loader/bad/empty.txt",
        "no-such-file.txt",
    ]);
    assert_eq!(code, 0);
    let paths: Vec<&str> = recs.iter().map(|r| r["path"].as_str().unwrap()).collect();
    assert_eq!(
        paths,
        [
            "tests/fixtures/loader/formats/feed.jsonl#1",
            "tests/fixtures/loader/formats/feed.jsonl#4"
        ]
    );
    assert_eq!(recs[0]["source"], "Wire A");
    assert_eq!(recs[0]["title"], "First");
    for named in [
        "no-such-file.txt",
        "bad/empty.txt: empty file",
        "feed.jsonl#3: invalid JSON",
        "feed.jsonl#5",
    ] {
        assert!(err.contains(named), "{named} not in {err}");
    }
}

#[test]
fn folder_paths_are_joined_and_encodings_named() {
    let (code, recs, err) = run(&["list", "--json", "tests/fixtures/loader/bad/"]);
    assert_eq!(code, 0);
    assert!(err.contains("tests/fixtures/loader/bad/binary.txt: binary file"));
    let enc: Vec<(&str, &str)> = recs
        .iter()
        .map(|r| (r["path"].as_str().unwrap(), r["encoding"].as_str().unwrap()))
        .collect();
    assert!(
        enc.contains(&("tests/fixtures/loader/bad/windows-1252.txt", "windows-1252")),
        "{enc:?}"
    );
    assert!(
        enc.contains(&("tests/fixtures/loader/bad/utf16le.txt", "UTF-16LE")),
        "{enc:?}"
    );
    assert!(
        enc.contains(&("tests/fixtures/loader/bad/utf16be.txt", "UTF-16BE")),
        "{enc:?}"
    );
    let bad = recs
        .iter()
        .find(|r| r["path"] == "tests/fixtures/loader/bad/invalid-utf8.txt")
        .unwrap();
    assert_eq!(
        bad["warnings"][0],
        "3 invalid byte sequences replaced with U+FFFD while decoding as UTF-8"
    );
}

#[test]
fn exit_1_when_nothing_loaded_2_on_wrong_usage() {
    let (code, recs, err) = run(&[
        "list",
        "--json",
        "missing.txt",
        "tests/fixtures/loader/bad/empty.txt",
    ]);
    assert_eq!((code, recs.len()), (1, 0));
    assert!(err.contains("missing.txt") && err.contains("empty.txt"), "{err}");
    assert_eq!(
        bin().args(["list", "--json"]).output().unwrap().status.code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["list", "--bogus", "x.txt"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn demo_lists_five_articles() {
    let (code, recs, _) = run(&["list", "--json", "--demo"]);
    assert_eq!((code, recs.len()), (0, 5));
    assert!(
        recs.iter()
            .all(|r| r["path"].as_str().unwrap().starts_with("demo/"))
    );
    assert_eq!(recs[2]["source"], "CBS News");
}

/// Runs copydesk with `command_args` and then the seed `copies` times, reads the first line of
/// its JSON output and closes the pipe with most of the output unwritten: it must still exit 0
/// and say nothing on stderr.
fn assert_quiet_on_a_closed_pipe(command_args: &[&str], copies: usize) {
    let seed = PathBuf::from(SEED_004);
    let args: Vec<&std::ffi::OsStr> = std::iter::repeat_n(seed.as_os_str(), copies).collect();
    let mut child = bin()
        .args(command_args)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with('{'));
    // The reader is dropped here: the pipe is closed with most of the output unwritten.
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn closed_stdout_exits_quietly() {
    assert_quiet_on_a_closed_pipe(&["list", "--json", "--text"], 3000);
}

#[test]
fn demo_flag_may_come_before_the_subcommand() {
    for cmd in ["list", "entities", "stories"] {
        let o = bin().args(["--demo", cmd, "--json"]).output().unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{cmd}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(!o.stdout.is_empty(), "{cmd}");
        let o = bin().args([cmd, "--json"]).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{cmd} without paths is wrong usage");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("--demo") && err.contains("Usage: copydesk"), "{err}");
    }
}

#[test]
fn every_json_command_exits_quietly_on_a_closed_pipe() {
    // `entities` goes through the shared error path of `cli::run`, not a writer of its own.
    assert_quiet_on_a_closed_pipe(&["entities", "--json", "--separately"], 400);
}
