//! The event loop: owns the terminal, feeds keys, mouse, resizes and loading events to
//! `App::update`, and draws after each change. The terminal is restored on quit, on error and
//! on panic.

use std::io;
use std::panic::PanicHookInfo;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::Context as _;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use ratatui::DefaultTerminal;

use super::app::{App, Msg};
use super::clipboard;
use super::draw::draw;
use super::persist;
use crate::article::LoadEvent;
use crate::collection::WatchEvent;

/// A load running on a thread of its own: its events, and the thread, joined when the events end
/// so that a loader that died is reported rather than left "Loading…" for ever.
pub struct Background {
    pub events: Receiver<LoadEvent>,
    pub thread: Option<JoinHandle<()>>,
}

impl Background {
    /// Runs `load` on a new thread, giving it the sending end of the events channel.
    pub fn spawn(load: impl FnOnce(std::sync::mpsc::Sender<LoadEvent>) + Send + 'static) -> Background {
        let (tx, rx) = std::sync::mpsc::channel();
        Background {
            events: rx,
            thread: Some(std::thread::spawn(move || load(tx))),
        }
    }
}

type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static>;

/// Runs the app until it quits, feeding it the events of `background`.
pub fn run(app: &mut App, background: Option<Background>) -> anyhow::Result<()> {
    run_with(app, background, None, None)
}

/// Called now and then while the app runs (every [`AUTOSAVE_EVERY`]), to keep state on disk
/// should the process be killed.
pub type Autosave<'a> = &'a mut dyn FnMut(&App);

pub const AUTOSAVE_EVERY: Duration = Duration::from_secs(15);

/// [`run`], also feeding it the changes a folder watch reports and calling `autosave`.
pub fn run_with(
    app: &mut App,
    background: Option<Background>,
    watch: Option<Receiver<WatchEvent>>,
    autosave: Option<Autosave<'_>>,
) -> anyhow::Result<()> {
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
    // ratatui's hook (installed by try_init) restores the screen; mouse capture is ours to undo.
    // A panic on a loader thread must not restore the terminal under the running UI, nor print
    // over it: that thread is joined by the event loop, which reports its failure in the UI.
    let ui_thread = std::thread::current().id();
    let previous: Arc<Hook> = Arc::new(std::panic::take_hook());
    let chained = Arc::clone(&previous);
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui_thread {
            let _ = execute!(io::stdout(), DisableMouseCapture);
            chained(info);
        }
    }));
    let _ = execute!(io::stdout(), EnableMouseCapture);
    let result = event_loop(&mut terminal, app, background, watch, autosave);
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    // Back to a hook that reports panics from every thread, now that the screen is the shell's.
    std::panic::set_hook(Box::new(move |info| previous(info)));
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    mut background: Option<Background>,
    watch: Option<Receiver<WatchEvent>>,
    mut autosave: Option<Autosave<'_>>,
) -> anyhow::Result<()> {
    let mut dirty = true;
    // Answers of work the app asked for (story grouping, fetching), computed on threads of
    // their own, with `true` for an answer and `false` for progress on the way.
    let (work_tx, work_rx) = std::sync::mpsc::channel::<(Msg, bool)>();
    let mut working = 0usize;
    let mut saved_at = std::time::Instant::now();
    let mut analyser = super::analysis::Runner::default();
    loop {
        if let Some(save) = &mut autosave
            && saved_at.elapsed() >= AUTOSAVE_EVERY
        {
            save(app);
            saved_at = std::time::Instant::now();
        }
        if let Some(rx) = &watch {
            while let Ok(ev) = rx.try_recv() {
                app.update(Msg::Watch(ev));
                dirty = true;
            }
        }
        for w in app.take_work() {
            let tx = work_tx.clone();
            working += 1;
            std::thread::spawn(move || {
                let progress = tx.clone();
                let answer = w.run_with(&move |m| {
                    let _ = progress.send((m, false));
                });
                let _ = tx.send((answer, true));
            });
        }
        while let Ok((msg, answer)) = work_rx.try_recv() {
            if answer {
                working = working.saturating_sub(1);
            }
            app.update(msg);
            dirty = true;
        }
        // One step of a search across every article a frame, so keys stay answered.
        if app.busy() {
            app.update(Msg::Tick);
            dirty = true;
        }
        let size = terminal.size()?;
        if (size.width, size.height) != app.size {
            app.update(Msg::Resize(size.width, size.height));
            dirty = true;
        }
        // Take everything the loader has sent; each event is cheap (a push), so a burst of ten
        // thousand is handled between two frames without starving the keys.
        if let Some(bg) = &mut background {
            loop {
                match bg.events.try_recv() {
                    Ok(ev) => {
                        app.update(Msg::Load(ev));
                        dirty = true;
                    }
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        let failure = match bg.thread.take().map(JoinHandle::join) {
                            Some(Err(panic)) => Some(panic_message(panic.as_ref())),
                            _ if app.loading.active => Some("the loader stopped before the end".into()),
                            _ => None,
                        };
                        if let Some(reason) = failure {
                            app.update(Msg::LoadFailed(reason));
                        }
                        background = None;
                        dirty = true;
                        break;
                    }
                }
            }
        }
        // Entity analysis runs on rayon's pool; `update` only queues it and takes the results.
        analyser.start(app.analyses.take_jobs());
        while let Some(msg) = analyser.try_recv() {
            app.update(msg);
            dirty = true;
        }
        // Notes reach the disk here, after the change that made them, not inside `update`.
        if persist::tick(app, std::time::Instant::now()) {
            dirty = true;
        }
        if dirty {
            terminal.draw(|f| draw(f, app))?;
            dirty = false;
        }
        if let Some(text) = app.collection.clipboard.take() {
            use std::io::Write as _;
            let mut out = io::stdout();
            // Best effort: a terminal without OSC 52 ignores it; nothing else can be done.
            let _ = out.write_all(clipboard::osc52(&text).as_bytes());
            let _ = out.flush();
        }
        if app.quit {
            return Ok(());
        }
        // Wake often while loading so progress shows; otherwise sleep until input.
        let timeout = if app.busy() {
            Duration::ZERO
        } else if analyser.busy() {
            Duration::from_millis(20)
        } else if background.is_some() || working > 0 {
            Duration::from_millis(50)
        } else {
            Duration::from_millis(500)
        };
        let timeout = persist::wake_in(app, std::time::Instant::now()).map_or(timeout, |w| w.min(timeout));
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

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    format!("the loader failed: {what}")
}
