//! The diff pane, the coverage view and the story-grouped sidebar, driven through the keymap and
//! `App::update` and drawn on ratatui's `TestBackend` (insta snapshots at 120×40).

use copydesk::article;
use copydesk::tui::app::PaneId;
use copydesk::tui::diffrows::RowOp;
use copydesk::tui::panes::diff;
use copydesk::tui::{App, Msg, Options};
use ratatui::style::{Color, Modifier};

mod common;
use common::{keys, mouse, render, screen_text};

/// The demo at 120×40, in the colourless theme when `no_color` is set.
fn demo_app(no_color: bool) -> App {
    common::demo_app_at(no_color, 120, 40)
}

fn other_name(app: &App) -> &str {
    app.diff.other.rsplit('/').next().unwrap()
}

fn base_name(app: &App) -> &str {
    app.diff.base.rsplit('/').next().unwrap()
}

/// Selects the demo article whose file name starts with `prefix`.
fn select(app: &mut App, prefix: &str) {
    let i = app
        .articles
        .iter()
        .position(|a| a.file_name().starts_with(prefix))
        .unwrap();
    app.sidebar.selected = i;
    app.update(Msg::Resize(120, 40));
}

/// The demo with its stories grouped (as the background work would), 002 selected, diff open.
fn diff_on(prefix: &str, no_color: bool) -> App {
    let mut app = demo_app(no_color);
    app.run_work();
    select(&mut app, prefix);
    keys(&mut app, "D");
    app
}

#[test]
fn open_cycle_swap_and_close() {
    let mut app = diff_on("002", false);
    assert!(app.diff.open);
    assert_eq!(app.focus, PaneId::Diff);
    assert_eq!(base_name(&app), "002_cbs-ap-full_806fb89b356b963d.txt");
    assert!(other_name(&app).starts_with("000"), "{}", other_name(&app));
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("version 1 of 4 others in this story")
    );
    keys(&mut app, "v");
    assert!(other_name(&app).starts_with("001"));
    keys(&mut app, "vv");
    assert!(other_name(&app).starts_with("004"), "002 itself is skipped");
    keys(&mut app, "v");
    assert!(other_name(&app).starts_with("000"), "wraps around");
    keys(&mut app, "V");
    assert!(other_name(&app).starts_with("004"));
    keys(&mut app, "V");
    keys(&mut app, "VV");
    assert!(other_name(&app).starts_with("000"));
    // Swap: 000 against 002 is the other way round, an extension.
    keys(&mut app, "s");
    assert!(base_name(&app).starts_with("000") && other_name(&app).starts_with("002"));
    let (a, b) = diff::current_pair(&app).unwrap();
    let c = app.diff.comparison(a, b).unwrap();
    assert_eq!(c.summary.relation.name(), "extended");
    let rows = diff::row_texts(&app);
    assert!(rows.iter().any(|r| r.0 == RowOp::Added) && !rows.iter().any(|r| r.0 == RowOp::Removed));
    // Esc closes, back to the sidebar; the reader still shows 002, whatever the pane swapped.
    keys(&mut app, "<Esc>");
    assert!(!app.diff.open);
    assert_eq!(app.focus, PaneId::Sidebar);
    assert!(app.current_article().unwrap().file_name().starts_with("002"));
    // D toggles too.
    keys(&mut app, "D");
    assert!(app.diff.open);
    keys(&mut app, "D");
    assert!(!app.diff.open);
}

#[test]
fn swap_belongs_to_the_diff_pane() {
    // Issue 12: CBS, D, v to another version, s, Esc used to leave that version in the reader.
    let mut app = diff_on("002", false);
    keys(&mut app, "v");
    let other = other_name(&app).to_string();
    assert!(!other.starts_with("002"));
    keys(&mut app, "s");
    assert_eq!(base_name(&app), other, "the pane swapped");
    keys(&mut app, "<Esc>");
    assert!(!app.diff.open);
    let shown = app.current_article().unwrap().file_name().to_string();
    assert!(shown.starts_with("002"), "the reader shows {shown}");
    let t = render(&mut app, 120, 40);
    assert!(screen_text(t.backend().buffer()).contains("CBS"));
}

#[test]
fn next_change_skips_same_rows_and_comes_back() {
    let mut app = diff_on("002", false);
    let rows = diff::row_texts(&app);
    assert!(rows.iter().any(|r| r.0 == RowOp::Same));
    let mut visited = vec![app.diff.cursor];
    for _ in 0..6 {
        let before = app.diff.cursor;
        keys(&mut app, "n");
        let after = app.diff.cursor;
        assert!(after > before, "n moves down");
        assert_ne!(rows[after].0, RowOp::Same);
        assert!(
            rows[before + 1..after].iter().all(|r| r.0 == RowOp::Same),
            "skipped a change between {before} and {after}"
        );
        visited.push(after);
    }
    // Some same rows were jumped over.
    assert!(visited.windows(2).any(|w| w[1] > w[0] + 1), "{visited:?}");
    keys(&mut app, "N");
    assert_eq!(app.diff.cursor, visited[visited.len() - 2]);
    // The cursor row is in view and marked.
    let t = render(&mut app, 120, 40);
    assert!(screen_text(t.backend().buffer()).contains('▶'));
    // G then n: nothing below.
    keys(&mut app, "G");
    let bottom = app.diff.scroll;
    assert!(bottom > 0);
    let last_change = rows.iter().rposition(|r| r.0 != RowOp::Same).unwrap();
    for _ in 0..rows.len() {
        keys(&mut app, "n");
    }
    assert_eq!(app.diff.cursor, last_change);
    assert_eq!(app.message.as_ref().unwrap().text, "No more changes below");
}

/// The bottom border's counter: " change 3/88 · 40% ".
fn counter(app: &mut App) -> String {
    let t = render(app, 120, 40);
    let buf = t.backend().buffer();
    let b = diff::area(app).unwrap();
    common::row_text(buf, b.bottom() - 1)
}

#[test]
fn n_brings_the_whole_change_into_view_and_the_counter_follows_the_view() {
    for prefix in ["002", "004"] {
        let mut app = diff_on(prefix, false);
        let height = diff::body(&app).unwrap().height as usize;
        let (n, total) = {
            let l = app.diff.layout().unwrap();
            (l.rows.len(), l.total_lines())
        };
        let change_rows: Vec<usize> = diff::row_texts(&app)
            .iter()
            .enumerate()
            .filter(|(_, r)| r.0 != RowOp::Same)
            .map(|(i, _)| i)
            .collect();
        let changes = change_rows.len();
        let mut seen = 0;
        loop {
            let before = app.diff.cursor;
            keys(&mut app, "n");
            if app.diff.cursor == before && seen > 0 {
                break;
            }
            seen += 1;
            let l = app.diff.layout().unwrap();
            let i = app.diff.cursor;
            let start = l.row_line(i);
            let end = if i + 1 < n {
                l.row_line(i + 1) - usize::from(l.rows[i + 1].gap)
            } else {
                total
            };
            let (top, h) = (app.diff.scroll, height);
            assert!(
                start >= top && (end <= top + h || end - start > h),
                "{prefix}: change at row {i} (lines {start}..{end}) not all in view {top}..{}",
                top + h
            );
            let k = change_rows.iter().position(|&r| r == i).unwrap() + 1;
            let c = counter(&mut app);
            assert!(c.contains(&format!("change {k}/{changes}")), "{prefix}: {c}");
        }
        assert_eq!(
            app.diff.cursor,
            *change_rows.last().unwrap(),
            "{prefix}: n reaches the last"
        );
        assert!(seen >= changes - 1, "{prefix}: n visits every change");
        // G straight after opening: the counter names a change at the bottom, not the one
        // left at the top.
        let mut app = diff_on(prefix, false);
        keys(&mut app, "G");
        let c = counter(&mut app);
        assert!(c.contains("· 100%"), "{c}");
        let l = app.diff.layout().unwrap();
        let last_change = (0..n).rev().find(|&i| l.rows[i].op.is_change()).unwrap();
        assert!(
            l.row_line(last_change) >= app.diff.scroll,
            "the demo's last change is at the end"
        );
        assert!(
            c.contains(&format!("change {changes}/{changes}")),
            "{prefix}: {c}"
        );
        assert_eq!(app.diff.cursor, last_change);
        assert!(!c.contains("change 1/"), "{prefix}: {c}");
        // g: back to the first.
        keys(&mut app, "g");
        let c = counter(&mut app);
        assert!(
            c.contains(&format!("change 1/{changes} · 0%"))
                || c.contains(&format!(" {changes} changes · 0%")),
            "{prefix}: {c}"
        );
    }
}

#[test]
fn toggles_and_scrolling_never_compare_again() {
    let mut app = diff_on("002", false);
    assert_eq!(app.diff.computed, 1);
    keys(&mut app, "jjjj<PgDn><Down>kG g");
    let t = render(&mut app, 120, 40);
    drop(t);
    assert_eq!(app.diff.computed, 1, "scrolling and drawing reuse the comparison");
    keys(&mut app, "i");
    assert!(app.diff.inline);
    let rows = diff::row_texts(&app);
    assert!(rows.iter().all(|r| r.2.is_empty()), "one column inline");
    assert!(rows.iter().any(|r| r.1.starts_with("[-")));
    keys(&mut app, "i");
    assert!(!app.diff.inline);
    assert_eq!(app.diff.computed, 1);
    keys(&mut app, "c");
    assert!(app.diff.coverage);
    let cov = app.diff.coverage_view.as_ref().unwrap();
    assert_eq!(cov.others.len(), 4);
    assert_eq!(cov.coverage.units.len(), cov.coverage.carried.len());
    keys(&mut app, "c");
    assert!(!app.diff.coverage);
    keys(&mut app, "b");
    assert!(app.diff.include_boilerplate);
    assert_eq!(app.diff.computed, 2, "boilerplate included is another comparison");
    keys(&mut app, "b");
    assert_eq!(app.diff.computed, 2, "and back is cached");
    // The rows with boilerplate compared hold the caption that is otherwise left out.
    keys(&mut app, "b");
    let with: String = diff::row_texts(&app).iter().map(|r| r.1.clone()).collect();
    keys(&mut app, "b");
    let without: String = diff::row_texts(&app).iter().map(|r| r.1.clone()).collect();
    assert!(with.contains("Watch CBS News") && !without.contains("Watch CBS News"));
}

#[test]
fn side_by_side_002_vs_000() {
    let mut app = diff_on("002", false);
    let t = render(&mut app, 120, 40);
    let text = screen_text(t.backend().buffer());
    assert!(
        text.contains("cut · 44% of base in other · 100% of other in base"),
        "{text}"
    );
    insta::assert_snapshot!(t.backend());
}

#[test]
fn side_by_side_002_vs_004_marks_edited_words() {
    let mut app = diff_on("002", false);
    while !other_name(&app).starts_with("004") {
        keys(&mut app, "v");
    }
    // To the first edited row.
    let rows = diff::row_texts(&app);
    let edited = rows.iter().position(|r| r.0 == RowOp::Edited).unwrap();
    while app.diff.cursor != edited {
        keys(&mut app, "n");
    }
    let t = render(&mut app, 120, 40);
    insta::assert_snapshot!(t.backend());
    let buf = t.backend().buffer();
    let mid = 60;
    let mut struck = Vec::new();
    let mut under = Vec::new();
    for y in 0..40 {
        for x in 0..120 {
            let c = &buf[(x, y)];
            if c.modifier.contains(Modifier::CROSSED_OUT) {
                assert!(x < mid, "deleted words are in the left column");
                struck.push(c.symbol().to_string());
            }
            if c.modifier.contains(Modifier::UNDERLINED) {
                assert!(x > mid, "inserted words are in the right column");
                under.push(c.symbol().to_string());
            }
        }
    }
    assert!(!struck.is_empty() && !under.is_empty());
    // What is struck is deleted text of the edited rows, not whole sentences.
    let (a, b) = diff::current_pair(&app).unwrap();
    let c = app.diff.comparison(a, b).unwrap();
    let deleted: String = c
        .segments
        .iter()
        .flat_map(|s| s.changes.iter())
        .filter(|ch| ch.op == copydesk::compare::ChangeOp::Delete)
        .filter_map(|ch| ch.a.clone())
        .map(|r| a.text[r].replace(' ', ""))
        .collect();
    let struck: String = struck.concat().replace(' ', "");
    assert!(
        struck.chars().all(|ch| deleted.contains(ch)),
        "{struck} not in {deleted}"
    );
    // The row's style: edited rows are yellow, inserted words green.
    let (x, y) = (0..40)
        .flat_map(|y| (0..120).map(move |x| (x, y)))
        .find(|&(x, y)| buf[(x, y)].modifier.contains(Modifier::UNDERLINED))
        .unwrap();
    assert_eq!(buf[(x, y)].fg, Color::LightGreen);
}

#[test]
fn inline_002_vs_000() {
    let mut app = diff_on("002", false);
    keys(&mut app, "i");
    let t = render(&mut app, 120, 40);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("[-Putin accuses U.S. and NATO allies"), "{text}");
    insta::assert_snapshot!(t.backend());
}

#[test]
fn coverage_of_002() {
    let mut app = diff_on("002", false);
    keys(&mut app, "c");
    let t = render(&mut app, 120, 40);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("heat  A B C D"), "{text}");
    insta::assert_snapshot!(t.backend());
    // Scrolling to the end and back up moves at once (the offset stays in range).
    keys(&mut app, "G");
    let bottom = app.diff.coverage_scroll;
    assert!(bottom > 0 && bottom < 1000, "{bottom}");
    keys(&mut app, "k");
    assert_eq!(app.diff.coverage_scroll, bottom - 1);
    keys(&mut app, "g");
    // The heat of each sentence is the number of its ✓ ~ ↕ marks.
    let cov = &app.diff.coverage_view.as_ref().unwrap().coverage;
    for (s, h) in cov.heat().iter().enumerate() {
        assert_eq!(*h, cov.carried[s].iter().flatten().count());
    }
    // 000 (column A) is a cut of 002: every sentence it carries, it carries unchanged.
    assert!(
        cov.carried
            .iter()
            .filter_map(|r| r[0].as_ref())
            .all(|c| c.op == copydesk::compare::SegOp::Same)
    );
}

/// A story of `n` versions: demo 002 and copies of it, each with its own last line (so each is
/// its own article), grouped as the background work would.
fn big_story(n: usize) -> App {
    let base = article::demo::articles()
        .into_iter()
        .find(|a| a.file_name().starts_with("002"))
        .unwrap();
    let mut arts = vec![base.clone()];
    for i in 1..n {
        let text = format!(
            "{}\n\nCopy {i} of the story, filed again.\n",
            base.text.trim_end()
        );
        let path = format!("big/{i:03}_cbs-copy.txt");
        arts.push(article::build(
            &path,
            text,
            "UTF-8",
            article::Meta::default(),
            Vec::new(),
        ));
    }
    let mut app = App::new(arts, Options::default());
    app.update(Msg::Resize(120, 40));
    app.run_work();
    app
}

#[test]
fn coverage_of_a_story_of_any_size_scrolls_its_columns_and_counts_them_all() {
    let n = 40;
    let mut app = big_story(n);
    select(&mut app, "002");
    keys(&mut app, "Dc");
    assert!(app.diff.coverage);
    let t = render(&mut app, 120, 40);
    let text = screen_text(t.backend().buffer());
    let others = n - 1;
    let v = app.diff.coverage_view.as_ref().unwrap();
    assert_eq!(v.others.len(), others, "a column for every other version");
    assert!(v.columns < others, "not all fit at 120 columns: {}", v.columns);
    // True counts: every copy carries every sentence of 002.
    let sentences = v.coverage.units.len();
    assert!(
        text.contains(&format!("in all {others} other versions: {sentences}")),
        "{text}"
    );
    assert!(text.contains(&format!("{others}/{others}")), "{text}");
    // Two-letter labels past Z, and a word on the columns not shown.
    assert!(text.contains("heat  AA AB AC"), "{text}");
    assert!(
        text.contains("versions AA–") && text.contains(&format!("of {others} (h/l for more)")),
        "{text}"
    );
    assert!(text.contains(" ▶─") && !text.contains("heat ◀"), "{text}");
    // l scrolls to the right until the last column shows; h comes back.
    let last = copydesk::tui::panes::coverage::label(others - 1, others);
    assert_eq!(last, "BM");
    for _ in 0..others {
        keys(&mut app, "l");
    }
    let text = screen_text(render(&mut app, 120, 40).backend().buffer());
    assert!(
        text.contains(&format!(" {last} ─")) && text.contains("heat ◀"),
        "{text}"
    );
    assert!(text.contains(&format!("–{last} of {others}")), "{text}");
    keys(&mut app, "<Left>");
    assert!(app.diff.coverage_column > 0);
    for _ in 0..others {
        keys(&mut app, "h");
    }
    assert_eq!(app.diff.coverage_column, 0);
    // Narrow and tiny screens draw without panic, a column at least.
    keys(&mut app, "llll");
    for (w, h) in [(60, 20), (40, 10), (20, 5)] {
        render(&mut app, w, h);
    }
}

#[test]
fn sidebar_groups_the_story() {
    let mut app = demo_app(false);
    let before = screen_text(render(&mut app, 120, 40).backend().buffer());
    assert!(!before.contains('★'), "not grouped until the work is done");
    assert_eq!(app.work.len(), 1);
    app.run_work();
    assert!(app.stories.ready);
    select(&mut app, "003");
    let t = render(&mut app, 120, 40);
    insta::assert_snapshot!(t.backend());
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("1 story"));
    assert!(text.contains("★ Putin accuses"), "the original, 002, is starred");
    // j/k move over articles.
    keys(&mut app, "k");
    assert!(app.current_article().unwrap().file_name().starts_with("002"));
    keys(&mut app, "jj");
    assert!(app.current_article().unwrap().file_name().starts_with("004"));
}

#[test]
fn stale_grouping_is_dropped() {
    let mut app = demo_app(false);
    let work = app.take_work();
    // An article arrives before the answer: the answer is about another list.
    let extra = article::build(
        "extra.txt",
        "A council vote on parking fees.".into(),
        "UTF-8",
        article::Meta::default(),
        Vec::new(),
    );
    app.update(Msg::Load(article::LoadEvent::Loaded(vec![extra])));
    for w in work {
        let m = w.run();
        app.update(m);
    }
    assert!(!app.stories.ready);
    app.update(Msg::Load(article::LoadEvent::Done));
    app.run_work();
    assert!(app.stories.ready);
    assert_eq!(app.stories.stories.len(), 1);
    assert_eq!(
        app.articles.last().unwrap().path,
        "extra.txt",
        "unrelated after the story"
    );
}

#[test]
fn an_article_in_no_story_cycles_through_all() {
    let mut articles = article::demo::articles();
    articles.push(article::build(
        "zoning.txt",
        "The city council approved new zoning rules for the harbour district on Thursday.".into(),
        "UTF-8",
        article::Meta::default(),
        Vec::new(),
    ));
    let mut app = App::new(articles, Options::default());
    app.update(Msg::Resize(120, 40));
    app.run_work();
    select(&mut app, "zoning");
    keys(&mut app, "D");
    assert!(app.diff.open);
    let msg = &app.message.as_ref().unwrap().text;
    assert!(msg.contains("No other version of this story"), "{msg}");
    let mut seen = std::collections::HashSet::new();
    for _ in 0..5 {
        seen.insert(app.diff.other.clone());
        keys(&mut app, "v");
    }
    assert_eq!(seen.len(), 5, "every other article in turn");
    let t = render(&mut app, 120, 40);
    assert!(screen_text(t.backend().buffer()).contains("independent"));
}

#[test]
fn no_color_markers_carry_the_ops() {
    let mut app = diff_on("002", true);
    while !other_name(&app).starts_with("004") {
        keys(&mut app, "v");
    }
    let t = render(&mut app, 120, 40);
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    // Each row's first line has its sign: − left for removed, + right for added, ~ both sides
    // for edited; unchanged rows have none.
    let layout = app.diff.layout().unwrap();
    let body_y = 1 + diff::HEADER;
    let mut checked = std::collections::HashSet::new();
    // Inside the border: cursor, sign, space, the left column, " │ ", then the right sign.
    let right_sign = (1 + 3 + diff::text_width(&app, 118) + 3) as u16;
    for y in body_y..38 {
        let line = app.diff.scroll + (y - body_y) as usize;
        let Some((ri, k)) = layout.row_at(line) else {
            continue;
        };
        let row = &layout.rows[ri];
        if k != usize::from(row.gap) {
            continue;
        }
        let (left, right) = (buf[(2, y)].symbol(), buf[(right_sign, y)].symbol());
        match row.op {
            RowOp::Removed => assert_eq!((left, right), ("−", " ")),
            RowOp::Added => assert_eq!((left, right), (" ", "+")),
            RowOp::Edited => assert_eq!((left, right), ("~", "~")),
            RowOp::Same => assert_eq!((left, right), (" ", " ")),
            RowOp::MovedIn | RowOp::MovedOut => assert_eq!((left, right), ("↕", "↕")),
        }
        checked.insert(row.op);
    }
    assert!(
        checked.contains(&RowOp::Removed) && checked.contains(&RowOp::Edited),
        "{checked:?}"
    );
    // Changed words still stand out without colour.
    assert!(
        buf.content()
            .iter()
            .any(|c| c.modifier.contains(Modifier::CROSSED_OUT))
    );
    // Inline, the brackets carry them.
    keys(&mut app, "i");
    let text = screen_text(render(&mut app, 120, 40).backend().buffer());
    assert!(text.contains("[-") && text.contains("{+"), "{text}");
}

#[test]
fn mouse_wheel_scrolls_the_diff_and_tiny_screens_do_not_panic() {
    let mut app = diff_on("002", false);
    mouse(&mut app, crossterm::event::MouseEventKind::ScrollDown, 50, 10);
    assert_eq!(app.diff.scroll, 3);
    for (w, h) in [(0, 0), (20, 5), (40, 10), (41, 11), (60, 12), (300, 100)] {
        render(&mut app, w, h);
        keys(&mut app, "nNjGvscibc");
        render(&mut app, w, h);
    }
    keys(&mut app, "?");
    render(&mut app, 120, 40);
}

mod props {
    use super::*;
    use proptest::prelude::*;

    const KEYS: &[&str] = &[
        "D", "j", "k", "G", "g", " ", "<PgDn>", "n", "N", "v", "V", "s", "i", "c", "b", "<Esc>", "<Tab>", "?",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// Any keys in and out of the diff pane, at any size, never panic, and leave the pane's
        /// scroll and cursor inside its rows.
        #[test]
        fn any_diff_keys_at_any_size(
            seq in proptest::collection::vec(0..KEYS.len(), 0..30),
            w in 0u16..140, h in 0u16..50,
        ) {
            let mut app = demo_app(false);
            app.run_work();
            render(&mut app, w, h);
            for k in &seq {
                keys(&mut app, KEYS[*k]);
            }
            render(&mut app, w, h);
            prop_assert!(app.sidebar.selected < app.articles.len());
            if app.diff.open && let Some(l) = app.diff.layout() {
                prop_assert!(app.diff.cursor < l.rows.len().max(1));
                prop_assert!(app.diff.scroll <= l.total_lines());
            }
        }
    }
}

#[test]
fn the_diff_pane_hides_the_entity_panel_under_it() {
    let mut app = demo_app(false);
    app.run_work();
    select(&mut app, "002");
    keys(&mut app, "E");
    copydesk::tui::analysis::run_now(&mut app);
    let before = screen_text(render(&mut app, 120, 40).backend().buffer());
    assert!(
        before.contains("Entities ("),
        "the entity panel is open: {before}"
    );
    keys(&mut app, "D");
    assert!(app.diff.open);
    let text = screen_text(render(&mut app, 120, 40).backend().buffer());
    assert!(text.contains("Compare · side by side"), "{text}");
    assert!(
        !text.contains("Entities ("),
        "nothing draws over the diff pane: {text}"
    );
}
