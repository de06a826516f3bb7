//! Memory of the reader on a large folder, measured: loads the folders given as the app does
//! (the streaming loader on a thread, its batches through `App::update`), runs the background
//! work the app asks for (story grouping on threads, entity analysis on rayon) until nothing is
//! left, draws a frame, and prints the process's peak and current resident memory (`VmHWM`,
//! `VmRSS` from /proc/self/status, Linux) and how long the UI thread spent in `update`.
//!
//! `cargo run --release --example large_folder -- DIR...`

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use copydesk::article::{self, LoadEvent};
use copydesk::tui::analysis::Runner;
use copydesk::tui::{App, Msg, Options, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// `VmHWM` and `VmRSS` in MB, or zeros where /proc is not there.
fn memory() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kb("VmHWM:") / 1024.0, kb("VmRSS:") / 1024.0)
}

fn main() {
    let paths: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: large_folder DIR...");
        std::process::exit(2);
    }
    let start = Instant::now();
    let mut app = App::new(Vec::new(), Options::default());
    app.update(Msg::Resize(120, 40));
    app.start_loading();
    let (tx, events) = mpsc::channel();
    let loader = std::thread::spawn(move || article::load_streaming(&paths, &tx));
    let (work_tx, work_rx) = mpsc::channel::<(Msg, bool)>();
    let mut working = 0usize;
    let mut analyser = Runner::default();
    let mut on_ui = Duration::ZERO;
    let mut slowest = (Duration::ZERO, String::new());
    let mut timed = |app: &mut App, msg: Msg| {
        let what = match &msg {
            Msg::Load(LoadEvent::Loaded(v)) => format!("Loaded({})", v.len()),
            Msg::Load(LoadEvent::Done) => "Load(Done)".into(),
            Msg::Stories(_) => "Stories".into(),
            Msg::Analysed(a) => format!("Analysed({})", a.results.len()),
            _ => "other".into(),
        };
        let t = Instant::now();
        app.update(msg);
        let took = t.elapsed();
        on_ui += took;
        if took > slowest.0 {
            slowest = (took, what);
        }
    };
    let mut loaded = false;
    loop {
        while let Ok(ev) = events.try_recv() {
            loaded |= matches!(ev, LoadEvent::Done);
            timed(&mut app, Msg::Load(ev));
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
            working -= usize::from(answer);
            timed(&mut app, msg);
        }
        analyser.start(app.analyses.take_jobs());
        while let Some(msg) = analyser.try_recv() {
            timed(&mut app, msg);
        }
        if loaded && working == 0 && !analyser.busy() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = loader.join();
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    term.draw(|f| draw(f, &app)).expect("draw");
    let text: usize = app.articles.iter().map(|a| a.text.len()).sum();
    let (hwm, rss) = memory();
    println!(
        "{} articles, {:.1} MB of text, {} stories; {:.1} s",
        app.articles.len(),
        text as f64 / 1e6,
        app.stories.stories.len(),
        start.elapsed().as_secs_f64()
    );
    println!(
        "UI thread in update: {:.0} ms in all, slowest {} at {:.0} ms",
        on_ui.as_secs_f64() * 1e3,
        slowest.1,
        slowest.0.as_secs_f64() * 1e3
    );
    println!("peak resident (VmHWM) {hwm:.0} MB, resident now (VmRSS) {rss:.0} MB");
    // Not dropped: under heaptrack, what the app holds then shows as "leaked".
    std::mem::forget(app);
}
