//! Speed of drawing the reader: one frame of a long article at 120×40 into a TestBackend, with
//! search matches highlighted (target: under 1 ms), and a frame after a resize, which wraps the
//! whole article again; and the UI's share of loading 10,000 articles.

use std::hint::black_box;

use copydesk::article::{self, LoadEvent, Meta};
use copydesk::tui::{Action, App, Msg, Options, draw};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// About 20,000 words: the five demo versions, one after another, four times.
fn long_app() -> App {
    let mut text = String::new();
    for _ in 0..4 {
        for (_, t) in article::demo::FILES {
            text.push_str(t);
            text.push_str("\n\n");
        }
    }
    let a = article::build("bench/long.txt", text, "UTF-8", Meta::default(), Vec::new());
    let mut app = App::new(vec![a], Options::default());
    app.update(Msg::Resize(120, 40));
    app.update(Action::FocusNext);
    for c in "/putin".chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
    app.update(Action::Confirm);
    for _ in 0..20 {
        app.update(Action::PageDown);
    }
    app
}

fn bench(c: &mut Criterion) {
    let app = long_app();
    eprintln!(
        "article: {} words, {} wrapped lines, scrolled to line {}",
        app.current_article().map_or(0, |a| a.words),
        app.reader.total_lines(),
        app.reader.scroll
    );
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    c.bench_function("reader frame 120x40", |b| {
        b.iter(|| {
            term.draw(|f| draw(f, black_box(&app))).unwrap();
        })
    });

    let mut app = long_app();
    let mut wide = true;
    c.bench_function("resize + rewrap + frame 120/100x40", |b| {
        b.iter(|| {
            // Alternate widths that change the text column (80 and 66 cells, below the reading
            // width cap) so every iteration wraps the article again.
            wide = !wide;
            let w = if wide { 120 } else { 100 };
            app.update(Msg::Resize(w, 40));
            let mut term = Terminal::new(TestBackend::new(w, 40)).unwrap();
            term.draw(|f| draw(f, black_box(&app))).unwrap();
        })
    });
}

/// The UI's share of loading a big folder: 10,000 `Loaded` events applied to the app (the event
/// loop drains them between frames), the final sort, and one frame.
fn bench_loading(c: &mut Criterion) {
    let demo = article::demo::articles();
    let articles: Vec<_> = (0..10_000)
        .map(|i| {
            let mut a = demo[i % demo.len()].clone();
            a.path = format!("folder/{i:05}.txt");
            a
        })
        .collect();
    c.bench_function("apply 10,000 loaded articles + frame", |b| {
        b.iter_batched(
            || articles.clone(),
            |articles| {
                let mut app = App::new(Vec::new(), Options::default());
                app.start_loading();
                app.update(Msg::Resize(120, 40));
                app.update(Msg::Load(LoadEvent::Found(articles.len())));
                for a in articles {
                    app.update(Msg::Load(LoadEvent::Loaded(vec![a])));
                }
                app.update(Msg::Load(LoadEvent::Done));
                let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
                term.draw(|f| draw(f, &app)).unwrap();
                app
            },
            BatchSize::LargeInput,
        )
    });
}

criterion_group!(benches, bench, bench_loading);
criterion_main!(benches);
