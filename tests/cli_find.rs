//! `copydesk find --json TEXT PATH...` through the built binary: the contract field by field,
//! character offsets of non-ASCII text, accent- and case-insensitive matching, exit statuses.

use std::process::Command;

use serde_json::Value;

fn run(args: &[&str]) -> (i32, Vec<Value>, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap();
    let stdout = String::from_utf8(o.stdout).unwrap();
    let records = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (
        o.status.code().unwrap(),
        records,
        String::from_utf8(o.stderr).unwrap(),
    )
}

/// The article's text as `list --json --text` gives it, to check offsets against.
fn text_of(path: &str) -> String {
    let (_, recs, _) = run(&["list", "--json", "--text", path]);
    recs[0]["text"].as_str().unwrap().to_string()
}

fn chars(text: &str, s: u64, e: u64) -> String {
    text.chars().skip(s as usize).take((e - s) as usize).collect()
}

const SEEDS: &str = "tests/fixtures/seeds";
const SEED_002: &str = "tests/fixtures/seeds/002_806fb89b356b963d.txt";

#[test]
fn each_hit_has_exactly_the_contract_fields() {
    let (code, recs, err) = run(&["find", "--json", "Bridget Brink", SEED_002]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(recs.len(), 1);
    let r = recs[0].as_object().unwrap();
    let mut keys: Vec<&str> = r.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "article_id",
            "end",
            "path",
            "sentence",
            "source",
            "start",
            "text",
            "title"
        ]
    );
    assert_eq!(r["path"], SEED_002);
    assert_eq!(r["source"], "CBS News");
    assert_eq!(
        r["title"],
        "Putin accuses U.S. and NATO allies of ignoring Russia's security needs"
    );
    let (_, list, _) = run(&["list", "--json", SEED_002]);
    assert_eq!(r["article_id"], list[0]["id"]);
    let text = text_of(SEED_002);
    let (s, e) = (r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap());
    assert_eq!(chars(&text, s, e), "Bridget Brink");
    let sent = r["sentence"].as_array().unwrap();
    let (ss, se) = (sent[0].as_u64().unwrap(), sent[1].as_u64().unwrap());
    assert!(ss <= s && e <= se);
    assert_eq!(chars(&text, ss, se), r["text"].as_str().unwrap());
    assert!(
        r["text"]
            .as_str()
            .unwrap()
            .starts_with("In other developments, Biden")
    );
    // The sentence is one of the article's sentences as `list --json` gives them.
    assert!(
        list[0]["sentences"]
            .as_array()
            .unwrap()
            .contains(&Value::from(vec![ss, se]))
    );
}

#[test]
fn offsets_count_characters_and_accents_are_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("hu.txt");
    std::fs::write(
        &f,
        "Talks in Budapest\n\n“Viktor Orbán’s” call — Orban said: ORBÁN.",
    )
    .unwrap();
    let p = f.to_str().unwrap();
    let (code, recs, _) = run(&["find", "--json", "orban", p]);
    assert_eq!(code, 0);
    let text = text_of(p);
    let found: Vec<String> = recs
        .iter()
        .map(|r| chars(&text, r["start"].as_u64().unwrap(), r["end"].as_u64().unwrap()))
        .collect();
    assert_eq!(found, ["Orbán", "Orban", "ORBÁN"]);
    assert_eq!(recs[0]["start"], 27);
    let (_, list, _) = run(&["list", "--json", p]);
    assert_eq!(recs[0]["title"], list[0]["title"]);
    let (_, recs, _) = run(&["find", "--json", "orbán's", p]);
    assert_eq!(recs.len(), 1);
    assert_eq!(
        chars(
            &text,
            recs[0]["start"].as_u64().unwrap(),
            recs[0]["end"].as_u64().unwrap()
        ),
        "Orbán’s"
    );
}

#[test]
fn hits_come_in_path_order_across_a_folder() {
    let (code, recs, _) = run(&["find", "--json", "orban", SEEDS]);
    assert_eq!(code, 0);
    assert!(recs.len() >= 5, "{}", recs.len());
    let keys: Vec<(String, u64)> = recs
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_string(),
                r["start"].as_u64().unwrap(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert!(keys.iter().all(|(p, _)| p.starts_with("tests/fixtures/seeds/")));
}

#[test]
fn exit_statuses() {
    // Loaded, nothing found: success with no output.
    let (code, recs, _) = run(&["find", "--json", "zzzqqq", SEED_002]);
    assert_eq!((code, recs.len()), (0, 0));
    // Nothing loaded: 1, with the path named.
    let (code, recs, err) = run(&["find", "--json", "x", "no/such/dir"]);
    assert_eq!((code, recs.len()), (1, 0));
    assert!(err.contains("no/such/dir"), "{err}");
    // Missing the text: usage error.
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["find"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn source_is_null_when_nothing_names_the_outlet() {
    let file = "tests/fixtures/loader/formats/story.txt";
    let (code, recs, _) = run(&["find", "--json", "Geneva", file]);
    assert_eq!(code, 0);
    assert_eq!(recs.len(), 2, "the headline and the last paragraph");
    for r in &recs {
        assert_eq!(r["path"], file);
        assert!(r.as_object().unwrap().contains_key("source"));
        assert_eq!(r["source"], Value::Null);
    }
}

#[test]
fn help_documents_the_json_fields() {
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["find", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8(o.stdout).unwrap();
    for field in [
        "\"path\"",
        "\"article_id\"",
        "\"sentence\"",
        "\"start\"",
        "\"text\"",
    ] {
        assert!(help.contains(field), "{field} missing from:\n{help}");
    }
}
