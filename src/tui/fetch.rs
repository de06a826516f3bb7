//! Fetching from the reader: `o` asks for a URL and fetches it into the library (a feed's items
//! too), `R` fetches the open article's page again. The fetch runs as a [`Work`] on a thread of
//! its own (the core's `fetch::Fetcher`, which saves the files and reports progress), the saved
//! articles are read back there, and the answer comes as `Msg::Fetch`: the articles join the
//! list (a version replaces the one of the same path), the first is opened (`o`), or a changed
//! version is set as the diff pane's other version so `D` opens on the write-through (`R`).

use std::path::PathBuf;
use std::sync::Arc;

use super::app::{App, Msg, PaneId};
use super::collection::{Prompt, PromptKind};

use super::work::Work;
use crate::article::{self, Article, Disk, Source};
use crate::fetch::{self, Event, Fetcher, Options, Saved, Status};

/// Where fetched articles go, and what is under way.
#[derive(Debug)]
pub struct FetchState {
    /// The library folder on disk and as shown; `None` with why when there is no data directory.
    pub library: Result<(PathBuf, String), String>,
    /// Fetches under way.
    pub running: usize,
    /// The request going out now: its URL and (n, of) for a feed's items.
    pub current: Option<(String, Option<(usize, usize)>)>,
    /// Options for the requests (the defaults; tests shorten the timeout).
    pub options: Options,
}

/// What a fetch was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// `o`: open what was fetched.
    Open,
    /// `R` on the article at this path, whose text had this id.
    Again { path: String, id: String },
}

/// A fetch's news for the event loop.
#[derive(Debug)]
pub enum FetchMsg {
    Progress(Event),
    Done(Box<Fetched>),
}

/// What a fetch brought: the pages saved (or found unchanged), read back as articles, and the
/// problems, each naming its URL.
#[derive(Debug)]
pub struct Fetched {
    pub asked: Asked,
    pub saved: Vec<Saved>,
    pub articles: Vec<Article>,
    pub problems: Vec<String>,
}

impl Default for FetchState {
    fn default() -> FetchState {
        FetchState {
            library: Err("no library folder set".into()),
            running: 0,
            current: None,
            options: Options::default(),
        }
    }
}

impl FetchState {
    /// The library in the data directory given (`--data-dir`, `COPYDESK_DATA_DIR`, the platform's).
    pub fn in_data_dir(data_dir: Option<&std::path::Path>) -> FetchState {
        let library = fetch::default_library(data_dir)
            .map(|d| {
                let shown = d.to_string_lossy().into_owned();
                (d, shown)
            })
            .map_err(|e| e.to_string());
        FetchState {
            library,
            ..FetchState::default()
        }
    }
}

/// `o`: the prompt for a URL.
pub fn ask(app: &mut App) {
    app.mode = super::app::Mode::Prompt(Prompt {
        kind: PromptKind::FetchUrl,
        input: String::new(),
    });
    app.message = None;
}

/// The URL typed at the prompt: fetched in the background.
pub fn start_url(app: &mut App, input: &str) {
    if input.trim().is_empty() {
        return;
    }
    match fetch::parse_url(input) {
        Ok(url) => start(app, url, Asked::Open),
        Err(why) => app.complain(format!("Not fetched: {why}")),
    }
}

/// `R`: the open article's page again.
pub fn again(app: &mut App) {
    let Some(a) = app.current_article() else {
        return app.complain("No article open to fetch again");
    };
    let Some(url) = a.url.as_deref().and_then(|u| fetch::parse_url(u).ok()) else {
        let name = a.file_name().to_string();
        return app.complain(format!("{name} has no web address to fetch again from"));
    };
    // The page's own `url` may be its canonical address, which need not be where it was fetched
    // from (a mirror, a test server, a feed's link); the library's record of the request knows.
    let file = a.file_name().to_string();
    let asked = Asked::Again {
        path: a.path.clone(),
        id: a.id.clone(),
    };
    start_at(app, url, Some(file), asked);
}

fn start(app: &mut App, url: url::Url, asked: Asked) {
    start_at(app, url, None, asked)
}

/// Fetches `url`, or, when `file` is a version in the library, the address its series was last
/// asked for at.
fn start_at(app: &mut App, url: url::Url, file: Option<String>, asked: Asked) {
    let (dir, shown) = match &app.fetch.library {
        Ok(l) => l.clone(),
        Err(why) => return app.complain(format!("Cannot fetch: no library folder ({why})")),
    };
    let options = app.fetch.options.clone();
    app.fetch.running += 1;
    app.say(format!("Fetching {url}…"));
    app.work.push(Work::with_progress("fetch", move |progress| {
        let mut done = Fetched {
            asked,
            saved: Vec::new(),
            articles: Vec::new(),
            problems: Vec::new(),
        };
        match Fetcher::open(&dir, &shown, options) {
            Err(why) => done.problems.push(why),
            Ok(mut f) => {
                let url = file
                    .and_then(|file| recorded_address(f.library(), &file))
                    .unwrap_or(url);
                f.fetch(std::slice::from_ref(&url), &mut |ev| match ev {
                    Event::Saved(s) => done.saved.push(s),
                    Event::Problem(p) => done.problems.push(p.to_string()),
                    ev => progress(Msg::Fetch(FetchMsg::Progress(ev))),
                })
            }
        }
        // Read back here, off the UI thread, exactly as the loader reads the library.
        for s in &done.saved {
            let src = Source {
                fs_path: s.file.clone(),
                display: s.path.clone(),
            };
            let (articles, problems) = article::read_source(&src, &Disk);
            done.articles.extend(articles);
            done.problems.extend(problems.iter().map(ToString::to_string));
        }
        Msg::Fetch(FetchMsg::Done(Box::new(done)))
    }));
}

/// The address the series holding the library file `file` was last fetched from.
fn recorded_address(library: &fetch::library::Library, file: &str) -> Option<url::Url> {
    library
        .series
        .iter()
        .find(|s| s.versions.iter().any(|v| v.file == file))
        .and_then(|s| s.address())
        .and_then(|u| fetch::parse_url(u).ok())
}

/// The right of the status bar while fetching: "Fetching…", "Fetching 2/5…".
pub fn status_badge(app: &App) -> Option<String> {
    if app.fetch.running == 0 {
        return None;
    }
    Some(match &app.fetch.current {
        Some((_, Some((n, of)))) => format!("Fetching {n}/{of}…"),
        _ => "Fetching…".to_string(),
    })
}

pub fn apply(app: &mut App, msg: FetchMsg) {
    match msg {
        FetchMsg::Progress(Event::Fetching { url, item }) => {
            app.fetch.current = Some((url, item));
        }
        FetchMsg::Progress(_) => {}
        FetchMsg::Done(done) => {
            app.fetch.running = app.fetch.running.saturating_sub(1);
            if app.fetch.running == 0 {
                app.fetch.current = None;
            }
            arrived(app, *done);
        }
    }
}

fn arrived(app: &mut App, done: Fetched) {
    let Fetched {
        asked,
        saved,
        articles,
        problems,
    } = done;
    app.problems.extend(problems.iter().cloned());
    let selected = app.current_article().map(|a| a.path.clone());
    let mut changed = false;
    for a in articles {
        match app.articles.iter_mut().find(|x| x.path == a.path) {
            Some(x) if x.id == a.id => {}
            Some(x) => {
                *x = Arc::new(a);
                changed = true;
            }
            None => {
                app.articles.push(Arc::new(a));
                changed = true;
            }
        }
    }
    if changed {
        app.collection.reloads += 1;
        app.articles_reordered(selected.as_deref());
        app.regroup();
    }
    let index_of = |app: &App, path: &str| app.articles.iter().position(|a| a.path == path);
    let Some(first) = saved.first() else {
        let why = problems
            .first()
            .cloned()
            .unwrap_or_else(|| "nothing was fetched".into());
        return app.complain(format!("Not fetched: {why}"));
    };
    let more = match problems.len() {
        0 => String::new(),
        n => format!(
            " ({}, {})",
            super::draw::plural(n, "problem"),
            app.problems_hint()
        ),
    };
    match asked {
        Asked::Open => {
            if let Some(i) = index_of(app, &first.path)
                && app.select_article(i)
            {
                app.focus = PaneId::Reader;
            }
            let title = first.title.clone().unwrap_or_else(|| first.path.clone());
            if saved.len() == 1 {
                app.say(format!("Fetched “{title}” ({}){more}", first.status.as_str()));
            } else {
                let n = saved.len();
                app.say(format!(
                    "Fetched {n} articles from the feed; opened “{title}”{more}"
                ));
            }
        }
        Asked::Again { path, id } => {
            let new_text = app
                .articles
                .iter()
                .find(|a| a.path == first.path)
                .map(|a| a.id.clone());
            let differs = first.path != path && new_text.is_some_and(|n| n != id);
            let mut compare = String::new();
            if differs {
                // `D` on the article still open compares it with the version fetched.
                app.diff.base = path.clone();
                app.diff.other = first.path.clone();
                let key = app.keymap.hint_key(app.context(), crate::tui::Action::OpenDiff);
                compare = key.map_or(String::new(), |k| format!(" ({k} compares them)"));
            }
            let what = match (first.status, differs) {
                (Status::Updated, _) => "Updated: the new version was saved beside this one",
                (Status::Unchanged, true) => {
                    "Unchanged since the last fetch, whose text differs from this one"
                }
                (Status::Unchanged, false) => "Unchanged since the last fetch",
                (Status::New, true) => "Fetched into the library: the page's text differs from this copy",
                (Status::New, false) => "Fetched into the library: the same text as this copy",
            };
            app.say(format!("{what}{compare}{more}"));
        }
    }
}
