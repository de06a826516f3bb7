//! The reader's collection features through key sequences and `App::update`: the sidebar
//! filter, sort orders, read marks, the search across every article (results pane, Enter, n/N
//! across articles), copying with attribution, the session, and files changing on disk.

use copydesk::article::{self, Article};
use copydesk::collection::{Session, SortMode, WatchEvent};
use copydesk::tui::app::{JumpKind, Mode, PaneId};
use copydesk::tui::{App, Msg, Options};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

mod common;
use common::{keys, mouse, render, row_text};

fn demo_app() -> App {
    common::demo_app(false)
}

/// The sidebar's rows (first 30 columns) as text.
fn sidebar_text(buf: &Buffer) -> String {
    (0..buf.area.height)
        .map(|y| (0..30).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn shown_paths(app: &App) -> Vec<String> {
    app.collection
        .listing
        .order
        .iter()
        .map(|&i| app.articles[i].file_name().to_string())
        .collect()
}

/// Runs a search across every article to its end, as the event loop's ticks do.
fn finish(app: &mut App) {
    let mut n = 0;
    while app.busy() {
        app.update(Msg::Tick);
        n += 1;
        assert!(n < 1000, "the search never ends");
    }
}

#[test]
fn filter_as_you_type_and_esc_clears() {
    let mut app = demo_app();
    render(&mut app, 100, 30);
    keys(&mut app, "fnpr");
    assert!(matches!(&app.mode, Mode::Prompt(p) if p.input == "npr"));
    // Applied with each key, before Enter.
    assert_eq!(shown_paths(&app), ["003_npr_44bb2cc59092ae7b.txt"]);
    let t = render(&mut app, 100, 30);
    assert!(row_text(t.backend().buffer(), 29).contains("Filter: npr"));
    keys(&mut app, "<BS><BS><BS>cbs<Enter>");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(shown_paths(&app), ["002_cbs-ap-full_806fb89b356b963d.txt"]);
    assert_eq!(app.current_article().unwrap().source.as_deref(), Some("CBS News"));
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("filtered_sidebar", sidebar_text(t.backend().buffer()));
    // Matching ignores case and accents, and looks at paths too.
    keys(&mut app, "f<BS><BS><BS>DEMO/00<Enter>");
    assert_eq!(app.collection.listing.order.len(), 5);
    keys(&mut app, "fzzz<Enter>");
    assert!(app.current_article().is_none());
    let t = render(&mut app, 100, 30);
    assert!(sidebar_text(t.backend().buffer()).contains("No article matches"));
    // Esc in the list clears the filter.
    keys(&mut app, "<Esc>");
    assert_eq!(app.collection.listing.order.len(), 5);
    assert!(app.collection.filter.is_empty());
    // Esc in the prompt clears it too.
    keys(&mut app, "fnbc<Esc>");
    assert_eq!(
        (app.mode.clone(), app.collection.listing.order.len()),
        (Mode::Normal, 5)
    );
}

#[test]
fn filter_keeps_the_open_article_selected() {
    let mut app = demo_app();
    render(&mut app, 100, 30);
    keys(&mut app, "jjj");
    let open = app.current_article().unwrap().path.clone();
    keys(&mut app, "fap<Enter>");
    assert_eq!(app.current_article().unwrap().path, open);
    keys(&mut app, "<Esc>");
    assert_eq!(app.current_article().unwrap().path, open);
}

#[test]
fn s_cycles_the_sort_orders() {
    let mut app = demo_app();
    render(&mut app, 100, 30);
    let by_path = shown_paths(&app);
    keys(&mut app, "s");
    assert_eq!(app.collection.sort, SortMode::Title);
    let titles: Vec<String> = app
        .collection
        .listing
        .order
        .iter()
        .map(|&i| {
            let a = &app.articles[i];
            a.title
                .clone()
                .unwrap_or_else(|| a.file_name().to_string())
                .to_lowercase()
        })
        .collect();
    let mut sorted = titles.clone();
    sorted.sort();
    assert_eq!(titles, sorted);
    assert_eq!(app.message.as_ref().unwrap().text, "Sorted by title");
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("sorted_by_title", sidebar_text(t.backend().buffer()));
    keys(&mut app, "s");
    assert_eq!(app.collection.sort, SortMode::Source);
    keys(&mut app, "s");
    assert_eq!(app.collection.sort, SortMode::Date);
    keys(&mut app, "s");
    assert_eq!(app.collection.sort, SortMode::Length);
    let words: Vec<usize> = app
        .collection
        .listing
        .order
        .iter()
        .map(|&i| app.articles[i].words)
        .collect();
    assert!(words.windows(2).all(|w| w[0] >= w[1]), "{words:?}");
    keys(&mut app, "s");
    assert_eq!(app.collection.sort, SortMode::Story);
    assert!(app.message.as_ref().unwrap().text.contains("not grouped yet"));
    assert_eq!(shown_paths(&app), by_path);
    keys(&mut app, "s");
    assert_eq!(app.collection.sort, SortMode::Path);
}

fn title_cell_bold(buf: &Buffer, row: u16) -> bool {
    buf[(3, row)].modifier.contains(Modifier::BOLD)
}

#[test]
fn read_marks_follow_opening_and_m() {
    let mut app = demo_app();
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    // All unread: a • and bold titles.
    assert_eq!(buf[(2, 3)].symbol(), "•");
    assert!(title_cell_bold(buf, 3));
    // Moving over an article does not read it; opening it does.
    keys(&mut app, "j");
    assert!(app.collection.read.is_empty());
    keys(&mut app, "<Enter>");
    let second = app.current_article().unwrap().path.clone();
    assert!(app.collection.read.contains(&second));
    keys(&mut app, "<Tab>k");
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    // Read: no mark, not bold; the others keep theirs.
    assert_eq!(buf[(2, 3)].symbol(), " ", "{}", row_text(buf, 3));
    assert!(!title_cell_bold(buf, 3));
    assert_eq!(buf[(2, 5)].symbol(), "•");
    assert!(title_cell_bold(buf, 5));
    keys(&mut app, "j");
    // r marks it unread again, from the sidebar...
    keys(&mut app, "r");
    assert!(!app.collection.read.contains(&second));
    assert_eq!(app.message.as_ref().unwrap().text, "Marked unread");
    // ...and from the reader, where it stays unread while it stays open.
    keys(&mut app, "<Enter>");
    assert!(app.collection.read.contains(&second));
    keys(&mut app, "r");
    keys(&mut app, "jj");
    assert!(!app.collection.read.contains(&second));
    // ] reads the next one.
    keys(&mut app, "]");
    let third = app.current_article().unwrap().path.clone();
    assert!(app.collection.read.contains(&third));
}

#[test]
fn find_in_all_lists_hits_and_n_goes_across_articles() {
    let mut app = demo_app();
    render(&mut app, 100, 30);
    keys(&mut app, "Forban");
    assert!(matches!(&app.mode, Mode::Prompt(p) if p.input == "orban"));
    keys(&mut app, "<Enter>");
    assert_eq!(app.focus, PaneId::Results);
    finish(&mut app);
    let r = app.collection.results.as_ref().unwrap();
    let hits = r.job.hits.clone();
    // Every hit is an "Orban" in some article, in article order.
    let expected: usize = app
        .articles
        .iter()
        .map(|a| a.text.to_lowercase().matches("orban").count())
        .sum();
    assert_eq!(hits.len(), expected);
    assert!(hits.len() >= 5);
    for h in &hits {
        assert!(app.articles[h.article].text[h.range.clone()].eq_ignore_ascii_case("orban"));
        assert!(h.sentence.start <= h.range.start && h.range.end <= h.sentence.end);
    }
    let articles_hit: std::collections::BTreeSet<usize> = hits.iter().map(|h| h.article).collect();
    assert!(articles_hit.len() >= 3);
    let msg = app.message.as_ref().unwrap().text.clone();
    assert!(
        msg.starts_with(&format!("{} matches for “orban” in", hits.len())),
        "{msg}"
    );
    let t = render(&mut app, 100, 30);
    insta::assert_snapshot!("results_pane", t.backend());

    // Enter opens the hit under the cursor: its article, every match highlighted, this one
    // current and in view.
    keys(&mut app, "j<Enter>");
    assert_eq!(app.focus, PaneId::Reader);
    assert_eq!(app.current_index(), Some(hits[1].article));
    let j = app.jumps.as_ref().unwrap();
    assert!(matches!(&j.kind, JumpKind::Collection { query } if query == "orban"));
    assert_eq!(j.ranges[j.current.unwrap()], hits[1].range);
    let t = render(&mut app, 100, 30);
    let buf = t.backend().buffer();
    let current_cells = (0..30u16)
        .flat_map(|y| (0..100u16).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf[(x, y)]
                .modifier
                .contains(Modifier::UNDERLINED | Modifier::REVERSED)
        })
        .count();
    assert_eq!(current_cells, 5, "the current match is on screen");

    // n steps through every hit, across articles, and wraps.
    let mut seen = vec![(app.current_index().unwrap(), hits[1].range.clone())];
    for _ in 1..hits.len() {
        keys(&mut app, "n");
        let j = app.jumps.as_ref().unwrap();
        seen.push((app.current_index().unwrap(), j.ranges[j.current.unwrap()].clone()));
    }
    let want: Vec<_> = hits
        .iter()
        .cycle()
        .skip(1)
        .take(hits.len())
        .map(|h| (h.article, h.range.clone()))
        .collect();
    assert_eq!(seen, want);
    keys(&mut app, "N");
    let j = app.jumps.as_ref().unwrap();
    assert_eq!(j.ranges[j.current.unwrap()], hits[hits.len() - 1].range);
    // Esc in the results pane closes it.
    keys(&mut app, "<Tab>");
    assert_eq!(app.focus, PaneId::Results);
    keys(&mut app, "<Esc>");
    assert!(app.collection.results.is_none());
    assert_eq!(app.focus, PaneId::Reader);
}

#[test]
fn results_stream_a_chunk_at_a_time() {
    // 300 copies of the demo: the first chunk gives hits before the rest is searched.
    let demo = article::demo::articles();
    let many: Vec<Article> = (0..60)
        .flat_map(|i| {
            demo.iter().map(move |a| {
                let mut a = a.clone();
                a.path = format!("{i:03}/{}", a.path);
                a
            })
        })
        .collect();
    let mut app = App::new(many, Options::default());
    render(&mut app, 100, 30);
    keys(&mut app, "Fbrink<Enter>");
    let r = app.collection.results.as_ref().unwrap();
    assert!(!r.job.hits.is_empty());
    assert!(app.busy(), "not all searched yet");
    let first = r.job.hits.len();
    let t = render(&mut app, 100, 30);
    let screen: String = (0..30).map(|y| row_text(t.backend().buffer(), y)).collect();
    assert!(screen.contains("searching"), "{screen}");
    finish(&mut app);
    assert!(app.collection.results.as_ref().unwrap().job.hits.len() > first);
}

#[test]
fn copy_takes_the_match_sentence_with_attribution() {
    let mut app = demo_app();
    render(&mut app, 100, 30);
    keys(&mut app, "FBridget Brink<Enter>");
    finish(&mut app);
    keys(&mut app, "<Enter>y");
    let copied = app.collection.clipboard.clone().unwrap();
    let a = app.current_article().unwrap();
    assert!(
        copied.starts_with("“In other developments, Biden was expected to nominate"),
        "{copied}"
    );
    assert!(copied.contains("Bridget Brink"));
    let title = a.title.as_deref().unwrap();
    assert!(
        copied.ends_with(&format!(
            "”\n— {}, “{title}” ({})",
            a.source.as_deref().unwrap(),
            a.path
        )),
        "{copied}"
    );
    let msg = &app.message.as_ref().unwrap().text;
    assert!(msg.starts_with("Copied “In other developments"), "{msg}");
    // With no match current, the paragraph at the top of the reader.
    keys(&mut app, "<Esc><Esc>gy");
    let copied = app.collection.clipboard.clone().unwrap();
    let a = app.current_article().unwrap();
    let first_para = a
        .paragraphs
        .iter()
        .map(|p| a.text[p.clone()].trim())
        .find(|p| !p.is_empty())
        .unwrap();
    assert!(copied.starts_with(&format!("“{first_para}”")), "{copied}");
}

#[test]
fn session_round_trip_through_the_app() {
    let mut app = demo_app();
    render(&mut app, 100, 30);
    keys(&mut app, "ssjj<Enter>");
    keys(&mut app, "jjjjjjjjjj");
    let open = app.current_article().unwrap().path.clone();
    let top = app.reader.top_byte();
    assert!(top > 0);
    keys(&mut app, "<Tab>fap<Enter>");
    let s = app.session();
    assert_eq!(s.selected.as_deref(), Some(open.as_str()));
    assert_eq!(s.sort, SortMode::Source);
    assert_eq!(s.filter, "ap");
    assert!(s.read.contains(&open));
    assert!(!s.reader_focused);

    // A new app over the same collection comes back as it was left.
    let mut again = demo_app();
    again.restore(s.clone());
    render(&mut again, 100, 30);
    assert_eq!(again.current_article().unwrap().path, open);
    assert_eq!(again.reader.top_byte(), top);
    assert_eq!(again.collection.sort, SortMode::Source);
    assert_eq!(again.collection.filter, "ap");
    assert_eq!(again.collection.read, s.read);

    // While loading, the open article waits for the articles to arrive.
    let mut loading = App::new(Vec::new(), Options::default());
    loading.start_loading();
    loading.restore(Session {
        reader_focused: true,
        ..s.clone()
    });
    render(&mut loading, 100, 30);
    loading.update(Msg::Load(article::LoadEvent::Loaded(article::demo::articles())));
    loading.update(Msg::Load(article::LoadEvent::Done));
    render(&mut loading, 100, 30);
    assert_eq!(loading.current_article().unwrap().path, open);
    assert_eq!(loading.focus, PaneId::Reader);
    assert_eq!(loading.reader.top_byte(), top);
}

fn art(path: &str, text: &str) -> Article {
    article::build(path, text.to_string(), "UTF-8", article::Meta::default(), vec![])
}

#[test]
fn watched_changes_replace_add_and_remove_articles() {
    let mut app = App::new(
        vec![
            art("feed/a.txt", "Alpha\n\nFirst version."),
            art("feed/b.txt", "Beta\n\nStays."),
        ],
        Options::default(),
    );
    render(&mut app, 100, 30);
    keys(&mut app, "<Enter>");
    assert_eq!(app.current_article().unwrap().path, "feed/a.txt");
    let old_id = app.current_article().unwrap().id.clone();
    app.update(Msg::Watch(WatchEvent::Loaded {
        path: "feed/a.txt".into(),
        articles: vec![art("feed/a.txt", "Alpha\n\nSecond version.")],
        problems: vec![],
    }));
    assert_eq!(app.articles.len(), 2);
    let a = app.current_article().unwrap();
    assert_eq!(a.path, "feed/a.txt");
    assert_ne!(a.id, old_id);
    assert!(a.text.contains("Second version"));
    assert_eq!(app.message.as_ref().unwrap().text, "Reloaded feed/a.txt");
    assert_eq!(app.collection.reloads, 1);

    app.update(Msg::Watch(WatchEvent::Loaded {
        path: "feed/0.txt".into(),
        articles: vec![art("feed/0.txt", "Zero\n\nNew file.")],
        problems: vec![],
    }));
    assert_eq!(app.articles.len(), 3);
    assert_eq!(app.articles[0].path, "feed/0.txt", "kept in path order");
    assert_eq!(app.current_article().unwrap().path, "feed/a.txt", "still open");
    assert_eq!(app.message.as_ref().unwrap().text, "New: feed/0.txt");

    app.update(Msg::Watch(WatchEvent::Removed {
        path: "feed/b.txt".into(),
    }));
    assert_eq!(app.articles.len(), 2);
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Removed feed/b.txt (1 article)"
    );
    let t = render(&mut app, 100, 30);
    assert!(!sidebar_text(t.backend().buffer()).contains("Beta"));

    // A search across articles is run again over what is there now.
    keys(&mut app, "Fversion<Enter>");
    finish(&mut app);
    assert_eq!(app.collection.results.as_ref().unwrap().job.hits.len(), 1);
    app.update(Msg::Watch(WatchEvent::Loaded {
        path: "feed/0.txt".into(),
        articles: vec![art("feed/0.txt", "Zero\n\nA version too.")],
        problems: vec![],
    }));
    finish(&mut app);
    assert_eq!(app.collection.results.as_ref().unwrap().job.hits.len(), 2);
}

#[test]
fn mouse_selects_and_scrolls_results() {
    use crossterm::event::{MouseButton, MouseEventKind};
    let mut app = demo_app();
    render(&mut app, 100, 30);
    keys(&mut app, "Forban<Enter>");
    finish(&mut app);
    keys(&mut app, "<Tab>");
    assert_eq!(app.focus, PaneId::Sidebar);
    let area = app.geometry().unwrap().results.unwrap();
    // The third hit's rows start two items below the first.
    mouse(
        &mut app,
        MouseEventKind::Down(MouseButton::Left),
        area.x + 5,
        area.y + 1 + 4,
    );
    assert_eq!(app.focus, PaneId::Results);
    assert_eq!(app.collection.results.as_ref().unwrap().selected, 2);
    mouse(&mut app, MouseEventKind::ScrollDown, area.x + 5, area.y + 2);
    assert_eq!(app.collection.results.as_ref().unwrap().selected, 3);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "j", "k", "G", "<Tab>", "<Esc>", "<Enter>", "<BS>", "f", "s", "r", "F", "y", "n", "N", "o", "a", "]",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any keys (prompts, filters, sorts, searches across articles, copies), ticks and file
        /// changes at any size never panic nor leave the selection outside what is shown.
        #[test]
        fn any_collection_keys(
            seq in proptest::collection::vec(0..KEYS.len(), 0..50),
            w in 0u16..140, h in 0u16..50,
            change in 0usize..6,
        ) {
            let mut app = demo_app();
            render(&mut app, w, h);
            for (i, k) in seq.iter().enumerate() {
                keys(&mut app, KEYS[*k]);
                app.update(Msg::Tick);
                if i == change {
                    let path = app.articles.get(change).map(|a| a.path.clone()).unwrap_or_default();
                    app.update(Msg::Watch(WatchEvent::Removed { path }));
                }
            }
            render(&mut app, w, h);
            let shown = app.collection.listing.order.len();
            prop_assert!(app.sidebar.selected < shown.max(1));
            prop_assert!(app.collection.listing.order.iter().all(|&i| i < app.articles.len()));
            if let Some(r) = &app.collection.results {
                prop_assert!(r.selected < r.job.hits.len().max(1));
                prop_assert!(r.job.hits.iter().all(|h| h.article < app.articles.len()));
            }
        }
    }
}

#[test]
fn reader_search_ignores_accents_like_find_in_all() {
    let a = art("x.txt", "Orban met Orbán.\n\nPutin’s plan and Putin's word.");
    let mut app = App::new(vec![a], Options::default());
    render(&mut app, 100, 30);
    keys(&mut app, "/orbán<Enter>");
    assert_eq!(app.jumps.as_ref().unwrap().ranges.len(), 2);
    keys(&mut app, "/putin's<Enter>");
    let text = app.current_article().unwrap().text.clone();
    let found: Vec<&str> = app
        .jumps
        .as_ref()
        .unwrap()
        .ranges
        .iter()
        .map(|r| &text[r.clone()])
        .collect();
    assert_eq!(found, ["Putin’s", "Putin's"]);
}

#[test]
fn damaged_session_file_gives_a_message_and_a_fresh_start() {
    use copydesk::cli::Global;
    use copydesk::tui::remember;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("session.json"),
        "{\"version\": 1, \"collections\": [",
    )
    .unwrap();
    let global = Global {
        demo: true,
        data_dir: Some(dir.path().to_path_buf()),
        ..Global::default()
    };
    let mut app = demo_app();
    let place = remember::open(&global, &[], &mut app).expect("a data directory");
    let m = app.message.clone().unwrap();
    assert!(m.error && m.text.contains("kept as"), "{}", m.text);
    assert_eq!(app.current_article().unwrap().path, app.articles[0].path);
    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("session.json.damaged-"))
        .collect();
    assert_eq!(kept.len(), 1);

    // Saving on quit writes a good file, which the next start restores.
    render(&mut app, 100, 30);
    keys(&mut app, "jj<Enter>");
    let open = app.current_article().unwrap().path.clone();
    let mut err = Vec::new();
    place.save(&app, &mut err);
    assert!(err.is_empty());
    let mut again = demo_app();
    remember::open(&global, &[], &mut again).unwrap();
    assert!(again.message.is_none());
    assert_eq!(again.current_article().unwrap().path, open);
    assert_eq!(again.focus, PaneId::Reader);
}

#[test]
fn opening_a_hit_the_filter_hides_clears_the_filter() {
    let mut app = demo_app();
    render(&mut app, 100, 30);
    keys(&mut app, "fnpr<Enter>");
    assert_eq!(app.collection.listing.order.len(), 1);
    keys(&mut app, "FBridget<Enter>");
    finish(&mut app);
    keys(&mut app, "<Enter>");
    assert!(app.collection.filter.is_empty());
    assert_eq!(app.collection.listing.order.len(), 5);
    assert!(app.current_article().unwrap().text.contains("Bridget"));
    assert_eq!(
        app.message.as_ref().unwrap().text,
        "Filter cleared to show the article"
    );
    // select_article says no for an index that is not there.
    assert!(!app.select_article(99));
}

#[test]
fn a_file_changed_during_the_load_is_listed_once_as_the_watcher_read_it() {
    let mut app = App::new(Vec::new(), Options::default());
    app.start_loading();
    render(&mut app, 100, 30);
    app.update(Msg::Watch(WatchEvent::Loaded {
        path: "feed/a.txt".into(),
        articles: vec![art("feed/a.txt", "Alpha\n\nNew text.")],
        problems: vec![],
    }));
    app.update(Msg::Watch(WatchEvent::Removed {
        path: "feed/gone.txt".into(),
    }));
    // The loader read both before they changed.
    app.update(Msg::Load(article::LoadEvent::Loaded(vec![
        art("feed/a.txt", "Alpha\n\nOld text."),
        art("feed/b.txt", "Beta\n\nText."),
        art("feed/gone.txt", "Gone\n\nText."),
    ])));
    app.update(Msg::Load(article::LoadEvent::Done));
    let paths: Vec<&str> = app.articles.iter().map(|a| a.path.as_str()).collect();
    assert_eq!(paths, ["feed/a.txt", "feed/b.txt"]);
    assert!(app.articles[0].text.contains("New text"));
}

#[test]
fn session_keeps_label_toggles_and_the_chosen_diff_version() {
    let dir = tempfile::tempdir().unwrap();
    let store = copydesk::collection::SessionStore::new(dir.path());
    let key = copydesk::collection::collection_key(true, &[]);
    let mut app = demo_app();
    app.run_work();
    render(&mut app, 120, 40);
    // ORG and DATE off; diff on the selected article, the next version chosen with v.
    keys(&mut app, "25D");
    let base = app.diff.base.clone();
    let first = app.diff.other.clone();
    keys(&mut app, "v");
    let chosen = app.diff.other.clone();
    assert_ne!(chosen, first);
    keys(&mut app, "D");
    assert!(!app.diff.open);
    store.save(&key, &app.session()).unwrap();

    let mut again = demo_app();
    again.run_work();
    again.restore(store.load(&key).0.unwrap());
    render(&mut again, 120, 40);
    assert_eq!(again.entities.on, [true, false, true, true, false, true]);
    assert_eq!(again.current_article().unwrap().path, base);
    keys(&mut again, "D");
    assert!(again.diff.open);
    assert_eq!(again.diff.base, base);
    assert_eq!(again.diff.other, chosen);

    // Without a remembered choice, D takes the story's original as before.
    let mut fresh = demo_app();
    fresh.run_work();
    render(&mut fresh, 120, 40);
    keys(&mut fresh, "D");
    assert_eq!(fresh.diff.other, first);
}

#[test]
fn folding_a_story_leaves_its_original_as_one_row() {
    let mut app = demo_app();
    app.run_work();
    render(&mut app, 100, 40);
    let all = shown_paths(&app);
    let story = app.stories.stories[0].clone();
    assert_eq!(story.members.len(), 5);
    let original = app.articles[story.original].file_name().to_string();
    // Select a version that is not the original, then fold.
    let other = story
        .members
        .iter()
        .copied()
        .find(|&i| i != story.original)
        .unwrap();
    assert!(app.select_article(other));
    keys(&mut app, "z");
    let folded = shown_paths(&app);
    // NPR's own report is independent: folding leaves it in view beside the original.
    let npr = story
        .members
        .iter()
        .copied()
        .find(|&i| app.articles[i].file_name().starts_with("003_npr"))
        .unwrap();
    assert_eq!(story.independent, [npr]);
    assert_eq!(folded.len(), all.len() - 3, "{folded:?}");
    assert_eq!(app.current_article().unwrap().file_name(), original);
    for &m in &story.members {
        let name = app.articles[m].file_name().to_string();
        assert_eq!(folded.contains(&name), m == story.original || m == npr, "{name}");
    }
    // j/k move over the rows shown: never onto a hidden version.
    keys(&mut app, "gjjjjjjjjjjkkkkkkkkkk");
    let mut seen = vec![];
    keys(&mut app, "g");
    for _ in 0..folded.len() + 2 {
        seen.push(app.current_article().unwrap().file_name().to_string());
        keys(&mut app, "j");
    }
    assert!(seen.iter().all(|n| folded.contains(n)), "{seen:?}");
    let buf = render(&mut app, 100, 40);
    let side = sidebar_text(buf.backend().buffer());
    assert!(side.contains("+3 "), "{side}");
    insta::assert_snapshot!("sidebar_story_folded", side);

    // The fold is remembered: a new app folds the story again once stories are grouped.
    let s = app.session();
    assert!(s.folded.contains(&app.articles[story.original].path));
    let mut again = demo_app();
    again.restore(s);
    again.run_work();
    render(&mut again, 100, 40);
    assert_eq!(shown_paths(&again), folded);
    assert_eq!(
        again.current_article().unwrap().file_name(),
        app.current_article().unwrap().file_name()
    );

    // Unfolding brings every version back, the selection still on the original.
    keys(&mut app, "g");
    let row = shown_paths(&app).iter().position(|n| *n == original).unwrap();
    for _ in 0..row {
        keys(&mut app, "j");
    }
    keys(&mut app, "z");
    assert_eq!(shown_paths(&app), all);
    assert_eq!(app.current_article().unwrap().file_name(), original);

    // Opening a hidden version another way unfolds its story.
    keys(&mut app, "z");
    assert_eq!(shown_paths(&app).len(), all.len() - 3);
    assert!(app.select_article(other));
    assert_eq!(shown_paths(&app), all);
    assert_eq!(app.current_index(), Some(other));
}

/// Issue 12, item 3: a version that appears in a watched folder joins its story, and one that
/// goes leaves it, through a background regroup (no key regroups).
#[test]
fn watched_versions_join_and_leave_their_story() {
    let mut demo = article::demo::articles();
    let nbc = demo.pop().expect("five demo articles");
    assert!(nbc.file_name().starts_with("004_nbc"));
    let nbc_path = nbc.path.clone();
    let mut app = App::new(demo, Options::default());
    app.run_work();
    assert_eq!(app.stories.stories.len(), 1);
    assert_eq!(app.stories.stories[0].members.len(), 4);

    app.update(Msg::Watch(WatchEvent::Loaded {
        path: nbc_path.clone(),
        articles: vec![nbc],
        problems: vec![],
    }));
    // Until the regroup answers, no stale story is shown.
    assert!(app.stories.stories.is_empty());
    app.run_work();
    assert_eq!(app.stories.stories.len(), 1);
    let st = &app.stories.stories[0];
    let at = app.articles.iter().position(|a| a.path == nbc_path).unwrap();
    assert!(st.members.contains(&at), "{st:?}");
    assert_eq!(st.members.len(), 5);
    let t = render(&mut app, 100, 30);
    assert!(sidebar_text(t.backend().buffer()).contains("1 story"));

    // Two changes in a burst ask for one more grouping, not one each.
    let cut = app.articles[0].path.clone();
    app.update(Msg::Watch(WatchEvent::Removed { path: cut.clone() }));
    app.update(Msg::Watch(WatchEvent::Removed {
        path: nbc_path.clone(),
    }));
    let work = app.take_work();
    assert_eq!(work.len(), 1, "one grouping under way for the burst");
    for w in work {
        let answer = w.run_with(&|_| {});
        app.update(answer);
    }
    // The answer was for the list before the second change: dropped, and one more asked for.
    assert!(app.stories.stories.is_empty());
    app.run_work();
    assert_eq!(app.stories.stories.len(), 1);
    assert_eq!(app.stories.stories[0].members.len(), 3);
    assert!(app.articles.iter().all(|a| a.path != cut && a.path != nbc_path));
}
