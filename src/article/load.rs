//! Finding article files under the paths a user gives, and reading each into articles: discovery
//! (recursive, hidden entries skipped, symlink loops caught), reading through a substitutable
//! [`FileReader`], binary detection, decoding, format reading, and parallel loading.

use std::collections::HashSet;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::decode::{self, binary_reason};
use super::formats::{self, Format};
use super::{Article, build};

/// Files are read up to this size; the rest is left out with a warning. 64 MiB holds any article
/// and a large feed, and keeps a stray disk image from taking the machine's memory.
pub const MAX_FILE_BYTES: u64 = 64 << 20;

/// How much of a file without a known extension is read first, to see if it is text at all.
const SNIFF_BYTES: u64 = 8192;

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

impl LoadError {
    fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        LoadError::File {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The path the problem is about, as displayed.
    pub fn path(&self) -> &str {
        match self {
            LoadError::File { path, .. } => path,
        }
    }
}

/// Progress and results of a load, for callers that show them as they come (the TUI).
#[derive(Debug)]
pub enum LoadEvent {
    Found(usize),
    Loaded(Vec<Article>),
    Problem(LoadError),
    Done,
}

/// Reads files. The loader goes through this so tests can inject read errors (running as root,
/// permissions cannot make a file unreadable).
pub trait FileReader: Sync {
    /// Reads at most `limit` bytes of the file.
    fn read(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>>;
}

/// The real file system.
#[derive(Debug, Clone, Copy, Default)]
pub struct Disk;

impl FileReader for Disk {
    fn read(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        let f = std::fs::File::open(path)?;
        let mut buf = Vec::new();
        f.take(limit).read_to_end(&mut buf)?;
        Ok(buf)
    }
}

/// Expands arguments (files or folders) into the files to read, and problems met on the way.
/// Folders are walked recursively in name order; entries whose names start with a dot are
/// skipped; a symbolic link back to a folder being walked is reported as a loop.
/// Whether `p` is there to read: a file that opens or a folder that lists, or the problem (named
/// by `p` as given). Nothing under a folder is looked at: this is the check made before the
/// reader takes the screen, so it stays quick on a big folder.
pub fn reachable(p: &Path) -> Result<(), LoadError> {
    let display = p.to_string_lossy();
    let fail = |e: std::io::Error| LoadError::new(display.as_ref(), io_message(&e));
    let meta = std::fs::metadata(p).map_err(fail)?;
    if meta.is_dir() {
        std::fs::read_dir(p).map_err(fail)?;
    } else {
        std::fs::File::open(p).map_err(fail)?;
    }
    Ok(())
}

pub fn discover(args: &[PathBuf]) -> (Vec<Source>, Vec<LoadError>) {
    let mut walk = Walk::default();
    for a in args {
        walk.visit(a, &a.to_string_lossy(), &mut Vec::new());
    }
    (walk.out, walk.problems)
}

#[derive(Default)]
struct Walk {
    out: Vec<Source>,
    problems: Vec<LoadError>,
    /// Canonical folders already walked: one reached twice (two arguments, or a link to a
    /// sibling) is walked once.
    seen: HashSet<PathBuf>,
}

impl Walk {
    /// `ancestors` are the canonical folders on the way down to `p`.
    fn visit(&mut self, p: &Path, display: &str, ancestors: &mut Vec<PathBuf>) {
        let link_meta = match std::fs::symlink_metadata(p) {
            Ok(m) => m,
            Err(e) => return self.problems.push(LoadError::new(display, io_message(&e))),
        };
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) if link_meta.file_type().is_symlink() => {
                // ELOOP: 40 on Linux, 62 on macOS and the BSDs (its ErrorKind is not stable yet).
                let why = if matches!(e.raw_os_error(), Some(40 | 62)) {
                    "symbolic link loop, skipped".to_string()
                } else {
                    format!("broken symbolic link ({}), skipped", io_message(&e))
                };
                return self.problems.push(LoadError::new(display, why));
            }
            Err(e) => return self.problems.push(LoadError::new(display, io_message(&e))),
        };
        if meta.is_file() {
            self.out.push(Source {
                fs_path: p.to_path_buf(),
                display: display.to_string(),
            });
            return;
        }
        if !meta.is_dir() {
            return self
                .problems
                .push(LoadError::new(display, "not a regular file or folder, skipped"));
        }
        let canon = match std::fs::canonicalize(p) {
            Ok(c) => c,
            Err(e) => return self.problems.push(LoadError::new(display, io_message(&e))),
        };
        if ancestors.contains(&canon) {
            return self.problems.push(LoadError::new(
                display,
                "symbolic link loop (leads back to a folder being read), skipped",
            ));
        }
        if !self.seen.insert(canon.clone()) {
            return;
        }
        let entries = match std::fs::read_dir(p) {
            Ok(rd) => rd,
            Err(e) => return self.problems.push(LoadError::new(display, io_message(&e))),
        };
        let mut names = Vec::new();
        for e in entries {
            match e {
                Ok(e) => names.push(e.file_name()),
                Err(e) => self.problems.push(LoadError::new(display, io_message(&e))),
            }
        }
        names.sort();
        ancestors.push(canon);
        let base = display.trim_end_matches('/');
        for n in names {
            let ns = n.to_string_lossy();
            if ns.starts_with('.') {
                continue;
            }
            let child = if base.is_empty() {
                format!("/{ns}")
            } else {
                format!("{base}/{ns}")
            };
            self.visit(&p.join(&n), &child, ancestors);
        }
        ancestors.pop();
    }
}

/// An I/O error as a message, without Rust's "(os error N)" suffix.
fn io_message(e: &std::io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_lowercase(),
        None => s,
    }
}

/// Reads one file into its articles (several for a JSON-lines file). Problems with single lines
/// of a JSON-lines file are not returned here; [`read_source`] returns them.
pub fn load_source(src: &Source) -> Result<Vec<Article>, LoadError> {
    let (articles, mut problems) = read_source(src, &Disk);
    if articles.is_empty() && !problems.is_empty() {
        return Err(problems.swap_remove(0));
    }
    Ok(articles)
}

/// Reads one file into its articles and the problems met (a file it cannot read, a binary, an
/// empty file, bad lines of a JSON-lines file).
pub fn read_source(src: &Source, reader: &dyn FileReader) -> (Vec<Article>, Vec<LoadError>) {
    let known = Format::from_path(&src.fs_path);
    let fail = |m: String| (Vec::new(), vec![LoadError::new(&src.display, m)]);
    if known.is_none() {
        // Look at the head before reading the whole of what may be a large binary.
        match reader.read(&src.fs_path, SNIFF_BYTES) {
            Ok(head) => {
                if let Some(why) = binary_reason(&head) {
                    return fail(why);
                }
            }
            Err(e) => return fail(io_message(&e)),
        }
    }
    let mut bytes = match reader.read(&src.fs_path, MAX_FILE_BYTES + 1) {
        Ok(b) => b,
        Err(e) => return fail(io_message(&e)),
    };
    let mut warnings = Vec::new();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        bytes.truncate(MAX_FILE_BYTES as usize);
        warnings.push(format!(
            "file is larger than {} MiB; only its first {} MiB were read",
            MAX_FILE_BYTES >> 20,
            MAX_FILE_BYTES >> 20
        ));
    }
    load_bytes(&src.display, &bytes, known, warnings)
}

/// Decodes, reads the format of and builds the articles in one file's bytes. `format` is `None`
/// for a file whose name says nothing (it is sniffed). `warnings` are those met while reading;
/// the only one today is the size cap's, and when there is one a final U+FFFD is taken for a
/// character cut by the cap rather than damage. Used for files, the demo and benchmarks.
pub fn load_bytes(
    display: &str,
    bytes: &[u8],
    format: Option<Format>,
    mut warnings: Vec<String>,
) -> (Vec<Article>, Vec<LoadError>) {
    let fail = |m: &str| (Vec::new(), vec![LoadError::new(display, m)]);
    if bytes.is_empty() {
        return fail("empty file, skipped");
    }
    if let Some(why) = binary_reason(bytes) {
        return fail(&why);
    }
    let mut d = decode::decode(bytes);
    if !warnings.is_empty() && d.text.ends_with('\u{FFFD}') && d.replaced > 0 {
        // The cut at the size limit split a character; that is not damage in the file.
        d.text.pop();
        d.replaced -= 1;
    }
    if d.replaced > 0 {
        warnings.push(format!(
            "{} invalid byte sequence{} replaced with U+FFFD while decoding as {}",
            d.replaced,
            if d.replaced == 1 { "" } else { "s" },
            d.encoding
        ));
    }
    if d.text.trim().is_empty() {
        return fail("no text (the file holds only white space), skipped");
    }
    let format = format.unwrap_or_else(|| {
        let f = formats::sniff(&d.text);
        if f != Format::Text {
            warnings.push(format!("no known extension; read as {}", f.name()));
        }
        f
    });
    let read = match formats::read(format, d.text) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let mut problems: Vec<LoadError> = read
        .problems
        .into_iter()
        .map(|(line, m)| LoadError::new(format!("{display}#{line}"), m))
        .collect();
    let mut articles = Vec::with_capacity(read.pieces.len());
    for p in read.pieces {
        let path = match p.line {
            Some(l) => format!("{display}#{l}"),
            None => display.to_string(),
        };
        if p.text.trim().is_empty() {
            problems.push(LoadError::new(path, "no text, skipped"));
            continue;
        }
        let mut w = warnings.clone();
        w.extend(p.warnings);
        articles.push(build(&path, p.text, d.encoding, p.meta, w));
    }
    (articles, problems)
}

/// Loads everything under `args`: the articles in argument order, and the problems met.
pub fn load_paths(args: &[PathBuf]) -> (Vec<Article>, Vec<LoadError>) {
    load_paths_with(args, &Disk)
}

/// [`load_paths`] reading through `reader`. Files are read in parallel; the order of the result
/// is the order of discovery.
pub fn load_paths_with(args: &[PathBuf], reader: &dyn FileReader) -> (Vec<Article>, Vec<LoadError>) {
    use rayon::prelude::*;
    let (sources, mut problems) = discover(args);
    let results: Vec<_> = sources.par_iter().map(|s| read_source(s, reader)).collect();
    let mut articles = Vec::new();
    for (mut a, mut p) in results {
        articles.append(&mut a);
        problems.append(&mut p);
    }
    (articles, problems)
}

/// Loads everything under `args`, sending events as articles arrive: `Found(n)` once the files
/// are known, `Loaded` batches and `Problem`s as files are read (in any order, files are read in
/// parallel), `Done` last. Batches are small at first and at most 64 files, so a large folder
/// shows its first articles at once and the receiver is not flooded with events.
/// Blocks until done; the TUI runs it on a thread of its own. Stops early if the receiver is gone.
pub fn load_streaming(args: &[PathBuf], tx: &std::sync::mpsc::Sender<LoadEvent>) {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicBool, Ordering};
    let (sources, problems) = discover(args);
    if tx.send(LoadEvent::Found(sources.len())).is_err() {
        return;
    }
    for p in problems {
        let _ = tx.send(LoadEvent::Problem(p));
    }
    let threads = rayon::current_num_threads().max(1);
    let batch = (sources.len() / (threads * 16)).clamp(1, 64);
    let gone = AtomicBool::new(false);
    sources.par_chunks(batch).for_each_with(tx.clone(), |tx, chunk| {
        if gone.load(Ordering::Relaxed) {
            return;
        }
        let mut articles = Vec::new();
        for s in chunk {
            let (mut a, p) = read_source(s, &Disk);
            articles.append(&mut a);
            for p in p {
                if tx.send(LoadEvent::Problem(p)).is_err() {
                    gone.store(true, Ordering::Relaxed);
                }
            }
        }
        if !articles.is_empty() && tx.send(LoadEvent::Loaded(articles)).is_err() {
            gone.store(true, Ordering::Relaxed);
        }
    });
    let _ = tx.send(LoadEvent::Done);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_whitespace_and_binary_are_problems() {
        assert_eq!(
            load_bytes("e.txt", b"", None, vec![]).1[0].to_string(),
            "e.txt: empty file, skipped"
        );
        assert!(
            load_bytes("w.txt", b" \r\n\t ", None, vec![]).1[0]
                .to_string()
                .contains("only white space")
        );
        assert!(
            load_bytes("b.bin", b"\x7fELF\x02\x01\x01\0\0\0", None, vec![]).1[0]
                .to_string()
                .contains("binary")
        );
    }

    #[test]
    fn replaced_bytes_are_counted_in_a_warning() {
        let (a, _) = load_bytes(
            "u.txt",
            "Orb\u{e1}n \u{2014} "
                .as_bytes()
                .iter()
                .chain(b"\xff ok.")
                .copied()
                .collect::<Vec<_>>()
                .as_slice(),
            Some(Format::Text),
            vec![],
        );
        assert_eq!(
            a[0].warnings,
            ["1 invalid byte sequence replaced with U+FFFD while decoding as UTF-8"]
        );
    }
}
