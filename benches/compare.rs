//! Benchmarks: two 10,000-word versions; two 1 MB versions with a few hundred edits; 10,000
//! articles grouped into stories (capitalised words as names, and with the recogniser's names);
//! the entity index over those 10,000 articles. Texts are generated (seeded) prose-like word sequences.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

use copydesk::article::{self, Article, Meta};
use copydesk::compare::{Options, compare, compare_analysed, group_stories, stories};

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

fn vocab(rng: &mut Rng, n: usize) -> Vec<String> {
    const SYL: [&str; 16] = [
        "ka", "ro", "mi", "te", "su", "la", "ven", "dor", "pi", "na", "sto", "re", "gu", "li", "ma", "zo",
    ];
    (0..n)
        .map(|_| (0..1 + rng.below(3)).map(|_| SYL[rng.below(SYL.len())]).collect())
        .collect()
}

/// Paragraphs of sentences of 8–30 words; some names capitalised, some quotes.
fn prose(rng: &mut Rng, words: &[String], n_words: usize) -> Vec<Vec<String>> {
    let mut paras = Vec::new();
    let mut total = 0;
    while total < n_words {
        let mut para = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let len = 8 + rng.below(23);
            let mut s: Vec<String> = (0..len).map(|_| words[rng.below(words.len())].clone()).collect();
            if let Some(first) = s.first_mut() {
                let mut c = first.chars();
                *first = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
            }
            total += len;
            para.push(s.join(" ") + ".");
        }
        paras.push(para);
    }
    paras
}

fn render(paras: &[Vec<String>]) -> String {
    paras.iter().map(|p| p.join(" ")).collect::<Vec<_>>().join("\n\n")
}

/// Applies `edits` random edits: word changes, sentence deletions and insertions, a few moves.
fn edit(rng: &mut Rng, words: &[String], paras: &[Vec<String>], edits: usize) -> Vec<Vec<String>> {
    let mut p = paras.to_vec();
    for k in 0..edits {
        let i = rng.below(p.len());
        if p[i].is_empty() {
            continue;
        }
        let j = rng.below(p[i].len());
        match k % 4 {
            0 | 1 => {
                let mut ws: Vec<String> = p[i][j].split(' ').map(str::to_string).collect();
                let w = rng.below(ws.len());
                ws[w] = words[rng.below(words.len())].clone();
                p[i][j] = ws.join(" ");
            }
            2 => {
                p[i].remove(j);
            }
            _ => {
                if k % 20 == 3 {
                    let para = p.remove(i);
                    let to = rng.below(p.len() + 1);
                    p.insert(to, para);
                } else {
                    p[i].insert(
                        j,
                        "Inserted sentence about something else entirely new here.".into(),
                    );
                }
            }
        }
    }
    p
}

fn art(name: &str, text: String) -> Article {
    article::build(name, text, "UTF-8", Meta::default(), Vec::new())
}

fn pair(seed: u64, n_words: usize, edits: usize) -> (Article, Article) {
    let mut rng = Rng(seed);
    let words = vocab(&mut rng, 5000);
    let a = prose(&mut rng, &words, n_words);
    let b = edit(&mut rng, &words, &a, edits);
    (art("a", render(&a)), art("b", render(&b)))
}

fn bench_compare(c: &mut Criterion) {
    let (a, b) = pair(7, 10_000, 60);
    let opts = Options::default();
    c.bench_function("compare 10k words", |bch| {
        bch.iter(|| black_box(compare(&a, &b, &opts)))
    });

    let (a, b) = pair(11, 185_000, 300);
    eprintln!("1 MB pair: {} and {} bytes", a.text.len(), b.text.len());
    let mut g = c.benchmark_group("large");
    g.sample_size(10);
    g.bench_function("compare 1 MB, 300 edits", |bch| {
        bch.iter(|| black_box(compare(&a, &b, &opts)))
    });
    // A reader keeps each article's entity analysis: comparing then costs the alignment only.
    let (ea, eb) = (copydesk::entities::analyse(&a), copydesk::entities::analyse(&b));
    g.bench_function("compare 1 MB, 300 edits, analyses at hand", |bch| {
        bch.iter(|| black_box(compare_analysed(&a, &b, &ea, &eb, &opts)))
    });
    g.bench_function("recogniser on the 1 MB pair", |bch| {
        bch.iter(|| black_box(copydesk::entities::analyse_story(&[&a, &b])))
    });
    g.finish();
}

fn bench_stories(c: &mut Criterion) {
    let mut rng = Rng(3);
    let words = vocab(&mut rng, 20_000);
    let names = vocab(&mut rng, 3000);
    let mut arts = Vec::new();
    let mut bases = 0;
    let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
    while arts.len() < 10_000 {
        // A story: a base of ~400 words naming a few people, then 0–4 versions of it.
        let cast: Vec<String> = (0..4)
            .map(|_| {
                let n = &names[rng.below(names.len())];
                n[..1].to_uppercase() + &n[1..]
            })
            .collect();
        let day = days[rng.below(days.len())];
        let mut base = prose(&mut rng, &words, 400);
        for p in base.iter_mut() {
            p.push(format!(
                "{} met {} on {day}.",
                cast[rng.below(4)],
                cast[rng.below(4)]
            ));
        }
        let versions = 1 + rng.below(5);
        bases += 1;
        for v in 0..versions {
            let body = if v == 0 {
                base.clone()
            } else {
                edit(&mut rng, &words, &base, 10)
            };
            arts.push(art(&format!("a{}", arts.len()), render(&body)));
        }
    }
    arts.truncate(10_000);
    let s = stories(&arts);
    eprintln!(
        "10,000 articles: {} stories, {} unrelated (generated: {} bases)",
        s.stories.len(),
        s.unrelated.len(),
        bases
    );
    let mut g = c.benchmark_group("stories");
    g.sample_size(10);
    g.bench_function("10,000 articles", |bch| bch.iter(|| black_box(stories(&arts))));
    // The entry point the command line and reader use: the recogniser runs on every article.
    let s = group_stories(&arts);
    eprintln!(
        "10,000 articles with recognised names: {} stories, {} unrelated",
        s.stories.len(),
        s.unrelated.len()
    );
    g.bench_function("10,000 articles, recognised names", |bch| {
        bch.iter(|| black_box(group_stories(&arts)))
    });
    // The entity index over the same collection, once the analyses exist (the recogniser's own
    // cost is in the entities bench).
    let analyses: Vec<_> = {
        use rayon::prelude::*;
        arts.par_iter().map(copydesk::entities::analyse).collect()
    };
    let ix = copydesk::entities::index::index(&arts, &analyses);
    eprintln!("entity index over 10,000 articles: {} entries", ix.entries.len());
    g.bench_function("entity index, 10,000 articles", |bch| {
        bch.iter(|| black_box(copydesk::entities::index::index(&arts, &analyses)))
    });
    g.finish();
}

criterion_group!(benches, bench_compare, bench_stories);
criterion_main!(benches);
