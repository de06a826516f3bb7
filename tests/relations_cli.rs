//! Relations on pairs written to show how real syndicated copy fooled the earlier rules
//! (tests/fixtures/compare/relations, described in that folder's README), checked through
//! `compare --json` in both directions.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn relation(a: &str, b: &str) -> (String, f64, f64) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compare/relations");
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("compare")
        .arg("--json")
        .arg(dir.join(a))
        .arg(dir.join(b))
        .output()
        .expect("run copydesk");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    (
        v["relation"].as_str().expect("relation").to_string(),
        v["shared_a"].as_f64().expect("shared_a"),
        v["shared_b"].as_f64().expect("shared_b"),
    )
}

fn both_ways(name: &str, want: &str) -> (f64, f64) {
    let (a, b) = (format!("{name}-a.txt"), format!("{name}-b.txt"));
    let (r, sa, sb) = relation(&a, &b);
    assert_eq!(r, want, "{a} vs {b}");
    let (r, sb2, sa2) = relation(&b, &a);
    assert_eq!(r, want, "{b} vs {a}");
    assert_eq!((sa, sb), (sa2, sb2), "shares swap with the sides");
    (sa, sb)
}

/// A write-through that updates the toll in its lead (so most figures of the shared sentences
/// differ) and adds a paragraph is still a version of the first take, not another item of a
/// template.
#[test]
fn write_through_with_a_new_toll_is_edited() {
    let (sa, sb) = both_ways("writethru", "edited");
    assert!(sa > 0.8 && sb > 0.7, "{sa} {sb}");
}

/// A member paper's copy: dateline cut, lead recast from "has approved" to "approved ... on
/// Tuesday", one long sentence split in two, the last three paragraphs dropped.
#[test]
fn copy_edited_cut_is_edited() {
    let (_, sb) = both_ways("copyedit", "edited");
    assert!(
        sb > 0.9,
        "the member copy's words are nearly all the wire's: {sb}"
    );
}

/// A blend: the wire's lead recast and two of its paragraphs kept, the rest from elsewhere. Half
/// the wire's words are found in it, but most of its sentences are not kept: partly derived.
#[test]
fn blend_keeping_two_paragraphs_is_rewrite() {
    let (sa, _) = both_ways("blend", "rewrite");
    assert!(
        sa >= 0.5,
        "half the wire's words are found, as on the real blends: {sa}"
    );
}

/// Two takes of one wire story that share only their long lead sentence: partly derived, though
/// the lead is a small share of each.
#[test]
fn takes_sharing_only_the_lead_are_rewrite() {
    let (sa, sb) = both_ways("takes", "rewrite");
    assert!(sa < 0.2 && sb < 0.2, "{sa} {sb}");
}

/// Two wires' reports of one event that quote the same long official statement, word for word,
/// and share nothing else: independent.
#[test]
fn shared_official_statement_is_independent() {
    both_ways("statement", "independent");
}
