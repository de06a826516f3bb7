//! Loading speed: 10,000 articles made in memory from the five samples (paragraphs rotated,
//! numbered, some CRLF, some windows-1252), decoded and built through the same path as files
//! (`load_bytes`: binary check, decoding, format, segmentation, boilerplate), in parallel with rayon.
//! Target: under 1 s on 2 cores. Also one HTML news page (a fixture padded to the size of a
//! real one: a head of scripts and metadata, sixty paragraphs, navigation) through
//! `formats::html::extract`, text and metadata together.

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
    // A page about the size of a real article page (~100 KB): the fixture's head and body with
    // tracking scripts and paragraphs added.
    let fixture = include_str!("../tests/fixtures/loader/html/opengraph.html");
    let scripts = "<script>window.dataLayer.push({\"event\": \"view\"});</script>\n".repeat(1500);
    let paras = "<p>The port authority said more ships would be brought alongside through the night, \
        and that the queue of vessels offshore should be cleared by the weekend.</p>\n"
        .repeat(60);
    let page = fixture
        .replace("</head>", &format!("{scripts}</head>"))
        .replace("</article>", &format!("{paras}</article>"));
    eprintln!("HTML page, {:.0} KB", page.len() as f64 / 1e3);
    g.bench_function("html_extract_news_page", |b| {
        b.iter(|| {
            let p = copydesk::article::formats::html::extract(black_box(&page)).unwrap();
            assert!(p.meta.published.is_some());
            black_box(p)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
