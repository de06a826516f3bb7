//! Finding article files under the paths a user gives, and reading each into articles.
//! PROVISIONAL: plain UTF-8 text only; the loader work adds formats, decoding and sniffing.

use std::path::{Path, PathBuf};

use super::{Article, Meta, build};

/// A file found under a command-line argument, with the path to show for it.
#[derive(Debug, Clone)]
pub struct Source {
    pub fs_path: PathBuf,
    pub display: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
}

/// Progress and results of a load, for callers that show them as they come (the TUI).
#[derive(Debug)]
pub enum LoadEvent {
    Found(usize),
    Loaded(Vec<Article>),
    Problem(LoadError),
    Done,
}

/// Expands arguments (files or folders) into the files to read, and problems met on the way.
pub fn discover(args: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for a in args {
        walk(a, &a.to_string_lossy(), &mut out, &mut problems);
    }
    (out, problems)
}

fn walk(p: &Path, display: &str, out: &mut Vec<Source>, problems: &mut Vec<LoadError>) {
    if p.is_dir() {
        match std::fs::read_dir(p) {
            Ok(rd) => {
                let mut names: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
                names.sort();
                for n in names {
                    let ns = n.to_string_lossy();
                    if ns.starts_with('.') {
                        continue;
                    }
                    walk(
                        &p.join(&n),
                        &format!("{}/{}", display.trim_end_matches('/'), ns),
                        out,
                        problems,
                    );
                }
            }
            Err(e) => problems.push(LoadError::File {
                path: display.into(),
                message: e.to_string(),
            }),
        }
    } else {
        out.push(Source {
            fs_path: p.to_path_buf(),
            display: display.to_string(),
        });
    }
}

/// Reads one file into its articles (several for a JSON-lines file).
pub fn load_source(src: &Source) -> Result<Vec<Article>, LoadError> {
    let bytes = std::fs::read(&src.fs_path).map_err(|e| LoadError::File {
        path: src.display.clone(),
        message: e.to_string(),
    })?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(vec![build(
        &src.display,
        text,
        "UTF-8",
        Meta::default(),
        Vec::new(),
    )])
}

/// Loads everything under `args`: the articles in argument order, and the problems met.
pub fn load_paths(args: &[PathBuf]) -> (Vec<Article>, Vec<LoadError>) {
    let (sources, mut problems) = discover(args);
    let mut articles = Vec::new();
    for s in &sources {
        match load_source(s) {
            Ok(mut a) => articles.append(&mut a),
            Err(e) => problems.push(e),
        }
    }
    (articles, problems)
}

/// Loads everything under `args`, sending events as articles arrive: `Found(n)` once the files
/// are known, `Loaded`/`Problem` per file (in any order, files are read in parallel), `Done` last.
/// Blocks until done; the TUI runs it on a thread of its own. Stops early if the receiver is gone.
pub fn load_streaming(args: &[PathBuf], tx: &std::sync::mpsc::Sender<LoadEvent>) {
    use rayon::prelude::*;
    let (sources, problems) = discover(args);
    if tx.send(LoadEvent::Found(sources.len())).is_err() {
        return;
    }
    for p in problems {
        let _ = tx.send(LoadEvent::Problem(p));
    }
    sources.par_iter().for_each_with(tx.clone(), |tx, s| {
        let ev = match load_source(s) {
            Ok(a) => LoadEvent::Loaded(a),
            Err(e) => LoadEvent::Problem(e),
        };
        let _ = tx.send(ev);
    });
    let _ = tx.send(LoadEvent::Done);
}
