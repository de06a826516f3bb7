//! `copydesk entities --json` end to end on one 5 MB file: reading and decoding the file,
//! segmentation and boilerplate, the recogniser, character offsets and the JSON written to a
//! file — the command's whole path, as a user runs it. Target (issue 13): at least 8 MB/s.
//! The file is the five demo articles repeated to 5 MB, written to a temporary folder.

use std::hint::black_box;

use clap::Parser;
use copydesk::cli::{self, Cli};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn bench(c: &mut Criterion) {
    let mut one = String::new();
    for (_, text) in copydesk::article::demo::FILES {
        one.push_str(text);
        one.push_str("\n\n");
    }
    let mut big = String::with_capacity(5_100_000);
    while big.len() < 5_000_000 {
        big.push_str(&one);
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let input = dir.path().join("big.txt");
    std::fs::write(&input, &big).expect("write the 5 MB file");
    let output = dir.path().join("out.jsonl");
    let mut g = c.benchmark_group("entities_cli");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("entities_json/5MB", |b| {
        b.iter(|| {
            let cli = Cli::try_parse_from(["copydesk", "entities", "--json", input.to_str().unwrap()])
                .expect("arguments");
            let mut out = std::fs::File::create(&output).expect("output file");
            let mut err = Vec::new();
            let code = cli::run(&cli.global, cli.command.expect("subcommand"), &mut out, &mut err);
            assert_eq!(code, 0, "{}", String::from_utf8_lossy(&err));
            black_box(code)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
