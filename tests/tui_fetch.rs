//! Fetching from the reader, through the app's update function against a server the test
//! starts on 127.0.0.1: `o` and its prompt, progress in the status bar, the fetched article
//! opened, `R` bringing in a changed version that `D` then compares, problems in the status bar,
//! and `copydesk` with no paths opening the library.

mod common;
#[path = "common/server.rs"]
mod server;

use std::path::Path;
use std::time::Duration;

use common::{keys, render, screen_text};
use copydesk::tui::fetch::{FetchMsg, FetchState};
use copydesk::tui::{App, Msg, Options};
use server::{Reply, Server, fixture, route};

/// An empty reader whose library is `dir`.
fn app_with_library(dir: &Path) -> App {
    let mut app = App::new(Vec::new(), Options::default());
    app.fetch = FetchState {
        library: Ok((dir.to_path_buf(), dir.to_string_lossy().into_owned())),
        ..FetchState::in_data_dir(Some(dir))
    };
    app.fetch.options.timeout = Duration::from_secs(2);
    app.update(Msg::Resize(100, 30));
    app
}

fn status_line(app: &mut App) -> String {
    let t = render(app, 100, 30);
    let text = screen_text(t.backend().buffer());
    text.lines().last().unwrap().to_string()
}

fn changing_page() -> server::Handler {
    route(|_, n| {
        Reply::html(fixture(if n == 0 {
            "courier-strike.html"
        } else {
            "courier-strike-v2.html"
        }))
    })
}

#[test]
fn o_asks_for_a_url_fetches_it_in_the_background_and_opens_it() {
    let s = Server::start(vec![("/news/harbour-strike-ends", changing_page())]);
    let d = tempfile::tempdir().unwrap();
    let mut app = app_with_library(d.path());
    let url = s.url("/news/harbour-strike-ends");
    keys(&mut app, "o");
    keys(&mut app, &url);
    assert!(status_line(&mut app).contains(&format!("Fetch URL: {url}")));
    keys(&mut app, "<Enter>");
    // Queued, not run: the screen is still answered while the fetch runs elsewhere.
    assert!(app.articles.is_empty());
    assert_eq!(app.work.len(), 1);
    let line = status_line(&mut app);
    assert!(line.contains(&format!("Fetching {url}…")), "{line}");
    assert!(line.contains("Fetching…"), "{line}");
    app.run_work();
    assert_eq!(app.articles.len(), 1);
    let a = app.current_article().unwrap().clone();
    assert_eq!(a.title.as_deref(), Some("Harbour strike ends after nine days"));
    assert_eq!(
        a.path,
        format!(
            "{}/the-lanvale-courier-harbour-strike-ends.json",
            d.path().display()
        )
    );
    assert_eq!(app.focus, copydesk::tui::app::PaneId::Reader);
    let line = status_line(&mut app);
    assert!(
        line.contains("Fetched “Harbour strike ends after nine days” (new)"),
        "{line}"
    );
    assert!(!line.contains("Fetching…"), "{line}");
    assert!(Path::new(&a.path).is_file());
    // The folder watch then reports the file this reader wrote: nothing changes, nothing is said.
    let before = app.message.clone();
    app.update(Msg::Watch(copydesk::collection::WatchEvent::Loaded {
        path: a.path.clone(),
        articles: vec![a.clone()],
        problems: Vec::new(),
    }));
    assert_eq!((app.articles.len(), &app.message), (1, &before));
}

#[test]
fn r_brings_in_the_changed_version_and_d_compares_it() {
    let s = Server::start(vec![("/news/harbour-strike-ends", changing_page())]);
    let d = tempfile::tempdir().unwrap();
    let mut app = app_with_library(d.path());
    keys(&mut app, "o");
    keys(&mut app, &s.url("/news/harbour-strike-ends"));
    keys(&mut app, "<Enter>");
    app.run_work();
    app.run_work();
    let first = app.current_article().unwrap().path.clone();
    keys(&mut app, "R");
    assert_eq!(app.work.len(), 1, "R queues a fetch");
    app.run_work();
    assert_eq!(app.articles.len(), 2);
    // The article open stays open; the message says D compares.
    assert_eq!(app.current_article().unwrap().path, first);
    let line = status_line(&mut app);
    assert!(
        line.contains("Updated: the new version was saved beside this one (D compares them)"),
        "{line}"
    );
    app.run_work();
    // One story of the two versions, and D opens on the write-through.
    let i = app.current_index().unwrap();
    assert_eq!(app.stories.story(i).map(|s| s.members.len()), Some(2));
    keys(&mut app, "D");
    assert!(app.diff.open);
    assert_eq!(app.diff.base, first);
    assert!(
        app.diff
            .other
            .contains("the-lanvale-courier-harbour-strike-ends@"),
        "{}",
        app.diff.other
    );
    let screen = screen_text(render(&mut app, 140, 40).backend().buffer());
    assert!(screen.contains("83 percent"), "{screen}");
    keys(&mut app, "D");
    // Fetched again with nothing changed: unchanged, nothing added.
    keys(&mut app, "R");
    app.run_work();
    assert_eq!(app.articles.len(), 2);
    let line = status_line(&mut app);
    assert!(
        line.contains("Unchanged since the last fetch, whose text differs from this one (D compares them)"),
        "{line}"
    );
    // And on the latest version itself, simply unchanged.
    keys(&mut app, "]");
    let latest = app.current_article().unwrap().path.clone();
    assert!(latest.contains('@'), "{latest}");
    keys(&mut app, "R");
    app.run_work();
    let line = status_line(&mut app);
    assert!(line.contains("Unchanged since the last fetch"), "{line}");
    assert!(!line.contains("compares"), "{line}");
}

#[test]
fn a_feed_shows_its_progress_item_by_item() {
    let s = Server::start(vec![
        (
            "/feed",
            route(|_, _| Reply::new(200, "application/rss+xml", fixture("feed.rss"))),
        ),
        (
            "/news/harbour-strike-ends",
            route(|_, _| Reply::html(fixture("courier-strike.html"))),
        ),
        (
            "/2024/05/14/lanvale-dockworkers-back-deal/",
            route(|_, _| Reply::html(fixture("gazette-strike.html"))),
        ),
    ]);
    let d = tempfile::tempdir().unwrap();
    let mut app = app_with_library(d.path());
    keys(&mut app, "o");
    keys(&mut app, &s.url("/feed"));
    keys(&mut app, "<Enter>");
    let work = app.take_work();
    assert_eq!(work.len(), 1);
    let progress = std::cell::RefCell::new(Vec::new());
    let answer = work
        .into_iter()
        .next()
        .unwrap()
        .run_with(&|m| progress.borrow_mut().push(m));
    let mut seen = Vec::new();
    for m in progress.into_inner() {
        assert!(matches!(m, Msg::Fetch(FetchMsg::Progress(_))));
        app.update(m);
        seen.push(status_line(&mut app));
    }
    assert!(seen.iter().any(|l| l.contains("Fetching 2/3…")), "{seen:#?}");
    app.update(answer);
    assert_eq!(app.articles.len(), 2);
    let line = status_line(&mut app);
    assert!(line.contains("Fetched 2 articles from the feed"), "{line}");
    assert!(line.contains("1 problem"), "{line}");
    assert!(
        app.problems[0].contains("council-minutes.pdf: HTTP 404 Not Found"),
        "{:?}",
        app.problems
    );
}

#[test]
fn problems_are_said_in_the_status_bar() {
    let s = Server::start(vec![("/gone", route(|_, _| Reply::status(404)))]);
    let d = tempfile::tempdir().unwrap();
    let mut app = app_with_library(d.path());
    keys(&mut app, "o");
    keys(&mut app, "notes.txt<Enter>");
    assert!(app.work.is_empty());
    assert!(status_line(&mut app).contains("Not fetched: \"notes.txt\" is not an http(s) URL"));
    keys(&mut app, "o");
    keys(&mut app, &s.url("/gone"));
    keys(&mut app, "<Enter>");
    app.run_work();
    let line = status_line(&mut app);
    assert!(
        line.contains(&format!("Not fetched: {}: HTTP 404 Not Found", s.url("/gone"))),
        "{line}"
    );
    assert!(app.articles.is_empty());
    // Esc leaves the prompt without fetching.
    keys(&mut app, "o");
    keys(&mut app, "http://127.0.0.1:9/x<Esc>");
    assert!(app.work.is_empty());
    // R on an article with no address.
    let mut demo = common::demo_app_at(false, 100, 30);
    keys(&mut demo, "R");
    assert!(status_line(&mut demo).contains("has no web address to fetch again from"));
}

#[test]
fn o_and_r_are_in_help_from_the_keymap() {
    let mut app = common::demo_app(false);
    keys(&mut app, "?");
    let screen = screen_text(render(&mut app, 120, 200).backend().buffer());
    assert!(
        screen.contains("Fetch a page or RSS/Atom feed into the library; open it"),
        "{screen}"
    );
    assert!(
        screen.contains("Fetch the page again; a changed version joins the story"),
        "{screen}"
    );
}

#[test]
fn copydesk_without_paths_opens_the_library_or_says_how_to_fill_it() {
    let d = tempfile::tempdir().unwrap();
    let run = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["--data-dir", d.path().to_str().unwrap()])
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap()
    };
    let o = run();
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("--demo") && err.contains("copydesk fetch URL"),
        "{err}"
    );
    // With an article in the library, the reader starts on it (and here, with no terminal,
    // says it needs one).
    std::fs::create_dir_all(d.path().join("library")).unwrap();
    std::fs::write(d.path().join("library/a.json"), r#"{"text": "A fetched page."}"#).unwrap();
    let o = run();
    let err = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("needs a terminal"), "{err}");
}
