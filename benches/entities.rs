//! Recogniser throughput in bytes of article text per second, on one core: the five seed
//! articles and the extra test articles, once and repeated 16 times (equal throughput at both
//! sizes is what linear time looks like).

use std::hint::black_box;

use copydesk::entities::{analyse_text, analyse_texts};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn corpus() -> String {
    let root = env!("CARGO_MANIFEST_DIR");
    let mut text = String::new();
    for dir in [
        "tests/fixtures/seeds",
        "tests/fixtures/entities/articles",
        "tests/fixtures/entities/heldout/articles",
    ] {
        let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
            .expect("fixture folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for p in paths {
            text.push_str(&std::fs::read_to_string(p).expect("fixture"));
            text.push_str("\n\n");
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let one = corpus();
    let many = one.repeat(16);
    let mut g = c.benchmark_group("entities");
    g.sample_size(20);
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("analyse_text/corpus", |b| {
        b.iter(|| analyse_text(black_box(&one)))
    });
    g.throughput(Throughput::Bytes(many.len() as u64));
    g.bench_function("analyse_text/corpus_x16", |b| {
        b.iter(|| analyse_text(black_box(&many)))
    });
    let seeds: Vec<&str> = one.split("\n\n\n").collect();
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("analyse_texts/story", |b| {
        b.iter(|| analyse_texts(black_box(&seeds)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
