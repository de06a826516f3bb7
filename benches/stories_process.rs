//! The whole `copydesk stories --json DIR` process (load, furniture, features, candidate search,
//! recognised names where wording leaves a pair open, grouping, the original, JSON) over 20,000
//! short generated wire articles in one folder. The target (issue 10, item 6) is at most 3 s.
//!
//! The collection mixes what a wire desk's folder holds: stories with a few versions each (cuts,
//! re-sends, a page with furniture, a light copy edit), items built from three templates
//! (earnings notes, dividend notices, market closes) for many companies and days, and
//! unrelated single reports. The text is generated from a seeded vocabulary, so the figure does
//! not depend on any real page.
//!
//! `COPYDESK_BENCH_DIR=DIR cargo bench --bench stories_process` writes the collection to DIR
//! (kept, for profiling) instead of a temporary folder.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

const ARTICLES: usize = 20_000;

const FUNCTION: [&str; 24] = [
    "the", "a", "of", "to", "in", "and", "on", "for", "with", "after", "that", "was", "were", "by", "at",
    "from", "over", "its", "their", "as", "has", "had", "is", "said",
];
const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

/// Word-like strings from syllables: `n` distinct-enough words.
fn words(rng: &mut Rng, n: usize, min: usize) -> Vec<String> {
    const SYL: [&str; 20] = [
        "ka", "ro", "mi", "te", "su", "la", "ven", "dor", "pi", "na", "sto", "re", "gu", "li", "ma", "zo",
        "bel", "tra", "qui", "an",
    ];
    (0..n)
        .map(|_| (0..min + rng.below(3)).map(|_| *rng.pick(&SYL)).collect())
        .collect()
}

fn cap(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

struct World {
    vocab: Vec<String>,
    people: Vec<String>,
    places: Vec<String>,
    companies: Vec<String>,
}

impl World {
    fn new(rng: &mut Rng) -> World {
        let vocab = words(rng, 6000, 1);
        let first = words(rng, 400, 2);
        let last = words(rng, 3000, 2);
        let people = (0..4000)
            .map(|_| {
                format!(
                    "{} {}",
                    cap(rng.pick::<String>(&first)),
                    cap(rng.pick::<String>(&last))
                )
            })
            .collect();
        let places = words(rng, 1500, 2).iter().map(|w| cap(w)).collect();
        let companies = words(rng, 3000, 2)
            .iter()
            .map(|w| {
                format!(
                    "{} {}",
                    cap(w),
                    rng.pick(&["Corp.", "Inc.", "Group", "Holdings", "Ltd."])
                )
            })
            .collect();
        World {
            vocab,
            people,
            places,
            companies,
        }
    }

    /// A sentence of 12–28 words: vocabulary with function words between, a name or two and
    /// sometimes a figure.
    fn sentence(&self, rng: &mut Rng, cast: &[String], place: &str) -> String {
        let n = 12 + rng.below(17);
        let mut w: Vec<String> = (0..n)
            .map(|k| {
                if k % 3 == 1 {
                    rng.pick(&FUNCTION).to_string()
                } else {
                    rng.pick(&self.vocab).clone()
                }
            })
            .collect();
        w.insert(rng.below(n), rng.pick(cast).clone());
        if rng.below(3) == 0 {
            w.insert(rng.below(n), place.to_string());
        }
        if rng.below(3) == 0 {
            w.insert(rng.below(n), format!("{}", 2 + rng.below(900)));
        }
        cap(&w.join(" ")) + "."
    }
}

/// One story's wire copy: headline, dateline lead and 4–7 paragraphs.
fn wire_story(w: &World, rng: &mut Rng) -> Vec<String> {
    let cast: Vec<String> = (0..3).map(|_| rng.pick(&w.people).clone()).collect();
    let place = rng.pick(&w.places).clone();
    let day = rng.pick(&DAYS);
    let mut paras = vec![cap(&(0..8)
        .map(|_| rng.pick(&w.vocab).as_str())
        .collect::<Vec<_>>()
        .join(" "))];
    let lead = w.sentence(rng, &cast, &place);
    paras.push(format!(
        "{}, Calder (AP) — On {day}, {lead}",
        place.to_uppercase()
    ));
    for _ in 0..4 + rng.below(4) {
        let mut p = w.sentence(rng, &cast, &place);
        if rng.below(2) == 0 {
            let q = w.sentence(rng, &cast, &place);
            p = format!(
                "{p} \u{201C}{}\u{201D} {} said.",
                q.trim_end_matches('.'),
                cast[0]
            );
        }
        paras.push(p);
    }
    paras
}

/// A member's copy: cut, re-sent, with furniture, or lightly edited.
fn version(w: &World, rng: &mut Rng, wire: &[String]) -> Vec<String> {
    let mut v = wire.to_vec();
    match rng.below(4) {
        0 => v.truncate(3 + rng.below(v.len() - 2)),
        1 => {}
        2 => {
            v.insert(1, "Advertisement".into());
            v.insert(3, "Sign up for our morning newsletter for $1 a week".into());
            v.push("Copyright 2025 The Associated Press. All rights reserved.".into());
        }
        _ => {
            let i = 2 + rng.below(v.len() - 2);
            v[i] = v[i].replacen(" the ", " a ", 1) + " " + &cap(rng.pick::<String>(&w.vocab)) + " followed.";
        }
    }
    v
}

/// Three templates, each filled for many companies and days: most of the wording is shared,
/// the company and the figures are not.
fn templated(w: &World, rng: &mut Rng, k: usize) -> Vec<String> {
    let co = w.companies[k % w.companies.len()].clone();
    let day = rng.pick(&DAYS);
    let (m, d) = (rng.pick(&MONTHS), 1 + rng.below(28));
    let n = |rng: &mut Rng| format!("{}.{}", 1 + rng.below(900), rng.below(10));
    match k % 3 {
        0 => vec![
            format!("{co} reports quarterly results"),
            format!(
                "{co} on {day} reported fiscal second-quarter earnings of ${} million.",
                n(rng)
            ),
            format!(
                "On a per-share basis, the company said it had net income of {} cents. Results \
                 beat Wall Street expectations. The average estimate of analysts surveyed by \
                 Zacks Investment Research was for earnings of {} cents per share.",
                10 + rng.below(90),
                10 + rng.below(90)
            ),
            format!(
                "The company posted revenue of ${} million in the period, also topping forecasts.",
                n(rng)
            ),
            "This story was generated by Automated Insights using data from Zacks Investment Research."
                .into(),
        ],
        1 => vec![
            format!("{co} declares quarterly dividend"),
            format!(
                "The board of {co} on {day} declared a quarterly dividend of {} cents per share, \
                 payable {m} {d} to shareholders of record at the close of business.",
                5 + rng.below(80)
            ),
            format!(
                "The company said the dividend represents an annual yield of {}% at current prices.",
                n(rng)
            ),
        ],
        _ => vec![
            format!(
                "Stocks close {} on {day}",
                rng.pick(&["higher", "lower", "mixed"])
            ),
            format!(
                "Stocks ended {day}'s session {} as traders weighed {} {} reports. The benchmark index \
                 moved {} points to {}.",
                rng.pick(&["higher", "lower"]),
                rng.pick(&w.vocab),
                rng.pick(&w.vocab),
                n(rng),
                1000 + rng.below(9000)
            ),
            format!(
                "Shares of {co} led the gains, rising {}%, while {} fell {}%.",
                n(rng),
                w.companies[(k + 7) % w.companies.len()],
                n(rng)
            ),
        ],
    }
}

fn write_collection(dir: &Path) -> usize {
    let mut rng = Rng(0x5106_1e5d);
    let w = World::new(&mut rng);
    let mut count = 0;
    let mut bytes = 0;
    let mut write = |name: String, paras: &[String]| {
        let text = paras.join("\n\n");
        bytes += text.len();
        std::fs::write(dir.join(name), text).expect("write article");
    };
    let mut k = 0;
    while count < ARTICLES {
        match rng.below(10) {
            // Stories with versions: half the collection.
            0..=4 => {
                let wire = wire_story(&w, &mut rng);
                write(format!("s{count:05}-wire.txt"), &wire);
                count += 1;
                for v in 0..1 + rng.below(4) {
                    if count == ARTICLES {
                        break;
                    }
                    write(format!("s{count:05}-v{v}.txt"), &version(&w, &mut rng, &wire));
                    count += 1;
                }
            }
            // Template items: three in ten.
            5..=7 => {
                write(format!("t{count:05}.txt"), &templated(&w, &mut rng, k));
                k += 1;
                count += 1;
            }
            // Unrelated single reports.
            _ => {
                write(format!("u{count:05}.txt"), &wire_story(&w, &mut rng));
                count += 1;
            }
        }
    }
    bytes
}

fn stories(dir: &Path) -> usize {
    let o = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["stories", "--json"])
        .arg(dir)
        .output()
        .expect("run copydesk");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    o.stdout.len()
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir: PathBuf = match std::env::var_os("COPYDESK_BENCH_DIR") {
        Some(d) => {
            let d = PathBuf::from(d);
            std::fs::create_dir_all(&d).expect("bench dir");
            d
        }
        None => tmp.path().to_path_buf(),
    };
    let bytes = write_collection(&dir);
    let out = stories(&dir);
    eprintln!(
        "{ARTICLES} articles, {:.1} MB, in {}; stories --json prints {out} bytes",
        bytes as f64 / 1e6,
        dir.display()
    );
    let mut g = c.benchmark_group("stories process");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(40));
    g.bench_function("20,000 short wire articles", |b| b.iter(|| stories(&dir)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
