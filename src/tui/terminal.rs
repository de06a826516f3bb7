//! The event loop: owns the terminal, feeds keys, mouse, resizes and loading events to
//! `App::update`, and draws after each change. The terminal is restored on quit, on error and
//! on panic.

use std::io;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use anyhow::Context as _;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;

use super::app::{App, Msg};
use super::draw::draw;
use crate::article::LoadEvent;

/// Runs the app until it quits. `loads` delivers the background loader's events.
pub fn run(app: &mut App, loads: Option<Receiver<LoadEvent>>) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!("the reader needs a terminal; for scripts, use `copydesk list --json PATH...`");
    }
    let mut terminal = match ratatui::try_init() {
        Ok(t) => t,
        Err(e) => {
            // Undo whatever part of the set-up did happen (raw mode, alternate screen).
            ratatui::restore();
            return Err(e).context("could not set up the terminal");
        }
    };
    // ratatui's hook restores the screen; mouse capture is ours to undo, before it runs.
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        previous(info);
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, app, loads);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut loads: Option<Receiver<LoadEvent>>,
) -> anyhow::Result<()> {
    let mut dirty = true;
    loop {
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.update(Msg::Resize(size.width, size.height));
            dirty = true;
        }
        // Take everything the loader has sent; each event is cheap (a push), so a burst of ten
        // thousand is handled between two frames without starving the keys.
        if let Some(rx) = &loads {
            loop {
                match rx.try_recv() {
                    Ok(ev) => {
                        app.update(Msg::Load(ev));
                        dirty = true;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        loads = None;
                        break;
                    }
                }
            }
        }
        if dirty {
            terminal.draw(|f| draw(f, app))?;
            dirty = false;
        }
        if app.quit {
            return Ok(());
        }
        // Wake often while loading so progress shows; otherwise sleep until input.
        let timeout = if loads.is_some() {
            Duration::from_millis(50)
        } else {
            Duration::from_millis(500)
        };
        if event::poll(timeout)? {
            // Handle every pending input before drawing again, so held keys do not lag.
            loop {
                match event::read()? {
                    Event::Key(k) if matches!(k.kind, KeyEventKind::Press | KeyEventKind::Repeat) => {
                        app.handle_key(k);
                        dirty = true;
                    }
                    Event::Mouse(m) => {
                        app.update(Msg::Mouse(m));
                        dirty = true;
                    }
                    Event::Resize(w, h) => {
                        app.update(Msg::Resize(w, h));
                        dirty = true;
                    }
                    _ => {}
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
    }
}
