//! Anchoring speed: exact and fuzzy re-anchoring in a long text (the fuzzy stage must stay
//! linear-ish in text length), and the notes pane's `notes_for` with many notes.

use std::hint::black_box;

use copydesk::article::{Meta, build, demo};
use copydesk::notes::{Note, NoteStore, find_quote};
use criterion::{Criterion, criterion_group, criterion_main};

fn anchoring(c: &mut Criterion) {
    let arts = demo::articles();
    let base = &arts[2];
    let quote = "Yet the two sides remain unyielding in their main positions";
    let at = base.text.find(quote).expect("quote in the CBS version");
    let note = Note::on_passage(base, at..at + quote.len(), "n");

    // ~1 MB: the five versions over and over, with the quote edited everywhere so only the
    // fuzzy stage can find it, and the one true place near the end.
    let filler: String = arts
        .iter()
        .map(|a| a.text.replace(quote, "Both sides stay firm"))
        .collect();
    let mut long = filler.repeat(1_000_000 / filler.len());
    long.push_str(&base.text.replace("remain unyielding", "remain unbending"));
    let long_article = build("long.txt", long, "UTF-8", Meta::default(), Vec::new());
    let map = long_article.char_map();
    let mut exact_text = long_article.text.clone();
    exact_text.push_str(&base.text);
    let exact_map = copydesk::text::CharMap::new(&exact_text);

    c.bench_function("find_quote exact, 1 MB", |b| {
        b.iter(|| black_box(find_quote(&note, &exact_text, &exact_map)))
    });
    c.bench_function("find_quote fuzzy, 1 MB", |b| {
        b.iter(|| black_box(find_quote(&note, &long_article.text, &map)))
    });

    // 500 notes on sentences of the five versions; the pane for one version places its own and
    // carries over the others'.
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut store, _) = NoteStore::open(dir.path());
    for i in 0..500 {
        let a = &arts[i % arts.len()];
        let s = &a.sentences[i % a.sentences.len()];
        store.add(Note::on_passage(a, s.clone(), "note"));
    }
    c.bench_function("notes_for, 500 notes over 5 versions", |b| {
        b.iter(|| black_box(store.notes_for(&arts[0])))
    });
}

criterion_group!(benches, anchoring);
criterion_main!(benches);
