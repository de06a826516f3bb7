//! Loading speed: 10,000 articles made in memory from the five samples (paragraphs rotated,
//! numbered, some CRLF, some windows-1252), decoded and built through the same path as files
//! (`load_bytes`: binary check, decoding, format, segmentation, boilerplate), in parallel with rayon.
//! Target: under 1 s on 2 cores.

use std::hint::black_box;

use copydesk::article::{Format, load_bytes};
use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

/// The bundled demo articles (the five seeds), as the texts the generated articles vary.
const SEEDS: &[(&str, &str)] = copydesk::article::demo::FILES;

/// The i-th generated article's bytes.
fn variant(i: usize) -> Vec<u8> {
    let seed = SEEDS[i % SEEDS.len()].1;
    let sep = if seed.contains("\n\n") { "\n\n" } else { "\n" };
    let mut paras: Vec<&str> = seed.split(sep).collect();
    let n = paras.len();
    paras.rotate_left((i / SEEDS.len()) % n);
    let mut text = format!("Story {i}: a version of the wire report{sep}{}", paras.join(sep));
    if i.is_multiple_of(11) {
        text = text.replace('\n', "\r\n");
    }
    if i.is_multiple_of(7) {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        return bytes.into_owned();
    }
    text.into_bytes()
}

fn bench(c: &mut Criterion) {
    let files: Vec<(String, Vec<u8>)> = (0..10_000)
        .map(|i| (format!("gen/{i:05}.txt"), variant(i)))
        .collect();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    eprintln!("10,000 articles, {:.1} MB", total as f64 / 1e6);
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("decode_and_build_10k_articles", |b| {
        b.iter(|| {
            let n: usize = files
                .par_iter()
                .map(|(path, bytes)| load_bytes(path, bytes, Some(Format::Text), Vec::new()).0.len())
                .sum();
            assert_eq!(n, files.len());
            black_box(n)
        })
    });
    // Word counting alone, the fast path against the segmenter it must agree with.
    let text: String = (0..500)
        .map(|i| String::from_utf8_lossy(&variant(i)).into_owned())
        .collect();
    g.bench_function("count_words_500_articles", |b| {
        b.iter(|| black_box(copydesk::article::segment::count_words(black_box(&text))))
    });
    g.bench_function("unicode_words_500_articles", |b| {
        use unicode_segmentation::UnicodeSegmentation;
        b.iter(|| black_box(black_box(&text).unicode_words().count()))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
