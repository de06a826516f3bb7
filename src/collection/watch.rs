//! Watching the folders and files a collection was opened from (the `notify` crate): files
//! added, changed and removed are read again through the loader on the watcher's own thread and
//! arrive as [`WatchEvent`]s with the paths the loader would have given them.
//!
//! Bursts are gathered for [`QUIET`] before anything is read, so an editor's save (write,
//! rename, chmod) is read once. Names starting with a dot are left out, as the loader leaves them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use notify::event::{CreateKind, ModifyKind};
use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher as _};

use crate::article::{self, Article, Disk, LoadError, Source};

/// How long the watcher waits for a burst of changes to end before reading.
pub const QUIET: Duration = Duration::from_millis(150);

#[derive(Debug)]
pub enum WatchEvent {
    /// A file was added or changed: its articles as they are now (a JSON-lines file gives
    /// several, all with paths `PATH#LINE`), and the problems met reading it. Replaces whatever
    /// was loaded from `path` before.
    Loaded {
        path: String,
        articles: Vec<Article>,
        problems: Vec<LoadError>,
    },
    /// A file or folder is gone: every article at `path`, `path#LINE` or under `path/`.
    Removed { path: String },
    /// Watching stopped working (e.g. the system's limit of watches was reached).
    Failed(String),
}

impl WatchEvent {
    /// True when an article path belongs to a file or folder at `path`.
    pub fn covers(path: &str, article_path: &str) -> bool {
        article_path == path
            || article_path
                .strip_prefix(path)
                .is_some_and(|rest| rest.starts_with('#') || rest.starts_with('/'))
    }
}

/// A root being watched: its canonical path, and the path shown for it.
#[derive(Debug, Clone)]
struct Root {
    canon: PathBuf,
    display: String,
    is_file: bool,
}

impl Root {
    /// The display path of a file under this root, or `None` when it is not under it (or is
    /// hidden).
    fn display_of(&self, p: &Path) -> Option<String> {
        if self.is_file {
            return (p == self.canon).then(|| self.display.clone());
        }
        let rest = p.strip_prefix(&self.canon).ok()?;
        let mut out = self.display.trim_end_matches('/').to_string();
        let mut any = false;
        for c in rest.components() {
            let c = c.as_os_str().to_string_lossy();
            if c.starts_with('.') {
                return None;
            }
            out.push('/');
            out.push_str(&c);
            any = true;
        }
        any.then_some(out)
    }
}

/// A running watch; dropping it stops watching.
pub struct Watch {
    _watcher: RecommendedWatcher,
    _thread: JoinHandle<()>,
}

impl std::fmt::Debug for Watch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Watch")
    }
}

/// Starts watching `args` (files or folders, as given on the command line), sending events to
/// `tx`. Paths that cannot be watched are reported in the returned messages; watching the rest
/// goes on. Errs only when the system gives no watcher at all.
pub fn watch(args: &[PathBuf], tx: Sender<WatchEvent>) -> Result<(Watch, Vec<String>), String> {
    let (raw_tx, raw_rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |res| {
        let _ = raw_tx.send(res);
    })
    .map_err(|e| format!("cannot watch for changes: {e}"))?;
    let mut roots = Vec::new();
    let mut messages = Vec::new();
    for a in args {
        let display = a.to_string_lossy().into_owned();
        let canon = match std::fs::canonicalize(a) {
            Ok(c) => c,
            Err(e) => {
                messages.push(format!("{display}: not watched for changes ({e})"));
                continue;
            }
        };
        let is_file = canon.is_file();
        // A single file is watched through its folder, so an editor that saves by renaming a
        // new file over it is still seen.
        let (target, mode) = match (is_file, canon.parent()) {
            (true, Some(parent)) => (parent.to_path_buf(), RecursiveMode::NonRecursive),
            _ => (canon.clone(), RecursiveMode::Recursive),
        };
        match watcher.watch(&target, mode) {
            Ok(()) => roots.push(Root {
                canon,
                display,
                is_file,
            }),
            Err(e) => messages.push(format!("{display}: not watched for changes ({e})")),
        }
    }
    let thread = std::thread::spawn(move || run(&roots, &raw_rx, &tx));
    Ok((
        Watch {
            _watcher: watcher,
            _thread: thread,
        },
        messages,
    ))
}

type Raw = notify::Result<notify::Event>;

/// What a burst of raw events asks for, per path: whether a folder there is new.
fn gather(first: Raw, rx: &Receiver<Raw>, tx: &Sender<WatchEvent>) -> Option<BTreeMap<PathBuf, bool>> {
    let mut paths = BTreeMap::new();
    let mut add = |res: Raw| match res {
        Ok(ev) => {
            if matches!(ev.kind, EventKind::Access(_)) {
                return true;
            }
            let new_folder = matches!(
                ev.kind,
                EventKind::Create(CreateKind::Folder | CreateKind::Any)
                    | EventKind::Modify(ModifyKind::Name(_))
            );
            for p in ev.paths {
                *paths.entry(p).or_insert(false) |= new_folder;
            }
            true
        }
        Err(e) => tx.send(WatchEvent::Failed(e.to_string())).is_ok(),
    };
    if !add(first) {
        return None;
    }
    loop {
        match rx.recv_timeout(QUIET) {
            Ok(res) => {
                if !add(res) {
                    return None;
                }
            }
            Err(RecvTimeoutError::Timeout) => return Some(paths),
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

fn run(roots: &[Root], rx: &Receiver<Raw>, tx: &Sender<WatchEvent>) {
    while let Ok(first) = rx.recv() {
        let Some(paths) = gather(first, rx, tx) else {
            return;
        };
        for (p, new_folder) in paths {
            let Some(display) = roots.iter().find_map(|r| r.display_of(&p)) else {
                continue;
            };
            let events = match std::fs::metadata(&p) {
                Err(_) => vec![WatchEvent::Removed { path: display }],
                Ok(m) if m.is_file() => {
                    let (articles, problems) = article::read_source(
                        &Source {
                            fs_path: p.clone(),
                            display: display.clone(),
                        },
                        &Disk,
                    );
                    vec![WatchEvent::Loaded {
                        path: display,
                        articles,
                        problems,
                    }]
                }
                Ok(m) if m.is_dir() && new_folder => load_folder(&p, &display),
                Ok(_) => vec![],
            };
            for ev in events {
                if tx.send(ev).is_err() {
                    return;
                }
            }
        }
    }
}

/// Every file of a folder that appeared (moved in, or made with files already in it).
fn load_folder(p: &Path, display: &str) -> Vec<WatchEvent> {
    let (sources, problems) = article::discover(&[p.to_path_buf()]);
    let prefix = p.to_string_lossy().into_owned();
    let mut out: Vec<WatchEvent> = sources
        .into_iter()
        .map(|mut s| {
            if let Some(rest) = s.display.strip_prefix(&prefix) {
                s.display = format!("{display}{rest}");
            }
            let (articles, problems) = article::read_source(&s, &Disk);
            WatchEvent::Loaded {
                path: s.display,
                articles,
                problems,
            }
        })
        .collect();
    if !problems.is_empty() {
        out.push(WatchEvent::Loaded {
            path: display.to_string(),
            articles: vec![],
            problems,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// Waits up to five seconds for an event that `want` accepts, skipping others.
    fn wait_for(rx: &Receiver<WatchEvent>, want: impl Fn(&WatchEvent) -> bool) -> WatchEvent {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(ev) if want(&ev) => return ev,
                Ok(_) => {}
                Err(e) => panic!("no event in 5 s: {e}"),
            }
        }
    }

    #[test]
    fn sees_files_added_changed_and_removed() {
        let dir = tempfile::tempdir().unwrap();
        let arg = dir.path().join("feed");
        std::fs::create_dir(&arg).unwrap();
        let (tx, rx) = mpsc::channel();
        let (_w, msgs) = watch(std::slice::from_ref(&arg), tx).unwrap();
        assert!(msgs.is_empty(), "{msgs:?}");
        let shown = format!("{}/story.txt", arg.display());

        std::fs::write(arg.join("story.txt"), "Kyiv talks\n\nLeaders met on Tuesday.").unwrap();
        let is_loaded =
            |ev: &WatchEvent| matches!(ev, WatchEvent::Loaded { articles, .. } if !articles.is_empty());
        match wait_for(&rx, is_loaded) {
            WatchEvent::Loaded { path, articles, .. } => {
                assert_eq!(path, shown);
                assert_eq!(articles[0].path, shown);
                assert!(articles[0].text.contains("Tuesday"));
            }
            other => panic!("{other:?}"),
        }

        std::fs::write(
            arg.join("story.txt"),
            "Kyiv talks\n\nLeaders met again on Friday.",
        )
        .unwrap();
        let changed = |ev: &WatchEvent| matches!(ev, WatchEvent::Loaded { articles, .. } if articles.iter().any(|a| a.text.contains("Friday")));
        wait_for(&rx, changed);

        // Hidden files are not articles.
        std::fs::write(arg.join(".story.txt.swp"), "x").unwrap();
        std::fs::remove_file(arg.join("story.txt")).unwrap();
        match wait_for(&rx, |ev| matches!(ev, WatchEvent::Removed { .. })) {
            WatchEvent::Removed { path } => assert_eq!(path, shown),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn paths_under_a_root_keep_the_given_form() {
        let r = Root {
            canon: PathBuf::from("/data/feed"),
            display: "feed/".into(),
            is_file: false,
        };
        assert_eq!(
            r.display_of(Path::new("/data/feed/a/b.txt")).as_deref(),
            Some("feed/a/b.txt")
        );
        assert_eq!(r.display_of(Path::new("/data/feed/.git/x")), None);
        assert_eq!(r.display_of(Path::new("/data/other.txt")), None);
        assert!(WatchEvent::covers("feed/a.jsonl", "feed/a.jsonl#3"));
        assert!(WatchEvent::covers("feed/a", "feed/a/b.txt"));
        assert!(!WatchEvent::covers("feed/a", "feed/ab.txt"));
    }
}
