//! The mouse: a click selects an article and focuses the pane it lands in, the wheel scrolls,
//! and dragging the border between the sidebar and the reader resizes the sidebar.

use copydesk::article;
use copydesk::tui::app::PaneId;
use copydesk::tui::draw::SidebarWidth;
use copydesk::tui::{App, Msg, Options};
use crossterm::event::{MouseButton, MouseEventKind};

mod common;
use common::mouse;

fn app() -> App {
    common::demo_app_at(false, 100, 30)
}

const LEFT: MouseButton = MouseButton::Left;

#[test]
fn dragging_the_border_resizes_the_sidebar_and_rewraps_the_reader() {
    let mut app = app();
    let g = app.geometry().unwrap();
    assert_eq!(g.sidebar.width, 30);
    let body_before = g.body.width;
    let border = g.sidebar.right() - 1;
    mouse(&mut app, MouseEventKind::Down(LEFT), border, 10);
    mouse(&mut app, MouseEventKind::Drag(LEFT), 44, 12);
    mouse(&mut app, MouseEventKind::Up(LEFT), 44, 12);
    let g = app.geometry().unwrap();
    assert_eq!(app.sidebar_width, SidebarWidth::Columns(45));
    assert_eq!((g.sidebar.width, g.reader.x), (45, 45));
    assert!(g.body.width < body_before, "{:?}", g.body);
    // The press on the border neither moved focus nor the selection.
    assert_eq!(app.focus, PaneId::Sidebar);
    assert_eq!(app.sidebar.selected, 0);

    // Dragged too far either way, both panes keep some room.
    mouse(&mut app, MouseEventKind::Down(LEFT), 45, 5);
    mouse(&mut app, MouseEventKind::Drag(LEFT), 99, 5);
    assert_eq!(app.geometry().unwrap().reader.width, 20);
    mouse(&mut app, MouseEventKind::Drag(LEFT), 0, 5);
    assert_eq!(app.geometry().unwrap().sidebar.width, 10);
    mouse(&mut app, MouseEventKind::Up(LEFT), 0, 5);

    // Once released, dragging elsewhere does nothing to the width.
    mouse(&mut app, MouseEventKind::Drag(LEFT), 60, 5);
    assert_eq!(app.geometry().unwrap().sidebar.width, 10);
}

#[test]
fn a_drag_that_starts_inside_a_pane_does_not_resize() {
    let mut app = app();
    mouse(&mut app, MouseEventKind::Down(LEFT), 60, 10);
    mouse(&mut app, MouseEventKind::Drag(LEFT), 70, 10);
    mouse(&mut app, MouseEventKind::Up(LEFT), 70, 10);
    assert_eq!(app.sidebar_width, SidebarWidth::Auto);
    assert_eq!(app.focus, PaneId::Reader);
}

#[test]
fn clicks_focus_panes_and_select_articles_after_a_resize() {
    let mut app = app();
    mouse(&mut app, MouseEventKind::Down(LEFT), 45, 3);
    mouse(&mut app, MouseEventKind::Up(LEFT), 45, 3);
    mouse(&mut app, MouseEventKind::Drag(LEFT), 45, 3);
    // Not a border drag: the sidebar is 30 wide, so column 45 is in the reader.
    assert_eq!(app.focus, PaneId::Reader);
    mouse(&mut app, MouseEventKind::Down(LEFT), 29, 3);
    mouse(&mut app, MouseEventKind::Drag(LEFT), 50, 3);
    mouse(&mut app, MouseEventKind::Up(LEFT), 50, 3);
    // Now the sidebar reaches column 50: a click at 45 selects the third article (rows 1-2 are
    // the first, 3-4 the second, 5-6 the third) and focuses the sidebar.
    mouse(&mut app, MouseEventKind::Down(LEFT), 45, 5);
    assert_eq!(app.focus, PaneId::Sidebar);
    assert_eq!(app.sidebar.selected, 2);
    // The wheel over the reader scrolls it.
    let before = app.reader.scroll;
    mouse(&mut app, MouseEventKind::ScrollDown, 80, 10);
    assert!(app.reader.scroll > before);
}

proptest::proptest! {
    /// Any mouse events, anywhere, at any terminal size, never panic.
    #[test]
    fn any_mouse_events_at_any_size(
        w in 0u16..300,
        h in 0u16..100,
        events in proptest::collection::vec((0u8..6, proptest::num::u16::ANY, proptest::num::u16::ANY), 0..30),
    ) {
        let mut app = App::new(article::demo::articles(), Options::default());
        app.update(Msg::Resize(w, h));
        for (kind, column, row) in events {
            let kind = match kind {
                0 => MouseEventKind::Down(LEFT),
                1 => MouseEventKind::Drag(LEFT),
                2 => MouseEventKind::Up(LEFT),
                3 => MouseEventKind::ScrollDown,
                4 => MouseEventKind::ScrollUp,
                _ => MouseEventKind::Moved,
            };
            mouse(&mut app, kind, column, row);
        }
        if let Some(g) = app.geometry() {
            proptest::prop_assert!(g.sidebar.width + g.reader.width == w);
        }
    }
}
