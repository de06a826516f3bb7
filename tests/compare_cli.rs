//! The `compare --json` contract: field names, character offsets, `changes` only on edited
//! segments, errors naming the file, exit statuses.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

fn seed(n: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seeds");
    let p = std::fs::read_dir(&dir)
        .expect("seeds")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.file_name().is_some_and(|f| f.to_string_lossy().starts_with(n)))
        .expect("seed");
    p.to_string_lossy().into_owned()
}

fn chars(text: &str, r: &Value) -> String {
    let s = r[0].as_u64().expect("start") as usize;
    let e = r[1].as_u64().expect("end") as usize;
    assert!(s <= e);
    text.chars().skip(s).take(e - s).collect()
}

#[test]
fn json_contract() {
    let (a, b) = (seed("002"), seed("004"));
    let out = bin().args(["compare", "--json", &a, &b]).output().expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["a"], a.as_str());
    assert_eq!(v["b"], b.as_str());
    assert_eq!(v["relation"], "rewrite");
    for k in ["shared_a", "shared_b"] {
        let x = v[k].as_f64().expect(k);
        assert!((0.0..=1.0).contains(&x));
    }
    let counts = v["counts"].as_object().expect("counts");
    let mut keys: Vec<&str> = counts.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(keys, ["added", "edited", "moved", "removed", "same"]);
    let ta = std::fs::read_to_string(&a).expect("a");
    let tb = std::fs::read_to_string(&b).expect("b");
    let segs = v["segments"].as_array().expect("segments");
    let mut seen_edit = false;
    for s in segs {
        let op = s["op"].as_str().expect("op");
        assert!(["same", "edited", "moved", "added", "removed"].contains(&op));
        assert_eq!(s["a"].is_null(), op == "added");
        assert_eq!(s["b"].is_null(), op == "removed");
        assert_eq!(
            s.get("changes").is_some(),
            op == "edited",
            "changes only for edited"
        );
        let n = counts[op].as_u64().expect("count");
        assert!(n > 0);
        if op == "edited" {
            seen_edit = true;
            for ch in s["changes"].as_array().expect("changes") {
                let cop = ch["op"].as_str().expect("op");
                assert!(["equal", "insert", "delete"].contains(&cop));
                if cop == "equal" {
                    // Equal runs hold the same words once quotes and case are set aside.
                    let wa = chars(&ta, &ch["a"]).to_lowercase();
                    let wb = chars(&tb, &ch["b"]).to_lowercase();
                    assert_eq!(wa.split_whitespace().count(), wb.split_whitespace().count());
                }
            }
        }
    }
    assert!(seen_edit);
    assert_eq!(
        segs.len() as u64,
        counts.values().map(|x| x.as_u64().unwrap_or(0)).sum::<u64>()
    );
    // 004 uses curly apostrophes, so character and byte offsets differ: check one sentence.
    let s = segs
        .iter()
        .find(|s| s["b"].is_array() && chars(&tb, &s["b"]).starts_with("The West, he added"))
        .expect("sentence found by char offsets");
    assert!(chars(&tb, &s["b"]).ends_with("expand eastward."));
}

#[test]
fn plain_output_is_a_word_diff() {
    let dir = tempfile::tempdir().expect("tmp");
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(&a, "Putin said the talks were useful. Lavrov agreed.").expect("write");
    std::fs::write(&b, "Putin said the talks were fruitful. Lavrov agreed.").expect("write");
    let out = bin().args(["compare"]).arg(&a).arg(&b).output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("[-useful-]{+fruitful+}") || s.contains("[-useful-] {+fruitful+}"),
        "{s}"
    );
    assert!(s.contains("edited"), "{s}");
}

#[test]
fn missing_file_is_named_and_exit_1() {
    let out = bin()
        .args(["compare", "--json", &seed("002"), "no/such/file.txt"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.txt"));
    assert!(out.stdout.is_empty());
}

#[test]
fn wrong_usage_is_exit_2() {
    let out = bin()
        .args(["compare", "--json", &seed("002")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn plain_output_names_and_quotes_that_differ() {
    let out = bin()
        .args(["compare", &seed("002"), &seed("004")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    let only_a = text
        .lines()
        .find(|l| l.starts_with("names only in a: "))
        .expect("names only in a");
    // Recognised names with their labels; Bridget Brink's paragraph is cut from the NBC rewrite.
    assert!(only_a.contains("Bridget Brink (PERSON)"), "{only_a}");
    assert!(only_a.contains("Emmanuel Macron (PERSON)"));
    assert!(!only_a.contains("Putin"), "004 names Putin too: {only_a}");
    // Blinken's quote: the full AP copy quotes a whole sentence, the rewrite only a phrase.
    let q = text
        .lines()
        .find(|l| l.starts_with("quote worded differently (Blinken / Blinken):"))
        .expect("Blinken's quote");
    assert!(q.contains("[-the U.S. willingness"), "{q}");
}
