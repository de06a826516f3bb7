//! Speed of drawing the diff pane: one frame at 120×40 of 002 against 000 and of 002 against
//! 004 (side by side, scrolled part way, comparison and rows already cached), one inline frame,
//! and one coverage frame; and what the first frame costs from nothing (a new app, story
//! grouping of the five, the comparison and its rows).

use std::hint::black_box;

use copydesk::article;
use copydesk::tui::{Action, App, Msg, Options, draw};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn diff_app(other: &str) -> App {
    let mut app = App::new(article::demo::articles(), Options::default());
    app.update(Msg::Resize(120, 40));
    app.run_work();
    app.sidebar.selected = app
        .articles
        .iter()
        .position(|a| a.file_name().starts_with("002"))
        .unwrap_or(0);
    app.update(Action::OpenDiff);
    while !app.diff.other.contains(other) {
        app.update(Action::NextVersion);
    }
    app.update(Action::PageDown);
    app
}

fn bench(c: &mut Criterion) {
    let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
    for other in ["/000", "/004"] {
        let app = diff_app(other);
        eprintln!(
            "002 vs {other}: {} rows, {} lines",
            app.diff.layout().map_or(0, |l| l.rows.len()),
            app.diff.layout().map_or(0, |l| l.total_lines())
        );
        c.bench_function(
            &format!("diff frame 120x40 side by side 002 vs {}", &other[1..]),
            |b| {
                b.iter(|| {
                    term.draw(|f| draw(f, black_box(&app))).unwrap();
                })
            },
        );
    }
    let mut app = diff_app("/000");
    app.update(Action::ToggleInline);
    c.bench_function("diff frame 120x40 inline 002 vs 000", |b| {
        b.iter(|| {
            term.draw(|f| draw(f, black_box(&app))).unwrap();
        })
    });
    let mut app = diff_app("/000");
    app.update(Action::ToggleCoverage);
    c.bench_function("coverage frame 120x40 of 002 (4 versions)", |b| {
        b.iter(|| {
            term.draw(|f| draw(f, black_box(&app))).unwrap();
        })
    });
    c.bench_function(
        "new app + story grouping + open diff 002 vs 000 (compare, rows) + frame",
        |b| {
            b.iter(|| {
                let app = diff_app("/000");
                term.draw(|f| draw(f, black_box(&app))).unwrap();
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
