//! Speed of drawing the reader: one frame of a long article at 120×40 into a TestBackend, with
//! search matches highlighted (target: under 1 ms), and a frame after a resize, which wraps the
//! whole article again.

use std::hint::black_box;

use copydesk::article::{self, Meta};
use copydesk::tui::{Action, App, Msg, Options, draw};
use criterion::{Criterion, criterion_group, criterion_main};
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

criterion_group!(benches, bench);
criterion_main!(benches);
