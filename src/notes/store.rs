//! Keeping notes on disk: `notes.json` in the data directory, saved atomically, merged by note id
//! under a lock so that two copydesk processes lose nothing, a damaged file moved aside (never
//! overwritten), and a failed save kept in memory and retried.

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use tempfile::NamedTempFile;

use super::anchor::{self, Home, Placement};
use super::model::{FORMAT_VERSION, Note, NotesFile, Tombstone, later_than};
use crate::article::Article;

/// The notes file's name in the data directory.
pub const FILE_NAME: &str = "notes.json";
/// The lock file beside it, held while a save re-reads, merges and writes.
pub const LOCK_NAME: &str = "notes.json.lock";
/// The environment variable naming the data directory (below `--data-dir` in priority).
pub const ENV_DATA_DIR: &str = "COPYDESK_DATA_DIR";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "no data directory for notes: the system gave no home directory; use --data-dir or {ENV_DATA_DIR}"
    )]
    NoDataDir,
    #[error("could not save notes to {}: {source}; the notes are kept in memory and saving will be retried", path.display())]
    Save { path: PathBuf, source: io::Error },
    #[error("{} is damaged ({problem}) and could not be moved aside ({source}); it will not be overwritten, so notes are kept in memory only", path.display())]
    Damaged {
        path: PathBuf,
        problem: String,
        source: io::Error,
    },
    #[error("no note with id {0}")]
    NoSuchNote(String),
    #[error("{0} is the start of several note ids; give more of it")]
    AmbiguousId(String),
}

/// Every filesystem operation the store makes, so tests can make one fail (a read-only
/// directory, a full disk, a crash between writing and renaming) — tests run as root, where
/// file modes stop nothing. The provided methods are the real operations.
pub trait Disk: Send + Sync {
    fn create_dir_all(&self, dir: &Path) -> io::Result<()> {
        fs::create_dir_all(dir)
    }
    /// Opens (creating) the lock file and takes an exclusive lock; the lock lasts until the file
    /// is dropped.
    fn lock(&self, path: &Path) -> io::Result<File> {
        let f = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(path)?;
        f.lock()?;
        Ok(f)
    }
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }
    /// A temporary file in `dir`, so the final rename stays on one filesystem and is atomic.
    fn temp_in(&self, dir: &Path) -> io::Result<NamedTempFile> {
        tempfile::Builder::new()
            .prefix(".notes.json.")
            .suffix(".tmp")
            .tempfile_in(dir)
    }
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)?;
        file.flush()
    }
    fn sync(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }
    /// Renames the temporary file over `to`, then syncs the directory so the rename itself
    /// survives a power cut (best effort: not every platform can sync a directory).
    fn rename(&self, temp: NamedTempFile, to: &Path) -> io::Result<()> {
        temp.persist(to).map_err(|e| e.error)?;
        if let Some(dir) = to.parent()
            && let Ok(d) = File::open(dir)
        {
            let _ = d.sync_all();
        }
        Ok(())
    }
    /// Moves `from` to `to` without ever replacing an existing `to`.
    fn move_aside(&self, from: &Path, to: &Path) -> io::Result<()> {
        // A hard link fails when `to` exists, which makes "never overwrite" race-free; where
        // links are not possible (a directory, some filesystems) fall back to a checked rename.
        match fs::hard_link(from, to) {
            Ok(()) => fs::remove_file(from),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
            Err(_) if to.symlink_metadata().is_ok() => {
                Err(io::Error::new(io::ErrorKind::AlreadyExists, "target exists"))
            }
            Err(_) => fs::rename(from, to),
        }
    }
}

/// The real filesystem.
#[derive(Debug, Clone, Copy, Default)]
pub struct RealDisk;
impl Disk for RealDisk {}

/// Writes `bytes` into `temp` (a temporary file beside `to`), syncs it and renames it over `to`:
/// a reader sees the old file or the new one, never half of one. The session file is saved
/// the same way.
pub(crate) fn replace_with(
    disk: &dyn Disk,
    mut temp: NamedTempFile,
    to: &Path,
    bytes: &[u8],
) -> io::Result<()> {
    disk.write(temp.as_file_mut(), bytes)?;
    disk.sync(temp.as_file())?;
    disk.rename(temp, to)
}

/// Moves the damaged file `dir/file_name` aside as `file_name.damaged-STAMP` (with `-2`, `-3`…
/// when that name is taken), never replacing a copy kept before, and returns where it went.
/// Fails with `AlreadyExists` when a hundred copies with this stamp are kept already. The
/// session file's damaged copies are kept the same way.
pub(crate) fn move_damaged_aside(disk: &dyn Disk, dir: &Path, file_name: &str) -> io::Result<PathBuf> {
    let path = dir.join(file_name);
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ");
    for n in 1..=100 {
        let name = if n == 1 {
            format!("{file_name}.damaged-{stamp}")
        } else {
            format!("{file_name}.damaged-{stamp}-{n}")
        };
        let aside = dir.join(name);
        match disk.move_aside(&path, &aside) {
            Ok(()) => return Ok(aside),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "too many damaged copies kept already",
    ))
}

/// Where notes are kept: `--data-dir` if given, else `COPYDESK_DATA_DIR` if set and not empty,
/// else the platform's data directory for copydesk.
pub fn data_dir(global: Option<&Path>) -> Result<PathBuf, StoreError> {
    data_dir_from(global, std::env::var_os(ENV_DATA_DIR))
}

/// [`data_dir`] with the environment variable's value passed in.
pub fn data_dir_from(global: Option<&Path>, env: Option<std::ffi::OsString>) -> Result<PathBuf, StoreError> {
    if let Some(d) = global {
        return Ok(d.to_path_buf());
    }
    if let Some(v) = env.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(v));
    }
    directories::ProjectDirs::from("", "", "copydesk")
        .map(|p| p.data_dir().to_path_buf())
        .ok_or(StoreError::NoDataDir)
}

/// Migration of notes written before `abs_path` was kept (the file format is the same version:
/// the field is optional, and an older copydesk reading the file ignores it). A note whose
/// `path` is absolute gets its canonical form. A relative path meant the folder copydesk ran in
/// then, which is not known; it is resolved from the current folder only when the file there
/// still holds the note's article (the same article id), so a note is never tied to another file
/// that happens to have the same relative name.
pub fn fill_abs_paths(notes: &mut [Note]) {
    use std::collections::HashMap;
    let mut loaded: HashMap<PathBuf, Vec<Article>> = HashMap::new();
    for note in notes.iter_mut().filter(|n| n.abs_path.is_none()) {
        let Some(abs) = super::model::canonical_path(&note.path) else {
            continue;
        };
        if Path::new(&note.path).is_absolute() {
            note.abs_path = Some(abs);
            continue;
        }
        let file = PathBuf::from(
            abs.rsplit_once('#')
                .filter(|_| !Path::new(&abs).exists())
                .map_or(abs.as_str(), |(f, _)| f),
        );
        let articles = loaded
            .entry(file)
            .or_insert_with_key(|f| crate::article::load_paths(std::slice::from_ref(f)).0);
        let line = note.path.rsplit_once('#').map(|(_, l)| l);
        let same = articles.iter().any(|a| {
            a.id == note.article_id && (line.is_none() || a.path.rsplit_once('#').map(|(_, l)| l) == line)
        });
        if same {
            note.abs_path = Some(abs);
        }
    }
}

/// The user's notes, in memory, with the file they are kept in.
pub struct NoteStore {
    dir: PathBuf,
    disk: Arc<dyn Disk>,
    notes: BTreeMap<String, Note>,
    deleted: BTreeMap<String, DateTime<Utc>>,
    dirty: bool,
    messages: Vec<String>,
}

impl std::fmt::Debug for NoteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NoteStore")
            .field("dir", &self.dir)
            .field("notes", &self.notes.len())
            .field("deleted", &self.deleted.len())
            .field("dirty", &self.dirty)
            .finish()
    }
}

/// What reading the notes file found.
enum Read {
    Missing,
    Good(NotesFile),
    Damaged(String),
}

impl NoteStore {
    /// Opens the notes in `dir`. Never fails: a damaged or unreadable file is moved aside and
    /// reported in the returned messages (for the user), and the store starts empty.
    ///
    /// Notes written before copydesk kept each note's absolute path get it here when it can be
    /// known (see [`fill_abs_paths`]); it is written with the next save.
    pub fn open(dir: &Path) -> (NoteStore, Vec<String>) {
        NoteStore::open_with(dir, Arc::new(RealDisk))
    }

    /// [`NoteStore::open`] through the given filesystem operations.
    pub fn open_with(dir: &Path, disk: Arc<dyn Disk>) -> (NoteStore, Vec<String>) {
        let mut store = NoteStore {
            dir: dir.to_path_buf(),
            disk,
            notes: BTreeMap::new(),
            deleted: BTreeMap::new(),
            dirty: false,
            messages: Vec::new(),
        };
        match store.read_or_move_aside(false) {
            Ok(Some(mut file)) => {
                fill_abs_paths(&mut file.notes);
                store.merge(file);
            }
            Ok(None) => {}
            Err(e) => store.messages.push(e.to_string()),
        }
        let messages = std::mem::take(&mut store.messages);
        (store, messages)
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The notes file.
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// True when there are changes not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Messages for the user gathered since the last call (e.g. a damaged file moved aside
    /// during a save).
    pub fn take_messages(&mut self) -> Vec<String> {
        std::mem::take(&mut self.messages)
    }

    /// All live notes, oldest first.
    pub fn all(&self) -> Vec<&Note> {
        let mut v: Vec<&Note> = self.notes.values().collect();
        v.sort_by(|a, b| a.created.cmp(&b.created).then_with(|| a.id.cmp(&b.id)));
        v
    }

    pub fn get(&self, id: &str) -> Option<&Note> {
        self.notes.get(id)
    }

    /// The full id of the one note whose id is or starts with `prefix`.
    pub fn find_id(&self, prefix: &str) -> Result<String, StoreError> {
        if self.notes.contains_key(prefix) {
            return Ok(prefix.to_string());
        }
        let mut hits = self
            .notes
            .range(prefix.to_string()..)
            .take_while(|(k, _)| k.starts_with(prefix));
        match (hits.next(), hits.next()) {
            (Some((k, _)), None) if !prefix.is_empty() => Ok(k.clone()),
            (Some(_), _) => Err(StoreError::AmbiguousId(prefix.to_string())),
            (None, _) => Err(StoreError::NoSuchNote(prefix.to_string())),
        }
    }

    /// Adds a note (or puts back one that was deleted: pass the note `delete` returned).
    pub fn add(&mut self, mut note: Note) -> &Note {
        if let Some(t) = self.deleted.remove(&note.id) {
            // Putting a deleted note back must beat its tombstone in the merge.
            note.updated = later_than(t.max(note.updated));
        }
        self.dirty = true;
        let id = note.id.clone();
        self.notes.insert(id.clone(), note);
        &self.notes[&id]
    }

    /// Replaces a note's text.
    pub fn edit(&mut self, id: &str, text: &str) -> Result<&Note, StoreError> {
        let note = self
            .notes
            .get_mut(id)
            .ok_or_else(|| StoreError::NoSuchNote(id.to_string()))?;
        note.set_text(text);
        self.dirty = true;
        Ok(note)
    }

    /// Deletes a note and returns it, so the caller can offer to undo (by passing it to `add`).
    pub fn delete(&mut self, id: &str) -> Result<Note, StoreError> {
        let note = self
            .notes
            .remove(id)
            .ok_or_else(|| StoreError::NoSuchNote(id.to_string()))?;
        self.deleted.insert(note.id.clone(), later_than(note.updated));
        self.dirty = true;
        Ok(note)
    }

    /// The notes to show on `article`: those written on it (same article id) or at its path,
    /// placed by the anchoring rules (possibly detached), then notes from other articles whose
    /// quoted passage appears in it, marked as carried over.
    pub fn notes_for(&self, article: &Article) -> Vec<(Note, Placement)> {
        let map = article.char_map();
        let mut own = Vec::new();
        let mut carried = Vec::new();
        for note in self.all() {
            if note.article_id == article.id || note.is_at(&article.path) {
                own.push((note.clone(), anchor::place_in(note, article, &map)));
            } else if let Some(p) = anchor::carry_over_with(note, article, &map) {
                carried.push((note.clone(), p));
            }
        }
        own.append(&mut carried);
        own
    }

    /// Every note with its home among `articles` (see [`anchor::resolve`]), oldest first.
    pub fn resolve<A: Borrow<Article>>(&self, articles: &[A]) -> Vec<(Note, Home)> {
        let notes: Vec<Note> = self.all().into_iter().cloned().collect();
        let homes = anchor::resolve(&notes, articles);
        notes.into_iter().zip(homes).collect()
    }

    /// Brings in what other processes saved since (merge by note id, newest wins), without
    /// writing. Returns messages for the user, as `open` does.
    pub fn reload(&mut self) -> Vec<String> {
        match self.read_or_move_aside(false) {
            Ok(Some(file)) => {
                self.merge(file);
            }
            Ok(None) => {}
            Err(e) => self.messages.push(e.to_string()),
        }
        self.take_messages()
    }

    /// Saves if there are unsaved changes: under the lock, re-reads the file, merges it in by
    /// note id (the newer `updated` wins; deletions win over older versions), and writes the
    /// result atomically. On failure the notes stay in memory, still marked unsaved, and the
    /// error says why; call again to retry.
    pub fn save(&mut self) -> Result<(), StoreError> {
        if !self.dirty {
            return Ok(());
        }
        let path = self.path();
        let save_err = |source: io::Error| StoreError::Save {
            path: path.clone(),
            source,
        };
        self.disk.create_dir_all(&self.dir).map_err(save_err)?;
        let _lock = self.disk.lock(&self.dir.join(LOCK_NAME)).map_err(save_err)?;
        if let Some(file) = self.read_or_move_aside(true)? {
            self.merge(file);
        }
        let bytes = serde_json::to_vec_pretty(&self.to_file()).map_err(|e| save_err(io::Error::other(e)))?;
        let temp = self.disk.temp_in(&self.dir).map_err(save_err)?;
        replace_with(self.disk.as_ref(), temp, &path, &bytes).map_err(save_err)?;
        self.dirty = false;
        Ok(())
    }

    /// The notes and tombstones as written to disk (notes oldest first).
    pub fn to_file(&self) -> NotesFile {
        NotesFile {
            version: FORMAT_VERSION,
            notes: self.all().into_iter().cloned().collect(),
            deleted: self
                .deleted
                .iter()
                .map(|(id, &deleted)| Tombstone {
                    id: id.clone(),
                    deleted,
                })
                .collect(),
        }
    }

    fn read(&self) -> Read {
        let path = self.path();
        let bytes = match self.disk.read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Read::Missing,
            Err(e) => return Read::Damaged(format!("could not be read: {e}")),
        };
        let version = serde_json::from_slice::<serde_json::Value>(&bytes)
            .ok()
            .and_then(|v| v.get("version").and_then(serde_json::Value::as_u64));
        match version {
            Some(v) if v > u64::from(FORMAT_VERSION) => {
                return Read::Damaged(format!(
                    "it is format version {v}, written by a newer copydesk; this one reads version {FORMAT_VERSION}"
                ));
            }
            _ => {}
        }
        match serde_json::from_slice::<NotesFile>(&bytes) {
            Ok(f) if f.version == FORMAT_VERSION => Read::Good(f),
            Ok(f) => Read::Damaged(format!("unknown format version {}", f.version)),
            Err(e) => Read::Damaged(format!("not a notes file: {e}")),
        }
    }

    /// Reads the file; a damaged one is moved aside (and a message queued), never overwritten.
    /// `locked` says whether the caller holds the lock; moving aside is only done under it, so
    /// that a good file another process has just written in its place is never the one moved.
    fn read_or_move_aside(&mut self, locked: bool) -> Result<Option<NotesFile>, StoreError> {
        let path = self.path();
        let problem = match self.read() {
            Read::Missing => return Ok(None),
            Read::Good(f) => return Ok(Some(f)),
            Read::Damaged(problem) => problem,
        };
        if !locked {
            return match self.disk.lock(&self.dir.join(LOCK_NAME)) {
                Ok(_lock) => self.read_or_move_aside(true),
                Err(source) => Err(StoreError::Damaged {
                    path,
                    problem,
                    source,
                }),
            };
        }
        match move_damaged_aside(self.disk.as_ref(), &self.dir, FILE_NAME) {
            Ok(aside) => {
                self.messages.push(format!(
                    "the notes file {} {problem}; it was kept as {} and copydesk carries on with a new notes file",
                    path.display(),
                    aside.display()
                ));
                Ok(None)
            }
            Err(source) => Err(StoreError::Damaged {
                path,
                problem,
                source,
            }),
        }
    }

    /// Merges a file's notes and tombstones into memory, per id the latest event winning.
    /// Returns true when memory changed.
    fn merge(&mut self, file: NotesFile) -> bool {
        let mut changed = false;
        for t in file.deleted {
            let newer = self.deleted.get(&t.id).is_none_or(|&d| t.deleted > d);
            if newer {
                self.deleted.insert(t.id.clone(), t.deleted);
            }
            if self.notes.get(&t.id).is_some_and(|n| n.updated <= t.deleted) {
                self.notes.remove(&t.id);
                changed = true;
            }
        }
        for note in file.notes {
            if self.deleted.get(&note.id).is_some_and(|&d| d >= note.updated) {
                continue;
            }
            let take = match self.notes.get(&note.id) {
                None => true,
                Some(mine) => (note.updated, &note.text) > (mine.updated, &mine.text),
            };
            if take {
                self.deleted.remove(&note.id);
                self.notes.insert(note.id.clone(), note);
                changed = true;
            }
        }
        // A note in memory newer than a tombstone from the file outlives it.
        let live: Vec<String> = self
            .deleted
            .keys()
            .filter(|id| self.notes.contains_key(*id))
            .cloned()
            .collect();
        for id in live {
            self.deleted.remove(&id);
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Meta, build};

    fn art() -> Article {
        build(
            "a.txt",
            "One sentence here. Another one there.".into(),
            "UTF-8",
            Meta::default(),
            vec![],
        )
    }

    #[test]
    fn data_dir_priority() {
        let flag = Path::new("/flag");
        assert_eq!(data_dir_from(Some(flag), Some("/env".into())).unwrap(), flag);
        assert_eq!(
            data_dir_from(None, Some("/env".into())).unwrap(),
            Path::new("/env")
        );
        // An empty variable is as good as unset.
        let dflt = data_dir_from(None, Some("".into()));
        if let Ok(d) = dflt {
            assert!(d.ends_with("copydesk"), "{d:?}");
        }
    }

    #[test]
    fn delete_returns_note_and_add_puts_it_back() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, msgs) = NoteStore::open(dir.path());
        assert!(msgs.is_empty());
        let n = s.add(Note::on_article(&art(), "x")).clone();
        s.save().unwrap();
        let gone = s.delete(&n.id).unwrap();
        s.save().unwrap();
        assert!(NoteStore::open(dir.path()).0.get(&n.id).is_none());
        s.add(gone);
        s.save().unwrap();
        assert_eq!(NoteStore::open(dir.path()).0.get(&n.id).unwrap().text, "x");
    }

    #[test]
    fn merge_keeps_both_sides_and_newest_edit() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, _) = NoteStore::open(dir.path());
        let (mut b, _) = NoteStore::open(dir.path());
        let shared = a.add(Note::on_article(&art(), "v1")).clone();
        a.save().unwrap();
        b.reload();
        b.add(Note::on_article(&art(), "from b"));
        b.edit(&shared.id, "v2 by b").unwrap();
        a.add(Note::on_article(&art(), "from a"));
        b.save().unwrap();
        a.save().unwrap(); // a's copy of `shared` is older: b's edit must survive
        let (c, _) = NoteStore::open(dir.path());
        let texts: Vec<&str> = c.all().iter().map(|n| n.text.as_str()).collect();
        assert_eq!(texts, ["v2 by b", "from b", "from a"]);
    }

    #[test]
    fn delete_in_one_process_is_not_resurrected_by_another() {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, _) = NoteStore::open(dir.path());
        let n = a.add(Note::on_article(&art(), "doomed")).clone();
        a.save().unwrap();
        let (mut b, _) = NoteStore::open(dir.path());
        a.delete(&n.id).unwrap();
        a.save().unwrap();
        b.add(Note::on_article(&art(), "other"));
        b.save().unwrap(); // b still holds "doomed" in memory
        let (c, _) = NoteStore::open(dir.path());
        assert!(c.get(&n.id).is_none());
        assert_eq!(c.all().len(), 1);
        assert!(b.get(&n.id).is_none(), "b learnt of the delete when it merged");
    }

    #[test]
    fn find_id_by_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = NoteStore::open(dir.path());
        let mut n1 = Note::on_article(&art(), "1");
        n1.id = "abc1".into();
        let mut n2 = Note::on_article(&art(), "2");
        n2.id = "abd2".into();
        s.add(n1);
        s.add(n2);
        assert_eq!(s.find_id("abc").unwrap(), "abc1");
        assert!(matches!(s.find_id("ab"), Err(StoreError::AmbiguousId(_))));
        assert!(matches!(s.find_id("zz"), Err(StoreError::NoSuchNote(_))));
        assert!(matches!(s.find_id(""), Err(StoreError::AmbiguousId(_))));
    }

    fn file_strategy() -> impl proptest::strategy::Strategy<Value = NotesFile> {
        use proptest::prelude::*;
        // Few ids, few times and few texts, so that the same note, equal times and ties abound.
        let time = (0i64..4).prop_map(|s| DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap_or_default());
        let id = prop::sample::select(vec!["a", "b", "c", "d"]);
        let note = (id.clone(), time.clone(), prop::sample::select(vec!["x", "y"])).prop_map(
            |(id, updated, text)| {
                let mut n = Note::on_article(&art(), text);
                n.id = id.to_string();
                n.created = DateTime::from_timestamp(1_600_000_000, 0).unwrap_or_default();
                n.updated = updated;
                n
            },
        );
        let tomb = (id, time).prop_map(|(id, deleted)| Tombstone {
            id: id.to_string(),
            deleted,
        });
        (
            prop::collection::vec(note, 0..5),
            prop::collection::vec(tomb, 0..3),
        )
            .prop_map(|(notes, deleted)| {
                // One version of a note per file, as a file written by `save` has.
                let mut seen = std::collections::HashSet::new();
                let notes = notes.into_iter().filter(|n| seen.insert(n.id.clone())).collect();
                NotesFile {
                    version: FORMAT_VERSION,
                    notes,
                    deleted,
                }
            })
    }

    fn merged(files: &[&NotesFile]) -> NotesFile {
        let dir = tempfile::tempdir().unwrap();
        let (mut s, _) = NoteStore::open(dir.path());
        for f in files {
            s.merge((*f).clone());
        }
        s.to_file()
    }

    proptest::proptest! {
        /// The merge two processes rely on does not depend on who saves first, and every id either
        /// side knew is still known afterwards, as a note or as a deletion: nothing is lost.
        #[test]
        fn merge_is_order_independent_and_loses_no_id(a in file_strategy(), b in file_strategy()) {
            let ab = merged(&[&a, &b]);
            let ba = merged(&[&b, &a]);
            proptest::prop_assert_eq!(&ab, &ba);
            proptest::prop_assert_eq!(&merged(&[&ab, &a]), &ab, "merging again changes nothing");
            let known = |f: &NotesFile| -> std::collections::BTreeSet<String> {
                f.notes.iter().map(|n| n.id.clone()).chain(f.deleted.iter().map(|t| t.id.clone())).collect()
            };
            let mut want = known(&a);
            want.extend(known(&b));
            proptest::prop_assert_eq!(known(&ab), want);
            for n in &ab.notes {
                proptest::prop_assert!(!ab.deleted.iter().any(|t| t.id == n.id), "live and deleted at once");
            }
        }
    }

    #[test]
    fn newer_format_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join(FILE_NAME);
        fs::write(&p, r#"{"version": 2, "notes": [], "future": true}"#).unwrap();
        let (mut s, msgs) = NoteStore::open(dir.path());
        assert_eq!(msgs.len(), 1);
        assert!(msgs[0].contains("newer copydesk"), "{msgs:?}");
        s.add(Note::on_article(&art(), "x"));
        s.save().unwrap();
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().starts_with("notes.json.damaged-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(fs::read_to_string(aside[0].path()).unwrap().contains("future"));
    }
}
