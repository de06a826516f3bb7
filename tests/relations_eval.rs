//! The relation between two versions, judged on the labelled development corpus
//! (tests/fixtures/corpus/corpus.json: `pairs: [{a, b, class, relation}]`, METER's classes WD =
//! wholly derived, PD = partially derived, ND = non-derived), beside the word-trigram containment
//! baseline computed in the same run on the same tokens (boilerplate left out): WD when at least
//! half the shorter side's word 3-grams are shared, PD when a tenth, else ND.
//!
//! Macro-F1 over the three classes is reported on all pairs and on the held-out third (the pairs
//! of the events whose name hashes to 0 mod 3, kept out while the thresholds were chosen):
//! `cargo test --test relations_eval -- --nocapture`. `COPYDESK_CORPUS=DIR` measures another
//! corpus folder of the same form; `RELATIONS_DUMP=FILE` writes each pair's figures as TSV.

use std::path::{Path, PathBuf};

use copydesk::article::{self, Article};
use copydesk::compare::{Comparison, Options, Relation, compare_analysed};
use copydesk::entities::Analysis;
use serde_json::Value;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Wd,
    Pd,
    Nd,
}

const CLASSES: [Class; 3] = [Class::Wd, Class::Pd, Class::Nd];

fn class_of_relation(r: Relation) -> Class {
    match r {
        Relation::Identical | Relation::Cut | Relation::Extended | Relation::Edited => Class::Wd,
        Relation::Rewrite => Class::Pd,
        Relation::Independent => Class::Nd,
    }
}

fn class_of_label(s: &str) -> Class {
    match s {
        "WD" => Class::Wd,
        "PD" => Class::Pd,
        "ND" => Class::Nd,
        other => panic!("unknown class {other}"),
    }
}

fn baseline(c: &Comparison) -> Class {
    if c.summary.containment >= 0.5 {
        Class::Wd
    } else if c.summary.containment >= 0.1 {
        Class::Pd
    } else {
        Class::Nd
    }
}

/// Macro-F1 over the three classes of (gold, predicted) pairs, and the confusion matrix.
fn macro_f1(v: &[(Class, Class)]) -> (f64, [[usize; 3]; 3]) {
    let idx = |c: Class| CLASSES.iter().position(|&x| x == c).unwrap_or(0);
    let mut m = [[0usize; 3]; 3];
    for &(g, p) in v {
        m[idx(g)][idx(p)] += 1;
    }
    let mut sum = 0.0;
    for (k, row) in m.iter().enumerate() {
        let tp = row[k] as f64;
        let pred: usize = m.iter().map(|r| r[k]).sum();
        let gold: usize = row.iter().sum();
        let p = if pred == 0 { 0.0 } else { tp / pred as f64 };
        let r = if gold == 0 { 0.0 } else { tp / gold as f64 };
        sum += if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    }
    (sum / 3.0, m)
}

fn corpus_dir() -> PathBuf {
    std::env::var_os("COPYDESK_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus"))
}

fn load(dir: &Path, rel: &str) -> Article {
    let (mut v, problems) = article::load_paths(&[dir.join(rel)]);
    assert!(problems.is_empty(), "{rel}: {problems:?}");
    assert_eq!(v.len(), 1, "{rel}");
    v.remove(0)
}

/// The held-out third: pairs whose event (the folder under events/, or the file for unrelated
/// articles) hashes to 0 mod 3, so that no event has pairs on both sides of the split.
fn held_out(a: &str) -> bool {
    let event = a.split('/').take(2).collect::<Vec<_>>().join("/");
    let h = event.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
    });
    h % 3 == 0
}

struct Scored {
    all: Vec<(Class, Class)>,
    all_base: Vec<(Class, Class)>,
    held: Vec<(Class, Class)>,
    held_base: Vec<(Class, Class)>,
}

fn score(dir: &Path) -> Scored {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("corpus.json")).expect("corpus.json"))
            .expect("corpus.json is JSON");
    let pairs = manifest["pairs"].as_array().expect("pairs");
    let mut cache: std::collections::HashMap<String, Article> = std::collections::HashMap::new();
    let mut s = Scored {
        all: Vec::new(),
        all_base: Vec::new(),
        held: Vec::new(),
        held_base: Vec::new(),
    };
    let mut dump = String::from(
        "a\tb\tgold\trelation\tgot\tbase\tshared_a\tshared_b\tcontainment\tpassages\tsame\tedited\tmoved\tadded\tremoved\tonly_a\tonly_b\tfigures\tkept\tcu\tua\tub\tkept_a\tsent_a\tkept_b\tsent_b\theld\n",
    );
    let none = Analysis::default();
    for p in pairs {
        let (ra, rb) = (p["a"].as_str().expect("a"), p["b"].as_str().expect("b"));
        for r in [ra, rb] {
            if !cache.contains_key(r) {
                cache.insert(r.to_string(), load(dir, r));
            }
        }
        let (a, b) = (&cache[ra], &cache[rb]);
        let c = compare_analysed(a, b, &none, &none, &Options::default());
        let gold = class_of_label(p["class"].as_str().expect("class"));
        let got = class_of_relation(c.summary.relation);
        let base = baseline(&c);
        let h = held_out(ra);
        s.all.push((gold, got));
        s.all_base.push((gold, base));
        if h {
            s.held.push((gold, got));
            s.held_base.push((gold, base));
        }
        let x = &c.summary;
        dump.push_str(&format!(
            "{ra}\t{rb}\t{gold:?}\t{}\t{got:?}\t{base:?}\t{:.3}\t{:.3}\t{:.3}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.3}\t{:.3}\t{:.3}\t{}\t{}\t{}\t{}\t{h}\n",
            p["relation"].as_str().unwrap_or(""),
            x.shared_a,
            x.shared_b,
            x.containment,
            x.shared_passages,
            x.counts.same,
            x.counts.edited,
            x.counts.moved,
            x.counts.added,
            x.counts.removed,
            x.only_a,
            x.only_b,
            x.shared_figures,
            x.figures_kept,
            x.containment_unquoted,
            x.unquoted_a,
            x.unquoted_b,
            x.kept_a,
            x.sentences_a,
            x.kept_b,
            x.sentences_b,
        ));
    }
    if let Some(f) = std::env::var_os("RELATIONS_DUMP") {
        std::fs::write(f, dump).expect("dump");
    }
    s
}

fn show(name: &str, v: &[(Class, Class)]) -> f64 {
    let (f, m) = macro_f1(v);
    eprintln!(
        "{name:<28} macro-F1 {f:.3} on {} pairs  (rows gold WD/PD/ND, columns predicted) {m:?}",
        v.len()
    );
    f
}

#[test]
fn relations_beat_the_trigram_baseline() {
    let dir = corpus_dir();
    if !dir.join("corpus.json").exists() {
        // The corpus lands in main in batches (helper "corpus"); until then there is nothing to
        // measure here. Once tests/fixtures/corpus/corpus.json exists, the floors below apply.
        eprintln!("no corpus at {}: relations not measured", dir.display());
        return;
    }
    let s = score(&dir);
    let f_all = show("copydesk, all pairs", &s.all);
    let b_all = show("baseline, all pairs", &s.all_base);
    let f_held = show("copydesk, held-out third", &s.held);
    let b_held = show("baseline, held-out third", &s.held_base);
    assert!(s.all.len() >= 60, "only {} pairs", s.all.len());
    assert!(
        f_all >= b_all + 0.02,
        "all pairs: {f_all:.3} vs baseline {b_all:.3}"
    );
    assert!(
        f_held >= b_held + 0.02,
        "held-out third: {f_held:.3} vs baseline {b_held:.3}"
    );
    assert!(f_held >= 0.9, "held-out third: {f_held:.3}");
}
