//! Speed of entities in the reader: a frame of a long article with every label highlighted and
//! the entity panel open (compare with `render`'s plain frame), arranging one article's analysis
//! for the reader (layers, grouped mentions), and the UI thread's share of asking for the
//! analysis of 10,000 loaded articles (the copy handed to the background job).

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
        e.groups.len()
    );
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("reader frame 120x40 with entities and panel", |b| {
        b.iter(|| {
            term.draw(|f| draw(f, black_box(&app))).unwrap();
        })
    });

    let found = copydesk::entities::analyse(&a);
    c.bench_function("arrange one analysis for the reader (20k words)", |b| {
        b.iter(|| ArticleEntities::new(black_box(&a.text), &a.boilerplate, found.clone(), true))
    });
}

/// The end of loading 10,000 articles: `Done` makes the app queue one collection job, which
/// copies the articles for the background; that copy is the UI thread's cost.
fn bench_request(c: &mut Criterion) {
    let demo = article::demo::articles();
    let articles: Vec<_> = (0..10_000)
        .map(|i| {
            let mut a = demo[i % demo.len()].clone();
            a.path = format!("folder/{i:05}.txt");
            // Distinct ids, as distinct texts would have: each is analysed (and copied).
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

criterion_group!(benches, bench, bench_request);
criterion_main!(benches);
