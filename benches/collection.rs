//! Working across 10,000 articles (the five samples, paragraphs rotated and numbered, built
//! through the loader): filtering and sorting the sidebar, a key typed into the filter prompt
//! through `App::update`, and a search across every article — the first chunk (what shows
//! first) and the whole. Targets: filter within a frame (16 ms); first results under 100 ms;
//! whole search under 1 s, on 2 cores.

use std::hint::black_box;

use copydesk::article::{Article, Format, load_bytes};
use copydesk::collection::{Listing, Query, SearchJob, SortMode, search_all};
use copydesk::tui::{Action, App, Msg, Options};
use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

/// The bundled demo articles (the five seeds), as the texts the generated articles vary.
const SEEDS: &[(&str, &str)] = copydesk::article::demo::FILES;

fn articles() -> Vec<Article> {
    (0..10_000)
        .into_par_iter()
        .flat_map_iter(|i| {
            let seed = SEEDS[i % SEEDS.len()].1;
            let mut paras: Vec<&str> = seed.split("\n\n").collect();
            let n = paras.len();
            paras.rotate_left((i / SEEDS.len()) % n);
            let text = format!(
                "Story {i}: a version of the wire report\n\n{}",
                paras.join("\n\n")
            );
            load_bytes(
                &format!("gen/{i:05}.txt"),
                text.as_bytes(),
                Some(Format::Text),
                vec![],
            )
            .0
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let arts = articles();
    let mb: usize = arts.iter().map(|a| a.text.len()).sum();
    eprintln!("{} articles, {:.1} MB of text", arts.len(), mb as f64 / 1e6);

    let mut g = c.benchmark_group("collection");
    g.sample_size(20);

    let mut listing = Listing::default();
    listing.extend(&arts);
    g.bench_function("filter_10k_two_words", |b| {
        b.iter(|| {
            listing.refresh(black_box("cbs putin"), SortMode::Path);
            black_box(listing.order.len())
        })
    });
    g.bench_function("filter_and_sort_by_title_10k", |b| {
        b.iter(|| {
            listing.refresh(black_box("ap"), SortMode::Title);
            black_box(listing.order.len())
        })
    });
    g.bench_function("filter_keys_for_10k", |b| {
        b.iter(|| {
            let mut l = Listing::default();
            l.extend(black_box(&arts));
            black_box(l.keys().len())
        })
    });

    // A key typed into the filter prompt, through the whole update (filter, selection, reader sync).
    let mut app = App::new(arts.clone(), Options::default());
    app.update(Msg::Resize(120, 40));
    app.update(Msg::Action(Action::Filter));
    app.update(Msg::Input('p'));
    g.bench_function("filter_prompt_keystroke_10k", |b| {
        b.iter(|| {
            app.update(Msg::Input('u'));
            app.update(Msg::Action(Action::DeleteBack));
        })
    });

    for q in ["brink", "orbán", "putin's"] {
        let query = Query::new(q).unwrap();
        g.bench_function(format!("search_first_chunk_10k/{q}"), |b| {
            b.iter(|| {
                let mut job = SearchJob::new(query.clone());
                job.step(black_box(&arts));
                black_box(job.hits.len())
            })
        });
        g.bench_function(format!("search_all_10k/{q}"), |b| {
            b.iter(|| black_box(search_all(black_box(&arts), &query).len()))
        });
    }
    // As the TUI runs it: a chunk a step until done.
    let query = Query::new("brink").unwrap();
    g.bench_function("search_stepped_to_the_end_10k/brink", |b| {
        b.iter(|| {
            let mut job = SearchJob::new(query.clone());
            while !job.done(&arts) {
                job.step(&arts);
            }
            black_box(job.hits.len())
        })
    });
    // Through the app, as the event loop drives it: Enter in the prompt runs the first chunk
    // (what the next frame shows), then one chunk per tick until every article is searched.
    let mut app = App::new(arts.clone(), Options::default());
    app.update(Msg::Resize(120, 40));
    g.bench_function("app_find_all_first_frame_10k/brink", |b| {
        b.iter(|| {
            app.find_all(black_box("brink"));
            black_box(app.collection.results.as_ref().map(|r| r.job.hits.len()))
        })
    });
    g.bench_function("app_find_all_to_the_end_10k/brink", |b| {
        b.iter(|| {
            app.find_all(black_box("brink"));
            while app.busy() {
                app.update(Msg::Tick);
            }
            black_box(app.collection.results.as_ref().map(|r| r.job.hits.len()))
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
