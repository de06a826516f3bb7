//! The whole `copydesk compare --json A B` process (load, recogniser on both sides, alignment,
//! names and quotes that differ, JSON) on a 1 MB pair built from re-used paragraphs, beside
//! `git diff --no-index --word-diff=porcelain` on the same pair, both timed in one run. The target
//! is at most 30× git's time; the ratio of the medians is printed at the end.
//!
//! Re-used paragraphs are the worst case for work that is quadratic in repeats: the same quote
//! pairs, the same sentences, thousands of times over.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const PEOPLE: [&str; 8] = [
    "Mara Quill",
    "Tamsin Arlow",
    "Olek Varga",
    "Ines Halloran",
    "Petra Lund",
    "Caspar Nyl",
    "Ruth Okafor",
    "Dov Brennick",
];
const PLACES: [&str; 6] = [
    "Westhaven",
    "Port Ellery",
    "Lanvale",
    "Brackenford",
    "Kesh",
    "Norland",
];
const WORDS: [&str; 40] = [
    "council",
    "harbour",
    "workers",
    "union",
    "vote",
    "budget",
    "talks",
    "strike",
    "port",
    "deal",
    "minister",
    "court",
    "police",
    "storm",
    "rail",
    "tax",
    "plan",
    "offer",
    "wages",
    "crews",
    "ships",
    "cargo",
    "pay",
    "rise",
    "week",
    "night",
    "members",
    "city",
    "board",
    "officials",
    "contract",
    "hours",
    "shift",
    "terms",
    "dispute",
    "ballot",
    "managers",
    "docks",
    "freight",
    "roads",
];

fn sentence(rng: &mut Rng) -> String {
    let n = 10 + rng.below(14);
    let mut w: Vec<&str> = (0..n).map(|_| WORDS[rng.below(WORDS.len())]).collect();
    w.insert(rng.below(n), PLACES[rng.below(PLACES.len())]);
    let mut s = w.join(" ");
    s[..1].make_ascii_uppercase();
    s + "."
}

/// A paragraph of two or three sentences, half of them with a quote and its speaker.
fn paragraph(rng: &mut Rng) -> String {
    let mut p = Vec::new();
    for _ in 0..2 + rng.below(2) {
        if rng.below(2) == 0 {
            let mut q = sentence(rng);
            q.pop();
            p.push(format!(
                "\u{201C}{q},\u{201D} said {}, who spoke in {} on Tuesday.",
                PEOPLE[rng.below(PEOPLE.len())],
                PLACES[rng.below(PLACES.len())]
            ));
        } else {
            p.push(sentence(rng));
        }
    }
    p.join(" ")
}

/// A and B of about `bytes` each, drawn from a pool of 60 paragraphs; B with paragraphs dropped,
/// replaced and moved, and quotes reworded, as copies of copies are.
fn pair(bytes: usize) -> (String, String) {
    let mut rng = Rng(0x5eed_cafe);
    let pool: Vec<String> = (0..60).map(|_| paragraph(&mut rng)).collect();
    let reworded: Vec<String> = pool
        .iter()
        .map(|p| {
            p.replacen(" the ", " a ", 1)
                .replacen("said", "told reporters", 1)
        })
        .collect();
    let mut a = Vec::new();
    let mut len = 0;
    while len < bytes {
        let p = &pool[rng.below(pool.len())];
        len += p.len() + 2;
        a.push(p.clone());
    }
    let mut b = Vec::new();
    for (k, p) in a.iter().enumerate() {
        match rng.below(20) {
            0 => {}
            1 => b.push(pool[rng.below(pool.len())].clone()),
            2 | 3 => b.push(reworded[pool.iter().position(|x| x == p).unwrap_or(0)].clone()),
            4 if k > 3 => {
                let at = b.len().saturating_sub(3);
                b.insert(at, p.clone());
            }
            _ => b.push(p.clone()),
        }
    }
    (a.join("\n\n"), b.join("\n\n"))
}

fn files() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = pair(1_000_000);
    let (pa, pb) = (dir.path().join("a.txt"), dir.path().join("b.txt"));
    std::fs::write(&pa, a).expect("write a");
    std::fs::write(&pb, b).expect("write b");
    (dir, pa, pb)
}

fn copydesk(a: &Path, b: &Path) -> usize {
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["compare", "--json"])
        .arg(a)
        .arg(b)
        .output()
        .expect("run copydesk");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout.len()
}

fn git(a: &Path, b: &Path) -> usize {
    let o = Command::new("git")
        .args(["diff", "--no-index", "--word-diff=porcelain"])
        .arg(a)
        .arg(b)
        .output()
        .expect("run git");
    // git diff exits 1 when the files differ.
    assert!(
        o.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    o.stdout.len()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn bench(c: &mut Criterion) {
    let (_dir, a, b) = files();
    eprintln!(
        "1 MB pair of re-used paragraphs: {} and {} bytes",
        std::fs::metadata(&a).map(|m| m.len()).unwrap_or(0),
        std::fs::metadata(&b).map(|m| m.len()).unwrap_or(0)
    );
    let mut g = c.benchmark_group("compare process, 1 MB re-used paragraphs");
    g.sample_size(10);
    g.bench_function("copydesk compare --json", |x| x.iter(|| copydesk(&a, &b)));
    g.bench_function("git diff --no-index --word-diff=porcelain", |x| {
        x.iter(|| git(&a, &b))
    });
    g.finish();
    // The ratio, from medians of runs taken alternately in this same run.
    let (mut tc, mut tg) = (Vec::new(), Vec::new());
    for _ in 0..5 {
        let t = Instant::now();
        copydesk(&a, &b);
        tc.push(t.elapsed());
        let t = Instant::now();
        git(&a, &b);
        tg.push(t.elapsed());
    }
    let (mc, mg) = (median(tc), median(tg));
    eprintln!(
        "copydesk {:.0} ms, git {:.0} ms: {:.1}x git (target at most 30x)",
        mc.as_secs_f64() * 1e3,
        mg.as_secs_f64() * 1e3,
        mc.as_secs_f64() / mg.as_secs_f64()
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
