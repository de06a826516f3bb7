//! `copydesk entities --json`: the command-line contract (fields, character offsets, sorted
//! non-overlapping spans, quotes with their marks and speakers).

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .output()
        .expect("run copydesk");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn chars(s: &str, start: u64, end: u64) -> String {
    s.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

#[test]
fn json_lines_follow_the_contract() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = format!("{root}/tests/fixtures/seeds");
    let (code, out, err) = run(&["entities", "--json", &dir]);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    for line in lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        let file = v["file"].as_str().expect("file");
        assert!(
            file.starts_with(&dir),
            "path as given joined with the file: {file}"
        );
        let text = std::fs::read_to_string(file).expect("read");
        let mut last_end = 0;
        let ents = v["entities"].as_array().expect("entities");
        assert!(ents.len() > 50);
        for e in ents {
            let (s, en) = (
                e["start"].as_u64().expect("start"),
                e["end"].as_u64().expect("end"),
            );
            assert!(s >= last_end && en > s, "sorted, no overlap: {e}");
            last_end = en;
            assert_eq!(
                chars(&text, s, en),
                e["text"].as_str().expect("text"),
                "char offsets: {e}"
            );
            assert!(
                ["PERSON", "ORG", "PLACE", "NORP", "DATE", "NUMBER"]
                    .contains(&e["label"].as_str().expect("label"))
            );
        }
        for q in v["quotes"].as_array().expect("quotes") {
            let body = chars(
                &text,
                q["start"].as_u64().expect("s"),
                q["end"].as_u64().expect("e"),
            );
            assert!(
                body.starts_with(['"', '“']),
                "a quote's range includes its marks: {body}"
            );
            if let Some(sp) = q["speaker"].as_object() {
                let st = chars(
                    &text,
                    sp["start"].as_u64().expect("s"),
                    sp["end"].as_u64().expect("e"),
                );
                assert_eq!(st, sp["text"].as_str().expect("text"));
            } else {
                assert!(q["speaker"].is_null());
            }
        }
    }
}

#[test]
fn non_ascii_text_gets_character_offsets_and_speakers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("zürich.txt");
    let text = "Café owners in Zürich cheered. “We are thrilled,” said Renée Müller, 45.\n";
    std::fs::write(&path, text).expect("write");
    let (code, out, _) = run(&["entities", "--json", path.to_str().expect("utf8 path")]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(out.trim()).expect("json");
    let ents = v["entities"].as_array().expect("entities");
    let find = |t: &str| ents.iter().find(|e| e["text"] == t).cloned();
    let place = find("Zürich").expect("Zürich found");
    assert_eq!(place["label"], "PLACE");
    assert_eq!(place["start"], 15);
    let person = find("Renée Müller").expect("person found");
    assert_eq!(person["label"], "PERSON");
    let q = &v["quotes"][0];
    assert_eq!(q["start"], 31);
    assert_eq!(q["speaker"]["text"], "Renée Müller");
}

#[test]
fn demo_and_missing_files() {
    let (code, out, _) = run(&["entities", "--json", "--demo"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 5);
    let (code, _, err) = run(&["entities", "--json", "/nonexistent/article.txt"]);
    assert_eq!(code, 1);
    assert!(err.contains("/nonexistent/article.txt"), "{err}");
    let (code, out, _) = run(&["entities", "--demo"]);
    assert_eq!(code, 0);
    assert!(out.contains("PERSON") && out.contains("Vladimir Putin"));
}
