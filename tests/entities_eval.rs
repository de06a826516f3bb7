//! Keeps the recogniser's figures on the development gold (and on the hand-annotated extra
//! articles) from falling: runs `copydesk eval` as a user would and checks the reported F1.
//! Floors sit a little under the values measured when they were set (see each test).

use std::process::Command;

fn eval(gold: &str, articles: &str, extra: &[&str]) -> serde_json::Value {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            "eval",
            "--json",
            "--gold",
            &format!("{root}/{gold}"),
            &format!("{root}/{articles}"),
        ])
        .args(extra)
        .output()
        .expect("run copydesk eval");
    assert!(
        out.status.success(),
        "eval failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("eval --json prints JSON")
}

fn f1(report: &serde_json::Value, path: &[&str]) -> f64 {
    let mut v = report;
    for p in path {
        v = &v[p];
    }
    v.as_f64().unwrap_or_else(|| panic!("no {path:?} in {report}"))
}

#[test]
fn seed_articles_against_the_gold() {
    // Measured: core 0.994, all-label 0.996 (strict), five files.
    let r = eval("tests/fixtures/gold", "tests/fixtures/seeds", &[]);
    assert_eq!(r["files"], 5);
    assert!(r["missing"].as_array().is_some_and(|m| m.is_empty()), "{r}");
    assert!(f1(&r, &["core_strict_f1"]) >= 0.98, "{r}");
    assert!(f1(&r, &["all_strict_f1"]) >= 0.98, "{r}");
    for (label, floor) in [
        ("PERSON", 0.96),
        ("ORG", 0.96),
        ("PLACE", 0.97),
        ("NORP", 0.97),
        ("DATE", 0.97),
        ("NUMBER", 0.97),
    ] {
        assert!(
            f1(&r, &["labels", label, "strict", "f1"]) >= floor,
            "{label}: {r}"
        );
    }
}

#[test]
fn seed_articles_analysed_separately() {
    // Without evidence shared between versions: measured core 0.994, all 0.996.
    let r = eval("tests/fixtures/gold", "tests/fixtures/seeds", &["--separately"]);
    assert!(f1(&r, &["core_strict_f1"]) >= 0.97, "{r}");
    assert!(f1(&r, &["all_strict_f1"]) >= 0.97, "{r}");
}

#[test]
fn extra_articles_on_other_topics() {
    // Court verdict, election, earnings, sports (written for this check; the recogniser was
    // then improved on them): measured core 0.991, all 0.995.
    let r = eval(
        "tests/fixtures/entities/gold",
        "tests/fixtures/entities/articles",
        &[],
    );
    assert_eq!(r["files"], 4);
    assert!(f1(&r, &["core_strict_f1"]) >= 0.95, "{r}");
    assert!(f1(&r, &["all_strict_f1"]) >= 0.95, "{r}");
}

#[test]
fn held_out_articles() {
    // UK budget, earthquake, health study, Middle East talks: first run before any change
    // made for them scored core 0.910, all 0.881; after general fixes core 0.984, all 0.991.
    let r = eval(
        "tests/fixtures/entities/heldout/gold",
        "tests/fixtures/entities/heldout/articles",
        &[],
    );
    assert!(f1(&r, &["core_strict_f1"]) >= 0.95, "{r}");
    assert!(f1(&r, &["all_strict_f1"]) >= 0.95, "{r}");
}

#[test]
fn second_held_out_batch() {
    // EU fine, police shooting, obituary, glacier science: first run core 0.827, all 0.874;
    // after general fixes (facility heads, rates vs durations, appositives) core 0.963, all 0.977.
    let r = eval(
        "tests/fixtures/entities/heldout2/gold",
        "tests/fixtures/entities/heldout2/articles",
        &[],
    );
    assert!(f1(&r, &["core_strict_f1"]) >= 0.93, "{r}");
    assert!(f1(&r, &["all_strict_f1"]) >= 0.94, "{r}");
}

#[test]
fn third_held_out_batch() {
    // Asia summit, Brazil tax vote, markets: first run core 0.876, all 0.907; after general
    // fixes (two-letter surnames, hyphenated given names, numerals inside names) core 0.957,
    // all 0.973.
    let r = eval(
        "tests/fixtures/entities/heldout3/gold",
        "tests/fixtures/entities/heldout3/articles",
        &[],
    );
    assert!(f1(&r, &["core_strict_f1"]) >= 0.93, "{r}");
    assert!(f1(&r, &["all_strict_f1"]) >= 0.94, "{r}");
}

#[test]
fn scores_a_predictions_file_and_reports_missing_files() {
    let root = env!("CARGO_MANIFEST_DIR");
    let dir = tempfile::tempdir().expect("tempdir");
    let pred = dir.path().join("pred.jsonl");
    // One exact PERSON and one wrong-label span for one file; the other four files missing.
    std::fs::write(
        &pred,
        "{\"file\":\"x/002_806fb89b356b963d.txt\",\"entities\":[{\"start\":16,\"end\":21,\"label\":\"PERSON\",\"text\":\"Putin\"},{\"start\":6,\"end\":14,\"label\":\"PLACE\",\"text\":\"CBS News\"}]}\n",
    )
    .expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            "eval",
            "--json",
            "--gold",
            &format!("{root}/tests/fixtures/gold"),
            "--pred",
        ])
        .arg(&pred)
        .output()
        .expect("run");
    assert!(out.status.success());
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(r["labels"]["PERSON"]["exact"], 1);
    assert_eq!(r["labels"]["PLACE"]["predicted"], 1);
    assert_eq!(r["labels"]["PLACE"]["exact"], 0);
    assert_eq!(r["missing"].as_array().map(Vec::len), Some(4));
    let table = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["eval", "--gold", &format!("{root}/tests/fixtures/gold"), "--pred"])
        .arg(&pred)
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("PERSON") && text.contains("core strict F1"),
        "{text}"
    );
}

#[test]
fn bad_gold_folder_is_an_error_naming_it() {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["eval", "--gold", "/nonexistent/gold", "--demo"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/gold"));
}
