//! Speed of entities in the reader: a frame of a long article with every label highlighted and
//! the entity panel open (compare with `render`'s plain frame), arranging one article's analysis
//! for the reader (layers, grouped mentions), and the UI thread's share of asking for the
//! analysis of 10,000 loaded articles (what is handed to the background job), of applying
//! 10,000 loaded articles, and of applying their analysis.

use std::hint::black_box;

use copydesk::article::{self, LoadEvent, Meta};
use copydesk::tui::analysis::{self, ArticleEntities};
use copydesk::tui::{Action, App, Msg, Options, draw};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// About 20,000 words: the five demo versions, one after another, four times.
fn long_text() -> String {
    let mut text = String::new();
    for _ in 0..4 {
        for (_, t) in article::demo::FILES {
            text.push_str(t);
            text.push_str("\n\n");
        }
    }
    text
}

fn bench(c: &mut Criterion) {
    let a = article::build(
        "bench/long.txt",
        long_text(),
        "UTF-8",
        Meta::default(),
        Vec::new(),
    );
    let mut app = App::new(vec![a.clone()], Options::default());
    app.update(Msg::Resize(120, 40));
    analysis::run_now(&mut app);
    app.update(Action::ToggleEntityPanel);
    app.update(Action::ChooseEntity);
    for _ in 0..20 {
        app.update(Action::NextMatch);
    }
    let e = copydesk::tui::panes::entities::current(&app).expect("analysed");
    eprintln!(
        "article: {} words, {} entities, {} rows in the panel",
        a.words,
        e.analysis.entities.len(),
        e.groups().len()
    );
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("reader frame 120x40 with entities and panel", |b| {
        b.iter(|| {
            term.draw(|f| draw(f, black_box(&app))).unwrap();
        })
    });

    let found = copydesk::entities::analyse(&a);
    let shared = std::sync::Arc::new(a.clone());
    // What opening the article costs once its analysis is in: the layers and the panel's groups
    // (made on first use, not when the analysis arrives).
    c.bench_function("arrange one analysis for the reader (20k words)", |b| {
        b.iter(|| {
            let e = ArticleEntities::new(std::sync::Arc::clone(&shared), found.clone(), true);
            black_box(e.layers().by_label.len() + e.groups().len())
        })
    });
}

/// The end of loading 10,000 articles: `Done` makes the app queue one collection job, which
/// shares the articles with the background (it once copied them: that copy was the cost).
fn bench_request(c: &mut Criterion) {
    let demo = article::demo::articles();
    let articles: Vec<_> = (0..10_000)
        .map(|i| {
            let mut a = demo[i % demo.len()].clone();
            a.path = format!("folder/{i:05}.txt");
            // Distinct ids, as distinct texts would have: each is analysed.
            a.id = format!("{i:064}");
            a
        })
        .collect();
    c.bench_function("Done with 10,000 articles: queue their analysis", |b| {
        b.iter_batched(
            || {
                let mut app = App::new(Vec::new(), Options::default());
                app.start_loading();
                app.update(Msg::Resize(120, 40));
                app.update(Msg::Load(LoadEvent::Loaded(articles.clone())));
                app
            },
            |mut app| {
                app.update(Msg::Load(LoadEvent::Done));
                app
            },
            BatchSize::LargeInput,
        )
    });
}

/// The UI thread's share of a load of 10,000 articles, as the event loop feeds it: every batch
/// the loader sends (64 articles each) and its `Done` through `App::update` (listing keys,
/// path order, the story grouping and analysis jobs queued, which share the articles); then the
/// analysis of all of them arriving (`Msg::Analysed`), kept for the reader.
fn bench_apply(c: &mut Criterion) {
    use copydesk::tui::analysis::Analysed;
    let demo = article::demo::articles();
    let articles: Vec<_> = (0..10_000)
        .map(|i| {
            let mut a = demo[i % demo.len()].clone();
            a.path = format!("folder/{:05}.txt", (i * 7919) % 10_000);
            a.id = format!("{i:064}");
            a
        })
        .collect();
    let batches: Vec<Vec<_>> = articles.chunks(64).map(<[_]>::to_vec).collect();
    let loaded = || {
        let mut app = App::new(Vec::new(), Options::default());
        app.update(Msg::Resize(120, 40));
        app.start_loading();
        app
    };
    c.bench_function("apply 10,000 loaded articles", |b| {
        b.iter_batched(
            || (loaded(), batches.clone()),
            |(mut app, batches)| {
                for v in batches {
                    app.update(Msg::Load(LoadEvent::Loaded(v)));
                }
                app.update(Msg::Load(LoadEvent::Done));
                app
            },
            BatchSize::LargeInput,
        )
    });
    let analyses: Vec<(String, copydesk::entities::Analysis)> = demo
        .iter()
        .map(copydesk::entities::analyse)
        .cycle()
        .zip(&articles)
        .map(|(an, a)| (a.id.clone(), an))
        .collect();
    c.bench_function("apply the analysis of 10,000 articles", |b| {
        b.iter_batched(
            || {
                let mut app = loaded();
                for v in batches.clone() {
                    app.update(Msg::Load(LoadEvent::Loaded(v)));
                }
                app.update(Msg::Load(LoadEvent::Done));
                let done = Analysed {
                    story: true,
                    results: analyses.clone(),
                    failed: None,
                };
                (app, done)
            },
            |(mut app, done)| {
                app.update(Msg::Analysed(done));
                app
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, bench, bench_request, bench_apply);
criterion_main!(benches);
